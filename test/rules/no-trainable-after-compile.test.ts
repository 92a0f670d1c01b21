import rule from '../../rules/no-trainable-after-compile.js';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import type { ESLintUtils } from '@typescript-eslint/utils';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const SEQ = `const d1 = TF.layers.dense({units: 4, inputShape: [4]});\nconst model = TF.sequential({layers: [d1, TF.layers.dense({units: 1})]});`;
const COMPILE = `model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`;

/** A base model nested in the model that is compiled: `tf.model` over `base.apply(x)`, and a Sequential holding it. */
const BASE = `const base = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dense({units: 4})]});`;
const NESTED_FN = `${BASE}\nconst head = TF.layers.dense({units: 1});\nconst inp = TF.input({shape: [4]});\nconst net = TF.model({inputs: inp, outputs: head.apply(base.apply(inp))});`;
const NET_COMPILE = `net.compile({optimizer: 'adam', loss: 'meanSquaredError'});`;
const NESTED_SEQ = `${BASE}\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});`;

const valid = [
  { name: 'an unfreeze loop after compile on a model with no layer built frozen changes nothing', code: `${SEQ}\n${COMPILE}\nawait model.fit(x, y);\nmodel.layers.forEach((layer) => { layer.trainable = true; });\nawait model.fit(x, y);` },
  { name: 'freeze before compile (the Keras order) is honoured', code: `${SEQ}\nd1.trainable = false;\n${COMPILE}\nawait model.fit(x, y);` },
  // a model has layers, so a loop over all of them runs its body at least once (code paths let it run zero times)
  {
    name: 'every layer frozen in a loop after compile, then every layer unfrozen in a loop before fit: the state compile saw',
    code: `${SEQ}\n${COMPILE}\nfor (const l of model.layers) l.trainable = false;\nawait model.predict(x).data();\nfor (const l of model.layers) l.trainable = true;\nawait model.fit(x, y);`,
  },
  {
    name: 'the same with index loops and block bodies',
    code: `${SEQ}\n${COMPILE}\nfor (let i = 0; i < model.layers.length; i++) {\n  model.layers[i].trainable = false;\n}\nfor (let i = 0; i < model.layers.length; i += 1) {\n  const layer = model.layers[i];\n  layer.trainable = true;\n}\nawait model.fit(x, y);`,
  },
  {
    name: 'a freeze loop undone by an unfreeze loop in a helper called before fit',
    code: `${SEQ}\n${COMPILE}\nfunction unfreezeAll(m) {\n  for (const l of m.layers) l.trainable = true;\n}\nfor (const l of model.layers) l.trainable = false;\nunfreezeAll(model);\nawait model.fit(x, y);`,
  },
  {
    name: "B': unfreeze followed by a recompile before fit",
    code: `${SEQ}\nd1.trainable = false;\n${COMPILE}\nawait model.fit(x, y);\nd1.trainable = true;\n${COMPILE}\nawait model.fit(x, y);`,
  },
  { name: "A': freeze after compile, then a recompile before fit", code: `${SEQ}\n${COMPILE}\nd1.trainable = false;\n${COMPILE}\nawait model.fit(x, y);` },
  { name: 'a freeze after compile followed only by trainOnBatch applies silently', code: `${SEQ}\n${COMPILE}\nd1.trainable = false;\nawait model.trainOnBatch(x, y);` },
  {
    name: '`net.layers[1]` names a layer the builder did not freeze: unfreezing it changes nothing',
    code: `function createHead() {\n  const model = TF.sequential();\n  model.add(TF.layers.dense({units: 4, inputShape: [4], trainable: false}));\n  model.add(TF.layers.dense({units: 1}));\n  ${COMPILE}\n  return model;\n}\nconst net = createHead();\nnet.layers[1].trainable = true;\nawait net.fit(x, y);`,
  },
  {
    name: 'the unfreeze-all loop after a compile that a freeze reaches only under a condition: the freeze may not have run',
    code: `async function fineTune(url, depth, freeze) {\n  const model = await TF.loadLayersModel(url);\n  if (freeze) {\n    for (let i = 0; i < depth; i++) model.layers[i].trainable = false;\n  }\n  model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n  await model.fit(xs, ys);\n  for (const layer of model.layers) layer.trainable = true;\n  await model.fit(xs, ys);\n}`,
  },
  { name: 'a model that is never compiled (custom loop): the setter reaches the variables', code: `${SEQ}\nmodel.layers[0].trainable = false;\nopt.minimize(() => loss(model.apply(x)));` },
  { name: 'freeze then unfreeze after compile restores the compiled state', code: `${SEQ}\n${COMPILE}\nd1.trainable = false;\nd1.trainable = true;\nawait model.fit(x, y);` },
  { name: 'freezing after the last training call (for export)', code: `${SEQ}\n${COMPILE}\nawait model.fit(x, y);\nmodel.trainable = false;\nawait model.save('file://m');` },
  {
    name: 'training in a helper that ran before the freeze',
    code: `async function trainIt(m) { await m.fit(x, y); }\nasync function main() {\n  ${SEQ}\n  ${COMPILE}\n  await trainIt(model);\n  model.trainable = false;\n}`,
  },
  {
    name: 'the tfjs GAN idiom: unfreeze the discriminator around its own training step',
    code: [
      `const disc = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`,
      `disc.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      `disc.trainable = false;`,
      `const gan = TF.sequential({layers: [gen, disc]});`,
      `gan.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
      `for (const batch of batches) {`,
      `  disc.trainable = true;`,
      `  await disc.trainOnBatch(batch.x, batch.y);`,
      `  disc.trainable = false;`,
      `  await gan.trainOnBatch(batch.z, batch.ones);`,
      `}`,
    ].join('\n'),
  },
  {
    name: 'the training function recompiles at its start',
    code: `function freeze(m) { m.layers[0].trainable = false; }\nasync function train(m) {\n  m.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\n  await m.fit(x, y);\n}\n${SEQ}\n${COMPILE}\nfreeze(model);\nawait train(model);`,
  },
  { name: 'a non-literal trainable value is not judged', code: `${SEQ}\n${COMPILE}\nd1.trainable = epoch > 5;\nawait model.fit(x, y);` },
  {
    name: 'a nested sub-model that is not compiled itself (tfjs behaviour depends on the outer model type)',
    code: `const base = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]})]});\nbase.trainable = false;\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\n${COMPILE}\nbase.trainable = true;\nawait model.fit(x, y);`,
  },
  { name: 'unknown receiver: an unannotated parameter nobody passes', code: `export async function f(model) {\n  ${COMPILE}\n  model.trainable = false;\n  await model.fit(x, y);\n}` },
  {
    name: 'a user class with compile()/fit() and a trainable flag (a Keras-like library)',
    code: `class Net { compile() {} fit() {} }\nconst net = new Net();\nnet.compile({optimizer: 'sgd'});\nnet.trainable = false;\nnet.fit(x, y);\nconst m = TF.sequential();`,
  },
  { name: 'brain.js network: net.trainable is not tfjs', code: `const net = new brain.NeuralNetwork();\nnet.trainable = false;\nnet.train(data);\nconst m = TF.sequential();` },
  {
    name: 'a weightless layer (Dropout) frozen after compile: nothing to collect, no warning',
    code: `const drop = TF.layers.dropout({rate: 0.5});\nconst model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), drop]});\n${COMPILE}\ndrop.trainable = false;\nawait model.fit(x, y);`,
  },
  {
    name: 'compile and freeze in two methods called from elsewhere: their order is unknown, so not reported',
    code: `class Trainer {\n  build() { this.model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]}); this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'}); }\n  freeze() { this.model.layers[0].trainable = false; }\n  async train() { await this.model.fit(x, y); }\n}`,
  },
  {
    name: 'freeze and training in two methods called from elsewhere (e.g. train() then freezeForExport())',
    code: `class Tuner {\n  constructor() { this.model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]}); this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'}); }\n  async train() { await this.model.fit(x, y); }\n  freezeForExport() { this.model.layers[0].trainable = false; }\n}`,
  },
  {
    name: 'a builder that freezes before it compiles',
    code: `function build() {\n  ${SEQ}\n  d1.trainable = false;\n  ${COMPILE}\n  return model;\n}\nconst m = build();\nawait m.fit(x, y);`,
  },
  {
    name: 'a conditional freeze before compile, then an unfreeze: the compiled state is not known',
    code: `${SEQ}\nif (freezeFirst) d1.trainable = false;\n${COMPILE}\nd1.trainable = true;\nawait model.fit(x, y);`,
  },
  {
    name: 'a layer of a model whose layers are not visible (it may have been saved frozen): its first state is unknown',
    code: `export async function stage2(model: TF.Sequential) {\n  ${COMPILE}\n  model.getLayer('backbone').trainable = false;\n  await model.fit(x, y);\n}`,
  },
  {
    name: 'model.layers[i] of a model that holds a sub-model may be that sub-model: not judged',
    code: `const base = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]})]});\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\n${COMPILE}\nmodel.layers[0].trainable = false;\nawait model.fit(x, y);`,
  },
  {
    name: 'a layer created frozen and frozen again after compile: nothing changes',
    code: `const d1 = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [d1]});\n${COMPILE}\nmodel.layers[0].trainable = false;\nd1.trainable = false;\nawait model.fit(x, y);`,
  },
  { name: 'a nested base frozen after the outer compile, then a recompile before fit', code: `${NESTED_FN}\n${NET_COMPILE}\nbase.trainable = false;\n${NET_COMPILE}\nawait net.fit(x, y);` },
  {
    name: 'a layer of a nested base created frozen and unfrozen after the outer compile: per-outer-type behaviour, not judged',
    code: `const inner = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst base = TF.sequential({layers: [inner]});\nconst model = TF.sequential({layers: [base, TF.layers.dense({units: 1})]});\n${COMPILE}\nfor (const l of base.layers) l.trainable = true;\nawait model.fit(x, y);`,
  },
  { name: 'a nested base frozen before the outer compile (the Keras order)', code: `${NESTED_FN}\nbase.trainable = false;\n${NET_COMPILE}\nawait net.fit(x, y);` },
  { name: 'a model frozen after compiling another model that does not hold it', code: `${BASE}\n${SEQ}\n${COMPILE}\nbase.trainable = false;\nawait model.fit(x, y);` },
  { name: 'freezing the model with no weights trained later: no training call', code: `${SEQ}\n${COMPILE}\nmodel.trainable = false;\nmodel.predict(x);` },
];

