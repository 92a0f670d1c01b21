export function train(model, optimizer, xs, ys, loss) {
  optimizer.minimize(() => loss(ys, model.predict(xs)), [0]);
}
