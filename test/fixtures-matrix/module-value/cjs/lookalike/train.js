const { model, optimizer } = require('./model');

function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)));
}

function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs)), model.trainableWeights);
}
exports.step = step;
exports.stepWithList = stepWithList;
