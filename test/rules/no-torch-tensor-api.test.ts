import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../rules/no-torch-tensor-api.js';
import { TENSOR_AUTOGRAD_METHODS, TENSOR_AUTOGRAD_PROPERTIES } from '../../src/facts/torch-module-api.js';
import { TORCH_TENSOR_METHODS, TORCH_TENSOR_PROPERTIES } from '../../src/facts/torch-tensor-api.js';
import { createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';
import { createTypedRuleTester } from '../typed/rule-tester-typed.js';

const ruleTester = createRuleTester();

/** Forms where the tfjs namespace is an object (`tf.cat(...)` is a member call on it). */
const NAMESPACE_FORMS = IMPORT_FORMS.filter((f) => f.ref('cat') === 'tf.cat');

const T2 = `const t = TF.tensor2d([[1, 2, 3], [4, 5, 6]]);\n`;

const valid = [
  { name: 'tfjs reshape with a shape array', code: `${T2}t.reshape([3, 2]);\nt.reshape([-1]);` },
  { name: 'reshape(shape) with one non-literal argument is the tfjs form', code: `${T2}function f(shape) { return t.reshape(shape); }` },
  { name: 'tfjs transpose with a permutation array, and with no argument', code: `${T2}t.transpose([1, 0]);\nt.transpose();` },
  { name: 'squeeze(axis) with a number works in tfjs 4.22 (measured)', code: `const u = TF.zeros([1, 3, 1]);\nu.squeeze(2);\nu.squeeze([2]);\nu.squeeze();` },
  { name: 'size, shape and rank are real tfjs properties', code: `${T2}const n = t.size;\nconst s = t.shape;\nconst r = t.rank;` },
  { name: 'reductions with positional axis and keepDims', code: `${T2}t.sum(1);\nt.mean(1, true);\nt.max(0);` },
  { name: 'flatten() and flatten(0) both flatten everything, as in PyTorch', code: `${T2}t.flatten();\nt.flatten(0);` },
  { name: 'tensor.step(alpha) is a real tfjs op', code: `${T2}t.step(0.5);` },
  { name: 'camelCase tfjs names', code: `${T2}t.matMul(t.transpose());\nt.clipByValue(0, 1);\nt.argMax(1);\nt.expandDims(0);\nt.dataSync()[0];` },
  { name: 'tf.layers.permute is a real layer, not a tensor method', code: `const p = TF.layers.permute({dims: [2, 1]});` },
  { name: 'destructuring a real Tensor[] result', code: `${T2}const [a, b] = TF.split(t, 2);\nconst {values, indices} = TF.topk(t, 1);` },
  { name: "a user's own Tensor class with view()/item()", code: `class Tensor { view() { return this; } item() { return 1; } }\nconst x = new Tensor();\nx.view(3, 2).item();\nTF.zeros([1]);` },
  { name: 'danfo/lodash-style df.size() and DOM nodeList.item(0)', code: `const df = new dfd.DataFrame(rows);\ndf.size();\ndocument.querySelectorAll('p').item(0);\nTF.zeros([1]);` },
  { name: 'arrays, strings and Buffers have their own fill/repeat/view', code: `const arr = new Array(3).fill(0);\n'ab'.repeat(2);\nBuffer.from('x').view;\nnew Set([1]).size;\nTF.zeros([1]);` },
  { name: 'unknown receiver: an untyped parameter', code: `function f(x) { x.view(3, 2); x.item(); x.cuda(); x.add_(1); return x.ndim; }\nTF.zeros([1]);` },
  { name: 'a model is not a tensor: model.to / model.cuda are other rules', code: `const m = TF.sequential();\nm.cuda;\nm.getLayer('x');` },
  { name: 'a Promise of a model is not a tensor', code: `const p = TF.loadLayersModel('m.json');\np.then((m) => m);` },
  { name: 'brain.js net.train() and danfo df.apply()', code: `const net = new brain.NeuralNetwork();\nnet.train(data);\ndf.apply(fn);\nTF.zeros([1]);` },
  { name: 'a dynamic member name is not resolved', code: `${T2}const name = pick();\nt[name](3, 2);` },
  { name: 'a let reassigned from an unknown value is not proven', code: `${T2}let u = t;\nu = load();\nu.view(2, 3);` },
  { name: 'minimize(f) without returnCost returns null, not a tensor (test/semantics/optional-results.test.ts)', code: `const opt = TF.train.adam(0.1);\nconst w = TF.variable(TF.zeros([1]));\nconst r = opt.minimize(() => w.sum());\nr.item();\nconst r2 = opt.minimize(() => w.sum(), false);\nr2.item();` },
  { name: "a numeric library's minimize(f, true) is not a tfjs optimizer", code: `const solver = new Optimizer();\nconst r = solver.minimize(f, true);\nr.item();\nTF.zeros([1]);` },
  { name: 'the tfjs namespace real functions', code: `TF.concat([TF.zeros([1]), TF.ones([1])], 0);\nTF.matMul(TF.zeros([1, 1]), TF.ones([1, 1]));` },
];

describe('no-torch-tensor-api table', () => {
  it('leaves tensor autograd (backward(), .grad) to no-torch-optimizer-api: no double reports', () => {
    for (const name of TENSOR_AUTOGRAD_METHODS) assert.ok(!TORCH_TENSOR_METHODS.has(name), name);
    for (const name of TENSOR_AUTOGRAD_PROPERTIES) assert.ok(!TORCH_TENSOR_PROPERTIES.has(name), name);
  });
});

ruleTester.run('no-torch-tensor-api', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [
        { name: 'look-alike tf: tensor.view()', code: `const t = TF.tensor2d([[1, 2]]);\nt.view(2, 1).item();\nt.size();\nt.add_(1);` },
        { name: 'look-alike tf: tf.cat()', code: `TF.cat([a, b], 1);` },
        { name: 'look-alike tf: a typed batch of look-alike tensors', code: `interface Batch { xs: TF.Tensor }\nexport function run(batches: Batch[]) { for (const { xs } of batches) xs.view(-1, 784); }` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: [
    {
      name: 'chained device moves: adjacent fix ranges take two passes, then nothing is left to fix',
      code: `import * as tf from '@tensorflow/tfjs';\nconst t = tf.zeros([2]);\nconst b = t.cuda().contiguous();`,
      output: [
        `import * as tf from '@tensorflow/tfjs';\nconst t = tf.zeros([2]);\nconst b = t.contiguous();`,
        `import * as tf from '@tensorflow/tfjs';\nconst t = tf.zeros([2]);\nconst b = t;`,
      ],
      errors: [
        { messageId: 'missingMethod', data: { method: 'cuda', advice: 'tfjs tensors have no device (the backend is global): remove the call' }, line: 3, column: 13 },
        { messageId: 'missingMethod', data: { method: 'contiguous', advice: 'tfjs tensors are always contiguous: remove the call' }, line: 3, column: 20 },
      ],
    },
    ...invalidAcross([
      {
        name: 'view(3, 2) -> reshape([3, 2]) (autofix)',
        code: `${T2}const v = t.view(3, 2);`,
        output: `${T2}const v = t.reshape([3, 2]);`,
        errors: [{ messageId: 'missingMethod', data: { method: 'view', advice: 'Use `reshape([...])` with the shape as one array' }, line: 2, column: 13, endColumn: 17 }],
      },
      // parts of annotated values, without type information (src/engine/declared-types.ts)
      {
        name: 'a tensor in a typed batch array destructured by for…of',
        code: `interface Batch { xs: TF.Tensor; ys: TF.Tensor }\nexport function run(batches: Batch[]) {\n  for (const { xs } of batches) xs.view(-1, 784);\n}`,
        output: `interface Batch { xs: TF.Tensor; ys: TF.Tensor }\nexport function run(batches: Batch[]) {\n  for (const { xs } of batches) xs.reshape([-1, 784]);\n}`,
        errors: [{ messageId: 'missingMethod', data: { method: 'view', advice: 'Use `reshape([...])` with the shape as one array' }, line: 3 }],
      },
      {
        name: 'a member of a parameter typed by a type literal, and an element of a tensor array',
        code: `export function f(batch: { xs: TF.Tensor }, all: TF.Tensor[]) {\n  all.forEach((t) => t.unsqueeze(0));\n  return batch.xs.view(-1);\n}`,
        output: `export function f(batch: { xs: TF.Tensor }, all: TF.Tensor[]) {\n  all.forEach((t) => t.expandDims(0));\n  return batch.xs.reshape([-1]);\n}`,
        errors: [{ messageId: 'missingMethod', line: 2 }, { messageId: 'missingMethod', line: 3 }],
      },
      {
        name: 'view([-1]) with an array literal -> reshape([-1])',
        code: `${T2}const flat = t.view([-1]);`,
        output: `${T2}const flat = t.reshape([-1]);`,
        errors: [{ messageId: 'missingMethod', line: 2 }],
      },
      {
        name: 'parenthesised arguments and a trailing comma are bracketed as a whole',
        code: `${T2}const v = t.view((3), 2,);\nconst c = t.size((1));`,
        output: `${T2}const v = t.reshape([(3), 2],);\nconst c = t.shape[(1)];`,
        errors: [{ messageId: 'missingMethod', line: 2 }, { messageId: 'missingMethod', line: 3 }],
      },
      {
        name: 'item() starting a statement after a line without semicolon: the await suggestion keeps ASI safe',
        code: `${T2}async function f(b) {\n  const a = b\n  t.item()\n}`,
        output: null,
        errors: [
          {
            messageId: 'missingMethod',
            line: 4,
            suggestions: [
              { messageId: 'replaceWith', data: { text: 't.dataSync()[0]' }, output: `${T2}async function f(b) {\n  const a = b\n  t.dataSync()[0]\n}` },
              { messageId: 'replaceWith', data: { text: '(await t.data())[0]' }, output: `${T2}async function f(b) {\n  const a = b\n  ;(await t.data())[0]\n}` },
            ],
          },
        ],
      },
      {
        name: 'view(b, -1) with a non-literal size: suggestion only',
        code: `${T2}function f(b) { return t.view(b, -1); }`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'reshape([b, -1])' }, output: `${T2}function f(b) { return t.reshape([b, -1]); }` }] }],
      },
      {
        name: 'view(shape) with one unknown argument: two honest suggestions',
        code: `${T2}function f(shape) { return t.view(shape); }`,
        output: null,
        errors: [
          {
            messageId: 'missingMethod',
            line: 2,
            suggestions: [
              { messageId: 'replaceWith', data: { text: 'reshape(shape)' }, output: `${T2}function f(shape) { return t.reshape(shape); }` },
              { messageId: 'replaceWith', data: { text: 'reshape([shape])' }, output: `${T2}function f(shape) { return t.reshape([shape]); }` },
            ],
          },
        ],
      },
      {
        name: 'view(...dims) with a spread: suggestion reshape([...dims])',
        code: `${T2}function f(dims) { return t.view(...dims); }`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'reshape([...dims])' }, output: `${T2}function f(dims) { return t.reshape([...dims]); }` }] }],
      },
      {
        name: "computed t['view'](3, 2) is reported without an edit",
        code: `${T2}const v = t['view'](3, 2);`,
        output: null,
        errors: [{ messageId: 'missingMethod', data: { method: 'view', advice: 'Use `reshape([...])` with the shape as one array' }, line: 2, suggestions: [] }],
      },
      {
        name: 'view(dtype) reinterprets bits in PyTorch: report only',
        code: `${T2}t.view('int32');`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [] }],
      },
      {
        name: 'permute(0, 2, 1) -> transpose([0, 2, 1]), comments kept',
        code: `const x = TF.zeros([2, 3, 4]);\nconst y = x.permute(0, /* swap */ 2, 1);`,
        output: `const x = TF.zeros([2, 3, 4]);\nconst y = x.transpose([0, /* swap */ 2, 1]);`,
        errors: [{ messageId: 'missingMethod', data: { method: 'permute', advice: 'Use `transpose([...])` with the permutation as one array' }, line: 2, column: 13 }],
      },
      {
        name: 'permute with a negative axis: tfjs perms must be non-negative, suggestion only',
        code: `const x = TF.zeros([2, 3, 4]);\nx.permute(0, -1, 1);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'transpose([0, -1, 1])' }, output: `const x = TF.zeros([2, 3, 4]);\nx.transpose([0, -1, 1]);` }] }],
      },
      {
        name: 'unsqueeze(-1) -> expandDims(-1)',
        code: `${T2}const e = t.unsqueeze(-1);`,
        output: `${T2}const e = t.expandDims(-1);`,
        errors: [{ messageId: 'missingMethod', line: 2 }],
      },
      {
        name: 'unsqueeze(axis) with a variable axis: suggestion',
        code: `${T2}const e = t.unsqueeze(axis);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'expandDims(axis)' }, output: `${T2}const e = t.expandDims(axis);` }] }],
      },
      {
        name: 'matmul and mm -> matMul',
        code: `${T2}const a = t.matmul(t.transpose());\nconst b = t.mm(w);`,
        output: `${T2}const a = t.matMul(t.transpose());\nconst b = t.matMul(w);`,
        errors: [
          { messageId: 'missingMethod', data: { method: 'matmul', advice: 'Use `matMul(other)`' }, line: 2 },
          { messageId: 'missingMethod', data: { method: 'mm', advice: 'Use `matMul(other)`' }, line: 3 },
        ],
      },
      {
        name: 'clamp(0, 1) -> clipByValue(0, 1)',
        code: `${T2}const c = t.clamp(0, 1);`,
        output: `${T2}const c = t.clipByValue(0, 1);`,
        errors: [{ messageId: 'missingMethod', line: 2 }],
      },
      {
        name: 'clamp(lo, hi) with variables: suggestion (tfjs throws when lo > hi, PyTorch does not)',
        code: `${T2}const c = t.clamp(lo, hi);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'clipByValue(lo, hi)' }, output: `${T2}const c = t.clipByValue(lo, hi);` }] }],
      },
      {
        name: 'clamp(0) with one bound: report only',
        code: `${T2}const c = t.clamp(0);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [] }],
      },
      {
        name: 'size() -> shape, size(1) -> shape[1], numel() -> size, dim() -> rank',
        code: `${T2}const [rows, cols] = t.size();\nconst c = t.size(1);\nconst n = t.numel();\nconst r = t.dim();`,
        output: `${T2}const [rows, cols] = t.shape;\nconst c = t.shape[1];\nconst n = t.size;\nconst r = t.rank;`,
        errors: [
          { messageId: 'missingMethod', data: { method: 'size', advice: 'Use the `shape` property (`shape[d]` for `size(d)`); tfjs `size` is the element count' }, line: 2, column: 24 },
          { messageId: 'missingMethod', line: 3 },
          { messageId: 'missingMethod', line: 4 },
          { messageId: 'missingMethod', line: 5 },
        ],
      },
      {
        name: 'size(-1): shape[-1] would be undefined, so a suggestion with shape.at(-1)',
        code: `${T2}const last = t.size(-1);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'shape.at(-1)' }, output: `${T2}const last = t.shape.at(-1);` }] }],
      },
      {
        name: 'a comment inside size(...) is kept by the fix',
        code: `${T2}const c = t.size(/* cols */ 1);`,
        output: `${T2}const c = t.shape[/* cols */ 1];`,
        errors: [{ messageId: 'missingMethod', line: 2 }],
      },
      {
        name: 'a comment inside numel( ) downgrades the fix to a suggestion',
        code: `${T2}const n = t.numel(/* all */);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'size' }, output: `${T2}const n = t.size;` }] }],
      },
      {
        name: "device moves are removed: cpu(), cuda(), to('cuda'), contiguous()",
        code: `${T2}const a = t.cpu();\nconst b = t.cuda();\nconst c = t.to('cuda:0');\nconst d = t.contiguous();`,
        output: `${T2}const a = t;\nconst b = t;\nconst c = t;\nconst d = t;`,
        errors: [
          { messageId: 'missingMethod', data: { method: 'cpu', advice: 'tfjs tensors have no device (the backend is global): remove the call' }, line: 2 },
          { messageId: 'missingMethod', data: { method: 'cuda', advice: 'tfjs tensors have no device (the backend is global): remove the call' }, line: 3 },
          { messageId: 'missingMethod', line: 4 },
          { messageId: 'missingMethod', line: 5 },
        ],
      },
      {
        name: 'to(device) with a variable could be a dtype: suggestion',
        code: `${T2}const a = t.to(device);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'removeCall', data: { method: 'to' }, output: `${T2}const a = t;` }] }],
      },
      {
        name: 'optional-chained t?.cpu(): removing would drop the optional semantics, suggestion',
        code: `${T2}const a = t?.cpu();`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'removeCall', data: { method: 'cpu' }, output: `${T2}const a = t;` }] }],
      },
      {
        name: 'detach(): suggestion only (gradients may flow where PyTorch stopped them)',
        code: `${T2}const target = t.detach();`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'removeCall', data: { method: 'detach' }, output: `${T2}const target = t;` }] }],
      },
      {
        name: 'minimize(f, true) returns the cost as a tensor: cost.item() throws (test/semantics/optional-results.test.ts)',
        code: `const opt = TF.train.adam(0.1);\nconst w = TF.variable(TF.zeros([1]));\nfunction step() {\n  const cost = opt.minimize(() => w.sum(), true);\n  return cost.item();\n}`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 5, suggestions: [{ messageId: 'replaceWith', data: { text: 'cost.dataSync()[0]' }, output: `const opt = TF.train.adam(0.1);\nconst w = TF.variable(TF.zeros([1]));\nfunction step() {\n  const cost = opt.minimize(() => w.sum(), true);\n  return cost.dataSync()[0];\n}` }] }],
      },
      {
        name: 'item() in a sync function: dataSync()[0]',
        code: `${T2}function loss() { return t.item(); }`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 't.dataSync()[0]' }, output: `${T2}function loss() { return t.dataSync()[0]; }` }] }],
      },
      {
        name: 'item() in an async function: dataSync()[0] or await data()',
        code: `${T2}async function loss() { return t.mean().item(); }`,
        output: null,
        errors: [
          {
            messageId: 'missingMethod',
            line: 2,
            suggestions: [
              { messageId: 'replaceWith', data: { text: 't.mean().dataSync()[0]' }, output: `${T2}async function loss() { return t.mean().dataSync()[0]; }` },
              { messageId: 'replaceWith', data: { text: '(await t.mean().data())[0]' }, output: `${T2}async function loss() { return (await t.mean().data())[0]; }` },
            ],
          },
        ],
      },
      {
        name: 'item() in a class static block or field initializer: no await suggestion (await is not allowed there)',
        code: `${T2}class A {\n  static { use(t.item()); }\n  v = t.item();\n}`,
        output: null,
        errors: [
          { messageId: 'missingMethod', line: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 't.dataSync()[0]' }, output: `${T2}class A {\n  static { use(t.dataSync()[0]); }\n  v = t.item();\n}` }] },
          { messageId: 'missingMethod', line: 4, suggestions: [{ messageId: 'replaceWith', data: { text: 't.dataSync()[0]' }, output: `${T2}class A {\n  static { use(t.item()); }\n  v = t.dataSync()[0];\n}` }] },
        ],
      },
      {
        name: 'numpy() / tolist() -> arraySync()',
        code: `${T2}function f() { return [t.numpy(), t.tolist()]; }`,
        output: null,
        errors: [
          { messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 't.arraySync()' }, output: `${T2}function f() { return [t.arraySync(), t.tolist()]; }` }] },
          { messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 't.arraySync()' }, output: `${T2}function f() { return [t.numpy(), t.arraySync()]; }` }] },
        ],
      },
      {
        name: "float(): cast('float32') or toFloat()",
        code: `${T2}function f() { return t.float(); }`,
        output: null,
        errors: [
          {
            messageId: 'missingMethod',
            line: 2,
            suggestions: [
              { messageId: 'replaceWith', data: { text: "t.cast('float32')" }, output: `${T2}function f() { return t.cast('float32'); }` },
              { messageId: 'replaceWith', data: { text: 't.toFloat()' }, output: `${T2}function f() { return t.toFloat(); }` },
            ],
          },
        ],
      },
      {
        name: 'argmax(1) -> argMax(1) suggestion; argmax() without axis has no tfjs twin',
        code: `${T2}function f() { return [t.argmax(1), t.argmax()]; }`,
        output: null,
        errors: [
          { messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 't.argMax(1)' }, output: `${T2}function f() { return [t.argMax(1), t.argmax()]; }` }] },
          { messageId: 'missingMethod', line: 2, suggestions: [] },
        ],
      },
      {
        name: 'std() / var(): report only (tfjs variance is biased)',
        code: `${T2}const s = t.std();\nconst v = t.var(0);`,
        output: null,
        errors: [
          { messageId: 'missingMethod', line: 2, suggestions: [] },
          { messageId: 'missingMethod', line: 3, suggestions: [] },
        ],
      },
      {
        name: 'repeat(1, 2) -> tile([1, 2]) suggestion',
        code: `${T2}const r = t.repeat(1, 2);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'tile([1, 2])' }, output: `${T2}const r = t.tile([1, 2]);` }] }],
      },
      {
        name: 'expand(-1, 3): -1 has no broadcastTo twin, report only',
        code: `${T2}const r = t.expand(-1, 3);`,
        output: null,
        errors: [{ messageId: 'missingMethod', line: 2, suggestions: [] }],
      },
      {
        name: 'a chain of PyTorch calls is reported in one pass',
        code: `${T2}const y = t.view(6).unsqueeze(0).cpu();`,
        output: `${T2}const y = t.reshape([6]).expandDims(0);`,
        errors: [
          { messageId: 'missingMethod', data: { method: 'view', advice: 'Use `reshape([...])` with the shape as one array' }, line: 2 },
          { messageId: 'missingMethod', data: { method: 'unsqueeze', advice: 'Use `expandDims(axis)`' }, line: 2 },
          { messageId: 'missingMethod', line: 2 },
        ],
      },
      {
        name: 'through tfjs ops after a PyTorch call, and through a const bound to one',
        code: `${T2}const hits = t.argmax(1).equal(y).float();\nconst flat = t.view(-1);\nconst n = flat.numel();`,
        output: `${T2}const hits = t.argmax(1).equal(y).float();\nconst flat = t.reshape([-1]);\nconst n = flat.size;`,
        errors: [
          { messageId: 'missingMethod', data: { method: 'argmax', advice: 'Use `argMax(axis)` (without an axis tfjs uses axis 0, PyTorch the flattened tensor)' }, line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 't.argMax(1)' }, output: `${T2}const hits = t.argMax(1).equal(y).float();\nconst flat = t.view(-1);\nconst n = flat.numel();` }] },
          {
            messageId: 'missingMethod',
            data: { method: 'float', advice: "Use `cast('float32')` or `toFloat()`" },
            line: 2,
            suggestions: [
              { messageId: 'replaceWith', data: { text: "t.argmax(1).equal(y).cast('float32')" }, output: `${T2}const hits = t.argmax(1).equal(y).cast('float32');\nconst flat = t.view(-1);\nconst n = flat.numel();` },
              { messageId: 'replaceWith', data: { text: 't.argmax(1).equal(y).toFloat()' }, output: `${T2}const hits = t.argmax(1).equal(y).toFloat();\nconst flat = t.view(-1);\nconst n = flat.numel();` },
            ],
          },
          { messageId: 'missingMethod', line: 3 },
          { messageId: 'missingMethod', line: 4 },
        ],
      },
      {
        name: 'on a model.predict() result',
        code: `const m = TF.sequential();\nconst probs = m.predict(x).view(-1);`,
        output: `const m = TF.sequential();\nconst probs = m.predict(x).reshape([-1]);`,
        errors: [{ messageId: 'missingMethod', line: 2 }],
      },
      {
        name: 'on a class field and a tf.tidy result',
        code: `class Net {\n  constructor() { this.w = TF.randomNormal([3, 3]); }\n  f() { return TF.tidy(() => this.w.relu()).t(); }\n}`,
        output: `class Net {\n  constructor() { this.w = TF.randomNormal([3, 3]); }\n  f() { return TF.tidy(() => this.w.relu()).transpose(); }\n}`,
        errors: [{ messageId: 'missingMethod', line: 3 }],
      },
      {
        name: 'reshape(3, 2) with PyTorch varargs -> reshape([3, 2])',
        code: `${T2}const r = t.reshape(3, 2);`,
        output: `${T2}const r = t.reshape([3, 2]);`,
        errors: [{ messageId: 'reshapeVarargs', data: { args: '3, 2' }, line: 2, column: 13 }],
      },
      {
        name: 'transpose(0, 1) swaps axes in PyTorch, throws in tfjs: report only',
        code: `${T2}const r = t.transpose(0, 1);`,
        output: null,
        errors: [{ messageId: 'transposeVarargs', data: { args: '0, 1' }, line: 2, column: 13 }],
      },
      {
        name: 'sum({dim: 1}) / mean({dim: 1, keepdim: true}) -> positional form',
        code: `${T2}const s = t.sum({dim: 1});\nconst m = t.mean({dim: [0, 1], keepdim: true});`,
        output: `${T2}const s = t.sum(1);\nconst m = t.mean([0, 1], true);`,
        errors: [
          { messageId: 'reduceOptions', data: { method: 'sum' }, line: 2 },
          { messageId: 'reduceOptions', data: { method: 'mean' }, line: 3 },
        ],
      },
      {
        name: 'max({dim: 1}): PyTorch returns (values, indices), so the positional form is only a suggestion',
        code: `${T2}const s = t.max({dim: 1});`,
        output: null,
        errors: [{ messageId: 'reduceOptions', data: { method: 'max' }, line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'max(1)' }, output: `${T2}const s = t.max(1);` }] }],
      },
      {
        name: 'max({dim: d}) with a variable axis: report only',
        code: `${T2}const s = t.max({dim: d});`,
        output: null,
        errors: [{ messageId: 'reduceOptions', line: 2, suggestions: [] }],
      },
      {
        name: 'flatten(1) silently flattens everything in tfjs: suggestion reshape([t.shape[0], -1])',
        code: `${T2}const f = t.flatten(1);`,
        output: null,
        errors: [{ messageId: 'flattenStartDim', data: { arg: '1' }, line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'reshape([t.shape[0], -1])' }, output: `${T2}const f = t.reshape([t.shape[0], -1]);` }] }],
      },
      {
        name: 'const [v, i] = t.max(1): tfjs returns values only',
        code: `${T2}const [v, i] = t.max(1);`,
        output: null,
        errors: [
          {
            messageId: 'tupleResult',
            data: { method: 'max', indexMethod: 'argMax' },
            line: 2,
            column: 18,
            suggestions: [{ messageId: 'splitResult', data: { method: 'max', indexMethod: 'argMax' }, output: `${T2}const v = t.max(1), i = t.argMax(1);` }],
          },
        ],
      },
      {
        name: '[lo, at] = t.min(0) in an assignment: report only',
        code: `${T2}let lo, at;\n[lo, at] = t.min(0);`,
        output: null,
        errors: [{ messageId: 'tupleResult', data: { method: 'min', indexMethod: 'argMin' }, line: 3, suggestions: [] }],
      },
      {
        name: 'in-place add_ on a let binding: suggest x = x.add(1)',
        code: `let x = TF.zeros([2]);\nx.add_(1);`,
        output: null,
        errors: [{ messageId: 'inPlace', line: 2, column: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 'x = x.add(1)' }, output: `let x = TF.zeros([2]);\nx = x.add(1);` }] }],
      },
      {
        name: 'in-place mul_ / zero_ / clamp_ on a tf.variable: suggest assign()',
        code: `const w = TF.variable(TF.zeros([2]));\nw.mul_(0.9);\nw.zero_();\nw.clamp_(0, 1);`,
        output: null,
        errors: [
          { messageId: 'inPlace', line: 2, suggestions: [{ messageId: 'replaceWith', data: { text: 'w.assign(w.mul(0.9))' }, output: `const w = TF.variable(TF.zeros([2]));\nw.assign(w.mul(0.9));\nw.zero_();\nw.clamp_(0, 1);` }] },
          { messageId: 'inPlace', line: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 'w.assign(w.zerosLike())' }, output: `const w = TF.variable(TF.zeros([2]));\nw.mul_(0.9);\nw.assign(w.zerosLike());\nw.clamp_(0, 1);` }] },
          { messageId: 'inPlace', line: 4, suggestions: [{ messageId: 'replaceWith', data: { text: 'w.assign(w.clipByValue(0, 1))' }, output: `const w = TF.variable(TF.zeros([2]));\nw.mul_(0.9);\nw.zero_();\nw.assign(w.clipByValue(0, 1));` }] },
        ],
      },
      {
        name: 'in-place on a const tensor: report without a suggestion',
        code: `${T2}t.fill_(0);\nconst y = t.sub_(1);`,
        output: null,
        errors: [
          { messageId: 'inPlace', data: { method: 'fill_', advice: 'Use `zerosLike().add(0)` and keep its result (`x = x.zerosLike().add(0)`), or `v.assign(…)` on a tf.Variable' }, line: 2, suggestions: [] },
          { messageId: 'inPlace', line: 3, suggestions: [] },
        ],
      },
      {
        name: 'requires_grad_() on a tensor: advice points at tf.variable',
        code: `${T2}t.requires_grad_();`,
        output: null,
        errors: [{ messageId: 'inPlace', data: { method: 'requires_grad_', advice: 'Make a variable instead: `tf.variable(t, trainable)`' }, line: 2, suggestions: [] }],
      },
      {
        name: 'PyTorch properties: ndim, T, requires_grad',
        code: `${T2}const r = t.ndim;\nconst tt = t.T;\nt.requires_grad = true;`,
        output: null,
        errors: [
          { messageId: 'missingProperty', data: { property: 'ndim', advice: 'Use `rank`' }, line: 2, column: 13, suggestions: [{ messageId: 'replaceWith', data: { text: 'rank' }, output: `${T2}const r = t.rank;\nconst tt = t.T;\nt.requires_grad = true;` }] },
          { messageId: 'missingProperty', line: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 'transpose()' }, output: `${T2}const r = t.ndim;\nconst tt = t.transpose();\nt.requires_grad = true;` }] },
          { messageId: 'missingProperty', line: 4, suggestions: [] },
        ],
      },
    ]),
    ...invalidAcross(
      [
        {
          name: 'annotated parameter (TS): x.view(-1)',
          code: `function f(x: TF.Tensor) { return x.view(-1); }`,
          output: `function f(x: TF.Tensor) { return x.reshape([-1]); }`,
          errors: [{ messageId: 'missingMethod', line: 1 }],
        },
      ],
      IMPORT_FORMS.filter((f) => f.name !== 'member alias'),
    ),
    ...invalidAcross(
      [
        {
          name: 'tf.cat / tf.matmul / tf.clamp on the namespace -> tf.concat / tf.matMul / tf.clipByValue',
          code: `const a = TF.ones([2, 2]);\nconst c = TF.cat([a, a], 1);\nconst m = TF.matmul(a, a);\nconst k = TF.clamp(a, 0, 1);`,
          output: `const a = TF.ones([2, 2]);\nconst c = TF.concat([a, a], 1);\nconst m = TF.matMul(a, a);\nconst k = TF.clipByValue(a, 0, 1);`,
          errors: [
            { messageId: 'torchFunction', data: { name: 'cat', to: 'concat' }, line: 2, column: 14 },
            { messageId: 'torchFunction', data: { name: 'matmul', to: 'matMul' }, line: 3 },
            { messageId: 'torchFunction', data: { name: 'clamp', to: 'clipByValue' }, line: 4 },
          ],
        },
        {
          name: 'tf.clamp(a, lo, hi) with variable bounds: suggestion',
          code: `const k = TF.clamp(a, lo, hi);`,
          output: null,
          errors: [{ messageId: 'torchFunction', line: 1, suggestions: [{ messageId: 'replaceWith', data: { text: 'clipByValue(…)' }, output: `const k = TF.clipByValue(a, lo, hi);` }] }],
        },
      ],
      NAMESPACE_FORMS,
    ),
  ],
});

