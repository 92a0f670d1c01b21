const tf = require('@tensorflow/tfjs');
const { createResource, createSignal } = require('solid-js');
const { createStore } = require('solid-js/store');
const { createSignal: createLocalSignal } = require('./signals.js');
const { createNet } = require('./net.js');

// A number in a signal, a user object in a store, a setter handed to other code, and the project's own createSignal.
const [epoch, setEpoch] = createSignal(0);
const [state, setState] = createStore({ trainer: { train() {}, eval() {} } });
const [model, setModel] = createSignal(null);
const [local] = createLocalSignal(createNet());
const [labels] = createResource(() => fetch('/labels.json').then((r) => r.json()));

function load(loader) {
  setModel(createNet());
  loader.onReady(setModel);
  setEpoch((e) => e + 1);
}

function guess(x) {
  state.trainer.eval();
  model().eval();
  local().eval();
  labels().item(0);
  return tf.tidy(() => model().predict(x).argMax(-1).dataSync()[0] + epoch().step);
}
module.exports = { load, guess };
