import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { modelReachesModeDependent, provenanceOf } from '../src/engine/model-structure.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { describeEffects, modeEffects, projectMayBeModeDependent } from '../src/engine/training-mode.js';
import { inferenceCallInStep, isUnknownModelInStep, trainingSuggestions } from '../src/engine/training-step.js';

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
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/engine/training-step.ts
      addTrainingFlag: 'Pass `{training: true}` so this step runs in training mode.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/engine/training-step.ts
      useApplyWithTraining: 'Call `apply(…, {training: true})` instead of `{{method}}()`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const kindOfReceiver = (n: TSESTree.Node): 'model' | 'layer' | null => {
      const info = file.kindOf(n);
      if (!info) return isUnknownModelInStep(file, n) ? 'model' : null;
      return !info.promise && (info.kind === 'model' || info.kind === 'layer') ? info.kind : null;
    };

    return {
      CallExpression(node) {
        const call = inferenceCallInStep(file, node, kindOfReceiver);
        if (!call) return;
        const reach = modelReachesModeDependent(file, call.receiver);
        if (reach === 'no') return;
        let effects: string;
        if (reach === 'yes') {
          effects = describeEffects(modeEffects(file, call.receiver));
        } else {
          const origin = provenanceOf(file, call.receiver)?.origin;
          if (origin && file.isTfCall(origin, 'loadLayersModel')) return; // a loaded model's layers are not in the source
          if (!projectMayBeModeDependent(file, context.physicalFilename)) return;
          effects = `if it contains Dropout or BatchNormalization (this project builds some), ${describeEffects(null)}`;
        }
        context.report({
          node: call.member.property,
          messageId: 'inferenceInTrainingStep',
          data: { method: call.method, api: call.ctx.api, kind: call.kind, effects },
          suggest: trainingSuggestions(file, node, call),
        });
      },
    };
  },
});
