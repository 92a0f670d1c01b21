/**
 * Suggestions of the training-flag rules (`require-training-flag` and its typed companion): run an
 * inference call of a training step in training mode (test/semantics/training-flag.test.ts), and give
 * a distillation step the student's weights as its var list; and of forward-training-kwargs: forward a
 * custom layer's kwargs to its sublayers (test/semantics/forward-kwargs.test.ts).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type FunctionNode, type Node } from '../engine/ast.js';
import type { forwardPassOf } from '../engine/training-mode.js';
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

/** How the suggestion refers to `call()`'s kwargs: its parameter name, or a parameter to add. */
function kwargsAccess(call: FunctionNode): { name: string; addParam: boolean } | { name: null } {
  const p = call.params[1];
  if (!p) return call.params.length === 1 && call.params[0]!.type === T.Identifier ? { name: 'kwargs', addParam: true } : { name: null };
  const id = p.type === T.AssignmentPattern ? p.left : p;
  return id.type === T.Identifier ? { name: id.name, addParam: false } : { name: null };
}

/**
 * In a helper that `call()` calls (`this.forward(x, kwargs)`): the helper's own parameter, when every call of
 * it passes `call()`'s kwargs there; else no suggestion (two places would have to change).
 */
function helperKwargsAccess(call: FunctionNode, helper: FunctionNode, sites: readonly TSESTree.CallExpression[]): { name: string; addParam: false } | { name: null } {
  const outer = call.params[1];
  const own = helper.params[1];
  if (outer?.type !== T.Identifier || own?.type !== T.Identifier) return { name: null };
  return sites.every((s) => unwrap(s.arguments[1])?.type === T.Identifier && (unwrap(s.arguments[1]) as TSESTree.Identifier).name === outer.name) ? { name: own.name, addParam: false } : { name: null };
}

export type ForwardKwargsSuggestionId = 'forwardKwargs' | 'forwardTraining';

/**
 * Suggestions of forward-training-kwargs: hand a sublayer's `apply()` in a custom layer's forward pass the
 * kwargs `call()` receives (`apply(x, kwargs)`, or `training: kwargs.training` in an options object it
 * already has), adding the parameter to `call(inputs)` when it has none; none when the kwargs cannot be named
 * (a destructured parameter, a helper some of whose calls pass something else).
 */
export function forwardKwargsSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.CallExpression,
  pass: NonNullable<ReturnType<typeof forwardPassOf>>,
): TSESLint.SuggestionReportDescriptor<ForwardKwargsSuggestionId>[] {
  const access = pass.method === pass.call ? kwargsAccess(pass.call) : helperKwargsAccess(pass.call, pass.method, pass.sites);
  const call = pass.method;
  const suggest: TSESLint.SuggestionReportDescriptor<ForwardKwargsSuggestionId>[] = [];
  if (access.name !== null) {
    const name = access.name;
    const param = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
      if (!access.addParam) return [];
      const input = call.params[0] as TSESTree.Identifier;
      return [fixer.insertTextAfter(input, input.typeAnnotation ? `, ${name}: Record<string, unknown>` : `, ${name}`)];
    };
    const obj = unwrap(node.arguments[1]);
    if (obj?.type === T.ObjectExpression) {
      const last = obj.properties[obj.properties.length - 1];
      const prop = `training: ${name}.training`;
      suggest.push({
        messageId: 'forwardTraining',
        data: { kwargs: name },
        fix: (fixer) => [
          ...param(fixer),
          last ? fixer.insertTextAfter(last, `, ${prop}`) : fixer.insertTextAfter(sourceCode.getFirstToken(obj)!, prop),
        ],
      });
    } else {
      suggest.push({
        messageId: 'forwardKwargs',
        data: { kwargs: name },
        fix: (fixer) => [...param(fixer), appendArgument(fixer, sourceCode, node, name)],
      });
    }
  }
  return suggest;
}
