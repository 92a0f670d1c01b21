const tf = require('@tensorflow/tfjs');

const bias = tf.zeros([1]);
exports.bias = bias;
