import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { createRule } from '../src/create-rule.js';
import { EventFlow } from '../src/engine/event-flow.js';
import { frozenFlowCallData, frozenFlowWriteData, frozenVarListFindings, type FrozenFlowData, type HiddenFreezeReason } from '../src/engine/frozen-var-list.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { wholeLayerLoopOf } from '../src/engine/trainable.js';
import { setArgument } from '../src/fix/arguments.js';
import { hasCommentInside } from '../src/fix/edits.js';

const EFFECT_MINIMIZE = 'still updates the weights';
const EFFECT_GRADS = 'still returns gradients for the weights';
type MessageId = 'noVarList' | 'weightsVarList' | 'passTrainableWeights';

const REASONS: Readonly<Record<HiddenFreezeReason, string>> = {
  constructor: '`{trainable: false}` marks the layer, not its tf.Variables',
  compileReset: "this Sequential model's `compile()` made its tf.Variables trainable again",
};

export default createRule<[], MessageId>({
  name: 'require-var-list-when-frozen',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an explicit var list of trainable weights in custom training steps over models with frozen layers',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      noVarList:
        '`{{api}}()` without a var list {{effect}} of `{{layer}}`: {{reason}}. Pass `{{model}}.trainableWeights.map((w) => w.read())`.',
      weightsVarList:
        'This var list from `.weights` includes `{{layer}}` ({{reason}}), so `{{api}}()` {{effect}} of that layer. Use `.trainableWeights`.',
      passTrainableWeights: 'Pass `{{list}}` as the var list.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const flow = new EventFlow<FrozenFlowData>(file);
    const { CallExpression: recordCall, ...codePathListeners } = flow.listeners;
    const src = context.sourceCode;

    // the analysis (training steps, the models their loss runs, hidden freezes) is src/engine/frozen-var-list.ts
    flow.onEnd(() => {
      for (const f of frozenVarListFindings(file, flow)) {
        const { call, api, listIndex, list } = f;
        const replaced = call.arguments[listIndex];
        context.report({
          node: f.state === 'missing' ? (call.callee.type === T.MemberExpression ? call.callee.property : call.callee) : replaced!,
          messageId: f.state === 'missing' ? 'noVarList' : 'weightsVarList',
          data: { api, layer: f.layer, reason: REASONS[f.reason], model: src.getText(f.model), effect: api === 'minimize' ? EFFECT_MINIMIZE : EFFECT_GRADS },
          // keep the user's comments; a var list passed third to `minimize(f, returnCost?, varList?)` needs a `returnCost`
          suggest:
            list !== null && !(replaced && hasCommentInside(src, replaced))
              ? [{ messageId: 'passTrainableWeights', data: { list }, fix: setArgument(call, listIndex, list, listIndex === 2 ? { 1: 'false' } : {}) }]
              : [],
        });
      }
    });

    return {
      ...codePathListeners,
      CallExpression(node) {
        recordCall!(node as never);
        const data = frozenFlowCallData(file, node);
        if (data) flow.record(node, data);
      },
      AssignmentExpression(node) {
        const data = frozenFlowWriteData(file, node);
        // a write in every iteration of a loop over a model's layers runs at least once: placed at the loop
        if (data) flow.record(node, data, { node: wholeLayerLoopOf(node) ?? node });
      },
    };
  },
});
