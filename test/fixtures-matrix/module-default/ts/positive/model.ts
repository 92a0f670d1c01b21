import * as tf from '@tensorflow/tfjs';

export default function buildModel() {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
