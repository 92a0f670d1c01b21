import rule from '../../rules/no-unknown-options.js';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'tfjs option names', code: `TF.layers.dropout({rate: 0.5});\nTF.layers.conv2d({filters: 8, kernelSize: 3, strides: 2, dilationRate: 1, useBias: false, name: 'c', inputShape: [8, 8, 1]});` },
  { name: 'LayerArgs base keys on every layer', code: `TF.layers.dense({units: 1, batchInputShape: [null, 3], trainable: false, dtype: 'float32', weights: w});` },
  { name: 'model methods with tfjs options', code: `const m = TF.sequential({layers: [], name: 'm'});\nm.compile({optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mse']});\nawait m.fit(x, y, {batchSize: 8, epochs: 2, validationSplit: 0.1});\nm.evaluate(x, y, {batchSize: 4});\nm.predict(x, {batchSize: 4});` },
  { name: "a user's own dropout({p}) helper is not tfjs", code: `function dropout(cfg) { return cfg; }\ndropout({p: 0.5});\nTF.layers.dense({units: 1});` },
  { name: 'a config from an unknown variable or parameter is not read', code: `function make(cfg) { return TF.layers.conv2d(cfg); }\nTF.layers.dense(opts);` },
  { name: 'keys of an unknown spread are not judged', code: `TF.layers.conv2d({...base, filters: 8});` },
  { name: 'a let config may change: not judged', code: `let cfg = {p: 0.5};\ncfg = {rate: 0.5};\nTF.layers.dropout(cfg);` },
  { name: 'a const mutated later is not judged', code: `const cfg = {p: 0.5};\ncfg.rate = cfg.p;\nTF.layers.dropout(cfg);` },
  { name: 'fit on an unknown receiver (a user class) is not judged', code: `const m = new MyTrainer();\nm.fit(x, y, {batch_size: 32});\nTF.layers.dense({units: 1});` },
  { name: 'brain.js-style {learningRate} training options are not tfjs', code: `const net = new brain.NeuralNetwork();\nnet.train(data, {learningRate: 0.3, iterations: 10});\nnet.fit(x, y, {batch_size: 1});\nTF.layers.dense({units: 1});` },
  { name: 'a factory that throws on a number (loud) is not reported', code: `TF.layers.dense(10);` },
  { name: 'a computed key is not judged', code: `TF.layers.dropout({[k]: 0.5, rate: 0.5});` },
];

