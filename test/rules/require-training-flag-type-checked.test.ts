import rule from '../../rules/require-training-flag-type-checked.js';
import { createRuleTester } from '../rule-tester.js';
import { createTypedRuleTester } from '../typed/rule-tester-typed.js';

const typed = createTypedRuleTester();
// The typed fixture (test/typed/fixture/models.ts) builds a model with Dropout, so the project
// "builds mode-dependent layers" and opaque LayersModel values are reported.
const header = `import * as tf from '@tensorflow/tfjs';\nimport { buildWithDropout } from './models.js';\n`;
// No `@tensorflow/` in the file's text: only the checker knows these values are tfjs.
const wrapperHeader = `import * as tf from './wrapper.js';\nimport { buildWithDropout } from './models.js';\n`;

typed.run('require-training-flag-type-checked', rule, {
  valid: [
    {
      name: 'a generic M extends tf.LayersModel in a file importing tfjs: the untyped require-training-flag reads the constraint and owns it',
      code: `${header}export class Trainer<M extends tf.LayersModel> {\n  constructor(private model: M, private opt: tf.Optimizer) {}\n  step(x: tf.Tensor) {\n    return tf.variableGrads(() => (this.model.predict(x) as tf.Tensor).mean() as tf.Scalar);\n  }\n}`,
    },
    {
      name: 'an annotated parameter in a file importing tfjs: the untyped require-training-flag owns it',
      code: `${header}export function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'explicit {training: true}',
      code: `${header}export function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'explicit {training: false} is a choice',
      code: `${header}export function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x, {training: false}) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'apply outside any training step (inference is intended)',
      code: `${header}export function infer(model: tf.LayersModel, x: tf.Tensor) {\n  return model.apply(x);\n}`,
    },
    {
      name: 'a Dense layer has no training-dependent behaviour',
      code: `${header}export function step(dense: tf.layers.Layer & { units: number }, d: ReturnType<typeof tf.layers.dense>, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (d.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'the untyped analysis already sees this model: left to require-training-flag',
      code: `${header}const model = buildWithDropout();\nconst m2 = tf.sequential({layers: [tf.layers.dropout({rate: 0.5, inputShape: [4]})]});\nconst opt = tf.train.adam();\nopt.minimize(() => (m2.apply(tf.ones([1, 4])) as tf.Tensor).mean() as tf.Scalar);`,
    },
    {
      name: '{ model }: Classifier in a file importing tfjs: the untyped require-training-flag now follows it (no double report)',
      code: `${header}interface Classifier { model: tf.LayersModel }\nexport function step({ model }: Classifier, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'a type parameter constrained to a user shape with predict() is not a tfjs model',
      code: `${header}export class Trainer<M extends { predict(x: tf.Tensor): tf.Tensor }> {\n  constructor(private model: M) {}\n  step(x: tf.Tensor) {\n    return tf.variableGrads(() => this.model.predict(x).mean() as tf.Scalar);\n  }\n}`,
    },
    {
      name: 'an unconstrained type parameter proves nothing',
      code: `${header}export function step<M>(model: M, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => ((model as any).apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
    },
    {
      name: 'a user class with apply() is not a tfjs model',
      code: `${header}class Net { apply(x: number) { return x; } }\nexport function step(net: Net, opt: tf.Optimizer) {\n  opt.minimize(() => tf.scalar(net.apply(1)));\n}`,
    },
    {
      name: 'any proves nothing',
      code: `${header}export function step(model: any, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => model.apply(x).mean());\n}`,
    },
    {
      name: 'saliency: tf.grad differentiates the input, nothing trains',
      code: `${header}export function saliency(model: tf.LayersModel, x: tf.Tensor) {\n  return tf.grad((inp: tf.Tensor) => (model.apply(inp) as tf.Tensor).sum())(x);\n}`,
    },
    {
      name: 'a frozen target network evaluated inside the online loss',
      code: `${header}export function step(online: tf.LayersModel, target: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  target.trainable = false;\n  opt.minimize(() => (online.apply(x, {training: true}) as tf.Tensor).sub(target.apply(x) as tf.Tensor).square().mean() as tf.Scalar);\n}`,
    },
  ],
  invalid: [
    {
      name: 'a constructor parameter property of a generic type M extends tf.LayersModel, tfjs through a local wrapper: the constraint proves a model',
      code: `${wrapperHeader}export class Trainer<M extends tf.LayersModel> {\n  constructor(private model: M, private opt: tf.Optimizer) {}\n  step(x: tf.Tensor) {\n    return this.opt.minimize(() => (this.model.predict(x) as tf.Tensor).mean() as tf.Scalar);\n  }\n}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          data: {
            method: 'predict',
            api: 'minimize',
            className: '`LayersModel`',
            effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update',
          },
          line: 6,
          suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `${wrapperHeader}export class Trainer<M extends tf.LayersModel> {\n  constructor(private model: M, private opt: tf.Optimizer) {}\n  step(x: tf.Tensor) {\n    return this.opt.minimize(() => (this.model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n  }\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'tf.variableGrads() with tf re-exported by a local wrapper: the checker resolves the gradient function',
      code: `${wrapperHeader}export function step(model: tf.LayersModel, x: tf.Tensor) {\n  return tf.variableGrads(() => (model.predict(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          data: {
            method: 'predict',
            api: 'variableGrads',
            className: '`LayersModel`',
            effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update',
          },
          line: 4,
          suggestions: [{ messageId: 'useApplyWithTraining', data: { method: 'predict' }, output: `${wrapperHeader}export function step(model: tf.LayersModel, x: tf.Tensor) {\n  return tf.variableGrads(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'a destructured parameter typed by an interface, tfjs through a local wrapper module',
      code: `${wrapperHeader}interface Classifier { model: tf.LayersModel }\nexport function step({ model }: Classifier, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', className: '`LayersModel`', effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update' }, line: 5, suggestions: [{ messageId: 'addTrainingFlag', output: `${wrapperHeader}interface Classifier { model: tf.LayersModel }\nexport function step({ model }: Classifier, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}` }] }],
      output: null,
    },
    {
      name: 'a method type parameter constrained to tf.Sequential, tfjs through a local wrapper',
      code: `${wrapperHeader}export function step<M extends tf.Sequential>(model: M, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', className: '`Sequential`', effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update' }, line: 4, suggestions: [{ messageId: 'addTrainingFlag', output: `${wrapperHeader}export function step<M extends tf.Sequential>(model: M, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}` }] }],
      output: null,
    },
    {
      name: 'a typed LayersModel parameter trained in a minimize() closure, tfjs imported through a local wrapper module',
      code: `${wrapperHeader}export function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          data: {
            method: 'apply',
            api: 'minimize',
            className: '`LayersModel`',
            effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update',
          },
          line: 4,
          suggestions: [
            {
              messageId: 'addTrainingFlag',
              output: `${wrapperHeader}export function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a model destructured from a typed parameter (tfjs through a wrapper module), predict() in minimize',
      code: `${wrapperHeader}interface Ctx { net: tf.Sequential; opt: tf.Optimizer }\nexport function step({ net, opt }: Ctx, x: tf.Tensor) {\n  return opt.minimize(() => (net.predict(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          data: { method: 'predict', api: 'minimize', className: '`Sequential`', effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update' },
          line: 5,
          suggestions: [
            {
              messageId: 'useApplyWithTraining',
              data: { method: 'predict' },
              output: `${wrapperHeader}interface Ctx { net: tf.Sequential; opt: tf.Optimizer }\nexport function step({ net, opt }: Ctx, x: tf.Tensor) {\n  return opt.minimize(() => (net.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a Dropout layer known only through its type',
      code: `${header}type Drop = ReturnType<typeof tf.layers.dropout>;\nexport function step(drop: Drop, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (drop.apply(x) as tf.Tensor).mean() as tf.Scalar);\n}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          data: { method: 'apply', api: 'minimize', className: '`Dropout`', effects: 'Dropout does not drop' },
          line: 5,
          suggestions: [
            {
              messageId: 'addTrainingFlag',
              output: `${header}type Drop = ReturnType<typeof tf.layers.dropout>;\nexport function step(drop: Drop, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => (drop.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);\n}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a model returned by a builder imported from another module',
      code: `${header}const model = buildWithDropout();\nexport const step = (opt: tf.Optimizer, x: tf.Tensor) => opt.minimize(() => (model.apply(x) as tf.Tensor).mean() as tf.Scalar);`,
      errors: [{ messageId: 'inferenceInTrainingStep', data: { method: 'apply', api: 'minimize', className: '`Sequential`', effects: 'if it contains Dropout or BatchNormalization (this project builds some), Dropout does not drop and BatchNormalization normalizes with moving statistics that never update' }, line: 4, suggestions: [{ messageId: 'addTrainingFlag', output: `${header}const model = buildWithDropout();\nexport const step = (opt: tf.Optimizer, x: tf.Tensor) => opt.minimize(() => (model.apply(x, {training: true}) as tf.Tensor).mean() as tf.Scalar);` }] }],
      output: null,
    },
  ],
});

// Without type information the rule is silent (it never throws under espree/oxlint either).
createRuleTester().run('require-training-flag-type-checked (untyped)', rule, {
  valid: [
    {
      name: 'no type information: nothing reported',
      code: `import * as tf from '@tensorflow/tfjs';\nexport function step(model: tf.LayersModel, opt: tf.Optimizer, x: tf.Tensor) {\n  opt.minimize(() => model.apply(x).mean());\n}`,
    },
  ],
  invalid: [],
});
