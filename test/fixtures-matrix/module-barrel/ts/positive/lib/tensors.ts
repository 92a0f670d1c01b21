import * as tf from '@tensorflow/tfjs';

export const bias = tf.zeros([1]);
