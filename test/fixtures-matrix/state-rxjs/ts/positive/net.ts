import * as tf from '@tensorflow/tfjs';

export function createNet() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
  });
}
