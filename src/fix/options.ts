/**
 * Edits for option objects: rename a key (shorthand, quoted and computed keys kept in their style),
 * and turn a positional tf.train argument list into its positional form from an option object.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Fixer = TSESLint.RuleFixer;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** Rename a property's key to one or more keys with the same value (`affine: false` → `center: false, scale: false`). */
export function renameKey(fixer: Fixer, sourceCode: SourceCode, prop: TSESTree.Property, to: readonly string[]): TSESLint.RuleFix {
  const value = sourceCode.getText(prop.value);
  if (prop.shorthand || to.length > 1) return fixer.replaceText(prop, to.map((k) => `${k}: ${value}`).join(', '));
  const key = prop.key;
  if (key.type === T.Literal && typeof key.value === 'string') {
    const q = key.raw.startsWith('"') ? '"' : "'";
    return fixer.replaceText(key, `${q}${to[0]}${q}`);
  }
  return fixer.replaceText(key, to[0]!);
}

/** A property can be edited without losing a comment. */
export function editable(sourceCode: SourceCode, prop: TSESTree.Property): boolean {
  return sourceCode.getCommentsInside(prop).length === 0;
}
