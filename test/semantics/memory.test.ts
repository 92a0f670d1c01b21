// Facts behind no-leaked-tensor and no-async-tidy, measured on real tfjs 4.22 (CPU backend).
// Every leak is counted with tf.memory().numTensors over a few iterations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';
import { DATASET_FACTORIES, DATASET_METHODS, DATASET_TIDY_METHODS, FIT_CALLBACK_HOOKS, SCOPE_FUNCTIONS, TENSOR_ASYNC_READS, TENSOR_SYNC_READS } from '../../src/facts/tfjs-api.js';

const count = (): number => tf.memory().numTensors;

/** Tensors left behind per iteration of `body` (run `n` times). */
function leakPerIteration(body: () => void, n = 3): number {
  const before = count();
  for (let i = 0; i < n; i++) body();
  return (count() - before) / n;
}

/** Captures console.error while `fn` runs (tidy reports a returned Promise only there). */
async function captureErrors<R>(fn: () => R): Promise<{ result: R; errors: string[] }> {
  const orig = console.error;
  const errors: string[] = [];
  console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  try {
    return { result: fn(), errors };
  } finally {
    console.error = orig;
  }
}

const w = tf.variable(tf.tensor1d([1, 2, 3]));
const opt = tf.train.sgd(0.01);
const x = tf.tensor1d([1, 2]);

describe('no-leaked-tensor: which code paths leak', () => {
  it('w.square().add(1).sum().dataSync() outside a scope leaks 3 tensors per iteration', () => {
    assert.equal(leakPerIteration(() => void w.square().add(1).sum().dataSync()), 3);
  });

  it('the same expression wrapped in tf.tidy(() => ...) leaks nothing (dataSync() returns a TypedArray)', () => {
    assert.equal(leakPerIteration(() => void tf.tidy(() => w.square().add(1).sum().dataSync())), 0);
  });

  // Each gradient entry point runs its function inside an engine scope: intermediates are disposed.
  const inside = (): tf.Scalar => {
    w.square().add(1).sum().dataSync();
    return w.square().sum() as tf.Scalar;
  };
  const insideOf = (a: tf.Tensor): tf.Tensor => {
    a.square().add(1).sum().dataSync();
    return a.square().sum();
  };
  const scoped: [string, () => void][] = [
    ['optimizer.minimize', () => void opt.minimize(inside)],
    ['optimizer.computeGradients', () => tf.dispose(opt.computeGradients(inside) as unknown as tf.TensorContainer)],
    ['tf.variableGrads', () => tf.dispose(tf.variableGrads(inside) as unknown as tf.TensorContainer)],
    ['tf.grad', () => tf.dispose(tf.grad(insideOf)(x))],
    ['tf.grads', () => tf.dispose(tf.grads((a: tf.Tensor) => insideOf(a))([x]))],
    ['tf.valueAndGrad', () => tf.dispose(tf.valueAndGrad(insideOf)(x) as unknown as tf.TensorContainer)],
    ['tf.valueAndGrads', () => tf.dispose(tf.valueAndGrads((a: tf.Tensor) => insideOf(a))([x]) as unknown as tf.TensorContainer)],
    [
      'tf.customGrad',
      () =>
        tf.dispose(
          (tf.customGrad as (f: unknown) => (x: tf.Tensor) => tf.Tensor)((a: tf.Tensor, save: tf.GradSaveFunc) => {
            a.square().add(1).sum().dataSync();
            save([a]);
            return { value: a.square(), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => dy.mul(s!) };
          })(x),
        ),
    ],
    [
      'tf.engine().startScope() ... endScope()',
      () => {
        tf.engine().startScope();
        w.square().add(1).sum().dataSync();
        tf.engine().endScope();
      },
    ],
    [
      'tf.engine().startScope(); try { ... return } finally { endScope() }',
      () => {
        const read = (): number => {
          tf.engine().startScope();
          try {
            return w.square().add(1).sum().dataSync()[0]!;
          } finally {
            tf.engine().endScope();
          }
        };
        read();
      },
    ],
  ];
  for (const [api, body] of scoped) {
    it(`${api} runs its function in a scope: the same intermediates leak nothing`, () => {
      assert.equal(leakPerIteration(body), 0);
    });
  }

  it('tf.variable(t) copies: t stays alive (one more tensor than the variable)', () => {
    const before = count();
    const t = tf.tensor1d([1]);
    const v = tf.variable(t);
    assert.equal(t.isDisposed, false);
    assert.equal(count() - before, 2);
    tf.dispose([t, v]);
  });

  it('v.assign(t) does not take ownership: t stays alive', () => {
    const v = tf.variable(tf.tensor1d([0]));
    const before = count();
    const t = tf.tensor1d([5]);
    v.assign(t);
    assert.equal(t.isDisposed, false);
    assert.equal(count() - before, 1);
    tf.dispose([t, v]);
  });

  it('tf.keep(t) inside tf.tidy keeps t alive (kept on purpose)', () => {
    const before = count();
    let kept: tf.Tensor | null = null;
    tf.tidy(() => {
      kept = tf.keep(tf.ones([2]));
    });
    assert.equal(kept!.isDisposed, false);
    assert.equal(count() - before, 1);
    kept!.dispose();
  });

  it('tf.keep(t) returns t itself (the engine gives tf.keep(x) the kind of x)', () => {
    const t = tf.ones([2]);
    assert.equal(tf.keep(t), t);
    t.dispose();
  });

  it('tf.dispose accepts a tensor, an array and an object of tensors', () => {
    const before = count();
    tf.dispose(tf.ones([1]));
    tf.dispose([tf.ones([1]), tf.ones([1])]);
    tf.dispose({ a: tf.ones([1]), b: tf.ones([1]) } as unknown as tf.TensorContainer);
    assert.equal(count(), before);
  });

  it('ops and methods return new tensors even when nothing changes (cast to the same dtype, reshape to the same shape, clone)', () => {
    const t = tf.ones([2]);
    for (const r of [tf.cast(t, 'float32'), t.clone(), t.reshape([2]), t.asType('float32')]) {
      assert.notEqual(r, t);
      r.dispose();
    }
    t.dispose();
  });
});

