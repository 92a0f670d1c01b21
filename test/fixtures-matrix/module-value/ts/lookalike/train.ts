import { model, optimizer } from './model';

export function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)));
}

export function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)), model.trainableWeights);
}
