import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../rules/no-torch-batchnorm-momentum.js';
import { complementLiteral } from '../../src/engine/layer-config.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

describe('complementLiteral: 1 - m without float noise', () => {
  for (const [m, want] of [
    [0.1, '0.9'],
    [0.01, '0.99'],
    [0.001, '0.999'],
    [0.3, '0.7'],
    [0.03, '0.97'],
    [1e-7, '0.9999999'],
    [0, '1'],
    [0.49, '0.51'],
    [0.125, '0.875'],
  ] as const) {
    it(`${m} -> ${want}`, () => assert.equal(complementLiteral(m), want));
  }
});

const valid = [
  { name: 'tfjs-convention momentum 0.9', code: `const bn = TF.layers.batchNormalization({momentum: 0.9});` },
  { name: 'default momentum (0.99)', code: `const bn = TF.layers.batchNormalization({axis: 1});` },
  { name: 'momentum exactly 0.5 is ambiguous, not reported', code: `const bn = TF.layers.batchNormalization({momentum: 0.5});` },
  { name: 'a let variable may change: not guessed', code: `let m = 0.1;\nconst bn = TF.layers.batchNormalization({momentum: m});` },
  { name: 'a const holding a tfjs-convention value', code: `const BN_MOMENTUM = 0.99;\nconst bn = TF.layers.batchNormalization({momentum: BN_MOMENTUM});` },
  { name: 'non-literal momentum is not guessed', code: `const bn = TF.layers.batchNormalization({momentum: cfg.momentum});` },
  { name: 'momentum optimizer: tf.train.momentum(lr, 0.1) is SGD momentum, not BN', code: `const opt = TF.train.momentum(0.01, 0.1);` },
  { name: 'momentum key on another layer factory', code: `const l = TF.layers.dense({units: 2, momentum: 0.1});` },
  { name: 'brain.js NeuralNetwork({momentum: 0.1})', code: `const net = new brain.NeuralNetwork({momentum: 0.1});` },
  { name: 'a user function named batchNormalization', code: `function batchNormalization(o) { return o; }\nbatchNormalization({momentum: 0.1});` },
  { name: 'a user object with a momentum field', code: `const opts = {momentum: 0.1, dataFormat: 'channelsFirst'};` },
  { name: 'the tf.batchNorm op has no momentum', code: `const y = TF.batchNorm(x, mean, variance, offset, scale, 0.001);` },
  { name: 'spread after momentum may override it', code: `const bn = TF.layers.batchNormalization({momentum: 0.1, ...overrides});` },
];

ruleTester.run('no-torch-batchnorm-momentum', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross([{ name: 'look-alike tf: layers.batchNormalization({momentum: 0.1})', code: `const bn = TF.layers.batchNormalization({momentum: 0.1});` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross([
    {
      name: 'PyTorch default momentum 0.1',
      code: `const bn = TF.layers.batchNormalization({momentum: 0.1, epsilon: 1e-5});`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0.1', complement: '0.9' },
          line: 1,
          endLine: 1,
          suggestions: [
            {
              messageId: 'useComplement',
              data: { momentum: '0.1', replacement: '0.9' },
              output: `const bn = TF.layers.batchNormalization({momentum: 0.9, epsilon: 1e-5});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'momentum 0.01 inside a sequential model, comments kept',
      code: `const model = TF.sequential({\n  layers: [\n    TF.layers.conv2d({filters: 8, kernelSize: 3, inputShape: [28, 28, 1]}),\n    TF.layers.batchNormalization({ /* from torch */ momentum: 0.01 }),\n  ],\n});`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0.01', complement: '0.99' },
          line: 4,
          suggestions: [
            {
              messageId: 'useComplement',
              data: { momentum: '0.01', replacement: '0.99' },
              output: `const model = TF.sequential({\n  layers: [\n    TF.layers.conv2d({filters: 8, kernelSize: 3, inputShape: [28, 28, 1]}),\n    TF.layers.batchNormalization({ /* from torch */ momentum: 0.99 }),\n  ],\n});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'quoted key and TS cast on the config',
      code: `model.add(TF.layers.batchNormalization({'momentum': 0.3} as any));`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0.3', complement: '0.7' },
          line: 1,
          suggestions: [
            { messageId: 'useComplement', data: { momentum: '0.3', replacement: '0.7' }, output: `model.add(TF.layers.batchNormalization({'momentum': 0.7} as any));` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'reported on the value (column checked on a multi-line config)',
      code: `const bn = TF.layers.batchNormalization({\n  axis: 1,\n  momentum: 0.05,\n});`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0.05', complement: '0.95' },
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'useComplement',
              data: { momentum: '0.05', replacement: '0.95' },
              output: `const bn = TF.layers.batchNormalization({\n  axis: 1,\n  momentum: 0.95,\n});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a named constant: the suggestion keeps the name (1 - NAME)',
      code: `const BN_MOMENTUM = 0.1; // torch default\nconst bn = TF.layers.batchNormalization({momentum: BN_MOMENTUM});`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0.1', complement: '0.9' },
          line: 2,
          suggestions: [
            {
              messageId: 'useComplement',
              data: { momentum: '0.1', replacement: '1 - BN_MOMENTUM' },
              output: `const BN_MOMENTUM = 0.1; // torch default\nconst bn = TF.layers.batchNormalization({momentum: 1 - BN_MOMENTUM});`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'momentum 0 (PyTorch: never update) becomes 1',
      code: `const bn = TF.layers.batchNormalization({momentum: 0});`,
      errors: [
        {
          messageId: 'torchMomentum',
          data: { momentum: '0', complement: '1' },
          line: 1,
          suggestions: [{ messageId: 'useComplement', data: { momentum: '0', replacement: '1' }, output: `const bn = TF.layers.batchNormalization({momentum: 1});` }],
        },
      ],
      output: null,
    },
  ]),
});
