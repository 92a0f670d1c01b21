import * as tf from '@tensorflow/tfjs';

function split(list) {
  return [list.slice(0, 1), list.slice(1)];
}

export function halves(x) {
  const [left, right] = split([1, 2, 3]);
  left.concat(right);
  const [a, b] = tf.split(tf.randomNormal([4, 8]), 2, 1);
  return [right.view(4, -1), a.add(b)];
}

export function rows() {
  const [first, ...rest] = [{ item: () => 1 }];
  const total = first.item();
  return { total, rest };
}
