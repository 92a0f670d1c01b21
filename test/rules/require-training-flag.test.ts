import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-training-flag.js';
import { applyForm, createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

// Two throw-away projects for the project-scan fallback (models whose layers are not visible in the file):
// one whose package builds only Dense layers, one whose sibling module builds Dropout.
const root = mkdtempSync(join(tmpdir(), 'torch2tf-training-flag-'));
after(() => rmSync(root, { recursive: true, force: true }));
function project(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `{"name": "${name}", "private": true}`);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, 'src', f), text);
  return dir;
}
const denseOnly = project('dense-only', {
  'model.ts': `import * as tf from '@tensorflow/tfjs';\nexport const build = () => tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [4]})]});\n`,
});
const withDropout = project('with-dropout', {
  'model.ts': `import * as tf from '@tensorflow/tfjs';\nexport const build = () => tf.sequential({layers: [tf.layers.dense({units: 8, inputShape: [4]}), tf.layers.dropout({rate: 0.5})]});\n`,
});
/** Default file for every case: a project with no mode-dependent layers, so the scan never decides by accident. */
const FILE = join(denseOnly, 'src', 'train.ts');
const DROPOUT_FILE = join(withDropout, 'src', 'train.ts');
// the scan only runs for files that exist on disk (virtual and unsaved files have no project around them)
writeFileSync(FILE, '');
writeFileSync(DROPOUT_FILE, '');
const VIRTUAL_FILE = join(withDropout, 'src', 'unsaved.ts');

const ruleTester = createRuleTester();

const DROPOUT_MODEL = `const model = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 1})]});`;
const DENSE_MODEL = `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});`;
const OPT = `const opt = TF.train.adam(0.01);`;

