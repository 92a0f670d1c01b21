// A user's own network class with PyTorch-like method names, not tfjs
class TinyNet {
  eval() {
    return this;
  }
  predict(x) {
    return { item: () => x };
  }
}

export class Agent {
  constructor() {
    this.model = new TinyNet();
  }
}
