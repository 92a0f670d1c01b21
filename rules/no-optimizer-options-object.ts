import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { planOptimizer } from '../src/engine/optimizer-options.js';
import { mayTakeOptions, resolveObject, staticKeys } from '../src/engine/options.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { OPTIMIZER_PARAMS } from '../src/facts/tfjs-options.js';

const OPTIMIZER_NAMES: ReadonlySet<string> = new Set(Object.keys(OPTIMIZER_PARAMS));
/** Room left for the advice after the first sentence of `optionsObjectNoFix` (longest name and effect). */
const MAX_ADVICE = 94;

export default createRule({
  name: 'no-optimizer-options-object',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow option objects and extra arguments to the `tf.train` optimizer factories, which take positional arguments',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      optionsObject: 'tf.train.{{name}} reads this object as its learning rate, so {{effect}}. Write {{call}}.',
      optionsObjectNoFix: 'tf.train.{{name}} reads this object as its learning rate, so {{effect}}. {{advice}}',
      extraArguments: 'tf.train.{{name}} takes {{count}} arguments ({{params}}) and ignores {{extra}}.{{advice}}',
      usePositional: 'Write {{call}} (without {{dropped}}).',
      useMomentum: 'Use tf.train.momentum({{args}}) (PyTorch SGD with momentum).',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        if (node.arguments.length === 0 || !mayTakeOptions(node, OPTIMIZER_NAMES)) return;
        const path = file.calleePath(node);
        if (!path || path.length !== 2 || path[0] !== 'train') return;
        const name = path[1]!;
        const params = OPTIMIZER_PARAMS[name];
        if (!params || node.arguments.some((a) => a.type === T.SpreadElement)) return;
        const paramText = params.map((p) => p.name).join(', ');
        const first = unwrap(node.arguments[0]);
        const resolved = first?.type === T.ObjectExpression || first?.type === T.Identifier ? resolveObject(file, first) : null;
        if (resolved) {
          const effect = name === 'rmsprop' || name === 'momentum' ? 'the first training step throws' : 'every weight turns NaN after the first step';
          const keys = staticKeys(file, resolved.object);
          const complete = keys.length === resolved.object.properties.length; // no unknown spread
          const plan = complete && node.arguments.length === 1 ? planOptimizer(name, keys, sourceCode) : null;
          const callText = (args: string[]) => `${sourceCode.getText(node.callee)}(${args.join(', ')})`;
          const canEdit = sourceCode.getCommentsInside(node).length === 0;
          if (plan?.args && plan.unmapped.length === 0 && canEdit) {
            const call = callText(plan.args);
            context.report({ node: node.arguments[0]!, messageId: 'optionsObject', data: { name, effect, call: `\`${call}\`` }, fix: (f) => f.replaceText(node, call) });
            return;
          }
          const advice = plan?.missingRequired
            ? `Pass \`${plan.missingRequired}\` positionally: tfjs has no default for it.`
            : plan && plan.unmapped.length > 0
              ? unmappedAdvice(plan.unmapped)
              : `Pass the values positionally (${paramText}).`;
          const suggest: TSESLint.SuggestionReportDescriptor<'usePositional'>[] =
            plan?.args && canEdit ? [{ messageId: 'usePositional', data: { call: `\`${callText(plan.args)}\``, dropped: plan.unmapped.map((u) => `\`${u.key}\``).join(', ') }, fix: (f) => f.replaceText(node, callText(plan.args!)) }] : [];
          context.report({ node: node.arguments[0]!, messageId: 'optionsObjectNoFix', data: { name, effect, advice }, suggest });
          return;
        }
        if (node.arguments.length <= params.length) return;
        const extra = node.arguments.slice(params.length) as TSESTree.Expression[];
        const extraText = extra.map((a) => `\`${sourceCode.getText(a)}\``).join(', ');
        const suggest: TSESLint.SuggestionReportDescriptor<'useMomentum'>[] = [];
        let advice = '';
        if (name === 'adam' || name === 'adamax') advice = " For PyTorch's weight_decay, add an L2 `kernelRegularizer` to the layers.";
        if (name === 'sgd' && node.arguments.length === 2) {
          advice = ' For SGD with momentum use tf.train.momentum.';
          const callee = unwrap(node.callee);
          if (callee?.type === T.MemberExpression && !callee.computed && sourceCode.getCommentsInside(node).length === 0) {
            const args = node.arguments.map((a) => sourceCode.getText(a)).join(', ');
            suggest.push({ messageId: 'useMomentum', data: { args }, fix: (f) => f.replaceText(callee.property, 'momentum') });
          }
        }
        context.report({ node: extra[0]!, messageId: 'extraArguments', data: { name, count: String(params.length), params: paramText, extra: extraText, advice }, suggest });
      },
    };
  },
});

/**
 * What to do about the keys with no tfjs parameter: one key's advice fits the message; several (or a
 * long unknown key) are named, and the docs page lists what to use instead of each.
 */
function unmappedAdvice(unmapped: readonly { key: string; advice: string }[]): string {
  const one = unmapped.length === 1 ? `\`${unmapped[0]!.key}\`: ${unmapped[0]!.advice}.` : null;
  if (one && one.length <= MAX_ADVICE) return one;
  const keys = unmapped.map((u) => `\`${u.key}\``);
  const list = keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : keys[0]!;
  return `No tfjs parameter for ${list} (this rule's docs say what to use instead).`;
}