// Types only narrow: with type information, a size the checker proves is a `number` (or a shape
// proven `number[]`) is as exact as a literal, so the suggestion becomes an autofix. `any` proves nothing.
const typed = createTypedRuleTester();
const TYPED_HEADER = `import * as tf from '@tensorflow/tfjs';\ndeclare const x: tf.Tensor;\n`;

typed.run('no-torch-tensor-api (typed)', rule, {
  valid: [
    { name: 'typed: a real reshape with a number[] shape', code: `${TYPED_HEADER}declare const s: number[];\nx.reshape(s);` },
    { name: 'typed: a user Tensor type is not tfjs', code: `class Tensor { view(...d: number[]) { return this; } }\ndeclare const t: Tensor;\nt.view(3, 2);` },
  ],
  invalid: [
    {
      name: 'typed: view(b, -1) with b: number is an autofix',
      code: `${TYPED_HEADER}function f(b: number) { return x.view(b, -1); }`,
      output: `${TYPED_HEADER}function f(b: number) { return x.reshape([b, -1]); }`,
      errors: [{ messageId: 'missingMethod', line: 3 }],
    },
    {
      name: 'typed: view(shape) with shape: number[] is reshape(shape); with n: number it is reshape([n])',
      code: `${TYPED_HEADER}function f(shape: number[], n: number) { return [x.view(shape), x.view(n), x.unsqueeze(n)]; }`,
      output: `${TYPED_HEADER}function f(shape: number[], n: number) { return [x.reshape(shape), x.reshape([n]), x.expandDims(n)]; }`,
      errors: [{ messageId: 'missingMethod', line: 3 }, { messageId: 'missingMethod', line: 3 }, { messageId: 'missingMethod', line: 3 }],
    },
    {
      name: 'typed: any proves nothing, permute(n) may be negative: suggestions stay',
      code: `${TYPED_HEADER}function f(b: any, n: number) { return [x.view(b, -1), x.permute(0, n)]; }`,
      output: null,
      errors: [
        { messageId: 'missingMethod', line: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 'reshape([b, -1])' }, output: `${TYPED_HEADER}function f(b: any, n: number) { return [x.reshape([b, -1]), x.permute(0, n)]; }` }] },
        { messageId: 'missingMethod', line: 3, suggestions: [{ messageId: 'replaceWith', data: { text: 'transpose([0, n])' }, output: `${TYPED_HEADER}function f(b: any, n: number) { return [x.view(b, -1), x.transpose([0, n])]; }` }] },
      ],
    },
  ],
});

