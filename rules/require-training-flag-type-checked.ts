import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { describeEffects } from '../src/engine/training-mode.js';
import { inferenceCallInStep, teacherRole } from '../src/engine/training-step.js';
import { trainingSuggestions } from '../src/fix/training.js';
import { programBuildsModeDependentLayers, programUsesTfjs } from '../src/engine/type-info.js';
import { MODE_DEPENDENT_CLASSES } from '../src/facts/tfjs-api.js';

/** Classes whose mode-dependence depends on options or wrapped layers the checker cannot see. */
const OPAQUE_CLASSES = new Set(['Layer', 'RNN', 'LSTM', 'GRU', 'SimpleRNN', 'ConvLSTM2D', 'Bidirectional', 'TimeDistributed', 'Sequential', 'LayersModel']);

export default createRule({
  name: 'require-training-flag-type-checked',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `{training: true}` when a custom training step runs a model or layer known only through its TypeScript type (models from other modules)',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      inferenceInTrainingStep:
        '`{{method}}()` in this `{{api}}()` training step runs the {{className}} in inference mode: {{effects}}. tfjs has no `model.train()`: pass `{training: true}` to `apply()`.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/fix/training.ts
      addTrainingFlag: 'Pass `{training: true}` so this step runs in training mode.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- used by trainingSuggestions() in src/fix/training.ts
      useApplyWithTraining: 'Call `apply(…, {training: true})` instead of `{{method}}()`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    const typed = file.typed;
    if (!typed || !programUsesTfjs(typed)) return {};
    const classNames = new WeakMap<TSESTree.Node, string>();
    const kindOfReceiver = (n: TSESTree.Node): 'model' | 'layer' | null => {
      // what the untyped analysis sees belongs to require-training-flag (no double reports)
      const untyped = file.kindOf(n);
      if (file.touchesTfjs && untyped && (untyped.kind === 'model' || untyped.kind === 'layer')) return null;
      const t = file.typedKindOf(n);
      if (!t || t.promise || (t.kind !== 'model' && t.kind !== 'layer')) return null;
      classNames.set(n, t.name ?? t.kind);
      return t.kind;
    };

    return {
      CallExpression(node) {
        const call = inferenceCallInStep(file, node, kindOfReceiver);
        // a teacher / target network run for its outputs: inference mode is intended there
        if (!call || teacherRole(file, node, call)) return;
        const className = classNames.get(call.receiver) ?? call.kind;
        let effects: string;
        const effect = MODE_DEPENDENT_CLASSES.get(className);
        if (effect) {
          effects = describeEffects({ dropout: false, noise: false, batchNorm: false, recurrent: false, custom: [], [effect]: true });
        } else if (OPAQUE_CLASSES.has(className) || call.kind === 'model' || !isTfjsClassName(className)) {
          if (!programBuildsModeDependentLayers(typed)) return;
          effects = `if it contains Dropout or BatchNormalization (this project builds some), ${describeEffects(null)}`;
        } else {
          return; // a tfjs layer class without training-dependent behaviour (Dense, Conv2D, …)
        }
        context.report({
          node: call.member.property,
          messageId: 'inferenceInTrainingStep',
          data: { method: call.method, api: call.ctx.api, className: `\`${className}\``, effects },
          suggest: trainingSuggestions(file, node, call),
        });
      },
    };
  },
});

/** tfjs exports its layer classes with PascalCase names; user subclasses keep the tfjs root name. */
function isTfjsClassName(name: string): boolean {
  return /^[A-Z]/.test(name);
}
