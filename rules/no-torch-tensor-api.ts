import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { statementOf } from '../src/fix/edits.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { TENSOR_METHODS } from '../src/facts/tfjs-api.js';
import {
  IN_PLACE_ADVICE,
  flattenStartDimEdit,
  inPlaceBase,
  isIntLiteral,
  isProvenTensor,
  isVariableValue,
  numberTypes,
  numericLiteral,
  outOfPlace,
  planTorchMethod,
  reassignableBinding,
  reduceOptionsPlan,
  splitTupleEdit,
  TORCH_FUNCTIONS,
  TORCH_TENSOR_METHODS,
  TORCH_TENSOR_PROPERTIES,
  TUPLE_REDUCTIONS,
  torchSignature,
  type Plan,
  type TorchSignature,
} from '../src/facts/torch-tensor-api.js';

type MessageId =
  | 'missingMethod'
  | 'inPlace'
  | 'reshapeVarargs'
  | 'transposeVarargs'
  | 'reduceOptions'
  | 'flattenStartDim'
  | 'tupleResult'
  | 'missingProperty'
  | 'torchFunction'
  | 'replaceWith'
  | 'removeCall'
  | 'splitResult';

const RESHAPE_DIMS = { advice: '', tier: 'fix', edit: { type: 'dims', to: 'reshape' } } as const;

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

    function reportPlan(node: TSESTree.Node, messageId: MessageId, data: Record<string, string>, plan: Plan, method: string): void {
      const fix = plan.tier === 'fix' && plan.edits.length === 1 ? plan.edits[0]!.apply : null;
      const suggest = plan.tier === 'report' ? [] : plan.edits.map((e) => ({
        messageId: (e.remove ? 'removeCall' : 'replaceWith') as MessageId,
        data: { text: e.text, method },
        fix: e.apply,
      }));
      context.report({ node, messageId, data, ...(fix ? { fix } : { suggest }) });
    }

    function checkSignature(node: TSESTree.CallExpression, member: TSESTree.MemberExpression, name: string, signature: TorchSignature): void {
      const args = node.arguments;
      const first = unwrap(args[0]);
      const argText = args.map((a) => sourceCode.getText(a)).join(', ');
      if (signature === 'reshapeVarargs') {
        reportPlan(member.property, signature, { args: argText }, planTorchMethod(sourceCode, node, member, name, RESHAPE_DIMS, types), name);
      } else if (signature === 'transposeVarargs') {
        context.report({ node: member.property, messageId: signature, data: { args: argText } });
      } else if (signature === 'reduceOptions') {
        const plan = reduceOptionsPlan(sourceCode, first as TSESTree.ObjectExpression, name);
        // PyTorch max/min with a dim return (values, indices): the positional tfjs call gives values only
        const tier = TUPLE_REDUCTIONS.has(name) && plan.tier === 'fix' ? 'suggest' : plan.tier;
        reportPlan(member.property, signature, { method: name }, { ...plan, tier }, name);
      } else {
        const edit = flattenStartDimEdit(sourceCode, node, member);
        context.report({
          node: member.property,
          messageId: signature,
          data: { arg: argText },
          suggest: edit ? [{ messageId: 'replaceWith', data: { text: edit.text }, fix: edit.apply }] : [],
        });
      }
    }

    function checkInPlace(node: TSESTree.CallExpression, member: TSESTree.MemberExpression, name: string, base: string): void {
      const replacement = outOfPlace(base, node.arguments, sourceCode, TENSOR_METHODS);
      const recv = unwrap(member.object)!;
      const recvText = sourceCode.getText(recv);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = [];
      const stmt = statementOf(node);
      if (replacement && stmt && !member.optional && sourceCode.getCommentsInside(node).length === 0) {
        const text = isVariableValue(file, recv) ? `${recvText}.assign(${recvText}.${replacement})` : reassignableBinding(file, recv) ? `${recvText} = ${recvText}.${replacement}` : null;
        if (text) suggest.push({ messageId: 'replaceWith', data: { text }, fix: (f) => f.replaceText(node, text) });
      }
      const advice =
        IN_PLACE_ADVICE.get(name) ??
        (replacement
          ? `Use \`${replacement}\` and keep its result (\`x = x.${replacement}\`), or \`v.assign(…)\` on a tf.Variable`
          : 'Compute a new tensor and keep the result, or use `v.assign(…)` on a tf.Variable');
      context.report({ node: member.property, messageId: 'inPlace', data: { method: name, advice }, suggest });
    }

    function checkTuple(pattern: TSESTree.ArrayPattern, init: TSESTree.Node | null | undefined): void {
      const call = unwrap(init);
      if (call?.type !== T.CallExpression || call.arguments.length === 0) return;
      const m = calledMember(call);
      const indexMethod = m && TUPLE_REDUCTIONS.get(m.name);
      if (!m || !indexMethod || !isProvenTensor(file, m.member.object)) return;
      const edit = splitTupleEdit(sourceCode, pattern, call, m.member, indexMethod);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] = edit
        ? [{ messageId: 'splitResult', data: { method: m.name, indexMethod }, fix: edit.apply }]
        : [];
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
            const lo = numericLiteral(node.arguments[1]);
            const hi = numericLiteral(node.arguments[2]);
            const exact =
              fn.arity.includes(node.arguments.length) &&
              (fn.to !== 'clipByValue' || (lo !== null && hi !== null && lo <= hi)) &&
              (fn.to !== 'expandDims' || isIntLiteral(node.arguments[1]));
            const fix = (f: TSESLint.RuleFixer): TSESLint.RuleFix => f.replaceText(member.property, fn.to);
            context.report({
              node: member.property,
              messageId: 'torchFunction',
              data: { name, to: fn.to },
              ...(exact ? { fix } : { suggest: [{ messageId: 'replaceWith', data: { text: `${fn.to}(…)` }, fix }] }),
            });
            return;
          }
        }
        const base = entry ? null : inPlaceBase(name);
        const signature = !entry && !base ? torchSignature(node, name) : null;
        if (!entry && !base && !signature) return;
        if (!isProvenTensor(file, member.object)) return;
        if (entry) {
          const plan = planTorchMethod(sourceCode, node, member, name, entry, types);
          reportPlan(member.property, 'missingMethod', { method: name, advice: entry.advice }, plan, name);
        } else if (base) {
          checkInPlace(node, member, name, base);
        } else {
          checkSignature(node, member, name, signature!);
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
        const replacement = prop.replacement;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageId>[] =
          replacement && !node.computed && !(node.parent?.type === T.AssignmentExpression && node.parent.left === node)
            ? [{ messageId: 'replaceWith', data: { text: replacement }, fix: (f) => f.replaceText(node.property, replacement) }]
            : [];
        context.report({ node: node.property, messageId: 'missingProperty', data: { property: name!, advice: prop.advice }, suggest });
      },
    };
  },
});
