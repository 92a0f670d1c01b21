// Facts behind no-torch-tensor-api, measured on real tfjs 4.22 (CPU backend).
// The table itself is checked: every entry of src/facts/torch-tensor-api.ts must be missing from a real
// tensor, and every tfjs name it recommends must exist.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';
import { IN_PLACE_ADVICE, REDUCTIONS, TORCH_FUNCTIONS, TORCH_TENSOR_METHODS, TORCH_TENSOR_PROPERTIES, TUPLE_REDUCTIONS } from '../../src/facts/torch-tensor-api.js';

type Loose = Record<string, unknown> & Record<string, (...a: unknown[]) => tf.Tensor>;
const t2 = (): tf.Tensor2D => tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
const loose = (t: tf.Tensor): Loose => t as unknown as Loose;

describe('no-torch-tensor-api: PyTorch names are missing on tfjs tensors', () => {
  for (const name of TORCH_TENSOR_METHODS.keys()) {
    it(`t.${name} is not a method and calling it throws TypeError "is not a function"`, () => {
      const t = loose(t2());
      // `size` is the one PyTorch name tfjs defines, as a number property
      assert.equal(typeof t[name], name === 'size' ? 'number' : 'undefined');
      assert.throws(() => t[name]!(), { name: 'TypeError', message: /is not a function/ });
    });
  }

  for (const name of new Set(['add_', 'sub_', 'mul_', 'div_', 'zero_', 'fill_', 'clamp_', 'relu_', 'abs_', 'normal_', 'uniform_', ...IN_PLACE_ADVICE.keys()])) {
    it(`in-place t.${name}() does not exist (tfjs tensors are immutable)`, () => {
      assert.equal(typeof loose(t2())[name], 'undefined');
    });
  }

  for (const name of TORCH_TENSOR_PROPERTIES.keys()) {
    it(`t.${name} reads as undefined`, () => {
      assert.equal(loose(t2())[name], undefined);
      assert.ok(!(name in t2()));
    });
  }

  for (const [name, { to }] of TORCH_FUNCTIONS) {
    it(`tf.${name} is undefined; tf.${to} is a function`, () => {
      assert.equal(typeof (tf as unknown as Record<string, unknown>)[name], 'undefined');
      assert.equal(typeof (tf as unknown as Record<string, unknown>)[to], 'function');
    });
  }

  it('every tfjs replacement the table names exists on a real tensor', () => {
    const t = loose(t2());
    for (const [name, entry] of TORCH_TENSOR_METHODS) {
      const e = entry.edit;
      if (!e) continue;
      if (e.type === 'rename' || e.type === 'dims') assert.equal(typeof t[e.to], 'function', `${name} -> ${e.to}`);
      if (e.type === 'property') assert.notEqual(t[e.to], undefined, `${name} -> ${e.to}`);
      if (e.type === 'templates') {
        for (const text of e.texts) {
          for (const m of text.matchAll(/\.(\w+)\(/g)) assert.equal(typeof t[m[1]!], 'function', `${name} -> ${m[1]}`);
        }
      }
    }
    for (const idx of TUPLE_REDUCTIONS.values()) assert.equal(typeof t[idx], 'function');
    assert.equal(typeof t['zerosLike'], 'function');
  });
});

describe('no-torch-tensor-api: tfjs properties and argument forms', () => {
  it('t.size is a number (the element count), t.shape the shape, t.rank the rank', () => {
    const t = t2();
    assert.equal(t.size, 6);
    assert.deepEqual(t.shape, [2, 3]);
    assert.equal(t.rank, 2);
    assert.throws(() => (t as unknown as { size: () => void }).size(), { name: 'TypeError', message: /is not a function/ });
  });

  it('reshape(3, 2) with PyTorch varargs throws; reshape([3, 2]) works', () => {
    const t = loose(t2());
    assert.throws(() => t['reshape']!(3, 2), /Size\(6\) must match the product of shape 3/);
    assert.throws(() => t['reshape']!(6), /must match the product of shape/);
    assert.deepEqual(t2().reshape([3, 2]).shape, [3, 2]);
  });

  it('transpose(0, 1) (PyTorch: swap two axes) throws; transpose needs a full permutation', () => {
    assert.throws(() => loose(t2())['transpose']!(0, 1), /rank of input 2 must match length of perm/);
    assert.throws(() => loose(tf.zeros([2, 3, 4]))['transpose']!(1, 2), /must match length of perm/);
    assert.deepEqual(t2().transpose([1, 0]).shape, [3, 2]);
  });

  it('a negative axis in a tfjs permutation throws (so permute(0, -1, 1) is not auto-fixed)', () => {
    assert.throws(() => t2().transpose([-1, 0]), /must be between 0 and 1/);
  });

  for (const name of REDUCTIONS) {
    it(`${name}({dim: 1}) throws "All values in axis param must be in range"; ${name}(1) works`, () => {
      const t = name === 'any' || name === 'all' ? t2().cast('bool') : t2();
      assert.throws(() => loose(t)[name]!({ dim: 1 }), /All values in axis param must be in range/);
      assert.throws(() => loose(t)[name]!({ dim: 1, keepdim: true }), /All values in axis param must be in range/);
      assert.deepEqual(loose(t)[name]!(1, true).shape, [2, 1]);
    });
  }

  it('flatten(1) silently ignores the argument and flattens to 1-D (PyTorch keeps the batch axis)', () => {
    const x = tf.zeros([2, 3, 4]);
    assert.deepEqual(loose(x)['flatten']!(1).shape, [24]);
    assert.deepEqual(x.reshape([x.shape[0], -1]).shape, [2, 12]);
    assert.deepEqual(loose(x)['flatten']!(0).shape, x.flatten().shape, 'flatten(0) equals flatten(), as in PyTorch');
  });

  it('squeeze(axis) with a plain number works in tfjs 4.22 (so it is not reported)', () => {
    const x = tf.zeros([1, 3, 1]);
    assert.deepEqual(loose(x)['squeeze']!(2).shape, [1, 3]);
    assert.deepEqual(loose(x)['squeeze']!(-1).shape, [1, 3]);
    assert.deepEqual(x.squeeze([0]).shape, [3, 1]);
    // unlike PyTorch (a no-op), squeezing an axis whose size is not 1 throws: loud, not silent
    assert.throws(() => loose(x)['squeeze']!(1), /Can't squeeze axis 1/);
  });

  it('t.max(1) returns the values only; destructuring it as (values, indices) throws "not iterable"', () => {
    const t = t2();
    const r = t.max(1);
    assert.ok(r instanceof tf.Tensor);
    assert.deepEqual(r.arraySync(), [3, 6]);
    assert.throws(() => {
      const [v, i] = r as unknown as [tf.Tensor, tf.Tensor];
      return [v, i];
    }, { name: 'TypeError', message: /not iterable/ });
    assert.deepEqual(t.argMax(1).arraySync(), [2, 2]);
    assert.deepEqual(t.min(0).arraySync(), [1, 2, 3]);
    assert.deepEqual(t.argMin(0).arraySync(), [0, 0, 0]);
  });

  it('tf.moments gives the biased variance; PyTorch var/std default to the unbiased one', () => {
    const { variance } = tf.moments(t2(), 1);
    // rows [1,2,3] and [4,5,6]: biased 2/3, unbiased 1
    const v = variance.arraySync() as number[];
    assert.ok(Math.abs(v[0]! - 2 / 3) < 1e-6 && Math.abs(v[1]! - 2 / 3) < 1e-6);
  });

  it('clipByValue(min, max) throws when min > max (PyTorch clamp does not), so non-literal bounds are not auto-fixed', () => {
    assert.throws(() => t2().clipByValue(3, 2), /min \(3\) must be less than or equal to max \(2\)/);
  });

  it('argMax() without an axis reduces axis 0 (PyTorch argmax() uses the flattened tensor)', () => {
    assert.deepEqual(t2().argMax().arraySync(), [1, 1, 1]);
    assert.equal(t2().flatten().argMax().arraySync(), 5);
  });

  it('broadcastTo rejects -1 (PyTorch expand(-1, n) keeps that axis)', () => {
    assert.throws(() => t2().broadcastTo([-1, 3]), /positive integers/);
  });

  it('tile needs one rep per axis (PyTorch repeat prepends axes)', () => {
    assert.throws(() => t2().tile([1, 1, 2]), /must match length of reps/);
    assert.deepEqual(t2().tile([1, 2]).shape, [2, 6]);
  });

  it('tfjs has no int64, float64 or float16 dtype', () => {
    for (const dtype of ['int64', 'float64', 'float16']) {
      assert.throws(() => t2().cast(dtype as tf.DataType), /unknown dtype/);
    }
    assert.deepEqual(tf.tensor1d([1.7, -1.7]).cast('int32').arraySync(), [1, -1], "cast('int32') truncates like PyTorch int()");
  });

  it('tfjs records gradients through every op in the function (no detach): removing .detach() changes gradients', () => {
    // PyTorch d/dx (x * x.detach()) at 3 is 3; without detach tfjs gives 6
    const g = tf.grad((x: tf.Tensor) => x.mul(x))(tf.scalar(3));
    assert.equal(g.arraySync(), 6);
    assert.equal(typeof (tf as unknown as Record<string, unknown>)['stopGradient'], 'undefined');
  });

  it('trainability lives on variables: tf.variable(t, false) is not trainable; v.assign(src) copies in place', () => {
    const v = tf.variable(tf.zeros([2]), false);
    assert.equal(v.trainable, false);
    v.assign(tf.tensor1d([3, 4]));
    assert.deepEqual(v.arraySync(), [3, 4]);
  });

  it('maximum(min) is clamp with a lower bound only', () => {
    assert.deepEqual(t2().maximum(3).arraySync(), [[3, 3, 3], [4, 5, 6]]);
  });

  it('tfjs tensors are always contiguous: a transposed tensor stores its data in its own row-major order', () => {
    const tt = t2().transpose();
    assert.deepEqual(Array.from(tt.dataSync()), (tt.arraySync() as number[][]).flat());
  });

  it('only ops inside the function given to tf.grad are recorded: a value computed outside gets no gradient', () => {
    const x = tf.scalar(3);
    const y = x.mul(2); // computed outside: a constant for the tape
    assert.equal(tf.grad((a: tf.Tensor) => a.mul(y))(x).arraySync(), 6); // y is a constant 6: not 12 (= d/dx 2x²)
  });

  it('scalars: dataSync()[0] and (await data())[0] give the number; arraySync()/array() give nested arrays', async () => {
    const s = tf.scalar(3.5);
    assert.equal(s.dataSync()[0], 3.5);
    assert.equal((await s.data())[0], 3.5);
    assert.deepEqual(t2().arraySync(), [[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(await t2().array(), [[1, 2, 3], [4, 5, 6]]);
  });

  it("cast('float32') and toFloat() give float32; the dtype is the dtype property", () => {
    const i = tf.tensor1d([1, 2], 'int32');
    assert.equal(i.dtype, 'int32');
    assert.equal(i.cast('float32').dtype, 'float32');
    assert.equal(i.toFloat().dtype, 'float32');
  });

  it('reverse(axis) is PyTorch flip(dims)', () => {
    assert.deepEqual(t2().reverse(1).arraySync(), [[3, 2, 1], [6, 5, 4]]);
  });

  it('split(n, axis) needs the axis to divide evenly (PyTorch chunk does not)', () => {
    assert.throws(() => t2().split(4, 1), /evenly divide/);
    assert.deepEqual(t2().split(3, 1).map((p) => p.shape), [[2, 1], [2, 1], [2, 1]]);
  });

  it('gather(indices, axis) is index_select(axis, indices) with the arguments swapped', () => {
    assert.deepEqual(t2().gather(tf.tensor1d([2, 0], 'int32'), 1).arraySync(), [[3, 1], [6, 4]]);
  });

  it('tf.where(mask, tf.fill(t.shape, v), t) is masked_fill(mask, v)', () => {
    const t = t2();
    const mask = t.greater(3);
    assert.deepEqual(tf.where(mask, tf.fill(t.shape, 0), t).arraySync(), [[1, 2, 3], [0, 0, 0]]);
  });

  it('zerosLike().add(v) is fill_(v): same shape, every value v', () => {
    assert.deepEqual(t2().zerosLike().add(7).arraySync(), [[7, 7, 7], [7, 7, 7]]);
  });

  it('PyTorch transpose(1, 2) on a rank-3 tensor is transpose([0, 2, 1])', () => {
    const x = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]); // [1, 3, 2]
    assert.deepEqual(x.transpose([0, 2, 1]).arraySync(), [[[1, 3, 5], [2, 4, 6]]]);
  });

  it('tensors have no device: the backend is global', () => {
    assert.equal(tf.getBackend(), 'cpu');
    assert.equal((t2() as unknown as Record<string, unknown>)['device'], undefined);
  });
});
