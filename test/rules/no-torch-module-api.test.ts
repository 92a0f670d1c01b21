import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-torch-module-api.js';
import { rules } from '../../src/all-rules.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

describe('no-torch-module-api with the other PyTorch-API rules', () => {
  it('never reports the same node as no-torch-tensor-api or no-torch-optimizer-api', () => {
    const names = ['no-torch-module-api', 'no-torch-tensor-api', 'no-torch-optimizer-api'] as const;
    const linter = new Linter({ configType: 'flat' });
    const code = [
      `import * as tf from '@tensorflow/tfjs';`,
      `const model = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});`,
      `const w = tf.variable(tf.zeros([2]));`,
      `const t = tf.tensor([1, 2]);`,
      `model.cuda(); t.cuda(); model.to('cpu'); t.to('cpu'); model.cpu(); t.cpu();`,
      `model.requires_grad = false; w.requires_grad = false; t.requires_grad_(true); model.requires_grad_(false);`,
      `model.zero_grad(); t.backward(); const g = w.grad; model.forward(t); model.parameters();`,
    ].join('\n');
    const messages = linter.verify(code, {
      plugins: { torch2tf: { rules: rules as never } },
      rules: Object.fromEntries(names.map((n) => [`torch2tf/${n}`, 'error'])),
    });
    assert.ok(messages.length >= 15, `expected the snippet to be reported, got ${messages.length}`);
    assert.deepEqual(messages.filter((m) => m.fatal), []);
    const seen = new Map<string, string>();
    for (const m of messages) {
      const at = `${m.line}:${m.column}`;
      assert.ok(!seen.has(at), `${at} reported by both ${seen.get(at)} and ${m.ruleId}`);
      seen.set(at, m.ruleId!);
    }
  });
});

const ruleTester = createRuleTester();

const SEQ = `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\n`;
const SEQ_LINE = 2; // first line after SEQ

const valid = [
  { name: 'apply() is the tfjs forward pass', code: `${SEQ}const y = model.apply(x, {training: true});` },
  {
    name: 'the real tfjs weight API',
    code: `${SEQ}const n = model.countParams();\nconst ws = model.getWeights();\nmodel.setWeights(ws);\nconst t = model.trainableWeights.length + model.weights.length + model.layers.length;\nmodel.trainable = false;`,
  },
  { name: 'a user class with PyTorch-style methods', code: `class Net { forward(x) { return x; } parameters() { return []; } cuda() { return this; } }\nconst net = new Net();\nnet.cuda();\nnet.forward(1);\nnet.parameters();` },
  {
    name: 'a tfjs Layer subclass that defines forward() and calls it from call()',
    code: `class Block extends TF.layers.Layer {\n  forward(x) { return x; }\n  call(inputs) { return this.forward(inputs); }\n}\nconst b = new Block({});\nb.forward(x);`,
  },
  {
    name: 'forward() defined by a same-file base class of a tfjs subclass',
    code: `class Base extends TF.layers.Layer { forward(x) { return x; } }\nclass Net extends Base { call(x) { return this.forward(x); } }\nnew Net().forward(1);`,
  },
  { name: 'forward assigned as a field in the constructor', code: `class Net extends TF.layers.Layer {\n  constructor() { super({}); this.forward = (x) => this.apply(x); }\n}\nnew Net().forward(1);` },
  { name: 'forward monkey-patched on the model in this file', code: `${SEQ}model.forward = (x) => model.apply(x);\nmodel.forward(x);` },
  { name: 'unknown receiver: a model passed in without a type', code: `function run(model, x) { model.cuda(); return model.forward(x); }` },
  {
    name: 'js-pytorch modules are not tfjs',
    code: `import * as torch from 'js-pytorch';\nclass Net extends torch.nn.Module { forward(x) { return x; } }\nconst net = new Net();\nnet.forward(x);\nconst opt = new torch.optim.Adam(net.parameters());\nnet.zero_grad();`,
  },
  { name: 'brain.js net.toJSON / ml5 model', code: `const net = new brain.NeuralNetwork();\nnet.forward(x);\nconst m = ml5.neuralNetwork({});\nm.parameters();` },
  { name: 'danfo DataFrame.to / apply', code: `const df = new dfd.DataFrame(data);\ndf.apply(f);\ndf.to('csv');` },
  { name: 'tensor device moves are another rule (no-torch-tensor-api)', code: `const t = TF.tensor([1, 2]);\nt.cuda();\nt.to('cpu');` },
  { name: 'a Promise of a model is not reported', code: `const p = TF.loadLayersModel('m.json');\np.cuda();` },
  { name: 'calling tfjs factories is not calling a model', code: `const m = TF.sequential();\nconst d = TF.layers.dense({units: 2});\nconst i = TF.input({shape: [2]});` },
  { name: 'an object literal key requires_grad is not a member access', code: `const cfg = {requires_grad: true};\nconst v = params.requires_grad;` },
  { name: 'optimizer state_dict is not a module method', code: `const opt = TF.train.adam();\nopt.state_dict;` },
  { name: 'requires_grad on tensors and variables is no-torch-tensor-api\'s (no double reports)', code: `const w = TF.variable(TF.zeros([2]));\nw.requires_grad = false;\nconst t = TF.tensor([1]);\nconst r = t.requires_grad;` },
  {
    name: 'this.model = this.model() with a model() method of the class: the right-hand side runs the user method',
    code: `class Classifier {\n  constructor() {\n    this.model = this.model();\n  }\n  model() {\n    const m = TF.sequential();\n    m.add(TF.layers.dense({units: 2, inputShape: [4]}));\n    return m;\n  }\n}`,
  },
  { name: 'an optional call of a missing method short-circuits instead of throwing', code: `${SEQ}model.cuda?.();\nmodel.forward?.(x);` },
];