describe("no-leaked-tensor: a custom layer's call() runs inside its model's scope", () => {
  class Block extends tf.layers.Layer {
    static get className(): string {
      return 'LeakTestBlock';
    }
    private readonly dense = tf.layers.dense({ units: 4 });
    private readonly drop = tf.layers.dropout({ rate: 0.5 });
    override build(shape: tf.Shape | tf.Shape[]): void {
      this.dense.build(shape);
      this.built = true;
    }
    override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
      return [(shape as tf.Shape)[0]!, 4];
    }
    // three tensors besides the output: the dense output, mul(2), relu
    override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
      const x = Array.isArray(inputs) ? inputs[0]! : inputs;
      return this.drop.apply(tf.relu((this.dense.apply(x) as tf.Tensor).mul(2)), kwargs) as tf.Tensor;
    }
  }
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [3] }), new Block(), tf.layers.dense({ units: 1 })] });
  const xs = tf.ones([2, 3]);
  model.predict(xs); // build once (its weights stay)
  const run = (f: () => tf.Tensor | tf.Tensor[]) => () => void tf.dispose(f());

  it('in a model, apply(x), apply(x, {training: true}) and predict(x) leave none of its tensors behind', () => {
    assert.equal(leakPerIteration(run(() => model.apply(xs) as tf.Tensor)), 0);
    assert.equal(leakPerIteration(run(() => model.apply(xs, { training: true }) as tf.Tensor)), 0);
    assert.equal(leakPerIteration(run(() => model.predict(xs) as tf.Tensor)), 0);
  });

  it('applied alone, outside a model and any scope, the same layer leaks them (the caller must tidy)', () => {
    const block = model.layers[1]!;
    const h = tf.ones([2, 4]);
    assert.equal(leakPerIteration(run(() => block.apply(h) as tf.Tensor)), 3);
  });
});

