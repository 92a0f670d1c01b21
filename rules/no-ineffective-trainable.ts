import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findProperty, literalValue, memberName, objectArg } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { removeStatement, statementOf } from '../src/fix/edits.js';
import { configReachesLayerBase, layerCallName, weightlessLayerName } from '../src/engine/layer-config.js';
import { canRemoveProperty, removeProperty } from '../src/fix/properties.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { DROPOUT_FAMILY, WEIGHTLESS_LAYERS } from '../src/facts/tfjs-api.js';

export default createRule({
  name: 'no-ineffective-trainable',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `trainable` on tfjs layers that have no weights, such as Dropout',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      dropoutTrainable:
        '`trainable` does not stop `{{layer}}`: it has no weights, and it runs whenever the call has `{training: true}`, as in fit(). Call the model with `{training: false}` to turn it off.',
      noWeights:
        '`{{layer}}` has no weights, so `trainable` changes nothing in tfjs: there is nothing to freeze, unlike a PyTorch `requires_grad` toggle. Remove it.',
      removeOption: 'Remove the `trainable` option.',
      removeAssignment: 'Remove the `trainable` assignment.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const messageFor = (layer: string, value: TSESTree.Node): 'dropoutTrainable' | 'noWeights' =>
      DROPOUT_FAMILY.has(layer) && literalValue(value) !== true ? 'dropoutTrainable' : 'noWeights';
    return {
      CallExpression(node) {
        // the syntactic check first: almost no call has a literal config with `trainable`
        const prop = findProperty(objectArg(node), 'trainable');
        if (!prop) return;
        const layer = layerCallName(file, node);
        if (layer === null || !WEIGHTLESS_LAYERS.has(layer)) return;
        const literal = typeof literalValue(prop.value) === 'boolean';
        const remove = (fixer: TSESLint.RuleFixer) => removeProperty(fixer, sourceCode, prop);
        const canRemove = canRemoveProperty(sourceCode, prop);
        context.report({
          node: prop,
          messageId: messageFor(layer, prop.value),
          data: { layer },
          ...(literal && canRemove ? { fix: remove } : {}),
          ...(!literal && canRemove ? { suggest: [{ messageId: 'removeOption' as const, fix: remove }] } : {}),
        });
      },
      NewExpression(node) {
        // new UserLayer({trainable: false}) on a weightless user Layer subclass: suggestion only (user code)
        if (!findProperty(objectArg(node), 'trainable')) return;
        const info = file.kindOf(node);
        if (!info?.userClass || !configReachesLayerBase(file, info.userClass)) return;
        const layer = weightlessLayerName(file, info);
        const prop = findProperty(objectArg(node), 'trainable');
        if (layer === null || !prop) return;
        context.report({
          node: prop,
          messageId: 'noWeights',
          data: { layer },
          suggest: canRemoveProperty(sourceCode, prop)
            ? [{ messageId: 'removeOption', fix: (fixer) => removeProperty(fixer, sourceCode, prop) }]
            : [],
        });
      },
      'AssignmentExpression[operator="="]'(node: TSESTree.AssignmentExpression) {
        const left = node.left;
        if (left.type !== T.MemberExpression || memberName(left) !== 'trainable') return;
        const layer = weightlessLayerName(file, file.kindOf(left.object));
        if (layer === null) return;
        const stmt = statementOf(node);
        context.report({
          node: left.property,
          messageId: messageFor(layer, node.right),
          data: { layer },
          suggest: stmt ? [{ messageId: 'removeAssignment', fix: (fixer) => removeStatement(fixer, sourceCode, stmt) }] : [],
        });
      },
    };
  },
});
