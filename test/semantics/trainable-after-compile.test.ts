// Facts behind no-trainable-after-compile, measured on real tfjs 4.22 (CPU).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { captureWarnings, tf } from './tf.js';

const x = tf.randomNormal([16, 4], 0, 1, 'float32', 1);
const y = tf.randomNormal([16, 1], 0, 1, 'float32', 2);
const DISCREPANCY = /Discrepancy between trainableweights and collected trainable weights/;
const NONE_TRAINABLE = /variableGrads\(\) expects at least one of the input variables to be trainable/;

type Kind = 'sequential' | 'functional';

function make(kind: Kind): { m: tf.LayersModel; d1: tf.layers.Layer; d2: tf.layers.Layer } {
  const d1 = tf.layers.dense({ units: 4, inputShape: [4] });
  const d2 = tf.layers.dense({ units: 1 });
  if (kind === 'sequential') return { m: tf.sequential({ layers: [d1, d2] }), d1, d2 };
  const inp = tf.input({ shape: [4] });
  return { m: tf.model({ inputs: inp, outputs: d2.apply(d1.apply(inp)) as tf.SymbolicTensor }), d1, d2 };
}

const kernel = (l: tf.layers.Layer): number => l.getWeights()[0]!.dataSync()[0]!;
const compile = (m: tf.LayersModel, optimizer: string | tf.Optimizer = 'sgd'): void => m.compile({ optimizer, loss: 'meanSquaredError' });
const fit = (m: tf.LayersModel) => m.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
const dataset = () =>
  tf.data.zip({ xs: tf.data.array(x.unstack()), ys: tf.data.array(y.unstack()) }).batch(16) as unknown as tf.data.Dataset<{ xs: tf.Tensor; ys: tf.Tensor }>;

/** Runs `f` and says whether `layer`'s first kernel entry moved, with the warnings printed meanwhile. */
async function changes(layer: tf.layers.Layer, f: () => unknown): Promise<{ changed: boolean; warnings: string[] }> {
  const before = kernel(layer);
  const { warnings } = await captureWarnings(async () => {
    await f();
  });
  return { changed: kernel(layer) !== before, warnings };
}

