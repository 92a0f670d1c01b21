/**
 * Fixes and suggestions of `no-torch-tensor-api`: the planner that turns an entry of
 * src/facts/torch-tensor-api.ts into edits with the tier they actually earn (literal arguments, no
 * comment lost, types proving a number), the edits for PyTorch argument forms on real tfjs methods, and
 * the report parts (`fix` or `suggest`) the rule spreads into its reports. Every autofix is executed
 * in test/fixes/tensor-api-fix.test.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, type Node } from '../engine/ast.js';
import type { FileIndex } from '../engine/resolver.js';
import {
  isAwaitAllowed,
  isIntLiteral,
  isVariableValue,
  NO_TYPES,
  numericLiteral,
  reassignableBinding,
  type NumberTypes,
  type TorchSignature,
} from '../engine/tensor-api.js';
import { TORCH_DEVICE_STRING, TORCH_TENSOR_METHODS, TUPLE_REDUCTIONS, type FixTier, type TorchTensorMethod } from '../facts/torch-tensor-api.js';
import { callParens } from './arguments.js';
import { asiSafeExpressionText, statementOf } from './edits.js';

export interface PlannedEdit {
  /** Replacement text shown in the suggestion message. */
  readonly text: string;
  /** The edit removes the call (the message names the method instead of a replacement). */
  readonly remove?: boolean;
  readonly apply: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
}

export interface Plan {
  /** 'fix' only when the edit is exact; otherwise the edits are offered as suggestions. */
  readonly tier: FixTier;
  readonly edits: readonly PlannedEdit[];
}

const REPORT_ONLY: Plan = { tier: 'report', edits: [] };

