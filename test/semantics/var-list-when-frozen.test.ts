// Facts behind require-var-list-when-frozen, measured on real tfjs 4.22 (CPU).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

const x = tf.randomNormal([16, 4], 0, 1, 'float32', 1);
const y = tf.randomNormal([16, 1], 0, 1, 'float32', 2);

type Kind = 'sequential' | 'functional';

function make(kind: Kind, d1Args: { trainable?: boolean } = {}): { m: tf.LayersModel; d1: tf.layers.Layer } {
  const d1 = tf.layers.dense({ units: 4, inputShape: [4], ...d1Args });
  const d2 = tf.layers.dense({ units: 1 });
  if (kind === 'sequential') return { m: tf.sequential({ layers: [d1, d2] }), d1 };
  const inp = tf.input({ shape: [4] });
  return { m: tf.model({ inputs: inp, outputs: d2.apply(d1.apply(inp)) as tf.SymbolicTensor }), d1 };
}

const kernel = (l: tf.layers.Layer): number => l.getWeights()[0]!.dataSync()[0]!;
const lossOf = (m: tf.LayersModel) => (): tf.Scalar => tf.losses.meanSquaredError(y, m.apply(x) as tf.Tensor) as tf.Scalar;

function changes(layer: tf.layers.Layer, f: () => unknown): boolean {
  const before = kernel(layer);
  f();
  return kernel(layer) !== before;
}

/** Names of the variables a gradient result covers. */
const gradNames = (grads: Record<string, tf.Tensor>): string[] => Object.keys(grads).sort();

describe('require-var-list-when-frozen: C, a layer created with {trainable: false}', () => {
  for (const kind of ['sequential', 'functional'] as const) {
    for (const compiled of [false, true]) {
      const label = `[${kind}${compiled ? ', compiled' : ''}]`;
      const setup = () => {
        const r = make(kind, { trainable: false });
        if (compiled) r.m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
        r.m.apply(x); // build
        return r;
      };

      it(`${label} its tf.Variables stay trainable; only the layer flag is false`, () => {
        const { d1 } = setup();
        assert.equal(d1.trainable, false);
        assert.deepEqual(
          d1.weights.map((w) => (w.read() as tf.Variable).trainable),
          [true, true],
        );
      });

      it(`${label} minimize(loss) without a var list CHANGES the frozen layer`, () => {
        const { m, d1 } = setup();
        assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m))), true);
      });

      it(`${label} minimize(loss, false, m.trainableWeights.map(w => w.read())) leaves it unchanged`, () => {
        const { m, d1 } = setup();
        const varList = m.trainableWeights.map((w) => w.read() as tf.Variable);
        assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m), false, varList)), false);
      });

      it(`${label} a var list built from m.weights CHANGES it`, () => {
        const { m, d1 } = setup();
        const varList = m.weights.map((w) => w.read() as tf.Variable);
        assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m), false, varList)), true);
      });

      it(`${label} variableGrads(loss) and computeGradients(loss) return gradients for the frozen layer`, () => {
        const { m, d1 } = setup();
        const frozenNames = d1.weights.map((w) => (w.read() as tf.Variable).name);
        const vg = tf.variableGrads(lossOf(m));
        const cg = tf.train.sgd(0.1).computeGradients(lossOf(m));
        for (const name of frozenNames) {
          assert.ok(gradNames(vg.grads).includes(name), `variableGrads has ${name}`);
          assert.ok(gradNames(cg.grads).includes(name), `computeGradients has ${name}`);
        }
        const limited = tf.variableGrads(lossOf(m), m.trainableWeights.map((w) => w.read() as tf.Variable));
        for (const name of frozenNames) assert.ok(!gradNames(limited.grads).includes(name), `the trainableWeights list excludes ${name}`);
      });
    }
  }
});

describe('where each training API takes its var list (VAR_LIST_POSITION in src/facts/tfjs-api.ts)', () => {
  it('minimize(f, returnCost, varList): third; variableGrads(f, varList) and computeGradients(f, varList): second', () => {
    const { m, d1 } = make('sequential');
    m.apply(x);
    const only = [(m.layers[1]!.weights[0]!.read() as tf.Variable)];
    const d1Names = d1.weights.map((w) => (w.read() as tf.Variable).name);
    const vg = tf.variableGrads(lossOf(m), only);
    const cg = tf.train.sgd(0.1).computeGradients(lossOf(m), only);
    assert.deepEqual(gradNames(vg.grads), [only[0]!.name]);
    assert.deepEqual(gradNames(cg.grads), [only[0]!.name]);
    for (const name of d1Names) assert.ok(!gradNames(vg.grads).includes(name));
    assert.equal(changes(d1, () => tf.train.sgd(0.5).minimize(lossOf(m), false, only)), false, 'minimize updates only the third argument');
    assert.equal(changes(d1, () => tf.train.sgd(0.5).minimize(lossOf(m), false)), true, 'without it, every trainable variable');
  });
});

describe('require-var-list-when-frozen: D, a setter freeze and compile()', () => {
  it('Sequential: setter freeze -> compile -> minimize(loss) without a var list CHANGES the layer', () => {
    const { m, d1 } = make('sequential');
    m.apply(x);
    d1.trainable = false;
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    assert.deepEqual(d1.weights.map((w) => (w.read() as tf.Variable).trainable), [true, true], 'compile re-marked the variables trainable');
    assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m))), true);
  });

  it('Sequential: the same freeze on a model that is never compiled leaves the layer unchanged', () => {
    const { m, d1 } = make('sequential');
    d1.trainable = false;
    assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m))), false);
  });

  it('Sequential: compile first, then the setter freeze: minimize leaves the layer unchanged', () => {
    const { m, d1 } = make('sequential');
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    d1.trainable = false;
    assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m))), false);
  });

  it('functional tf.model: setter freeze -> compile keeps the freeze (only Sequential.compile rebuilds)', () => {
    const { m, d1 } = make('functional');
    d1.trainable = false;
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m))), false);
  });

  it('the suggested var list works after the Sequential compile reset', () => {
    const { m, d1 } = make('sequential');
    d1.trainable = false;
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const varList = m.trainableWeights.map((w) => w.read() as tf.Variable);
    assert.equal(changes(d1, () => tf.train.sgd(0.1).minimize(lossOf(m), false, varList)), false);
  });
});

describe('require-var-list-when-frozen: a BatchNormalization created with {trainable: false}, next to a layer written with the setter', () => {
  it('its gamma and beta stay trainable tf.Variables, and minimize(loss) without a var list changes them, whatever the setter did to the other layer', () => {
    const m = tf.sequential();
    m.add(tf.layers.dense({ units: 4, inputShape: [4], trainable: false }));
    m.add(tf.layers.batchNormalization({ trainable: false }));
    m.add(tf.layers.dense({ units: 1 }));
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    m.layers[0]!.trainable = true; // the setter reaches the first layer's variables only
    const bn = m.layers[1]!;
    assert.equal(bn.trainable, false);
    assert.deepEqual(
      bn.weights.map((w) => [w.name.split('/').pop(), (w.read() as tf.Variable).trainable]),
      [['gamma', true], ['beta', true], ['moving_mean', false], ['moving_variance', false]],
    );
    const beta = (): number => bn.getWeights()[1]!.dataSync()[0]!;
    const before = beta();
    tf.train.sgd(0.5).minimize(() => tf.losses.meanSquaredError(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar);
    assert.notEqual(beta(), before, 'the "frozen" BatchNormalization was trained');
  });
});
