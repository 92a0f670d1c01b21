const tf = require('@tensorflow/tfjs');
const { create } = require('zustand');
const { devtools } = require('zustand/middleware');
const { createNet } = require('./net.js');

// The model lives in a zustand store: null until init() sets it, read back with get().
const useTrainer = create(
  devtools((set, get) => ({
    model: null,
    optimizer: tf.train.adam(1e-3),
    init() {
      set({ model: createNet() });
    },
    step(xs, ys) {
      const { model, optimizer } = get();
      model.train(); // expect: no-torch-mode-switch
      optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
    },
  })),
);
module.exports = { useTrainer };
