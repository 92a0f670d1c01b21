/**
 * The shared core of the training-flag rules (`require-training-flag` and its typed companion):
 * which calls inside a custom training step run a model in inference mode, and the suggestions that
 * switch them to training mode (FINDINGS §2).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap, walk, type Node } from './ast.js';
import { gradientContextOf, type GradientContext } from './gradient-context.js';
import type { FileIndex } from './resolver.js';
import { homeOfNode } from './modules.js';
import { appendArgument, calledOutsideGradientContexts, isFrozen, kwargsState } from './training-mode.js';

/** Model methods that always run in inference mode (no kwargs reach the layers). */
export const INFERENCE_METHODS: ReadonlySet<string> = new Set(['predict', 'predictOnBatch', 'execute']);

/** APIs that differentiate with respect to their explicit inputs (saliency maps, adversarial examples): nothing trains. */
const INPUT_GRADIENT_APIS = new Set(['grad', 'grads', 'valueAndGrad', 'valueAndGrads']);

/** Position of the `varList` argument of each training API. */
const VAR_LIST_INDEX: Readonly<Record<string, number>> = { minimize: 2, computeGradients: 1, variableGrads: 1 };

/**
 * A step that optimizes only explicit `tf.variable`s (`minimize(f, false, [image])`: style transfer,
 * input optimization) uses the model as a fixed feature extractor: inference mode is intended.
 */
function optimizesOnlyOwnVariables(file: FileIndex, ctx: GradientContext): boolean {
  const list = unwrap(ctx.call.arguments[VAR_LIST_INDEX[ctx.api] ?? -1]);
  return (
    list?.type === T.ArrayExpression &&
    list.elements.length > 0 &&
    list.elements.every((e) => !!e && e.type !== T.SpreadElement && file.kindOf(e)?.kind === 'tensor')
  );
}

/**
 * The models and layers a step's `varList` names (`head.trainableWeights`, `[...enc.getWeights()]`),
 * by source text, or null when there is no such list. Other models run in that step are fixed
 * feature extractors, for which inference mode is intended. For `minimize`, a list misplaced in the
 * `returnCost` position (reported by no-misplaced-var-list) still tells which model the step trains.
 */
function modelsInVarList(file: FileIndex, ctx: GradientContext, isModel: (n: Node) => boolean): Set<string> | null {
  const index = VAR_LIST_INDEX[ctx.api] ?? -1;
  const lists = [ctx.call.arguments[index]];
  if (ctx.api === 'minimize') lists.push(ctx.call.arguments[1]);
  const names = new Set<string>();
  for (const list of lists) {
    if (!list || list.type === T.SpreadElement) continue;
    walk(list, file.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.Identifier && n.type !== T.MemberExpression) return undefined;
      if (isModel(n)) {
        names.add(file.sourceCode.getText(n));
        return false;
      }
      return undefined;
    });
  }
  return names.size > 0 ? names : null;
}

export interface InferenceCall {
  readonly method: string;
  readonly member: TSESTree.MemberExpression;
  readonly receiver: Node;
  readonly ctx: GradientContext;
}

/**
 * `apply(x)` without a `training` kwarg, or `predict()` / `predictOnBatch()` / `execute()`, on a
 * receiver `isModelOrLayer` accepts, inside a custom training step that trains it. Null otherwise.
 * `kindOfReceiver` says whether the receiver is a model or a layer (null: not a tfjs model/layer).
 */
export function inferenceCallInStep(
  file: FileIndex,
  node: TSESTree.CallExpression,
  kindOfReceiver: (n: Node) => 'model' | 'layer' | null,
): (InferenceCall & { kind: 'model' | 'layer' }) | null {
  const m = calledMember(node);
  if (!m || (m.name !== 'apply' && !INFERENCE_METHODS.has(m.name))) return null;
  const receiver = unwrap(m.member.object)!;
  const kind = kindOfReceiver(receiver);
  if (!kind) return null;
  if (m.name !== 'apply' && kind !== 'model') return null;
  const first = node.arguments[0];
  if (!first || first.type === T.SpreadElement) return null;
  const kwargs = m.name === 'apply' ? kwargsState(node, 1) : 'missing';
  if (kwargs === 'explicit' || kwargs === 'unknown') return null;
  if (m.name === 'apply' && file.kindOf(first)?.kind === 'symbolic') return null; // building a graph, not running it

  const ctx = gradientContextOf(file, node);
  if (!ctx || INPUT_GRADIENT_APIS.has(ctx.api) || optimizesOnlyOwnVariables(file, ctx)) return null;
  if (isFrozen(file, receiver)) return null;
  const trained = modelsInVarList(file, ctx, (n) => kindOfReceiver(n) !== null);
  // a step of another module (src/engine/modules.ts) with a var list: its names are not this file's
  if (trained && (homeOfNode(ctx.call) || !trained.has(file.sourceCode.getText(receiver)))) return null;
  return { method: m.name, member: m.member, receiver, ctx, kind };
}

export type TrainingSuggestionId = 'addTrainingFlag' | 'useApplyWithTraining';

/**
 * The suggestions that run an inference call in training mode. A helper that also serves inference
 * (`getLogits` used by `predict()` too) gets none: a hard-coded `true` would change that path as well
 * (the docs recommend a `training` parameter).
 */
export function trainingSuggestions(
  file: FileIndex,
  node: TSESTree.CallExpression,
  call: InferenceCall,
): TSESLint.SuggestionReportDescriptor<TrainingSuggestionId>[] {
  const sourceCode = file.sourceCode;
  // a helper called from another module's step may serve inference paths we do not see: no hard-coded `true`
  if (call.ctx.depth === 1 && (homeOfNode(call.ctx.call) || calledOutsideGradientContexts(file, call.ctx.fn))) return [];
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
