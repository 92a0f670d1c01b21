import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { modelReachesModeDependent, provenanceOf } from '../src/engine/model-structure.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { describeEffects, modeEffects, projectMayBeModeDependent } from '../src/engine/training-mode.js';
import { inferenceCallInStep, isUnknownModelInStep, teacherRole } from '../src/engine/training-step.js';
import { VAR_LIST_POSITION } from '../src/facts/tfjs-api.js';
import { studentVarListSuggestion, trainingSuggestions } from '../src/fix/training.js';

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
        '`{{method}}()` in this `{{api}}()` training step runs the {{kind}} in inference mode: {{effects}}. tfjs has no `model.train()`: pass `{training: true}` to `apply()`.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/fix/training.ts
      addTrainingFlag: 'Pass `{training: true}` so this step runs in training mode.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/fix/training.ts
      useApplyWithTraining: 'Call `apply(…, {training: true})` instead of `{{method}}()`.',
      teacherUpdated:
        '`{{model}}` only provides targets in this step, but `{{api}}()` without a var list also updates all of its weights. Pass the trained model\'s trainable weights as the var list.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by studentVarListSuggestion() in src/fix/training.ts
      passStudentWeights: 'Pass `{{list}}` as the var list.',
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
        // a teacher / target network: inference mode is intended; updating its weights is the bug
        const teacher = teacherRole(file, node, call);
        if (teacher) {
          const index = VAR_LIST_POSITION[call.ctx.api];
          if (index === undefined || call.ctx.call.arguments.length > index) return;
          context.report({
            node: call.member.property,
            messageId: 'teacherUpdated',
            data: { model: context.sourceCode.getText(call.receiver), api: call.ctx.api },
            suggest: studentVarListSuggestion(file, call.ctx, teacher.student),
          });
          return;
        }
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
