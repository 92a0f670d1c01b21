// no-numeric-padding fixes and suggestions, verified by execution on real tfjs: the fixed code is
// built and run, and compared with the exact PyTorch-semantics emulation of the original
// (`tf.pad` + 'valid'; the original itself throws). Also the truth table of src/engine/padding.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-numeric-padding.js';
import {
  adviseNumericPadding,
  PADDING_LAYERS,
  sameForEverySize,
  sameUpToAlignment,
  torchPadIsSame,
  transposeSameExact,
  transposeValidExact,
} from '../../src/engine/padding.js';
import { tf } from '../semantics/tf.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    plugins: { torch2tf: { rules: { 'no-numeric-padding': rule as never } } },
    rules: { 'torch2tf/no-numeric-padding': 'error' },
    settings: { torch2tf: { globals: ['tf'] } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
  },
];

function lint(code: string): Linter.LintMessage[] {
  const messages = linter.verify(code, config);
  assert.deepEqual(messages.filter((m) => m.fatal), [], `does not parse:\n${code}`);
  return messages;
}

/** The autofixed code; asserts it parses and a second pass reports nothing. */
function autofixed(code: string): string {
  const { output, fixed } = linter.verifyAndFix(code, config);
  assert.ok(fixed, `expected an autofix for:\n${code}`);
  assert.deepEqual(lint(output), [], `second pass still reports on:\n${output}`);
  return output;
}

function assertNoAutofix(code: string): void {
  assert.ok(lint(code).length > 0, 'expected a report');
  assert.equal(linter.verifyAndFix(code, config).output, code, 'no autofix expected');
}

/** The code after applying the suggestion `messageId`; asserts it parses and this report is gone. */
function suggested(code: string, messageId: string): string {
  const [msg] = lint(code);
  const s = msg?.suggestions?.find((x) => x.messageId === messageId);
  assert.ok(s, `no ${messageId} suggestion for:\n${code}`);
  const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
  assert.deepEqual(lint(out), [], `suggestion output still reports:\n${out}`);
  return out;
}

/** Runs `function build() { return tf.sequential(...) }` and predicts; returns the weights of its weighted layer. */
function run(code: string, x: tf.Tensor): { y: tf.Tensor; w: tf.Tensor[] } {
  const model = new Function('tf', `${code}\nreturn build();`)(tf) as tf.Sequential;
  const weighted = model.layers.filter((l) => l.getWeights().length > 0);
  assert.ok(weighted.length <= 1);
  return { y: model.predict(x) as tf.Tensor, w: weighted[0]?.getWeights() ?? [] };
}

const equal = (a: tf.Tensor, b: tf.Tensor): boolean =>
  a.shape.join() === b.shape.join() && a.sub(b).abs().max().dataSync()[0]! < 1e-4;
const seq = (layer: string): string => `function build() {\n  return tf.sequential({\n    layers: [\n      ${layer},\n    ],\n  });\n}`;
const sym = (p: number, rank: number): [number, number][] => [[0, 0], ...Array<[number, number]>(rank).fill([p, p]), [0, 0]];

