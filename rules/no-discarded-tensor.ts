import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { TENSOR_CREATION_OPS, TENSOR_METHODS, TENSOR_NAMESPACES, TENSOR_OPS } from '../src/facts/tfjs-api.js';
import { isVariableValue, reassignableBinding } from '../src/facts/torch-tensor-api.js';

/** Ops called for a side effect: `tf.variable(x, true, 'name')` registers a named variable. */
const SIDE_EFFECT_OPS: ReadonlySet<string> = new Set(['variable']);

/** Plain data: literals, and arrays, objects and typed-array constructors (`new Float32Array([1])`) of them. */
function isLiteralData(node: TSESTree.Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  switch (n.type) {
    case T.Literal:
      return true;
    case T.TemplateLiteral:
      return n.expressions.length === 0;
    case T.UnaryExpression:
      return n.operator === '-' && isLiteralData(n.argument);
    case T.ArrayExpression:
      return n.elements.every((e) => e !== null && e.type !== T.SpreadElement && isLiteralData(e));
    case T.ObjectExpression:
      return n.properties.every((p) => p.type === T.Property && !p.computed && isLiteralData(p.value as TSESTree.Node));
    case T.NewExpression:
      return n.callee.type === T.Identifier && /^(?:Float32|Float64|Int8|Int16|Int32|Uint8|Uint8Clamped|Uint16|Uint32)Array$/.test(n.callee.name) && n.arguments.every(isLiteralData);
    default:
      return false;
  }
}

export default createRule({
  name: 'no-discarded-tensor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow statements that compute a new tfjs tensor and throw it away (the PyTorch in-place habit)',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      discarded:
        'tfjs tensors are immutable: `{{op}}()` returns a new tensor and changes nothing in place, so this result is lost. Keep it (`x = …`) or use `v.assign(…)` on a tf.Variable.',
      assignBack: 'Keep the result: `{{text}}`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    return {
      'ExpressionStatement > CallExpression, ExpressionStatement > ChainExpression > CallExpression'(node: TSESTree.CallExpression) {
        let op: string;
        let target: TSESTree.Node | null = null;
        let report: TSESTree.Node;
        const p = file.calleePath(node);
        if (p) {
          const isOp = p.length === 1 && TENSOR_OPS.has(p[0]!) && !SIDE_EFFECT_OPS.has(p[0]!);
          const isNamespaced = p.length === 2 && TENSOR_NAMESPACES.has(p[0]!);
          if (!isOp && !isNamespaced) return;
          // `tf.tensor(0);` (an installation smoke test) creates a tensor from data: not the in-place habit
          if (isOp && TENSOR_CREATION_OPS.has(p[0]!) && node.arguments.every(isLiteralData)) return;
          op = p.join('.');
          if (isOp && node.arguments[0]?.type !== T.SpreadElement) target = unwrap(node.arguments[0]);
          report = node.callee;
        } else {
          const m = calledMember(node);
          if (!m || !TENSOR_METHODS.has(m.name)) return;
          const recv = file.kindOf(m.member.object);
          if (recv?.kind !== 'tensor' || recv.promise) return;
          op = m.name;
          target = unwrap(m.member.object);
          report = m.member.property;
        }
        const info = file.kindOf(node);
        if (info?.kind !== 'tensor' || info.promise) return;

        const suggest: TSESLint.SuggestionReportDescriptor<'assignBack'>[] = [];
        if (target && file.kindOf(target)?.kind === 'tensor' && sourceCode.getCommentsInside(node).length === 0) {
          const call = sourceCode.getText(node);
          const t = sourceCode.getText(target);
          const text = isVariableValue(file, target)
            ? `${t}.assign(${call})`
            : reassignableBinding(file, target)
              ? `${t} = ${call}`
              : null;
          if (text) suggest.push({ messageId: 'assignBack', data: { text }, fix: (f) => f.replaceText(node, text) });
        }
        context.report({ node: report, messageId: 'discarded', data: { op }, suggest });
      },
    };
  },
});
