/**
 * Fix builders that add to a call: one more property in its literal config object (or a new config
 * argument), more positional arguments (or one at its position), and swapping two nodes' texts; and
 * the tokens that open and close a call's argument list.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Node } from '../engine/ast.js';

type Fixer = TSESLint.RuleFixer;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Adds `text` (`key: value`) to the call's config: after the last property of `config` (keeping a
 * trailing comma and one-property-per-line layouts), inside `{}`, or as a new `{text}` argument.
 */
export function addConfigProperty(sourceCode: SourceCode, call: TSESTree.CallExpression, config: TSESTree.ObjectExpression | null, text: string) {
  return (fixer: Fixer): TSESLint.RuleFix => {
    if (!config) return fixer.insertTextBefore(sourceCode.getLastToken(call)!, `{${text}}`);
    const last = config.properties[config.properties.length - 1];
    if (!last) return fixer.replaceText(config, `{${text}}`);
    const after = sourceCode.getTokenAfter(last)!;
    const comma = after.value === ',' ? after : null;
    const closing = comma ? sourceCode.getTokenAfter(comma)! : after;
    if (closing.loc.start.line > last.loc.end.line) {
      // one property per line: `\n  key: value,` with the last property's indentation
      const indent = sourceCode.lines[last.loc.start.line - 1]!.slice(0, last.loc.start.column);
      return comma ? fixer.insertTextAfter(comma, `\n${indent}${text},`) : fixer.insertTextAfter(last, `,\n${indent}${text}`);
    }
    return comma ? fixer.insertTextAfter(comma, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
  };
}

/** Appends positional arguments (`texts`) to a call, after its existing ones. */
export function appendArguments(sourceCode: SourceCode, call: TSESTree.CallExpression, texts: readonly string[]) {
  return (fixer: Fixer): TSESLint.RuleFix => {
    const closing = sourceCode.getLastToken(call)!;
    const before = sourceCode.getTokenBefore(closing)!;
    const lead = call.arguments.length === 0 || before.value === ',' ? (before.value === ',' ? ' ' : '') : ', ';
    return fixer.insertTextBefore(closing, lead + texts.join(', '));
  };
}

/**
 * Append an argument to a call that has some: `f(x)` → `f(x, <text>)`, `f((x))` → `f((x), <text>)` (never
 * inside the argument's parentheses, which would make a comma expression), `f(x,)` → `f(x, <text>)`.
 * Unlike `appendArguments` (which inserts just before the `)`), the new argument goes right after the
 * last one, so a comment between that argument and the `)` ends up after the new argument.
 */
export function appendArgument(fixer: Fixer, sourceCode: SourceCode, call: TSESTree.CallExpression, text: string): TSESLint.RuleFix {
  const closing = sourceCode.getLastToken(call)!;
  const before = sourceCode.getTokenBefore(closing)!;
  return before.value === ',' && before.type === 'Punctuator'
    ? fixer.insertTextAfter(before, ` ${text}`)
    : fixer.insertTextAfter(before, `, ${text}`);
}

/** Swaps the source texts of two non-overlapping nodes (arguments, parameters). */
export function swapTexts(sourceCode: SourceCode, a: Node, b: Node) {
  return (fixer: Fixer): TSESLint.RuleFix[] => [fixer.replaceText(a, sourceCode.getText(b)), fixer.replaceText(b, sourceCode.getText(a))];
}

/**
 * Puts `text` as the call's positional argument `index`: replaces the argument there, or appends it
 * after the last one, passing `skipped[i]` (or `undefined`) for each argument `i` missing before it.
 */
export function setArgument(call: TSESTree.CallExpression, index: number, text: string, skipped: Readonly<Record<number, string>> = {}) {
  return (fixer: Fixer): TSESLint.RuleFix => {
    const args = call.arguments;
    if (args.length > index) return fixer.replaceText(args[index]!, text);
    let filler = '';
    for (let i = args.length; i < index; i++) filler += `, ${skipped[i] ?? 'undefined'}`;
    return fixer.insertTextAfter(args[args.length - 1]!, `${filler}, ${text}`);
  };
}

/** The `(` and `)` tokens of a call's argument list (after any parentheses around the callee). */
export function callParens(sourceCode: SourceCode, call: TSESTree.CallExpression): { open: TSESTree.Token; close: TSESTree.Token } {
  const open = sourceCode.getTokenAfter(call.callee, { filter: (t) => t.value === '(' && t.range[0] >= (call.typeArguments ?? call.callee).range[1] })!;
  return { open, close: sourceCode.getLastToken(call)! };
}
