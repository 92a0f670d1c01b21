const tf = require('@tensorflow/tfjs');

const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
const optimizer = tf.train.adam(1e-3);
exports.model = model;
exports.optimizer = optimizer;
