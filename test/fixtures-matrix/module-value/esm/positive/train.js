import { model, optimizer } from './model.js';

export function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs))); // expect: require-training-flag
}

export function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.apply(xs, { training: true })), model.trainableWeights); // expect: no-misplaced-var-list
}
