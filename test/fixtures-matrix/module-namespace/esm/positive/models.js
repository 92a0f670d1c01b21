import * as tf from '@tensorflow/tfjs';

export function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
}

export const optimizer = tf.train.adam(1e-3);

export class Agent {
  constructor() {
    this.model = createModel();
  }
}