ruleTester.run('no-torch-module-api', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [{ name: 'look-alike tf: model.forward()', code: `${SEQ}model.forward(x);\nmodel.cuda();\nmodel.requires_grad = false;\nmodel(x);` }],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: invalidAcross([
    {
      name: 'forward(x) on a Sequential: apply in inference or training mode',
      code: `${SEQ}const y = model.forward(x);`,
      errors: [
        {
          messageId: 'forward',
          data: { kind: 'model', method: 'forward' },
          line: SEQ_LINE,
          column: 17,
          endColumn: 24,
          suggestions: [
            { messageId: 'useApply', output: `${SEQ}const y = model.apply(x);` },
            { messageId: 'useApplyTraining', output: `${SEQ}const y = model.apply(x, {training: true});` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'this.forward(x) in a tfjs Layer subclass that does not define it',
      code: `class Block extends TF.layers.Layer {\n  predictOne(inputs) { return this.forward(inputs); }\n}`,
      errors: [
        {
          messageId: 'forward',
          data: { kind: 'layer', method: 'forward' },
          line: 2,
          column: 36,
          suggestions: [
            { messageId: 'useApply', output: `class Block extends TF.layers.Layer {\n  predictOne(inputs) { return this.apply(inputs); }\n}` },
            { messageId: 'useApplyTraining', output: `class Block extends TF.layers.Layer {\n  predictOne(inputs) { return this.apply(inputs, {training: true}); }\n}` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'this.forward(x) inside the layer\'s own call(): no apply() suggestion (it would recurse)',
      code: `class Block extends TF.layers.Layer {\n  call(inputs) { return TF.tidy(() => this.forward(inputs)); }\n}`,
      errors: [{ messageId: 'forwardInCall', data: { kind: 'layer', method: 'forward' }, line: 2, suggestions: [] }],
      output: null,
    },
    {
      name: 'calling a model like a PyTorch module: model(x)',
      code: `${SEQ}const y = model(x);`,
      errors: [
        {
          messageId: 'callModule',
          data: { kind: 'model', callee: 'model' },
          line: SEQ_LINE,
          column: 11,
          endColumn: 16,
          suggestions: [
            { messageId: 'useApply', output: `${SEQ}const y = model.apply(x);` },
            { messageId: 'useApplyTraining', output: `${SEQ}const y = model.apply(x, {training: true});` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Keras-style layer call on a this.field layer',
      code: `class Net {\n  constructor() { this.fc = TF.layers.dense({units: 4}); }\n  run(x) { return this.fc(x); }\n}`,
      errors: [
        {
          messageId: 'callModule',
          data: { kind: 'layer', callee: 'this.fc' },
          line: 3,
          suggestions: [
            { messageId: 'useApply', output: `class Net {\n  constructor() { this.fc = TF.layers.dense({units: 4}); }\n  run(x) { return this.fc.apply(x); }\n}` },
            { messageId: 'useApplyTraining', output: `class Net {\n  constructor() { this.fc = TF.layers.dense({units: 4}); }\n  run(x) { return this.fc.apply(x, {training: true}); }\n}` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a layer field named like a tensor op (`this.pool`, PyTorch `self.pool = nn.MaxPool2d(2)`) is still checked',
      code: `class Net {\n  constructor() { this.pool = TF.layers.maxPooling2d({poolSize: 2}); }\n  run(x) { return this.pool(x); }\n}`,
      errors: [
        {
          messageId: 'callModule',
          data: { kind: 'layer', callee: 'this.pool' },
          line: 3,
          suggestions: [
            { messageId: 'useApply', output: `class Net {\n  constructor() { this.pool = TF.layers.maxPooling2d({poolSize: 2}); }\n  run(x) { return this.pool.apply(x); }\n}` },
            { messageId: 'useApplyTraining', output: `class Net {\n  constructor() { this.pool = TF.layers.maxPooling2d({poolSize: 2}); }\n  run(x) { return this.pool.apply(x, {training: true}); }\n}` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'parameters() and named_parameters()',
      code: `${SEQ}const ps = model.parameters();\nfor (const [n, p] of model.layers[0].named_parameters()) log(n);`,
      errors: [
        {
          messageId: 'parameters',
          data: { kind: 'model', method: 'parameters' },
          line: SEQ_LINE,
          suggestions: [
            { messageId: 'useProperty', data: { replacement: 'trainableWeights' }, output: `${SEQ}const ps = model.trainableWeights;\nfor (const [n, p] of model.layers[0].named_parameters()) log(n);` },
            { messageId: 'useProperty', data: { replacement: 'weights' }, output: `${SEQ}const ps = model.weights;\nfor (const [n, p] of model.layers[0].named_parameters()) log(n);` },
          ],
        },
        {
          messageId: 'parameters',
          data: { kind: 'layer', method: 'named_parameters' },
          line: SEQ_LINE + 1,
          suggestions: [
            { messageId: 'useProperty', output: `${SEQ}const ps = model.parameters();\nfor (const [n, p] of model.layers[0].trainableWeights) log(n);` },
            { messageId: 'useProperty', output: `${SEQ}const ps = model.parameters();\nfor (const [n, p] of model.layers[0].weights) log(n);` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'state_dict() / load_state_dict(sd)',
      code: `${SEQ}const sd = model.state_dict();\nmodel.load_state_dict(sd);`,
      errors: [
        { messageId: 'stateDict', line: SEQ_LINE, suggestions: [{ messageId: 'useMethod', data: { replacement: 'getWeights' }, output: `${SEQ}const sd = model.getWeights();\nmodel.load_state_dict(sd);` }] },
        { messageId: 'loadStateDict', line: SEQ_LINE + 1, suggestions: [{ messageId: 'useMethod', data: { replacement: 'setWeights' }, output: `${SEQ}const sd = model.state_dict();\nmodel.setWeights(sd);` }] },
      ],
      output: null,
    },
    {
      name: 'device moves with no or literal arguments are removed by the autofix',
      code: `${SEQ}model.cuda();\nif (gpu) model.to('cuda:0');\nconst y = model.cpu().predict(x);`,
      errors: [
        { messageId: 'device', data: { kind: 'model', method: 'cuda' }, line: SEQ_LINE, column: 7, suggestions: [] },
        { messageId: 'device', data: { kind: 'model', method: 'to' }, line: SEQ_LINE + 1, suggestions: [] },
        { messageId: 'device', data: { kind: 'model', method: 'cpu' }, line: SEQ_LINE + 2, suggestions: [] },
      ],
      output: `${SEQ}if (gpu) {}\nconst y = model.predict(x);`,
    },
    {
      name: 'to(device) with a non-literal argument is only a suggestion',
      code: `${SEQ}const net = model.to(device);`,
      errors: [
        { messageId: 'device', data: { kind: 'model', method: 'to' }, line: SEQ_LINE, suggestions: [{ messageId: 'removeCall', data: { method: 'to' }, output: `${SEQ}const net = model;` }] },
      ],
      output: null,
    },
    {
      name: 'a device move with a comment inside is only a suggestion',
      code: `${SEQ}model.to(/* gpu */ 'cuda');`,
      errors: [{ messageId: 'device', line: SEQ_LINE, suggestions: [{ messageId: 'removeCall', output: `${SEQ}` }] }],
      output: null,
    },
    {
      name: 'a device move on a call receiver keeps the call (its side effects)',
      code: `async function go() {\n  (await TF.loadLayersModel('m.json')).cuda();\n}`,
      errors: [{ messageId: 'device', line: 2, suggestions: [] }],
      output: `async function go() {\n  (await TF.loadLayersModel('m.json'));\n}`,
    },
    {
      name: 'zero_grad() on a model: removal suggestion',
      code: `${SEQ}model.zero_grad();`,
      errors: [{ messageId: 'zeroGrad', data: { kind: 'model', method: 'zero_grad' }, line: SEQ_LINE, suggestions: [{ messageId: 'removeCall', output: `${SEQ}` }] }],
      output: null,
    },
    {
      name: 'children() on a model, modules() on a layer',
      code: `${SEQ}const kids = model.children();\nconst d = TF.layers.dense({units: 2});\nconst mods = d.modules();`,
      errors: [
        { messageId: 'children', line: SEQ_LINE, suggestions: [{ messageId: 'useProperty', data: { replacement: 'layers' }, output: `${SEQ}const kids = model.layers;\nconst d = TF.layers.dense({units: 2});\nconst mods = d.modules();` }] },
        { messageId: 'children', data: { kind: 'layer', method: 'modules' }, line: SEQ_LINE + 2, suggestions: [] },
      ],
      output: null,
    },
    {
      name: 'Keras count_params() is fixed to countParams()',
      code: `${SEQ}console.log(model.count_params());`,
      errors: [{ messageId: 'countParams', line: SEQ_LINE, suggestions: [] }],
      output: `${SEQ}console.log(model.countParams());`,
    },
    {
      name: 'num_parameters() suggests countParams()',
      code: `${SEQ}const n = model.num_parameters();`,
      errors: [{ messageId: 'numParameters', line: SEQ_LINE, suggestions: [{ messageId: 'useMethod', data: { replacement: 'countParams' }, output: `${SEQ}const n = model.countParams();` }] }],
      output: null,
    },
    {
      name: 'requires_grad = false on a layer, and read on a model',
      code: `${SEQ}model.layers[0].requires_grad = false;\nif (model.requiresGrad) train();`,
      errors: [
        {
          messageId: 'requiresGradWrite',
          data: { kind: 'layer', property: 'requires_grad' },
          line: SEQ_LINE,
          column: 17,
          suggestions: [{ messageId: 'useTrainable', output: `${SEQ}model.layers[0].trainable = false;\nif (model.requiresGrad) train();` }],
        },
        {
          messageId: 'requiresGradRead',
          data: { kind: 'model', property: 'requiresGrad' },
          line: SEQ_LINE + 1,
          suggestions: [{ messageId: 'useTrainable', output: `${SEQ}model.layers[0].requires_grad = false;\nif (model.trainable) train();` }],
        },
      ],
      output: null,
    },
    {
      name: 'after a requires_grad write, reads are not undefined: only the write is reported',
      code: `const d = TF.layers.dense({units: 1});\nd.requires_grad = flag;\nif (d.requires_grad) go();`,
      errors: [{ messageId: 'requiresGradWrite', line: 2, suggestions: [{ messageId: 'useTrainable', output: `const d = TF.layers.dense({units: 1});\nd.trainable = flag;\nif (d.requires_grad) go();` }] }],
      output: null,
    },
    {
      name: 'parenthesized callee: the whole call is rewritten (found by the fuzzer)',
      code: `;(TF.layers.dropout({rate: 0.5}))(x)\nconst y = 1`,
      errors: [
        {
          messageId: 'callModule',
          line: 1,
          suggestions: [
            { messageId: 'useApply', output: `;TF.layers.dropout({rate: 0.5}).apply(x)\nconst y = 1` },
            { messageId: 'useApplyTraining', output: `;TF.layers.dropout({rate: 0.5}).apply(x, {training: true})\nconst y = 1` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'forward on an awaited model keeps the parentheses; a sequence argument keeps its own',
      code: `async function go() {\n  return (await TF.loadLayersModel('m.json')).forward((log(), x));\n}`,
      errors: [
        {
          messageId: 'forward',
          line: 2,
          suggestions: [
            { messageId: 'useApply', output: `async function go() {\n  return (await TF.loadLayersModel('m.json')).apply((log(), x));\n}` },
            { messageId: 'useApplyTraining', output: `async function go() {\n  return (await TF.loadLayersModel('m.json')).apply((log(), x), {training: true});\n}` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'parenthesized method callee: no property-replacing suggestion',
      code: `${SEQ}const ps = (model.parameters)();`,
      errors: [{ messageId: 'parameters', line: SEQ_LINE, suggestions: [] }],
      output: null,
    },
    {
      name: 'requires_grad++ is a write without a rename suggestion',
      code: `${SEQ}model.requires_grad++;`,
      errors: [{ messageId: 'requiresGradWrite', line: SEQ_LINE, suggestions: [] }],
      output: null,
    },
    {
      name: 'model[\'forward\'](x) with a computed name',
      code: `${SEQ}model['forward'](x);`,
      errors: [
        {
          messageId: 'forward',
          line: SEQ_LINE,
          suggestions: [
            { messageId: 'useApply', output: `${SEQ}model['apply'](x);` },
            { messageId: 'useApplyTraining', output: `${SEQ}model['apply'](x, {training: true});` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'requires_grad_(false) on a model',
      code: `${SEQ}model.requires_grad_(false);`,
      errors: [{ messageId: 'requiresGradCall', line: SEQ_LINE, suggestions: [{ messageId: 'useTrainable', output: `${SEQ}model.trainable = false;` }] }],
      output: null,
    },
    {
      name: 'annotated LayersModel parameter',
      code: `function save(m: TF.LayersModel) {\n  return m.state_dict();\n}`,
      errors: [{ messageId: 'stateDict', line: 2, suggestions: [{ messageId: 'useMethod', output: `function save(m: TF.LayersModel) {\n  return m.getWeights();\n}` }] }],
      output: null,
    },
  ]),
});

// Regressions found by the generated-program fuzzer (npm run fuzz): suggestions must not change how ASI reads the file.
createRuleTester().run('no-torch-module-api (ASI-safe suggestions)', rule, {
  valid: [],
  invalid: [
    {
      name: 'requires_grad_() on a non-null-asserted model after a line without a semicolon',
      code: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\nm!.requires_grad_(false)`,
      errors: [
        {
          messageId: 'requiresGradCall',
          line: 3,
          suggestions: [{ messageId: 'useTrainable', output: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\nm!.trainable = false` }],
        },
      ],
      output: null,
    },
    {
      name: 'the body of a braceless if gets no semicolon: it would end the body and move the write out of the if',
      code: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\nif (frozen) (m as tf.LayersModel).requires_grad_(false)\nelse (m as tf.LayersModel).requires_grad_(true)`,
      errors: [
        {
          messageId: 'requiresGradCall',
          line: 3,
          suggestions: [{ messageId: 'useTrainable', output: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\nif (frozen) (m as tf.LayersModel).trainable = false\nelse (m as tf.LayersModel).requires_grad_(true)` }],
        },
        {
          messageId: 'requiresGradCall',
          line: 4,
          suggestions: [{ messageId: 'useTrainable', output: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\nif (frozen) (m as tf.LayersModel).requires_grad_(false)\nelse (m as tf.LayersModel).trainable = true` }],
        },
      ],
      output: null,
    },
    {
      name: 'requires_grad_() on a parenthesised receiver gets a leading semicolon',
      code: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\n;(m as tf.LayersModel).requires_grad_(false)`,
      errors: [
        {
          messageId: 'requiresGradCall',
          line: 3,
          suggestions: [{ messageId: 'useTrainable', output: `import * as tf from '@tensorflow/tfjs'\nconst m = await tf.loadLayersModel('m.json')\n;(m as tf.LayersModel).trainable = false` }],
        },
      ],
      output: null,
    },
  ],
});
