import rule from '../../rules/no-frozen-batchnorm-in-training.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  {
    name: 'frozen BN in a model that is only used for inference',
    code: `const bn = TF.layers.batchNormalization({trainable: false, inputShape: [3]});\nconst model = TF.sequential({layers: [bn]});\nmodel.predict(x);`,
  },
  {
    name: 'BN frozen after the last fit in the same function',
    code: `async function go() {\n  const bn = TF.layers.batchNormalization({inputShape: [3]});\n  const model = TF.sequential({layers: [bn]});\n  await model.fit(x, y);\n  bn.trainable = false;\n  return model.predict(x);\n}`,
  },
  {
    name: 'frozen BN belongs to another model than the one fitted',
    code: `const bn = TF.layers.batchNormalization({trainable: false, inputShape: [3]});\nconst a = TF.sequential({layers: [bn]});\nconst b = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [3]})]});\nb.fit(x, y);`,
  },
  { name: 'trainable: true is not a freeze', code: `const model = TF.sequential({layers: [TF.layers.batchNormalization({trainable: true, inputShape: [3]})]});\nmodel.fit(x, y);` },
  { name: 'a frozen dense layer is the honest freeze', code: `const model = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [3], trainable: false}), TF.layers.batchNormalization()]});\nmodel.fit(x, y);` },
  {
    name: 'the tfjs way: run the BN with {training: false} in the loop',
    code: `const bn = TF.layers.batchNormalization({trainable: false});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, bn.apply(x, {training: false})));`,
  },
  {
    name: 'apply(x, {training: true}) outside a gradient context is not training',
    code: `const bn = TF.layers.batchNormalization({trainable: false});\nconst out = bn.apply(x, {training: true});`,
  },
  {
    name: 'fit() on the frozen model itself throws anyway (another problem)',
    code: `const base = TF.sequential({layers: [TF.layers.batchNormalization({inputShape: [3]})]});\nbase.trainable = false;\nbase.fit(x, y);`,
  },
  {
    name: 'a frozen parent model without BatchNormalization',
    code: `const base = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]})]});\nbase.trainable = false;\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\nmodel.fit(x, y);`,
  },
  {
    name: 'a loaded base model: its layers are not visible',
    code: `async function go() {\n  const base = await TF.loadLayersModel('m.json');\n  base.trainable = false;\n  const model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\n  await model.fit(x, y);\n}`,
  },
  {
    name: 'a custom layer that does not forward kwargs runs its BN in inference anyway',
    code: `class Block extends TF.layers.Layer {\n  constructor() { super({}); this.bn = TF.layers.batchNormalization(); }\n  call(x) { return this.bn.apply(x); }\n}\nconst block = new Block();\nconst model = TF.sequential({layers: [block]});\nblock.trainable = false;\nmodel.fit(x, y);`,
  },
  {
    name: 'a custom layer that runs its BN with {...kwargs, training: false} (the tfjs way to freeze it)',
    code: `class Block extends TF.layers.Layer {\n  constructor() { super({}); this.bn = TF.layers.batchNormalization(); }\n  call(x, kwargs) { return this.bn.apply(x, {...kwargs, training: false}); }\n}\nconst block = new Block();\nconst model = TF.sequential({layers: [block]});\nblock.trainable = false;\nmodel.fit(x, y);`,
  },
  { name: 'an unknown model parameter', code: `function train(model, bn) { bn.trainable = false; return model.fit(x, y); }` },
  { name: 'a layer from model.layers[i] is unknown', code: `const model = TF.sequential();\nmodel.layers[1].trainable = false;\nmodel.fit(x, y);` },
  { name: 'user objects with trainable and fit', code: `const net = {trainable: true, fit() {}};\nnet.trainable = false;\nnet.fit(x, y);` },
  { name: 'brain.js network', code: `const net = new brain.NeuralNetwork({momentum: 0.1});\nnet.trainable = false;\nnet.train(data);` },
  {
    name: 'two models from the same factory are different models: training online does not train the frozen target',
    code: `function createQNet() {\n  return TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dense({units: 2})]});\n}\nconst online = createQNet();\nconst target = createQNet();\ntarget.trainable = false;\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(target.predict(x), online.apply(x, {training: true})));`,
  },
  {
    name: 'DQN target network with BN only run with predict() inside the online loss (minimize(f, true, onlineVars))',
    code: `function createQNet() {\n  return TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dense({units: 2})]});\n}\nclass Agent {\n  constructor() {\n    this.online = createQNet();\n    this.target = createQNet();\n    this.target.trainable = false;\n    this.opt = TF.train.adam(1e-3);\n  }\n  train(s, r, s2) {\n    const onlineVars = this.online.trainableWeights.map((w) => w.read());\n    return this.opt.minimize(() => {\n      const q = this.online.apply(s, {training: true});\n      const next = this.target.predict(s2);\n      return TF.losses.meanSquaredError(r.add(next.max(1)), q.max(1));\n    }, true, onlineVars);\n  }\n}`,
  },
  {
    name: 'two builder-method instances: this.buildNet() twice',
    code: `class Agent {\n  buildNet() {\n    const net = TF.sequential({layers: [TF.layers.batchNormalization({inputShape: [4]}), TF.layers.dense({units: 2})]});\n    return net;\n  }\n  init() {\n    this.online = this.buildNet();\n    this.target = this.buildNet();\n    this.target.trainable = false;\n  }\n  fitOnline() { return this.online.fit(x, y); }\n}`,
  },
  { name: 'trainable set from a variable is not proven false', code: `const bn = TF.layers.batchNormalization({inputShape: [3]});\nconst model = TF.sequential({layers: [bn]});\nbn.trainable = freeze;\nmodel.fit(x, y);` },
];

