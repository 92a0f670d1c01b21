import rule from '../../rules/no-swapped-loss-arguments.js';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const MODEL = `const model = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});`;

const valid = [
  { name: 'tfjs order: labels first', code: `${MODEL}\nconst l = TF.losses.softmaxCrossEntropy(y, model.predict(x));` },
  { name: 'symmetric loss: meanSquaredError either way', code: `${MODEL}\nconst l = TF.losses.meanSquaredError(model.predict(x), y);` },
  { name: 'symmetric metric: categoricalAccuracy (argmax on both sides)', code: `${MODEL}\nconst a = TF.metrics.categoricalAccuracy(model.predict(x), y);` },
  { name: 'loud when swapped: sparseCategoricalAccuracy throws on the shapes', code: `${MODEL}\nconst a = TF.metrics.sparseCategoricalAccuracy(model.predict(x), y);` },
  { name: 'both arguments are model outputs (distillation)', code: `${MODEL}\nconst teacher = TF.sequential();\nconst l = TF.losses.softmaxCrossEntropy(model.predict(x), teacher.predict(x));` },
  { name: 'neither is a model output', code: `const l = TF.losses.softmaxCrossEntropy(logits, labels);` },
  { name: 'unknown receiver: a model parameter', code: `function f(m, x, y) { return TF.losses.logLoss(m.predict(x), y); }` },
  { name: 'a reassigned binding is not followed', code: `${MODEL}\nlet out = model.predict(x);\nout = labelsFor(x);\nconst l = TF.losses.logLoss(out, y);` },
  { name: 'a user function named softmaxCrossEntropy', code: `${MODEL}\nfunction softmaxCrossEntropy(a, b) { return a; }\nsoftmaxCrossEntropy(model.predict(x), y);` },
  { name: "a user's own model object with predict()", code: `const model = {predict: (x) => x};\nconst l = TF.losses.logLoss(model.predict(x), y);` },
  { name: 'compile loss in tfjs order', code: `${MODEL}\nmodel.compile({optimizer: 'adam', loss: (yTrue, yPred) => TF.losses.softmaxCrossEntropy(yTrue, yPred)});` },
  { name: 'PyTorch names used in tfjs order compute the right loss (misleading names only)', code: `${MODEL}\nmodel.compile({optimizer: 'adam', loss: (pred, target) => TF.losses.softmaxCrossEntropy(pred, target)});` },
  { name: 'PyTorch names with a symmetric loss', code: `${MODEL}\nmodel.compile({optimizer: 'adam', loss: (pred, target) => TF.losses.meanSquaredError(target, pred)});` },
  { name: 'a custom loss using its parameters both ways is unclear', code: `${MODEL}\nmodel.compile({loss: (pred, target) => TF.losses.logLoss(target, pred).add(TF.losses.logLoss(pred, target))});` },
  { name: 'a reassigned parameter is unclear', code: `${MODEL}\nmodel.compile({loss: (pred, target) => { pred = TF.softmax(pred); return TF.losses.logLoss(target, pred); }});` },
  { name: "compile on a user's own class", code: `class Trainer { compile(c) { return c; } }\nnew Trainer().compile({loss: (pred, target) => TF.losses.logLoss(target, pred)});` },
  { name: 'a non-tfjs loss library with PyTorch order', code: `${MODEL}\nconst l = nnLib.crossEntropy(model.predict(x), y);` },
];

const invalid = [
  {
    name: 'softmaxCrossEntropy(model.predict(x), y)',
    code: `${MODEL}\nconst l = TF.losses.softmaxCrossEntropy(model.predict(x), y);`,
    output: null,
    errors: [
      {
        messageId: 'swappedArguments' as const,
        data: { loss: 'losses.softmaxCrossEntropy' },
        line: 2,
        suggestions: [{ messageId: 'swapArguments' as const, output: `${MODEL}\nconst l = TF.losses.softmaxCrossEntropy(y, model.predict(x));` }],
      },
    ],
  },
  {
    name: 'through a const binding of model.apply, with a weights argument kept',
    code: `${MODEL}\nconst logits = model.apply(xs) as any;\nconst l = TF.losses.sigmoidCrossEntropy(logits, labels, weights);`,
    output: null,
    errors: [
      {
        messageId: 'swappedArguments' as const,
        data: { loss: 'losses.sigmoidCrossEntropy' },
        line: 3,
        suggestions: [{ messageId: 'swapArguments' as const, output: `${MODEL}\nconst logits = model.apply(xs) as any;\nconst l = TF.losses.sigmoidCrossEntropy(labels, logits, weights);` }],
      },
    ],
  },
  {
    name: 'metrics.binaryCrossentropy inside minimize()',
    code: `${MODEL}\nopt.minimize(() => TF.metrics.binaryCrossentropy(model.predict(xs), ys).mean());`,
    output: null,
    errors: [
      {
        messageId: 'swappedArguments' as const,
        data: { loss: 'metrics.binaryCrossentropy' },
        line: 2,
        suggestions: [{ messageId: 'swapArguments' as const, output: `${MODEL}\nopt.minimize(() => TF.metrics.binaryCrossentropy(ys, model.predict(xs)).mean());` }],
      },
    ],
  },
  {
    name: 'compile loss (pred, target) used as PyTorch would',
    code: `${MODEL}\nmodel.compile({optimizer: 'adam', loss: (pred, target) => TF.losses.softmaxCrossEntropy(target, pred)});`,
    output: null,
    errors: [
      {
        messageId: 'swappedParameters' as const,
        data: { prediction: 'pred', target: 'target', loss: 'losses.softmaxCrossEntropy' },
        line: 2,
        suggestions: [
          {
            messageId: 'swapParameters' as const,
            data: { prediction: 'pred', target: 'target', loss: 'losses.softmaxCrossEntropy' },
            output: `${MODEL}\nmodel.compile({optimizer: 'adam', loss: (target, pred) => TF.losses.softmaxCrossEntropy(target, pred)});`,
          },
        ],
      },
    ],
  },
  {
    name: 'a named loss function (output, label) with a tidy wrapper',
    code: `${MODEL}\nfunction lossFn(output, label) {\n  return TF.tidy(() => TF.losses.logLoss(label, output));\n}\nmodel.compile({optimizer: 'sgd', loss: lossFn});`,
    output: null,
    errors: [
      {
        messageId: 'swappedParameters' as const,
        data: { prediction: 'output', target: 'label', loss: 'losses.logLoss' },
        line: 2,
        suggestions: [
          {
            messageId: 'swapParameters' as const,
            data: { prediction: 'output', target: 'label', loss: 'losses.logLoss' },
            output: `${MODEL}\nfunction lossFn(label, output) {\n  return TF.tidy(() => TF.losses.logLoss(label, output));\n}\nmodel.compile({optimizer: 'sgd', loss: lossFn});`,
          },
        ],
      },
    ],
  },
];

ruleTester.run('no-swapped-loss-arguments', rule, {
  valid: [
    ...validAcross<[]>(valid),
    ...validAcross<[]>([{ name: 'look-alike tf', code: `${MODEL}\nconst l = TF.losses.softmaxCrossEntropy(model.predict(x), y);\nmodel.compile({loss: (pred, target) => TF.losses.logLoss(target, pred)});` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross(invalid),
});

checkSuggestionsResolve('no-swapped-loss-arguments', rule, invalid);
