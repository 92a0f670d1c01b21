/**
 * Fixes and suggestions of `no-torch-module-api`, per group of src/facts/torch-module-api.ts (whose
 * `why` gives each tier's reason): `apply(…)` for `forward()` and `model(x)`, the tfjs property or
 * method for `parameters()` / `state_dict()` / …, removing device moves and `zero_grad()`, and
 * `trainable` for `requires_grad`.
 */
import { isParenthesized } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isPlainReference, literalArguments, thisInsideMethod } from '../engine/module-api.js';
import type { ModuleApiGroup } from '../facts/torch-module-api.js';
import { callParens } from './arguments.js';
import { asiSafeStatementText, hasCommentInside, removeStatement, statementOf, textAsArgument, textAsReceiver } from './edits.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type ModuleApiSuggestionId = 'useApply' | 'useApplyTraining' | 'useProperty' | 'useMethod' | 'removeCall' | 'useTrainable';
type Suggestion = TSESLint.SuggestionReportDescriptor<ModuleApiSuggestionId>;

const rename = (fixer: TSESLint.RuleFixer, member: TSESTree.MemberExpression, name: string): TSESLint.RuleFix =>
  fixer.replaceText(member.property, member.computed ? `'${name}'` : name);

/** `recv.method(args)` -> `recv.<text>` (drops the call; only for non-computed, non-parenthesized members). */
const replaceCall = (member: TSESTree.MemberExpression, call: TSESTree.CallExpression, text: string) => (fixer: TSESLint.RuleFixer) =>
  fixer.replaceTextRange([member.property.range[0], call.range[1]], text);

/** Remove the call: the whole statement (plain receivers), or the call keeping its receiver (`model.cuda().predict(x)`). */
const removeCall = (sourceCode: SourceCode, member: TSESTree.MemberExpression, call: TSESTree.CallExpression) => (fixer: TSESLint.RuleFixer) => {
  const stmt = isPlainReference(member.object) ? statementOf(call) : null;
  return stmt ? removeStatement(fixer, sourceCode, stmt) : fixer.replaceText(call, textAsReceiver(sourceCode, member.object));
};

/** `apply(…)` and `apply(x, {training: true})`; `head` is the new callee text; the whole call is rewritten (callee parens included). */
function applySuggestions(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  head: string,
  useApply: (f: TSESLint.RuleFixer) => TSESLint.RuleFix,
): Suggestion[] {
  const out: Suggestion[] = [{ messageId: 'useApply', fix: useApply }];
  const [arg] = call.arguments;
  if (call.arguments.length === 1 && arg && arg.type !== T.SpreadElement) {
    const text = `${head}(${textAsArgument(sourceCode, arg)}, {training: true})`;
    out.push({ messageId: 'useApplyTraining', fix: (fixer) => fixer.replaceText(call, text) });
  }
  return out;
}

export interface ModuleApiRepair {
  readonly fix: TSESLint.ReportFixFunction | null;
  readonly suggest: Suggestion[];
}

/** The autofix (exact cases only) and the suggestions for `recv.<method>(…)`, a PyTorch method of `group` on a tfjs `kind`. */
export function moduleApiRepair(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  method: string,
  group: ModuleApiGroup,
  kind: string,
): ModuleApiRepair {
  const plain = !member.computed && !isParenthesized(member as never, sourceCode as never);
  const literal = literalArguments(call);
  const suggest: Suggestion[] = [];
  let fix: TSESLint.ReportFixFunction | null = null;
  switch (group) {
    case 'forward':
      // inside the layer's own call(), `this.apply(x)` would recurse forever: call() IS the forward pass
      if (!thisInsideMethod(member, 'call')) {
        const object = textAsReceiver(sourceCode, member.object);
        const head = member.computed ? `${object}${member.optional ? '?.' : ''}['apply']` : `${object}${member.optional ? '?.' : '.'}apply`;
        suggest.push(...applySuggestions(sourceCode, call, head, (f) => rename(f, member, 'apply')));
      }
      break;
    case 'parameters':
      if (plain && literal) {
        for (const replacement of ['trainableWeights', 'weights']) {
          suggest.push({ messageId: 'useProperty', data: { replacement }, fix: replaceCall(member, call, replacement) });
        }
      }
      break;
    case 'children':
      if (plain && literal && kind === 'model') suggest.push({ messageId: 'useProperty', data: { replacement: 'layers' }, fix: replaceCall(member, call, 'layers') });
      break;
    case 'stateDict':
    case 'numParameters':
      if (plain && call.arguments.length === 0) {
        const replacement = group === 'stateDict' ? 'getWeights' : 'countParams';
        suggest.push({ messageId: 'useMethod', data: { replacement }, fix: replaceCall(member, call, `${replacement}()`) });
      }
      break;
    case 'loadStateDict':
      suggest.push({ messageId: 'useMethod', data: { replacement: 'setWeights' }, fix: (f) => rename(f, member, 'setWeights') });
      break;
    case 'countParams':
      // always throws; countParams() is the exact Keras equivalent (see src/facts/torch-module-api.ts)
      if (call.arguments.length === 0) fix = (f) => rename(f, member, 'countParams');
      break;
    case 'device':
      // always throws; tfjs has no per-model device, so the exact equivalent is nothing
      if (literal && !hasCommentInside(sourceCode, call)) fix = removeCall(sourceCode, member, call);
      else suggest.push({ messageId: 'removeCall', data: { method }, fix: removeCall(sourceCode, member, call) });
      break;
    case 'zeroGrad':
      if (statementOf(call)) suggest.push({ messageId: 'removeCall', data: { method }, fix: removeCall(sourceCode, member, call) });
      break;
    case 'requiresGradCall': {
      const stmt = statementOf(call);
      const [arg] = call.arguments;
      if (stmt && literal && call.arguments.length <= 1) {
        const value = arg ? sourceCode.getText(arg) : 'true';
        const text = `${textAsReceiver(sourceCode, member.object)}.trainable = ${value}`;
        suggest.push({ messageId: 'useTrainable', fix: (f) => f.replaceText(stmt.expression, asiSafeStatementText(sourceCode, stmt, text)) });
      }
      break;
    }
  }
  return { fix, suggest };
}

/** PyTorch `model(x)` / Keras `Dense(10)(x)` -> `model.apply(x)` (and with `{training: true}`); none for `model?.(x)`. */
export function callModuleSuggestions(sourceCode: SourceCode, call: TSESTree.CallExpression): Suggestion[] {
  if (call.optional) return [];
  const head = `${textAsReceiver(sourceCode, call.callee)}.apply`;
  // the `(` that opens the arguments (after any parens around the callee, and type arguments)
  const { open } = callParens(sourceCode, call);
  return applySuggestions(sourceCode, call, head, (f) => f.replaceTextRange([call.range[0], open.range[0]], head));
}

/** `x.requires_grad` -> `x.trainable`: a read, or a plain `=` write (`+=`, `++`, destructuring targets keep their report only). */
export function useTrainableSuggestions(member: TSESTree.MemberExpression, isWrite: boolean): Suggestion[] {
  const renamable = !isWrite || (member.parent.type === T.AssignmentExpression && member.parent.operator === '=');
  return renamable ? [{ messageId: 'useTrainable', fix: (f) => rename(f, member, 'trainable') }] : [];
}
