import rule from '../../rules/no-torch-mode-switch.js';
import { createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'explicit training flag is the tfjs way', code: `const m = TF.sequential();\nm.apply(x, {training: true});` },
  { name: 'evaluate() is a real tfjs method', code: `const m = TF.sequential();\nm.evaluate(x, y);` },
  { name: 'a user class with its own train()/eval()', code: `class Net { train() {} eval() {} }\nconst n = new Net();\nn.train();\nn.eval();` },
  { name: 'ml5-style neuralNetwork.train(options, cb) is not tfjs', code: `const nn = ml5.neuralNetwork({task: 'classification'});\nnn.train({epochs: 2}, done);` },
  { name: 'brain.js NeuralNetwork.train(data)', code: `const net = new brain.NeuralNetwork();\nnet.train(data);` },
  { name: 'unknown receiver: a parameter without a tfjs type', code: `function f(model) { model.eval(); model.training = false; }` },
  { name: 'global eval() is not a method call', code: `const m = TF.sequential();\neval('1 + 1');` },
  { name: 'reading .training is not a write', code: `const m = TF.sequential();\nconst t = m.training;` },
  { name: 'writing .trainable is a real tfjs property', code: `const m = TF.sequential();\nm.trainable = false;` },
  { name: 'optimizer is not a model', code: `const opt = TF.train.adam();\nopt.train = 1;` },
  { name: 'tensor.train() is not a model call', code: `const t = TF.tensor([1]);\nt.eval;` },
  { name: 'a loaded model before await is a Promise', code: `const p = TF.loadLayersModel('x');\np.eval;` },
];

// Import forms outside the shared table: `let tf` assigned in branches (tfjs-examples pick a backend this way).
const branchRequire = `let tf;\nif (process.env.GPU) {\n  tf = require('@tensorflow/tfjs-node-gpu');\n} else {\n  tf = require('@tensorflow/tfjs-node');\n}\n`;

ruleTester.run('no-torch-mode-switch', rule, {
  valid: [
    {
      name: 'a binding only ever null is no namespace',
      code: `let tfGpu = null;\ntfGpu = undefined;\nconst m = tfGpu.sequential();\nm.eval();`,
    },
    {
      name: 'let tf with one tfjs write and one other write is not provably tfjs',
      code: `let tf;\ntf = require('@tensorflow/tfjs');\ntf = makeFake();\nconst m = tf.sequential();\nm.eval();`,
    },
    ...validAcross(valid),
    ...validAcross(
    [
      { name: 'look-alike tf: model.eval()', code: `const m = TF.sequential();\nm.eval();\nm.training = false;` },
      { name: 'look-alike tf: layer.train()', code: `const d = TF.layers.dropout({rate: 0.5});\nd.train();` },
    ],
    LOOKALIKE_FORMS,
  )],
  invalid: [
    {
      name: 'ASI: removing a statement keeps the semicolon that guards the next line',
      code: `import * as tf from '@tensorflow/tfjs'\nconst m = tf.sequential()\nfoo()\nm.eval()\n;[1].forEach(g)`,
      errors: [{ messageId: 'modeCall', line: 4, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `import * as tf from '@tensorflow/tfjs'\nconst m = tf.sequential()\nfoo()\n;[1].forEach(g)` }] }],
      output: null,
    },
    {
      name: 'an optional binding: null, the GPU package in a try, null again in the catch',
      code: `let tfGpu = null;\ntry {\n  tfGpu = require('@tensorflow/tfjs-node-gpu');\n} catch {\n  tfGpu = null;\n}\nconst m = tfGpu.sequential();\nm.eval();`,
      errors: [{ messageId: 'modeCall', line: 8, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `let tfGpu = null;\ntry {\n  tfGpu = require('@tensorflow/tfjs-node-gpu');\n} catch {\n  tfGpu = null;\n}\nconst m = tfGpu.sequential();\n` }] }],
      output: null,
    },
    {
      name: 'let tf assigned a tfjs backend package in each branch',
      code: `${branchRequire}const m = tf.sequential();\nm.eval();`,
      errors: [{ messageId: 'modeCall', line: 8, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `${branchRequire}const m = tf.sequential();\n` }] }],
      output: null,
    },
    ...invalidAcross([
    {
      name: 'model.eval() on tf.sequential()',
      code: `const model = TF.sequential();\nmodel.eval();\nmodel.predict(x);`,
      errors: [
        {
          messageId: 'modeCall',
          data: { kind: 'model', method: 'eval' },
          line: 2,
          column: 7,
          endColumn: 11,
          suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `const model = TF.sequential();\nmodel.predict(x);` }],
        },
      ],
      output: null,
    },
    {
      name: 'model.train(true) on an awaited loadLayersModel',
      code: `async function go() {\n  const model = await TF.loadLayersModel('m.json');\n  model.train(true);\n}`,
      errors: [
        {
          messageId: 'modeCall',
          data: { kind: 'model', method: 'train' },
          line: 3,
          suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `async function go() {\n  const model = await TF.loadLayersModel('m.json');\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'layer.eval() on a tf.layers factory',
      code: `const drop = TF.layers.dropout({rate: 0.5});\nif (done) drop.eval();`,
      errors: [
        {
          messageId: 'modeCall',
          data: { kind: 'layer', method: 'eval' },
          line: 2,
          suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `const drop = TF.layers.dropout({rate: 0.5});\nif (done) {}` }],
        },
      ],
      output: null,
    },
    {
      name: 'chained model.eval() keeps the receiver',
      code: `const net = TF.sequential();\nconst out = net.eval().predict(x);`,
      errors: [
        {
          messageId: 'modeCall',
          line: 2,
          suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `const net = TF.sequential();\nconst out = net.predict(x);` }],
        },
      ],
      output: null,
    },
    {
      name: 'this.model.train() on a class field',
      code: `class Agent {\n  constructor() { this.model = TF.sequential(); }\n  learn() { this.model.train(); }\n}`,
      errors: [
        {
          messageId: 'modeCall',
          line: 3,
          suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `class Agent {\n  constructor() { this.model = TF.sequential(); }\n  learn() {  }\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'model.training = false write',
      code: `const net = TF.model({inputs: i, outputs: o});\nnet.training = false;`,
      errors: [
        {
          messageId: 'modeWrite',
          data: { kind: 'model', property: 'training' },
          line: 2,
          column: 5,
          suggestions: [{ messageId: 'removeWrite', data: { property: 'training' }, output: `const net = TF.model({inputs: i, outputs: o});\n` }],
        },
      ],
      output: null,
    },
    {
      name: 'eval() on an instance of a tfjs Layer subclass',
      code: `class Block extends TF.layers.Layer {}\nconst b = new Block();\nb.eval();`,
      errors: [{ messageId: 'modeCall', data: { kind: 'layer', method: 'eval' }, line: 3, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `class Block extends TF.layers.Layer {}\nconst b = new Block();\n` }] }],
      output: null,
    },
    {
      name: 'model.isTraining = true write',
      code: `const net = TF.sequential();\nnet.isTraining = true;`,
      errors: [{ messageId: 'isTrainingWrite', line: 2, suggestions: [{ messageId: 'removeWrite', data: { property: 'isTraining' }, output: `const net = TF.sequential();\n` }] }],
      output: null,
    },
  ]),
  ],
});