describe('no-trainable-after-compile: trainable changes after compile()', () => {
  for (const kind of ['sequential', 'functional'] as const) {
    it(`[${kind}] A: compile -> d1.trainable = false -> fit: the freeze applies, and fit warns "Discrepancy"`, async () => {
      const { m, d1 } = make(kind);
      compile(m);
      d1.trainable = false;
      const r = await changes(d1, () => fit(m));
      assert.equal(r.changed, false, 'd1 is frozen by the write even without recompiling');
      assert.ok(r.warnings.some((w) => DISCREPANCY.test(w)), `warnings: ${JSON.stringify(r.warnings)}`);
    });

    it(`[${kind}] A: with fitDataset or trainOnBatch the freeze applies silently (only fit checks consistency)`, async () => {
      const { m, d1 } = make(kind);
      compile(m);
      d1.trainable = false;
      const ds = await changes(d1, () => m.fitDataset(dataset(), { epochs: 1, verbose: 0 }));
      assert.equal(ds.changed, false);
      assert.deepEqual(ds.warnings, [], 'fitDataset does not warn');
      const tob = await changes(d1, () => m.trainOnBatch(x, y));
      assert.equal(tob.changed, false);
      assert.deepEqual(tob.warnings, [], 'trainOnBatch does not warn');
    });

    it(`[${kind}] A': compile -> freeze -> recompile -> fit: frozen, no warning`, async () => {
      const { m, d1 } = make(kind);
      compile(m);
      d1.trainable = false;
      compile(m);
      const r = await changes(d1, () => fit(m));
      assert.equal(r.changed, false);
      assert.deepEqual(r.warnings, []);
    });

    it(`[${kind}] B: freeze -> compile -> d1.trainable = true -> fit / trainOnBatch: the unfreeze is ignored`, async () => {
      const { m, d1 } = make(kind);
      d1.trainable = false;
      compile(m);
      d1.trainable = true;
      assert.equal((await changes(d1, () => fit(m))).changed, false, 'fit ignores the unfreeze');
      assert.equal((await changes(d1, () => m.trainOnBatch(x, y))).changed, false, 'trainOnBatch ignores the unfreeze');
      assert.equal((await changes(d1, () => m.fitDataset(dataset(), { epochs: 1, verbose: 0 }))).changed, false, 'fitDataset ignores the unfreeze');
    });

    it(`[${kind}] B': ... then recompile -> fit: d1 trains`, async () => {
      const { m, d1 } = make(kind);
      d1.trainable = false;
      compile(m);
      d1.trainable = true;
      compile(m);
      assert.equal((await changes(d1, () => fit(m))).changed, true);
    });

    it(`[${kind}] a freeze undone before training leaves fit as compiled: compile -> false -> true -> fit trains d1`, async () => {
      const { m, d1 } = make(kind);
      compile(m);
      d1.trainable = false;
      d1.trainable = true;
      const r = await changes(d1, () => fit(m));
      assert.equal(r.changed, true);
      assert.deepEqual(r.warnings, []);
    });

    it(`[${kind}] E: compile -> model.trainable = false -> fit / fitDataset / trainOnBatch throw, also after a recompile`, async () => {
      const { m } = make(kind);
      compile(m);
      m.trainable = false;
      await assert.rejects(fit(m), NONE_TRAINABLE);
      await assert.rejects(m.fitDataset(dataset(), { epochs: 1, verbose: 0 }), NONE_TRAINABLE);
      await assert.rejects(m.trainOnBatch(x, y), NONE_TRAINABLE);
      compile(m);
      await assert.rejects(fit(m), NONE_TRAINABLE);
    });

    it(`[${kind}] E: setting model.trainable = true again before fit makes it train (the suggested repair)`, async () => {
      const { m, d1 } = make(kind);
      compile(m);
      m.trainable = false;
      m.trainable = true;
      assert.equal((await changes(d1, () => fit(m))).changed, true);
    });

    it(`[${kind}] model frozen -> compile -> model.trainable = true -> fit throws; a recompile fixes it`, async () => {
      const { m, d1 } = make(kind);
      m.trainable = false;
      compile(m);
      m.trainable = true;
      await assert.rejects(fit(m), NONE_TRAINABLE);
      compile(m);
      assert.equal((await changes(d1, () => fit(m))).changed, true);
    });
  }

  for (const kind of ['sequential', 'functional'] as const) {
    it(`[${kind}] compile -> every layer frozen in a loop -> the last unfrozen -> fit: the others stay frozen, and fit warns "Discrepancy"`, async () => {
      const { m, d1, d2 } = make(kind);
      compile(m);
      await fit(m);
      for (const l of m.layers) l.trainable = false;
      d2.trainable = true;
      const before2 = kernel(d2);
      const r = await changes(d1, () => fit(m));
      assert.equal(r.changed, false, 'd1 stays frozen: one unfreeze does not undo the loop');
      assert.notEqual(kernel(d2), before2, 'd2, unfrozen again, trains');
      assert.ok(r.warnings.some((w) => DISCREPANCY.test(w)), `warnings: ${JSON.stringify(r.warnings)}`);
    });

    // no-trainable-after-compile: a loop over every layer undoes a loop over every layer (the list is never empty)
    it(`[${kind}] compile -> every layer frozen in a loop -> every layer unfrozen in a loop -> fit trains as compiled, no warning`, async () => {
      const { m, d1, d2 } = make(kind);
      compile(m);
      await fit(m);
      for (const l of m.layers) l.trainable = false;
      for (let i = 0; i < m.layers.length; i++) m.layers[i]!.trainable = true;
      const before2 = kernel(d2);
      const r = await changes(d1, () => fit(m));
      assert.equal(r.changed, true, 'd1 trains');
      assert.notEqual(kernel(d2), before2, 'd2 trains');
      assert.deepEqual(r.warnings, []);
    });
  }

  it('fine-tuning: layers frozen in a loop, compiled, then unfrozen in a loop stay frozen for fit until recompile', async () => {
    const { m, d1 } = make('functional');
    for (const l of m.layers.slice(0, 2)) l.trainable = false;
    compile(m);
    await fit(m);
    for (const l of m.layers.slice(0, 2)) l.trainable = true;
    assert.equal((await changes(d1, () => fit(m))).changed, false, 'unfreeze ignored');
    compile(m);
    assert.equal((await changes(d1, () => fit(m))).changed, true, 'recompiled: trains');
  });

  // no-trainable-after-compile reports an unfreeze loop over every layer when one layer was built `{trainable: false}`
  it('a layer built {trainable: false}, compiled, then every layer unfrozen in a loop: fit ignores it until recompile', async () => {
    const stem = tf.layers.dense({ units: 4, inputShape: [4], trainable: false });
    const m = tf.sequential({ layers: [stem, tf.layers.dense({ units: 1 })] });
    compile(m, 'adam');
    await fit(m);
    m.layers.forEach((l) => {
      l.trainable = true;
    });
    assert.equal((await changes(stem, () => fit(m))).changed, false, 'the unfreeze of the stem is ignored');
    compile(m, 'adam');
    assert.equal((await changes(stem, () => fit(m))).changed, true, 'recompiled: the stem trains');
  });

  it('a sub-model frozen before its first use behaves differently per outer model type (why the rule skips nested models)', async () => {
    const frozenBase = () => {
      const base = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });
      base.trainable = false;
      return base;
    };
    const b1 = frozenBase();
    const seq = tf.sequential({ layers: [b1, tf.layers.dense({ units: 1 })] });
    compile(seq);
    assert.equal((await changes(b1.layers[0]!, () => fit(seq))).changed, true, 'inside a Sequential the frozen sub-model trains anyway');
    const b2 = frozenBase();
    const i = tf.input({ shape: [4] });
    const fn = tf.model({ inputs: i, outputs: tf.layers.dense({ units: 1 }).apply(b2.apply(i)) as tf.SymbolicTensor });
    compile(fn);
    assert.equal((await changes(b2.layers[0]!, () => fit(fn))).changed, false, 'inside a functional model it stays frozen');
  });

  for (const outer of ['sequential', 'functional'] as const) {
    it(`[${outer}] with a nested sub-model: compile -> model.trainable = false -> train: no throw; the nested model trains, the own layers do not`, async () => {
      const trunk = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });
      const head = tf.layers.dense({ units: 1 });
      let m: tf.LayersModel;
      if (outer === 'sequential') m = tf.sequential({ layers: [trunk, head] });
      else {
        const inp = tf.input({ shape: [4] });
        m = tf.model({ inputs: inp, outputs: head.apply(trunk.apply(inp)) as tf.SymbolicTensor });
      }
      compile(m);
      m.trainable = false;
      const trunkBefore = kernel(trunk.layers[0]!);
      const headBefore = kernel(head);
      await m.trainOnBatch(x, y);
      assert.notEqual(kernel(trunk.layers[0]!), trunkBefore, 'the nested model still trains');
      assert.equal(kernel(head), headBefore, 'the own layer silently stopped training');
      m.trainable = true;
      const again = kernel(head);
      await m.trainOnBatch(x, y);
      assert.notEqual(kernel(head), again, 'trainable = true restores it (the suggested repair)');
    });

    it(`[${outer}] with a nested sub-model: frozen -> compile -> model.trainable = true -> train throws`, async () => {
      const trunk = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });
      const head = tf.layers.dense({ units: 1 });
      let m: tf.LayersModel;
      if (outer === 'sequential') m = tf.sequential({ layers: [trunk, head] });
      else {
        const inp = tf.input({ shape: [4] });
        m = tf.model({ inputs: inp, outputs: head.apply(trunk.apply(inp)) as tf.SymbolicTensor });
      }
      m.trainable = false;
      compile(m);
      m.trainable = true;
      await assert.rejects(m.trainOnBatch(x, y), NONE_TRAINABLE);
    });
  }

  // why no-trainable-after-compile reports a freeze of a nested sub-model (or of its layers) after the outer
  // compile() like a layer's: it applies at once, fit() warns, and the compiled Adam then throws in minimize()
  for (const outer of ['sequential', 'functional'] as const) {
    for (const how of ['base.trainable = false', 'each of base.layers'] as const) {
      it(`[${outer}] a nested sub-model frozen after the outer compile() (${how}): applies at once, fit warns, the compiled Adam then throws in minimize()`, async () => {
        const build = () => {
          const base = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dense({ units: 4 })] });
          const head = tf.layers.dense({ units: 1 });
          let m: tf.LayersModel;
          if (outer === 'sequential') m = tf.sequential({ layers: [base, head] });
          else {
            const inp = tf.input({ shape: [4] });
            m = tf.model({ inputs: inp, outputs: head.apply(base.apply(inp)) as tf.SymbolicTensor });
          }
          const adam = tf.train.adam(0.01);
          compile(m, adam);
          return { base, m, adam };
        };
        const freeze = (base: tf.Sequential) => {
          if (how === 'base.trainable = false') base.trainable = false;
          else for (const l of base.layers) l.trainable = false;
        };
        const a = build();
        await fit(a.m);
        freeze(a.base);
        const r = await changes(a.base.layers[0]!, () => fit(a.m));
        assert.equal(r.changed, false, 'the freeze applies without a recompile');
        assert.ok(r.warnings.some((w) => DISCREPANCY.test(w)), `warnings: ${JSON.stringify(r.warnings)}`);
        assert.throws(
          () => a.adam.minimize(() => tf.losses.meanSquaredError(y, a.m.predict(x) as tf.Tensor) as tf.Scalar),
          /shape of the new value .* and previous value .* must match/,
        );
        const b = build();
        freeze(b.base);
        const tob = await changes(b.base.layers[0]!, () => b.m.trainOnBatch(x, y));
        assert.equal(tob.changed, false, 'trainOnBatch applies it silently');
        assert.deepEqual(tob.warnings, []);
      });
    }
  }

  it('GAN: D compiled, frozen for the combined model -> D.trainOnBatch throws; D.trainable = true first trains D while combined still skips it', async () => {
    const D = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
    D.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
    const G = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2] })] });
    D.trainable = false;
    const z = tf.input({ shape: [2] });
    const combined = tf.model({ inputs: z, outputs: D.apply(G.apply(z)) as tf.SymbolicTensor });
    combined.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
    const ones = tf.ones([16, 1]);
    await assert.rejects(D.trainOnBatch(x, ones), NONE_TRAINABLE);
    D.trainable = true;
    assert.equal((await changes(D.layers[0]!, () => D.trainOnBatch(x, ones))).changed, true, 'D trains again');
    assert.equal((await changes(D.layers[0]!, () => combined.trainOnBatch(tf.ones([16, 2]), ones))).changed, false, 'combined still leaves D alone');
  });
});

