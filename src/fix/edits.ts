/**
 * Fix helpers: comment-, parenthesis- and ASI-aware edits shared by the rules.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../engine/ast.js';

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
  // `a()\nm.eval()\n;[1].forEach(g)`: the statement owns the `;` that guards the next line;
  // removing it would silently join `a()[1]…`. Keep an empty statement instead.
  if (startsWithAsiHazard(sourceCode.getTokenAfter(stmt)?.value ?? '') && needsSeparator(sourceCode, stmt)) {
    return fixer.replaceText(stmt, ';');
  }
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

/** A token or text that would continue the previous line's expression if that line has no `;`. */
function startsWithAsiHazard(text: string): boolean {
  return /^[([`+\-/]/.test(text);
}

/** Whether code placed at the start of `stmt` could join the previous statement (no `;`/`{` before it). */
function needsSeparator(sourceCode: SourceCode, stmt: Node): boolean {
  // the body of `if (c)`, `else`, a loop or a label follows its header, which nothing can swallow: a `;`
  // there would end the body and move the statement out of it (`if (c) ;(x).y = 1`)
  const list = stmt.parent?.type === T.Program || stmt.parent?.type === T.BlockStatement || stmt.parent?.type === T.SwitchCase || stmt.parent?.type === T.StaticBlock;
  if (!list) return false;
  const prev = sourceCode.getTokenBefore(stmt);
  return !!prev && prev.value !== ';' && prev.value !== '{';
}

/**
 * Text that replaces a whole statement's expression: prefixed with `;` when it starts with `(`, `[`,
 * a template or a sign and the previous statement does not end with `;` (ASI would join them).
 */
export function asiSafeStatementText(sourceCode: SourceCode, stmt: TSESTree.ExpressionStatement, text: string): string {
  return startsWithAsiHazard(text) && needsSeparator(sourceCode, stmt) ? `;${text}` : text;
}

/**
 * Text that replaces `node` as an expression: a leading `(` at the start of an expression statement
 * gets a `;` so the previous line cannot swallow it as a call (`a = b\n(await t.data())[0]`). Only a
 * leading `(` is guarded here (the parenthesised text callers put in front of an expression); the
 * statement case is `asiSafeStatementText`'s.
 */
export function asiSafeExpressionText(sourceCode: SourceCode, node: Node, text: string): string {
  if (!text.startsWith('(')) return text;
  let n: Node = node;
  while (n.parent && n.parent.type !== T.ExpressionStatement && n.parent.range[0] === node.range[0]) n = n.parent;
  const stmt = n.parent;
  if (stmt?.type !== T.ExpressionStatement || stmt.range[0] !== node.range[0]) return text;
  return asiSafeStatementText(sourceCode, stmt, text);
}

/** The source text of a node, parenthesised when it is not a simple member/call/identifier chain. */
export function textAsReceiver(sourceCode: SourceCode, node: Node): string {
  const text = sourceCode.getText(node);
  switch (node.type) {
    case T.Identifier:
    case T.MemberExpression:
    case T.CallExpression:
    case T.TSNonNullExpression:
    case T.ThisExpression:
    case T.Literal:
    case T.ArrayExpression:
    case T.ObjectExpression:
      return text;
    default:
      return `(${text})`;
  }
}

/** An argument's source text, keeping the parentheses a sequence expression needs when moved. */
export function textAsArgument(sourceCode: SourceCode, arg: Node): string {
  return arg.type === T.SequenceExpression ? `(${sourceCode.getText(arg)})` : sourceCode.getText(arg);
}

/** The enclosing ExpressionStatement when the expression is the whole statement. */
export function statementOf(node: Node): TSESTree.ExpressionStatement | null {
  let n: Node = node;
  while (n.parent && (n.parent.type === T.ChainExpression || n.parent.type === T.AwaitExpression)) n = n.parent;
  return n.parent?.type === T.ExpressionStatement && n.parent.expression === n ? n.parent : null;
}

/** Text to insert before or after a node (a suggestion's whole edit). */
export interface TextInsertion {
  readonly at: Node;
  readonly where: 'before' | 'after';
  readonly text: string;
}

/** The fixer that makes an insertion. */
export function insertText(edit: TextInsertion) {
  return (fixer: Fixer): TSESLint.RuleFix => (edit.where === 'before' ? fixer.insertTextBefore(edit.at, edit.text) : fixer.insertTextAfter(edit.at, edit.text));
}
