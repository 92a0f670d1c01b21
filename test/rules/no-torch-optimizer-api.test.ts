import rule from '../../rules/no-torch-optimizer-api.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'minimize(() => loss) is the tfjs idiom', code: `const opt = TF.train.adam(0.01);\nopt.minimize(() => loss(w));` },
  {
    name: 'variableGrads + applyGradients is the tfjs idiom',
    code: `const opt = TF.train.sgd(0.1);\nconst {value, grads} = TF.variableGrads(() => f(w));\nopt.applyGradients(grads);`,
  },
  { name: 'tensor.step(alpha) is a real tfjs op', code: `const t = TF.tensor([-1, 2]);\nconst s = t.step(0.5);` },
  { name: 'tf.step(x) is a real tfjs op', code: `const s = TF.step(TF.tensor([-1, 2]));` },
  { name: 'a user Optimizer class with its own step() and zero_grad()', code: `class Optimizer { step() {} zero_grad() {} }\nconst opt = new Optimizer();\nopt.zero_grad();\nopt.step();` },
  {
    name: 'a tfjs Optimizer subclass that defines step()',
    code: `class Lookahead extends TF.Optimizer {\n  step() { return 1; }\n  applyGradients(g) {}\n}\nconst opt = new Lookahead();\nopt.step();`,
  },
  {
    name: 'step() inherited from a same-file subclass that defines it',
    code: `class Base extends TF.Optimizer { zeroGrad() {} }\nclass Mine extends Base {}\nnew Mine().zeroGrad();`,
  },
  { name: 'unknown receiver: an optimizer passed in without a type', code: `function train(opt, loss) { opt.zero_grad(); loss.backward(); opt.step(); }` },
  { name: 'brain.js-style trainer with step()', code: `const trainer = new brain.Trainer(net);\ntrainer.step();` },
  { name: 'ml5 neuralNetwork is not a tfjs optimizer', code: `const nn = ml5.neuralNetwork({task: 'regression'});\nnn.step();` },
  {
    name: 'js-pytorch objects look like PyTorch but are not tfjs',
    code: `import * as torch from 'js-pytorch';\nconst x = torch.randn([2, 2], true);\nconst loss = x.sum();\nloss.backward();\nconst g = x.grad;\nconst opt = new torch.optim.Adam(params);\nopt.zero_grad();\nopt.step();`,
  },
  { name: 'a model is not an optimizer', code: `const m = TF.sequential();\nm.step();\nm.zeroGrad();` },
  { name: 'a Promise of a model: not reported', code: `const p = TF.loadLayersModel('m.json');\np.grad;` },
  { name: 'w.grad stores the user\'s own tensor: not reported', code: `const w = TF.variable(TF.scalar(1));\nw.grad = TF.zerosLike(w);\nw.grad.print();` },
  { name: 'optimizer.step monkey-patched in the file', code: `const opt = TF.train.adam();\nopt.step = () => opt.minimize(f);\nopt.step();` },
  { name: 'an optional call of a missing method short-circuits instead of throwing', code: `const opt = TF.train.adam();\nopt.zero_grad?.();\nopt.step?.();` },
  { name: 'grads returned by variableGrads are read by name', code: `const {grads} = TF.variableGrads(f);\nconst g = grads['w'];` },
];

