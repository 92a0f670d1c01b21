// Unit tests of src/engine/trainable.ts: value identity (`resolveValue`) answers the same whatever the
// order of the queries.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveValue, type ResolvedValue } from '../../src/engine/trainable.js';
import { probed, withTf } from './probe.js';

const H = `import * as tf from '@tensorflow/tfjs';\n`;
/** An alias chain longer than the resolver's depth limit: m0 … m9. */
const CHAIN = `const m0 = tf.sequential();\n${Array.from({ length: 9 }, (_, i) => `const m${i + 1} = m${i};`).join('\n')}\n`;
const code = `${H}${CHAIN}probe(m9);\nprobe(m4);\nprobe(m5);`;

const describeValue = (v: ResolvedValue | null): string | null => (v ? `${v.kind}:${v.keys.size}` : null);

describe('resolveValue: results cut short by the depth limit are not memoised', () => {
  it('a shallow alias resolves to the model on its own', () => {
    withTf(code, (file, ast) => {
      const v = resolveValue(file, probed(file, ast, 1));
      assert.equal(v?.kind, 'model');
    });
  });

  it('the same shallow alias resolves the same after a deep query walked through it', () => {
    let fresh: (string | null)[] = [];
    withTf(code, (file, ast) => {
      fresh = [resolveValue(file, probed(file, ast, 1)), resolveValue(file, probed(file, ast, 2))].map(describeValue);
    });
    withTf(code, (file, ast) => {
      const deep = resolveValue(file, probed(file, ast, 0)); // m9: beyond the limit from here
      assert.equal(deep, null);
      const after = [resolveValue(file, probed(file, ast, 1)), resolveValue(file, probed(file, ast, 2))].map(describeValue);
      assert.deepEqual(after, fresh);
      assert.equal(after[0], 'model:5'); // m4 … m0
    });
  });
});
