import * as tf from '@tensorflow/tfjs';

export function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
}
