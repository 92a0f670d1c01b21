import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/forward-training-kwargs.js';
import { applyForm, createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** A Layer subclass whose constructor builds `this.drop` (Dropout), `this.bn` (BN) and `this.dense` (Dense). */
const block = (call: string): string =>
  `class Block extends TF.layers.Layer {\n  constructor(args) {\n    super(args);\n    this.drop = TF.layers.dropout({rate: 0.5});\n    this.bn = TF.layers.batchNormalization();\n    this.dense = TF.layers.dense({units: 4});\n  }\n${call}\n}`;

const valid = [
  { name: 'kwargs forwarded to every sublayer', code: block(`  call(inputs, kwargs) {\n    return this.bn.apply(this.drop.apply(this.dense.apply(inputs), kwargs), kwargs);\n  }`) },
  { name: 'training forwarded explicitly', code: block(`  call(inputs, kwargs) {\n    return this.drop.apply(inputs, {training: kwargs.training});\n  }`) },
  { name: 'an explicit {training: false} is a choice (frozen BN for fine-tuning)', code: block(`  call(inputs, kwargs) {\n    return this.bn.apply(inputs, {training: false});\n  }`) },
  { name: 'kwargs from a variable (unknown) is not reported', code: block(`  call(inputs, kwargs) {\n    const kw = {...kwargs, mask: null};\n    return this.drop.apply(inputs, kw);\n  }`) },
  { name: 'a mode-independent sublayer (Dense) without kwargs is not reported', code: block(`  call(inputs, kwargs) {\n    return this.drop.apply(this.dense.apply(inputs), kwargs);\n  }`) },
  { name: 'sublayer applied in build() or another method, not in call()', code: block(`  build(shape) {\n    this.drop.apply(TF.input({shape: [4]}));\n  }\n  helper(x) {\n    return this.drop.apply(x);\n  }\n  call(inputs, kwargs) { return inputs; }`) },
  { name: 'a sublayer whose kind is unknown (set from a parameter) is not reported', code: `class Wrap extends TF.layers.Layer {\n  constructor(inner) { super({}); this.inner = inner; }\n  call(inputs) { return this.inner.apply(inputs); }\n}` },
  { name: 'a user class that does not extend a tfjs Layer', code: `class Block {\n  constructor() { this.drop = TF.layers.dropout({rate: 0.5}); }\n  call(inputs) { return this.drop.apply(inputs); }\n}` },
  { name: 'a Model subclass is not a Layer subclass', code: `class Net extends TF.LayersModel {\n  call(inputs) { return this.drop.apply(inputs); }\n}` },
  { name: 'Function.prototype.apply look-alikes inside call()', code: `class Block extends TF.layers.Layer {\n  call(inputs, kwargs) {\n    const m = Math.max.apply(null, [1, 2]);\n    const f = function () { return 1; };\n    f.apply(this, [inputs]);\n    return inputs;\n  }\n}` },
  { name: 'danfojs df.apply(fn) and a user class apply() inside call()', code: `class Scaler { apply(x) { return x; } }\nclass Block extends TF.layers.Layer {\n  constructor() { super({}); this.scaler = new Scaler(); this.df = new dfd.DataFrame([]); }\n  call(inputs, kwargs) {\n    this.df.apply((r) => r);\n    return this.scaler.apply(inputs);\n  }\n}` },
  { name: 'ES5 / __awaiter-style code does not crash', code: `var __awaiter = function (thisArg, _arguments, P, generator) {\n  return new (P || (P = Promise))(function (resolve) { resolve(generator.apply(thisArg, _arguments || []).next().value); });\n};\nfunction build() {\n  return __awaiter(this, void 0, void 0, function* () { return TF.sequential(); });\n}` },
  {
    name: 'a helper that call() calls and another method calls too is not only the forward pass',
    code: block(`  feedForward(x) {\n    return this.drop.apply(this.dense.apply(x));\n  }\n  summary(x) {\n    return this.feedForward(x);\n  }\n  call(inputs, kwargs) {\n    return this.feedForward(inputs);\n  }`),
  },
  { name: 'a helper of a class that is no tfjs layer', code: `class Block {\n  constructor() { this.drop = TF.layers.dropout({rate: 0.5}); }\n  ff(x) { return this.drop.apply(x); }\n  call(inputs) { return this.ff(inputs); }\n}` },
  { name: 'a static call() is not the layer forward pass', code: `class Block extends TF.layers.Layer {\n  static call(x) { return TF.layers.dropout({rate: 0.5}).apply(x); }\n}` },
];

type MessageId = 'notForwarded' | 'forwardKwargs' | 'forwardTraining';
const DROP = 'Dropout does not drop';
const BN = 'BatchNormalization normalizes with moving statistics that never update';

const invalid: InvalidTestCase<MessageId, []>[] = [
  // blind projects keras-functional-cjs and finetune-node-esm: the PyTorch port keeps `forward()` (or a
  // `feedForward()` block) and calls it from call(); call()'s kwargs reach it only through that call
  {
    name: 'a helper that only call() calls, without a kwargs parameter: reported, no suggestion (two places would change)',
    code: block(`  feedForward(x) {\n    return this.drop.apply(this.dense.apply(x));\n  }\n  call(inputs, kwargs) {\n    return TF.tidy(() => this.feedForward(inputs));\n  }`),
    errors: [{ messageId: 'notForwarded', data: { sublayer: 'this.drop', effects: DROP }, line: 9, suggestions: [] }],
    output: null,
  },
  {
    name: "forward(x, kwargs) called from call() with call()'s kwargs: the suggestion forwards the helper's parameter",
    code: block(`  forward(x, kw) {\n    return this.drop.apply(this.dense.apply(x));\n  }\n  call(inputs, kwargs) {\n    return this.forward(inputs, kwargs);\n  }`),
    errors: [
      {
        messageId: 'notForwarded',
        data: { sublayer: 'this.drop', effects: DROP },
        line: 9,
        suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kw' }, output: block(`  forward(x, kw) {\n    return this.drop.apply(this.dense.apply(x), kw);\n  }\n  call(inputs, kwargs) {\n    return this.forward(inputs, kwargs);\n  }`) }],
      },
    ],
    output: null,
  },
  {
    name: 'this.drop.apply(x) and this.bn.apply(x) in call(inputs, kwargs)',
    code: block(`  call(inputs, kwargs) {\n    const h = this.drop.apply(this.dense.apply(inputs));\n    return this.bn.apply(h);\n  }`),
    errors: [
      {
        messageId: 'notForwarded',
        data: { sublayer: 'this.drop', effects: DROP },
        line: 9,
        column: 25,
        endColumn: 30,
        suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    const h = this.drop.apply(this.dense.apply(inputs), kwargs);\n    return this.bn.apply(h);\n  }`) }],
      },
      {
        messageId: 'notForwarded',
        data: { sublayer: 'this.bn', effects: BN },
        line: 10,
        suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    const h = this.drop.apply(this.dense.apply(inputs));\n    return this.bn.apply(h, kwargs);\n  }`) }],
      },
    ],
    output: null,
  },
  {
    name: 'call(inputs) without a kwargs parameter: the suggestion adds it',
    code: block(`  call(inputs) {\n    return this.drop.apply(inputs);\n  }`),
    errors: [{ messageId: 'notForwarded', line: 9, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    return this.drop.apply(inputs, kwargs);\n  }`) }] }],
    output: null,
  },
  {
    name: 'TypeScript: the added parameter gets a type',
    code: `class Block extends TF.layers.Layer {\n  private drop = TF.layers.dropout({rate: 0.5});\n  call(inputs: TF.Tensor | TF.Tensor[]): TF.Tensor | TF.Tensor[] {\n    return this.drop.apply(inputs) as TF.Tensor;\n  }\n}`,
    errors: [{ messageId: 'notForwarded', line: 4, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: `class Block extends TF.layers.Layer {\n  private drop = TF.layers.dropout({rate: 0.5});\n  call(inputs: TF.Tensor | TF.Tensor[], kwargs: Record<string, unknown>): TF.Tensor | TF.Tensor[] {\n    return this.drop.apply(inputs, kwargs) as TF.Tensor;\n  }\n}` }] }],
    output: null,
  },
  {
    name: 'an object literal without training: the suggestion adds training from the call kwargs',
    code: block(`  call(inputs, kw = {}) {\n    return this.drop.apply(inputs, {mask: null /* no mask */});\n  }`),
    errors: [
      {
        messageId: 'notForwarded',
        line: 9,
        suggestions: [{ messageId: 'forwardTraining', data: { kwargs: 'kw' }, output: block(`  call(inputs, kw = {}) {\n    return this.drop.apply(inputs, {mask: null, training: kw.training /* no mask */});\n  }`) }],
      },
    ],
    output: null,
  },
  {
    name: 'an empty kwargs object {}',
    code: block(`  call(inputs, kwargs) {\n    return this.bn.apply(inputs, {});\n  }`),
    errors: [{ messageId: 'notForwarded', line: 9, suggestions: [{ messageId: 'forwardTraining', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    return this.bn.apply(inputs, {training: kwargs.training});\n  }`) }] }],
    output: null,
  },
  {
    name: 'inside tf.tidy() in call(), and through a local alias of the sublayer',
    code: block(`  call(inputs, kwargs) {\n    const drop = this.drop;\n    return TF.tidy(() => drop.apply(inputs));\n  }`),
    errors: [{ messageId: 'notForwarded', data: { sublayer: 'drop', effects: DROP }, line: 10, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    const drop = this.drop;\n    return TF.tidy(() => drop.apply(inputs, kwargs));\n  }`) }] }],
    output: null,
  },
  {
    name: 'a sequential sublayer that contains Dropout, and a known mode-dependent custom sublayer',
    code: `class Inner extends TF.layers.Layer {\n  constructor() { super({}); this.noise = TF.layers.gaussianNoise({stddev: 0.1}); }\n  call(x, kwargs) { return this.noise.apply(x, kwargs); }\n}\nclass Outer extends TF.layers.Layer {\n  constructor() {\n    super({});\n    this.head = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dropout({rate: 0.1})]});\n    this.inner = new Inner();\n  }\n  call(inputs, kwargs) {\n    return this.head.apply(this.inner.apply(inputs));\n  }\n}`,
    errors: [
      { messageId: 'notForwarded', data: { sublayer: 'this.head', effects: DROP }, line: 12, column: 22, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: `class Inner extends TF.layers.Layer {\n  constructor() { super({}); this.noise = TF.layers.gaussianNoise({stddev: 0.1}); }\n  call(x, kwargs) { return this.noise.apply(x, kwargs); }\n}\nclass Outer extends TF.layers.Layer {\n  constructor() {\n    super({});\n    this.head = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dropout({rate: 0.1})]});\n    this.inner = new Inner();\n  }\n  call(inputs, kwargs) {\n    return this.head.apply(this.inner.apply(inputs), kwargs);\n  }\n}` }] },
      { messageId: 'notForwarded', data: { sublayer: 'this.inner', effects: '`Inner` gets no `training` flag' }, line: 12, column: 39, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: `class Inner extends TF.layers.Layer {\n  constructor() { super({}); this.noise = TF.layers.gaussianNoise({stddev: 0.1}); }\n  call(x, kwargs) { return this.noise.apply(x, kwargs); }\n}\nclass Outer extends TF.layers.Layer {\n  constructor() {\n    super({});\n    this.head = TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [4]}), TF.layers.dropout({rate: 0.1})]});\n    this.inner = new Inner();\n  }\n  call(inputs, kwargs) {\n    return this.head.apply(this.inner.apply(inputs, kwargs));\n  }\n}` }] },
    ],
    output: null,
  },
  {
    name: 'a TS field annotated as tf.layers.Layer keeps the Dropout provenance of its write',
    code: `class Block extends TF.layers.Layer {\n  private drop: TF.layers.Layer;\n  constructor() { super({}); this.drop = TF.layers.dropout({rate: 0.5}); }\n  call(inputs: TF.Tensor, kwargs: Record<string, unknown>) {\n    return this.drop.apply(inputs);\n  }\n}`,
    errors: [{ messageId: 'notForwarded', data: { sublayer: 'this.drop', effects: DROP }, line: 5, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: `class Block extends TF.layers.Layer {\n  private drop: TF.layers.Layer;\n  constructor() { super({}); this.drop = TF.layers.dropout({rate: 0.5}); }\n  call(inputs: TF.Tensor, kwargs: Record<string, unknown>) {\n    return this.drop.apply(inputs, kwargs);\n  }\n}` }] }],
    output: null,
  },
  {
    name: 'a parenthesized argument and a trailing comma',
    code: block(`  call(inputs, kwargs) {\n    return this.drop.apply((inputs),);\n  }`),
    errors: [{ messageId: 'notForwarded', line: 9, suggestions: [{ messageId: 'forwardKwargs', data: { kwargs: 'kwargs' }, output: block(`  call(inputs, kwargs) {\n    return this.drop.apply((inputs), kwargs);\n  }`) }] }],
    output: null,
  },
  {
    name: 'destructured kwargs parameter: reported without a suggestion',
    code: block(`  call(inputs, {training}) {\n    return this.drop.apply(inputs);\n  }`),
    errors: [{ messageId: 'notForwarded', line: 9, suggestions: [] }],
    output: null,
  },
];

ruleTester.run('forward-training-kwargs', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [{ name: 'look-alike tf: Layer subclass not forwarding', code: block(`  call(inputs) {\n    return this.drop.apply(inputs);\n  }`) }],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: invalidAcross(invalid),
});

// ------------------------------------------------------------------------------------------ property test
// Generated custom layers in every import form: the rule never throws, every suggestion parses, and
// applying a suggestion removes that report without creating another one.

const SUBLAYERS = [
  'TF.layers.dropout({rate: 0.5})',
  'TF.layers.batchNormalization()',
  'TF.layers.dense({units: 2})',
  'TF.layers.gaussianNoise({stddev: 1})',
  'TF.sequential({layers: [TF.layers.dropout({rate: 0.1, inputShape: [2]})]})',
  'makeLayer()',
];
const SIGNATURES = ['call(inputs, kwargs)', 'call(inputs)', 'call(inputs, kw = {})', 'call(inputs: TF.Tensor)', 'call(inputs,)', 'call(inputs, {training})', 'call(...all)'];
const APPLIES = [
  'this.sub.apply(inputs)',
  'this.sub.apply((inputs))',
  'this.sub.apply(inputs,)',
  'this.sub.apply(inputs, {})',
  'this.sub.apply(inputs, {mask: null, /* c */})',
  'this.sub.apply(inputs, {training: false})',
  'this.sub?.apply(inputs)',
  "this.sub['apply'](inputs)",
  'this.sub.apply(...all)',
];
const BODIES = [
  (a: string) => `return ${a};`,
  (a: string) => `return TF.tidy(() => ${a});`,
  (a: string) => `const self = this;\n    return [1].map(function () { return ${a}; })[0];`,
];

describe('forward-training-kwargs: generated custom layers', () => {
  const linter = new Linter({ configType: 'flat' });
  const cfg = (settings: Record<string, unknown> | undefined) => [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never },
      settings: settings ?? {},
      plugins: { torch2tf: { rules: { 'forward-training-kwargs': rule } } as never },
      rules: { 'torch2tf/forward-training-kwargs': 'error' as const },
    },
  ];
  it('no crash, suggestions parse, and each applied suggestion removes its report', () => {
    let reports = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_FORMS),
        fc.constantFrom(...SUBLAYERS),
        fc.constantFrom(...SIGNATURES),
        fc.constantFrom(...APPLIES),
        fc.constantFrom(...BODIES),
        (form, sub, sig, apply, body) => {
          const src = `class Block extends TF.layers.Layer {\n  constructor() {\n    super({});\n    this.sub = ${sub};\n  }\n  ${sig} {\n    ${body(apply)}\n  }\n}`;
          const { code, settings } = applyForm(form, src);
          const messages = linter.verify(code, cfg(settings), { filename: 'block.ts' });
          assert.deepEqual(messages.filter((m) => m.fatal || !m.ruleId), [], code);
          reports += messages.length;
          for (const m of messages) {
            for (const s of m.suggestions ?? []) {
              const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
              const again = linter.verify(out, cfg(settings), { filename: 'block.ts' });
              assert.deepEqual(again.filter((x) => x.fatal), [], `suggestion output does not parse:\n${out}`);
              assert.equal(again.length, messages.length - 1, `suggestion did not remove exactly its report:\n${out}`);
            }
          }
        },
      ),
      { numRuns: 400, seed: 20261127 },
    );
    assert.ok(reports > 50, `the generator must exercise the rule (${reports} reports)`);
  });
});
