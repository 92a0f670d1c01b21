/**
 * Suggestion builders for the tensor-memory rules (no-leaked-tensor, no-async-tidy). Each one is
 * proven by a memory count in test/semantics/memory.test.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, walk, type FunctionNode, type Node } from '../engine/ast.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Does the code suspend (`await`, `yield`) outside nested functions? A tidy cannot wrap it. */
export function suspends(sourceCode: SourceCode, root: Node): boolean {
  let found = false;
  walk(root, sourceCode.visitorKeys, (n) => {
    if (found || (n !== root && isFunction(n))) return false;
    if (n.type === T.AwaitExpression || n.type === T.YieldExpression || (n.type === T.ForOfStatement && n.await)) found = true;
    return undefined;
  });
  return found;
}

/** `tf.tidy(() => <expr>)`: exact when `expr` is synchronous (tidy returns its value and keeps returned tensors). */
export function tidyWrapText(sourceCode: SourceCode, tidyRef: string, expr: Node): string | null {
  if (suspends(sourceCode, expr)) return null;
  return `${tidyRef}(() => ${sourceCode.getText(expr)})`;
}

/**
 * Insert `name.dispose();` after the statement holding the last use of a local, when that statement is
 * in the declaration's own statement list and nothing between them can leave early (`return`, `break`,
 * `continue`, `throw`) and no use sits in a closure (which could run later).
 */
export function disposeAfterLastUse(
  sourceCode: SourceCode,
  declarator: TSESTree.VariableDeclarator,
  name: string,
  uses: readonly Node[],
): { after: Node; text: string } | null {
  const decl = declarator.parent;
  const list = decl?.parent;
  if (decl?.type !== T.VariableDeclaration || (list?.type !== T.BlockStatement && list?.type !== T.SwitchCase)) return null;
  const body: readonly Node[] = list.type === T.BlockStatement ? list.body : list.consequent;
  const start = body.indexOf(decl);
  let end = start;
  for (const u of uses) {
    let n: Node = u;
    while (n.parent && n.parent !== list) {
      if (isFunction(n.parent)) return null;
      n = n.parent;
    }
    end = Math.max(end, body.indexOf(n));
  }
  if (start < 0 || end < 0) return null;
  for (let i = start; i <= end; i++) if (leavesEarly(sourceCode, body[i]!)) return null;
  const last = body[end]!;
  const line = sourceCode.lines[decl.loc.start.line - 1] ?? '';
  const indent = /^\s*/.exec(line)?.[0] ?? '';
  return { after: last, text: `\n${indent}${name}.dispose();` };
}

function leavesEarly(sourceCode: SourceCode, stmt: Node): boolean {
  let found = false;
  walk(stmt, sourceCode.visitorKeys, (n) => {
    if (found || isFunction(n)) return false;
    if (n.type === T.ReturnStatement || n.type === T.ThrowStatement || n.type === T.BreakStatement || n.type === T.ContinueStatement) found = true;
    return undefined;
  });
  return found;
}

/**
 * `tf.tidy(async () => { …; return await t.data(); })` →
 * `(async () => { const r = tf.tidy(() => { …; return t; }); try { return await r.data(); } finally { r.dispose(); } })()`.
 * Only when the function's single `await` is that final read (so the rest runs synchronously inside tidy).
 */
export function awaitAfterTidyText(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  read: { readonly call: TSESTree.CallExpression; readonly tensor: Node; readonly method: string; readonly ret: Node },
): string | null {
  // every await/yield but the one around the final read must be absent
  let awaits = 0;
  walk(fn.body, sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n)) return false;
    if (n.type === T.AwaitExpression || n.type === T.YieldExpression || (n.type === T.ForOfStatement && n.await)) awaits++;
    return undefined;
  });
  const awaited = read.ret.type === T.AwaitExpression;
  if (awaits !== (awaited ? 1 : 0)) return null;
  const text = sourceCode.text;
  const tensor = sourceCode.getText(read.tensor);
  const body =
    fn.body.type === T.BlockStatement
      ? text.slice(fn.body.range[0], read.ret.range[0]) + tensor + text.slice(read.ret.range[1], fn.body.range[1])
      : tensor;
  const used = new Set(sourceCode.getText(call).match(/[A-Za-z_$][\w$]*/g) ?? []);
  const name = ['result', 'tensor', 'out', 'kept'].find((n) => !used.has(n));
  if (!name) return null;
  const fnIndex = call.arguments.indexOf(fn as never);
  const before = call.arguments.slice(0, fnIndex).map((a) => `${sourceCode.getText(a)}, `).join('');
  const params = fn.params.length === 0 ? '()' : null;
  if (!params) return null;
  const tidy = `${sourceCode.getText(call.callee)}(${before}() => ${body.startsWith('{') || fn.body.type === T.BlockStatement ? body : wrapObject(body)})`;
  return `(async () => { const ${name} = ${tidy}; try { return await ${name}.${read.method}(); } finally { ${name}.dispose(); } })()`;
}

function wrapObject(body: string): string {
  return body.trimStart().startsWith('{') ? `(${body})` : body;
}
