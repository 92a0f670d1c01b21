// Every autofix of no-torch-tensor-api, verified by execution: lint + fix a snippet with ESLint,
// run the fixed expression on real tfjs 4.22 (CPU backend), and compare with what PyTorch computes
// (hand-computed: PyTorch is not installed here). The original expression must throw on tfjs
// (an autofix only turns always-throwing code into its exact equivalent), the fixed code must
// parse, and a second lint pass must report nothing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-torch-tensor-api.js';
import { TORCH_FUNCTIONS, TORCH_TENSOR_METHODS } from '../../src/facts/torch-tensor-api.js';
import { tf } from '../semantics/tf.js';

const config = [
  {
    plugins: { torch2tf: { rules: { 'no-torch-tensor-api': rule as never } } },
    rules: { 'torch2tf/no-torch-tensor-api': 'error' as const },
  },
];

/** The inputs, as PyTorch would see them. */
const HEADER = [
  `import * as tf from '@tensorflow/tfjs';`,
  `const t = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);`,
  `const x3 = tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]);`,
  `const w = tf.tensor2d([[1, 0], [0, 1], [1, 1]]);`,
  `const b1 = tf.tensor3d([[[1, 2], [3, 4]]]);`,
  `const b2 = tf.tensor3d([[[0, 1], [1, 0]]]);`,
].join('\n');

const inputs = (): unknown[] => [
  tf,
  tf.tensor2d([[1, 2, 3], [4, 5, 6]]),
  tf.tensor3d([[[1, 2], [3, 4], [5, 6]]]),
  tf.tensor2d([[1, 0], [0, 1], [1, 1]]),
  tf.tensor3d([[[1, 2], [3, 4]]]),
  tf.tensor3d([[[0, 1], [1, 0]]]),
];

function evaluate(expr: string): unknown {
  const fn = new Function('tf', 't', 'x3', 'w', 'b1', 'b2', `return (${expr});`) as (...a: unknown[]) => unknown;
  const r = fn(...inputs());
  return r instanceof tf.Tensor ? r.arraySync() : r;
}

const T = [[1, 2, 3], [4, 5, 6]];

/** [PyTorch expression, the tfjs expression the fix must produce, PyTorch's result]. */
const CASES: readonly (readonly [string, string, unknown])[] = [
  ['t.view(3, 2)', 't.reshape([3, 2])', [[1, 2], [3, 4], [5, 6]]],
  ['t.view(-1)', 't.reshape([-1])', [1, 2, 3, 4, 5, 6]],
  ['t.view([2, -1])', 't.reshape([2, -1])', T],
  ['x3.permute(0, 2, 1)', 'x3.transpose([0, 2, 1])', [[[1, 3, 5], [2, 4, 6]]]],
  ['x3.permute([2, 0, 1])', 'x3.transpose([2, 0, 1])', [[[1, 3, 5]], [[2, 4, 6]]]],
  ['t.unsqueeze(0)', 't.expandDims(0)', [T]],
  ['t.unsqueeze(-1)', 't.expandDims(-1)', [[[1], [2], [3]], [[4], [5], [6]]]],
  ['t.matmul(w)', 't.matMul(w)', [[4, 5], [10, 11]]],
  ['t.mm(w)', 't.matMul(w)', [[4, 5], [10, 11]]],
  ['b1.bmm(b2)', 'b1.matMul(b2)', [[[2, 1], [4, 3]]]],
  ['t.clamp(2, 5)', 't.clipByValue(2, 5)', [[2, 2, 3], [4, 5, 5]]],
  ['t.clip(2, 5)', 't.clipByValue(2, 5)', [[2, 2, 3], [4, 5, 5]]],
  ['t.t()', 't.transpose()', [[1, 4], [2, 5], [3, 6]]],
  ['t.size()', 't.shape', [2, 3]],
  ['t.size(1)', 't.shape[1]', 3],
  ['t.dim()', 't.rank', 2],
  ['t.ndimension()', 't.rank', 2],
  ['t.numel()', 't.size', 6],
  ['t.nelement()', 't.size', 6],
  ['t.cpu()', 't', T],
  ['t.cuda()', 't', T],
  ["t.to('cuda')", 't', T],
  ["t.to('cpu')", 't', T],
  ['t.contiguous()', 't', T],
  ['t.reshape(3, 2)', 't.reshape([3, 2])', [[1, 2], [3, 4], [5, 6]]],
  ['t.reshape(6)', 't.reshape([6])', [1, 2, 3, 4, 5, 6]],
  ['t.sum({dim: 1})', 't.sum(1)', [6, 15]],
  ['t.mean({dim: 0, keepdim: true})', 't.mean(0, true)', [[2.5, 3.5, 4.5]]],
  ['t.sum({axis: [0, 1]})', 't.sum([0, 1])', 21],
  ['t.prod({dim: 1})', 't.prod(1)', [6, 120]],
  ['t.logSumExp({dim: 0})', 't.logSumExp(0)', [4.048587, 5.048587, 6.048587]],
  ['tf.cat([t, t], 1)', 'tf.concat([t, t], 1)', [[1, 2, 3, 1, 2, 3], [4, 5, 6, 4, 5, 6]]],
  ['tf.cat([t, t])', 'tf.concat([t, t])', [...T, ...T]],
  ['tf.matmul(t, w)', 'tf.matMul(t, w)', [[4, 5], [10, 11]]],
  ['tf.mm(t, w)', 'tf.matMul(t, w)', [[4, 5], [10, 11]]],
  ['tf.bmm(b1, b2)', 'tf.matMul(b1, b2)', [[[2, 1], [4, 3]]]],
  ['tf.unsqueeze(t, 1)', 'tf.expandDims(t, 1)', [[[1, 2, 3]], [[4, 5, 6]]]],
  ['tf.clamp(t, 2, 5)', 'tf.clipByValue(t, 2, 5)', [[2, 2, 3], [4, 5, 5]]],
  ['tf.permute(x3, [0, 2, 1])', 'tf.transpose(x3, [0, 2, 1])', [[[1, 3, 5], [2, 4, 6]]]],
];

function close(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) < 1e-4;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => close(actual[i], e));
  return actual === expected;
}

describe('no-torch-tensor-api autofixes compute what PyTorch computes', () => {
  const linter = new Linter({ configType: 'flat' });
  for (const [torch, tfjs, expected] of CASES) {
    it(`${torch}  ->  ${tfjs}`, () => {
      const code = `${HEADER}\nconst out = ${torch};\n`;
      const fixed = linter.verifyAndFix(code, config);
      assert.ok(fixed.fixed, `no autofix for ${torch}`);
      assert.deepEqual(fixed.messages, [], 'fixed code parses and a second pass reports nothing');
      const expr = /^const out = (.*);$/m.exec(fixed.output)![1]!;
      assert.equal(expr, tfjs);
      assert.throws(() => evaluate(torch), 'the PyTorch form always throws on tfjs');
      const actual = evaluate(expr);
      assert.ok(close(actual, expected), `${expr} gave ${JSON.stringify(actual)}, PyTorch gives ${JSON.stringify(expected)}`);
    });
  }

  it('every fix-tier table entry and every namespace function is covered above', () => {
    const covered = new Set(CASES.map(([torch]) => /\.(\w+)\(/.exec(torch)![1]!));
    for (const [name, entry] of TORCH_TENSOR_METHODS) if (entry.tier === 'fix') assert.ok(covered.has(name), `no execution case for ${name}`);
    for (const name of TORCH_FUNCTIONS.keys()) assert.ok(covered.has(name), `no execution case for tf.${name}`);
  });
});
