// Unit tests of src/engine/declared-types.ts: the kind of a value read from the parts of a same-file TS
// annotation (members, elements, destructured names), without type information.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { probed, withTf } from './probe.js';

const HEAD = `import * as tf from '@tensorflow/tfjs';\ndeclare function probe(x: unknown): void;\n`;

/** The kind the engine gives to the argument of `probe(…)` in `code`. */
function kindIn(code: string): string | null {
  let kind: string | null = null;
  withTf(HEAD + code, (file, ast) => {
    kind = file.kindOf(probed(file, ast))?.kind ?? null;
  });
  return kind;
}

describe('declared types: parts of annotated values', () => {
  const tensors: [string, string][] = [
    ['a member of a type literal', `function f(batch: { xs: tf.Tensor; ys: tf.Tensor }) { probe(batch.xs); }`],
    ['a member of a same-file interface', `interface Batch { xs: tf.Tensor }\nfunction f(b: Batch) { probe(b.xs); }`],
    ['a member of a type alias of a type alias', `type Inner = { xs: tf.Tensor };\ntype Batch = Inner;\nfunction f(b: Batch) { probe(b.xs); }`],
    ['a quoted member', `function f(b: { xs: tf.Tensor }) { probe(b['xs']); }`],
    ['an element of T[]', `function f(xs: tf.Tensor[]) { probe(xs[0]); }`],
    ['an element of Array<T>', `function f(xs: Array<tf.Tensor>) { probe(xs[1]); }`],
    ['an element of readonly T[]', `function f(xs: readonly tf.Tensor[]) { probe(xs[1]); }`],
    ['a for…of element', `function f(xs: tf.Tensor[]) { for (const x of xs) probe(x); }`],
    ['a forEach callback parameter', `function f(xs: tf.Tensor[]) { xs.forEach((x) => probe(x)); }`],
    ['a map callback parameter destructured', `function f(bs: { xs: tf.Tensor }[]) { bs.map(({ xs }) => probe(xs)); }`],
    ['a name destructured in for…of', `interface Batch { xs: tf.Tensor; ys: tf.Tensor }\nfunction f(bs: Batch[]) { for (const { xs } of bs) probe(xs); }`],
    ['a member of an element', `interface Batch { xs: tf.Tensor }\nfunction f(bs: Batch[]) { probe(bs[0].xs); }`],
    ['a tuple position', `type Pair = [tf.Tensor, tf.Variable];\nfunction f(p: Pair) { probe(p[0]); }`],
    ['a name destructured from a tuple parameter', `function f([x, y]: [tf.Tensor, tf.Tensor]) { probe(y); }`],
    ['a const alias of an annotated parameter', `function f(batch: { xs: tf.Tensor }) { const b = batch; probe(b.xs); }`],
    ['a const destructured from an annotated parameter', `function f(batch: { xs: tf.Tensor }) { const { xs: inputs } = batch; probe(inputs); }`],
    ['a member of an annotated class field', `class T { batch: { xs: tf.Tensor }; run() { probe(this.batch.xs); } }`],
    ['a member of an annotated variable', `declare const data: { xs: tf.Tensor };\nprobe(data.xs);`],
    ['a parameter with a default value', `function f({ xs }: { xs: tf.Tensor } = null) { probe(xs); }`],
  ];
  for (const [name, code] of tensors) it(`${name} is a tensor`, () => assert.equal(kindIn(code), 'tensor'));

  it('a member typed as a model is a model', () => assert.equal(kindIn(`interface Agent { model: tf.LayersModel }\nfunction f(a: Agent) { probe(a.model); }`), 'model'));

  const unknown: [string, string][] = [
    ['a member the type does not declare', `function f(b: { xs: tf.Tensor }) { probe(b.ys); }`],
    ['a member of a non-tfjs type', `function f(b: { xs: number[] }) { probe(b.xs); }`],
    ['a generic interface (its members may be type parameters)', `interface Box<T> { v: T }\nfunction f(b: Box<tf.Tensor>) { probe(b.v); }`],
    ['an imported type (not read without a checker)', `import type { Batch } from './types';\nfunction f(b: Batch) { probe(b.xs); }`],
    ['a user type named Array', `type Array<T> = { first: T };\nfunction f(xs: Array<tf.Tensor>) { probe(xs[0]); }`],
    ['a for…of over a tuple of different types', `function f(p: [tf.Tensor, number]) { for (const x of p) probe(x); }`],
    ['an optional tuple position', `function f(p: [tf.Tensor, tf.Tensor?]) { probe(p[1]); }`],
    ['a let destructured from an annotated value (it may be written again)', `function f(b: { xs: tf.Tensor }) { let { xs } = b; xs = null; probe(xs); }`],
    ['a rest element', `function f(xs: tf.Tensor[]) { const [...rest] = xs; probe(rest); }`],
    ['a Map value (not followed)', `function f(m: Map<string, tf.Tensor>) { probe(m.get('a')); }`],
  ];
  for (const [name, code] of unknown) it(`${name} stays unknown`, () => assert.equal(kindIn(code), null));
});
