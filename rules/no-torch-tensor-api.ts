import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { inPlaceBase, isProvenTensor, numberTypes, torchSignature } from '../src/engine/tensor-api.js';
import { TENSOR_METHODS } from '../src/facts/tfjs-api.js';
import { IN_PLACE_ADVICE, TORCH_FUNCTIONS, TORCH_TENSOR_METHODS, TORCH_TENSOR_PROPERTIES, TUPLE_REDUCTIONS } from '../src/facts/torch-tensor-api.js';
import {
  inPlaceSuggestions,
  outOfPlace,
  planRepair,
  planTorchMethod,
  propertySuggestions,
  signatureRepair,
  torchFunctionRepair,
  tupleSuggestions,
} from '../src/fix/tensor-api.js';

export default createRule({
  name: 'no-torch-tensor-api',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow PyTorch tensor methods, properties and argument forms on tfjs tensors',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      missingMethod: 'tfjs tensors have no PyTorch `{{method}}()`: this call throws "TypeError: {{method}} is not a function". {{advice}}.',
      inPlace:
        'tfjs tensors are immutable and have no in-place `{{method}}()`: this call throws "TypeError: {{method}} is not a function". {{advice}}.',
      reshapeVarargs:
        'tfjs `reshape` takes the shape as one array: `reshape({{args}})` throws "Size(…) must match the product of shape …" where PyTorch reshapes. Write `reshape([{{args}}])`.',
      transposeVarargs:
        'tfjs `transpose` takes one full permutation array, not two axes to swap: `transpose({{args}})` throws. PyTorch `transpose(1, 2)` on a rank-3 tensor is `transpose([0, 2, 1])`.',
      reduceOptions:
        'tfjs `{{method}}` takes `(axis, keepDims)` as positional arguments: the PyTorch-style options object throws "All values in axis param must be in range". Write `{{method}}(axis, keepDims)`.',
      flattenStartDim:
        'tfjs `flatten()` takes no argument and always flattens to 1-D, so PyTorch\'s start_dim in `flatten({{arg}})` is silently ignored. For `flatten(1)` write `reshape([t.shape[0], -1])`.',
      tupleResult:
        'tfjs `{{method}}(axis)` returns only the values, not a (values, indices) pair: destructuring it throws "object is not iterable". Use `{{method}}(axis)` and `{{indexMethod}}(axis)`.',
      missingProperty: 'tfjs tensors have no PyTorch `{{property}}`: it reads as `undefined`. {{advice}}.',
      torchFunction:
        'tfjs has no `{{name}}()` (a PyTorch function): this call throws "TypeError: {{name}} is not a function". Use `{{to}}()`, which takes the same arguments.',
      replaceWith: 'Replace with `{{text}}`.',
      removeCall: 'Remove `.{{method}}()`.',
      splitResult: 'Use `{{method}}` for the values and `{{indexMethod}}` for the indices.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const types = numberTypes(file);

    function checkTuple(pattern: TSESTree.ArrayPattern, init: TSESTree.Node | null | undefined): void {
      const call = unwrap(init);
      if (call?.type !== T.CallExpression || call.arguments.length === 0) return;
      const m = calledMember(call);
      const indexMethod = m && TUPLE_REDUCTIONS.get(m.name);
      if (!m || !indexMethod || !isProvenTensor(file, m.member.object)) return;
      const suggest = tupleSuggestions(sourceCode, pattern, call, m.member, m.name, indexMethod);
      context.report({ node: m.member.property, messageId: 'tupleResult', data: { method: m.name, indexMethod }, suggest });
    }

    return {
      'CallExpression[callee.type="MemberExpression"]'(node: TSESTree.CallExpression) {
        const m = calledMember(node);
        if (!m) return;
        const { member, name } = m;
        const entry = TORCH_TENSOR_METHODS.get(name);
        const fn = TORCH_FUNCTIONS.get(name);
        if (fn && !member.computed) {
          const p = file.pathOf(member.object);
          if (p && p.length === 0) {
            context.report({ node: member.property, messageId: 'torchFunction', data: { name, to: fn.to }, ...torchFunctionRepair(node, member, fn) });
            return;
          }
        }
        const base = entry ? null : inPlaceBase(name);
        const signature = !entry && !base ? torchSignature(node, name) : null;
        if (!entry && !base && !signature) return;
        if (!isProvenTensor(file, member.object)) return;
        if (entry) {
          const repair = planRepair(planTorchMethod(sourceCode, node, member, name, entry, types), name);
          context.report({ node: member.property, messageId: 'missingMethod', data: { method: name, advice: entry.advice }, ...repair });
        } else if (base) {
          const replacement = outOfPlace(base, node.arguments, sourceCode, TENSOR_METHODS);
          const suggest = inPlaceSuggestions(file, sourceCode, node, member, replacement);
          const advice =
            IN_PLACE_ADVICE.get(name) ??
            (replacement
              ? `Use \`${replacement}\` and keep its result (\`x = x.${replacement}\`), or \`v.assign(…)\` on a tf.Variable`
              : 'Compute a new tensor and keep the result, or use `v.assign(…)` on a tf.Variable');
          context.report({ node: member.property, messageId: 'inPlace', data: { method: name, advice }, suggest });
        } else {
          const argText = node.arguments.map((a) => sourceCode.getText(a)).join(', ');
          const data = signature === 'reduceOptions' ? { method: name } : signature === 'flattenStartDim' ? { arg: argText } : { args: argText };
          context.report({ node: member.property, messageId: signature!, data, ...signatureRepair(sourceCode, node, member, name, signature!, types) });
        }
      },
      'VariableDeclarator[id.type="ArrayPattern"]'(node: TSESTree.VariableDeclarator) {
        checkTuple(node.id as TSESTree.ArrayPattern, node.init);
      },
      'AssignmentExpression[left.type="ArrayPattern"]'(node: TSESTree.AssignmentExpression) {
        checkTuple(node.left as TSESTree.ArrayPattern, node.right);
      },
      MemberExpression(node) {
        const name = memberName(node);
        const prop = name === null ? undefined : TORCH_TENSOR_PROPERTIES.get(name);
        if (!prop || (node.parent?.type === T.CallExpression && node.parent.callee === node)) return;
        if (!isProvenTensor(file, node.object)) return;
        const suggest = propertySuggestions(node, prop.replacement);
        context.report({ node: node.property, messageId: 'missingProperty', data: { property: name!, advice: prop.advice }, suggest });
      },
    };
  },
});
