export function train(model, optimizer, xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs))); // expect: require-training-flag
}
