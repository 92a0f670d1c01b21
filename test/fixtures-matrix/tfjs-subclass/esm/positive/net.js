import * as tf from '@tensorflow/tfjs';

export class Classifier extends tf.Sequential {
  constructor() {
    super();
    this.add(tf.layers.dense({ units: 8, inputShape: [4] }));
    this.add(tf.layers.dropout({ rate: 0.5 }));
    this.add(tf.layers.dense({ units: 2 }));
    this.opt = tf.train.adam(1e-3);
  }

  trainStep(xs, ys) {
    this.opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, this.apply(xs))); // expect: require-training-flag
  }

  setInference() {
    this.eval(); // expect: no-torch-mode-switch
  }
}
