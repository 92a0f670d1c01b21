import rule from '../../rules/no-optimizer-options-object.js';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'positional arguments', code: `TF.train.adam(0.001, 0.9, 0.999, 1e-7);\nTF.train.sgd(0.1);\nTF.train.momentum(0.1, 0.9, true);\nTF.train.rmsprop(0.01, 0.9, 0, 1e-7, false);` },
  { name: 'a variable learning rate', code: `const lr = getLr();\nTF.train.adam(lr);` },
  { name: 'an unknown identifier argument is not an object', code: `function f(opts) { return TF.train.adam(opts); }` },
  { name: 'a non-tfjs adam({lr})', code: `import { adam } from 'some-optim';\nadam({lr: 0.1});\nconst o = optim.adam({learningRate: 0.1});\nTF.train.sgd(0.1);` },
  { name: 'brain.js-style {learningRate} objects', code: `const net = new brain.NeuralNetwork({learningRate: 0.3});\nnet.train(data, {learningRate: 0.3});\nTF.train.sgd(0.1);` },
  { name: 'spread arguments are not judged', code: `TF.train.adam(...args);` },
];

type Case = { name: string; code: string; output: string | null; errors: { messageId: 'optionsObject' | 'optionsObjectNoFix' | 'extraArguments'; data?: Record<string, string>; line?: number; suggestions?: { messageId: 'usePositional' | 'useMomentum'; output: string }[] }[] };
const cases: Case[] = [
  {
    name: 'adam({learningRate}) → adam(0.01)',
    code: `const opt = TF.train.adam({learningRate: 0.01});`,
    output: `const opt = TF.train.adam(0.01);`,
    errors: [{ messageId: 'optionsObject', line: 1 }],
  },
  {
    name: 'sgd({lr}) the tfjs guide habit',
    code: `model.compile({optimizer: TF.train.sgd({lr: 0.2}), loss: 'meanSquaredError'});`,
    output: `model.compile({optimizer: TF.train.sgd(0.2), loss: 'meanSquaredError'});`,
    errors: [{ messageId: 'optionsObject' }],
  },
  {
    name: 'PyTorch betas and eps, gaps filled with undefined (the tfjs default)',
    code: `TF.train.adam({betas: [0.9, 0.99], eps: 1e-8});`,
    output: `TF.train.adam(undefined, 0.9, 0.99, 1e-8);`,
    errors: [{ messageId: 'optionsObject' }],
  },
  {
    name: 'momentum and rmsprop throw: same fix; nesterov alias',
    code: `TF.train.momentum({lr: 0.1, momentum: 0.9, nesterov: true});\nTF.train.rmsprop({learningRate: 0.01, decay: 0.9});`,
    output: `TF.train.momentum(0.1, 0.9, true);\nTF.train.rmsprop(0.01, 0.9);`,
    errors: [{ messageId: 'optionsObject', line: 1 }, { messageId: 'optionsObject', line: 2 }],
  },
  {
    name: 'a same-file const object',
    code: `const cfg = {learningRate: 0.1};\nTF.train.adagrad(cfg);`,
    output: `const cfg = {learningRate: 0.1};\nTF.train.adagrad(0.1);`,
    errors: [{ messageId: 'optionsObject', line: 2 }],
  },
  {
    name: 'weight_decay has no equivalent: suggestion without it',
    code: `TF.train.adam({lr: 0.001, weight_decay: 1e-4});`,
    output: null,
    errors: [
      {
        messageId: 'optionsObjectNoFix',
        data: { name: 'adam', effect: 'every weight turns NaN after the first step', advice: '`weight_decay`: tfjs has no weight decay: add an L2 `kernelRegularizer` to the layers.' },
        suggestions: [{ messageId: 'usePositional', output: `TF.train.adam(0.001);` }],
      },
    ],
  },
  {
    name: 'sgd without a learning rate: report only',
    code: `TF.train.sgd({momentum: 0.9});`,
    output: null,
    errors: [{ messageId: 'optionsObjectNoFix', data: { name: 'sgd', effect: 'every weight turns NaN after the first step', advice: 'Pass `learningRate` positionally: tfjs has no default for it.' }, suggestions: [] }],
  },
  {
    name: 'several keys without a tfjs parameter: named, the advice for each is in the docs',
    code: `TF.train.adam({lr: 0.001, weight_decay: 1e-4, amsgrad: true});`,
    output: null,
    errors: [
      {
        messageId: 'optionsObjectNoFix',
        data: { name: 'adam', effect: 'every weight turns NaN after the first step', advice: "No tfjs parameter for `weight_decay` and `amsgrad` (this rule's docs say what to use instead)." },
        suggestions: [{ messageId: 'usePositional', output: `TF.train.adam(0.001);` }],
      },
    ],
  },
  {
    name: 'an unknown key on a throwing optimizer: the parameters it takes',
    code: `TF.train.rmsprop({lr: 0.01, rho: 0.9});`,
    output: null,
    errors: [
      {
        messageId: 'optionsObjectNoFix',
        data: { name: 'rmsprop', effect: 'the first training step throws', advice: '`rho`: not a parameter of tf.train.rmsprop(learningRate, decay, momentum, epsilon, centered).' },
        suggestions: [{ messageId: 'usePositional', output: `TF.train.rmsprop(0.01);` }],
      },
    ],
  },
  {
    name: "a 5th adam argument (PyTorch's weight_decay) is dropped",
    code: `TF.train.adam(0.01, 0.9, 0.999, 1e-8, 0.01);`,
    output: null,
    errors: [{ messageId: 'extraArguments', data: { name: 'adam', count: '4', params: 'learningRate, beta1, beta2, epsilon', extra: '`0.01`', advice: " For PyTorch's weight_decay, add an L2 `kernelRegularizer` to the layers." } }],
  },
  {
    name: 'sgd(lr, momentum): suggestion tf.train.momentum',
    code: `TF.train.sgd(0.01, 0.9);`,
    output: null,
    errors: [{ messageId: 'extraArguments', suggestions: [{ messageId: 'useMomentum', output: `TF.train.momentum(0.01, 0.9);` }] }],
  },
];

ruleTester.run('no-optimizer-options-object', rule, {
  valid: [...validAcross(valid), ...validAcross([{ name: 'look-alike tf', code: `TF.train.adam({learningRate: 0.01});\nTF.train.adam(1, 2, 3, 4, 5);` }], LOOKALIKE_FORMS)],
  invalid: invalidAcross(cases),
});

checkSuggestionsResolve('no-optimizer-options-object', rule, cases);
