/**
 * Fix helpers: comment-, parenthesis- and ASI-aware edits shared by the rules.
 */
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Node } from './ast.js';

type Fixer = TSESLint.RuleFixer;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** True when the node's range contains a comment (a fix replacing it would delete the comment). */
export function hasCommentInside(sourceCode: SourceCode, node: Node): boolean {
  return sourceCode.getCommentsInside(node).length > 0;
}

/**
 * Remove a statement. When it sits where a statement is required (`if (c) stmt;`), it becomes `{}`;
 * when it is alone on its line(s), the whole line goes.
 */
export function removeStatement(fixer: Fixer, sourceCode: SourceCode, stmt: TSESTree.Statement): TSESLint.RuleFix {
  const parent = stmt.parent;
  const inList =
    parent?.type === T.BlockStatement ||
    parent?.type === T.Program ||
    parent?.type === T.StaticBlock ||
    parent?.type === T.SwitchCase ||
    parent?.type === T.TSModuleBlock;
  if (!inList) return fixer.replaceText(stmt, '{}');
  const text = sourceCode.text;
  let [start, end] = stmt.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (/^\s*$/.test(before) && /^\s*$/.test(after)) {
    start = lineStart;
    end = Math.min(lineEnd + 1, text.length);
  }
  return fixer.removeRange([start, end]);
}

/** The source text of a node, parenthesised when it is not a simple member/call/identifier chain. */
export function textAsReceiver(sourceCode: SourceCode, node: Node): string {
  const text = sourceCode.getText(node);
  switch (node.type) {
    case T.Identifier:
    case T.MemberExpression:
    case T.CallExpression:
    case T.ThisExpression:
    case T.Literal:
    case T.ArrayExpression:
    case T.ObjectExpression:
      return text;
    default:
      return `(${text})`;
  }
}

/** The enclosing ExpressionStatement when the expression is the whole statement. */
export function statementOf(node: Node): TSESTree.ExpressionStatement | null {
  let n: Node = node;
  while (n.parent && (n.parent.type === T.ChainExpression || n.parent.type === T.AwaitExpression)) n = n.parent;
  return n.parent?.type === T.ExpressionStatement && n.parent.expression === n ? n.parent : null;
}