// PyTorch emulations (zero padding = tf.pad + 'valid'; max pooling pads with -inf)
const torch = {
  conv2d: (x: tf.Tensor, w: tf.Tensor[], s: number, p: number | [number, number], d = 1) =>
    tf.conv2d(tf.pad(x, typeof p === 'number' ? sym(p, 2) : [[0, 0], [p[0], p[0]], [p[1], p[1]], [0, 0]]) as tf.Tensor4D, w[0] as tf.Tensor4D, s, 'valid', 'NHWC', d),
  conv1d: (x: tf.Tensor, w: tf.Tensor[], s: number, p: number) => tf.conv1d(tf.pad(x, sym(p, 1)) as tf.Tensor3D, w[0] as tf.Tensor3D, s, 'valid'),
  conv3d: (x: tf.Tensor, w: tf.Tensor[], s: number, p: number) => tf.conv3d(tf.pad(x, sym(p, 3)) as tf.Tensor5D, w[0] as tf.Tensor5D, s, 'valid'),
  depthwise: (x: tf.Tensor, w: tf.Tensor[], s: number, p: number) => tf.depthwiseConv2d(tf.pad(x, sym(p, 2)) as tf.Tensor4D, w[0] as tf.Tensor4D, s, 'valid'),
  separable: (x: tf.Tensor, w: tf.Tensor[], s: number, p: number) =>
    tf.separableConv2d(tf.pad(x, sym(p, 2)) as tf.Tensor4D, w[0] as tf.Tensor4D, w[1] as tf.Tensor4D, s, 'valid'),
  maxPool: (x: tf.Tensor, k: number, s: number, p: number) => tf.maxPool(tf.pad(x, sym(p, 2), -Infinity) as tf.Tensor4D, k, s, 'valid'),
  /** AvgPool2d default count_include_pad=True: the zeros count. */
  avgPoolIncl: (x: tf.Tensor, k: number, s: number, p: number) => tf.avgPool(tf.pad(x, sym(p, 2)) as tf.Tensor4D, k, s, 'valid'),
  /** AvgPool2d(count_include_pad=False): sum of real inputs / number of real inputs. */
  avgPoolExcl: (x: tf.Tensor, k: number, s: number, p: number) => {
    const sum = (t: tf.Tensor) => tf.avgPool(tf.pad(t, sym(p, 2)) as tf.Tensor4D, k, s, 'valid');
    return sum(x).div(sum(tf.onesLike(x)));
  },
  maxPool1d: (x: tf.Tensor, k: number, s: number, p: number) =>
    tf.maxPool(tf.pad(x, sym(p, 1), -Infinity).expandDims(2) as tf.Tensor4D, [k, 1], [s, 1], 'valid').squeeze([2]),
  maxPool3d: (x: tf.Tensor, k: number, s: number, p: number) => tf.maxPool3d(tf.pad(x, sym(p, 3), -Infinity) as tf.Tensor5D, k, s, 'valid'),
  /** ConvTranspose3d: the full transposed convolution, cropped by p on each side. */
  transpose3d: (x: tf.Tensor, w: tf.Tensor[], k: number, s: number, p: number) => {
    const n = x.shape[1]!;
    const full = (n - 1) * s + k;
    const f = w[0]!.shape[3]!;
    const y = tf.conv3dTranspose(x as tf.Tensor5D, w[0] as tf.Tensor5D, [x.shape[0]!, full, full, full, f], s, 'valid');
    return y.slice([0, p, p, p, 0], [-1, full - 2 * p, full - 2 * p, full - 2 * p, -1]);
  },
  /** ConvTranspose2d: the full transposed convolution, cropped by p on each side. */
  transpose: (x: tf.Tensor, w: tf.Tensor[], k: number, s: number, p: number) => {
    const n = x.shape[1]!;
    const full = (n - 1) * s + k;
    const f = w[0]!.shape[2]!;
    const y = tf.conv2dTranspose(x as tf.Tensor4D, w[0] as tf.Tensor4D, [x.shape[0]!, full, full, f], s, 'valid');
    return y.slice([0, p, p, 0], [-1, full - 2 * p, full - 2 * p, -1]);
  },
};

const input = (rank: number, n: number): tf.Tensor => tf.randomNormal([2, ...Array<number>(rank).fill(n), 2]);

