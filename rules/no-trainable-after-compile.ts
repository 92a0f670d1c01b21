import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { EventFlow } from '../src/engine/event-flow.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { wholeLayerLoopOf } from '../src/engine/trainable.js';
import { afterCompileFindings, trainableCallData, trainableCreateData, trainableWriteData, type AfterCompileMessageId, type TrainableFlowData } from '../src/engine/trainable-flow.js';
import { insertText } from '../src/fix/edits.js';

type MessageId = AfterCompileMessageId | 'recompile' | 'restoreTrainable';

export default createRule<[], MessageId>({
  name: 'no-trainable-after-compile',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing `trainable` on a compiled tfjs model or its layers without compiling again before training',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      freezeCompiledModel:
        '`{{target}}.trainable = false` makes every weight of this compiled model non-trainable, so `{{model}}.{{method}}()` (line {{line}}) throws, even after a recompile. Set `trainable = true` before it.',
      freezeCompiledModelLayers:
        "`{{target}}.trainable = false` freezes this compiled model's own layers, so `{{model}}.{{method}}()` (line {{line}}) stops updating them (or throws if none is left). Set `trainable = true` before it.",
      unfreezeCompiledModel:
        '`{{target}}` was compiled while frozen, so compile() collected no trainable weights and `{{model}}.{{method}}()` (line {{line}}) throws despite this unfreeze. Call `compile()` again after it.',
      freezeAfterCompile:
        'This freeze applies at once, but `{{model}}` was compiled before it: `{{method}}()` (line {{line}}) only warns, and `minimize()` with its Adam-like optimizer then throws. Recompile with a new optimizer.',
      unfreezeAfterCompile:
        '`{{model}}.{{method}}()` (line {{line}}) ignores this unfreeze of a {{kind}}: it trains only the weights collected by the last `compile()`. Call `{{model}}.compile()` again, with a new optimizer.',
      recompile: 'Compile `{{model}}` again right after this change, with the same arguments.',
      restoreTrainable: 'Set `{{model}}.trainable = true` before `{{model}}.{{method}}()`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const flow = new EventFlow<TrainableFlowData>(file);
    const { CallExpression: recordCall, ...codePathListeners } = flow.listeners;
    const src = context.sourceCode;
    const writesTrainable = /\.trainable\s*=/.test(src.text);

    // the analysis (compiles, `trainable` writes and training calls in flow order) is src/engine/trainable-flow.ts
    flow.onEnd(() => {
      for (const { messageId, write: d, training: t, suggestion } of afterCompileFindings(file, flow)) {
        context.report({
          // the `trainable` property of the write, naming the training call it precedes
          node: (d.w.node.left as TSESTree.MemberExpression).property,
          messageId,
          data: { target: src.getText(d.w.target), model: src.getText(t.receiver), method: t.method, line: String(t.call.loc.start.line), kind: d.target.kind },
          suggest: suggestion
            ? [{ messageId: suggestion.messageId, data: { model: suggestion.insertion.model, method: t.method }, fix: insertText(suggestion.insertion) }]
            : [],
        });
      }
    });

    return {
      ...codePathListeners,
      CallExpression(node) {
        recordCall!(node as never);
        const data = trainableCallData(file, node);
        if (data) flow.record(node, data);
      },
      // `const model = buildCandidate(hp)` in a loop: each run binds a new model (only files that write `trainable`)
      ...(writesTrainable
        ? {
            VariableDeclarator(node: TSESTree.VariableDeclarator) {
              const data = trainableCreateData(file, node);
              if (data) flow.record(node, data);
            },
          }
        : {}),
      AssignmentExpression(node) {
        const data = trainableWriteData(file, node);
        // a write in every iteration of a loop over a model's layers runs at least once: placed at the loop
        if (data) flow.record(node, data, { node: wholeLayerLoopOf(node) ?? node });
      },
    };
  },
});
