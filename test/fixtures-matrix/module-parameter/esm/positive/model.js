import * as tf from '@tensorflow/tfjs';
import { train } from './train.js';

export class Agent {
  constructor() {
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
    this.optimizer = tf.train.adam(1e-3);
  }

  fit(xs, ys) {
    train(this.model, this.optimizer, xs, ys, tf.losses.meanSquaredError);
  }
}