type Case = { name: string; code: string; errors: { messageId: 'renamed' | 'dilationUntrainable' | 'dilationIgnored' | 'noEquivalent' | 'unknown' | 'positional'; data?: Record<string, string>; line?: number; suggestions?: { messageId: 'renameTo' | 'removeDuplicate' | 'useConfigObject'; output: string }[] }[] };
const cases: Case[] = [
  {
    name: 'dropout({p}) → rename suggestion',
    code: `TF.layers.dropout({p: 0.5});`,
    errors: [{ messageId: 'renamed' as const, data: { key: 'p', callee: 'dropout()', effect: 'rate stays NaN, so nothing is ever dropped', to: '`rate`' }, line: 1, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.dropout({rate: 0.5});` }] }],
  },
  {
    name: 'conv2d stride and bias; quoted and shorthand keys keep their style',
    code: `TF.layers.conv2d({filters: 8, kernelSize: 3, 'stride': 2, bias});`,
    errors: [
      { messageId: 'renamed' as const, data: { key: 'stride', callee: 'conv2d()', effect: 'the stride stays the default (1 for convolutions, poolSize for pooling)', to: '`strides`' }, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.conv2d({filters: 8, kernelSize: 3, 'strides': 2, bias});` }] },
      { messageId: 'renamed' as const, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.conv2d({filters: 8, kernelSize: 3, 'stride': 2, useBias: bias});` }] },
    ],
  },
  {
    name: 'maxPooling2d kernelSize → poolSize; leakyReLU negativeSlope → alpha; batchNormalization eps → epsilon',
    code: `TF.layers.maxPooling2d({kernelSize: 3});\nTF.layers.leakyReLU({negativeSlope: 0.01});\nTF.layers.batchNormalization({eps: 1e-5});`,
    errors: [
      { messageId: 'renamed' as const, line: 1, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.maxPooling2d({poolSize: 3});\nTF.layers.leakyReLU({negativeSlope: 0.01});\nTF.layers.batchNormalization({eps: 1e-5});` }] },
      { messageId: 'renamed' as const, line: 2, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.maxPooling2d({kernelSize: 3});\nTF.layers.leakyReLU({alpha: 0.01});\nTF.layers.batchNormalization({eps: 1e-5});` }] },
      { messageId: 'renamed' as const, line: 3, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.maxPooling2d({kernelSize: 3});\nTF.layers.leakyReLU({negativeSlope: 0.01});\nTF.layers.batchNormalization({epsilon: 1e-5});` }] },
    ],
  },
  {
    name: 'affine: false → center: false, scale: false',
    code: `TF.layers.batchNormalization({affine: false});`,
    errors: [{ messageId: 'renamed' as const, data: { key: 'affine', callee: 'batchNormalization()', effect: 'beta and gamma are kept and trained', to: '`center` and `scale`' }, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.batchNormalization({center: false, scale: false});` }] }],
  },
  {
    name: 'dilation on conv2d: no rename (dilationRate > 1 throws when trained); depthwiseConv2d ignores dilationRate too',
    code: `TF.layers.conv2d({filters: 8, kernelSize: 3, dilation: 2});\nTF.layers.depthwiseConv2d({kernelSize: 3, dilation: 2});`,
    errors: [
      { messageId: 'dilationUntrainable' as const, data: { callee: 'conv2d()' }, line: 1, suggestions: [] },
      { messageId: 'dilationIgnored' as const, data: { callee: 'depthwiseConv2d()' }, line: 2, suggestions: [] },
    ],
  },
  {
    name: 'fit snake_case keys: no validation at all',
    code: `const model = TF.sequential();\nawait model.fit(x, y, {batch_size: 32, validation_split: 0.2});`,
    errors: [
      { messageId: 'renamed' as const, data: { key: 'batch_size', callee: 'fit()', effect: 'batches of 32 are used', to: '`batchSize`' }, line: 2, suggestions: [{ messageId: 'renameTo' as const, output: `const model = TF.sequential();\nawait model.fit(x, y, {batchSize: 32, validation_split: 0.2});` }] },
      { messageId: 'renamed' as const, data: { key: 'validation_split', callee: 'fit()', effect: 'there is no validation at all', to: '`validationSplit`' }, line: 2, suggestions: [{ messageId: 'renameTo' as const, output: `const model = TF.sequential();\nawait model.fit(x, y, {batch_size: 32, validationSplit: 0.2});` }] },
    ],
  },
  {
    name: "compile({optimizer: 'sgd', lr}) keeps lr 0.01: report only",
    code: `const model = TF.sequential();\nmodel.compile({optimizer: 'sgd', lr: 0.5, loss: 'meanSquaredError'});`,
    errors: [{ messageId: 'noEquivalent' as const, line: 2 }],
  },
  {
    name: 'a const config in the same file, and a known spread',
    code: `const base = {activation: 'relu', stride: 2};\nconst cfg = {...base, filters: 8, kernelSize: 3, p: 1};\nTF.layers.conv2d(cfg);`,
    errors: [
      { messageId: 'renamed' as const, line: 1, suggestions: [] },
      { messageId: 'unknown' as const, data: { key: 'p', callee: 'conv2d()', hint: '' }, line: 2, suggestions: [] },
    ],
  },
  {
    name: 'a typo gets the nearest name',
    code: `TF.layers.dense({units: 1, activaton: 'relu'});`,
    errors: [{ messageId: 'unknown' as const, data: { key: 'activaton', callee: 'dense()', hint: '; did you mean `activation`?' }, suggestions: [{ messageId: 'renameTo' as const, output: `TF.layers.dense({units: 1, activation: 'relu'});` }] }],
  },
  {
    name: 'rename target already present: remove the ignored duplicate',
    code: `TF.layers.dropout({rate: 0.5, p: 0.5});`,
    errors: [{ messageId: 'renamed' as const, suggestions: [{ messageId: 'removeDuplicate' as const, output: `TF.layers.dropout({rate: 0.5});` }] }],
  },
  {
    name: 'new tf.layers.RNN and tf.input',
    code: `new TF.layers.RNN({cell, return_sequences: true});\nTF.input({shape: [3], input_shape: [3]});`,
    errors: [
      { messageId: 'renamed' as const, line: 1, suggestions: [{ messageId: 'renameTo' as const, output: `new TF.layers.RNN({cell, returnSequences: true});\nTF.input({shape: [3], input_shape: [3]});` }] },
      { messageId: 'renamed' as const, line: 2, suggestions: [{ messageId: 'removeDuplicate' as const, output: `new TF.layers.RNN({cell, return_sequences: true});\nTF.input({shape: [3]});` }] },
    ],
  },
  {
    name: 'positional dropout(0.2) → {rate: 0.2}; concatenate(1) report only; dropout(0.8, {rate: 0.8}) drops the number',
    code: `TF.layers.dropout(0.2);\nTF.layers.concatenate(1);\nTF.layers.dropout(0.8, {rate: 0.8});`,
    errors: [
      { messageId: 'positional' as const, line: 1, suggestions: [{ messageId: 'useConfigObject' as const, output: `TF.layers.dropout({rate: 0.2});\nTF.layers.concatenate(1);\nTF.layers.dropout(0.8, {rate: 0.8});` }] },
      { messageId: 'positional' as const, line: 2, suggestions: [] },
      { messageId: 'positional' as const, line: 3, suggestions: [{ messageId: 'useConfigObject' as const, output: `TF.layers.dropout(0.2);\nTF.layers.concatenate(1);\nTF.layers.dropout({rate: 0.8});` }] },
    ],
  },
];

const fixCases = [
  {
    name: 'batch_first / in_features: no equivalent, tfjs already does it: autofix removes the key',
    code: `TF.layers.lstm({units: 8, batch_first: true});\nTF.layers.dense({units: 2, in_features: 4});`,
    output: `TF.layers.lstm({units: 8});\nTF.layers.dense({units: 2});`,
    errors: [{ messageId: 'noEquivalent' as const, line: 1 }, { messageId: 'noEquivalent' as const, line: 2 }],
  },
  {
    name: 'num_layers / bidirectional: no equivalent and intent would be lost: report only',
    code: `TF.layers.lstm({units: 8, num_layers: 2, bidirectional: true});`,
    output: null,
    errors: [{ messageId: 'noEquivalent' as const }, { messageId: 'noEquivalent' as const }],
  },
];

ruleTester.run('no-unknown-options', rule, {
  valid: [...validAcross(valid), ...validAcross([{ name: 'look-alike tf', code: `TF.layers.dropout({p: 0.5});\nTF.layers.dropout(0.2);\nTF.train.adam({lr: 0.1});` }], LOOKALIKE_FORMS)],
  invalid: [...invalidAcross(cases.map((c) => ({ ...c, output: null }))), ...invalidAcross(fixCases)],
});

checkSuggestionsResolve('no-unknown-options', rule, cases.filter((c) => c.errors.length === 1 && !c.name.startsWith('rename target')));
