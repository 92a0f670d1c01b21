import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelReachesModeDependent } from '../src/engine/model-structure.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { describeEffects, forwardPassOf, kwargsState, modeEffects } from '../src/engine/training-mode.js';
import { forwardKwargsSuggestions } from '../src/fix/training.js';

export default createRule({
  name: 'forward-training-kwargs',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a custom layer's `call()` to forward `kwargs` to Dropout, BatchNormalization and other mode-dependent sublayers",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      notForwarded:
        "`{{sublayer}}.apply()` does not get `call()`'s kwargs, so this sublayer always runs in inference mode: {{effects}}. tfjs sublayers do not inherit the mode; forward `kwargs`.",
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by forwardKwargsSuggestions() in src/fix/training.ts
      forwardKwargs: 'Forward `{{kwargs}}` to the sublayer.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by forwardKwargsSuggestions() in src/fix/training.ts
      forwardTraining: 'Add `training: {{kwargs}}.training` to the sublayer kwargs.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    return {
      'CallExpression[callee.type="MemberExpression"]'(node: TSESTree.CallExpression) {
        const m = calledMember(node);
        if (!m || m.name !== 'apply') return;
        const first = node.arguments[0];
        if (!first || first.type === T.SpreadElement) return;
        const state = kwargsState(node, 1);
        if (state !== 'missing' && state !== 'literal') return;
        const receiver = unwrap(m.member.object)!;
        const info = file.kindOf(receiver);
        if (!info || info.promise || (info.kind !== 'layer' && info.kind !== 'model')) return;
        const pass = forwardPassOf(file, node);
        if (!pass || modelReachesModeDependent(file, receiver) !== 'yes') return;

        const suggest = forwardKwargsSuggestions(sourceCode, node, pass);
        context.report({
          node: m.member.property,
          messageId: 'notForwarded',
          data: { sublayer: sourceCode.getText(receiver), effects: describeEffects(modeEffects(file, receiver)) },
          suggest,
        });
      },
    };
  },
});
