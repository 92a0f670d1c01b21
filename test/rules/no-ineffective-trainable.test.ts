import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import fc from 'fast-check';
import rule from '../../rules/no-ineffective-trainable.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const valid = [
  { name: 'dense has weights: trainable: false freezes it', code: `const d = TF.layers.dense({units: 4, trainable: false});` },
  { name: 'batchNormalization has weights (its own rule covers the BN trap)', code: `const bn = TF.layers.batchNormalization({trainable: false});` },
  { name: 'dropout without trainable', code: `const d = TF.layers.dropout({rate: 0.5});` },
  { name: 'setter on a dense layer', code: `const d = TF.layers.dense({units: 4});\nd.trainable = false;` },
  { name: 'setter on a model', code: `const m = TF.sequential();\nm.trainable = false;` },
  { name: 'reading trainable on a dropout layer', code: `const d = TF.layers.dropout({rate: 0.5});\nif (d.trainable) log();` },
  { name: 'layer from model.layers[i]: unknown which layer', code: `const m = TF.sequential();\nm.layers[0].trainable = false;` },
  { name: 'loop over model.layers: unknown layers', code: `const m = TF.sequential();\nfor (const l of m.layers) l.trainable = false;` },
  { name: 'spread after trainable may override it', code: `const d = TF.layers.dropout({rate: 0.5, trainable: false, ...cfg});` },
  { name: 'an unknown parameter', code: `function freeze(layer) { layer.trainable = false; }` },
  { name: 'a plain object with a trainable field', code: `const opts = {trainable: false, dataFormat: 'channelsFirst'};\nopts.trainable = true;` },
  { name: 'a user class that is not a tfjs layer', code: `class Block { constructor() { this.trainable = true; } }\nconst b = new Block();\nb.trainable = false;` },
  { name: 'brain.js options', code: `const net = new brain.NeuralNetwork({trainable: false, momentum: 0.1});` },
  {
    name: 'a Layer subclass that calls addWeight has weights',
    code: `class Scale extends TF.layers.Layer {\n  build() { this.k = this.addWeight('k', [1], 'float32', TF.initializers.ones()); }\n  call(x) { return x; }\n}\nconst s = new Scale({});\ns.trainable = false;`,
  },
  {
    name: 'a Layer subclass holding a sublayer may have weights',
    code: `class Block extends TF.layers.Layer {\n  constructor() { super({}); this.inner = makeLayer(); }\n  call(x) { return this.inner.apply(x); }\n}\nconst b = new Block();\nb.trainable = false;`,
  },
  {
    name: 'a Layer subclass that reads this.trainable gives it a meaning',
    code: `class Gate extends TF.layers.Layer {\n  call(x) { return this.trainable ? x : x; }\n}\nconst g = new Gate({});\ng.trainable = false;`,
  },
  {
    name: 'new UserLayer({trainable}) whose constructor does not pass the config to super',
    code: `class Scale extends TF.layers.Layer {\n  constructor(config) { super({}); }\n  call(x) { return x; }\n}\nconst s = new Scale({trainable: false});`,
  },
  {
    name: 'new UserLayer({trainable}) on a class with weights',
    code: `class Scale extends TF.layers.Layer {\n  build() { this.k = this.addWeight('k', [1], 'float32'); }\n  call(x) { return x; }\n}\nconst s = new Scale({trainable: false});`,
  },
  {
    name: 'a subclass of a tfjs class other than Layer is not assumed weightless',
    code: `class MyRnn extends TF.layers.RNN {}\nconst r = new MyRnn({cell});\nr.trainable = false;`,
  },
];

const dropoutMsg = (layer: string) => ({ messageId: 'dropoutTrainable' as const, data: { layer } });
const noWeights = (layer: string) => ({ messageId: 'noWeights' as const, data: { layer } });