const valid = [
  { name: 'apply(x, {training: true}) is what the rule asks for', code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {training: true})));` },
  { name: 'explicit {training: false} is a deliberate choice', code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {training: false})));` },
  { name: 'training from a variable is a deliberate choice', code: `${DROPOUT_MODEL}\n${OPT}\nfunction step(training) {\n  return opt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {training})));\n}` },
  { name: 'kwargs passed as a variable: unknown, not reported', code: `${DROPOUT_MODEL}\n${OPT}\nconst kw = makeKwargs();\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, kw)));` },
  { name: 'kwargs object with a spread: unknown, not reported', code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {...opts})));` },
  { name: 'a model known to have no mode-dependent layer', code: `${DENSE_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x)));` },
  { name: 'apply(x) outside a training step is plain inference', code: `${DROPOUT_MODEL}\nconst out = model.apply(x);\nconst p = model.predict(x);` },
  { name: 'predict() in an evaluation function that is not a training step', code: `${DROPOUT_MODEL}\n${OPT}\nfunction evaluate() { return model.predict(xVal); }\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {training: true})));\nevaluate();` },
  {
    name: 'DQN: frozen target network (trainable = false) evaluated inside the online loss',
    code: `${OPT}\nclass Agent {\n  constructor() {\n    this.online = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.2}), TF.layers.dense({units: 2})]});\n    this.target = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.2}), TF.layers.dense({units: 2})]});\n    this.target.trainable = false;\n  }\n  learn(s, next) {\n    const lossFn = () => TF.losses.meanSquaredError(this.target.predict(next).max(-1), this.online.apply(s, {training: true}).max(-1));\n    const {grads} = TF.variableGrads(lossFn);\n    opt.applyGradients(grads);\n  }\n}`,
  },
  { name: 'transfer learning: a base model frozen layer by layer (layers.forEach) runs as a feature extractor', code: `${DROPOUT_MODEL}\nmodel.layers.forEach((layer) => { layer.trainable = false; });\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, head.apply(model.predict(x), {training: true})));` },
  { name: 'a layer frozen in its config ({trainable: false}) is meant to run as in inference', code: `const bn = TF.layers.batchNormalization({trainable: false});\n${OPT}\nopt.minimize(() => bn.apply(x).sum());` },
  { name: 'a loaded pretrained model: its layers are not in the source', code: `async function run() {\n  const base = await TF.loadLayersModel('mobilenet/model.json');\n  ${OPT}\n  opt.minimize(() => TF.losses.softmaxCrossEntropy(y, head.apply(base.predict(x), {training: true})));\n}` },
  { name: 'tf.grad over inputs (saliency / adversarial): inference mode is intended', code: `${DROPOUT_MODEL}\nconst saliency = TF.grad((img) => model.predict(img).max());\nconst adv = TF.valueAndGrad((img) => TF.losses.softmaxCrossEntropy(y, model.apply(img)));` },
  { name: 'input optimization: minimize over an explicit tf.variable list uses the model as a fixed feature extractor', code: `${DROPOUT_MODEL}\n${OPT}\nconst img = TF.variable(TF.randomNormal([1, 4]));\nopt.minimize(() => model.predict(img).neg().sum(), false, [img]);` },
  {
    name: 'fine-tuning a head: a model not named in the varList is a fixed feature extractor',
    code: `const backbone = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5})]});\nconst head = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [8]}), TF.layers.dense({units: 1})]});\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, head.apply(backbone.apply(x), {training: true})), false, head.trainableWeights.map((w) => w.read()));`,
  },
  { name: 'unknown receiver: a parameter without a tfjs type', code: `${OPT}\nfunction step(model, x) { return opt.minimize(() => model.apply(x).sum()); }` },
  { name: 'a destructured parameter typed by an interface whose member is a user class, not tfjs', code: `${OPT}\nclass Net { predict(x: number) { return x; } }\ninterface Holder { model: Net }\nexport function step({ model }: Holder) {\n  return opt.minimize(() => TF.scalar(model.predict(1)));\n}` },
  { name: 'a destructured parameter typed by an interface without that member', code: `${OPT}\ninterface Holder { other: TF.LayersModel }\nexport function step({ model }: Holder, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}` },
  { name: 'DQN target network with the online var list (minimize(f, true, onlineVars)): inference mode intended, nothing updated', code: `class Agent {\n  constructor() {\n    this.online = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.target = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.opt = TF.train.adam();\n  }\n  train(s, r, s2) {\n    return this.opt.minimize(() => {\n      const q = this.online.apply(s, {training: true});\n      const next = this.target.predict(s2);\n      return TF.losses.meanSquaredError(r.add(next.max(1).mul(0.99)), q.max(1));\n    }, true, this.online.trainableWeights.map((w) => w.read()));\n  }\n}` },
  { name: 'a teacher with a var list of unknown content: no training-flag suggestion that would add dropout noise to the targets', code: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(teacher.predict(x), student.apply(x, {training: true})), false, vars);` },
  { name: 'annotated model, but the package builds no mode-dependent layer', code: `${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}` },
  {
    name: 'an unsaved (not on disk) file has no project to scan',
    filename: VIRTUAL_FILE,
    code: `${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}`,
  },
  { name: 'spread arguments: unknown', code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply(...args).sum());` },
  { name: 'GraphModel.predict() is not a LayersModel and has no training mode', code: `const gm = TF.loadGraphModelSync('m.json');\n${OPT}\nopt.minimize(() => gm.predict(x).sum());` },
  { name: 'Function.prototype.apply look-alikes inside a training step', code: `${OPT}\nfunction f(a) { return a; }\nopt.minimize(() => {\n  const m = Math.max.apply(null, [1, 2]);\n  const r = f.apply(this, args);\n  return TF.scalar(m + r);\n});` },
  { name: 'danfojs df.apply(fn) inside a training step', code: `${OPT}\nconst df = new dfd.DataFrame(rows);\nopt.minimize(() => TF.tensor(df.apply((r) => r * 2).values).sum());` },
  { name: 'a user class with its own apply()/predict()', code: `${OPT}\nclass Net { apply(x) { return x; } predict(x) { return x; } }\nconst net = new Net();\nopt.minimize(() => TF.scalar(net.apply(1) + net.predict(2)));` },
  { name: 'brain.js / ml5 models are not tfjs', code: `const net = new brain.NeuralNetwork();\nconst nn = ml5.neuralNetwork({task: 'regression'});\n${OPT}\nopt.minimize(() => TF.scalar(net.run([1]) + nn.predict([1])));` },
  {
    name: 'ES5 / __awaiter-style transpiled code with a dense-only model',
    code: `var __awaiter = function (thisArg, _arguments, P, generator) {\n  return new (P || (P = Promise))(function (resolve) { var g = generator.apply(thisArg, _arguments || []); resolve(g.next().value); });\n};\nfunction train() {\n  return __awaiter(this, void 0, void 0, function* () {\n    var model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [1]})]});\n    var opt = TF.train.sgd(0.1);\n    opt.minimize(function () { return model.apply(x).sum(); });\n  });\n}`,
  },
  { name: 'building a functional graph (symbolic input) is not running the model', code: `const drop = TF.layers.dropout({rate: 0.5});\n${OPT}\nopt.minimize(() => { const sym = drop.apply(TF.input({shape: [4]})); return lossOf(sym); });` },
];

const lookalikes = [
  { name: 'look-alike tf: dropout model applied in minimize', code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x)));` },
  { name: 'look-alike tf: predict in variableGrads', code: `${DROPOUT_MODEL}\nTF.variableGrads(() => model.predict(x).sum());` },
];

const effectsDropout = 'Dropout does not drop';
const effectsUnknown = 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update';

type MessageId = 'inferenceInTrainingStep' | 'addTrainingFlag' | 'useApplyWithTraining' | 'teacherUpdated' | 'passStudentWeights';

