const tf = require('@tensorflow/tfjs');
const { create: createZustand } = require('zustand');
const { create } = require('./my-store.js');
const { createNet } = require('./net.js');

// The project's own create(): its state is not a zustand store's.
const useOwn = create((set, get) => ({
  model: createNet(),
  optimizer: tf.train.adam(1e-3),
  step() {
    get().model.train();
  },
}));

// A zustand store holding a plain trainer object and a number.
const useTrainer = createZustand((set, get) => ({
  trainer: { train() {}, eval() {}, parameters: () => [] },
  epoch: 0,
  model: createNet(),
  optimizer: tf.train.adam(1e-3),
  step(xs, ys) {
    const { trainer, model, optimizer } = get();
    trainer.train();
    set((s) => ({ epoch: s.epoch + 1 }));
    optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true })));
  },
}));
module.exports = { useOwn, useTrainer };
