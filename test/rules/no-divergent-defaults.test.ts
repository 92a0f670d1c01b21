import rule from '../../rules/no-divergent-defaults.js';
import { checkSuggestionsResolve, createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();
type Opts = [{ always?: boolean }];
type Ids = 'layerDefault' | 'gruCannotMatch' | 'optimizerDefault' | 'keepDefault' | 'usePytorch';

/** Forms where `tf` is a namespace in scope, so `tf.initializers.*` can be written in a suggestion. */
const NAMESPACE_FORMS = IMPORT_FORMS.filter((f) => f.ref('layers') === 'tf.layers');
/** Named imports: no namespace in scope, so the PyTorch initializer cannot be written. */
const NAMED_FORMS = IMPORT_FORMS.filter((f) => ['named imports', 'renamed imports', 'destructured require'].includes(f.name));

const PORT = '// port of the PyTorch nn.Module in model.py';

const valid = [
  { name: 'plain tfjs code: no sign of a PyTorch port', code: `const m = TF.sequential({layers: [TF.layers.lstm({units: 8, inputShape: [5, 3]}), TF.layers.leakyReLU(), TF.layers.dense({units: 2})]});\nconst opt = TF.train.adam(0.01);` },
  { name: 'the word PyTorch alone is not a port marker', code: `// unlike PyTorch, tfjs layers infer their input size\nconst l = TF.layers.leakyReLU();` },
  { name: 'a .pt web address is not a weights file', code: `const url = 'https://example.pt/model.json';\nconst l = TF.layers.leakyReLU();` },
  { name: 'torch in an identifier is not a port marker', code: `const torchLike = {};\nconst l = TF.layers.leakyReLU();` },
  { name: 'port: explicit values everywhere', code: `${PORT}\nconst a = TF.layers.lstm({units: 8, recurrentActivation: 'sigmoid'});\nconst b = TF.layers.leakyReLU({alpha: 0.01});\nconst c = TF.layers.batchNormalization({epsilon: 1e-5});\nconst d = TF.layers.layerNormalization({epsilon: 1e-5});\nconst e = TF.layers.dense({units: 2, kernelInitializer: 'heUniform'});\nconst f = TF.layers.embedding({inputDim: 9, outputDim: 2, embeddingsInitializer: 'randomNormal'});\nconst o = TF.train.adam(1e-3, 0.9, 0.999, 1e-8);` },
  { name: 'port: PyTorch-named keys are no-unknown-options reports, not repeated here', code: `${PORT}\nconst b = TF.layers.leakyReLU({negative_slope: 0.01});\nconst b2 = TF.layers.leakyReLU({negativeSlope: 0.01});\nconst c = TF.layers.batchNormalization({eps: 1e-5});\nconst d = TF.layers.layerNormalization({eps: 1e-5});\nconst e = TF.layers.dense({units: 2, kernel_initializer: 'heUniform'});\nconst r = TF.layers.lstm({units: 2, recurrent_activation: 'sigmoid'});` },
  { name: 'port: a config held in a variable is not judged', code: `${PORT}\nconst cfg = makeConfig();\nconst l = TF.layers.lstm(cfg);` },
  { name: 'port: a spread may hold the key', code: `${PORT}\nconst l = TF.layers.batchNormalization({axis: 1, ...bnDefaults});` },
  { name: 'port: a computed key may be the key', code: `${PORT}\nconst l = TF.layers.batchNormalization({[key]: 1e-5});` },
  { name: 'port: positional arguments are no-unknown-options reports', code: `${PORT}\nconst l = TF.layers.leakyReLU(0.01, {});` },
  { name: 'port loading weights: initializers do not matter', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.conv2d({filters: 2, kernelSize: 3}), TF.layers.embedding({inputDim: 9, outputDim: 2})]});\nm.setWeights(weightsFromPytorch);` },
  {
    name: 'a port whose layers get the weights of a loaded model (converted from .pth): initializers do not matter',
    code: `${PORT}\nconst model = TF.sequential({layers: [TF.layers.conv2d({filters: 8, kernelSize: 3, inputShape: [8, 8, 3]}), TF.layers.dense({units: 2})]});\nasync function init(url) {\n  const pretrained = await TF.loadLayersModel(url);\n  for (let i = 0; i < 2; i++) model.layers[i].setWeights(pretrained.layers[i].getWeights());\n}`,
  },
  { name: 'copying weights between tfjs models is not a port', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]}), TF.layers.leakyReLU()]});\nconst target = TF.sequential({layers: [TF.layers.dense({units: 2, inputShape: [4]})]});\ntarget.setWeights(m.getWeights());` },
  { name: 'copying through a binding is not a port either', code: `const m = TF.sequential({layers: [TF.layers.leakyReLU({inputShape: [4]})]});\nconst w = m.getWeights().map((t) => t.clone());\nm.setWeights(w);` },
  { name: 'tf.io.loadWeights (tfjs-converter format, TensorFlow checkpoints) is not evidence', code: `const nn = TF.sequential({layers: [TF.layers.batchNormalization({inputShape: [4]}), TF.layers.leakyReLU()]});\nconst w = await TF.io.loadWeights(manifest, url);` },
  { name: 'setWeights on an unknown receiver is not evidence', code: `const l = TF.layers.leakyReLU();\nsomething.setWeights(ws);` },
  { name: 'port: an optimizer options object is no-optimizer-options-object\'s report', code: `${PORT}\nconst o = TF.train.adam({learningRate: 0.01});` },
  { name: 'port: adam with an explicit epsilon', code: `${PORT}\nconst o = TF.train.adam(0.01, 0.9, 0.999, 1e-7);` },
  { name: 'port: sgd has no divergent default here', code: `${PORT}\nconst o = TF.train.sgd(0.1);` },
  { name: 'port: GRU with resetAfter throws (loud): not this rule', code: `${PORT}\nconst g = TF.layers.gru({units: 4, resetAfter: true});` },
  { name: "port: a user's own lstm() and adam() helpers", code: `${PORT}\nfunction lstm(o) { return o; }\nfunction adam() { return 1; }\nlstm({units: 2});\nadam();\nTF.sequential();` },
  { name: 'port: brain.js LSTM and a non-tfjs adam', code: `${PORT}\nconst net = new brain.recurrent.LSTM();\nconst o = optim.adam({lr: 1e-3});\nTF.sequential();` },
  { name: 'port: layers that share PyTorch defaults (relu, dropout with rate)', code: `${PORT}\nconst a = TF.layers.reLU();\nconst b = TF.layers.dropout({rate: 0.5});` },
];

