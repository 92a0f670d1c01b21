import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { literalValue, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { removeProperty } from '../src/fix/properties.js';
import { classifyKey, optionCallOf, resolveObject, staticKeys, type OptionCall } from '../src/engine/options.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { DILATION_IGNORED, DILATION_UNTRAINABLE, MISSING_EFFECT, SILENT_POSITIONAL } from '../src/facts/torch-option-names.js';
import { editable, renameKey } from '../src/fix/options.js';

type MessageIds = 'renamed' | 'dilationUntrainable' | 'dilationIgnored' | 'noEquivalent' | 'unknown' | 'positional' | 'renameTo' | 'removeDuplicate' | 'useConfigObject';

export default createRule({
  name: 'no-unknown-options',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow option keys that tfjs silently ignores (PyTorch and Python-Keras names, typos) and numbers passed where tfjs reads a config object',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      renamed: 'tfjs ignores `{{key}}` in {{callee}} options: {{effect}}. The tfjs option is {{to}}.',
      dilationUntrainable: 'tfjs ignores `dilation` in {{callee}} options (the dilation stays 1), and its `dilationRate` above 1 makes {{callee}} throw when trained in tfjs 4.22.',
      dilationIgnored: 'tfjs ignores `dilation` in {{callee}} options, and in tfjs 4.22 {{callee}} ignores `dilationRate` as well: there is no dilated {{callee}} in tfjs.',
      noEquivalent: 'tfjs ignores `{{key}}` in {{callee}} options and has no equivalent: {{advice}}.',
      unknown: 'tfjs ignores `{{key}}`: it is not a {{callee}} option{{hint}}.',
      positional: '{{callee}} takes one config object, so the positional {{value}} is never read: {{effect}}.',
      renameTo: 'Rename to {{to}} (the value starts to apply).',
      removeDuplicate: 'Remove `{{key}}` ({{to}} is already set).',
      useConfigObject: 'Write {{config}}.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const seen = new Set<TSESTree.Node>();
    const code = (keys: readonly string[]) => keys.map((k) => `\`${k}\``).join(' and ');

    function checkObject(call: OptionCall, obj: TSESTree.ObjectExpression, local: boolean): void {
      const keys = staticKeys(file, obj);
      const present = new Set(keys.map((k) => k.key));
      for (const { prop, key, own, via } of keys) {
        // a key of another module's object is reported at the first spread that brings it into this file
        const node = via?.spread ?? prop.key;
        if (call.allowed.has(key) || seen.has(prop)) continue;
        seen.add(prop);
        const verdict = classifyKey(key, call.type, call.allowed);
        const canEdit = own && local && !via && editable(sourceCode, prop);
        if (verdict.kind === 'rename') {
          const value = literalValue(prop.value);
          if (verdict.onlyValue !== undefined && value !== verdict.onlyValue) {
            const text = (via?.sourceCode ?? sourceCode).getText(prop.value);
            context.report({ node, messageId: 'unknown', data: { key, callee: call.label, hint: `; tfjs already does what \`${key}: ${text}\` asks` } });
            continue;
          }
          const factory = call.key.replace(/^layers\./, '');
          if (key === 'dilation' && value !== 1 && (DILATION_UNTRAINABLE.has(factory) || DILATION_IGNORED.has(factory))) {
            context.report({ node, messageId: DILATION_IGNORED.has(factory) ? 'dilationIgnored' : 'dilationUntrainable', data: { callee: call.label } });
            continue;
          }
          const to = code(verdict.to);
          const already = verdict.to.some((t) => present.has(t));
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = !canEdit
            ? []
            : already
              ? [{ messageId: 'removeDuplicate', data: { key, to }, fix: (f) => removeProperty(f, sourceCode, prop) }]
              : [{ messageId: 'renameTo', data: { to }, fix: (f) => renameKey(f, sourceCode, prop, verdict.to) }];
          const effect = MISSING_EFFECT[verdict.to[0]!] ?? `\`${verdict.to[0]}\` keeps its default`;
          context.report({ node, messageId: 'renamed', data: { key, callee: call.label, effect: already ? `${to} is already set` : effect, to }, suggest });
        } else if (verdict.kind === 'noEquivalent') {
          const r = verdict.info.removable;
          const removable = canEdit && (r === true || (typeof r === 'string' && literalValue(prop.value) === r));
          context.report({
            node,
            messageId: 'noEquivalent',
            data: { key, callee: call.label, advice: verdict.info.advice },
            ...(removable ? { fix: (f: TSESLint.RuleFixer) => removeProperty(f, sourceCode, prop) } : {}),
          });
        } else {
          const hint = verdict.nearest ? `; did you mean \`${verdict.nearest}\`?` : '';
          const nearest = verdict.nearest;
          context.report({
            node,
            messageId: 'unknown',
            data: { key, callee: call.label, hint },
            suggest: nearest && canEdit && !present.has(nearest) ? [{ messageId: 'renameTo', data: { to: `\`${nearest}\`` }, fix: (f) => renameKey(f, sourceCode, prop, [nearest]) }] : [],
          });
        }
      }
    }

    function checkPositional(call: TSESTree.CallExpression, opt: OptionCall, arg: TSESTree.Node): void {
      const name = opt.key.slice('layers.'.length);
      const silent = SILENT_POSITIONAL[name];
      const v = literalValue(arg);
      if (!silent || (typeof v !== 'number' && typeof v !== 'string')) return;
      const effect = silent.effect ?? 'every option keeps its default';
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const second = resolveObject(file, call.arguments[1]);
      if (typeof v === 'number' && silent.key && call.arguments.length === 1 && sourceCode.getCommentsInside(arg).length === 0) {
        const config = `{${silent.key}: ${sourceCode.getText(arg)}}`;
        suggest.push({ messageId: 'useConfigObject', data: { config }, fix: (f) => f.replaceText(arg, config) });
      } else if (second?.local && call.arguments.length === 2 && unwrap(call.arguments[1])?.type === T.ObjectExpression) {
        const config = sourceCode.getText(call.arguments[1]);
        suggest.push({ messageId: 'useConfigObject', data: { config: config.length > 60 ? 'the config object alone' : config }, fix: (f) => f.removeRange([arg.range[0], call.arguments[1]!.range[0]]) });
      }
      context.report({ node: arg, messageId: 'positional', data: { callee: opt.label, value: sourceCode.getText(arg), effect }, suggest });
    }

    function check(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      if (node.arguments.length === 0) return;
      const opt = optionCallOf(file, node);
      if (!opt) return;
      const arg = node.arguments[opt.arg];
      if (!arg || node.arguments.slice(0, opt.arg + 1).some((a) => a.type === T.SpreadElement)) return;
      if (node.type === T.CallExpression && opt.key.startsWith('layers.') && unwrap(arg)?.type !== T.ObjectExpression && unwrap(arg)?.type !== T.Identifier) {
        checkPositional(node, opt, unwrap(arg)!);
        return;
      }
      const resolved = resolveObject(file, arg);
      if (resolved) checkObject(opt, resolved.object, resolved.local);
    }

    return { CallExpression: check, NewExpression: check };
  },
});
