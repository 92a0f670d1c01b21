import * as tf from '@tensorflow/tfjs';

export class Trainer {
  constructor(model, optimizer) {
    this.model = model;
    this.optimizer = optimizer;
  }

  step(xs, ys) {
    this.model.train();
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs)), [0]);
  }

  parameterCount() {
    return this.model.parameters().length;
  }
}