describe('no-numeric-padding autofixes compute exactly what PyTorch padding computes', () => {
  const cases: { name: string; layer: string; rank: number; sizes: number[]; torch: (x: tf.Tensor, w: tf.Tensor[]) => tf.Tensor }[] = [
    { name: 'conv2d k3 p1', layer: `tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 3, padding: 1, useBias: false})`, rank: 2, sizes: [5, 6], torch: (x, w) => torch.conv2d(x, w, 1, 1) },
    { name: 'conv2d k3 dilation 2 p2', layer: `tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 3, dilationRate: 2, padding: 2, useBias: false})`, rank: 2, sizes: [6, 7], torch: (x, w) => torch.conv2d(x, w, 1, 2, 2) },
    { name: 'conv2d k[3,5] p[1,2]', layer: `tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: [3, 5], padding: [1, 2], useBias: false})`, rank: 2, sizes: [6], torch: (x, w) => torch.conv2d(x, w, 1, [1, 2]) },
    { name: 'conv2d k5 s2 p0', layer: `tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 5, strides: 2, padding: 0, useBias: false})`, rank: 2, sizes: [7, 8], torch: (x, w) => torch.conv2d(x, w, 2, 0) },
    { name: 'conv1d k5 p2', layer: `tf.layers.conv1d({inputShape: [null, 2], filters: 3, kernelSize: 5, padding: 2, useBias: false})`, rank: 1, sizes: [6, 9], torch: (x, w) => torch.conv1d(x, w, 1, 2) },
    { name: 'conv3d k3 p1', layer: `tf.layers.conv3d({inputShape: [null, null, null, 2], filters: 3, kernelSize: 3, padding: 1, useBias: false})`, rank: 3, sizes: [4], torch: (x, w) => torch.conv3d(x, w, 1, 1) },
    { name: 'depthwiseConv2d k3 p1', layer: `tf.layers.depthwiseConv2d({inputShape: [null, null, 2], kernelSize: 3, padding: 1, useBias: false})`, rank: 2, sizes: [5], torch: (x, w) => torch.depthwise(x, w, 1, 1) },
    { name: 'separableConv2d k3 p1', layer: `tf.layers.separableConv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 3, padding: 1, useBias: false})`, rank: 2, sizes: [6], torch: (x, w) => torch.separable(x, w, 1, 1) },
    { name: 'maxPooling2d pool3 s1 p1 (negative inputs included)', layer: `tf.layers.maxPooling2d({inputShape: [null, null, 2], poolSize: 3, strides: 1, padding: 1})`, rank: 2, sizes: [5, 6], torch: (x) => torch.maxPool(x, 3, 1, 1) },
    { name: 'averagePooling2d pool2 (default stride 2) p0', layer: `tf.layers.averagePooling2d({inputShape: [null, null, 2], poolSize: 2, padding: 0})`, rank: 2, sizes: [5, 6], torch: (x) => torch.avgPoolIncl(x, 2, 2, 0) },
    { name: 'maxPooling1d pool5 s1 p2', layer: `tf.layers.maxPooling1d({inputShape: [null, 2], poolSize: 5, strides: 1, padding: 2})`, rank: 1, sizes: [6, 9], torch: (x) => torch.maxPool1d(x, 5, 1, 2) },
    { name: 'maxPooling3d pool3 s1 p1', layer: `tf.layers.maxPooling3d({inputShape: [null, null, null, 2], poolSize: 3, strides: 1, padding: 1})`, rank: 3, sizes: [4], torch: (x) => torch.maxPool3d(x, 3, 1, 1) },
    { name: 'conv3dTranspose k4 s2 p1', layer: `tf.layers.conv3dTranspose({inputShape: [null, null, null, 2], filters: 3, kernelSize: 4, strides: 2, padding: 1, useBias: false})`, rank: 3, sizes: [3], torch: (x, w) => torch.transpose3d(x, w, 4, 2, 1) },
    { name: 'conv2dTranspose k4 s2 p1', layer: `tf.layers.conv2dTranspose({inputShape: [null, null, 2], filters: 3, kernelSize: 4, strides: 2, padding: 1, useBias: false})`, rank: 2, sizes: [3, 4], torch: (x, w) => torch.transpose(x, w, 4, 2, 1) },
    { name: 'conv2dTranspose k3 s1 p1', layer: `tf.layers.conv2dTranspose({inputShape: [null, null, 2], filters: 3, kernelSize: 3, padding: 1, useBias: false})`, rank: 2, sizes: [4], torch: (x, w) => torch.transpose(x, w, 3, 1, 1) },
    { name: 'conv2dTranspose k3 s2 p0', layer: `tf.layers.conv2dTranspose({inputShape: [null, null, 2], filters: 3, kernelSize: 3, strides: 2, padding: 0, useBias: false})`, rank: 2, sizes: [4], torch: (x, w) => torch.transpose(x, w, 3, 2, 0) },
  ];
  for (const c of cases) {
    it(`${c.name}: the original throws, the autofix runs and equals PyTorch`, () => {
      const code = seq(c.layer);
      assert.throws(() => run(code, input(c.rank, c.sizes[0]!)), /is not a valid PaddingMode/);
      const fixed = autofixed(code);
      assert.notEqual(fixed, code);
      for (const n of c.sizes) {
        const x = input(c.rank, n);
        const { y, w } = run(fixed, x);
        assert.ok(equal(y, c.torch(x, w)), `${c.name} n=${n}: fixed output differs from PyTorch`);
      }
    });
  }

  it("'SAME' on a layer autofixes to 'same', which equals PyTorch padding='same' (odd kernel: p=(k-1)/2)", () => {
    const code = seq(`tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 3, padding: 'SAME', useBias: false})`);
    assert.throws(() => run(code, input(2, 5)), /is not a valid PaddingMode/);
    const x = input(2, 5);
    const { y, w } = run(autofixed(code), x);
    assert.ok(equal(y, torch.conv2d(x, w, 1, 1)));
  });

  it("op-level tf.conv2d(x, f, 1, 'SAME') throws; the autofix computes tf.conv2d 'same'", () => {
    const code = `function build() {\n  return (x, f) => tf.conv2d(x, f, 1, 'SAME');\n}`;
    const x = input(2, 6);
    const f = tf.randomNormal([3, 3, 2, 2]);
    const make = (src: string) => new Function('tf', `${src}\nreturn build();`)(tf) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
    assert.throws(() => make(code)(x, f), /Unknown padding parameter: SAME/);
    assert.ok(equal(make(autofixed(code))(x, f), torch.conv2d(x, [f], 1, 1)));
  });
});

