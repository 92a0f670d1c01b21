function train(model, optimizer, xs, ys, loss) {
  optimizer.minimize(() => loss(ys, model.predict(xs))); // expect: require-training-flag
}
module.exports = { train };
