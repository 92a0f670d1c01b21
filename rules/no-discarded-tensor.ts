import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { discardedOp } from '../src/engine/discarded.js';
import { isVariableValue, reassignableBinding } from '../src/engine/tensor-api.js';

export default createRule({
  name: 'no-discarded-tensor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow statements that compute a new tfjs tensor and throw it away (the PyTorch in-place habit)',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      discarded:
        'tfjs tensors are immutable: `{{op}}()` returns a new tensor and changes nothing in place, so this result is lost. Keep it (`x = …`) or use `v.assign(…)` on a tf.Variable.',
      assignBack: 'Keep the result: `{{text}}`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    return {
      'ExpressionStatement > CallExpression, ExpressionStatement > ChainExpression > CallExpression'(node: TSESTree.CallExpression) {
        const d = discardedOp(file, node);
        if (!d) return;
        const { op, target, report } = d;

        const suggest: TSESLint.SuggestionReportDescriptor<'assignBack'>[] = [];
        if (target && file.kindOf(target)?.kind === 'tensor' && sourceCode.getCommentsInside(node).length === 0) {
          const call = sourceCode.getText(node);
          const t = sourceCode.getText(target);
          const text = isVariableValue(file, target)
            ? `${t}.assign(${call})`
            : reassignableBinding(file, target)
              ? `${t} = ${call}`
              : null;
          if (text) suggest.push({ messageId: 'assignBack', data: { text }, fix: (f) => f.replaceText(node, text) });
        }
        context.report({ node: report, messageId: 'discarded', data: { op }, suggest });
      },
    };
  },
});
