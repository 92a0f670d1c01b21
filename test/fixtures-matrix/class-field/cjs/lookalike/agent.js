const tf = require('@tensorflow/tfjs');
const { minimize } = require('numeric-optim');

// A user's own network class: its predict() is not a tfjs model's.
class TinyNet {
  predict(x) {
    return x * 2;
  }
}

class Agent {
  constructor() {
    this.model = new TinyNet();
    this.tfModel = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });
    this.optimizer = tf.train.adam(1e-3);
  }

  fitNumbers(x0) {
    return minimize((x) => this.model.predict(x), x0);
  }

  trainStep(xs, ys) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.tfModel.apply(xs, { training: true })));
  }
}
module.exports = { Agent };