describe('no-trainable-after-compile: a freeze after compile() and the compiled optimizer reused by minimize()', () => {
  const SLOT_MISMATCH = /shape of the new value \(4,4\) and previous value \(4,1\) must match/;
  const lossOf = (m: tf.LayersModel) => () => tf.losses.meanSquaredError(y, m.apply(x) as tf.Tensor) as tf.Scalar;
  const stateful: [string, () => tf.Optimizer][] = [
    ['adam', () => tf.train.adam(0.01)],
    ['rmsprop', () => tf.train.rmsprop(0.01)],
    ['momentum', () => tf.train.momentum(0.1, 0.9)],
    ['adagrad', () => tf.train.adagrad(0.1)],
    ['adadelta', () => tf.train.adadelta()],
    ['adamax', () => tf.train.adamax()],
  ];

  for (const [name, make_] of stateful) {
    it(`[${name}] compile -> fit -> d1.trainable = false -> fit only warns, then minimize() with the same instance throws`, async () => {
      const { m, d1 } = make('sequential');
      const opt = make_();
      compile(m, opt);
      await fit(m);
      d1.trainable = false;
      const r = await changes(d1, () => fit(m));
      assert.ok(r.warnings.some((w) => DISCREPANCY.test(w)), 'fit warns and goes on');
      assert.throws(() => opt.minimize(lossOf(m)), SLOT_MISMATCH);
    });
  }

  it('[adam] the same throw with a var list of the remaining trainable weights (slots are keyed by position)', async () => {
    const { m, d1 } = make('sequential');
    const opt = tf.train.adam(0.01);
    compile(m, opt);
    await fit(m);
    d1.trainable = false;
    assert.throws(() => opt.minimize(lossOf(m), false, m.trainableWeights.map((w) => w.read() as tf.Variable)), SLOT_MISMATCH);
  });

  it('[adam] minimize() before the freeze, then after it: the next step throws', () => {
    const { m, d1 } = make('sequential');
    const opt = tf.train.adam(0.01);
    compile(m, opt);
    opt.minimize(lossOf(m));
    d1.trainable = false;
    assert.throws(() => opt.minimize(lossOf(m)), SLOT_MISMATCH);
  });

  it('[sgd] a stateless SGD instance keeps working', async () => {
    const { m, d1 } = make('sequential');
    const opt = tf.train.sgd(0.1);
    compile(m, opt);
    await fit(m);
    d1.trainable = false;
    assert.equal(opt.minimize(lossOf(m)), null);
  });
});

