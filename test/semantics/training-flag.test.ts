// Facts behind require-training-flag, measured on real tfjs: a custom training step
// (optimizer.minimize / computeGradients / tf.variableGrads) runs the model in inference mode unless
// `{training: true}` reaches its layers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf, zeroFraction } from './tf.js';

interface Probe {
  model: tf.Sequential;
  bn: tf.layers.Layer;
  /** Zero fraction of the Dropout output seen by the last forward pass. */
  dropped: () => number;
  movingMean: () => number;
  /** Mean of the BatchNormalization output seen by the last forward pass. */
  bnOutMean: () => number;
}

/** Records what the layer after Dropout / after BatchNormalization saw. */
class Tap extends tf.layers.Layer {
  static className = 'Tap';
  last: Float32Array | Int32Array | Uint8Array = new Float32Array();
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    this.last = x.dataSync();
    return x;
  }
}

/** x = 3 everywhere → Dropout(0.5) → Tap → BatchNormalization → Tap → Dense(1). */
function probe(): Probe {
  const tapDrop = new Tap({});
  const tapBn = new Tap({});
  const bn = tf.layers.batchNormalization();
  const model = tf.sequential({
    layers: [tf.layers.dropout({ rate: 0.5, inputShape: [64] }), tapDrop, bn, tapBn, tf.layers.dense({ units: 1 })],
  });
  const mean = (a: ArrayLike<number>): number => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
  return {
    model,
    bn,
    dropped: () => zeroFraction(tf.tensor(tapDrop.last)),
    movingMean: () => bn.getWeights()[2]!.dataSync()[0]!,
    bnOutMean: () => mean(tapBn.last),
  };
}

const x = tf.fill([32, 64], 3);
const y = tf.zeros([32, 1]);
const loss = (out: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): tf.Scalar =>
  tf.losses.meanSquaredError(y, out as tf.Tensor) as tf.Scalar;

function assertInference(p: Probe, before: number, what: string): void {
  assert.equal(p.dropped(), 0, `${what}: Dropout dropped nothing`);
  assert.ok(Math.abs(p.bnOutMean() - 3) < 0.01, `${what}: BN normalized with moving stats (mean ≈ 3, got ${p.bnOutMean()})`);
  assert.equal(p.movingMean(), before, `${what}: BN moving mean never updated`);
}

