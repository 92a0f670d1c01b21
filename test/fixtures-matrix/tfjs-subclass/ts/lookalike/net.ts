import * as tf from '@tensorflow/tfjs';

class Base {
  apply(x) {
    return x;
  }
  eval() {}
}

// a user class that is not a tfjs model: its own apply/eval
export class Classifier extends Base {
  constructor() {
    super();
    this.layer = tf.layers.dropout({ rate: 0.5 });
    this.opt = tf.train.adam(1e-3);
  }

  trainStep(xs, ys) {
    this.opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, this.layer.apply(this.apply(xs), { training: true })));
  }

  setInference() {
    this.eval();
  }
}
