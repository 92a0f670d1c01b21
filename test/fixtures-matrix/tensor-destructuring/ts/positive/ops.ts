import * as tf from '@tensorflow/tfjs';

export function halves(x) {
  const [left, right] = tf.split(tf.randomNormal([4, 8]), 2, 1);
  left.add(right); // expect: no-discarded-tensor
  return right.view(4, -1); // expect: no-torch-tensor-api
}

export function rows() {
  const [first, ...rest] = tf.unstack(tf.zeros([3, 2]));
  const total = first.item(); // expect: no-torch-tensor-api
  return { total, rest };
}
