function train(model, optimizer, xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)));
}
exports.train = train;
