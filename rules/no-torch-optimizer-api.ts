import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { removeStatement, statementOf } from '../src/fix/edits.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { assignedMembers, isLiteralValue, isWriteTarget, missingMemberReceiver } from '../src/engine/module-api.js';
import { OPTIMIZER_METHODS, TENSOR_AUTOGRAD_METHODS, TENSOR_AUTOGRAD_PROPERTIES } from '../src/facts/torch-module-api.js';

export default createRule({
  name: 'no-torch-optimizer-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow PyTorch-style `zero_grad()` / `step()` on tfjs optimizers and `backward()` / `.grad` on tfjs tensors',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      zeroGrad:
        'tfjs optimizers have no `{{method}}()`: this call throws "TypeError: … is not a function". tfjs never accumulates gradients, so there is nothing to zero: remove the call.',
      step:
        'tfjs optimizers have no `step()`: this call throws "TypeError: … is not a function". Compute the loss inside `optimizer.minimize(() => loss)`, which also applies the gradients.',
      backward:
        'tfjs tensors have no `backward()`: this call throws "TypeError: … is not a function". Compute the loss inside `optimizer.minimize(() => loss)` or `tf.variableGrads(() => loss)`.',
      gradRead:
        'tfjs tensors have no `grad`: this is always `undefined`. Gradients are returned, not stored: use `tf.variableGrads(f).grads`, `tf.grad(f)(x)` or `optimizer.computeGradients(f)`.',
      gradWrite:
        'Assigning `grad` on a tfjs tensor only creates an unused property: tfjs stores no gradients on tensors and never accumulates them, so there is nothing to reset. Remove the assignment.',
      removeZeroGrad: 'Remove the `{{method}}()` call (tfjs gradients never accumulate).',
      removeGradWrite: 'Remove the `grad` assignment (tfjs gradients never accumulate).',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    const removeSuggestion = (
      stmt: TSESTree.ExpressionStatement | null,
      messageId: 'removeZeroGrad' | 'removeGradWrite',
      data: Record<string, string>,
    ) => (stmt ? [{ messageId, data, fix: (fixer: Parameters<typeof removeStatement>[0]) => removeStatement(fixer, sourceCode, stmt) }] : []);

    return {
      CallExpression(node) {
        const m = calledMember(node);
        // `opt.step?.()` short-circuits on the missing method: it does not throw
        if (!m || node.optional) return;
        if (OPTIMIZER_METHODS.has(m.name)) {
          if (!missingMemberReceiver(file, m.member.object, m.name, ['optimizer'])) return;
          if (m.name === 'step') {
            context.report({ node: m.member.property, messageId: 'step' });
            return;
          }
          context.report({
            node: m.member.property,
            messageId: 'zeroGrad',
            data: { method: m.name },
            suggest: removeSuggestion(statementOf(node), 'removeZeroGrad', { method: m.name }),
          });
          return;
        }
        if (TENSOR_AUTOGRAD_METHODS.has(m.name) && missingMemberReceiver(file, m.member.object, m.name, ['tensor'])) {
          context.report({ node: m.member.property, messageId: 'backward' });
        }
      },
      MemberExpression(node) {
        const name = memberName(node);
        if (name === null || !TENSOR_AUTOGRAD_PROPERTIES.has(name)) return;
        const parent = node.parent;
        const isWrite = isWriteTarget(node);
        // `w.grad = someTensor` stores the user's own data: neither that write nor reads are reported;
        // after `w.grad = null` a read is not `undefined` (the write itself is reported)
        if (!isWrite && assignedMembers(file).has(name)) return;
        if (!missingMemberReceiver(file, node.object, name, ['tensor'])) return;
        if (isWrite) {
          context.report({
            node: node.property,
            messageId: 'gradWrite',
            suggest:
              parent.type === T.AssignmentExpression && parent.operator === '=' && isLiteralValue(parent.right)
                ? removeSuggestion(statementOf(parent), 'removeGradWrite', {})
                : [],
          });
          return;
        }
        context.report({ node: node.property, messageId: 'gradRead' });
      },
    };
  },
});
