// brain.js-style network: its own train/run/predict, not a tfjs model
export function createModel() {
  return {
    predict(x) {
      return x.map((v) => v * 2);
    },
    eval() {
      return this;
    },
  };
}
