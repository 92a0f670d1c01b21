import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/forward-training-kwargs.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

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
  { name: 'a static call() is not the layer forward pass', code: `class Block extends TF.layers.Layer {\n  static call(x) { return TF.layers.dropout({rate: 0.5}).apply(x); }\n}` },
];

type MessageId = 'notForwarded' | 'forwardKwargs' | 'forwardTraining';
const DROP = 'Dropout does not drop';
const BN = 'BatchNormalization normalizes with moving statistics that never update';

const invalid: InvalidTestCase<MessageId, []>[] = [
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
