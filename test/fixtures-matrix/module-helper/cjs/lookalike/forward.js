function forward(model, xs) {
  return model.predict(xs);
}
exports.forward = forward;
