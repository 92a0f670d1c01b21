// ml5-style wrapper and a numeric optimizer: same method names, not tfjs
const model = {
  predict(x) {
    return x;
  },
  trainableWeights: [],
};
const optimizer = {
  minimize(f, x0) {
    return f(x0);
  },
};
exports.model = model;
exports.optimizer = optimizer;
