import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { findProperty, objectArg, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { complementLiteral, constNumber, layerCallName } from '../src/engine/layer-config.js';
import { getFileIndex } from '../src/engine/resolver.js';

export default createRule({
  name: 'no-torch-batchnorm-momentum',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow PyTorch-convention `momentum` values (below 0.5) in tfjs `batchNormalization`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      torchMomentum:
        "tfjs BatchNormalization `momentum` weights the old moving average, PyTorch's weights the new batch (moving = {{momentum}}·moving + {{complement}}·batch here). Write `momentum: {{complement}}`.",
      useComplement: 'Use `momentum: {{replacement}}` (PyTorch `momentum={{momentum}}` in the tfjs convention).',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    return {
      CallExpression(node) {
        if (layerCallName(file, node) !== 'batchNormalization') return;
        const prop = findProperty(objectArg(node), 'momentum');
        const value = unwrap(prop?.value);
        if (!value) return;
        const m = value.type === T.Identifier ? constNumber(file, value) : value.type === T.Literal ? value.value : null;
        if (typeof m !== 'number' || !(m >= 0 && m < 0.5)) return;
        const data = { momentum: String(m), complement: complementLiteral(m) };
        // a named constant keeps its name: `momentum: 1 - BN_MOMENTUM`
        const replacement = value.type === T.Identifier ? `1 - ${value.name}` : data.complement;
        context.report({
          node: value,
          messageId: 'torchMomentum',
          data,
          suggest: [{ messageId: 'useComplement', data: { momentum: data.momentum, replacement }, fix: (fixer) => fixer.replaceText(value, replacement) }],
        });
      },
    };
  },
});
