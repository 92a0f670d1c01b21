import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calledMember, findProperty, objectArg, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { isModelOutput, swappedCustomLoss } from '../src/engine/loss.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { LOSS_SYMMETRY } from '../src/facts/loss-symmetry.js';
import { swapTexts } from '../src/fix/arguments.js';

const isAsymmetric = (path: string): boolean => LOSS_SYMMETRY.get(path) === 'asymmetric';

export default createRule({
  name: 'no-swapped-loss-arguments',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow PyTorch-order `(prediction, target)` arguments to asymmetric tfjs losses and metrics, which take `(labels, predictions)`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      swappedArguments:
        '`tf.{{loss}}` takes `(labels, predictions)`, but a model output is passed first (PyTorch order): tfjs computes a different, wrong value without an error. Swap the arguments.',
      swappedParameters:
        "tfjs calls a compile loss as `loss(yTrue, yPred)`, so `{{prediction}}` holds the labels and `{{target}}` the predictions: `tf.{{loss}}` gets them swapped. Swap the parameters.",
      swapArguments: 'Swap the first two arguments (labels first).',
      swapParameters: 'Swap the parameters to `({{target}}, {{prediction}})` (tfjs passes yTrue first).',
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
        const m = calledMember(node);
        if (m?.name === 'compile') {
          if (node.arguments.length !== 1 || file.kindOf(m.member.object)?.kind !== 'model') return;
          const lossValue = findProperty(objectArg(node), 'loss')?.value;
          const found = swappedCustomLoss(file, lossValue, isAsymmetric);
          if (!found) return;
          const data = { prediction: found.prediction.name, target: found.target.name, loss: file.calleePath(found.call)!.join('.') };
          context.report({
            node: found.prediction,
            messageId: 'swappedParameters',
            data,
            suggest: [{ messageId: 'swapParameters', data, fix: swapTexts(sourceCode, found.fn.params[0]!, found.fn.params[1]!) }],
          });
          return;
        }
        if (node.arguments.length < 2) return;
        const [a, b] = node.arguments;
        if (!a || !b || a.type === T.SpreadElement || b.type === T.SpreadElement) return;
        const first = unwrap(a);
        // cheap syntactic gate before resolving the callee: the first argument is a call or a name
        if (first?.type !== T.CallExpression && first?.type !== T.Identifier) return;
        const p = file.calleePath(node);
        if (!p || p.length !== 2 || !isAsymmetric(p.join('.'))) return;
        if (!isModelOutput(file, a) || isModelOutput(file, b)) return;
        context.report({
          node: a,
          messageId: 'swappedArguments',
          data: { loss: p.join('.') },
          suggest: [{ messageId: 'swapArguments', fix: swapTexts(sourceCode, a, b) }],
        });
      },
    };
  },
});
