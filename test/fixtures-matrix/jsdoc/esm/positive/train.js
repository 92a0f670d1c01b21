import * as tf from '@tensorflow/tfjs';
import { fetchModel, decode } from 'model-zoo';

/** @returns {Promise<tf.LayersModel>} */
export function loadBase(url) {
  return fetchModel(url);
}

export class Agent {
  constructor() {
    /** @type {tf.LayersModel} */
    this.model = null;
    this.optimizer = tf.train.adam(1e-3);
  }

  async init(url) {
    this.model = await loadBase(url);
    this.model.eval(); // expect: no-torch-mode-switch
  }

  /** @param {tf.Tensor} xs */
  step(xs) {
    this.optimizer.minimize(() => this.model.predict(xs).mean()); // expect: require-training-flag
  }
}

/**
 * @param {import('@tensorflow/tfjs').Sequential} net
 * @param {tf.Tensor} [x]
 */
export function finetune(net, x) {
  net.train(); // expect: no-torch-mode-switch
  return x.view(-1); // expect: no-torch-tensor-api
}

/** @type {tf.Tensor|null} */
let cached = null;

export function remember(bytes) {
  cached = decode(bytes);
  return cached.numpy(); // expect: no-torch-tensor-api
}

export function head() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 })] });
}