describe('no-trainable-after-compile: what a recompile does to the optimizer', () => {
  async function freezeAndRecompile(optimizerFor: () => string | tf.Optimizer): Promise<void> {
    const { m, d1 } = make('sequential');
    compile(m, optimizerFor());
    await fit(m);
    d1.trainable = false;
    compile(m, optimizerFor());
    await fit(m);
  }

  it('recompiling with the SAME Adam instance after the trainable list changed makes the next fit throw', async () => {
    const adam = tf.train.adam(0.01);
    await assert.rejects(freezeAndRecompile(() => adam), /shape of the new value .* and previous value .* must match/);
  });

  it("recompiling with a string optimizer ('adam') starts a fresh optimizer and fits", async () => {
    await assert.doesNotReject(freezeAndRecompile(() => 'adam'));
    const { m } = make('sequential');
    compile(m, 'adam');
    const first = m.optimizer;
    compile(m, 'adam');
    assert.notEqual(m.optimizer, first, 'every string compile builds a new optimizer');
  });

  it('recompiling with a fresh tf.train.adam(...) call fits, and so does reusing a stateless SGD instance', async () => {
    await assert.doesNotReject(freezeAndRecompile(() => tf.train.adam(0.01)));
    const sgd = tf.train.sgd(0.1);
    await assert.doesNotReject(freezeAndRecompile(() => sgd));
  });
});