// JSDoc types in plain JavaScript (src/engine/jsdoc.ts): values the code alone does not show as tfjs.
const JS_FORMS = IMPORT_FORMS.filter((f) => !f.tsOnly);
const jsdocParam = `/** @param {TF.LayersModel} model */\nexport function finetune(model) {\n  model.train();\n  return model;\n}`;
const jsdocField = `class Agent {\n  constructor() {\n    /** @type {TF.Sequential} */\n    this.net = null;\n  }\n  async load() {\n    this.net = await fetchModel();\n    this.net.eval();\n  }\n}`;
const jsdocReturns = `/** @returns {TF.LayersModel} */\nfunction build() {\n  return restore();\n}\nconst m = build();\nm.training = false;`;

ruleTester.run('no-torch-mode-switch: JSDoc types in JavaScript', rule, {
  valid: [
    ...validAcross(
      [
        { name: 'JSDoc naming the user\'s own Model class', filename: 'train.js', code: `class Model { train() {} eval() {} }\n/** @param {Model} model */\nexport function finetune(model) {\n  model.train();\n}` },
        { name: 'JSDoc @type {Object}', filename: 'train.js', code: `/** @type {Object} */\nlet net = null;\nnet = make();\nnet.eval();` },
        { name: 'a brain.js type through import()', filename: 'train.js', code: `/** @param {import('brain.js').NeuralNetwork} net */\nexport function fit(net, data) {\n  net.train(data);\n}` },
      ],
      JS_FORMS,
    ),
    ...validAcross([jsdocParam, jsdocField, jsdocReturns].map((code) => ({ filename: 'train.js', code })), LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross(
    [
      {
        name: '@param {tf.LayersModel}: model.train()',
        filename: 'train.js',
        code: jsdocParam,
        errors: [{ messageId: 'modeCall', data: { kind: 'model', method: 'train' }, line: 3, suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: jsdocParam.replace('  model.train();\n', '') }] }],
        output: null,
      },
      {
        name: 'a field documented in the constructor: this.net.eval()',
        filename: 'train.js',
        code: jsdocField,
        errors: [{ messageId: 'modeCall', data: { kind: 'model', method: 'eval' }, line: 8, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: jsdocField.replace('    this.net.eval();\n', '') }] }],
        output: null,
      },
      {
        name: 'a builder documented with @returns: m.training = false',
        filename: 'train.js',
        code: jsdocReturns,
        errors: [{ messageId: 'modeWrite', data: { kind: 'model', property: 'training' }, line: 6, suggestions: [{ messageId: 'removeWrite', data: { property: 'training' }, output: jsdocReturns.replace('\nm.training = false;', '\n') }] }],
        output: null,
      },
    ],
    JS_FORMS,
  ),
});