describe('no-numeric-padding suggestions, run on real tfjs', () => {
  it("conv2d stride 2 p1: no autofix; zeroPadding2d + 'valid' is exact for every size; 'same' only when n mod 2 = 1", () => {
    const code = seq(`tf.layers.conv2d({inputShape: [null, null, 2], filters: 3, kernelSize: 3, strides: 2, padding: 1, useBias: false})`);
    assertNoAutofix(code);
    const zp = suggested(code, 'insertZeroPadding');
    assert.match(zp, /tf\.layers\.zeroPadding2d\(\{inputShape: \[null, null, 2\], padding: 1\}\),\n {6}tf\.layers\.conv2d\(\{filters: 3/);
    const same = suggested(code, 'useSame');
    for (const n of [6, 7, 8, 9]) {
      const x = input(2, n);
      const a = run(zp, x);
      assert.ok(equal(a.y, torch.conv2d(x, a.w, 2, 1)), `zeroPadding2d n=${n}`);
      const b = run(same, x);
      const ref = torch.conv2d(x, b.w, 2, 1);
      assert.deepEqual(b.y.shape, ref.shape, `'same' keeps the output size n=${n}`);
      assert.equal(equal(b.y, ref), n % 2 === 1, `'same' equals PyTorch iff n is odd (n=${n})`);
    }
  });

  it("depthwiseConv2d stride 2 p1 (MobileNet): zeroPadding2d + 'valid' is exact", () => {
    const code = seq(`tf.layers.depthwiseConv2d({inputShape: [null, null, 2], kernelSize: 3, strides: 2, padding: 1, useBias: false})`);
    assertNoAutofix(code);
    const zp = suggested(code, 'insertZeroPadding');
    for (const n of [6, 7]) {
      const x = input(2, n);
      const { y, w } = run(zp, x);
      assert.ok(equal(y, torch.depthwise(x, w, 2, 1)), `n=${n}`);
    }
  });

  it("averagePooling2d p1 stride 1: no autofix; zeroPadding2d = PyTorch's default (count_include_pad), 'same' = count_include_pad=False", () => {
    const code = seq(`tf.layers.averagePooling2d({inputShape: [null, null, 2], poolSize: 3, strides: 1, padding: 1})`);
    assertNoAutofix(code);
    const x = input(2, 6);
    const zp = run(suggested(code, 'insertZeroPadding'), x).y;
    const same = run(suggested(code, 'useSame'), x).y;
    assert.ok(equal(zp, torch.avgPoolIncl(x, 3, 1, 1)));
    assert.ok(equal(same, torch.avgPoolExcl(x, 3, 1, 1)));
    assert.ok(!equal(same, torch.avgPoolIncl(x, 3, 1, 1)), "'same' is not PyTorch's default");
  });

  it("maxPooling2d pool3 stride 2 p1 via model.add (ResNet stem): zeroPadding2d exact on non-negative inputs only; 'same' only for odd sizes", () => {
    const code = `function build() {\n  const model = tf.sequential();\n  model.add(tf.layers.maxPooling2d({inputShape: [null, null, 2], poolSize: 3, strides: 2, padding: 1}));\n  return model;\n}`;
    assertNoAutofix(code);
    const zp = suggested(code, 'insertZeroPadding');
    assert.match(zp, /model\.add\(tf\.layers\.zeroPadding2d\(\{inputShape: \[null, null, 2\], padding: 1\}\)\);\n {2}model\.add\(tf\.layers\.maxPooling2d\(\{poolSize: 3/);
    const same = suggested(code, 'useSame');
    for (const n of [6, 7]) {
      const relu = input(2, n).relu();
      assert.ok(equal(run(zp, relu).y, torch.maxPool(relu, 3, 2, 1)), `zeroPadding2d on ReLU outputs n=${n}`);
      const neg = tf.randomUniform([2, n, n, 2], -2, -1);
      assert.ok(!equal(run(zp, neg).y, torch.maxPool(neg, 3, 2, 1)), `zeroPadding2d differs on negative inputs n=${n}`);
      const x = input(2, n);
      assert.equal(equal(run(same, x).y, torch.maxPool(x, 3, 2, 1)), n % 2 === 1, `'same' n=${n}`);
    }
  });

  it("tf.conv1d(x, f, 2, 1) throws; the suggestion tf.pad + 'valid' equals PyTorch conv1d(padding=1, stride=2)", () => {
    const code = `function build() {\n  return (x, f) => tf.conv1d(x, f, 2, 1);\n}`;
    assertNoAutofix(code);
    const make = (src: string) => new Function('tf', `${src}\nreturn build();`)(tf) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
    const fixed = suggested(code, 'padThenValid');
    for (const n of [7, 8]) {
      const x = input(1, n);
      const f = tf.randomNormal([3, 2, 4]);
      assert.throws(() => make(code)(x, f), /must match the product of shape/);
      assert.ok(equal(make(fixed)(x, f), torch.conv1d(x, [f], 2, 1)), `n=${n}`);
    }
  });
});

describe("src/engine/padding.ts predicates against real tfjs ('same' vs PyTorch padding=p)", () => {
  it('conv: torchPadIsSame / sameForEverySize / sameUpToAlignment agree with tfjs on every config', () => {
    let tested = 0;
    let equalCount = 0;
    for (let n = 3; n <= 10; n++)
      for (const k of [1, 2, 3, 4, 5, 7])
        for (const s of [1, 2, 3])
          for (const d of s === 1 ? [1, 2] : [1])
            for (let p = 0; p <= 3; p++) {
              const ke = d * (k - 1) + 1;
              if (n + 2 * p < ke) continue;
              const observed = tf.tidy(() => {
                const x = tf.randomNormal([1, n, n, 1]);
                const w = tf.randomNormal([k, k, 1, 1]);
                return equal(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, 'same', 'NHWC', d), torch.conv2d(x, [w], s, p, d));
              });
              tested++;
              if (observed) equalCount++;
              const where = `n${n} k${k} s${s} d${d} p${p}`;
              assert.equal(torchPadIsSame(n, k, s, p, d), observed, where);
              if (sameForEverySize(k, s, p, d)) assert.ok(observed, `sameForEverySize but differs: ${where}`);
              if (sameUpToAlignment(k, s, p, d)) assert.equal(observed, n % s === 1, `sameUpToAlignment: ${where}`);
              const advice = adviseNumericPadding(PADDING_LAYERS.get('conv2d')!, [p, p], { kernel: [k, k], strides: [s, s], dilation: [d, d] });
              if (advice.fix === 'same' || advice.fix === 'valid') {
                const mode = advice.fix;
                const fixedEqual = tf.tidy(() => {
                  const x = tf.randomNormal([1, n, n, 1]);
                  const w = tf.randomNormal([k, k, 1, 1]);
                  return equal(tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, s, mode, 'NHWC', d), torch.conv2d(x, [w], s, p, d));
                });
                assert.ok(fixedEqual, `advised autofix '${mode}' is not exact: ${where}`);
              }
            }
    assert.ok(tested > 600, `tested ${tested}`);
    assert.ok(equalCount > 100 && equalCount < tested - 100, `equal in ${equalCount}/${tested}`);
  });

  it('max pooling: the predicates imply tfjs maxPool "same" equals PyTorch -inf padding', () => {
    let tested = 0;
    for (let n = 3; n <= 8; n++)
      for (const k of [2, 3, 4, 5])
        for (const s of [1, 2, 3])
          for (let p = 0; p <= Math.floor(k / 2); p++) {
            if (n + 2 * p < k) continue;
            const observed = tf.tidy(() => {
              const x = tf.randomNormal([1, n, n, 1]);
              return equal(tf.maxPool(x as tf.Tensor4D, k, s, 'same'), torch.maxPool(x, k, s, p));
            });
            tested++;
            // for max pooling the condition is sufficient (a window covering the whole row hides where the pad went)
            if (torchPadIsSame(n, k, s, p)) assert.ok(observed, `n${n} k${k} s${s} p${p}`);
            if (sameForEverySize(k, s, p)) assert.ok(observed, `sameForEverySize n${n} k${k} p${p}`);
            if (sameUpToAlignment(k, s, p) && n % s === 1) assert.ok(observed, `sameUpToAlignment n${n} k${k} s${s} p${p}`);
            const advice = adviseNumericPadding(PADDING_LAYERS.get('maxPooling2d')!, [p, p], { kernel: [k, k], strides: [s, s], dilation: [1, 1] });
            if (advice.fix) assert.ok(observed || advice.fix === 'valid', `advised '${advice.fix}' n${n} k${k} s${s} p${p}`);
          }
    assert.ok(tested > 150);
  });

  it('transposed conv: transposeSameExact / transposeValidExact match tfjs for every size', () => {
    let tested = 0;
    for (let n = 2; n <= 6; n++)
      for (const k of [1, 2, 3, 4, 5])
        for (const s of [1, 2, 3])
          for (let p = 0; p <= 2; p++) {
            if ((n - 1) * s + k - 2 * p <= 0) continue;
            const [sameEq, validEq] = tf.tidy(() => {
              const x = tf.randomNormal([1, n, n, 1]);
              const w = tf.randomNormal([k, k, 1, 1]);
              const ref = torch.transpose(x, [w], k, s, p);
              const layer = (padding: 'same' | 'valid') =>
                tf.layers.conv2dTranspose({ filters: 1, kernelSize: k, strides: s, padding, useBias: false, weights: [w] }).apply(x) as tf.Tensor;
              return [equal(layer('same'), ref), equal(layer('valid'), ref)];
            });
            tested++;
            assert.equal(transposeSameExact(k, s, p), sameEq, `same n${n} k${k} s${s} p${p}`);
            assert.equal(p === 0 && transposeValidExact(k, s), validEq, `valid n${n} k${k} s${s} p${p}`);
          }
    assert.ok(tested > 200);
  });
});