const recompiled = (body: string): string => body;

/** `invalidAcross` shifts `line`; the message's `{{line}}` (the training call's line) moves with it. */
function withLineData<C extends { errors: readonly { line?: number; data?: Record<string, unknown> }[] }>(cases: readonly C[]): C[] {
  const expanded = invalidAcross(cases as never) as unknown as C[];
  return expanded.map((c, i) => {
    const orig = cases[i % cases.length]!;
    return {
      ...c,
      errors: c.errors.map((e, j) => {
        const o = orig.errors[j]!;
        if (typeof e.data?.['line'] !== 'string' || e.line === undefined || o.line === undefined) return e;
        return { ...e, data: { ...e.data, line: String(Number(e.data['line']) + e.line - o.line) } };
      }),
    };
  });
}

type MessageIds = ESLintUtils.InferMessageIdsTypeFromRule<typeof rule>;

const invalid: InvalidTestCase<MessageIds, []>[] = [
    {
      name: 'A: a layer frozen after compile, then fit',
      code: `${SEQ}\n${COMPILE}\nd1.trainable = false;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '5', target: 'd1', kind: 'layer' },
          line: 4,
          column: 4,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: recompiled(`${SEQ}\n${COMPILE}\nd1.trainable = false;\n${COMPILE}\nawait model.fit(x, y);`),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'B: a layer created frozen, unfrozen after compile, then trainOnBatch',
      code: `const d1 = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [d1]});\nmodel.compile({optimizer: 'adam', loss: 'meanSquaredError'});\nd1.trainable = true;\nawait model.trainOnBatch(x, y);`,
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'trainOnBatch', line: '5', target: 'd1', kind: 'layer' },
          line: 4,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `const d1 = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [d1]});\nmodel.compile({optimizer: 'adam', loss: 'meanSquaredError'});\nd1.trainable = true;\nmodel.compile({optimizer: 'adam', loss: 'meanSquaredError'});\nawait model.trainOnBatch(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'E: the compiled model itself frozen, then fit throws',
      code: `${SEQ}\n${COMPILE}\nmodel.trainable = false;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeCompiledModel',
          data: { model: 'model', method: 'fit', line: '5', target: 'model', kind: 'model' },
          line: 4,
          column: 7,
          suggestions: [
            {
              messageId: 'restoreTrainable',
              data: { model: 'model', method: 'fit' },
              output: `${SEQ}\n${COMPILE}\nmodel.trainable = false;\nmodel.trainable = true;\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a compiled model with a nested sub-model frozen: its own layers stop training silently',
      code: [
        `const trunk = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]})]});`,
        `const image = TF.input({shape: [4]});`,
        `const disc = TF.model({inputs: image, outputs: TF.layers.dense({units: 1}).apply(trunk.apply(image))});`,
        `disc.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
        `disc.trainable = false;`,
        `await disc.trainOnBatch(x, y);`,
      ].join('\n'),
      errors: [
        {
          messageId: 'freezeCompiledModelLayers',
          data: { model: 'disc', method: 'trainOnBatch', line: '6', target: 'disc', kind: 'model' },
          line: 5,
          suggestions: [
            {
              messageId: 'restoreTrainable',
              data: { model: 'disc', method: 'trainOnBatch' },
              output: [
                `const trunk = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]})]});`,
                `const image = TF.input({shape: [4]});`,
                `const disc = TF.model({inputs: image, outputs: TF.layers.dense({units: 1}).apply(trunk.apply(image))});`,
                `disc.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
                `disc.trainable = false;`,
                `disc.trainable = true;`,
                `await disc.trainOnBatch(x, y);`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a loaded model (layers not visible) frozen after compile',
      code: `const net = await TF.loadLayersModel('m.json');\nnet.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nnet.trainable = false;\nawait net.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeCompiledModelLayers',
          data: { model: 'net', method: 'fit', line: '4', target: 'net', kind: 'model' },
          line: 3,
          suggestions: [
            {
              messageId: 'restoreTrainable',
              data: { model: 'net', method: 'fit' },
              output: `const net = await TF.loadLayersModel('m.json');\nnet.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nnet.trainable = false;\nnet.trainable = true;\nawait net.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a model compiled while frozen, unfrozen, then fit throws',
      code: `${SEQ}\nmodel.trainable = false;\n${COMPILE}\nmodel.trainable = true;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'unfreezeCompiledModel',
          data: { model: 'model', method: 'fit', line: '6', target: 'model', kind: 'model' },
          line: 5,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `${SEQ}\nmodel.trainable = false;\n${COMPILE}\nmodel.trainable = true;\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the Keras GAN idiom across three functions (parameters followed to their call sites)',
      code: [
        `function buildCombined(gen, disc) {`,
        `  disc.trainable = false;`,
        `  const combined = TF.sequential({layers: [gen, disc]});`,
        `  combined.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
        `  return combined;`,
        `}`,
        `async function trainDisc(disc, x, y) {`,
        `  const loss = await disc.trainOnBatch(x, y);`,
        `  return loss;`,
        `}`,
        `export async function main() {`,
        `  const generator = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2]})]});`,
        `  const discriminator = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`,
        `  discriminator.compile({optimizer: TF.train.adam(0.0002, 0.5), loss: 'binaryCrossentropy'});`,
        `  const combined = buildCombined(generator, discriminator);`,
        `  await trainDisc(discriminator, xs, ys);`,
        `  await combined.trainOnBatch(zs, ys);`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'freezeCompiledModel',
          data: { model: 'disc', method: 'trainOnBatch', line: '8', target: 'disc', kind: 'model' },
          line: 2,
          suggestions: [
            {
              messageId: 'restoreTrainable',
              data: { model: 'disc', method: 'trainOnBatch' },
              output: [
                `function buildCombined(gen, disc) {`,
                `  disc.trainable = false;`,
                `  const combined = TF.sequential({layers: [gen, disc]});`,
                `  combined.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
                `  return combined;`,
                `}`,
                `async function trainDisc(disc, x, y) {`,
                `  disc.trainable = true;`,
                `  const loss = await disc.trainOnBatch(x, y);`,
                `  return loss;`,
                `}`,
                `export async function main() {`,
                `  const generator = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2]})]});`,
                `  const discriminator = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`,
                `  discriminator.compile({optimizer: TF.train.adam(0.0002, 0.5), loss: 'binaryCrossentropy'});`,
                `  const combined = buildCombined(generator, discriminator);`,
                `  await trainDisc(discriminator, xs, ys);`,
                `  await combined.trainOnBatch(zs, ys);`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the GAN idiom in a class: constructor compiles and freezes, a method trains',
      code: [
        `class Gan {`,
        `  constructor() {`,
        `    this.d = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`,
        `    this.d.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
        `    this.d.trainable = false;`,
        `  }`,
        `  async step(x, y) {`,
        `    await this.d.trainOnBatch(x, y);`,
        `  }`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'freezeCompiledModel',
          data: { model: 'this.d', method: 'trainOnBatch', line: '8', target: 'this.d', kind: 'model' },
          line: 5,
          suggestions: [
            {
              messageId: 'restoreTrainable',
              data: { model: 'this.d', method: 'trainOnBatch' },
              output: [
                `class Gan {`,
                `  constructor() {`,
                `    this.d = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`,
                `    this.d.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
                `    this.d.trainable = false;`,
                `  }`,
                `  async step(x, y) {`,
                `    this.d.trainable = true;`,
                `    await this.d.trainOnBatch(x, y);`,
                `  }`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a class method that calls the freezing method, then the training method',
      code: [
        `class Tuner {`,
        `  constructor() {`,
        `    this.base = TF.layers.dense({units: 4, inputShape: [4]});`,
        `    this.model = TF.sequential({layers: [this.base, TF.layers.dense({units: 1})]});`,
        `    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
        `  }`,
        `  freezeBase() {`,
        `    this.base.trainable = false;`,
        `  }`,
        `  async train() { await this.model.fit(x, y); }`,
        `  async run() { this.freezeBase(); await this.train(); }`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'this.model', method: 'fit', line: '10', target: 'this.base', kind: 'layer' },
          line: 8,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'this.model' },
              output: [
                `class Tuner {`,
                `  constructor() {`,
                `    this.base = TF.layers.dense({units: 4, inputShape: [4]});`,
                `    this.model = TF.sequential({layers: [this.base, TF.layers.dense({units: 1})]});`,
                `    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
                `  }`,
                `  freezeBase() {`,
                `    this.base.trainable = false;`,
                `    this.model.compile({optimizer: 'sgd', loss: 'meanSquaredError'});`,
                `  }`,
                `  async train() { await this.model.fit(x, y); }`,
                `  async run() { this.freezeBase(); await this.train(); }`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the fine-tuning recipe: the first layers frozen by index before compile(), then every layer unfrozen, fit again',
      code: [
        `async function fineTune(url, depth) {`,
        `  const model = await TF.loadLayersModel(url);`,
        `  for (let i = 0; i < depth; i++) {`,
        `    model.layers[i].trainable = false;`,
        `  }`,
        `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
        `  await model.fit(xs, ys, {epochs: 3});`,
        `  for (const layer of model.layers) {`,
        `    layer.trainable = true;`,
        `  }`,
        `  await model.fit(xs, ys, {epochs: 10});`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '11', target: 'layer', kind: 'layer' },
          line: 9,
          suggestions: [{ messageId: 'recompile', data: { model: 'model' }, output: [
        `async function fineTune(url, depth) {`,
        `  const model = await TF.loadLayersModel(url);`,
        `  for (let i = 0; i < depth; i++) {`,
        `    model.layers[i].trainable = false;`,
        `  }`,
        `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
        `  await model.fit(xs, ys, {epochs: 3});`,
        `  for (const layer of model.layers) {`,
        `    layer.trainable = true;`,
        `  }`,
        `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
        `  await model.fit(xs, ys, {epochs: 10});`,
        `}`,
      ].join('\n') }],
        },
      ],
      output: null,
    },
    {
      name: 'every layer frozen in a loop after compile, one unfrozen by name: the others stay frozen for fit',
      code: [
        `async function stage2(xs, ys) {`,
        `  ${SEQ}`,
        `  ${COMPILE}`,
        `  await model.fit(xs, ys);`,
        `  for (const layer of model.layers) layer.trainable = false;`,
        `  model.getLayer('logits').trainable = true;`,
        `  await model.fit(xs, ys);`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '8', target: 'layer', kind: 'layer' },
          line: 6,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              // after the whole run of changes: a compile() between them would make fit ignore the unfreeze
              output: [
                `async function stage2(xs, ys) {`,
                `  ${SEQ}`,
                `  ${COMPILE}`,
                `  await model.fit(xs, ys);`,
                `  for (const layer of model.layers) layer.trainable = false;`,
                `  model.getLayer('logits').trainable = true;`,
                `  ${COMPILE}`,
                `  await model.fit(xs, ys);`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'every layer frozen in an index loop after compile, then fit',
      code: `${SEQ}\n${COMPILE}\nfor (let i = 0; i < model.layers.length; i++) model.layers[i].trainable = false;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '5', target: 'model.layers[i]', kind: 'layer' },
          line: 4,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `${SEQ}\n${COMPILE}\nfor (let i = 0; i < model.layers.length; i++) model.layers[i].trainable = false;\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an unfreeze loop that may skip layers (`continue`) does not undo a freeze loop',
      code: `${SEQ}\n${COMPILE}\nfor (const l of model.layers) l.trainable = false;\nfor (const l of model.layers) {\n  if (l.name.startsWith('dense_1')) continue;\n  l.trainable = true;\n}\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '9', target: 'l', kind: 'layer' },
          line: 4,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `${SEQ}\n${COMPILE}\nfor (const l of model.layers) l.trainable = false;\nfor (const l of model.layers) {\n  if (l.name.startsWith('dense_1')) continue;\n  l.trainable = true;\n}\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'fine-tuning: layers frozen in a loop, compiled, unfrozen in a loop, fit again',
      code: [
        `async function finetune(url) {`,
        `  const model = await TF.loadLayersModel(url);`,
        `  for (const layer of model.layers.slice(0, -2)) layer.trainable = false;`,
        `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
        `  await model.fit(xs, ys, {epochs: 5});`,
        `  for (const layer of model.layers.slice(-4)) {`,
        `    layer.trainable = true;`,
        `  }`,
        `  await model.fit(xs, ys, {epochs: 5});`,
        `}`,
      ].join('\n'),
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '9', target: 'layer', kind: 'layer' },
          line: 7,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: [
                `async function finetune(url) {`,
                `  const model = await TF.loadLayersModel(url);`,
                `  for (const layer of model.layers.slice(0, -2)) layer.trainable = false;`,
                `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
                `  await model.fit(xs, ys, {epochs: 5});`,
                `  for (const layer of model.layers.slice(-4)) {`,
                `    layer.trainable = true;`,
                `  }`,
                `  model.compile({optimizer: TF.train.adam(1e-3), loss: 'categoricalCrossentropy'});`,
                `  await model.fit(xs, ys, {epochs: 5});`,
                `}`,
              ].join('\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'getLayer() frozen after compile with a shared Adam instance: no recompile suggestion (the instance keeps slot state)',
      code: `const opt = TF.train.adam(1e-3);\n${SEQ}\nmodel.compile({optimizer: opt, loss: 'meanSquaredError'});\nmodel.getLayer('dense_1').trainable = false;\nawait model.fit(x, y);`,
      errors: [{ messageId: 'freezeAfterCompile', line: 5, suggestions: [] }],
      output: null,
    },
    {
      name: 'a layer added with model.add(), frozen after compile',
      code: `const d1 = TF.layers.dense({units: 4, inputShape: [4]});\nconst model = TF.sequential();\nmodel.add(d1);\n${COMPILE}\nd1.trainable = false;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '6', target: 'd1', kind: 'layer' },
          line: 5,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `const d1 = TF.layers.dense({units: 4, inputShape: [4]});\nconst model = TF.sequential();\nmodel.add(d1);\n${COMPILE}\nd1.trainable = false;\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an annotated parameter: a layer frozen, compiled, unfrozen, fit in one function',
      code: `export async function stage2(model: TF.Sequential) {\n  model.getLayer('backbone').trainable = false;\n  ${COMPILE}\n  await model.fit(x, y);\n  model.getLayer('backbone').trainable = true;\n  await model.fit(x, y);\n}`,
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '6', target: "model.getLayer('backbone')", kind: 'layer' },
          line: 5,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `export async function stage2(model: TF.Sequential) {\n  model.getLayer('backbone').trainable = false;\n  ${COMPILE}\n  await model.fit(x, y);\n  model.getLayer('backbone').trainable = true;\n  ${COMPILE}\n  await model.fit(x, y);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a builder compiles and returns the model; the caller freezes and fits',
      code: `function createModel() {\n  ${SEQ}\n  ${COMPILE}\n  return model;\n}\nconst net = createModel();\nnet.layers[0].trainable = false;\nawait net.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'net', method: 'fit', line: '9', target: 'net.layers[0]', kind: 'layer' },
          line: 8,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'net' },
              output: `function createModel() {\n  ${SEQ}\n  ${COMPILE}\n  return model;\n}\nconst net = createModel();\nnet.layers[0].trainable = false;\nnet.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nawait net.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'an unfreeze through `net.layers[0]` of a Sequential the builder built frozen with add() and compiled',
      code: `function createHead() {\n  const model = TF.sequential();\n  model.add(TF.layers.dense({units: 4, inputShape: [4], trainable: false}));\n  model.add(TF.layers.dense({units: 1}));\n  ${COMPILE}\n  return model;\n}\nconst net = createHead();\nnet.layers[0].trainable = true;\nawait net.fit(x, y);`,
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'net', method: 'fit', line: '10', target: 'net.layers[0]', kind: 'layer' },
          line: 9,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'net' },
              output: `function createHead() {\n  const model = TF.sequential();\n  model.add(TF.layers.dense({units: 4, inputShape: [4], trainable: false}));\n  model.add(TF.layers.dense({units: 1}));\n  ${COMPILE}\n  return model;\n}\nconst net = createHead();\nnet.layers[0].trainable = true;\nnet.compile({optimizer: 'sgd', loss: 'meanSquaredError'});\nawait net.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      // both suggestions recompile after the second freeze: one between them would leave the second unseen
      name: 'two layers frozen one after the other after compile(): both freezes are reported',
      code: `${SEQ}\n${COMPILE}\nmodel.layers[0].trainable = false;\nmodel.layers[1].trainable = false;\nawait model.fit(x, y);`,
      errors: [
        { messageId: 'freezeAfterCompile', data: { model: 'model', method: 'fit', line: '6', target: 'model.layers[0]', kind: 'layer' }, line: 4, suggestions: [{ messageId: 'recompile', data: { model: 'model' }, output: `${SEQ}\n${COMPILE}\nmodel.layers[0].trainable = false;\nmodel.layers[1].trainable = false;\n${COMPILE}\nawait model.fit(x, y);` }] },
        { messageId: 'freezeAfterCompile', data: { model: 'model', method: 'fit', line: '6', target: 'model.layers[1]', kind: 'layer' }, line: 5, suggestions: [{ messageId: 'recompile', data: { model: 'model' }, output: `${SEQ}\n${COMPILE}\nmodel.layers[0].trainable = false;\nmodel.layers[1].trainable = false;\n${COMPILE}\nawait model.fit(x, y);` }] },
      ],
      output: null,
    },
    {
      name: 'layers.forEach freeze after compile',
      code: `${SEQ}\n${COMPILE}\nmodel.layers.forEach((l) => { l.trainable = false; });\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          line: 4,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `${SEQ}\n${COMPILE}\nmodel.layers.forEach((l) => { l.trainable = false; });\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    // a nested sub-model frozen after the outer compile(): the freeze applies at once, like a layer's
    // (test/semantics/trainable-after-compile.test.ts, "a nested sub-model frozen after the outer compile()")
    {
      name: 'a nested base model frozen after the outer functional model is compiled (transfer learning)',
      code: `${NESTED_FN}\n${NET_COMPILE}\nbase.trainable = false;\nawait net.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'net', method: 'fit', line: '7', target: 'base', kind: 'model' },
          line: 6,
          suggestions: [{ messageId: 'recompile', data: { model: 'net' }, output: `${NESTED_FN}\n${NET_COMPILE}\nbase.trainable = false;\n${NET_COMPILE}\nawait net.fit(x, y);` }],
        },
      ],
      output: null,
    },
    {
      name: 'the layers of a nested base frozen in a loop after the outer Sequential is compiled',
      code: `${NESTED_SEQ}\n${COMPILE}\nfor (const layer of base.layers) layer.trainable = false;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '5', target: 'layer', kind: 'layer' },
          line: 4,
          suggestions: [
            { messageId: 'recompile', data: { model: 'model' }, output: `${NESTED_SEQ}\n${COMPILE}\nfor (const layer of base.layers) layer.trainable = false;\n${COMPILE}\nawait model.fit(x, y);` },
          ],
        },
      ],
      output: null,
    },
    {
      // blind project finetune-node-esm: the unfreeze of the head was reported, as if the previous iteration's
      // freeze loop had been the state the next candidate's compile() saw
      name: 'a model built and compiled anew in each iteration: only the freeze loop is reported, not the head unfrozen after it',
      code: `function build(n) {\n  const m = TF.sequential();\n  m.add(TF.layers.dense({units: 4, inputShape: [n]}));\n  m.add(TF.layers.dense({units: 1, name: 'head'}));\n  m.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  return m;\n}\nfor (const n of sizes) {\n  const model = build(n);\n  for (const layer of model.layers) layer.trainable = false;\n  model.getLayer('head').trainable = true;\n  await model.fit(x, y);\n}`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '12', target: 'layer', kind: 'layer' },
          line: 10,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `function build(n) {\n  const m = TF.sequential();\n  m.add(TF.layers.dense({units: 4, inputShape: [n]}));\n  m.add(TF.layers.dense({units: 1, name: 'head'}));\n  m.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  return m;\n}\nfor (const n of sizes) {\n  const model = build(n);\n  for (const layer of model.layers) layer.trainable = false;\n  model.getLayer('head').trainable = true;\n  model.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  await model.fit(x, y);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the same with the model made inline and compiled in the loop body',
      code: `for (const n of sizes) {\n  const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [n]}), TF.layers.dense({units: 1, name: 'head'})]});\n  model.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  for (const layer of model.layers) layer.trainable = false;\n  model.getLayer('head').trainable = true;\n  await model.fit(x, y);\n}`,
      errors: [
        {
          messageId: 'freezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '6', target: 'layer', kind: 'layer' },
          line: 4,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `for (const n of sizes) {\n  const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [n]}), TF.layers.dense({units: 1, name: 'head'})]});\n  model.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  for (const layer of model.layers) layer.trainable = false;\n  model.getLayer('head').trainable = true;\n  model.compile({optimizer: 'adam', loss: 'meanSquaredError'});\n  await model.fit(x, y);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a conditional freeze at the end of an epoch loop reaches the next iteration fit (no suggestion inside the if)',
      code: `${SEQ}\n${COMPILE}\nfor (let epoch = 0; epoch < 10; epoch++) {\n  await model.fit(x, y);\n  if (epoch === 5) d1.trainable = false;\n}`,
      errors: [{ messageId: 'freezeAfterCompile', data: { model: 'model', method: 'fit', line: '5', target: 'd1', kind: 'layer' }, line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'a layer built frozen, compiled, then every layer unfrozen with model.layers.forEach(): fit ignores the unfreeze',
      code: `const stem = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [stem, TF.layers.dense({units: 1})]});\n${COMPILE}\nawait model.fit(x, y);\nmodel.layers.forEach((layer) => { layer.trainable = true; });\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '6', target: 'layer', kind: 'layer' },
          line: 5,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `const stem = TF.layers.dense({units: 4, inputShape: [4], trainable: false});\nconst model = TF.sequential({layers: [stem, TF.layers.dense({units: 1})]});\n${COMPILE}\nawait model.fit(x, y);\nmodel.layers.forEach((layer) => { layer.trainable = true; });\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'the same with for…of, the frozen layer inline in the layers list',
      code: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false}), TF.layers.dense({units: 1})]});\n${COMPILE}\nfor (const layer of model.layers) layer.trainable = true;\nawait model.fit(x, y);`,
      errors: [
        {
          messageId: 'unfreezeAfterCompile',
          data: { model: 'model', method: 'fit', line: '4', target: 'layer', kind: 'layer' },
          line: 3,
          suggestions: [
            {
              messageId: 'recompile',
              data: { model: 'model' },
              output: `const model = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4], trainable: false}), TF.layers.dense({units: 1})]});\n${COMPILE}\nfor (const layer of model.layers) layer.trainable = true;\n${COMPILE}\nawait model.fit(x, y);`,
            },
          ],
        },
      ],
      output: null,
    },
];

ruleTester.run('no-trainable-after-compile', rule, {
  valid: [
    ...validAcross<[]>(valid),
    ...validAcross<[]>(
      [
        { name: 'look-alike tf: compile, freeze, fit', code: `${SEQ}\n${COMPILE}\nd1.trainable = false;\nmodel.trainable = false;\nawait model.fit(x, y);` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: withLineData(invalid),
});

checkSuggestionsResolve('no-trainable-after-compile', rule, invalid);
