// Unit tests of src/engine/event-flow.ts: "can A run before B with no blocking event in between?" on ESLint's
// code paths, within a function and across same-file calls.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import type { TSESTree } from '@typescript-eslint/utils';
import { EventFlow, type FlowEvent, type FlowOptions } from '../../src/engine/event-flow.js';
import { getFileIndex, type RuleContext } from '../../src/engine/resolver.js';

type Name = 'A' | 'B' | 'X';

/** Records calls `A()`, `B()`, `X()` as events and answers `mayPrecede(first A, first B, blocked by X)`. */
function query(code: string, options: FlowOptions = {}, replay = true): boolean {
  let answer: boolean | null = null;
  let replayed: boolean | null = null;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: RuleContext) {
      const flow = new EventFlow<Name>(getFileIndex(context), { replay });
      const { CallExpression: recordCall, ...listeners } = flow.listeners;
      replayed = !('onCodePathStart' in listeners);
      flow.onEnd(() => {
        const first = (n: Name): FlowEvent<Name> => flow.all.find((e) => e.data === n)!;
        answer = flow.mayPrecede(first('A'), first('B'), (e) => e.data === 'X', options);
      });
      return {
        ...listeners,
        CallExpression(node: TSESTree.CallExpression) {
          recordCall!(node as never);
          if (node.callee.type === 'Identifier' && ['A', 'B', 'X'].includes(node.callee.name)) flow.record(node, node.callee.name as Name);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(`import '@tensorflow/tfjs';\n${code}`, [
    { plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' }, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  ]);
  assert.deepEqual(messages, []);
  assert.notEqual(answer, null, 'the end callback ran');
  assert.equal(replayed, replay, replay ? 'no code-path listener: rebuilt from the steps' : 'listens to the code paths');
  return answer!;
}

/** `mayReturnWithout(the declarator's exit, blocked by X())` of `const t = T()` in function f, both modes. */
function returnsWithout(code: string, replay: boolean): boolean {
  let answer: boolean | null = null;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: RuleContext) {
      const flow = new EventFlow<Name | 'T'>(getFileIndex(context), { calls: false, replay });
      let t: FlowEvent<Name | 'T'> | null = null;
      flow.onEnd(() => {
        answer = flow.mayReturnWithout(t!, (e) => e.data === 'X');
      });
      return {
        ...flow.listeners,
        CallExpression(node: TSESTree.CallExpression) {
          // a finally block's X() is recorded where its try starts (what no-leaked-tensor does)
          const inFinally = context.sourceCode.getAncestors(node).find((a): a is TSESTree.TryStatement => a.type === 'TryStatement' && !!a.finalizer && a.finalizer.range[0] <= node.range[0] && node.range[1] <= a.finalizer.range[1]);
          if (node.callee.type === 'Identifier' && node.callee.name === 'X') flow.record(node, 'X', inFinally ? { node: inFinally } : {});
        },
        'VariableDeclarator:exit'(node: TSESTree.VariableDeclarator) {
          if (node.id.type === 'Identifier' && node.id.name === 't') t = flow.record(node, 'T', { exit: true });
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(`import '@tensorflow/tfjs';\n${code}`, [
    { plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' }, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  ]);
  assert.deepEqual(messages, []);
  return answer!;
}

const cases: { name: string; code: string; expected: boolean; options?: FlowOptions }[] = [
  { name: 'straight line', code: `A(); B();`, expected: true },
  { name: 'B before A', code: `B(); A();`, expected: false },
  { name: 'blocked in between', code: `A(); X(); B();`, expected: false },
  { name: 'blocked on one branch only', code: `A(); if (c) X(); B();`, expected: true },
  { name: 'blocked on both branches', code: `A(); if (c) X(); else X(); B();`, expected: false },
  { name: 'early return before B', code: `function f() { A(); return; B(); }`, expected: false },
  { name: 'loop back edge: B earlier in the loop body', code: `for (const i of xs) { B(); A(); }`, expected: true },
  { name: 'loop back edge blocked at the top of the body', code: `for (const i of xs) { X(); B(); A(); }`, expected: false },
  { name: 'B in a callee called after A', code: `function g() { B(); }\nA(); g();`, expected: true },
  { name: 'B in a callee called before A', code: `function g() { B(); }\ng(); A();`, expected: false },
  { name: 'the callee blocks before B', code: `function g() { X(); B(); }\nA(); g();`, expected: false },
  { name: 'a callee that always blocks blocks the caller', code: `function block() { X(); }\nA(); block(); B();`, expected: false },
  { name: 'a callee that blocks on one path only does not', code: `function block() { if (c) X(); }\nA(); block(); B();`, expected: true },
  { name: 'A in a callee, B later in the caller (lifted to the call site)', code: `function f() { A(); }\nf(); B();`, expected: true },
  { name: 'A in one callee, B in another called later', code: `function f() { A(); }\nfunction g() { B(); }\nf(); g();`, expected: true },
  { name: 'an inline callback runs at its call', code: `xs.forEach(() => A());\nB();`, expected: true },
  {
    name: 'constructor before a method',
    code: `class K { constructor() { A(); } m() { B(); } }`,
    expected: true,
  },
  {
    name: 'two methods: any order by default',
    code: `class K { m1() { A(); } m2() { B(); } }`,
    expected: true,
  },
  {
    name: 'two methods: not ordered when only a known order counts',
    code: `class K { m1() { A(); } m2() { B(); } }`,
    expected: false,
    options: { methodsInAnyOrder: false },
  },
  {
    name: 'the method is blocked at its start',
    code: `class K { constructor() { A(); } m() { X(); B(); } }`,
    expected: false,
  },
];

describe('EventFlow.mayPrecede', () => {
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(query(c.code, c.options), c.expected, 'rebuilt from the traversal steps');
      assert.equal(query(c.code, c.options, false), c.expected, 'listening to the code paths');
    });
  }
});

describe('EventFlow.mayReturnWithout (events recorded at an exit, and where a try starts)', () => {
  const returns: { name: string; code: string; expected: boolean }[] = [
    { name: 'blocked before the end', code: `function f() { const t = T(); X(); }`, expected: false },
    { name: 'an early return skips the block', code: `function f(c) { const t = T(); if (c) return; X(); }`, expected: true },
    { name: 'blocked on both branches', code: `function f(c) { const t = T(); if (c) { X(); return; } X(); }`, expected: false },
    { name: 'a finally block counts on every way out', code: `function f(c) { const t = T(); try { if (c) return; } finally { X(); } }`, expected: false },
    { name: "the declarator's exit comes after its initialiser's calls", code: `function f() { const t = (X(), T()); }`, expected: true },
    { name: 'a loop that may not run', code: `function f(xs) { const t = T(); for (const x of xs) X(); }`, expected: true },
  ];
  for (const c of returns) {
    it(c.name, () => {
      assert.equal(returnsWithout(c.code, true), c.expected, 'rebuilt from the traversal steps');
      assert.equal(returnsWithout(c.code, false), c.expected, 'listening to the code paths');
    });
  }
});
