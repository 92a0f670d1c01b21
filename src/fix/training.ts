/**
 * Suggestions of the training-flag rules (`require-training-flag` and its typed companion): run an
 * inference call of a training step in training mode (test/semantics/training-flag.test.ts), and give
 * a distillation step the student's weights as its var list.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../engine/ast.js';
import type { GradientContext } from '../engine/gradient-context.js';
import type { FileIndex } from '../engine/resolver.js';
import { textMeansSameAt } from '../engine/trainable.js';
import { mayServeInference, type InferenceCall } from '../engine/training-step.js';
import { VAR_LIST_POSITION } from '../facts/tfjs-api.js';
import { appendArgument } from './arguments.js';

export type TrainingSuggestionId = 'addTrainingFlag' | 'useApplyWithTraining';

/**
 * The suggestions that run an inference call in training mode; none where the step may also serve
 * inference (`mayServeInference`: a hard-coded `true` would change that path as well).
 */
export function trainingSuggestions(
  file: FileIndex,
  node: TSESTree.CallExpression,
  call: InferenceCall,
): TSESLint.SuggestionReportDescriptor<TrainingSuggestionId>[] {
  const sourceCode = file.sourceCode;
  if (mayServeInference(file, call)) return [];
  if (call.method === 'apply') {
    return [{ messageId: 'addTrainingFlag', fix: (fixer) => addTrainingFlag(fixer, sourceCode, node) }];
  }
  if (call.method !== 'execute' && node.arguments.length === 1) {
    const member = call.member;
    return [
      {
        messageId: 'useApplyWithTraining',
        data: { method: call.method },
        fix: (fixer) => [
          fixer.replaceText(member.property, member.computed ? "'apply'" : 'apply'),
          appendArgument(fixer, sourceCode, node, '{training: true}'),
        ],
      },
    ];
  }
  return [];
}

/** `apply(x)` → `apply(x, {training: true})`; `apply(x, {mask})` → `apply(x, {mask, training: true})`. */
function addTrainingFlag(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): TSESLint.RuleFix {
  const obj = unwrap(call.arguments[1]);
  if (obj?.type === T.ObjectExpression) {
    const last = obj.properties[obj.properties.length - 1];
    if (last) return fixer.insertTextAfter(last, ', training: true');
    return fixer.insertTextAfter(sourceCode.getFirstToken(obj)!, 'training: true');
  }
  return appendArgument(fixer, sourceCode, call, '{training: true}');
}

/** `minimize(f)` → `minimize(f, false, <student>.trainableWeights.map((w) => w.read()))`, when the text means the same there. */
export function studentVarListSuggestion(
  file: FileIndex,
  ctx: GradientContext,
  student: Node,
): TSESLint.SuggestionReportDescriptor<'passStudentWeights'>[] {
  const args = ctx.call.arguments;
  const index = VAR_LIST_POSITION[ctx.api];
  if (index === undefined || args.length === 0 || args.length > index || args.some((a) => a.type === T.SpreadElement)) return [];
  if (!textMeansSameAt(file, student, ctx.call)) return [];
  const list = `${file.sourceCode.getText(student)}.trainableWeights.map((w) => w.read())`;
  const filler = index === 2 && args.length === 1 ? 'false, ' : '';
  return [{ messageId: 'passStudentWeights', data: { list }, fix: (fixer) => appendArgument(fixer, file.sourceCode, ctx.call, `${filler}${list}`) }];
}
