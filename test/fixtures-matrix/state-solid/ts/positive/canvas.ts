import * as tf from '@tensorflow/tfjs';
import { createResource, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { createNet } from './net.js';

// A signal holding the live model, a resource loading a pretrained one, and a store with the fine-tuned one.
const [model, setModel] = createSignal(null);
const [pretrained] = createResource(() => tf.loadLayersModel('/model/model.json'));
const [state, setState] = createStore({ head: null, status: 'idle' });

export function load() {
  setModel(createNet());
  setState('head', createNet());
}

export function guess(x) {
  model().eval(); // expect: no-torch-mode-switch
  return model().predict(x).argMax(-1).item(); // expect: no-torch-tensor-api
}

export function finetune(xs, ys) {
  state.head.train(); // expect: no-torch-mode-switch
  return pretrained().fit(xs, ys, { epochs: 2, batch_size: 16 }); // expect: no-unknown-options
}
