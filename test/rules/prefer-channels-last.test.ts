import rule from '../../rules/prefer-channels-last.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'channelsLast is the native layout', code: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3, dataFormat: 'channelsLast'});` },
  { name: 'no dataFormat (channelsLast default)', code: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3});` },
  { name: 'the tf.conv2d op runs NCHW natively', code: `const y = TF.conv2d(x, f, 1, 'same', 'NCHW');` },
  { name: 'dataFormat from a variable is not guessed', code: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3, dataFormat: fmt});` },
  { name: 'globalAveragePooling2d handles channelsFirst natively (no transpose)', code: `const g = TF.layers.globalAveragePooling2d({dataFormat: 'channelsFirst'});` },
  { name: 'zeroPadding2d handles channelsFirst natively', code: `const z = TF.layers.zeroPadding2d({padding: 1, dataFormat: 'channelsFirst'});` },
  { name: 'flatten channelsFirst is about element order, not speed', code: `const f = TF.layers.flatten({dataFormat: 'channelsFirst'});` },
  { name: 'separableConv2d with a run-time useBias is not guessed', code: `const s = TF.layers.separableConv2d({filters: 4, kernelSize: 3, useBias: bias, dataFormat: 'channelsFirst'});` },
  { name: 'a user object with dataFormat', code: `const settings = {dataFormat: 'channelsFirst'};\nconfigure(settings);` },
  { name: 'a non-tfjs library conv2d', code: `const c = keras.layers.conv2d({filters: 8, dataFormat: 'channelsFirst'});` },
  {
    name: 'BatchNormalization with axis: 1 after a channelsFirst layer (zeroPadding2d is native, not reported)',
    code: `const m = TF.sequential({layers: [TF.layers.zeroPadding2d({padding: 1, dataFormat: 'channelsFirst'}), TF.layers.batchNormalization({axis: 1})]});`,
  },
  { name: 'BatchNormalization after a channelsLast conv', code: `const m = TF.sequential({layers: [TF.layers.conv2d({filters: 8, kernelSize: 3}), TF.layers.batchNormalization()]});` },
  { name: 'BatchNormalization after globalAveragePooling2d (2D output)', code: `const m = [TF.layers.globalAveragePooling2d({dataFormat: 'channelsFirst'}), TF.layers.batchNormalization()];` },
  { name: 'BatchNormalization after flatten', code: `const m = [TF.layers.flatten(), TF.layers.batchNormalization()];` },
  { name: 'BatchNormalization first in the list', code: `const m = [TF.layers.batchNormalization(), TF.layers.dense({units: 1})];` },
  { name: 'BatchNormalization with a config variable', code: `const m = [TF.layers.conv2d({filters: 8, kernelSize: 3, dataFormat: fmt}), TF.layers.batchNormalization(bnCfg)];` },
  { name: 'spread after dataFormat may override it', code: `const c = TF.layers.conv2d({dataFormat: 'channelsFirst', ...cfg});` },
];