// JSDoc types in plain JavaScript (src/engine/jsdoc.ts): tensors the code alone does not show.
const JS_FORMS = IMPORT_FORMS.filter((f) => !f.tsOnly);
const jsdocParam = `/** @param {TF.Tensor} x */\nfunction f(x) { return x.view(-1); }`;
const jsdocReturns = `/** @returns {TF.Tensor|null} */\nfunction embed(ids) {\n  return lookup(ids);\n}\nconst e = embed(ids).view(-1);`;
const jsdocVariable = `/** @type {import('@tensorflow/tfjs').Tensor} */\nlet t = null;\nt = decode(bytes);\nt.view(-1);`;
const jsdocDestructured = `/**\n * @param {Object} batch\n * @param {TF.Tensor} batch.xs\n */\nfunction f({ xs }) { return xs.view(-1); }`;
const jsdocOptions = `/** @param {Object} b @param {TF.Tensor} b.ys */\nfunction g(b) { return b.ys.view(-1); }`;
const jsdocTypedef = `/** @typedef {TF.Tensor} Batch */\n/** @param {Batch} x */\nfunction f(x) { return x.view(-1); }`;

ruleTester.run('no-torch-tensor-api: JSDoc types in JavaScript', rule, {
  valid: [
    ...validAcross(
      [
        { name: 'JSDoc naming the user\'s own Tensor class', filename: 'train.js', code: `class Tensor { view() { return this; } }\n/** @param {Tensor} x */\nfunction f(x) { return x.view(-1); }` },
        { name: 'JSDoc @type {Object}', filename: 'train.js', code: `/** @type {Object} */\nlet t = null;\nt = decode(bytes);\nt.view(-1);` },
        { name: 'a non-tfjs package type through import()', filename: 'train.js', code: `/** @param {import('brain.js').Tensor} x */\nfunction f(x) { return x.view(-1); }` },
        { name: 'an array of tensors is not a tensor', filename: 'train.js', code: `/** @param {TF.Tensor[]} xs */\nfunction f(xs) { return xs.view(-1); }` },
      ],
      JS_FORMS,
    ),
    ...validAcross([jsdocParam, jsdocReturns, jsdocDestructured, jsdocOptions, jsdocTypedef].map((code) => ({ filename: 'train.js', code })), LOOKALIKE_FORMS),
    { name: 'a nested @param of another root name', filename: 'train.js', code: jsdocOptions.replace('b.ys */', 'c.ys */') },
  ],
  invalid: [
    ...invalidAcross(
      [
        {
          name: '@param {tf.Tensor}: x.view(-1)',
          filename: 'train.js',
          code: jsdocParam,
          output: jsdocParam.replace('view(-1)', 'reshape([-1])'),
          errors: [{ messageId: 'missingMethod', line: 2 }],
        },
        {
          name: '@returns {tf.Tensor|null}: embed(ids).view(-1)',
          filename: 'train.js',
          code: jsdocReturns,
          output: jsdocReturns.replace('view(-1)', 'reshape([-1])'),
          errors: [{ messageId: 'missingMethod', line: 5 }],
        },
        {
          name: 'a destructured parameter documented by its nested @param name',
          filename: 'train.js',
          code: jsdocDestructured,
          output: jsdocDestructured.replace('view(-1)', 'reshape([-1])'),
          errors: [{ messageId: 'missingMethod', line: 5 }],
        },
        {
          name: 'a member of an options parameter documented by its nested @param name',
          filename: 'train.js',
          code: jsdocOptions,
          output: jsdocOptions.replace('view(-1)', 'reshape([-1])'),
          errors: [{ messageId: 'missingMethod', line: 2 }],
        },
        {
          name: 'a parameter documented with a @typedef of a tfjs tensor',
          filename: 'train.js',
          code: jsdocTypedef,
          output: jsdocTypedef.replace('view(-1)', 'reshape([-1])'),
          errors: [{ messageId: 'missingMethod', line: 3 }],
        },
      ],
      JS_FORMS,
    ),
    {
      name: "@type {import('@tensorflow/tfjs').Tensor} with no tfjs binding in the file",
      filename: 'train.js',
      code: jsdocVariable,
      output: jsdocVariable.replace('view(-1)', 'reshape([-1])'),
      errors: [{ messageId: 'missingMethod', line: 4 }],
    },
  ],
});