ruleTester.run('no-torch-optimizer-api', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [
        { name: 'look-alike tf: optimizer.step()', code: `const opt = TF.train.adam();\nopt.zero_grad();\nopt.step();` },
        { name: 'look-alike tf: tensor.backward()', code: `const t = TF.scalar(1);\nt.backward();\nconst g = t.grad;` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: invalidAcross([
    {
      name: 'the PyTorch loop: zero_grad / backward / step',
      code:
        `const opt = TF.train.adam(0.01);\n` +
        `for (const [x, y] of batches) {\n` +
        `  opt.zero_grad();\n` +
        `  const loss = TF.losses.meanSquaredError(y, model.predict(x));\n` +
        `  loss.backward();\n` +
        `  opt.step();\n` +
        `}`,
      errors: [
        {
          messageId: 'zeroGrad',
          data: { method: 'zero_grad' },
          line: 3,
          column: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeZeroGrad',
              data: { method: 'zero_grad' },
              output:
                `const opt = TF.train.adam(0.01);\n` +
                `for (const [x, y] of batches) {\n` +
                `  const loss = TF.losses.meanSquaredError(y, model.predict(x));\n` +
                `  loss.backward();\n` +
                `  opt.step();\n` +
                `}`,
            },
          ],
        },
        { messageId: 'backward', line: 5, column: 8, endColumn: 16, suggestions: [] },
        { messageId: 'step', line: 6, column: 7, endColumn: 11, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'zeroGrad() on new tf.AdamOptimizer(...)',
      code: `const opt = new TF.AdamOptimizer(0.01, 0.9, 0.999);\nif (reset) opt.zeroGrad();`,
      errors: [
        {
          messageId: 'zeroGrad',
          data: { method: 'zeroGrad' },
          line: 2,
          column: 16,
          suggestions: [{ messageId: 'removeZeroGrad', data: { method: 'zeroGrad' }, output: `const opt = new TF.AdamOptimizer(0.01, 0.9, 0.999);\nif (reset) {}` }],
        },
      ],
      output: null,
    },
    {
      name: 'step() on model.optimizer after compile',
      code: `const model = TF.sequential();\nmodel.compile({optimizer: 'adam', loss: 'meanSquaredError'});\nmodel.optimizer.step();`,
      errors: [{ messageId: 'step', line: 3, column: 17, suggestions: [] }],
      output: null,
    },
    {
      name: 'annotated tf.Optimizer parameter',
      code: `function trainStep(opt: TF.Optimizer) {\n  opt.step();\n}`,
      errors: [{ messageId: 'step', line: 2, column: 7, suggestions: [] }],
      output: null,
    },
    {
      name: 'zero_grad() in an expression position has no removal suggestion',
      code: `const opt = TF.train.sgd(0.1);\nconst r = opt.zero_grad();`,
      errors: [{ messageId: 'zeroGrad', data: { method: 'zero_grad' }, line: 2, suggestions: [] }],
      output: null,
    },
    {
      name: 'optimizer held in a class field',
      code: `class Trainer {\n  constructor() { this.opt = TF.train.rmsprop(0.001); }\n  update() { this.opt.step(); }\n}`,
      errors: [{ messageId: 'step', line: 3, column: 23, suggestions: [] }],
      output: null,
    },
    {
      name: 'backward() on a model output and reading .grad of a variable',
      code: `const w = TF.variable(TF.randomNormal([3, 1]));\nconst total = TF.sum(model.apply(x));\ntotal.backward();\nconst g = w.grad;`,
      errors: [
        { messageId: 'backward', line: 3, column: 7, suggestions: [] },
        { messageId: 'gradRead', line: 4, column: 13, endColumn: 17, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'w.grad.zero_() reads the missing grad',
      code: `const w = TF.variable(TF.zeros([2]));\nw.grad.zero_();`,
      errors: [{ messageId: 'gradRead', line: 2, column: 3, suggestions: [] }],
      output: null,
    },
    {
      name: 'w.grad = null (manual zeroing) is removed by a suggestion',
      code: `const w = TF.variable(TF.zeros([2]));\nw.grad = null;`,
      errors: [
        {
          messageId: 'gradWrite',
          line: 2,
          column: 3,
          suggestions: [{ messageId: 'removeGradWrite', output: `const w = TF.variable(TF.zeros([2]));\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'after w.grad = null, a read is not undefined: only the write is reported',
      code: `const w = TF.variable(TF.zeros([2]));\nw.grad = null;\nif (w.grad) w.grad.print();`,
      errors: [
        {
          messageId: 'gradWrite',
          line: 2,
          suggestions: [{ messageId: 'removeGradWrite', output: `const w = TF.variable(TF.zeros([2]));\nif (w.grad) w.grad.print();` }],
        },
      ],
      output: null,
    },
  ]),
});
