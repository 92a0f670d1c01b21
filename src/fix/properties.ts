/**
 * Object-literal property edits shared by every rule's fixes and suggestions (one remover for the
 * whole plugin: comments, separating commas, whole lines and `{onlyProp}` → `{}` handled once).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A property can be removed without deleting a comment (none inside it).
 */
export function canRemoveProperty(sourceCode: SourceCode, prop: TSESTree.Property): boolean {
  return sourceCode.getCommentsInside(prop).length === 0;
}

/**
 * Remove one property (and its separating comma) from an object literal. A property alone on its line
 * takes the line with it; comments around it are kept; `{onlyProp}` becomes `{}`.
 * Check `canRemoveProperty` first: comments inside the property itself would go with it.
 */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  prop: TSESTree.Property,
): TSESLint.RuleFix | TSESLint.RuleFix[] {
  const obj = prop.parent as TSESTree.ObjectExpression;
  const text = sourceCode.text;
  const after = sourceCode.getTokenAfter(prop);
  const comma = after && after.value === ',' ? after : null;
  if (obj.properties.length === 1 && sourceCode.getCommentsInside(obj).length === 0) return fixer.replaceText(obj, '{}');
  const end = comma ? comma.range[1] : prop.range[1];
  if (comma && sourceCode.getTokenAfter(prop, { includeComments: true }) !== comma) {
    // a comment between the property and its comma stays: remove the two pieces around it
    return [fixer.removeRange(prop.range), fixer.removeRange(comma.range)];
  }
  // alone on its line(s): remove the whole line
  const lineStart = text.lastIndexOf('\n', prop.range[0] - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  if (/^[ \t]*$/.test(text.slice(lineStart, prop.range[0])) && /^[ \t]*$/.test(text.slice(end, lineEnd)) && lineEnd < text.length) {
    return fixer.removeRange([lineStart, lineEnd + 1]);
  }
  if (comma) {
    // `a, prop, b` → `a, b`: also eat the spaces after the comma
    const m = /^[ \t]*/.exec(text.slice(end))!;
    return fixer.removeRange([prop.range[0], end + m[0].length]);
  }
  // last property inline: `{a: 1, prop}` → `{a: 1}` (drop the comma before it when no comment sits between)
  const before = sourceCode.getTokenBefore(prop, { includeComments: true });
  if (before && before.value === ',' && before.type === 'Punctuator') return fixer.removeRange([before.range[0], prop.range[1]]);
  return fixer.removeRange([prop.range[0], prop.range[1]]);
}
