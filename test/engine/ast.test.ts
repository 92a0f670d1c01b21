// forEachNode (src/engine/ast.ts): the linted file's nodes read from ESLint's cached traversal steps, in the
// same order and number as a walk of the AST; a SourceCode without steps falls back to the walk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { findProperty, forEachNode, isFunction, isPromiseExecutor, walk, type Node } from '../../src/engine/ast.js';
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';

const espreeParse = (code: string): TSESTree.Program => espree.parse(code, { ecmaVersion: 'latest' }) as unknown as TSESTree.Program;

const CODE = `import * as tf from '@tensorflow/tfjs';
class Net extends tf.layers.Layer { call(x: tf.Tensor) { return tf.tidy(() => x.square()); } }
const model = tf.sequential();
for (const b of [1, 2]) { if (b > 1) model.predict(tf.ones([b, 2])); else void 0; }
export default (async () => { try { await model.fit(tf.ones([1]), tf.ones([1])); } finally { tf.disposeVariables(); } })();
`;

function collect(traverse: boolean): { fromSteps: string[]; fromWalk: string[]; stepsRead: boolean } {
  const out = { fromSteps: [] as string[], fromWalk: [] as string[], stepsRead: false };
  new Linter({ configType: 'flat' }).verify(
    CODE,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never },
        plugins: {
          p: {
            rules: {
              r: {
                create(context) {
                  const sc = context.sourceCode as unknown as Parameters<typeof forEachNode>[0];
                  const probe = traverse
                    ? {
                        ...sc,
                        ast: sc.ast,
                        visitorKeys: sc.visitorKeys,
                        traverse: () => {
                          out.stepsRead = true;
                          return (sc.traverse as () => unknown).call(context.sourceCode);
                        },
                      }
                    : { ast: sc.ast, visitorKeys: sc.visitorKeys };
                  forEachNode(probe, true, (n) => out.fromSteps.push(`${n.type}@${n.range[0]}`));
                  walk(sc.ast as Node, sc.visitorKeys, (n) => void out.fromWalk.push(`${n.type}@${n.range[0]}`));
                  return {};
                },
              },
            },
          },
        },
        rules: { 'p/r': 'error' },
      },
    ],
    'file.ts',
  );
  return out;
}

describe('forEachNode', () => {
  it("reads ESLint's traversal steps for the linted file: every node once, entering order, as the walk", () => {
    const { fromSteps, fromWalk, stepsRead } = collect(true);
    assert.ok(stepsRead, 'the steps were used');
    assert.ok(fromWalk.length > 60, `${fromWalk.length} nodes`);
    assert.deepEqual(fromSteps, fromWalk);
  });

  it('falls back to the walk without steps (a module parsed by the engine, oxlint)', () => {
    const { fromSteps, fromWalk, stepsRead } = collect(false);
    assert.equal(stepsRead, false);
    assert.deepEqual(fromSteps, fromWalk);
  });
});

describe('isPromiseExecutor', () => {
  it('is the first argument of `new Promise(…)` only', () => {
    const code = `new Promise((resolve) => resolve(1));\nnew Foo(() => 1);\nnew Promise(ok, () => 2);\nPromise.resolve().then(() => 3);\n`;
    const fns: Node[] = [];
    new Linter({ configType: 'flat' }).verify(code, [
      {
        plugins: { p: { rules: { r: { create: (context) => ({ Program: (n) => walk(n as never, context.sourceCode.visitorKeys as never, (x) => void (isFunction(x) && fns.push(x))) }) } } } },
        rules: { 'p/r': 'error' },
      },
    ]);
    assert.deepEqual(fns.map((f) => isPromiseExecutor(f)), [true, false, false, false]);
  });
});

// findProperty: a later spread drops the key only when it may set it (`...(first ? { inputShape } : {})` cannot)
describe('findProperty with spreads after the key', () => {
  const padding = (objectText: string): string | null => {
    const program = espreeParse(`({${objectText}})`);
    const obj = (program.body[0] as { expression: TSESTree.ObjectExpression }).expression;
    const p = findProperty(obj, 'padding');
    return p ? String((p.value as TSESTree.Literal).value) : null;
  };
  it('keeps the key when the spread provably lacks it', () => {
    assert.equal(padding(`padding: 1, ...(first ? { inputShape: [4] } : {})`), '1');
    assert.equal(padding(`padding: 1, ...(big && { units: 8 }), ...null`), '1');
    assert.equal(padding(`padding: 1, ...(cfg ?? { units: 8 })`), null, 'cfg may hold padding');
  });
  it('drops it when the spread may set it', () => {
    assert.equal(padding(`padding: 1, ...opts`), null);
    assert.equal(padding(`padding: 1, ...(first ? { padding: 'same' } : {})`), null);
    assert.equal(padding(`padding: 1, ...{ [key]: 'same' }`), null);
    assert.equal(padding(`...opts, padding: 1`), '1');
  });
});