/** The edits for `recv.<name>(args)` per its table entry, with the tier actually earned. */
export function planTorchMethod(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  name: string,
  entry: TorchTensorMethod,
  types: NumberTypes = NO_TYPES,
): Plan {
  const edit = entry.edit;
  if (!edit || entry.tier === 'report' || member.computed) return REPORT_ONLY;
  const args = call.arguments;
  const hasSpread = args.some((a) => a.type === T.SpreadElement);
  const text = (n: Node): string => sourceCode.getText(n);
  const tail: [number, number] = [member.property.range[0], call.range[1]];
  // comments between the property name and the end of the call would be lost by a tail rewrite
  const commentInTail = sourceCode.getAllComments().some((c) => c.range[0] >= tail[0] && c.range[1] <= tail[1]);
  const argText = args.map(text).join(', ');
  const replaceTail = (s: string): PlannedEdit => ({ text: s, apply: (f) => f.replaceTextRange(tail, s) });
  let tier: FixTier = entry.tier;

  switch (edit.type) {
    case 'rename': {
      if (hasSpread || !edit.arity.includes(args.length)) return REPORT_ONLY;
      if (name === 'unsqueeze' && !isIntLiteral(args[0]) && !types.isNumber(args[0]!)) tier = 'suggest';
      if (edit.to === 'clipByValue') {
        const lo = numericLiteral(args[0]);
        const hi = numericLiteral(args[1]);
        if (lo === null || hi === null || lo > hi) tier = 'suggest';
      }
      return { tier, edits: [{ text: `${edit.to}(${argText})`, apply: (f) => f.replaceText(member.property, edit.to) }] };
    }
    case 'dims': {
      if (args.length === 0) return REPORT_ONLY;
      const first = unwrap(args[0]);
      if (args.length === 1 && first?.type === T.Literal && typeof first.value === 'string') return REPORT_ONLY; // view(dtype)
      if (args.length === 1 && first?.type === T.ArrayExpression) {
        if (!first.elements.every((e) => e && e.type !== T.SpreadElement && isIntLiteral(e))) tier = 'suggest';
        if (edit.to === 'transpose' && first.elements.some((e) => (numericLiteral(e as Node) ?? 0) < 0)) tier = 'suggest';
        return { tier, edits: [{ text: `${edit.to}(${argText})`, apply: (f) => f.replaceText(member.property, edit.to) }] };
      }
      // a size the checker proves is a number is as exact as a literal, except for tfjs perms (no negatives)
      const numeric = (a: TSESTree.CallExpressionArgument): boolean => isIntLiteral(a) || (edit.to !== 'transpose' && a.type !== T.SpreadElement && types.isNumber(a));
      if (!args.every(numeric)) tier = tier === 'fix' ? 'suggest' : tier;
      if (edit.to === 'transpose' && args.some((a) => (numericLiteral(a) ?? 0) < 0)) tier = 'suggest'; // tfjs perms are non-negative
      if (edit.to === 'broadcastTo' && args.some((a) => numericLiteral(a) === -1)) return REPORT_ONLY; // -1 means "keep" only in PyTorch
      const asArray: PlannedEdit = {
        text: `${edit.to}([${argText}])`,
        apply: (f) => {
          // bracket the whole argument list (parenthesised arguments and comments included)
          const { open, close } = callParens(sourceCode, call);
          const last = sourceCode.getTokenBefore(close, { includeComments: false })!;
          const end = last.value === ',' ? last.range[0] : close.range[0];
          return [f.replaceText(member.property, edit.to), f.insertTextAfterRange(open.range, '['), f.insertTextBeforeRange([end, end], ']')];
        },
      };
      if (args.length === 1 && !hasSpread && first?.type !== T.Literal && first?.type !== T.UnaryExpression) {
        // one non-literal argument: a shape array or a single size; the user (or the checker) knows which
        const asIs: PlannedEdit = { text: `${edit.to}(${argText})`, apply: (f) => f.replaceText(member.property, edit.to) };
        if (entry.tier === 'fix' && edit.to !== 'transpose' && types.isNumberArray(first!)) return { tier: 'fix', edits: [asIs] };
        if (entry.tier === 'fix' && edit.to !== 'transpose' && types.isNumber(first!)) return { tier: 'fix', edits: [asArray] };
        return { tier: 'suggest', edits: [asIs, asArray] };
      }
      return { tier, edits: [asArray] };
    }
    case 'remove': {
      if (name === 'to' && args.length !== 1) return REPORT_ONLY;
      if (name === 'to') {
        const a = unwrap(args[0]);
        const device = a?.type === T.Literal && typeof a.value === 'string' && TORCH_DEVICE_STRING.test(a.value);
        if (!device) tier = 'suggest';
      }
      const dot = sourceCode.getTokenBefore(member.property);
      if (!dot) return REPORT_ONLY;
      const range: [number, number] = [dot.range[0], call.range[1]];
      const comment = sourceCode.getAllComments().some((c) => c.range[0] >= range[0] && c.range[1] <= range[1]);
      if (comment || member.optional) tier = 'suggest';
      const recvText = sourceCode.getText(member.object);
      return { tier, edits: [{ text: recvText, remove: true, apply: (f) => f.removeRange(range) }] };
    }
    case 'property': {
      if (hasSpread || args.length > (edit.indexed ? 1 : 0)) return REPORT_ONLY;
      if (args.length === 0 && commentInTail) tier = 'suggest';
      if (args.length === 0) return { tier, edits: [replaceTail(edit.to)] };
      // keep comments around the argument: take the raw text between the parentheses
      const { open, close } = callParens(sourceCode, call);
      const trailingComma = sourceCode.getTokenBefore(close)?.value === ',';
      const inner = trailingComma ? argText : sourceCode.text.slice(open.range[1], close.range[0]).trim();
      if (trailingComma) tier = 'suggest';
      const d = numericLiteral(args[0]);
      if (d !== null && Number.isInteger(d) && d < 0) return { tier: 'suggest', edits: [replaceTail(`${edit.to}.at(${inner})`)] };
      if (d === null || !Number.isInteger(d)) tier = 'suggest';
      return { tier, edits: [replaceTail(`${edit.to}[${inner}]`)] };
    }
    case 'templates': {
      if (hasSpread || !edit.arity.includes(args.length)) return REPORT_ONLY;
      const recv = unwrap(member.object)!;
      const recvText = needsParens(recv) ? `(${text(recv)})` : text(recv);
      const inAsync = isAwaitAllowed(call);
      const edits = edit.texts
        .filter((t) => inAsync || !t.includes('await '))
        .map((t): PlannedEdit => {
          const s = t.replace(/\$r/g, recvText).replace(/\$a/g, argText);
          return { text: s, apply: (f) => f.replaceText(call, asiSafeExpressionText(sourceCode, call, s)) };
        });
      return { tier: 'suggest', edits };
    }
  }
}

/**
 * The receiver needs parentheses in front of `.method()`. Stricter than `textAsReceiver`: a literal or
 * an object literal receiver (a cast such as `({} as tf.Tensor)` reaches here unwrapped) gets them too.
 */
function needsParens(n: Node): boolean {
  return !(
    n.type === T.Identifier ||
    n.type === T.MemberExpression ||
    n.type === T.CallExpression ||
    n.type === T.ThisExpression ||
    n.type === T.ArrayExpression
  );
}

// ---------------------------------------------------------------- in-place PyTorch calls