ruleTester.run('prefer-channels-last', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross([{ name: 'look-alike tf: conv2d channelsFirst', code: `const c = TF.layers.conv2d({filters: 8, kernelSize: 3, dataFormat: 'channelsFirst'});` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross([
    {
      name: 'conv2d channelsFirst (column checked on a multi-line config)',
      code: `const conv = TF.layers.conv2d({\n  filters: 64,\n  kernelSize: 3,\n  dataFormat: 'channelsFirst',\n});`,
      errors: [{ messageId: 'transposes', data: { layer: 'conv2d' }, line: 4, column: 15, endLine: 4, endColumn: 30 }],
      output: null,
    },
    {
      name: 'a PyTorch-shaped sequential: conv + pool + upsampling',
      code: [
        `const model = TF.sequential({ layers: [`,
        `  TF.layers.conv2d({ inputShape: [3, 32, 32], filters: 16, kernelSize: 3, dataFormat: 'channelsFirst' }),`,
        `  TF.layers.maxPooling2d({ poolSize: 2, dataFormat: "channelsFirst" }),`,
        `  TF.layers.upSampling2d({ size: [2, 2], dataFormat: \`channelsFirst\` }),`,
        `  TF.layers.averagePooling3d({ poolSize: 2, dataFormat: 'channelsFirst' }),`,
        `] });`,
      ].join('\n'),
      errors: [
        { messageId: 'transposes', data: { layer: 'conv2d' }, line: 2 },
        { messageId: 'transposes', data: { layer: 'maxPooling2d' }, line: 3 },
        { messageId: 'transposes', data: { layer: 'upSampling2d' }, line: 4 },
        { messageId: 'transposes', data: { layer: 'averagePooling3d' }, line: 5 },
      ],
      output: null,
    },
    {
      name: 'separableConv2d without useBias: false throws',
      code: `const s = TF.layers.separableConv2d({filters: 4, kernelSize: 3, dataFormat: 'channelsFirst'});`,
      errors: [{ messageId: 'separableThrows', data: { layer: 'separableConv2d' }, line: 1 }],
      output: null,
    },
    {
      name: 'separableConv2d with useBias: false only transposes',
      code: `const s = TF.layers.separableConv2d({filters: 4, kernelSize: 3, useBias: false, dataFormat: 'channelsFirst'});`,
      errors: [{ messageId: 'transposes', data: { layer: 'separableConv2d' }, line: 1 }],
      output: null,
    },
    {
      name: 'conv1d channelsFirst returns channels-last output',
      code: `const c = TF.layers.conv1d({filters: 4, kernelSize: 3, dataFormat: 'channelsFirst'});`,
      errors: [{ messageId: 'conv1dOutput', data: { layer: 'conv1d' }, line: 1 }],
      output: null,
    },
    {
      name: 'maxPooling1d ignores dataFormat',
      code: `const p = TF.layers.maxPooling1d({poolSize: 2, dataFormat: 'channelsFirst'});\nconst q = TF.layers.avgPool1d({poolSize: 2, dataFormat: 'channelsFirst'});`,
      errors: [
        { messageId: 'ignored', data: { layer: 'maxPooling1d' }, line: 1 },
        { messageId: 'ignored', data: { layer: 'avgPool1d' }, line: 2 },
      ],
      output: null,
    },
    {
      name: 'BatchNormalization() right after a channelsFirst conv normalises W: suggestion adds axis: 1',
      code: `const model = TF.sequential({layers: [\n  TF.layers.conv2d({inputShape: [3, 32, 32], filters: 8, kernelSize: 3, dataFormat: 'channelsFirst'}),\n  TF.layers.batchNormalization(),\n]});`,
      errors: [
        { messageId: 'transposes', data: { layer: 'conv2d' }, line: 2 },
        {
          messageId: 'batchNormAxis',
          data: { layer: 'conv2d' },
          line: 3,
          suggestions: [
            {
              messageId: 'addAxis',
              output: `const model = TF.sequential({layers: [\n  TF.layers.conv2d({inputShape: [3, 32, 32], filters: 8, kernelSize: 3, dataFormat: 'channelsFirst'}),\n  TF.layers.batchNormalization({axis: 1}),\n]});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'element-wise layers in between are skipped; existing options kept',
      code: `const blocks = [\n  TF.layers.maxPooling2d({poolSize: 2, dataFormat: 'channelsFirst'}),\n  TF.layers.reLU(),\n  TF.layers.batchNormalization({momentum: 0.9}),\n];`,
      errors: [
        { messageId: 'transposes', data: { layer: 'maxPooling2d' }, line: 2 },
        {
          messageId: 'batchNormAxis',
          data: { layer: 'maxPooling2d' },
          line: 4,
          suggestions: [
            {
              messageId: 'addAxis',
              output: `const blocks = [\n  TF.layers.maxPooling2d({poolSize: 2, dataFormat: 'channelsFirst'}),\n  TF.layers.reLU(),\n  TF.layers.batchNormalization({axis: 1, momentum: 0.9}),\n];`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'explicit axis: -1 after zeroPadding2d channelsFirst (column on the value)',
      code: `const blocks = [\n  TF.layers.zeroPadding2d({padding: 1, dataFormat: 'channelsFirst'}),\n  TF.layers.batchNormalization({\n    axis: -1,\n  }),\n];`,
      errors: [
        {
          messageId: 'batchNormAxis',
          data: { layer: 'zeroPadding2d' },
          line: 4,
          column: 11,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addAxis',
              output: `const blocks = [\n  TF.layers.zeroPadding2d({padding: 1, dataFormat: 'channelsFirst'}),\n  TF.layers.batchNormalization({\n    axis: 1,\n  }),\n];`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'empty config with a comment: axis inserted, comment kept',
      code: `const blocks = [TF.layers.upSampling2d({size: [2, 2], dataFormat: 'channelsFirst'}), TF.layers.batchNormalization({ /* torch: BatchNorm2d(8) */ })];`,
      errors: [
        { messageId: 'transposes', data: { layer: 'upSampling2d' }, line: 1 },
        {
          messageId: 'batchNormAxis',
          data: { layer: 'upSampling2d' },
          line: 1,
          suggestions: [
            {
              messageId: 'addAxis',
              output: `const blocks = [TF.layers.upSampling2d({size: [2, 2], dataFormat: 'channelsFirst'}), TF.layers.batchNormalization({axis: 1 /* torch: BatchNorm2d(8) */ })];`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'destructured layers namespace and TS cast',
      code: `const { conv2dTranspose } = TF.layers;\nconst up = conv2dTranspose({filters: 3, kernelSize: 2, dataFormat: 'channelsFirst' as const});`,
      errors: [{ messageId: 'transposes', data: { layer: 'conv2dTranspose' }, line: 2 }],
      output: null,
    },
  ]),
});
