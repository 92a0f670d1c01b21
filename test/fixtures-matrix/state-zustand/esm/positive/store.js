import * as tf from '@tensorflow/tfjs';
import { create } from 'zustand';
import { devtools } from 'zustand/middleware';
import { createNet } from './net.js';

// The model lives in a zustand store: null until init() sets it, read back with get().
export const useTrainer = create(
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
