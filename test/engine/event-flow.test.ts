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
function query(code: string, options: FlowOptions = {}): boolean {
  let answer: boolean | null = null;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: RuleContext) {
      const flow = new EventFlow<Name>(getFileIndex(context));
      const { CallExpression: recordCall, ...listeners } = flow.listeners;
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
    it(c.name, () => assert.equal(query(c.code, c.options), c.expected));
  }
});