type Err = { messageId: 'layerDefault' | 'gruCannotMatch' | 'optimizerDefault'; data?: Record<string, string>; line?: number; suggestions?: { messageId: 'keepDefault' | 'usePytorch'; data: { text: string }; output: string }[] };
const layerErr = (line: number, factory: string, key: string, tfjs: string, torchModule: string, torchText: string, outputs: [string, string, string?, string?]): Err => ({
  messageId: 'layerDefault',
  data: { factory, key, tfjs, torchModule, torchText },
  line,
  suggestions: [
    { messageId: 'keepDefault', data: { text: outputs[0] }, output: outputs[1] },
    ...(outputs[2] && outputs[3] ? [{ messageId: 'usePytorch' as const, data: { text: outputs[2].replace('TF.', 'tf.') }, output: outputs[3] }] : []),
  ],
});

const invalid = [
  {
    name: 'LSTM in a file that names nn.LSTM',
    code: `// ported from nn.LSTM(3, 8)\nconst l = TF.layers.lstm({units: 8});`,
    output: null,
    errors: [
      layerErr(2, 'lstm', 'recurrentActivation', `'hardSigmoid'`, 'nn.LSTM', 'sigmoid gates', [
        `recurrentActivation: 'hardSigmoid'`,
        `// ported from nn.LSTM(3, 8)\nconst l = TF.layers.lstm({units: 8, recurrentActivation: 'hardSigmoid'});`,
        `recurrentActivation: 'sigmoid'`,
        `// ported from nn.LSTM(3, 8)\nconst l = TF.layers.lstm({units: 8, recurrentActivation: 'sigmoid'});`,
      ]),
    ],
  },
  {
    name: 'leakyReLU() without a config: the suggestion adds one',
    code: `const state = torch.load('model.pt'); // in Python\nconst l = TF.layers.leakyReLU();`,
    output: null,
    errors: [
      layerErr(2, 'leakyReLU', 'alpha', '0.3', 'nn.LeakyReLU', 'negative_slope=0.01', [
        'alpha: 0.3',
        `const state = torch.load('model.pt'); // in Python\nconst l = TF.layers.leakyReLU({alpha: 0.3});`,
        'alpha: 0.01',
        `const state = torch.load('model.pt'); // in Python\nconst l = TF.layers.leakyReLU({alpha: 0.01});`,
      ]),
    ],
  },
  {
    name: 'batchNormalization, one property per line with a trailing comma, in a file loading weights',
    code: `const bn = TF.layers.batchNormalization({\n  axis: -1,\n  momentum: 0.9,\n});\nbn.setWeights(loaded);`,
    output: null,
    errors: [
      layerErr(1, 'batchNormalization', 'epsilon', '1e-3', 'nn.BatchNorm*d', 'eps=1e-5', [
        'epsilon: 1e-3',
        `const bn = TF.layers.batchNormalization({\n  axis: -1,\n  momentum: 0.9,\n  epsilon: 1e-3,\n});\nbn.setWeights(loaded);`,
        'epsilon: 1e-5',
        `const bn = TF.layers.batchNormalization({\n  axis: -1,\n  momentum: 0.9,\n  epsilon: 1e-5,\n});\nbn.setWeights(loaded);`,
      ]),
    ],
  },
  {
    name: 'layerNormalization with an empty config, weights file named in a string',
    code: `const WEIGHTS = 'checkpoints/encoder.pth';\nconst ln = TF.layers.layerNormalization({});`,
    output: null,
    errors: [
      layerErr(2, 'layerNormalization', 'epsilon', '1e-3', 'nn.LayerNorm', 'eps=1e-5', [
        'epsilon: 1e-3',
        `const WEIGHTS = 'checkpoints/encoder.pth';\nconst ln = TF.layers.layerNormalization({epsilon: 1e-3});`,
        'epsilon: 1e-5',
        `const WEIGHTS = 'checkpoints/encoder.pth';\nconst ln = TF.layers.layerNormalization({epsilon: 1e-5});`,
      ]),
    ],
  },
  {
    name: 'GRU in a port: cannot match PyTorch, no suggestion',
    code: `/* converted from state_dict */\nconst g = TF.layers.gru({units: 4, returnSequences: true});`,
    output: null,
    errors: [{ messageId: 'gruCannotMatch' as const, data: { factory: 'gru' }, line: 2 }],
  },
  {
    name: 'adam() in a port: both suggestions fill every positional default',
    code: `${PORT}\nconst opt = TF.train.adam();`,
    output: null,
    errors: [
      {
        messageId: 'optimizerDefault' as const,
        data: { factory: 'adam', name: 'epsilon', tfjs: '1e-7', torchModule: 'torch.optim.Adam', torchText: 'eps=1e-8' },
        line: 2,
        suggestions: [
          { messageId: 'keepDefault' as const, data: { text: 'epsilon 1e-7' }, output: `${PORT}\nconst opt = TF.train.adam(0.001, 0.9, 0.999, 1e-7);` },
          { messageId: 'usePytorch' as const, data: { text: 'epsilon 1e-8' }, output: `${PORT}\nconst opt = TF.train.adam(0.001, 0.9, 0.999, 1e-8);` },
        ],
      },
    ],
  },
  {
    name: 'adam(lr) keeps the learning rate',
    code: `${PORT}\nmodel.compile({optimizer: TF.train.adam(3e-4), loss: 'meanSquaredError'});`,
    output: null,
    errors: [
      {
        messageId: 'optimizerDefault' as const,
        line: 2,
        suggestions: [
          { messageId: 'keepDefault' as const, data: { text: 'epsilon 1e-7' }, output: `${PORT}\nmodel.compile({optimizer: TF.train.adam(3e-4, 0.9, 0.999, 1e-7), loss: 'meanSquaredError'});` },
          { messageId: 'usePytorch' as const, data: { text: 'epsilon 1e-8' }, output: `${PORT}\nmodel.compile({optimizer: TF.train.adam(3e-4, 0.9, 0.999, 1e-8), loss: 'meanSquaredError'});` },
        ],
      },
    ],
  },
  {
    name: 'weights loaded: forward defaults reported, the dense initializer is not',
    code: `const m = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]}), TF.layers.leakyReLU()]});\nm.layers[0].setWeights([w, b]);`,
    output: null,
    errors: [
      layerErr(1, 'leakyReLU', 'alpha', '0.3', 'nn.LeakyReLU', 'negative_slope=0.01', [
        'alpha: 0.3',
        `const m = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]}), TF.layers.leakyReLU({alpha: 0.3})]});\nm.layers[0].setWeights([w, b]);`,
        'alpha: 0.01',
        `const m = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]}), TF.layers.leakyReLU({alpha: 0.01})]});\nm.layers[0].setWeights([w, b]);`,
      ]),
    ],
  },
  {
    name: '{always: true} reports plain tfjs code too',
    code: `const l = TF.layers.leakyReLU({inputShape: [4]});`,
    options: [{ always: true }] as Opts,
    output: null,
    errors: [
      layerErr(1, 'leakyReLU', 'alpha', '0.3', 'nn.LeakyReLU', 'negative_slope=0.01', [
        'alpha: 0.3',
        `const l = TF.layers.leakyReLU({inputShape: [4], alpha: 0.3});`,
        'alpha: 0.01',
        `const l = TF.layers.leakyReLU({inputShape: [4], alpha: 0.01});`,
      ]),
    ],
  },
];