describe('require-training-flag: the mode inside a custom training step', () => {
  it('optimizer.minimize(() => loss(model.apply(x))): Dropout off, BN on moving stats that do not update', () => {
    const p = probe();
    p.model.apply(x); // build
    const before = p.movingMean();
    tf.train.sgd(0.01).minimize(() => loss(p.model.apply(x)));
    assertInference(p, before, 'minimize + apply(x)');
  });

  it('tf.variableGrads(() => loss(model.apply(x))): same inference mode', () => {
    const p = probe();
    p.model.apply(x);
    const before = p.movingMean();
    const { grads } = tf.variableGrads(() => loss(p.model.apply(x)));
    assert.ok(Object.keys(grads).length > 0, 'gradients were recorded (it is a training step)');
    assertInference(p, before, 'variableGrads + apply(x)');
  });

  it('optimizer.computeGradients(() => loss(model.apply(x))): same inference mode', () => {
    const p = probe();
    p.model.apply(x);
    const before = p.movingMean();
    tf.train.adam(0.01).computeGradients(() => loss(p.model.apply(x)));
    assertInference(p, before, 'computeGradients + apply(x)');
  });

  for (const [name, run] of [
    ['predict(x)', (m: tf.Sequential) => m.predict(x) as tf.Tensor],
    ['predictOnBatch(x)', (m: tf.Sequential) => m.predictOnBatch(x) as tf.Tensor],
    ['execute(x, outputName)', (m: tf.Sequential) => m.execute(x, m.outputs[0]!.name) as tf.Tensor],
  ] as const) {
    it(`${name} inside minimize also runs in inference mode`, () => {
      const p = probe();
      p.model.apply(x);
      const before = p.movingMean();
      tf.train.sgd(0.01).minimize(() => loss(run(p.model)));
      assertInference(p, before, `minimize + ${name}`);
    });
  }

  it('an explicit {training: false} is inference mode too (a deliberate choice)', () => {
    const p = probe();
    p.model.apply(x);
    const before = p.movingMean();
    tf.train.sgd(0.01).minimize(() => loss(p.model.apply(x, { training: false })));
    assertInference(p, before, 'minimize + apply(x, {training: false})');
  });

  it('the suggested apply(x, {training: true}) inside minimize drops about half and updates the BN moving mean', () => {
    const p = probe();
    p.model.apply(x);
    const before = p.movingMean();
    tf.train.sgd(0.01).minimize(() => loss(p.model.apply(x, { training: true })));
    const dropped = p.dropped();
    assert.ok(dropped > 0.4 && dropped < 0.6, `zero fraction ${dropped}`);
    assert.ok(Math.abs(p.bnOutMean()) < 0.2, `BN normalized with batch stats (mean ≈ 0, got ${p.bnOutMean()})`);
    assert.notEqual(p.movingMean(), before, 'BN moving mean updated');
  });

  it('a layer applied directly in the step: dropout.apply(h) is the identity, dropout.apply(h, {training: true}) drops', () => {
    const drop = tf.layers.dropout({ rate: 0.5 });
    const w = tf.variable(tf.ones([64, 64]));
    let seen = -1;
    const opt = tf.train.sgd(0.01);
    opt.minimize(() => {
      const out = drop.apply(tf.matMul(x, w)) as tf.Tensor;
      seen = zeroFraction(out);
      return out.mean() as tf.Scalar;
    });
    assert.equal(seen, 0);
    opt.minimize(() => {
      const out = drop.apply(tf.matMul(x, w), { training: true }) as tf.Tensor;
      seen = zeroFraction(out);
      return out.mean() as tf.Scalar;
    });
    assert.ok(seen > 0.4 && seen < 0.6, `zero fraction ${seen}`);
  });

  for (const [name, make] of [
    ['spatialDropout1d', () => tf.layers.spatialDropout1d({ rate: 0.5 })],
    ['gaussianDropout', () => tf.layers.gaussianDropout({ rate: 0.5 })],
    ['alphaDropout', () => tf.layers.alphaDropout({ rate: 0.5 })],
    ['gaussianNoise', () => tf.layers.gaussianNoise({ stddev: 1 })],
  ] as const) {
    it(`${name}: identity without the flag inside minimize, active with {training: true}`, () => {
      const layer = make();
      const input = tf.fill([4, 50, 8], 3);
      const w = tf.variable(tf.scalar(1));
      const opt = tf.train.sgd(0.01);
      /** max |layer(input) - input| for the input seen inside one minimize step. */
      const change = (kwargs?: { training: boolean }): number => {
        let d = -1;
        opt.minimize(() => {
          const inp = input.mul(w);
          const out = layer.apply(inp, kwargs) as tf.Tensor;
          d = tf.max(tf.abs(tf.sub(out, inp))).dataSync()[0]!;
          return out.mean() as tf.Scalar;
        });
        return d;
      };
      assert.equal(change(), 0, `${name} is the identity in inference mode`);
      assert.ok(change({ training: true }) > 0.1, `${name} changes its input with training: true`);
    });
  }

  it('a custom layer in the model gets no training flag inside minimize unless {training: true} is passed', () => {
    const seen: unknown[] = [];
    class Probe extends tf.layers.Layer {
      static className = 'TrainingFlagProbe';
      call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
        seen.push(kwargs['training']);
        return Array.isArray(inputs) ? inputs[0]! : inputs;
      }
    }
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [64] }), new Probe({})] });
    const opt = tf.train.sgd(0.01);
    opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);
    opt.minimize(() => (model.apply(x, { training: true }) as tf.Tensor).mean() as tf.Scalar);
    assert.deepEqual(seen, [undefined, true]);
  });

  it('recurrent dropout: an lstm with dropout gives the same output as inference unless {training: true}', () => {
    const lstm = tf.layers.lstm({ units: 8, dropout: 0.5, recurrentDropout: 0.5, inputShape: [5, 4] });
    const input = tf.randomNormal([16, 5, 4], 0, 1, 'float32', 7);
    const ref = (lstm.apply(input) as tf.Tensor).dataSync();
    let plain: Float32Array | Int32Array | Uint8Array = new Float32Array();
    let trained: Float32Array | Int32Array | Uint8Array = new Float32Array();
    const opt = tf.train.sgd(0.01);
    opt.minimize(() => {
      const o = lstm.apply(input) as tf.Tensor;
      plain = o.dataSync();
      return o.sum() as tf.Scalar;
    });
    const refAfter = (lstm.apply(input) as tf.Tensor).dataSync(); // weights moved with the step
    opt.minimize(() => {
      const o = lstm.apply(input, { training: true }) as tf.Tensor;
      trained = o.dataSync();
      return o.sum() as tf.Scalar;
    });
    assert.deepEqual(Array.from(plain), Array.from(ref), 'inside minimize without the flag: same as inference');
    assert.notDeepEqual(Array.from(refAfter), Array.from(ref), 'sanity: the step changed the weights');
    const diff = Array.from(trained).reduce((s, v, i) => s + Math.abs(v - refAfter[i]!), 0);
    assert.ok(diff > 1e-3, `with training: true the dropout masks change the output (diff ${diff})`);
  });

  it('a frozen target network evaluated with predict() inside the online loss stays in inference mode and keeps its weights', () => {
    const online = probe();
    const target = probe();
    target.model.trainable = false;
    online.model.apply(x);
    target.model.apply(x);
    const targetWeights = target.model.getWeights().map((w) => Array.from(w.dataSync()));
    const onlineVars = online.model.trainableWeights.map((w) => w.read() as tf.Variable);
    tf.train.sgd(0.1).minimize(
      () => loss(tf.sub(online.model.apply(x, { training: true }) as tf.Tensor, target.model.predict(x) as tf.Tensor)),
      false,
      onlineVars,
    );
    assert.equal(target.dropped(), 0, 'the target network ran in inference mode (what a DQN target wants)');
    assert.deepEqual(target.model.getWeights().map((w) => Array.from(w.dataSync())), targetWeights);
  });
});
