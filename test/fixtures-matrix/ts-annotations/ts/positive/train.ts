import * as tf from '@tensorflow/tfjs';

interface Batch {
  xs: tf.Tensor;
  ys: tf.Tensor;
}
interface Nets {
  online: tf.LayersModel;
  target: tf.LayersModel;
}
type Step = { model: tf.LayersModel; optimizer: tf.Optimizer };

// the project builds Dropout, so a model of unknown structure may contain it
export const classifier = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });

export function run(batches: Batch[], nets: Nets, steps: Step[]) {
  nets.online.eval(); // expect: no-torch-mode-switch
  for (const { xs, ys } of batches) {
    const flat = xs.view(-1, 4); // expect: no-torch-tensor-api
    ys.relu(); // expect: no-discarded-tensor
    for (const s of steps) {
      s.optimizer.minimize(() => tf.losses.meanSquaredError(ys, s.model.predict(flat) as tf.Tensor) as tf.Scalar); // expect: require-training-flag
      s.optimizer.minimize(() => tf.losses.meanSquaredError(ys, s.model.apply(flat, { training: true }) as tf.Tensor) as tf.Scalar, s.model.getWeights() as never); // expect: no-misplaced-var-list
    }
  }
}

export function firstOfPair([a, b]: [tf.Tensor, tf.Tensor]) {
  return a.unsqueeze(0).add(b); // expect: no-torch-tensor-api
}