/** Initializers: the PyTorch suggestion needs `tf.initializers` in scope. */
const initInvalid = [
  {
    name: 'dense in a port trained from scratch: kernel initializer',
    code: `${PORT}\nconst d = TF.layers.dense({units: 4});`,
    output: null,
    errors: [
      layerErr(2, 'dense', 'kernelInitializer', `'glorotNormal'`, 'nn.Linear', 'kaiming_uniform(a=√5), U(±1/√fan_in)', [
        `kernelInitializer: 'glorotNormal'`,
        `${PORT}\nconst d = TF.layers.dense({units: 4, kernelInitializer: 'glorotNormal'});`,
        `kernelInitializer: TF.initializers.varianceScaling({scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'})`,
        `${PORT}\nconst d = TF.layers.dense({units: 4, kernelInitializer: TF.initializers.varianceScaling({scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'})});`,
      ]),
    ],
  },
  {
    name: 'copying weights from a model built here (a DQN target network) does not spare the initializers of the model trained from scratch',
    code: `${PORT}\nconst online = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2]})]});\nconst target = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2], kernelInitializer: 'zeros'})]});\ntarget.setWeights(online.getWeights());`,
    output: null,
    errors: [
      layerErr(2, 'dense', 'kernelInitializer', `'glorotNormal'`, 'nn.Linear', 'kaiming_uniform(a=√5), U(±1/√fan_in)', [
        `kernelInitializer: 'glorotNormal'`,
        `${PORT}\nconst online = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2], kernelInitializer: 'glorotNormal'})]});\nconst target = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2], kernelInitializer: 'zeros'})]});\ntarget.setWeights(online.getWeights());`,
        `kernelInitializer: TF.initializers.varianceScaling({scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'})`,
        `${PORT}\nconst online = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2], kernelInitializer: TF.initializers.varianceScaling({scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'})})]});\nconst target = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [2], kernelInitializer: 'zeros'})]});\ntarget.setWeights(online.getWeights());`,
      ]),
    ],
  },
  {
    name: 'embedding with {always: true}',
    code: `const e = TF.layers.embedding({inputDim: 100, outputDim: 8});`,
    options: [{ always: true }] as Opts,
    output: null,
    errors: [
      layerErr(1, 'embedding', 'embeddingsInitializer', `'randomUniform'`, 'nn.Embedding', 'normal(0, 1)', [
        `embeddingsInitializer: 'randomUniform'`,
        `const e = TF.layers.embedding({inputDim: 100, outputDim: 8, embeddingsInitializer: 'randomUniform'});`,
        `embeddingsInitializer: TF.initializers.randomNormal({mean: 0, stddev: 1})`,
        `const e = TF.layers.embedding({inputDim: 100, outputDim: 8, embeddingsInitializer: TF.initializers.randomNormal({mean: 0, stddev: 1})});`,
      ]),
    ],
  },
];