/** The tfjs method text for an in-place PyTorch call's out-of-place form (`add_(y)` -> `add(y)`), or null. */
export function outOfPlace(base: string, args: readonly TSESTree.CallExpressionArgument[], sourceCode: Readonly<TSESLint.SourceCode>, tensorMethods: ReadonlySet<string>): string | null {
  if (args.some((a) => a.type === T.SpreadElement)) return null;
  const argText = args.map((a) => sourceCode.getText(a)).join(', ');
  if (base === 'zero' && args.length === 0) return 'zerosLike()';
  if (base === 'fill' && args.length === 1) return `zerosLike().add(${argText})`;
  const entry = TORCH_TENSOR_METHODS.get(base);
  if (entry?.edit?.type === 'rename' && entry.edit.arity.includes(args.length)) return `${entry.edit.to}(${argText})`;
  if (!entry && tensorMethods.has(base)) return `${base}(${argText})`;
  return null;
}

// ---------------------------------------------------------------- PyTorch argument forms on real tfjs methods

/** `t.sum({dim: 1, keepdim: true})` -> `t.sum(1, true)`: the positional tfjs form, or null when not literal. */
export function reduceOptionsPlan(sourceCode: Readonly<TSESLint.SourceCode>, obj: TSESTree.ObjectExpression, method: string): Plan {
  let axis: TSESTree.Node | null = null;
  let keep: boolean | null = null;
  for (const p of obj.properties) {
    if (p.type !== T.Property || p.computed || p.method || p.key.type !== T.Identifier) return REPORT_ONLY;
    const v = unwrap(p.value)!;
    if (p.key.name === 'dim' || p.key.name === 'axis') {
      const ok = isIntLiteral(v) || (v.type === T.ArrayExpression && v.elements.every((e) => e && e.type !== T.SpreadElement && isIntLiteral(e)));
      if (!ok) return REPORT_ONLY;
      axis = v;
    } else if (['keepdim', 'keepdims', 'keepDims'].includes(p.key.name)) {
      if (v.type !== T.Literal || typeof v.value !== 'boolean') return REPORT_ONLY;
      keep = v.value;
    } else {
      return REPORT_ONLY;
    }
  }
  if (!axis) return REPORT_ONLY;
  const s = keep === null ? sourceCode.getText(axis) : `${sourceCode.getText(axis)}, ${keep}`;
  const tier: FixTier = sourceCode.getCommentsInside(obj).length > 0 ? 'suggest' : 'fix';
  return { tier, edits: [{ text: `${method}(${s})`, apply: (f) => f.replaceText(obj, s) }] };
}

/** `t.flatten(1)` -> `t.reshape([t.shape[0], -1])` (PyTorch start_dim 1), for a side-effect-free receiver. */
export function flattenStartDimEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
): PlannedEdit | null {
  const recv = unwrap(member.object)!;
  const simple = recv.type === T.Identifier || (recv.type === T.MemberExpression && unwrap(recv.object)?.type === T.ThisExpression && !recv.computed);
  if (!simple || call.arguments.length !== 1 || numericLiteral(call.arguments[0]) !== 1) return null;
  const text = `reshape([${sourceCode.getText(recv)}.shape[0], -1])`;
  return { text, apply: (f) => f.replaceTextRange([member.property.range[0], call.range[1]], text) };
}

// ---------------------------------------------------------------- a PyTorch (values, indices) result

/** `const [v, i] = t.max(1)` -> `const v = t.max(1), i = t.argMax(1)`: one declarator, two plain names, a literal axis. */
export function splitTupleEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  pattern: TSESTree.ArrayPattern,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  indexMethod: string,
): PlannedEdit | null {
  const decl = pattern.parent;
  const recv = unwrap(member.object)!;
  const [v, i] = pattern.elements;
  const name = memberName(member);
  if (
    decl?.type !== T.VariableDeclarator || decl.parent?.type !== T.VariableDeclaration || decl.parent.declarations.length !== 1 ||
    pattern.elements.length !== 2 || v?.type !== T.Identifier || i?.type !== T.Identifier || v.typeAnnotation || i.typeAnnotation ||
    recv.type !== T.Identifier || call.arguments.length !== 1 || numericLiteral(call.arguments[0]) === null || member.computed || !name
  ) {
    return null;
  }
  const axis = sourceCode.getText(call.arguments[0]!);
  const text = `${v.name} = ${recv.name}.${name}(${axis}), ${i.name} = ${recv.name}.${indexMethod}(${axis})`;
  return { text, apply: (f) => f.replaceText(decl, text) };
}

// ---------------------------------------------------------------- what the rule reports

export type TensorApiSuggestionId = 'replaceWith' | 'removeCall' | 'splitResult';
type Suggestion = TSESLint.SuggestionReportDescriptor<TensorApiSuggestionId>;

/** The edit part of a report, spread into it as is: `fix`, `suggest`, or (report only) neither. */
export interface Repair {
  readonly fix?: TSESLint.ReportFixFunction;
  readonly suggest?: Suggestion[];
}

