const { model, optimizer } = require('./model');

function step(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.predict(xs))); // expect: require-training-flag
}

function stepWithList(xs, ys, lossFn) {
  optimizer.minimize(() => lossFn(ys, model.apply(xs, { training: true })), model.trainableWeights); // expect: no-misplaced-var-list
}
exports.step = step;
exports.stepWithList = stepWithList;
