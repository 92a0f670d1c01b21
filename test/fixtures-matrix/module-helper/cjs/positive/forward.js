function forward(model, xs) {
  return model.predict(xs); // expect: require-training-flag
}
exports.forward = forward;
