import * as tf from '@tensorflow/tfjs';

export class Agent {
  constructor() {
    this.model = tf.sequential({
      layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
    });
    this.optimizer = tf.train.adam(1e-3);
  }

  trainStep(xs, ys) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs))); // expect: require-training-flag
  }
}
