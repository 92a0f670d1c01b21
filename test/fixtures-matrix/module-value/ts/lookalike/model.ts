// ml5-style wrapper and a numeric optimizer: same method names, not tfjs
export const model = {
  predict(x) {
    return x;
  },
  trainableWeights: [],
};
export const optimizer = {
  minimize(f, x0) {
    return f(x0);
  },
};