const initNamed = [
  {
    name: 'conv2d with named imports: only the keep-default suggestion (no tf.initializers in scope)',
    code: `${PORT}\nconst c = TF.layers.conv2d({filters: 8, kernelSize: 3});`,
    output: null,
    errors: [
      layerErr(2, 'conv2d', 'kernelInitializer', `'glorotNormal'`, 'nn.Conv2d', 'kaiming_uniform(a=√5), U(±1/√fan_in)', [
        `kernelInitializer: 'glorotNormal'`,
        `${PORT}\nconst c = TF.layers.conv2d({filters: 8, kernelSize: 3, kernelInitializer: 'glorotNormal'});`,
      ]),
    ],
  },
];

ruleTester.run('no-divergent-defaults', rule, {
  valid: [
    ...validAcross<Opts>(valid),
    ...validAcross<Opts>([{ name: 'look-alike tf in a port', code: `${PORT}\nconst l = TF.layers.lstm({units: 2});\nconst o = TF.train.adam();\nconst g = TF.layers.gru({units: 2});` }], LOOKALIKE_FORMS),
    ...validAcross<Opts>([{ name: 'look-alike tf with {always: true}', code: `const l = TF.layers.leakyReLU();`, options: [{ always: true }] as Opts }], LOOKALIKE_FORMS),
  ],
  invalid: [...invalidAcross<Ids, Opts>(invalid), ...invalidAcross<Ids, Opts>(initInvalid, NAMESPACE_FORMS), ...invalidAcross<Ids, Opts>(initNamed, NAMED_FORMS)],
});

checkSuggestionsResolve('no-divergent-defaults', rule, [...invalid, ...initInvalid.filter((c) => !('options' in c))]);
