import * as tf from '@tensorflow/tfjs';
import { createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { createSignal as createLocalSignal } from './signals.js';
import { createNet } from './net.js';

// A number in a signal, a user object in a store, a setter handed to other code, and the project's own createSignal.
const [epoch, setEpoch] = createSignal(0);
const [state, setState] = createStore({ trainer: { train() {}, eval() {} } });
const [model, setModel] = createSignal(null);
const [local] = createLocalSignal(createNet());
const [labels] = createResource(() => fetch('/labels.json').then((r) => r.json()));

export function load(loader) {
  setModel(createNet());
  loader.onReady(setModel);
  setEpoch((e) => e + 1);
}

export function guess(x) {
  state.trainer.eval();
  model().eval();
  local().eval();
  labels().item(0);
  return tf.tidy(() => model().predict(x).argMax(-1).dataSync()[0] + epoch().step);
}
