import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap, walk } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { gradientContextOf, type GradientContext } from '../src/gradient-context.js';
import { modelReachesModeDependent, provenanceOf } from '../src/model-structure.js';
import { getTfFile, type TfFile } from '../src/resolver.js';
import {
  appendArgument,
  calledOutsideGradientContexts,
  describeEffects,
  isFrozen,
  kwargsState,
  modeEffects,
  projectMayBeModeDependent,
} from '../src/training-mode.js';

/** Model methods that always run in inference mode (no kwargs reach the layers). */
const INFERENCE_METHODS = new Set(['predict', 'predictOnBatch', 'execute']);

/** APIs that differentiate with respect to their explicit inputs (saliency maps, adversarial examples): nothing trains. */
const INPUT_GRADIENT_APIS = new Set(['grad', 'grads', 'valueAndGrad', 'valueAndGrads']);

/** Position of the `varList` argument of each training API. */
const VAR_LIST_INDEX: Readonly<Record<string, number>> = { minimize: 2, computeGradients: 1, variableGrads: 1 };

/**
 * A step that optimizes only explicit `tf.variable`s (`minimize(f, false, [image])`: style transfer,
 * input optimization) uses the model as a fixed feature extractor: inference mode is intended.
 */
function optimizesOnlyOwnVariables(tf: TfFile, ctx: GradientContext): boolean {
  const list = unwrap(ctx.call.arguments[VAR_LIST_INDEX[ctx.api] ?? -1]);
  return (
    list?.type === T.ArrayExpression &&
    list.elements.length > 0 &&
    list.elements.every((e) => !!e && e.type !== T.SpreadElement && tf.kindOf(e)?.kind === 'tensor')
  );
}

/**
 * The models and layers a step's `varList` names (`head.trainableWeights`, `[...enc.getWeights()]`),
 * by source text, or null when there is no such list. Other models run in that step are fixed
 * feature extractors, for which inference mode is intended. For `minimize`, a list misplaced in the
 * `returnCost` position (reported by no-misplaced-var-list) still tells which model the step trains.
 */
function modelsInVarList(tf: TfFile, ctx: GradientContext): Set<string> | null {
  const index = VAR_LIST_INDEX[ctx.api] ?? -1;
  const lists = [ctx.call.arguments[index]];
  if (ctx.api === 'minimize') lists.push(ctx.call.arguments[1]);
  const names = new Set<string>();
  for (const list of lists) {
    if (!list || list.type === T.SpreadElement) continue;
    walk(list, tf.sourceCode.visitorKeys, (n) => {
      if (n.type !== T.Identifier && n.type !== T.MemberExpression) return undefined;
      const k = tf.kindOf(n);
      if (k && (k.kind === 'model' || k.kind === 'layer')) {
        names.add(tf.sourceCode.getText(n));
        return false;
      }
      return undefined;
    });
  }
  return names.size > 0 ? names : null;
}

export default createRule({
  name: 'require-training-flag',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `{training: true}` when a custom training step runs a model with Dropout or BatchNormalization',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      inferenceInTrainingStep:
        '`{{method}}()` inside this `{{api}}()` training step runs the {{kind}} in inference mode: {{effects}}. tfjs has no `model.train()`; only `{training: true}` passed to `apply()` trains these layers.',
      addTrainingFlag: 'Pass `{training: true}` so this step runs in training mode.',
      useApplyWithTraining: 'Call `apply(…, {training: true})` instead of `{{method}}()`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const tf = getTfFile(context);
    if (!tf.isTfFile) return {};
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const m = calledMember(node);
        if (!m || (m.name !== 'apply' && !INFERENCE_METHODS.has(m.name))) return;
        const receiver = unwrap(m.member.object)!;
        const info = tf.kindOf(receiver);
        if (!info || info.promise || (info.kind !== 'model' && info.kind !== 'layer')) return;
        if (m.name !== 'apply' && info.kind !== 'model') return;
        const first = node.arguments[0];
        if (!first || first.type === T.SpreadElement) return;
        const kwargs = m.name === 'apply' ? kwargsState(node, 1) : 'missing';
        if (kwargs === 'explicit' || kwargs === 'unknown') return;
        if (m.name === 'apply' && tf.kindOf(first)?.kind === 'symbolic') return; // building a graph, not running it

        const ctx = gradientContextOf(tf, node);
        if (!ctx || INPUT_GRADIENT_APIS.has(ctx.api) || optimizesOnlyOwnVariables(tf, ctx)) return;
        if (isFrozen(tf, receiver)) return;
        const trained = modelsInVarList(tf, ctx);
        if (trained && !trained.has(sourceCode.getText(receiver))) return;

        const reach = modelReachesModeDependent(tf, receiver);
        if (reach === 'no') return;
        let effects: string;
        if (reach === 'yes') {
          effects = describeEffects(modeEffects(tf, receiver));
        } else {
          const origin = provenanceOf(tf, receiver)?.origin;
          if (origin && tf.isTfCall(origin, 'loadLayersModel')) return; // a loaded model's layers are not in the source
          if (!projectMayBeModeDependent(tf, context.physicalFilename)) return;
          effects = `if it contains Dropout or BatchNormalization (this project builds some), ${describeEffects(null)}`;
        }

        const suggest: TSESLint.SuggestionReportDescriptor<'addTrainingFlag' | 'useApplyWithTraining'>[] = [];
        // a helper that also serves inference (`getLogits` used by `predict()` too) gets no suggestion:
        // a hard-coded `true` would change that path as well; the docs recommend a `training` parameter
        const sharedHelper = ctx.depth === 1 && calledOutsideGradientContexts(tf, ctx.fn);
        if (!sharedHelper && m.name === 'apply') {
          suggest.push({ messageId: 'addTrainingFlag', fix: (fixer) => addTrainingFlag(fixer, sourceCode, node) });
        } else if (!sharedHelper && m.name !== 'execute' && node.arguments.length === 1) {
          suggest.push({
            messageId: 'useApplyWithTraining',
            data: { method: m.name },
            fix: (fixer) => [
              fixer.replaceText(m.member.property, m.member.computed ? "'apply'" : 'apply'),
              appendArgument(fixer, sourceCode, node, '{training: true}'),
            ],
          });
        }
        context.report({
          node: m.member.property,
          messageId: 'inferenceInTrainingStep',
          data: { method: m.name, api: ctx.api, kind: info.kind, effects },
          suggest,
        });
      },
    };
  },
});

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
