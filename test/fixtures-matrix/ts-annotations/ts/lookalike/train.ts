import * as tf from '@tensorflow/tfjs';

// a grid library with its own view(), a user network with eval()/predict(), a numeric minimizer
interface Grid {
  view(rows: number, cols: number): Grid;
  relu(): Grid;
}
class Net {
  eval(): void {}
  predict(x: Grid): Grid {
    return x;
  }
}
interface Batch {
  xs: Grid;
  ys: Grid;
}
interface Nets {
  online: Net;
}
type Step = { model: Net; optimizer: { minimize(f: () => number, x0: number[]): number[] } };

export const classifier = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });

export function run(batches: Batch[], nets: Nets, steps: Step[], models: tf.LayersModel[]) {
  nets.online.eval();
  for (const { xs, ys } of batches) {
    const flat = xs.view(-1, 4);
    ys.relu();
    for (const s of steps) s.optimizer.minimize(() => s.model.predict(flat) && 0, [0, 1]);
  }
  const opt = tf.train.adam();
  const x = tf.zeros([1, 4]);
  // a typed model array run in training mode, with the var list in its place
  for (const m of models) opt.minimize(() => m.apply(x, { training: true }) as tf.Scalar, false, m.trainableWeights.map((w) => w.read() as tf.Variable));
}

export function firstOfPair([a, b]: [number[], number[]]) {
  return a.concat(b);
}