/** A plan as a report's autofix (one exact edit) or as suggestions (one per edit; none for a report-only plan). */
export function planRepair(plan: Plan, method: string): Repair {
  const fix = plan.tier === 'fix' && plan.edits.length === 1 ? plan.edits[0]!.apply : null;
  const suggest = plan.tier === 'report' ? [] : plan.edits.map((e): Suggestion => ({
    messageId: e.remove ? 'removeCall' : 'replaceWith',
    data: { text: e.text, method },
    fix: e.apply,
  }));
  return fix ? { fix } : { suggest };
}

const RESHAPE_DIMS: TorchTensorMethod = { advice: '', tier: 'fix', edit: { type: 'dims', to: 'reshape' } };

/** The repair of a PyTorch argument form on a real tfjs method (none for `transpose(0, 1)`: the permutation needs the rank). */
export function signatureRepair(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  name: string,
  signature: TorchSignature,
  types: NumberTypes,
): Repair {
  if (signature === 'reshapeVarargs') return planRepair(planTorchMethod(sourceCode, call, member, name, RESHAPE_DIMS, types), name);
  if (signature === 'transposeVarargs') return {};
  if (signature === 'reduceOptions') {
    const plan = reduceOptionsPlan(sourceCode, unwrap(call.arguments[0]) as TSESTree.ObjectExpression, name);
    // PyTorch max/min with a dim return (values, indices): the positional tfjs call gives values only
    const tier = TUPLE_REDUCTIONS.has(name) && plan.tier === 'fix' ? 'suggest' : plan.tier;
    return planRepair({ ...plan, tier }, name);
  }
  const edit = flattenStartDimEdit(sourceCode, call, member);
  return { suggest: edit ? [{ messageId: 'replaceWith', data: { text: edit.text }, fix: edit.apply }] : [] };
}

/** `x = x.add(y)` (a `let` or a parameter) or `v.assign(v.add(y))` (a tf.Variable) for an in-place call that is a whole statement. */
export function inPlaceSuggestions(
  file: FileIndex,
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  replacement: string | null,
): Suggestion[] {
  const recv = unwrap(member.object)!;
  const recvText = sourceCode.getText(recv);
  const suggest: Suggestion[] = [];
  const stmt = statementOf(call);
  if (replacement && stmt && !member.optional && sourceCode.getCommentsInside(call).length === 0) {
    const text = isVariableValue(file, recv) ? `${recvText}.assign(${recvText}.${replacement})` : reassignableBinding(file, recv) ? `${recvText} = ${recvText}.${replacement}` : null;
    if (text) suggest.push({ messageId: 'replaceWith', data: { text }, fix: (f) => f.replaceText(call, text) });
  }
  return suggest;
}

/** `tf.cat(…)` -> `tf.concat(…)`: an autofix when the arguments make the rename exact, else a suggestion. */
export function torchFunctionRepair(
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  fn: { readonly to: string; readonly arity: readonly number[] },
): Repair {
  const lo = numericLiteral(call.arguments[1]);
  const hi = numericLiteral(call.arguments[2]);
  const exact =
    fn.arity.includes(call.arguments.length) &&
    (fn.to !== 'clipByValue' || (lo !== null && hi !== null && lo <= hi)) &&
    (fn.to !== 'expandDims' || isIntLiteral(call.arguments[1]));
  const fix = (f: TSESLint.RuleFixer): TSESLint.RuleFix => f.replaceText(member.property, fn.to);
  return exact ? { fix } : { suggest: [{ messageId: 'replaceWith', data: { text: `${fn.to}(…)` }, fix }] };
}

/** `const [v, i] = t.max(1)`: one call for the values and one for the indices, when `splitTupleEdit` applies. */
export function tupleSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  pattern: TSESTree.ArrayPattern,
  call: TSESTree.CallExpression,
  member: TSESTree.MemberExpression,
  method: string,
  indexMethod: string,
): Suggestion[] {
  const edit = splitTupleEdit(sourceCode, pattern, call, member, indexMethod);
  return edit ? [{ messageId: 'splitResult', data: { method, indexMethod }, fix: edit.apply }] : [];
}

/** `t.ndim` -> `t.rank`: a suggestion when the table names a replacement and the property is read by name. */
export function propertySuggestions(node: TSESTree.MemberExpression, replacement: string | undefined): Suggestion[] {
  return replacement && !node.computed && !(node.parent?.type === T.AssignmentExpression && node.parent.left === node)
    ? [{ messageId: 'replaceWith', data: { text: replacement }, fix: (f) => f.replaceText(node.property, replacement) }]
    : [];
}
