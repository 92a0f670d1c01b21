import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { removeStatement, statementOf } from '../src/fix/edits.js';
import { getFileIndex } from '../src/engine/resolver.js';

const MODE_METHODS = new Set(['eval', 'train']);
const MODE_PROPERTIES = new Set(['training', 'isTraining']);

export default createRule({
  name: 'no-torch-mode-switch',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow PyTorch-style `.train()` / `.eval()` calls and `.training` writes on tfjs models and layers',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      modeCall:
        'tfjs {{kind}}s have no `{{method}}()`: this call throws "TypeError: {{method}} is not a function". tfjs has no mode switch: pass `{training: true}` to `apply()` where you train.',
      modeWrite:
        'Assigning `{{property}}` on a tfjs {{kind}} is silently ignored: tfjs reads the mode only from the `training` argument of `apply()`. Pass `{training: true}` there instead.',
      isTrainingWrite:
        '`isTraining` on a tfjs model is not a mode flag: it is the guard fit() sets while it runs, and while it is true fit() throws "another fit() call is ongoing". Pass `{training}` to `apply()` instead.',
      removeCall: 'Remove the `{{method}}()` call (then pass `{training}` to `apply()` where it matters).',
      removeWrite: 'Remove the `{{property}}` assignment (then pass `{training}` to `apply()` where it matters).',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const kindName = (node: TSESTree.Node): string | null => {
      const k = file.kindOf(node);
      return k && !k.promise && (k.kind === 'model' || k.kind === 'layer') ? k.kind : null;
    };
    return {
      CallExpression(node) {
        const m = calledMember(node);
        if (!m || !MODE_METHODS.has(m.name) || node.arguments.length > 1) return;
        const kind = kindName(m.member.object);
        if (!kind) return;
        const stmt = statementOf(node);
        const receiver = unwrap(m.member.object)!;
        context.report({
          node: m.member.property,
          messageId: 'modeCall',
          data: { kind, method: m.name },
          suggest: [
            {
              messageId: 'removeCall',
              data: { method: m.name },
              fix: (fixer) =>
                stmt
                  ? removeStatement(fixer, context.sourceCode, stmt)
                  : fixer.replaceText(node, context.sourceCode.getText(receiver)),
            },
          ],
        });
      },
      AssignmentExpression(node) {
        const left = node.left;
        if (left.type !== T.MemberExpression) return;
        const property = memberName(left);
        if (property === null || !MODE_PROPERTIES.has(property)) return;
        const kind = kindName(left.object);
        if (!kind) return;
        const stmt = statementOf(node);
        context.report({
          node: left.property,
          messageId: property === 'isTraining' ? 'isTrainingWrite' : 'modeWrite',
          data: { kind, property },
          suggest: stmt
            ? [{ messageId: 'removeWrite', data: { property }, fix: (fixer) => removeStatement(fixer, context.sourceCode, stmt) }]
            : [],
        });
      },
    };
  },
});
