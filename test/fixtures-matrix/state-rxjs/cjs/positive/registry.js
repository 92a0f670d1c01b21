const tf = require('@tensorflow/tfjs');
const { BehaviorSubject } = require('rxjs');
const { createNet } = require('./net.js');

// A service keeping the live model in a subject, replaced with next().
class ModelRegistry {
  constructor() {
    this.model$ = new BehaviorSubject(createNet());
    this.optimizer = tf.train.adam(1e-3);
  }

  reset() {
    this.model$.next(createNet());
  }
}
module.exports = { ModelRegistry };
