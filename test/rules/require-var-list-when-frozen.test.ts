import rule from '../../rules/require-var-list-when-frozen.js';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const FROZEN = `const base = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\nconst opt = TF.train.adam(1e-3);`;
const LOSS = `() => TF.losses.meanSquaredError(ys, model.apply(xs))`;
const SEQ = `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dense({units: 1})]});\nconst opt = TF.train.sgd(0.1);`;
const VL = 'model.trainableWeights.map((w) => w.read())';

const REASON_C = '`{trainable: false}` marks the layer, not its tf.Variables';
const REASON_D = "this Sequential model's `compile()` made its tf.Variables trainable again";
const MIN = 'still updates the weights';
const GRADS = 'still returns gradients for the weights';

const valid = [
  { name: 'the var list is built from trainableWeights', code: `${FROZEN}\nopt.minimize(${LOSS}, false, ${VL});` },
  { name: 'variableGrads with an explicit trainable list', code: `${FROZEN}\nTF.variableGrads(${LOSS}, ${VL});` },
  { name: 'no layer is frozen', code: `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\nconst opt = TF.train.adam();\nopt.minimize(${LOSS});` },
  { name: 'a Sequential frozen with the setter and never compiled: the setter reaches the variables', code: `${SEQ}\nmodel.layers[0].trainable = false;\nopt.minimize(${LOSS});` },
  { name: 'a Sequential compiled first and frozen afterwards keeps the freeze', code: `${SEQ}\nmodel.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nmodel.layers[0].trainable = false;\nopt.minimize(${LOSS});` },
  {
    name: 'a functional model frozen with the setter and compiled keeps the freeze (only Sequential.compile rebuilds)',
    code: `const d1 = TF.layers.dense({units: 4});\nconst inp = TF.input({shape: [4]});\nconst model = TF.model({inputs: inp, outputs: d1.apply(inp)});\nd1.trainable = false;\nmodel.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nconst opt = TF.train.sgd(0.1);\nopt.minimize(${LOSS});`,
  },
  { name: 'the loss does not run the frozen model', code: `${FROZEN}\nconst other = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\nopt.minimize(() => TF.losses.meanSquaredError(ys, other.apply(xs)));` },
  {
    name: 'a weightless layer created with {trainable: false} has no variables to update',
    code: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dropout({rate: 0.5, trainable: false})]});\nconst opt = TF.train.sgd(0.1);\nopt.minimize(${LOSS});`,
  },
  {
    name: 'a .weights list of another model does not include the frozen layer',
    code: `${FROZEN}\nconst head = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [1]})]});\nopt.minimize(() => TF.losses.meanSquaredError(ys, head.apply(model.apply(xs))), false, head.weights.map((w) => w.read()));`,
  },
  { name: 'the frozen layer is also set with the setter (which reaches its variables): not judged', code: `${FROZEN}\nbase.trainable = false;\nopt.minimize(${LOSS});` },
  { name: 'the whole model is frozen with the setter: not judged', code: `${FROZEN}\nmodel.trainable = false;\nopt.minimize(${LOSS});` },
  { name: '`model.layers[0]` names the frozen layer of a Sequential listed in order: the setter reaches it, not judged', code: `${FROZEN}\nmodel.layers[0].trainable = true;\nopt.minimize(${LOSS});` },
  {
    name: 'a write through `model.layers[i]` of a Sequential whose add() calls are conditional may be any layer: not judged',
    code: `const model = TF.sequential();\nmodel.add(TF.layers.dense({units: 4, inputShape: [4]}));\nif (deep) model.add(TF.layers.dense({units: 4}));\nmodel.add(TF.layers.batchNormalization({trainable: false}));\nmodel.layers[1].trainable = true;\nconst opt = TF.train.adam(1e-3);\nopt.minimize(${LOSS});`,
  },
  { name: 'a var list of unknown origin is trusted', code: `${FROZEN}\nopt.minimize(${LOSS}, false, vars);` },
  { name: 'minimize on an unknown receiver (not a proven optimizer)', code: `${FROZEN}\ntrainer.minimize(${LOSS});` },
  { name: 'a user object with minimize() and a trainable flag', code: `const solver = { minimize(f) { return f(); } };\nconst layer = { trainable: false, apply: (x) => x };\nsolver.minimize(() => layer.apply(1));\nconst m = TF.sequential();` },
  { name: 'brain.js training is not tfjs', code: `const net = new brain.NeuralNetwork({trainable: false});\nnet.train(data);\nconst m = TF.sequential();` },
];

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const invalid: InvalidTestCase<MessageIds, []>[] = [
    {
      name: 'a setter write through `model.layers[0]` of a Sequential built with add(): the BatchNormalization at [1] is still frozen only by its constructor',
      code: `const model = TF.sequential();\nmodel.add(TF.layers.dense({units: 4, inputShape: [4], trainable: false}));\nmodel.add(TF.layers.batchNormalization({trainable: false}));\nmodel.add(TF.layers.dense({units: 1}));\nconst opt = TF.train.adam(1e-3);\nmodel.layers[0].trainable = true;\nopt.minimize(${LOSS});`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'minimize', layer: 'tf.layers.batchNormalization(…)', reason: REASON_C, model: 'model', effect: MIN },
          line: 7,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `const model = TF.sequential();\nmodel.add(TF.layers.dense({units: 4, inputShape: [4], trainable: false}));\nmodel.add(TF.layers.batchNormalization({trainable: false}));\nmodel.add(TF.layers.dense({units: 1}));\nconst opt = TF.train.adam(1e-3);\nmodel.layers[0].trainable = true;\nopt.minimize(${LOSS}, false, ${VL});` }],
        },
      ],
      output: null,
    },
    {
      name: "a setter write through getLayer('adapter') leaves the other constructor-frozen layer",
      code: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false, name: 'adapter'}), TF.layers.batchNormalization({trainable: false}), TF.layers.dense({units: 1})]});\nconst opt = TF.train.adam(1e-3);\nmodel.getLayer('adapter').trainable = true;\nopt.minimize(${LOSS});`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'minimize', layer: 'tf.layers.batchNormalization(…)', reason: REASON_C, model: 'model', effect: MIN },
          line: 4,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false, name: 'adapter'}), TF.layers.batchNormalization({trainable: false}), TF.layers.dense({units: 1})]});\nconst opt = TF.train.adam(1e-3);\nmodel.getLayer('adapter').trainable = true;\nopt.minimize(${LOSS}, false, ${VL});` }],
        },
      ],
      output: null,
    },
    {
      name: 'a method passed as opt.minimize(this.loss.bind(this)) (the step require-training-flag sees)',
      code: `class Net {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false}), TF.layers.dense({units: 1})]});\n    this.opt = TF.train.adam();\n  }\n  loss() { return TF.losses.meanSquaredError(ys, this.model.apply(xs)); }\n  step() { this.opt.minimize(this.loss.bind(this)); }\n}`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'minimize', layer: 'tf.layers.dense(…)', reason: REASON_C, model: 'this.model', effect: MIN },
          line: 7,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: 'this.model.trainableWeights.map((w) => w.read())' }, output: `class Net {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false}), TF.layers.dense({units: 1})]});\n    this.opt = TF.train.adam();\n  }\n  loss() { return TF.losses.meanSquaredError(ys, this.model.apply(xs)); }\n  step() { this.opt.minimize(this.loss.bind(this), false, this.model.trainableWeights.map((w) => w.read())); }\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'a loss forwarded through a local helper: function step(f) { return opt.minimize(f); }',
      code: `${FROZEN}\nfunction step(lossFn) { return opt.minimize(lossFn); }\nstep(${LOSS});`,
      errors: [{ messageId: 'noVarList', line: 4, suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `${FROZEN}\nfunction step(lossFn) { return opt.minimize(lossFn, false, ${VL}); }\nstep(${LOSS});` }] }],
      output: null,
    },
    {
      name: 'C: minimize(loss) over a model with a {trainable: false} layer',
      code: `${FROZEN}\nopt.minimize(${LOSS});`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'minimize', layer: 'base', reason: REASON_C, model: 'model', effect: MIN },
          line: 4,
          column: 5,
          endColumn: 13,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `${FROZEN}\nopt.minimize(${LOSS}, false, ${VL});` }],
        },
      ],
      output: null,
    },
    {
      name: 'C: minimize(loss, true) keeps returnCost',
      code: `${FROZEN}\nconst cost = opt.minimize(${LOSS}, true);`,
      errors: [
        {
          messageId: 'noVarList',
          line: 4,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `${FROZEN}\nconst cost = opt.minimize(${LOSS}, true, ${VL});` }],
        },
      ],
      output: null,
    },
    {
      name: 'C: a var list built from model.weights',
      code: `${FROZEN}\nopt.minimize(${LOSS}, false, model.weights.map((w) => w.read()));`,
      errors: [
        {
          messageId: 'weightsVarList',
          data: { api: 'minimize', layer: 'base', reason: REASON_C, model: 'model', effect: MIN },
          line: 4,
          suggestions: [{ messageId: 'passTrainableWeights', data: { list: VL }, output: `${FROZEN}\nopt.minimize(${LOSS}, false, ${VL});` }],
        },
      ],
      output: null,
    },
    {
      name: 'C: tf.variableGrads(f) with a named loss function using predict()',
      code: `${FROZEN}\nfunction lossFn() { return TF.losses.meanSquaredError(ys, model.predict(xs)); }\nconst {grads} = TF.variableGrads(lossFn);\nopt.applyGradients(grads);`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'variableGrads', layer: 'base', reason: REASON_C, model: 'model', effect: GRADS },
          line: 5,
          suggestions: [
            {
              messageId: 'passTrainableWeights',
              data: { list: VL },
              output: `${FROZEN}\nfunction lossFn() { return TF.losses.meanSquaredError(ys, model.predict(xs)); }\nconst {grads} = TF.variableGrads(lossFn, ${VL});\nopt.applyGradients(grads);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'D: a Sequential frozen with the setter, then compiled, then computeGradients(loss)',
      code: `${SEQ}\nmodel.layers[0].trainable = false;\nmodel.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nconst {grads} = opt.computeGradients(${LOSS});`,
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'computeGradients', layer: 'model.layers[0]', reason: REASON_D, model: 'model', effect: GRADS },
          line: 5,
          suggestions: [
            {
              messageId: 'passTrainableWeights',
              data: { list: VL },
              output: `${SEQ}\nmodel.layers[0].trainable = false;\nmodel.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nconst {grads} = opt.computeGradients(${LOSS}, ${VL});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'D: freeze in a loop over the layers, compile in a builder, custom step in a class',
      code: [
        `function build() {`,
        `  const net = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dense({units: 1})]});`,
        `  for (const layer of net.layers.slice(0, 1)) layer.trainable = false;`,
        `  net.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
        `  return net;`,
        `}`,
        `class Trainer {`,
        `  constructor() { this.net = build(); this.opt = TF.train.adam(); }`,
        `  step(xs, ys) { return this.opt.minimize(() => TF.losses.meanSquaredError(ys, this.net.apply(xs)), true); }`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'noVarList',
          data: { api: 'minimize', layer: 'layer', reason: REASON_D, model: 'this.net', effect: MIN },
          line: 9,
          suggestions: [
            {
              messageId: 'passTrainableWeights',
              data: { list: 'this.net.trainableWeights.map((w) => w.read())' },
              output: [
                `function build() {`,
                `  const net = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dense({units: 1})]});`,
                `  for (const layer of net.layers.slice(0, 1)) layer.trainable = false;`,
                `  net.compile({optimizer: 'adam', loss: 'meanSquaredError'});`,
                `  return net;`,
                `}`,
                `class Trainer {`,
                `  constructor() { this.net = build(); this.opt = TF.train.adam(); }`,
                `  step(xs, ys) { return this.opt.minimize(() => TF.losses.meanSquaredError(ys, this.net.apply(xs)), true, this.net.trainableWeights.map((w) => w.read())); }`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'two models in the loss: the suggested list names both',
      code: `${FROZEN}\nconst head = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [1]})]});\nopt.minimize(() => TF.losses.meanSquaredError(ys, head.apply(model.apply(xs))));`,
      errors: [
        {
          messageId: 'noVarList',
          line: 5,
          suggestions: [
            {
              messageId: 'passTrainableWeights',
              data: { list: '[...head.trainableWeights, ...model.trainableWeights].map((w) => w.read())' },
              output: `${FROZEN}\nconst head = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [1]})]});\nopt.minimize(() => TF.losses.meanSquaredError(ys, head.apply(model.apply(xs))), false, [...head.trainableWeights, ...model.trainableWeights].map((w) => w.read()));`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an inline frozen factory in the layer list is named shortly; a commented .weights list gets no suggestion',
      code: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false}), TF.layers.dense({units: 1})]});\nconst opt = TF.train.sgd(0.1);\nopt.minimize(${LOSS}, false, model.weights.map((w) => /* all of them */ w.read()));`,
      errors: [
        {
          messageId: 'weightsVarList',
          data: { api: 'minimize', layer: 'tf.layers.dense(…)', reason: REASON_C, model: 'model', effect: MIN },
          line: 3,
          suggestions: [],
        },
      ],
      output: null,
    },
    {
      name: 'a raw tf.variable in the loss: no suggestion (a model-only list would stop training it)',
      code: `${FROZEN}\nconst scale = TF.variable(TF.scalar(1));\nopt.minimize(() => TF.losses.meanSquaredError(ys, model.apply(xs).mul(scale)));`,
      errors: [{ messageId: 'noVarList', line: 5, suggestions: [] }],
      output: null,
    },
];

ruleTester.run('require-var-list-when-frozen', rule, {
  valid: [
    ...validAcross<[]>(valid),
    ...validAcross<[]>([{ name: 'look-alike tf: frozen layer, minimize without list', code: `${FROZEN}\nopt.minimize(${LOSS});` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross(invalid),
});

checkSuggestionsResolve('require-var-list-when-frozen', rule, invalid);