describe('no-leaked-tensor: the common shapes leak, and each suggestion stops it', () => {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'softmax' })] });
  // a webcam frame as tfjs' PixelData (what fromPixels reads from a <video> in the browser)
  const frame = { data: new Uint8Array(2 * 2 * 4).fill(128), width: 2, height: 2 };

  it('webcam loop: fromPixels(video).toFloat().div(255) + predict(...).argMax(-1).dataSync() leaks 6 per frame; tf.tidy(() => ...) leaks 0', () => {
    const classify = (): number =>
      (model.predict(tf.browser.fromPixels(frame).toFloat().div(255).reshape([3, 4])) as tf.Tensor).argMax(-1).dataSync()[0]!;
    assert.equal(leakPerIteration(() => void classify()), 6);
    assert.equal(leakPerIteration(() => void tf.tidy(() => classify())), 0);
    // the wrap is exact: the same class index
    assert.equal(tf.tidy(() => classify()), classify());
  });

  it('game loop: const q = model.predict(state) read with dataSync() leaks 1 per frame; q.dispose() after the last use leaks 0', () => {
    const state = tf.ones([1, 4]);
    const leaky = (): number => {
      const q = model.predict(state) as tf.Tensor;
      return q.dataSync()[0]!;
    };
    const fixed = (): number => {
      const q = model.predict(state) as tf.Tensor;
      const a = q.dataSync()[0]!;
      q.dispose();
      return a;
    };
    assert.equal(leakPerIteration(() => void leaky()), 1);
    assert.equal(leakPerIteration(() => void fixed()), 0);
    assert.equal(fixed(), leaky());
    state.dispose();
  });

  // no-leaked-tensor: a helper that only reads its tensor (same file or another module) does not own it, and a
  // helper returning `tf.tidy(…)`'s result hands its caller a new tensor to dispose
  it('render loop: probs handed to a helper that only reads it leaks 1 per frame; disposing it after the call leaks 0', () => {
    const state = tf.ones([1, 4]);
    let drawn = 0;
    const draw = (t: tf.Tensor): void => {
      drawn += t.dataSync()[0]!;
    };
    const leaky = (): void => draw(model.predict(state) as tf.Tensor);
    const fixed = (): void => {
      const probs = model.predict(state) as tf.Tensor;
      draw(probs);
      probs.dispose();
    };
    assert.equal(leakPerIteration(leaky), 1);
    assert.equal(leakPerIteration(fixed), 0);
    assert.ok(drawn !== 0);
    state.dispose();
  });

  it('a helper returning tf.tidy(() => …) hands its caller a new tensor: unread and undisposed, it leaks 1 per call', () => {
    const features = (xs: number[]): tf.Tensor => tf.tidy(() => tf.tensor1d(xs).square().log1p());
    assert.equal(leakPerIteration(() => void features([1, 2]).dataSync()), 1);
    assert.equal(leakPerIteration(() => void tf.tidy(() => features([1, 2]).dataSync())), 0);
  });

  // no-leaked-tensor: the gradFunc of a tf.customGrad function runs inside the gradient computation's scope
  it('tf.customGrad: the intermediates its gradFunc makes leave nothing behind (tf.grad runs it in a scope)', () => {
    const mish = tf.customGrad((x, save) => {
      (save as tf.GradSaveFunc)([x as tf.Tensor]);
      return {
        value: (x as tf.Tensor).mul(tf.tanh(tf.softplus(x as tf.Tensor))),
        gradFunc: (dy, saved) => {
          const xs = saved[0]!;
          const tsp = tf.tanh(tf.softplus(xs));
          const sech2 = tf.sub(1, tsp.square());
          return (dy as tf.Tensor).mul(tsp.add(xs.mul(sech2).mul(tf.sigmoid(xs))));
        },
      };
    });
    const x = tf.tensor1d([0.5, -1, 2]);
    const g = tf.grad((a) => mish(a).sum());
    assert.equal(leakPerIteration(() => g(x).dispose()), 0);
    // the same body run outside any scope leaves its 7 intermediates (the scalar 1 of tf.sub is one)
    const body = (xs: tf.Tensor): tf.Tensor => {
      const tsp = tf.tanh(tf.softplus(xs));
      const sech2 = tf.sub(1, tsp.square());
      return tsp.add(xs.mul(sech2).mul(tf.sigmoid(xs)));
    };
    assert.equal(leakPerIteration(() => body(x).dispose()), 7);
    x.dispose();
  });

  it('custom training loop: the cost returned by minimize(f, true) read with dataSync() outside the step leaks 1 per step; disposing it leaks 0', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const step = (): tf.Scalar => v.square().sum() as tf.Scalar;
    assert.equal(leakPerIteration(() => void opt.minimize(step, true)!.dataSync()[0]), 1);
    assert.equal(leakPerIteration(() => void tf.tidy(() => opt.minimize(step, true)!.dataSync()[0])), 0);
    assert.equal(
      leakPerIteration(() => {
        const loss = opt.minimize(step, true)!;
        void loss.dataSync()[0];
        loss.dispose();
      }),
      0,
    );
    v.dispose();
  });

  it('tf.tidy around a step of a stateful optimizer (Adam) keeps its slot variables: training goes on, and only the two slots made on the first step stay', () => {
    // the wrap no-leaked-tensor suggests for `this.trainStep(xs, ys).dataSync()[0]` (a helper returning minimize(f, true))
    const v = tf.variable(tf.tensor1d([1, 2]));
    const adam = tf.train.adam(0.1);
    const step = (): tf.Scalar => adam.minimize(() => v.square().sum() as tf.Scalar, true)!;
    const before = count();
    const losses: number[] = [];
    for (let i = 0; i < 5; i++) losses.push(tf.tidy(() => step().dataSync()[0]!));
    assert.equal(count() - before, 2); // the first and second moments of `v`, made once
    assert.ok(losses[4]! < losses[0]!);
    adam.dispose();
    v.dispose();
  });

  it('fit callback: a metric computed in onEpochEnd with predict(...) leaks 3 tensors per epoch; tf.tidy(() => ...) leaks 0', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2], activation: 'softmax' })] });
    m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const xs = tf.ones([4, 2]);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 0, 1], 'int32'), 2);
    const metric = (): number => tf.metrics.categoricalAccuracy(ys, m.predict(xs) as tf.Tensor).mean().dataSync()[0]!;
    const run = async (onEpochEnd?: () => void): Promise<number> => {
      const before = count();
      await m.fit(xs, ys, { epochs: 3, verbose: 0, ...(onEpochEnd ? { callbacks: { onEpochEnd } } : {}) });
      return count() - before;
    };
    const baseline = await run();
    assert.equal(await run(() => void metric()), baseline + 3 * 3);
    assert.equal(await run(() => void tf.tidy(() => metric())), baseline);
    tf.dispose([xs, ys]);
  });
});

