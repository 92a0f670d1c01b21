import * as tf from '@tensorflow/tfjs';

export class Agent {
  model = tf.sequential({
    layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
  });
  private optimizer = tf.train.adam(1e-3);

  trainStep(xs: tf.Tensor, ys: tf.Tensor): void {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs) as tf.Tensor)); // expect: require-training-flag
  }
}
