import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, isFunction, methodOf, propertyKeyName, unwrap, type FunctionNode, type Node } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { modelReachesModeDependent } from '../src/engine/model-structure.js';
import { getFileIndex, type ClassNode, type FileIndex } from '../src/engine/resolver.js';
import { describeEffects, kwargsState, modeEffects } from '../src/engine/training-mode.js';
import { appendArgument } from '../src/fix/arguments.js';

/** The `call()` method of a tfjs Layer subclass that encloses `node` (through nested callbacks), or null. */
function enclosingLayerCall(file: FileIndex, node: Node): FunctionNode | null {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === T.ClassBody || n.type === T.Program) return null;
    if (!isFunction(n)) continue;
    const member = methodOf(n);
    if (!member) continue;
    if (member.static || propertyKeyName(member) !== 'call' || (member.type === T.MethodDefinition && member.kind !== 'method')) return null;
    const cls = member.parent.parent as ClassNode;
    return file.classKind(cls)?.kind === 'layer' ? n : null;
  }
  return null;
}

/** How the suggestion refers to `call()`'s kwargs: its parameter name, or a parameter to add. */
function kwargsAccess(call: FunctionNode): { name: string; addParam: boolean } | { name: null } {
  const p = call.params[1];
  if (!p) return call.params.length === 1 && call.params[0]!.type === T.Identifier ? { name: 'kwargs', addParam: true } : { name: null };
  const id = p.type === T.AssignmentPattern ? p.left : p;
  return id.type === T.Identifier ? { name: id.name, addParam: false } : { name: null };
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
        const call = enclosingLayerCall(file, node);
        if (!call || modelReachesModeDependent(file, receiver) !== 'yes') return;

        const access = kwargsAccess(call);
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
