import * as tf from '@tensorflow/tfjs';
import { create as createZustand } from 'zustand';
import { create } from './my-store.js';
import { createNet } from './net.js';

// The project's own create(): its state is not a zustand store's.
export const useOwn = create((set, get) => ({
  model: createNet(),
  optimizer: tf.train.adam(1e-3),
  step() {
    get().model.train();
  },
}));

// A zustand store holding a plain trainer object and a number.
export const useTrainer = createZustand((set, get) => ({
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