ruleTester.run('no-ineffective-trainable', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [
        { name: 'look-alike tf: dropout({trainable: false})', code: `const d = TF.layers.dropout({rate: 0.5, trainable: false});\nd.trainable = false;` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: invalidAcross([
    {
      name: 'dropout({rate, trainable: false}) autofixes to dropout({rate})',
      code: `const drop = TF.layers.dropout({rate: 0.5, trainable: false});`,
      errors: [{ ...dropoutMsg('dropout'), line: 1 }],
      output: `const drop = TF.layers.dropout({rate: 0.5});`,
    },
    {
      name: 'property alone on its line: the line goes, neighbour comments stay',
      code: `const drop = TF.layers.dropout({\n  rate: 0.3, // as in the paper\n  trainable: false,\n  seed: 42,\n});`,
      errors: [{ ...dropoutMsg('dropout'), line: 3, column: 3, endLine: 3, endColumn: 19 }],
      output: `const drop = TF.layers.dropout({\n  rate: 0.3, // as in the paper\n  seed: 42,\n});`,
    },
    {
      name: 'trailing line comment after the comma is kept',
      code: `const pool = TF.layers.maxPooling2d({\n  poolSize: 2,\n  trainable: false, // freeze like torch\n});`,
      errors: [{ ...noWeights('maxPooling2d'), line: 3 }],
      output: `const pool = TF.layers.maxPooling2d({\n  poolSize: 2,\n  // freeze like torch\n});`,
    },
    {
      name: 'first property inline',
      code: `const pool = TF.layers.maxPooling2d({trainable: false, poolSize: 2});`,
      errors: [{ ...noWeights('maxPooling2d'), line: 1 }],
      output: `const pool = TF.layers.maxPooling2d({poolSize: 2});`,
    },
    {
      name: 'only property: the config becomes {}',
      code: `const flat = TF.layers.flatten({ trainable: false });`,
      errors: [{ ...noWeights('flatten'), line: 1 }],
      output: `const flat = TF.layers.flatten({});`,
    },
    {
      name: 'last property inline with a block comment before it: the comment stays',
      code: `const flat = TF.layers.flatten({dataFormat: 'channelsLast', /* keep */ trainable: true});`,
      errors: [{ ...noWeights('flatten'), line: 1 }],
      output: `const flat = TF.layers.flatten({dataFormat: 'channelsLast', /* keep */ });`,
    },
    {
      name: 'comment between the property and its comma stays',
      code: `const act = TF.layers.activation({trainable: false /* torch habit */, activation: 'relu'});`,
      errors: [{ ...noWeights('activation'), line: 1 }],
      output: `const act = TF.layers.activation({ /* torch habit */ activation: 'relu'});`,
    },
    {
      name: 'last property with a trailing comment: comma before it goes',
      code: `const act = TF.layers.reLU({maxValue: 6, trainable: false /* c */});`,
      errors: [{ ...noWeights('reLU'), line: 1 }],
      output: `const act = TF.layers.reLU({maxValue: 6 /* c */});`,
    },
    {
      name: 'gaussianNoise is in the dropout family',
      code: `const model = TF.sequential({layers: [\n  TF.layers.dense({units: 8, inputShape: [4]}),\n  TF.layers.gaussianNoise({stddev: 0.1, trainable: false}),\n]});`,
      errors: [{ ...dropoutMsg('gaussianNoise'), line: 3 }],
      output: `const model = TF.sequential({layers: [\n  TF.layers.dense({units: 8, inputShape: [4]}),\n  TF.layers.gaussianNoise({stddev: 0.1}),\n]});`,
    },
    {
      name: 'non-literal value: suggestion only (the expression may have effects)',
      code: `const drop = TF.layers.dropout({rate: 0.5, trainable: !fineTune});`,
      errors: [
        {
          ...dropoutMsg('dropout'),
          line: 1,
          suggestions: [{ messageId: 'removeOption', output: `const drop = TF.layers.dropout({rate: 0.5});` }],
        },
      ],
      output: null,
    },
    {
      name: 'comment inside the property: no fix, no suggestion',
      code: `const drop = TF.layers.dropout({rate: 0.5, trainable: /* freeze */ false});`,
      errors: [{ ...dropoutMsg('dropout'), line: 1, suggestions: [] }],
      output: null,
    },
    {
      name: 'setter on a dropout layer: suggestion to remove the statement',
      code: `const drop = TF.layers.dropout({rate: 0.3});\ndrop.trainable = false;\nuse(drop);`,
      errors: [
        {
          ...dropoutMsg('dropout'),
          line: 2,
          column: 6,
          endColumn: 15,
          suggestions: [{ messageId: 'removeAssignment', output: `const drop = TF.layers.dropout({rate: 0.3});\nuse(drop);` }],
        },
      ],
      output: null,
    },
    {
      name: 'setter on a class field holding spatialDropout1d',
      code: `class Net {\n  constructor() { this.drop = TF.layers.spatialDropout1d({rate: 0.2}); }\n  freeze() { this.drop.trainable = false; }\n}`,
      errors: [
        {
          ...dropoutMsg('spatialDropout1d'),
          line: 3,
          suggestions: [{ messageId: 'removeAssignment', output: `class Net {\n  constructor() { this.drop = TF.layers.spatialDropout1d({rate: 0.2}); }\n  freeze() {  }\n}` }],
        },
      ],
      output: null,
    },
    {
      name: 'setter on a weightless Layer subclass',
      code: `class Scale extends TF.layers.Layer {\n  static className = 'Scale';\n  factor = 2;\n  call(x) { return x.mul(this.factor); }\n}\nconst s = new Scale({});\ns.trainable = false;`,
      errors: [
        {
          ...noWeights('Scale'),
          line: 7,
          suggestions: [
            {
              messageId: 'removeAssignment',
              output: `class Scale extends TF.layers.Layer {\n  static className = 'Scale';\n  factor = 2;\n  call(x) { return x.mul(this.factor); }\n}\nconst s = new Scale({});\n`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'new UserLayer({trainable: false}) on a weightless subclass without constructor: suggestion only',
      code: `class Scale extends TF.layers.Layer {\n  call(x) { return x; }\n}\nconst s = new Scale({name: 'scale', trainable: false});`,
      errors: [
        {
          ...noWeights('Scale'),
          line: 4,
          suggestions: [{ messageId: 'removeOption', output: `class Scale extends TF.layers.Layer {\n  call(x) { return x; }\n}\nconst s = new Scale({name: 'scale'});` }],
        },
      ],
      output: null,
    },
    {
      name: 'new UserLayer({trainable: false}) through a forwarding constructor and a same-file base class',
      code: `class Base extends TF.layers.Layer {\n  constructor(args) { super(args); }\n}\nclass Scale extends Base {\n  call(x) { return x; }\n}\nconst s = new Scale({trainable: false});`,
      errors: [{ ...noWeights('Scale'), line: 7, suggestions: [{ messageId: 'removeOption', output: `class Base extends TF.layers.Layer {\n  constructor(args) { super(args); }\n}\nclass Scale extends Base {\n  call(x) { return x; }\n}\nconst s = new Scale({});` }] }],
      output: null,
    },
    {
      name: 'setter inside an expression: reported without a suggestion',
      code: `const drop = TF.layers.alphaDropout({rate: 0.1});\nconst frozen = (drop.trainable = false);`,
      errors: [{ ...dropoutMsg('alphaDropout'), line: 2, suggestions: [] }],
      output: null,
    },
  ]),
});

// The autofix on arbitrary layouts of the config literal: output parses, every other property and every
// comment survives in order, and a second pass reports nothing (idempotent).
describe('no-ineffective-trainable autofix on generated config layouts', () => {
  const linter = new Linter();
  const config = [
    {
      plugins: { t: { rules: { r: rule as never } } },
      rules: { 't/r': 'error' as const },
      languageOptions: { ecmaVersion: 'latest' as const, sourceType: 'module' as const },
    },
  ];
  const others = ['rate: 0.5', 'seed: 7', "name: 'drop'", 'noiseShape: null'];
  const gap = fc.constantFrom(' ', '', '\n  ', '\n\n  ');

  it('keeps code, comments and parseability; second pass is clean', () => {
    fc.assert(
      fc.property(
        fc.subarray(others),
        fc.nat(),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.tuple(gap, fc.nat(2)), { minLength: 12, maxLength: 12 }),
        (kept, pos, value, trailingComma, layout) => {
          const props = [...kept];
          props.splice(pos % (props.length + 1), 0, `trainable: ${value}`);
          let n = 0;
          const sep = (): string => {
            const [g, c] = layout[n % layout.length]!;
            const i = n++;
            return c === 0 ? g : c === 1 ? `${g}/* c${i} */ ` : `${g}// c${i}\n  `;
          };
          let body = sep();
          props.forEach((p, i) => {
            body += p + sep();
            if (i < props.length - 1 || trailingComma) body += ',' + sep();
          });
          const code = `import * as tf from '@tensorflow/tfjs';\nconst d = tf.layers.dropout({${body}});\n`;
          const comments = [...code.matchAll(/(\/\*|\/\/) c\d+/g)].map((m) => m[0]);
          const first = linter.verify(code, config);
          assert.equal(first.length, 1, code);
          const fix = first[0]!.fix;
          assert.ok(fix, `no autofix for:\n${code}`);
          const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
          // one pass: the output parses and a second lint reports nothing
          assert.deepEqual(linter.verify(output, config), [], `not clean after one fix:\n${code}\n---\n${output}`);
          assert.ok(!/trainable/.test(output));
          assert.deepEqual([...output.matchAll(/(\/\*|\/\/) c\d+/g)].map((m) => m[0]), comments, output);
          const keys = [...output.matchAll(/(\w+): /g)].map((m) => m[1]);
          assert.deepEqual(keys, kept.map((k) => k.split(':')[0]), output);
        },
      ),
      { seed: 20261127, numRuns: 300 },
    );
  });
});