ruleTester.run('require-training-flag', rule, {
  valid: [
    ...validAcross(valid.map((c) => ({ filename: FILE, ...c }))),
    // in a project that builds Dropout: an annotated parameter whose only caller passes a Dense-only model
    ...validAcross([
      {
        name: 'an annotated parameter whose callers pass only a model without mode-dependent layers',
        filename: DROPOUT_FILE,
        code: `${OPT}\nconst head = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]})]});\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}\nstep(head, xs);`,
      },
    ]),
    ...validAcross(lookalikes.map((c) => ({ ...c, filename: DROPOUT_FILE })), LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross(
    ([
      {
        name: 'minimize(() => loss(model.apply(x))) with Dropout',
        code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x)));`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsDropout },
            line: 3,
            suggestions: [
              {
                messageId: 'addTrainingFlag',
                output: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, model.apply(x, {training: true})));`,
              },
            ],
          },
        ],
        output: null,
      },
      {
        name: 'tf.variableGrads with a model built by model.add(batchNormalization)',
        code: `const model = TF.sequential();\nmodel.add(TF.layers.dense({units: 4, inputShape: [4]}));\nmodel.add(TF.layers.batchNormalization());\nconst {value, grads} = TF.variableGrads(() => model.apply(x).square().mean());`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'apply', api: 'variableGrads', kind: 'model', effects: 'BatchNormalization normalizes with moving statistics that never update' },
            line: 4,
            suggestions: [
              {
                messageId: 'addTrainingFlag',
                output: `const model = TF.sequential();\nmodel.add(TF.layers.dense({units: 4, inputShape: [4]}));\nmodel.add(TF.layers.batchNormalization());\nconst {value, grads} = TF.variableGrads(() => model.apply(x, {training: true}).square().mean());`,
              },
            ],
          },
        ],
        output: null,
      },
      {
        name: 'predict() inside minimize, with Dropout and BatchNormalization',
        code: `const model = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dropout({rate: 0.3})]});\n${OPT}\nopt.minimize(() => model.predict(x).sum() /* loss */);`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'predict', api: 'minimize', kind: 'model', effects: 'Dropout does not drop and BatchNormalization normalizes with moving statistics that never update' },
            line: 3,
            suggestions: [
              {
                messageId: 'useApplyWithTraining',
                data: { method: 'predict' },
                output: `const model = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.batchNormalization(), TF.layers.dropout({rate: 0.3})]});\n${OPT}\nopt.minimize(() => model.apply(x, {training: true}).sum() /* loss */);`,
              },
            ],
          },
        ],
        output: null,
      },
      {
        name: 'a helper run by a step with a var list and, later in the file, by a step that trains everything: judged in the latter',
        code: `class Trainer {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [2]}), TF.layers.dropout({rate: 0.2}), TF.layers.dense({units: 2})]});\n    this.opt = TF.train.adam();\n  }\n  refine(xs) {\n    const vars = this.model.layers[2].trainableWeights.map((w) => w.read());\n    this.opt.minimize(() => this.computeLoss(xs), false, vars);\n  }\n  step(xs) {\n    const {value, grads} = TF.variableGrads(() => this.computeLoss(xs));\n    this.opt.applyGradients(grads);\n    return value;\n  }\n  computeLoss(xs) {\n    return TF.losses.meanSquaredError(xs, this.model.predict(xs));\n  }\n}`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'predict', api: 'variableGrads', kind: 'model', effects: effectsDropout },
            line: 16,
            suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `class Trainer {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [2]}), TF.layers.dropout({rate: 0.2}), TF.layers.dense({units: 2})]});\n    this.opt = TF.train.adam();\n  }\n  refine(xs) {\n    const vars = this.model.layers[2].trainableWeights.map((w) => w.read());\n    this.opt.minimize(() => this.computeLoss(xs), false, vars);\n  }\n  step(xs) {\n    const {value, grads} = TF.variableGrads(() => this.computeLoss(xs));\n    this.opt.applyGradients(grads);\n    return value;\n  }\n  computeLoss(xs) {\n    return TF.losses.meanSquaredError(xs, this.model.apply(xs, {training: true}));\n  }\n}` }],
          },
        ],
        output: null,
      },
      {
        name: "computed model['predictOnBatch'](x)",
        code: `${DROPOUT_MODEL}\n${OPT}\nopt.computeGradients(() => model['predictOnBatch'](x).sum());`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'predictOnBatch', api: 'computeGradients', kind: 'model', effects: effectsDropout },
            line: 3,
            suggestions: [
              {
                messageId: 'useApplyWithTraining',
                data: { method: 'predictOnBatch' },
                output: `${DROPOUT_MODEL}\n${OPT}\nopt.computeGradients(() => model['apply'](x, {training: true}).sum());`,
              },
            ],
          },
        ],
        output: null,
      },
      {
        name: 'a parenthesized argument: the flag goes after the parentheses, not into a comma expression',
        code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply((x)).add(model.predict((x /* in */))).sum());`,
        errors: [
          { messageId: 'inferenceInTrainingStep', line: 3, column: 26, suggestions: [{ messageId: 'addTrainingFlag', output: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply((x), {training: true}).add(model.predict((x /* in */))).sum());` }] },
          { messageId: 'inferenceInTrainingStep', line: 3, column: 47, suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply((x)).add(model.apply((x /* in */), {training: true})).sum());` }] },
        ],
        output: null,
      },
      {
        name: 'execute() has no kwargs: reported without a suggestion',
        code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.execute(x, 'dense_2/BiasAdd').sum());`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'execute', api: 'minimize', kind: 'model', effects: effectsDropout }, line: 3, suggestions: [] }],
        output: null,
      },
      {
        name: 'apply(x, {}) and apply(x, {mask}) get the property inserted',
        code: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply(x, {}).add(model.apply(x, {mask: m /* keep */})).sum());`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            line: 3,
            column: 26,
            suggestions: [{ messageId: 'addTrainingFlag', output: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply(x, {training: true}).add(model.apply(x, {mask: m /* keep */})).sum());` }],
          },
          {
            messageId: 'inferenceInTrainingStep',
            line: 3,
            column: 49,
            suggestions: [{ messageId: 'addTrainingFlag', output: `${DROPOUT_MODEL}\n${OPT}\nopt.minimize(() => model.apply(x, {}).add(model.apply(x, {mask: m, training: true /* keep */})).sum());` }],
          },
        ],
        output: null,
      },
      {
        name: 'with a varList, only the trained model is reported (also when the list is misplaced in the returnCost slot)',
        code: `const backbone = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5})]});\nconst head = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [8]}), TF.layers.dense({units: 1})]});\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, head.apply(backbone.apply(x))), head.trainableWeights);`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsDropout },
            line: 4,
            suggestions: [{ messageId: 'addTrainingFlag', output: `const backbone = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5})]});\nconst head = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [8]}), TF.layers.dense({units: 1})]});\n${OPT}\nopt.minimize(() => TF.losses.meanSquaredError(y, head.apply(backbone.apply(x), {training: true})), head.trainableWeights);` }],
          },
        ],
        output: null,
      },
      {
        name: 'one level deep: this.getLogits(x) called from the loss function',
        code: `class Classifier {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\n    this.opt = TF.train.adam();\n  }\n  getLogits(x) {\n    return this.model.apply(x);\n  }\n  trainStep(x, y) {\n    return this.opt.minimize(() => TF.losses.softmaxCrossEntropy(y, this.getLogits(x)), true);\n  }\n}`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsDropout },
            line: 7,
            suggestions: [
              {
                messageId: 'addTrainingFlag',
                output: `class Classifier {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dense({units: 8, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\n    this.opt = TF.train.adam();\n  }\n  getLogits(x) {\n    return this.model.apply(x, {training: true});\n  }\n  trainStep(x, y) {\n    return this.opt.minimize(() => TF.losses.softmaxCrossEntropy(y, this.getLogits(x)), true);\n  }\n}`,
              },
            ],
          },
        ],
        output: null,
      },
      {
        name: 'a helper shared with inference: reported, but no hard-coded suggestion',
        code: `class Classifier {\n  constructor() {\n    this.model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [4]})]});\n    this.opt = TF.train.adam();\n  }\n  getLogits(x) {\n    return this.model.apply(x);\n  }\n  predict(x) {\n    return this.getLogits(x).argMax(-1);\n  }\n  trainStep(x, y) {\n    return this.opt.minimize(() => TF.losses.softmaxCrossEntropy(y, this.getLogits(x)));\n  }\n}`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsDropout }, line: 7, suggestions: [] }],
        output: null,
      },
      {
        name: 'through a local helper that forwards the loss function to minimize',
        code: `${DROPOUT_MODEL}\n${OPT}\nfunction step(lossFn) {\n  return opt.minimize(lossFn, true);\n}\nstep(() => model.apply(x).sum());`,
        errors: [{ messageId: 'inferenceInTrainingStep', line: 6, suggestions: [{ messageId: 'addTrainingFlag', output: `${DROPOUT_MODEL}\n${OPT}\nfunction step(lossFn) {\n  return opt.minimize(lossFn, true);\n}\nstep(() => model.apply(x, {training: true}).sum());` }] }],
        output: null,
      },
      {
        name: 'a named loss function passed to minimize, and a method passed with bind(this)',
        code: `${DROPOUT_MODEL}\n${OPT}\nconst lossFn = () => model.apply(x).sum();\nopt.minimize(lossFn);\nclass T {\n  loss() { return model.predict(x).sum(); }\n  step() { opt.minimize(this.loss.bind(this)); }\n}`,
        errors: [
          { messageId: 'inferenceInTrainingStep', line: 3, suggestions: [{ messageId: 'addTrainingFlag', output: `${DROPOUT_MODEL}\n${OPT}\nconst lossFn = () => model.apply(x, {training: true}).sum();\nopt.minimize(lossFn);\nclass T {\n  loss() { return model.predict(x).sum(); }\n  step() { opt.minimize(this.loss.bind(this)); }\n}` }] },
          { messageId: 'inferenceInTrainingStep', data: { method: 'predict', api: 'minimize', kind: 'model', effects: effectsDropout }, line: 6, suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `${DROPOUT_MODEL}\n${OPT}\nconst lossFn = () => model.apply(x).sum();\nopt.minimize(lossFn);\nclass T {\n  loss() { return model.apply(x, {training: true}).sum(); }\n  step() { opt.minimize(this.loss.bind(this)); }\n}` }] },
        ],
        output: null,
      },
      {
        name: 'a Dropout layer applied directly in the step (the Dense next to it is not reported)',
        code: `const dense = TF.layers.dense({units: 4});\nconst drop = TF.layers.dropout({rate: 0.5});\n${OPT}\nopt.minimize(() => drop.apply(dense.apply(x)).sum());`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'layer', effects: effectsDropout }, line: 4, column: 25, suggestions: [{ messageId: 'addTrainingFlag', output: `const dense = TF.layers.dense({units: 4});\nconst drop = TF.layers.dropout({rate: 0.5});\n${OPT}\nopt.minimize(() => drop.apply(dense.apply(x), {training: true}).sum());` }] }],
        output: null,
      },
      {
        name: 'recurrent dropout, GaussianNoise and a custom layer that reads training',
        code: `class Block extends TF.layers.Layer {\n  call(x, kwargs) { return kwargs.training ? x : x; }\n}\nconst model = TF.sequential({layers: [TF.layers.lstm({units: 8, dropout: 0.2, inputShape: [5, 4]}), TF.layers.gaussianNoise({stddev: 0.1}), new Block()]});\nTF.variableGrads(() => model.apply(x).mean());`,
        errors: [
          {
            messageId: 'inferenceInTrainingStep',
            data: { method: 'apply', api: 'variableGrads', kind: 'model', effects: 'recurrent dropout is off, GaussianNoise adds no noise and `Block` gets no `training` flag' },
            line: 5,
            suggestions: [{ messageId: 'addTrainingFlag', output: `class Block extends TF.layers.Layer {\n  call(x, kwargs) { return kwargs.training ? x : x; }\n}\nconst model = TF.sequential({layers: [TF.layers.lstm({units: 8, dropout: 0.2, inputShape: [5, 4]}), TF.layers.gaussianNoise({stddev: 0.1}), new Block()]});\nTF.variableGrads(() => model.apply(x, {training: true}).mean());` }],
          },
        ],
        output: null,
      },
      {
        name: 'a TS field annotated with a tfjs type keeps the provenance of its write',
        code: `class Net {\n  private model: TF.Sequential;\n  constructor() { this.model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [4]})]}); }\n  step(x: TF.Tensor) { return TF.variableGrads(() => (this.model.apply(x) as TF.Tensor).sum() as TF.Scalar); }\n}`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'variableGrads', kind: 'model', effects: effectsDropout }, line: 4, suggestions: [{ messageId: 'addTrainingFlag', output: `class Net {\n  private model: TF.Sequential;\n  constructor() { this.model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [4]})]}); }\n  step(x: TF.Tensor) { return TF.variableGrads(() => (this.model.apply(x, {training: true}) as TF.Tensor).sum() as TF.Scalar); }\n}` }] }],
        output: null,
      },
      {
        name: 'ES5 / __awaiter-style transpiled code with a Dropout model',
        code: `function train() {\n  return __awaiter(this, void 0, void 0, function* () {\n    var model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [1]})]});\n    var opt = TF.train.sgd(0.1);\n    opt.minimize(function () { return model.apply(x).sum(); });\n  });\n}`,
        errors: [{ messageId: 'inferenceInTrainingStep', line: 5, suggestions: [{ messageId: 'addTrainingFlag', output: `function train() {\n  return __awaiter(this, void 0, void 0, function* () {\n    var model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [1]})]});\n    var opt = TF.train.sgd(0.1);\n    opt.minimize(function () { return model.apply(x, {training: true}).sum(); });\n  });\n}` }] }],
        output: null,
      },
      {
        name: 'a model whose layers are not visible (annotated parameter, no call seen), in a project that builds Dropout',
        filename: DROPOUT_FILE,
        code: `${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 3, suggestions: [{ messageId: 'addTrainingFlag', output: `${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x, {training: true}) as TF.Tensor).sum() as TF.Scalar);\n}` }] }],
        output: null,
      },
      {
        name: 'an annotated parameter has the layers of what its callers pass (`step(build(), xs)`, build() with Dropout)',
        filename: DROPOUT_FILE,
        code: `import { build } from './model';\n${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}\nstep(build(), xs);`,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsDropout }, line: 4, suggestions: [{ messageId: 'addTrainingFlag', output: `import { build } from './model';\n${OPT}\nexport function step(model: TF.LayersModel, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x, {training: true}) as TF.Tensor).sum() as TF.Scalar);\n}\nstep(build(), xs);` }] }],
        output: null,
      },
      {
        name: 'a destructured parameter typed by a same-file interface (and a type alias of it)',
        filename: DROPOUT_FILE,
        code: `import { build } from './model';\ninterface Classifier {\n  model: TF.LayersModel;\n  name: string;\n}\ntype Ctx = Classifier;\n${OPT}\nexport function step({ model }: Classifier, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}\nexport function step2({ model: net }: Ctx, x: TF.Tensor) {\n  return opt.minimize(() => (net.predict(x) as TF.Tensor).sum() as TF.Scalar);\n}`,
        errors: [
          { messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 9, suggestions: [{ messageId: 'addTrainingFlag', output: `import { build } from './model';\ninterface Classifier {\n  model: TF.LayersModel;\n  name: string;\n}\ntype Ctx = Classifier;\n${OPT}\nexport function step({ model }: Classifier, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x, {training: true}) as TF.Tensor).sum() as TF.Scalar);\n}\nexport function step2({ model: net }: Ctx, x: TF.Tensor) {\n  return opt.minimize(() => (net.predict(x) as TF.Tensor).sum() as TF.Scalar);\n}` }] },
          { messageId: 'inferenceInTrainingStep', data: { method: 'predict', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 12, suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `import { build } from './model';\ninterface Classifier {\n  model: TF.LayersModel;\n  name: string;\n}\ntype Ctx = Classifier;\n${OPT}\nexport function step({ model }: Classifier, x: TF.Tensor) {\n  return opt.minimize(() => (model.apply(x) as TF.Tensor).sum() as TF.Scalar);\n}\nexport function step2({ model: net }: Ctx, x: TF.Tensor) {\n  return opt.minimize(() => (net.apply(x, {training: true}) as TF.Tensor).sum() as TF.Scalar);\n}` }] },
        ],
        output: null,
      },
      {
        name: 'distillation: the teacher only gives the labels of tf.losses.*; minimize() without a var list updates it (test/semantics/teacher-in-step.test.ts)',
        code: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(teacher.predict(x), student.apply(x, {training: true})));`,
        errors: [{ messageId: 'teacherUpdated', data: { model: 'teacher', api: 'minimize' }, line: 4, suggestions: [{ messageId: 'passStudentWeights', data: { list: 'student.trainableWeights.map((w) => w.read())' }, output: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(teacher.predict(x), student.apply(x, {training: true})), false, student.trainableWeights.map((w) => w.read()));` }] }],
        output: null,
      },
      {
        name: 'distillation through local consts and student.sub(teacher)',
        code: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => {\n  const t = teacher.predict(x);\n  const s = student.apply(x, {training: true});\n  return s.sub(t).square().mean();\n});`,
        errors: [{ messageId: 'teacherUpdated', data: { model: 'teacher', api: 'minimize' }, line: 5, suggestions: [{ messageId: 'passStudentWeights', data: { list: 'student.trainableWeights.map((w) => w.read())' }, output: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => {\n  const t = teacher.predict(x);\n  const s = student.apply(x, {training: true});\n  return s.sub(t).square().mean();\n}, false, student.trainableWeights.map((w) => w.read()));` }] }],
        output: null,
      },
      {
        name: 'tf.variableGrads with the teacher output as labels: the var list goes second; the student still gets its training-flag report',
        code: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nconst {value, grads} = TF.variableGrads(() => TF.losses.softmaxCrossEntropy(TF.softmax(teacher.predict(x)), student.apply(x)));`,
        errors: [{ messageId: 'teacherUpdated', data: { model: 'teacher', api: 'variableGrads' }, line: 4, suggestions: [{ messageId: 'passStudentWeights', data: { list: 'student.trainableWeights.map((w) => w.read())' }, output: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nconst {value, grads} = TF.variableGrads(() => TF.losses.softmaxCrossEntropy(TF.softmax(teacher.predict(x)), student.apply(x)), student.trainableWeights.map((w) => w.read()));` }] }, { messageId: 'inferenceInTrainingStep', line: 4, suggestions: [{ messageId: 'addTrainingFlag', output: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nconst {value, grads} = TF.variableGrads(() => TF.losses.softmaxCrossEntropy(TF.softmax(teacher.predict(x)), student.apply(x, {training: true})));` }] }],
        output: null,
      },
      {
        name: 'DQN target network: predict() feeds r.add(next.max(1)) as the labels',
        code: `class Agent {\n  constructor() {\n    this.online = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.target = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.opt = TF.train.adam();\n  }\n  train(s, r, s2) {\n    return this.opt.minimize(() => {\n      const q = this.online.apply(s, {training: true});\n      const next = this.target.predict(s2);\n      return TF.losses.meanSquaredError(r.add(next.max(1).mul(0.99)), q.max(1));\n    });\n  }\n}`,
        errors: [{ messageId: 'teacherUpdated', data: { model: 'this.target', api: 'minimize' }, line: 10, suggestions: [{ messageId: 'passStudentWeights', data: { list: 'this.online.trainableWeights.map((w) => w.read())' }, output: `class Agent {\n  constructor() {\n    this.online = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.target = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.batchNormalization()]});\n    this.opt = TF.train.adam();\n  }\n  train(s, r, s2) {\n    return this.opt.minimize(() => {\n      const q = this.online.apply(s, {training: true});\n      const next = this.target.predict(s2);\n      return TF.losses.meanSquaredError(r.add(next.max(1).mul(0.99)), q.max(1));\n    }, false, this.online.trainableWeights.map((w) => w.read()));\n  }\n}` }] }],
        output: null,
      },
      {
        name: 'the teacher output also feeds the predictions side: unclear, today\'s training-flag report stays',
        code: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, TF.add(student.apply(x, {training: true}), teacher.predict(x))));`,
        errors: [{ messageId: 'inferenceInTrainingStep', line: 4, suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `const teacher = TF.sequential({layers: [TF.layers.dense({units: 6, inputShape: [4]}), TF.layers.dropout({rate: 0.5}), TF.layers.dense({units: 3})]});\nconst student = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nconst opt = TF.train.adam();\nopt.minimize(() => TF.losses.meanSquaredError(y, TF.add(student.apply(x, {training: true}), teacher.apply(x, {training: true}))));` }] }],
        output: null,
      },
    ] satisfies InvalidTestCase<MessageId, []>[]).map((c) => ({ filename: FILE, ...c })),
  ),
});

// ------------------------------------------------------------------------------------------ property test
// Generated custom training steps in every import form and odd syntax: the rule never throws, every
// suggestion parses, and applying a suggestion removes that report without creating another one.

const MODELS = [
  DROPOUT_MODEL,
  `const model = TF.sequential();\nmodel.add(TF.layers.batchNormalization({inputShape: [4]}));`,
  DENSE_MODEL,
  `const model = TF.sequential({layers: [TF.layers.lstm({units: 2, dropout: 0.1, inputShape: [3, 4]})]});`,
  `let model;\nmodel = TF.sequential({layers: [TF.layers.gaussianNoise({stddev: 1, inputShape: [4]})]});`,
  `const model = makeModel();`,
  `const model = TF.sequential({layers: [TF.layers.dropout({rate: 0.5, inputShape: [4]})]});\nmodel.trainable = false;`,
];
const CALLS = [
  'model.apply(x)',
  'model.apply(x,)',
  'model.apply(x, {})',
  'model.apply(x, {mask: m, /* c */})',
  'model.apply(x, {training: true})',
  'model.predict(x)',
  'model.predict(x, {batchSize: 2})',
  "model['predict'](x)",
  'model?.apply(x)',
  'model.predictOnBatch((x))',
  'model.execute(x, "out")',
  'model.apply(...args)',
  '(model).apply(x)',
];
const STEPS = [
  (l: string) => `opt.minimize(() => ${l});`,
  (l: string) => `opt.minimize(() => { return ${l}; }, true);`,
  (l: string) => `const {value, grads} = TF.variableGrads(() => ${l});`,
  (l: string) => `const lossFn = () => ${l};\nopt.minimize(lossFn);`,
  (l: string) => `function step(fn) { return opt.minimize(fn); }\nstep(() => ${l});`,
  (l: string) => `opt.minimize(function () { return ${l}; });`,
  (l: string) => `function run() {\n  return __awaiter(this, void 0, void 0, function* () { opt.minimize(() => ${l}); });\n}`,
  (l: string) => `class T {\n  f() { return ${l}; }\n  s() { return opt.computeGradients(() => this.f()); }\n}`,
  (l: string) => `const g = TF.grad((x) => ${l});`,
  (l: string) => `const y2 = ${l};`,
];

describe('require-training-flag: generated training steps', () => {
  const linter = new Linter({ configType: 'flat', cwd: root }); // the linted file lives in the temp project
  const config = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never },
      plugins: { torch2tf: { rules: { 'require-training-flag': rule } } as never },
      rules: { 'torch2tf/require-training-flag': 'error' as const },
    },
  ];
  it('no crash, suggestions parse, and each applied suggestion removes its report', () => {
    let reports = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_FORMS),
        fc.constantFrom(...MODELS),
        fc.constantFrom(...CALLS),
        fc.constantFrom(...STEPS),
        (form, model, call, step) => {
          const { code, settings } = applyForm(form, `${model}\n${OPT}\n${step(`${call}.sum()`)}`);
          const cfg = [{ ...config[0]!, settings: settings ?? {} }];
          const messages = linter.verify(code, cfg, { filename: FILE });
          assert.deepEqual(messages.filter((m) => m.fatal || !m.ruleId), [], code);
          reports += messages.length;
          for (const m of messages) {
            for (const s of m.suggestions ?? []) {
              const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
              const again = linter.verify(out, cfg, { filename: FILE });
              assert.deepEqual(again.filter((x) => x.fatal), [], `suggestion output does not parse:\n${out}`);
              assert.equal(again.length, messages.length - 1, `suggestion did not remove exactly its report:\n${out}`);
            }
          }
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
    assert.ok(reports > 50, `the generator must exercise the rule (${reports} reports)`);
  });
});

// JSDoc types in plain JavaScript (src/engine/jsdoc.ts): a model documented with a tfjs type where the
// code itself shows nothing (a field set to null, then to what an unknown loader returns; a builder
// documented with @returns; a parameter whose call site passes an unknown value).
const JS_DROPOUT_FILE = join(withDropout, 'src', 'train.js');
writeFileSync(JS_DROPOUT_FILE, '');
const JS_FORMS = IMPORT_FORMS.filter((f) => !f.tsOnly);
const jsdocField = `${OPT}\nclass Agent {\n  constructor() {\n    /** @type {TF.LayersModel} */\n    this.model = null;\n  }\n  async load(url) {\n    this.model = await fetchModel(url);\n  }\n  step(x) {\n    return opt.minimize(() => this.model.apply(x).sum());\n  }\n}`;
const jsdocReturns = `/** @returns {Promise<TF.LayersModel>} */\nfunction loadBase() {\n  return fetchModel('m.json');\n}\n${OPT}\nexport async function train(x) {\n  const model = await loadBase();\n  opt.minimize(() => model.predict(x).sum());\n}`;
const jsdocParam = `${OPT}\n/**\n * @param {TF.Sequential} net\n * @param {TF.Tensor} x\n */\nfunction step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}\nstep(makeNet(), xs);`;
const jsdocTypedef = `/** @typedef {TF.Sequential} Net */\n${OPT}\n/** @param {Net} net */\nexport function step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}`;
const jsdocLookalikes = [
  { name: 'a @typedef record of the user (Object with @property)', code: `/**\n * @typedef {Object} Net\n * @property {Function} apply\n */\n${OPT}\n/** @param {Net} net */\nexport function step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}` },
  { name: 'JSDoc naming the user\'s own Model class: not a model of unknown origin', code: `class Model {\n  apply(x) { return x; }\n}\n${OPT}\n/** @param {Model} net */\nexport function step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}` },
  { name: 'JSDoc @type {Object}: says nothing', code: `${OPT}\n/** @type {Object} */\nlet model = null;\nexport async function train(x) {\n  model = await fetchModel();\n  opt.minimize(() => model.apply(x).sum());\n}` },
  { name: 'a type of another package (brain.js)', code: `${OPT}\n/** @param {import('brain.js').NeuralNetwork} net */\nexport function step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}` },
  { name: 'a tfjs-named type of another package', code: `${OPT}\n/** @type {import('brain.js').LayersModel} */\nlet model = null;\nexport async function train(x) {\n  model = await fetchModel();\n  opt.minimize(() => model.apply(x).sum());\n}` },
  { name: 'a documented model in a project that builds no mode-dependent layer', filename: FILE.replace(/\.ts$/, '.js'), code: jsdocParam },
];
writeFileSync(FILE.replace(/\.ts$/, '.js'), '');

ruleTester.run('require-training-flag: JSDoc types in JavaScript', rule, {
  valid: [
    ...validAcross(jsdocLookalikes.map((c) => ({ filename: JS_DROPOUT_FILE, ...c })), JS_FORMS),
    ...validAcross([jsdocField, jsdocReturns, jsdocParam, jsdocTypedef].map((code) => ({ filename: JS_DROPOUT_FILE, code })), LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross<MessageId, []>(
    [
      {
        name: 'a field documented in the constructor, written from an unknown loader',
        filename: JS_DROPOUT_FILE,
        code: jsdocField,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 11, suggestions: [{ messageId: 'addTrainingFlag', output: jsdocField.replace('apply(x)', 'apply(x, {training: true})') }] }],
        output: null,
      },
      {
        name: 'a builder documented with @returns {Promise<tf.LayersModel>}',
        filename: JS_DROPOUT_FILE,
        code: jsdocReturns,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'predict', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 8, suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: jsdocReturns.replace('predict(x)', 'apply(x, {training: true})') }] }],
        output: null,
      },
      {
        name: 'a parameter documented with @param, called with an unknown value',
        filename: JS_DROPOUT_FILE,
        code: jsdocParam,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 7, suggestions: [{ messageId: 'addTrainingFlag', output: jsdocParam.replace('apply(x)', 'apply(x, {training: true})') }] }],
        output: null,
      },
      {
        name: 'a parameter documented with a @typedef of a tfjs type',
        filename: JS_DROPOUT_FILE,
        code: jsdocTypedef,
        errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 5, suggestions: [{ messageId: 'addTrainingFlag', output: jsdocTypedef.replace('apply(x)', 'apply(x, {training: true})') }] }],
        output: null,
      },
    ],
    JS_FORMS,
  ),
});

// TypeScript 5.5's JSDoc `@import`: the type names a tfjs module directly, whatever the file's own imports.
const jsdocImport = `/** @import { LayersModel } from '@tensorflow/tfjs' */\nimport * as tf from '@tensorflow/tfjs';\nconst opt = tf.train.adam();\n/** @param {LayersModel} net */\nexport function step(net, x) {\n  return opt.minimize(() => net.apply(x).sum());\n}`;
ruleTester.run('require-training-flag: JSDoc @import in JavaScript', rule, {
  valid: [
    { name: '@import of a brain.js type', filename: JS_DROPOUT_FILE, code: jsdocImport.replace(`{ LayersModel } from '@tensorflow/tfjs'`, `{ LayersModel } from 'brain.js'`) },
  ],
  invalid: [
    {
      name: '@import { LayersModel } from tfjs',
      filename: JS_DROPOUT_FILE,
      code: jsdocImport,
      errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', kind: 'model', effects: effectsUnknown }, line: 6, suggestions: [{ messageId: 'addTrainingFlag', output: jsdocImport.replace('apply(x)', 'apply(x, {training: true})') }] }],
      output: null,
    },
  ],
});
