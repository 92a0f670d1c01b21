import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap, type FunctionNode } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelReachesModeDependent } from '../src/engine/model-structure.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { describeEffects, forwardPassOf, kwargsState, modeEffects } from '../src/engine/training-mode.js';
import { appendArgument } from '../src/fix/arguments.js';

/** How the suggestion refers to `call()`'s kwargs: its parameter name, or a parameter to add. */
function kwargsAccess(call: FunctionNode): { name: string; addParam: boolean } | { name: null } {
  const p = call.params[1];
  if (!p) return call.params.length === 1 && call.params[0]!.type === T.Identifier ? { name: 'kwargs', addParam: true } : { name: null };
  const id = p.type === T.AssignmentPattern ? p.left : p;
  return id.type === T.Identifier ? { name: id.name, addParam: false } : { name: null };
}

/**
 * In a helper that `call()` calls (`this.forward(x, kwargs)`): the helper's own parameter, when every call of
 * it passes `call()`'s kwargs there; else no suggestion (two places would have to change).
 */
function helperKwargsAccess(call: FunctionNode, helper: FunctionNode, sites: readonly TSESTree.CallExpression[]): { name: string; addParam: false } | { name: null } {
  const outer = call.params[1];
  const own = helper.params[1];
  if (outer?.type !== T.Identifier || own?.type !== T.Identifier) return { name: null };
  return sites.every((s) => unwrap(s.arguments[1])?.type === T.Identifier && (unwrap(s.arguments[1]) as TSESTree.Identifier).name === outer.name) ? { name: own.name, addParam: false } : { name: null };
}

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
      forwardKwargs: 'Forward `{{kwargs}}` to the sublayer.',
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

        const access = pass.method === pass.call ? kwargsAccess(pass.call) : helperKwargsAccess(pass.call, pass.method, pass.sites);
        const call = pass.method;
        const suggest: TSESLint.SuggestionReportDescriptor<'forwardKwargs' | 'forwardTraining'>[] = [];
        if (access.name !== null) {
          const name = access.name;
          const param = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
            if (!access.addParam) return [];
            const input = call.params[0] as TSESTree.Identifier;
            return [fixer.insertTextAfter(input, input.typeAnnotation ? `, ${name}: Record<string, unknown>` : `, ${name}`)];
          };
          const obj = unwrap(node.arguments[1]);
          if (obj?.type === T.ObjectExpression) {
            const last = obj.properties[obj.properties.length - 1];
            const prop = `training: ${name}.training`;
            suggest.push({
              messageId: 'forwardTraining',
              data: { kwargs: name },
              fix: (fixer) => [
                ...param(fixer),
                last ? fixer.insertTextAfter(last, `, ${prop}`) : fixer.insertTextAfter(sourceCode.getFirstToken(obj)!, prop),
              ],
            });
          } else {
            suggest.push({
              messageId: 'forwardKwargs',
              data: { kwargs: name },
              fix: (fixer) => [...param(fixer), appendArgument(fixer, sourceCode, node, name)],
            });
          }
        }
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