describe('no-async-tidy: tf.tidy and the gradient functions are synchronous', () => {
  it('tf.tidy(async ...) logs "Cannot return a Promise inside of tidy." and returns the Promise', async () => {
    const { result, errors } = await captureErrors(() => tf.tidy((async () => tf.ones([1])) as unknown as () => tf.Tensor));
    assert.deepEqual(errors, ['Cannot return a Promise inside of tidy.']);
    assert.ok((result as unknown) instanceof Promise);
    ((await result) as tf.Tensor).dispose();
  });

  it('tensors made before the first await are disposed under the code, those made after it leak', async () => {
    let early: tf.Tensor | null = null;
    let late: tf.Tensor | null = null;
    const before = count();
    const { result } = await captureErrors(() =>
      tf.tidy((async () => {
        early = tf.ones([2]);
        await new Promise((r) => setTimeout(r, 1));
        assert.throws(() => early!.add(1), /Tensor is disposed/);
        late = tf.ones([2]).add(1);
        return late;
      }) as unknown as () => tf.Tensor),
    );
    await result;
    assert.equal(early!.isDisposed, true);
    assert.equal(late!.isDisposed, false);
    // the `ones` intermediate and `late` itself are left behind
    assert.equal(count() - before, 2);
    late!.dispose();
  });

  it('the suggested shape (compute in tidy, await data() afterwards, dispose) reads the same values and leaks nothing', async () => {
    const before = count();
    const t = tf.tidy(() => tf.ones([2]).add(1));
    let values: Float32Array | Int32Array | Uint8Array;
    try {
      values = await t.data();
    } finally {
      t.dispose();
    }
    assert.deepEqual([...values], [2, 2]);
    assert.equal(count(), before);
  });

  const asyncLoss = (async () => w.square().sum()) as unknown as () => tf.Scalar;
  const asyncOf = (async (a: tf.Tensor) => a.square().sum()) as unknown as (a: tf.Tensor) => tf.Tensor;
  const gradientApis: [string, () => unknown][] = [
    ['optimizer.minimize', () => opt.minimize(asyncLoss)],
    ['optimizer.computeGradients', () => opt.computeGradients(asyncLoss)],
    ['tf.variableGrads', () => tf.variableGrads(asyncLoss)],
    ['tf.grad', () => tf.grad(asyncOf)(x)],
    ['tf.grads', () => tf.grads((a: tf.Tensor) => asyncOf(a))([x])],
    ['tf.valueAndGrad', () => tf.valueAndGrad(asyncOf)(x)],
    ['tf.valueAndGrads', () => tf.valueAndGrads((a: tf.Tensor) => asyncOf(a))([x])],
  ];
  for (const [api, call] of gradientApis) {
    it(`${api} with an async function throws "The result y returned by f() must be a tensor."`, async () => {
      const { errors } = await captureErrors(() => assert.throws(call, /The result y returned by f\(\) must be a tensor/));
      assert.deepEqual(errors, ['Cannot return a Promise inside of tidy.']);
    });
  }
});