// test/rules/no-trainable-after-compile-modules.test.ts and -refs.test.ts: a model built and compiled by a
// factory (its embedding constructed `{trainable: false}`), then unfrozen by the caller and fitted again.
describe('no-trainable-after-compile: a layer constructed frozen, compiled by a factory, unfrozen by the caller', () => {
  function createClassifier(): tf.Sequential {
    const model = tf.sequential();
    model.add(tf.layers.embedding({ inputDim: 10, outputDim: 4, inputLength: 3, trainable: false, name: 'embedding' }));
    model.add(tf.layers.flatten());
    model.add(tf.layers.dense({ units: 1 }));
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    return model;
  }
  const ids = tf.tensor2d([[1, 2, 3], [4, 5, 6], [7, 8, 9], [0, 1, 2]], [4, 3], 'int32');
  const target = tf.randomNormal([4, 1], 0, 1, 'float32', 3);
  const fitIds = (m: tf.LayersModel) => m.fit(ids, target, { epochs: 1, batchSize: 4, verbose: 0 });

  it('the unfreeze is ignored by fit(): the embedding does not move until compile() runs again', async () => {
    const model = createClassifier();
    await fitIds(model);
    const embedding = model.getLayer('embedding');
    embedding.trainable = true;
    assert.equal((await changes(embedding, () => fitIds(model))).changed, false, 'fit ignores the unfreeze');
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    assert.equal((await changes(embedding, () => fitIds(model))).changed, true, 'after a recompile the embedding trains');
  });
});

describe('no-trainable-after-compile: which layer `model.layers[i]` names', () => {
  it('of a Sequential, the i-th layer given to it (the input layer it creates is not listed), whether listed or added', () => {
    const a = tf.layers.dense({ units: 3, inputShape: [4], name: 'a' });
    const b = tf.layers.batchNormalization({ name: 'b' });
    const c = tf.layers.dense({ units: 1, name: 'c' });
    const listed = tf.sequential({ layers: [a, b] });
    listed.add(c);
    assert.deepEqual(listed.layers.map((l) => l.name), ['a', 'b', 'c']);
    assert.equal(listed.layers[0], a);
    const added = tf.sequential();
    added.add(tf.layers.dense({ units: 3, inputShape: [4], name: 'first' }));
    added.add(tf.layers.dense({ units: 1, name: 'second' }));
    assert.deepEqual(added.layers.map((l) => l.name), ['first', 'second']);
  });

  it('of a functional tf.model, position 0 is its InputLayer (so positions are not the order of the apply() calls)', () => {
    const inp = tf.input({ shape: [4], name: 'in' });
    const d = tf.layers.dense({ units: 1, name: 'd' });
    const m = tf.model({ inputs: inp, outputs: d.apply(inp) as tf.SymbolicTensor });
    assert.deepEqual(m.layers.map((l) => l.name), ['in', 'd']);
  });
});
