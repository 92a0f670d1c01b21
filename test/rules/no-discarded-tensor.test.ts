import rule from '../../rules/no-discarded-tensor.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const X = `let x = TF.tensor1d([1, 2]);\nconst y = TF.tensor1d([3, 4]);\n`;

const valid = [
  { name: 'the result is kept', code: `${X}x = x.add(y);\nconst z = TF.relu(x);` },
  { name: 'dispose / tf.dispose / print / dataSync are not ops', code: `${X}x.print();\nx.dataSync();\nTF.dispose([x, y]);\ny.dispose();` },
  { name: 'variable.assign(...) updates in place (real tfjs)', code: `const v = TF.variable(TF.zeros([2]));\nv.assign(v.add(1));` },
  { name: 'tf.tidy(...) and tf.keep(...) are not ops', code: `${X}TF.tidy(() => { return x.add(y); });\nTF.keep(x);` },
  { name: 'tf.variable(...) registers a variable: a side effect', code: `TF.variable(TF.zeros([2]), true, 'w');` },
  { name: 'a chained call that ends in dispose()', code: `${X}x.add(y).dispose();` },
  { name: 'void marks an intentional discard', code: `${X}void x.add(y);` },
  { name: 'returned from an arrow body', code: `${X}const f = () => x.add(y);` },
  { name: 'model.predict(x) for warm-up is not an op (outside this rule)', code: `const m = TF.sequential();\nm.predict(TF.zeros([1, 4]));` },
  { name: 'an installation smoke test: a factory call on literals cannot be a mistaken in-place op', code: `TF.tensor(0);\nTF.tensor([1, 2, 3]).print();\nTF.scalar(-1);\nTF.zeros([2, 2]);\nTF.tensor2d([[1, 2]], [1, 2], 'float32');\nTF.tensor1d(new Float32Array([1, 2]));\nTF.randomNormal([2], 0, 1);` },
  { name: 'unknown receiver: an untyped parameter', code: `function f(t) { t.add(1); t.clipByValue(0, 1); }\nconst z = TF.zeros([1]);` },
  { name: "a user's own class with add()", code: `class Vec { add(o) { return this; } }\nconst v = new Vec();\nv.add(v);\nconst z = TF.zeros([1]);` },
  { name: 'arrays, sets and danfo frames', code: `const arr = [];\narr.fill(0);\nnew Set().add(1);\ndf.add(other);\nconst z = TF.zeros([1]);` },
  { name: 'awaiting data() is not a tensor', code: `${X}async function f() { await x.data(); }` },
];

ruleTester.run('no-discarded-tensor', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross([{ name: 'look-alike tf: tf.relu(x)', code: `const x = TF.tensor1d([1]);\nx.add(x);\nTF.relu(x);` }], LOOKALIKE_FORMS),
  ],
  invalid: [
    ...invalidAcross([
      {
        name: 'x.add(y); on a let binding: suggest x = x.add(y)',
        code: `${X}x.add(y);`,
        output: null,
        errors: [
          {
            messageId: 'discarded',
            data: { op: 'add' },
            line: 3,
            column: 3,
            endColumn: 6,
            suggestions: [{ messageId: 'assignBack', data: { text: 'x = x.add(y)' }, output: `${X}x = x.add(y);` }],
          },
        ],
      },
      {
        name: 'x.clipByValue(0, 1); on a const: report only',
        code: `const c = TF.tensor1d([1, 2]);\nc.clipByValue(0, 1);`,
        output: null,
        errors: [{ messageId: 'discarded', data: { op: 'clipByValue' }, line: 2, column: 3, suggestions: [] }],
      },
      {
        name: 'tf.relu(x); with a let target: suggest x = tf.relu(x)',
        code: `${X}TF.relu(x);`,
        output: null,
        errors: [{ messageId: 'discarded', data: { op: 'relu' }, line: 3, suggestions: [{ messageId: 'assignBack', output: `${X}x = TF.relu(x);` }] }],
      },
      {
        name: 'on a tf.variable: suggest v.assign(...)',
        code: `const v = TF.variable(TF.zeros([2]));\nv.mul(0.9);`,
        output: null,
        errors: [{ messageId: 'discarded', data: { op: 'mul' }, line: 2, suggestions: [{ messageId: 'assignBack', data: { text: 'v.assign(v.mul(0.9))' }, output: `const v = TF.variable(TF.zeros([2]));\nv.assign(v.mul(0.9));` }] }],
      },
      {
        name: 'a parameter annotated as a tensor is reassignable',
        code: `function step(w: TF.Tensor, g: TF.Tensor) {\n  w.sub(g);\n  return w;\n}`,
        output: null,
        errors: [{ messageId: 'discarded', line: 2, suggestions: [{ messageId: 'assignBack', data: { text: 'w = w.sub(g)' }, output: `function step(w: TF.Tensor, g: TF.Tensor) {\n  w = w.sub(g);\n  return w;\n}` }] }],
      },
      {
        name: 'a discarded creator on computed data and a discarded namespaced op',
        code: `TF.zeros(shape);\nconst p = TF.tensor1d([1]);\nTF.losses.meanSquaredError(p, p);`,
        output: null,
        errors: [
          { messageId: 'discarded', data: { op: 'zeros' }, line: 1, suggestions: [] },
          { messageId: 'discarded', data: { op: 'losses.meanSquaredError' }, line: 3, suggestions: [] },
        ],
      },
      {
        name: 'a creator on a tensor or variable input is still reported (tf.zerosLike(x) is not plain data)',
        code: `const x = TF.ones([2]);\nTF.zerosLike(x);\nTF.tensor(x);`,
        output: null,
        errors: [
          { messageId: 'discarded', data: { op: 'zerosLike' }, line: 2 },
          { messageId: 'discarded', data: { op: 'tensor' }, line: 3 },
        ],
      },
      {
        name: 'a discarded op inside tf.tidy and inside a class method',
        code: `class Net {\n  constructor() { this.w = TF.zeros([2]); }\n  update(g) {\n    TF.tidy(() => { this.w.sub(g); });\n  }\n}`,
        output: null,
        errors: [{ messageId: 'discarded', data: { op: 'sub' }, line: 4, suggestions: [] }],
      },
      {
        name: 'optional call x?.abs(); and a comment inside: report without suggestion',
        code: `${X}x?.abs();\nx.add(/* bias */ y);`,
        output: null,
        errors: [
          { messageId: 'discarded', data: { op: 'abs' }, line: 3, suggestions: [{ messageId: 'assignBack', data: { text: 'x = x?.abs()' }, output: `${X}x = x?.abs();\nx.add(/* bias */ y);` }] },
          { messageId: 'discarded', data: { op: 'add' }, line: 4, suggestions: [] },
        ],
      },
    ]),
  ],
});