describe('tf.data: which Dataset methods run their function in a scope (DATASET_TIDY_METHODS)', () => {
  /** Tensors alive after the pipeline's elements are read and disposed. */
  async function leftAfter(ds: { toArray(): Promise<unknown[]> }): Promise<number> {
    const before = count();
    const elements = await ds.toArray();
    tf.dispose(elements as tf.Tensor[]);
    return count() - before;
  }

  it('ds.map(f) and ds.filter(f) dispose what f makes besides what it returns; mapAsync and forEachAsync do not', async () => {
    assert.deepEqual([...DATASET_TIDY_METHODS].sort(), ['filter', 'map']);
    // three elements, each making two intermediates (scalar, add) before the returned tensor
    assert.equal(await leftAfter(tf.data.array([1, 2, 3]).map((x) => tf.scalar(x as number).add(1).mul(2))), 0);
    assert.equal(await leftAfter(tf.data.array([1, 2, 3]).filter((x) => tf.scalar(x as number).greater(1).dataSync()[0] === 1)), 0);
    const viaMapAsync = await leftAfter(tf.data.array([1, 2, 3]).mapAsync(async (x) => tf.scalar(x as number).add(1).mul(2)));
    assert.equal(viaMapAsync, 6);
    const before = count();
    await tf.data.array([1, 2, 3]).forEachAsync((x) => void tf.scalar(x as number).add(1).dataSync());
    assert.equal(count() - before, 6);
  });

  it('DATASET_FACTORIES and DATASET_METHODS name tfjs functions and Dataset methods', () => {
    for (const f of DATASET_FACTORIES) assert.equal(typeof (tf.data as unknown as Record<string, unknown>)[f], 'function', f);
    const ds = tf.data.array([1, 2]);
    for (const m of DATASET_METHODS) assert.equal(typeof (ds as unknown as Record<string, unknown>)[m], 'function', m);
  });
});

describe('memory tables in src/facts/tfjs-api.ts match tfjs 4.22', () => {
  it('TENSOR_SYNC_READS return plain values, TENSOR_ASYNC_READS return Promises (neither a tensor)', async () => {
    const t = tf.ones([2]);
    for (const m of TENSOR_SYNC_READS) {
      const v = (t as unknown as Record<string, () => unknown>)[m]!.call(t);
      assert.ok(!(v instanceof tf.Tensor) && !(v instanceof Promise), m);
    }
    for (const m of TENSOR_ASYNC_READS) {
      const v = (t as unknown as Record<string, () => unknown>)[m]!.call(t);
      assert.ok(v instanceof Promise, m);
      assert.ok(!((await v) instanceof tf.Tensor), m);
    }
    t.dispose();
  });

  it('SCOPE_FUNCTIONS are tfjs functions', () => {
    for (const name of SCOPE_FUNCTIONS.keys()) assert.equal(typeof (tf as unknown as Record<string, unknown>)[name], 'function', name);
  });

  it('FIT_CALLBACK_HOOKS: batch hooks run once per batch, epoch hooks once per epoch', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const calls = new Map<string, number>();
    const callbacks = Object.fromEntries([...FIT_CALLBACK_HOOKS.keys()].map((k) => [k, () => void calls.set(k, (calls.get(k) ?? 0) + 1)]));
    const xs = tf.ones([4, 1]);
    // 2 epochs of 2 batches
    await m.fit(xs, xs, { epochs: 2, batchSize: 2, verbose: 0, callbacks });
    for (const [k, f] of FIT_CALLBACK_HOOKS) {
      if (k === 'onYield') continue; // with the default yieldEvery ('auto') it runs at most once per batch, depending on timing
      assert.equal(calls.get(k), f === 'batch' ? 4 : 2, k);
    }
    xs.dispose();
  });
});
