const tf = require('@tensorflow/tfjs');
const { createResource, createSignal } = require('solid-js');
const { createStore } = require('solid-js/store');
const { createNet } = require('./net.js');

// A signal holding the live model, a resource loading a pretrained one, and a store with the fine-tuned one.
const [model, setModel] = createSignal(null);
const [pretrained] = createResource(() => tf.loadLayersModel('/model/model.json'));
const [state, setState] = createStore({ head: null, status: 'idle' });

function load() {
  setModel(createNet());
  setState('head', createNet());
}

function guess(x) {
  model().eval(); // expect: no-torch-mode-switch
  return model().predict(x).argMax(-1).item(); // expect: no-torch-tensor-api
}

function finetune(xs, ys) {
  state.head.train(); // expect: no-torch-mode-switch
  return pretrained().fit(xs, ys, { epochs: 2, batch_size: 16 }); // expect: no-unknown-options
}
module.exports = { load, guess, finetune };
