import * as tf from '@tensorflow/tfjs';

export function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dense({ units: 1 })] });
}

export function createFrozenModel() {
  // a frozen feature layer, marked in its constructor
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4], trainable: false }), tf.layers.dense({ units: 1 })] });
}
