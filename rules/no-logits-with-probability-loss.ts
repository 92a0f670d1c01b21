import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, literalValue, objectArg, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { compileCallsOf, lossInfo, outputActivation, tfReference, type OutputActivation } from '../src/engine/loss.js';
import { removeProperty } from '../src/fix/properties.js';
import { getFileIndex } from '../src/engine/resolver.js';

type Suggestion = TSESLint.SuggestionReportDescriptor<'addActivation' | 'useLogitsLoss' | 'removeActivation' | 'useProbabilityLoss' | 'removeFromLogits'>;

export default createRule({
  name: 'no-logits-with-probability-loss',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow probability losses on models that output raw logits, double softmax/sigmoid, and `fromLogits` in tfjs `compile()`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      logitsWithProbabilityLoss:
        "{{loss}} expects probabilities, but this model's output layer is linear and tfjs adds no {{activation}}: training stalls. Add `activation: '{{activation}}'` or use {{logitsLoss}}.",
      activationTwice:
        '{{loss}} applies {{activation}} itself, but the model already ends with {{activation}}, so the gradients shrink. Drop the output activation or use {{probabilityLoss}}.',
      fromLogitsIgnored:
        'compile() has no `fromLogits` option: tfjs ignores it and the probability loss still runs on the raw outputs. Use a logits loss such as `tf.losses.softmaxCrossEntropy`.',
      fromLogitsThrows:
        '`fromLogits` in the loss object is read as an output name: compile() throws "Unknown entry in loss dictionary". Use a logits loss such as `tf.losses.softmaxCrossEntropy`.',
      addActivation: "Add `activation: '{{activation}}'` to the output layer (predict() then returns probabilities).",
      useLogitsLoss: 'Use `{{code}}` as the loss (the model keeps returning logits).',
      removeActivation: 'Remove the output activation (the model then returns logits).',
      useProbabilityLoss: "Use the loss '{{loss}}' on the model's probabilities.",
      removeFromLogits: 'Remove `fromLogits` (tfjs ignores it; fix the loss or the output activation separately).',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    /** Set or add `activation: '<value>'` on the deciding layer's config. */
    function setActivation(out: OutputActivation, value: string) {
      return (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
        if (out.property) return fixer.replaceText(out.property.value, `'${value}'`);
        const cfg = out.config!;
        const last = cfg.properties[cfg.properties.length - 1]!;
        const comma = sourceCode.getTokenAfter(last);
        return comma?.value === ',' ? fixer.insertTextAfter(comma, ` activation: '${value}',`) : fixer.insertTextAfter(last, `, activation: '${value}'`);
      };
    }

    function checkCompile(call: TSESTree.CallExpression, receiver: TSESTree.Node): void {
      const cfg = objectArg(call);
      if (!cfg) return;
      const fromLogits = findProperty(cfg, 'fromLogits');
      if (fromLogits) {
        context.report({
          node: fromLogits.key,
          messageId: 'fromLogitsIgnored',
          suggest: [{ messageId: 'removeFromLogits', fix: (fixer) => removeProperty(fixer, sourceCode, fromLogits) }],
        });
      }
      const lossProp = findProperty(cfg, 'loss');
      const lossValue = unwrap(lossProp?.value);
      if (!lossProp || !lossValue) return;
      if (lossValue.type === T.ObjectExpression) {
        const inner = findProperty(lossValue, 'fromLogits');
        if (inner) context.report({ node: inner.key, messageId: 'fromLogitsThrows' });
        return;
      }
      const loss = lossInfo(file, lossValue);
      if (!loss) return;
      const out = outputActivation(file, receiver);
      if (!out) return;
      const act = loss.activation;
      const logitsLoss = `${act}CrossEntropy`;
      if (loss.expects === 'probability' && out.activation === 'linear') {
        // a later compile() on the same model with a logits loss replaces this one
        const later = compileCallsOf(file, receiver).filter((c) => c.range[0] > call.range[0]);
        if (later.some((c) => lossInfo(file, findProperty(objectArg(c), 'loss')?.value)?.expects === 'logits')) return;
        const suggest: Suggestion[] = [];
        const units = literalValue(findProperty(out.config, 'units')?.value);
        if (out.isLast && out.config && out.config.properties.length > 0 && !(act === 'softmax' && units === 1)) {
          suggest.push({ messageId: 'addActivation', data: { activation: act }, fix: setActivation(out, act) });
        }
        const ref = /sparse/i.test(loss.name) ? null : tfReference(file, call, ['losses', logitsLoss]);
        if (ref) {
          const code = `(yt, yp) => ${ref}(yt, yp)`;
          suggest.push({ messageId: 'useLogitsLoss', data: { code }, fix: (fixer) => fixer.replaceText(lossValue, code) });
        }
        context.report({
          node: lossValue,
          messageId: 'logitsWithProbabilityLoss',
          data: { loss: loss.name, activation: act, logitsLoss: `tf.losses.${logitsLoss}` },
          suggest,
        });
      } else if (loss.expects === 'logits' && out.activation === act) {
        const probabilityLoss = act === 'softmax' ? 'categoricalCrossentropy' : 'binaryCrossentropy';
        const suggest: Suggestion[] = [];
        if (out.isLast && out.property && out.layer.info?.name !== 'activation') {
          const prop = out.property;
          suggest.push({ messageId: 'removeActivation', fix: (fixer) => removeProperty(fixer, sourceCode, prop) });
        }
        suggest.push({ messageId: 'useProbabilityLoss', data: { loss: probabilityLoss }, fix: (fixer) => fixer.replaceText(lossValue, `'${probabilityLoss}'`) });
        context.report({ node: lossValue, messageId: 'activationTwice', data: { loss: loss.name, activation: act, probabilityLoss: `'${probabilityLoss}'` }, suggest });
      }
    }

    return {
      CallExpression(node) {
        const m = calledMember(node);
        if (!m || m.name !== 'compile' || node.arguments.length !== 1) return;
        const k = file.kindOf(m.member.object);
        if (k?.kind !== 'model' || k.promise) return;
        checkCompile(node, m.member.object);
      },
    };
  },
});
