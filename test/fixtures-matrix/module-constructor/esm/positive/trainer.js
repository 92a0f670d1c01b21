import * as tf from '@tensorflow/tfjs';

// the model and the optimizer arrive through the constructor, from the module that builds them
export class Trainer {
  constructor(model, optimizer) {
    this.model = model;
    this.optimizer = optimizer;
  }

  step(xs, ys) {
    this.model.train(); // expect: no-torch-mode-switch
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs))); // expect: require-training-flag
  }

  parameterCount() {
    return this.model.parameters().length; // expect: no-torch-module-api
  }
}
