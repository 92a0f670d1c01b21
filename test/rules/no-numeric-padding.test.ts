import rule from '../../rules/no-numeric-padding.js';
import { createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** Forms where `tf` itself is a namespace value (`tf.pad` can be written next to `tf.conv1d`). */
const NAMESPACE_FORMS = IMPORT_FORMS.filter((f) => f.ref('conv1d') === 'tf.conv1d');
const BARE_FORMS = IMPORT_FORMS.filter((f) => f.ref('conv1d') !== 'tf.conv1d');

const valid = [
  { name: "'same' and 'valid' are tfjs padding modes", code: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: 'same'});\nTF.layers.maxPooling2d({poolSize: 2, padding: 'valid'});` },
  { name: 'no padding option at all', code: `TF.layers.conv2d({filters: 8, kernelSize: 3});` },
  { name: 'zeroPadding2d takes a numeric padding by design', code: `TF.layers.zeroPadding2d({padding: 1});\nTF.layers.zeroPadding2d({padding: [[1, 0], [1, 0]]});` },
  { name: 'padding from a variable is not literal: unknown, not reported', code: `function make(mode) { return TF.layers.conv2d({filters: 8, kernelSize: 3, padding: mode}); }` },
  { name: "'same' on conv1d is a valid mode", code: `TF.layers.conv1d({filters: 8, kernelSize: 3, padding: 'same'});` },
  { name: 'a layer without a padding mode (dense) is out of scope', code: `TF.layers.dense({units: 3, padding: 1});` },
  { name: 'op-level tf.conv2d takes a numeric pad and computes exactly PyTorch padding', code: `const y = TF.conv2d(x, f, 1, 1);\nconst z = TF.maxPool(x, 3, 1, 1);` },
  { name: "op-level lower-case modes are fine", code: `const y = TF.conv2d(x, f, 1, 'same');\nconst z = TF.conv1d(x, f, 1, 'valid');` },
  { name: 'CSS-like style objects with numeric padding', code: `const style = {padding: 1, margin: 2};\nel.style({padding: 1});\nconst b = TF.layers.dense({units: 1});` },
  { name: "another library's ConvLayer with numeric padding", code: `import { ConvLayer } from 'convnetjs';\nconst c = new ConvLayer({padding: 1, kernelSize: 3});\nconst d = TF.layers.dense({units: 1});` },
  { name: "a user's own conv2d() helper", code: `function conv2d(cfg) { return cfg; }\nconv2d({filters: 8, kernelSize: 3, padding: 1});\nTF.layers.dense({units: 1});` },
  { name: 'a local object named layers is not tfjs', code: `const layers = makeLayers();\nlayers.conv2d({kernelSize: 3, padding: 1});\nTF.layers.dense({units: 1});` },
  { name: 'ml5/brain.js-style configs are not tfjs layers', code: `const nn = ml5.neuralNetwork({padding: 1});\nconst net = new brain.NeuralNetwork({padding: 1});\nTF.layers.dense({units: 1});` },
  { name: 'a spread config cannot be read', code: `TF.layers.conv2d({...base});` },
  { name: 'a spread after padding may override it', code: `TF.layers.conv2d({padding: 1, kernelSize: 3, ...overrides});` },
  { name: 'op calls with spread arguments are not read', code: `TF.conv1d(...args);\nTF.conv2d(x, f, ...rest);` },
];

ruleTester.run('no-numeric-padding', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [
        { name: 'look-alike tf: conv2d padding 1', code: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: 1});\nTF.layers.maxPooling2d({padding: 'SAME'});\nTF.conv1d(x, f, 1, 1);` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: [
    ...invalidAcross([
      {
        name: "padding: 1 with a 3x3 kernel and stride 1 is exactly 'same': autofix",
        code: `const c = TF.layers.conv2d({\n  filters: 8, kernelSize: 3, padding: 1,\n});`,
        output: `const c = TF.layers.conv2d({\n  filters: 8, kernelSize: 3, padding: 'same',\n});`,
        errors: [{ messageId: 'numericPadding', data: { value: '1', layer: 'conv2d()', advice: "Here 'same' pads exactly like PyTorch." }, line: 2, column: 39, endColumn: 40 }],
      },
      {
        name: "padding: 0 is exactly 'valid'; a comment before the value is kept",
        code: `TF.layers.conv2d({filters: 8, kernelSize: 5, padding: /* torch: padding=0 */ 0});`,
        output: `TF.layers.conv2d({filters: 8, kernelSize: 5, padding: /* torch: padding=0 */ 'valid'});`,
        errors: [{ messageId: 'numericPadding', data: { value: '0', layer: 'conv2d()', advice: "Here 'valid' pads exactly like PyTorch." }, line: 1 }],
      },
      {
        name: "a PyTorch tuple [1, 2] with a [3, 5] kernel is exactly 'same'",
        code: `TF.layers.conv2d({filters: 8, kernelSize: [3, 5], padding: [1, 2]});`,
        output: `TF.layers.conv2d({filters: 8, kernelSize: [3, 5], padding: 'same'});`,
        errors: [{ messageId: 'numericPadding', data: { value: '[1, 2]', layer: 'conv2d()', advice: "Here 'same' pads exactly like PyTorch." } }],
      },
      {
        name: 'dilation 2 with kernel 3 and padding 2 (effective kernel 5) is exactly same',
        code: `TF.layers.conv2d({filters: 8, kernelSize: 3, dilationRate: 2, padding: 2});`,
        output: `TF.layers.conv2d({filters: 8, kernelSize: 3, dilationRate: 2, padding: 'same'});`,
        errors: [{ messageId: 'numericPadding', line: 1 }],
      },
      {
        name: 'conv1d, conv3d and depthwiseConv2d with p = (k-1)/2 at stride 1',
        code: `TF.layers.conv1d({filters: 8, kernelSize: 5, padding: 2});\nTF.layers.conv3d({filters: 8, kernelSize: 3, padding: 1});\nTF.layers.depthwiseConv2d({kernelSize: 3, strides: 1, padding: 1});`,
        output: `TF.layers.conv1d({filters: 8, kernelSize: 5, padding: 'same'});\nTF.layers.conv3d({filters: 8, kernelSize: 3, padding: 'same'});\nTF.layers.depthwiseConv2d({kernelSize: 3, strides: 1, padding: 'same'});`,
        errors: [
          { messageId: 'numericPadding', line: 1 },
          { messageId: 'numericPadding', line: 2 },
          { messageId: 'numericPadding', line: 3 },
        ],
      },
      {
        name: "maxPooling2d with explicit stride 1 and padding (k-1)/2 is exactly 'same' (both ignore the pads)",
        code: `TF.layers.maxPooling2d({poolSize: 3, strides: 1, padding: 1});`,
        output: `TF.layers.maxPooling2d({poolSize: 3, strides: 1, padding: 'same'});`,
        errors: [{ messageId: 'numericPadding', data: { value: '1', layer: 'maxPooling2d()', advice: "Here 'same' pads exactly like PyTorch." } }],
      },
      {
        name: "conv2dTranspose k=4 s=2 p=1 (DCGAN) is exactly 'same'",
        code: `TF.layers.conv2dTranspose({filters: 8, kernelSize: 4, strides: 2, padding: 1});`,
        output: `TF.layers.conv2dTranspose({filters: 8, kernelSize: 4, strides: 2, padding: 'same'});`,
        errors: [{ messageId: 'numericPadding', line: 1 }],
      },
      {
        name: 'conv2dTranspose k=3 s=2 p=1 has no tfjs mode equivalent: report only',
        code: `TF.layers.conv2dTranspose({filters: 8, kernelSize: 3, strides: 2, padding: 1});`,
        output: null,
        errors: [{ messageId: 'numericPadding', data: { value: '1', layer: 'conv2dTranspose()', advice: "Pad the input with a zeroPadding2d layer or tf.pad and use 'valid'." }, suggestions: [] }],
      },
      {
        name: 'conv1d with an even kernel: no equivalent mode and no zeroPadding1d',
        code: `TF.layers.conv1d({filters: 8, kernelSize: 4, padding: 2});`,
        output: null,
        errors: [{ messageId: 'numericPadding', data: { value: '2', layer: 'conv1d()', advice: "tfjs has no zeroPadding1d/3d layer: pad the input with tf.pad and use 'valid'." }, suggestions: [] }],
      },
      {
        name: 'stride 2 first layer of a Sequential: insert zeroPadding2d (inputShape moves) or use same with the alignment caveat',
        code: `const model = TF.sequential({\n  layers: [\n    TF.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, padding: 1}),\n    TF.layers.flatten(),\n  ],\n});`,
        output: null,
        errors: [
          {
            messageId: 'numericPadding',
            data: { value: '1', layer: 'conv2d()', advice: "Put a zeroPadding2d layer before it and use 'valid' (PyTorch's result)." },
            line: 3,
            suggestions: [
              {
                messageId: 'insertZeroPadding',
                output: `const model = TF.sequential({\n  layers: [\n    TF.layers.zeroPadding2d({inputShape: [28, 28, 1], padding: 1}),\n    TF.layers.conv2d({filters: 8, kernelSize: 3, strides: 2, padding: 'valid'}),\n    TF.layers.flatten(),\n  ],\n});`,
              },
              {
                messageId: 'useSame',
                output: `const model = TF.sequential({\n  layers: [\n    TF.layers.conv2d({inputShape: [28, 28, 1], filters: 8, kernelSize: 3, strides: 2, padding: 'same'}),\n    TF.layers.flatten(),\n  ],\n});`,
              },
            ],
          },
        ],
      },
      {
        name: 'max pooling stride 2 via model.add(): zeroPadding2d is exact only for non-negative inputs',
        code: `const net = TF.sequential();\nnet.add(TF.layers.maxPooling2d({poolSize: 3, strides: 2, padding: 1}));`,
        output: null,
        errors: [
          {
            messageId: 'numericPadding',
            data: { value: '1', layer: 'maxPooling2d()', advice: "Put a zeroPadding2d layer before it and use 'valid' (exact for non-negative inputs)." },
            line: 2,
            suggestions: [
              { messageId: 'insertZeroPadding', output: `const net = TF.sequential();\nnet.add(TF.layers.zeroPadding2d({padding: 1}));\nnet.add(TF.layers.maxPooling2d({poolSize: 3, strides: 2, padding: 'valid'}));` },
              { messageId: 'useSame', output: `const net = TF.sequential();\nnet.add(TF.layers.maxPooling2d({poolSize: 3, strides: 2, padding: 'same'}));` },
            ],
          },
        ],
      },
      {
        name: "average pooling: 'same' excludes pads from the divisor, so suggestions only (default strides = poolSize)",
        code: `class Net {\n  constructor() {\n    this.model = TF.sequential();\n    this.model.add(TF.layers.averagePooling2d({poolSize: 3, strides: 1, padding: 1, dataFormat: 'channelsLast'}));\n  }\n}`,
        output: null,
        errors: [
          {
            messageId: 'numericPadding',
            line: 4,
            suggestions: [
              {
                messageId: 'insertZeroPadding',
                output: `class Net {\n  constructor() {\n    this.model = TF.sequential();\n    this.model.add(TF.layers.zeroPadding2d({padding: 1, dataFormat: 'channelsLast'}));\n    this.model.add(TF.layers.averagePooling2d({poolSize: 3, strides: 1, padding: 'valid', dataFormat: 'channelsLast'}));\n  }\n}`,
              },
              {
                messageId: 'useSame',
                output: `class Net {\n  constructor() {\n    this.model = TF.sequential();\n    this.model.add(TF.layers.averagePooling2d({poolSize: 3, strides: 1, padding: 'same', dataFormat: 'channelsLast'}));\n  }\n}`,
              },
            ],
          },
        ],
      },
      {
        name: 'the inserted layer follows the brace spacing of the layer config',
        code: `const net = TF.sequential();\nnet.add(TF.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 1 }));`,
        output: null,
        errors: [
          {
            messageId: 'numericPadding',
            suggestions: [
              { messageId: 'insertZeroPadding', output: `const net = TF.sequential();\nnet.add(TF.layers.zeroPadding2d({ padding: 1 }));\nnet.add(TF.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'valid' }));` },
              { messageId: 'useSame', output: `const net = TF.sequential();\nnet.add(TF.layers.conv2d({ filters: 8, kernelSize: 3, strides: 2, padding: 'same' }));` },
            ],
          },
        ],
      },
      {
        name: 'a non-literal kernel size: no autofix, no same suggestion; zeroPadding2d still exact',
        code: `const m = TF.sequential({layers: [TF.layers.conv2d({filters: 8, kernelSize: k, padding: 1})]});`,
        output: null,
        errors: [{ messageId: 'numericPadding', suggestions: [{ messageId: 'insertZeroPadding', output: `const m = TF.sequential({layers: [TF.layers.zeroPadding2d({padding: 1}), TF.layers.conv2d({filters: 8, kernelSize: k, padding: 'valid'})]});` }] }],
      },
      {
        name: 'a layer outside a model definition gets no insertion suggestion',
        code: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3, strides: 2, padding: 1});`,
        output: null,
        errors: [{ messageId: 'numericPadding', data: { value: '1', layer: 'conv2d()', advice: "Pad the input with a zeroPadding2d layer or tf.pad and use 'valid'." }, suggestions: [{ messageId: 'useSame', output: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3, strides: 2, padding: 'same'});` }] }],
      },
      {
        name: 'a spread before the options hides strides: no autofix',
        code: `TF.layers.conv2d({...base, kernelSize: 3, padding: 1});`,
        output: null,
        errors: [{ messageId: 'numericPadding', suggestions: [] }],
      },
      {
        name: 'a comment inside an array pad blocks the autofix',
        code: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: [1, /* w */ 1]});`,
        output: null,
        errors: [{ messageId: 'numericPadding', suggestions: [] }],
      },
      {
        name: "upper-case modes: autofix to lower case, quotes kept",
        code: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: 'SAME'});\nTF.layers.maxPool2d({padding: "VALID"});\nTF.layers.avgPool2d({padding: 'Same'});`,
        output: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: 'same'});\nTF.layers.maxPool2d({padding: "valid"});\nTF.layers.avgPool2d({padding: 'same'});`,
        errors: [
          { messageId: 'wrongCase', data: { value: '"SAME"', fixed: "'same'", error: '"is not a valid PaddingMode" when the layer is built' }, line: 1 },
          { messageId: 'wrongCase', data: { value: '"VALID"', fixed: "'valid'", error: '"is not a valid PaddingMode" when the layer is built' }, line: 2 },
          { messageId: 'wrongCase', line: 3 },
        ],
      },
      {
        name: "PyTorch's padding_mode value 'zeros' is not a mode",
        code: `TF.layers.conv2d({filters: 8, kernelSize: 3, padding: 'zeros'});`,
        output: null,
        errors: [{ messageId: 'unknownMode', data: { value: '"zeros"' } }],
      },
      {
        name: "'causal' on pooling and depthwise layers is silently 'valid'",
        code: `TF.layers.maxPooling1d({poolSize: 2, padding: 'causal'});\nTF.layers.depthwiseConv2d({kernelSize: 3, padding: 'causal'});`,
        output: null,
        errors: [
          { messageId: 'causalIgnored', data: { layer: 'maxPooling1d()' }, line: 1, suggestions: [{ messageId: 'useValid', output: `TF.layers.maxPooling1d({poolSize: 2, padding: 'valid'});\nTF.layers.depthwiseConv2d({kernelSize: 3, padding: 'causal'});` }] },
          { messageId: 'causalIgnored', data: { layer: 'depthwiseConv2d()' }, line: 2, suggestions: [{ messageId: 'useValid', output: `TF.layers.maxPooling1d({poolSize: 2, padding: 'causal'});\nTF.layers.depthwiseConv2d({kernelSize: 3, padding: 'valid'});` }] },
        ],
      },
      {
        name: "'causal' on conv1d throws NotImplementedError at apply; on separableConv2d at construction",
        code: `TF.layers.conv1d({filters: 8, kernelSize: 3, padding: 'causal'});\nTF.layers.separableConv2d({filters: 8, kernelSize: 3, padding: 'causal'});`,
        output: null,
        errors: [
          { messageId: 'causalThrows', data: { layer: 'conv1d()', when: 'NotImplementedError when the layer is applied' }, line: 1 },
          { messageId: 'causalThrows', data: { layer: 'separableConv2d()', when: 'ValueError when the layer is built' }, line: 2 },
        ],
      },
      {
        name: "op-level 'SAME' throws \"Unknown padding parameter\": autofix to lower case",
        code: `const y = TF.conv2d(x, f, 1, 'SAME');\nconst z = TF.maxPool(x, 2, 2, 'VALID');`,
        output: `const y = TF.conv2d(x, f, 1, 'same');\nconst z = TF.maxPool(x, 2, 2, 'valid');`,
        errors: [
          { messageId: 'wrongCase', data: { value: '"SAME"', fixed: "'same'", error: '"Unknown padding parameter: SAME"' }, line: 1 },
          { messageId: 'wrongCase', line: 2 },
        ],
      },
      {
        name: 'tf.conv1d with pad 0 silently keeps the length: suggest valid',
        code: `const y = TF.conv1d(x, f, 1, 0);`,
        output: null,
        errors: [{ messageId: 'conv1dPad', suggestions: [{ messageId: 'zeroThenValid', output: `const y = TF.conv1d(x, f, 1, 'valid');` }] }],
      },
    ]),
    ...invalidAcross(
      [
        {
          name: 'tf.conv1d with a numeric pad: suggest tf.pad + valid through the same namespace',
          code: `const y = TF.conv1d(batch.xs, f, 2, 1);`,
          output: null,
          errors: [
            {
              messageId: 'conv1dPad',
              suggestions: [{ messageId: 'padThenValid', output: `const y = TF.conv1d(TF.pad(batch.xs, [[0, 0], [1, 1], [0, 0]]), f, 2, 'valid');` }],
            },
          ],
        },
      ],
      NAMESPACE_FORMS,
    ),
    ...invalidAcross(
      [
        {
          name: 'tf.conv1d imported by name: tf.pad is not in scope, report only',
          code: `const y = TF.conv1d(x, f, 1, [[0, 0], [1, 1], [0, 0]]);`,
          output: null,
          errors: [{ messageId: 'conv1dPad', suggestions: [] }],
        },
      ],
      BARE_FORMS,
    ),
  ],
});