const bnMsg = (trainer: string) => ({ messageId: 'frozenBatchNorm' as const, data: { trainer, parent: '' } });

ruleTester.run('no-frozen-batchnorm-in-training', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [
        {
          name: 'look-alike tf: frozen BN and fit',
          code: `const bn = TF.layers.batchNormalization({trainable: false, inputShape: [3]});\nconst model = TF.sequential({layers: [bn]});\nbn.trainable = false;\nmodel.fit(x, y);`,
        },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: invalidAcross([
    {
      name: 'constructor option in a sequential model that is fitted',
      code: `const model = TF.sequential({layers: [\n  TF.layers.dense({units: 4, inputShape: [3]}),\n  TF.layers.batchNormalization({trainable: false}),\n  TF.layers.dense({units: 1}),\n]});\nmodel.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nawait model.fit(x, y, {epochs: 3});`,
      errors: [{ ...bnMsg('fit'), line: 3 }],
      output: null,
    },
    {
      name: 'setter on the BN of a fitted model (column of .trainable)',
      code: `const bn = TF.layers.batchNormalization({inputShape: [3]});\nconst model = TF.sequential({layers: [bn, TF.layers.dense({units: 1})]});\nbn.trainable = false;\nmodel.fit(x, y);`,
      errors: [{ ...bnMsg('fit'), line: 3, column: 4, endLine: 3, endColumn: 13 }],
      output: null,
    },
    {
      name: 'model.add(bn) then trainOnBatch',
      code: `const model = TF.sequential();\nconst bn = TF.layers.batchNormalization({inputShape: [3]});\nmodel.add(bn);\nbn.trainable = false;\nmodel.trainOnBatch(x, y);`,
      errors: [{ ...bnMsg('trainOnBatch'), line: 4 }],
      output: null,
    },
    {
      name: 'functional model, fitDataset',
      code: `const inp = TF.input({shape: [3]});\nconst bn = TF.layers.batchNormalization();\nconst out = TF.layers.dense({units: 1}).apply(bn.apply(inp));\nconst net = TF.model({inputs: inp, outputs: out});\nbn.trainable = false;\nnet.fitDataset(ds, {epochs: 1});`,
      errors: [{ ...bnMsg('fitDataset'), line: 5 }],
      output: null,
    },
    {
      name: 'frozen base model nested in a fitted model',
      code: `const base = TF.sequential({layers: [TF.layers.batchNormalization({inputShape: [3]}), TF.layers.dense({units: 4})]});\nbase.trainable = false;\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\nmodel.fit(x, y);`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'fit', parent: 'model' }, line: 2 }],
      output: null,
    },
    {
      name: 'a factory-built model that is itself frozen and then trained is reported',
      code: `function createQNet() {\n  return TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dense({units: 2})]});\n}\nconst online = createQNet();\nconst target = createQNet();\nonline.trainable = false;\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(target.predict(x), online.apply(x, {training: true})));`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'apply', parent: 'model' }, line: 6 }],
      output: null,
    },
    {
      name: 'an alias of the same builder call is the same model',
      code: `function createQNet() {\n  return TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dense({units: 2})]});\n}\nconst net = createQNet();\nconst alias = net;\nalias.trainable = false;\nnet.fit(x, y);\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, net.apply(x, {training: true})));`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'apply', parent: 'model' }, line: 6 }],
      output: null,
    },
    {
      name: 'a builder that returns one shared module-level model: both names are the same model',
      code: `let shared = null;\nfunction getNet() {\n  if (!shared) shared = TF.sequential({layers: [TF.layers.batchNormalization({inputShape: [4]}), TF.layers.dense({units: 2})]});\n  return shared;\n}\nconst a = getNet();\nconst b = getNet();\nb.trainable = false;\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, a.apply(x, {training: true})));`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'apply', parent: 'model' }, line: 8 }],
      output: null,
    },
    {
      name: 'custom loop: apply(x, {training: true}) under optimizer.minimize',
      code: `const bn = TF.layers.batchNormalization({trainable: false});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, bn.apply(x, {training: true})));`,
      errors: [{ ...bnMsg('apply'), line: 1 }],
      output: null,
    },
    {
      name: 'frozen custom parent layer that forwards kwargs to its BN',
      code: `class Block extends TF.layers.Layer {\n  constructor() { super({}); this.bn = TF.layers.batchNormalization(); }\n  call(x, kwargs) { return this.bn.apply(x, kwargs); }\n}\nconst block = new Block();\nconst model = TF.sequential({layers: [block]});\nblock.trainable = false;\nmodel.fit(x, y);`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'fit', parent: '`Block` layer' }, line: 7 }],
      output: null,
    },
    {
      name: 'BN frozen by option inside a nested base model; the outer model is fitted',
      code: `const base = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]}), TF.layers.batchNormalization({trainable: false})]});\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\nmodel.fit(x, y);`,
      errors: [{ ...bnMsg('fit'), line: 1 }],
      output: null,
    },
    {
      name: 'custom parent whose call() forwards {...kwargs}, frozen, applied with training: true under tf.variableGrads',
      code: `class Block extends TF.layers.Layer {\n  bn = TF.layers.batchNormalization();\n  call(x, kwargs) { return this.bn.apply(x, {...kwargs}); }\n}\nconst block = new Block({});\nblock.trainable = false;\nconst {grads} = TF.variableGrads(() => block.apply(x, {training: true}).sum());`,
      errors: [{ messageId: 'frozenParent', data: { trainer: 'apply', parent: '`Block` layer' }, line: 6 }],
      output: null,
    },
    {
      name: 'class fields: freeze in one method, fit in another',
      code: `class Finetuner {\n  constructor() {\n    this.bn = TF.layers.batchNormalization({inputShape: [3]});\n    this.model = TF.sequential({layers: [this.bn, TF.layers.dense({units: 1})]});\n  }\n  freeze() { this.bn.trainable = false; }\n  async train() { await this.model.fit(x, y); }\n}`,
      errors: [{ ...bnMsg('fit'), line: 6 }],
      output: null,
    },
  ]),
});
