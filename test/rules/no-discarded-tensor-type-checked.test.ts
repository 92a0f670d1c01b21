import rule from '../../rules/no-discarded-tensor-type-checked.js';
import { createRuleTester } from '../rule-tester.js';
import { createTypedRuleTester } from '../typed/rule-tester-typed.js';

const typed = createTypedRuleTester();

typed.run('no-discarded-tensor-type-checked', rule, {
  valid: [
    { name: 'the result is assigned', code: `import * as tf from '@tensorflow/tfjs';\nfunction norm(x: tf.Tensor) { return x.div(2); }\nlet x = tf.ones([2]);\nx = norm(x);` },
    { name: 'a function returning void (side effect only)', code: `import * as tf from '@tensorflow/tfjs';\nfunction show(x: tf.Tensor): void { x.print(); }\nshow(tf.ones([2]));` },
    { name: 'a warm-up or smoke test: a tensor created from literals and dropped (as without types; fixtures/blind/solid-signals)', code: `import * as tf from '@tensorflow/tfjs';\ntf.zeros([1, 28, 28, 1]);\ntf.tensor(0);` },
    { name: 'tf.keep() is called for its side effect', code: `import * as tf from '@tensorflow/tfjs';\nconst x = tf.ones([2]);\ntf.keep(x);` },
    { name: 'variable.assign() is the real in-place update', code: `import * as tf from '@tensorflow/tfjs';\nconst v = tf.variable(tf.ones([2]));\nv.assign(tf.zeros([2]));` },
    { name: 'a user type named Tensor is not a tfjs tensor', code: `class Tensor { add(o: Tensor) { return this; } }\nfunction make(): Tensor { return new Tensor(); }\nmake().add(make());` },
    { name: 'predict() returns Tensor | Tensor[]: types prove nothing', code: `import * as tf from '@tensorflow/tfjs';\ndeclare const m: tf.LayersModel;\nm.predict(tf.ones([1, 2]));` },
    { name: 'optimizer.minimize(f) as a statement: declared Scalar | null, null without returnCost (test/semantics/optional-results.test.ts)', code: `import * as tf from '@tensorflow/tfjs';\nconst opt = tf.train.adam(0.01);\nconst w = tf.variable(tf.zeros([2]));\nopt.minimize(() => w.square().sum() as tf.Scalar);` },
    { name: 'an optimizer from another module: minimize(f) as a statement', code: `import * as tf from '@tensorflow/tfjs';\ndeclare const opt: tf.Optimizer;\ndeclare const f: () => tf.Scalar;\nopt.minimize(f);` },
    { name: 'a helper whose tensor result is optional by design (T | undefined)', code: `import * as tf from '@tensorflow/tfjs';\ndeclare function maybeStep(x: tf.Tensor): tf.Tensor | undefined;\nmaybeStep(tf.ones([2]));` },
    { name: 'any proves nothing', code: `declare const lib: any;\nlib.normalize(1);` },
    { name: 'seen by the untyped analysis: left to no-discarded-tensor', code: `import * as tf from '@tensorflow/tfjs';\nconst x = tf.ones([2]);\nx.add(1);` },
    { name: 'dispose() is called for its side effect, even where a wrapper declares it returns the freed tensor', code: `import * as tf from '@tensorflow/tfjs';\ndeclare const slot: { dispose(): tf.Tensor };\nslot.dispose();` },
    { name: 'super(...) in a subclass constructor yields this, never a discarded tensor', code: `import * as tf from '@tensorflow/tfjs';\nclass Scaled extends tf.layers.Layer { constructor() { super({}); } }\nnew Scaled();` },
    {
      name: 'a same-file training step returning its cost, called as a statement: it trained, so "nothing changed" would be false',
      code: `import * as tf from '@tensorflow/tfjs';\nconst w = tf.variable(tf.zeros([2]));\nconst opt = tf.train.sgd(0.1);\nfunction trainStep(): tf.Scalar { return opt.minimize(() => w.square().sum() as tf.Scalar, true) as tf.Scalar; }\nfor (let i = 0; i < 3; i++) trainStep();`,
    },
    {
      name: 'a helper that writes a field before returning a tensor',
      code: `import * as tf from '@tensorflow/tfjs';\nclass Meter { last: tf.Tensor | null = null; update(x: tf.Tensor): tf.Tensor { this.last = x; return x.mean(); } }\nnew Meter().update(tf.ones([2]));`,
    },
    {
      name: 'same-file functions and methods without a return value (void to the checker; no type question asked)',
      code: `import * as tf from '@tensorflow/tfjs';\nclass Logger { log(t: tf.Tensor) { t.print(); } }\nfunction report(t: tf.Tensor) { const f = () => t.mean(); f().print(); }\nasync function save(m: tf.LayersModel) { await m.save('localstorage://m'); }\nconst x = tf.ones([2]);\nnew Logger().log(x);\nreport(x);\nawait save(tf.sequential());`,
    },
    { name: 'an un-awaited Promise<Tensor> is not a discarded tensor', code: `import * as tf from '@tensorflow/tfjs';\nasync function f(): Promise<tf.Tensor> { return tf.ones([1]); }\nvoid f();` },
  ],
  invalid: [
    {
      // the untyped engine knows this helper returns a tensor, but no-discarded-tensor reports only tfjs ops
      name: 'a same-file helper whose tensor the untyped analysis sees (no-discarded-tensor leaves helpers alone)',
      code: `import * as tf from '@tensorflow/tfjs';\nfunction l2Normalize(x: tf.Tensor): tf.Tensor { return tf.tidy(() => x.div(x.norm())); }\nconst feat = tf.ones([4]);\nl2Normalize(feat);`,
      errors: [{ messageId: 'discarded', data: { className: 'Tensor' }, line: 4 }],
      output: null,
    },
    {
      name: 'a same-file helper without a return annotation: its inferred type is a tensor',
      code: `import * as tf from '@tensorflow/tfjs';\nfunction center(x: tf.Tensor) { const inner = () => { return; }; inner(); return x.sub(x.mean()); }\nconst feat = tf.ones([4]);\ncenter(feat);`,
      errors: [{ messageId: 'discarded', data: { className: 'Tensor' }, line: 4 }],
      output: null,
    },
    {
      name: 'an opaque helper (declared elsewhere) returns a new tensor that is discarded',
      code: `import * as tf from '@tensorflow/tfjs';\nimport { buildWithDropout } from './models.js';\ndeclare function normalize(x: tf.Tensor): tf.Tensor; // e.g. from a .d.ts or another package\nconst xs = tf.ones([4]);\nnormalize(xs);\nbuildWithDropout();`,
      errors: [{ messageId: 'discarded', data: { className: 'Tensor' }, line: 5, column: 1, endColumn: 14 }],
      output: null,
    },
    {
      name: 'a helper imported from another module of the project',
      code: `import * as tf from '@tensorflow/tfjs';\nimport { scaleToUnit } from './models.js';\nconst xs = tf.ones([4]);\nscaleToUnit(xs);`,
      errors: [{ messageId: 'discarded', data: { className: 'Tensor' }, line: 4 }],
      output: null,
    },
    {
      name: 'through a local wrapper module that re-exports tfjs',
      code: `import * as w from './wrapper.js';\nconst x = w.ones([2]);\nx.relu();`,
      errors: [{ messageId: 'discarded', data: { className: 'Tensor' }, line: 3 }],
      output: null,
    },
    {
      name: 'a tensor held in a generic container',
      code: `import * as tf from '@tensorflow/tfjs';\nimport { Holder } from './models.js';\nconst h = new Holder(tf.ones([2]));\nh.value.abs();`,
      errors: [{ messageId: 'discarded', line: 4 }],
      output: null,
    },
    // shapes where the callee's declared return types cannot settle the question (the call is then resolved)
    {
      name: 'a generic helper: its return type is a type parameter, inferred as a tensor at the call',
      code: `import * as tf from '@tensorflow/tfjs';\ndeclare function identity<T>(x: T): T;\nidentity(tf.ones([2]));`,
      errors: [{ messageId: 'discarded', line: 3 }],
      output: null,
    },
    {
      name: 'an overloaded helper whose chosen overload returns a tensor',
      code: `import * as tf from '@tensorflow/tfjs';\ndeclare function scale(x: number): number;\ndeclare function scale(x: tf.Tensor): tf.Tensor;\nscale(tf.ones([2]));`,
      errors: [{ messageId: 'discarded', line: 4 }],
      output: null,
    },
    {
      name: 'a method of a generic class instantiated with a tensor',
      code: `import * as tf from '@tensorflow/tfjs';\ndeclare class Box<T> { get(): T }\ndeclare const box: Box<tf.Tensor>;\nbox.get();`,
      errors: [{ messageId: 'discarded', line: 4 }],
      output: null,
    },
    {
      name: 'a union of helpers, called through optional chaining',
      code: `import * as tf from '@tensorflow/tfjs';\ndeclare const step: ((x: tf.Tensor) => tf.Tensor) | undefined;\nstep?.(tf.ones([2]));`,
      errors: [{ messageId: 'discarded', line: 3 }],
      output: null,
    },
    {
      name: 'awaited helper result',
      code: `import * as tf from '@tensorflow/tfjs';\ndeclare function load(): Promise<tf.Tensor>;\nasync function main() { await load(); }`,
      errors: [{ messageId: 'discarded', line: 3 }],
      output: null,
    },
  ],
});

// Without type information the rule is silent (it never throws under espree/oxlint either).
createRuleTester().run('no-discarded-tensor-type-checked (untyped)', rule, {
  valid: [
    { name: 'no type information: nothing reported', code: `import * as tf from '@tensorflow/tfjs';\nfunction normalize(x) { return x.sub(1); }\nnormalize(tf.ones([2]));` },
  ],
  invalid: [],
});
