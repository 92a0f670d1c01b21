export function forward(model, xs) {
  return model.predict(xs);
}
