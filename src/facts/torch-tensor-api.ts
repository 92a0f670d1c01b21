/**
 * PyTorch tensor API names and their tfjs 4.22 replacements: THE data table behind
 * `no-torch-tensor-api`, plus the small planner that turns an entry into edits.
 *
 * Every name in `TORCH_TENSOR_METHODS` is `undefined` on a real tfjs tensor (or, for the `signature`
 * entries, throws / misbehaves with the PyTorch argument form); `test/semantics/tensor-api.test.ts`
 * checks each one, and `test/fixes/tensor-api-fix.test.ts` executes every autofix.
 *
 * Tiers: `fix` = autofix when the arguments are literal (else downgraded to a suggestion);
 * `suggest` = suggestions only; `report` = no edit (the replacement needs a human).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, unwrap, type Node } from '../engine/ast.js';
import type * as ts from 'typescript';
import type { FileIndex } from '../engine/resolver.js';
import { TENSOR_METHODS } from './tfjs-api.js';

export type FixTier = 'fix' | 'suggest' | 'report';

export type Edit =
  /** `t.m(args)` -> `t.to(args)`; `arity` lists accepted argument counts. */
  | { readonly type: 'rename'; readonly to: string; readonly arity: readonly number[] }
  /** `t.m(a, b)` / `t.m([a, b])` -> `t.to([a, b])` (PyTorch varargs shape -> one tfjs array). */
  | { readonly type: 'dims'; readonly to: string }
  /** `t.m(...)` -> `t` (device moves and layout no-ops). */
  | { readonly type: 'remove' }
  /** `t.m()` -> `t.to`; `t.m(d)` -> `t.to[d]` when `indexed`. */
  | { readonly type: 'property'; readonly to: string; readonly indexed?: boolean }
  /** Suggestions: `$r` is the receiver text, `$a` the argument texts. */
  | { readonly type: 'templates'; readonly texts: readonly string[]; readonly arity: readonly number[] };

export interface TorchTensorMethod {
  /** What to write in tfjs, for the message. */
  readonly advice: string;
  readonly tier: FixTier;
  readonly edit?: Edit;
  /** The call returns a tensor in PyTorch (so a chained call on it is still on a tensor). */
  readonly returnsTensor?: boolean;
}

const DEVICE_ADVICE = 'tfjs tensors have no device (the backend is global): remove the call';
const cast = (dtype: string, note = ''): TorchTensorMethod => ({
  advice: `Use \`cast('${dtype}')\`${note}`,
  tier: 'suggest',
  edit: { type: 'templates', texts: [`$r.cast('${dtype}')`], arity: [0] },
  returnsTensor: true,
});

/**
 * PyTorch tensor methods that do not exist on a tfjs tensor (test/semantics/tensor-api.test.ts). Autograd on tensors
 * (`backward()`, `.grad`) belongs to no-torch-optimizer-api (`TENSOR_AUTOGRAD_*` in
 * src/facts/torch-module-api.ts); the rule tests check the tables stay disjoint.
 */
export const TORCH_TENSOR_METHODS: ReadonlyMap<string, TorchTensorMethod> = new Map<string, TorchTensorMethod>([
  ['view', { advice: 'Use `reshape([...])` with the shape as one array', tier: 'fix', edit: { type: 'dims', to: 'reshape' }, returnsTensor: true }],
  ['permute', { advice: 'Use `transpose([...])` with the permutation as one array', tier: 'fix', edit: { type: 'dims', to: 'transpose' }, returnsTensor: true }],
  ['unsqueeze', { advice: 'Use `expandDims(axis)`', tier: 'fix', edit: { type: 'rename', to: 'expandDims', arity: [1] }, returnsTensor: true }],
  ['matmul', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['mm', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['bmm', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['clamp', { advice: 'Use `clipByValue(min, max)` (both bounds), or `maximum(min)` for a lower bound only', tier: 'fix', edit: { type: 'rename', to: 'clipByValue', arity: [2] }, returnsTensor: true }],
  ['clip', { advice: 'Use `clipByValue(min, max)` (both bounds), or `maximum(min)` for a lower bound only', tier: 'fix', edit: { type: 'rename', to: 'clipByValue', arity: [2] }, returnsTensor: true }],
  ['t', { advice: 'Use `transpose()`', tier: 'fix', edit: { type: 'rename', to: 'transpose', arity: [0] }, returnsTensor: true }],
  ['size', { advice: 'PyTorch `size()` is the shape: use the `shape` property (`shape[d]` for `size(d)`); tfjs `size` is the element count', tier: 'fix', edit: { type: 'property', to: 'shape', indexed: true } }],
  ['dim', { advice: 'Use the `rank` property', tier: 'fix', edit: { type: 'property', to: 'rank' } }],
  ['ndimension', { advice: 'Use the `rank` property', tier: 'fix', edit: { type: 'property', to: 'rank' } }],
  ['numel', { advice: 'Use the `size` property (a number)', tier: 'fix', edit: { type: 'property', to: 'size' } }],
  ['nelement', { advice: 'Use the `size` property (a number)', tier: 'fix', edit: { type: 'property', to: 'size' } }],
  ['cpu', { advice: DEVICE_ADVICE, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['cuda', { advice: DEVICE_ADVICE, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['to', { advice: `${DEVICE_ADVICE} (or \`cast(dtype)\` for a dtype)`, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['contiguous', { advice: 'tfjs tensors are always contiguous: remove the call', tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['detach', { advice: 'tfjs only records gradients inside the function given to `tf.grad`/`minimize`; remove the call, and compute values that must not get gradients outside that function', tier: 'suggest', edit: { type: 'remove' }, returnsTensor: true }],
  ['item', { advice: 'Use `dataSync()[0]` or `(await t.data())[0]`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.dataSync()[0]', '(await $r.data())[0]'], arity: [0] } }],
  ['numpy', { advice: 'Use `arraySync()` or `await t.array()`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.arraySync()', '(await $r.array())'], arity: [0] } }],
  ['tolist', { advice: 'Use `arraySync()` or `await t.array()`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.arraySync()', '(await $r.array())'], arity: [0] } }],
  ['float', { advice: "Use `cast('float32')` or `toFloat()`", tier: 'suggest', edit: { type: 'templates', texts: ["$r.cast('float32')", '$r.toFloat()'], arity: [0] }, returnsTensor: true }],
  ['int', cast('int32')],
  ['long', cast('int32', ' (tfjs has no int64)')],
  ['double', cast('float32', ' (tfjs has no float64)')],
  ['bool', cast('bool')],
  ['half', { advice: 'tfjs has no float16 dtype: keep float32', tier: 'report' }],
  ['type', { advice: 'Use `cast(dtype)`; read the dtype from the `dtype` property', tier: 'report' }],
  ['argmax', { advice: 'Use `argMax(axis)` (without an axis tfjs uses axis 0, PyTorch the flattened tensor)', tier: 'suggest', edit: { type: 'templates', texts: ['$r.argMax($a)'], arity: [1] }, returnsTensor: true }],
  ['argmin', { advice: 'Use `argMin(axis)` (without an axis tfjs uses axis 0, PyTorch the flattened tensor)', tier: 'suggest', edit: { type: 'templates', texts: ['$r.argMin($a)'], arity: [1] }, returnsTensor: true }],
  ['std', { advice: 'Use `tf.moments(t, axis).variance.sqrt()`; tfjs variance is biased, PyTorch `std` is unbiased (multiply the variance by n/(n-1))', tier: 'report' }],
  ['var', { advice: 'Use `tf.moments(t, axis).variance`; it is biased, PyTorch `var` is unbiased (multiply by n/(n-1))', tier: 'report' }],
  ['repeat', { advice: 'Use `tile([...])` (the reps array must have one entry per dimension)', tier: 'suggest', edit: { type: 'dims', to: 'tile' }, returnsTensor: true }],
  ['expand', { advice: 'Use `broadcastTo([...])` with the full target shape (no -1)', tier: 'suggest', edit: { type: 'dims', to: 'broadcastTo' }, returnsTensor: true }],
  ['flip', { advice: 'Use `reverse(axes)`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.reverse($a)'], arity: [1] }, returnsTensor: true }],
  ['cat', { advice: 'Use `tf.concat([a, b], axis)`', tier: 'report' }],
  ['chunk', { advice: 'Use `split(n, axis)` (tfjs needs the size to divide evenly)', tier: 'report' }],
  ['index_select', { advice: 'Use `gather(indices, axis)` (arguments in the other order)', tier: 'report' }],
  ['masked_fill', { advice: 'Use `tf.where(mask, tf.fill(t.shape, value), t)`', tier: 'report' }],
]);

/**
 * tfjs methods that exist but where the PyTorch argument form is wrong (test/semantics/tensor-api.test.ts and
 * `test/semantics/tensor-api.test.ts`). Keyed by method; handled by the rule's signature checks.
 */
export const REDUCTIONS: ReadonlySet<string> = new Set(['sum', 'mean', 'max', 'min', 'prod', 'any', 'all', 'logSumExp']);

/** Methods whose PyTorch form `t.max(dim)` returns (values, indices); tfjs returns values only. */
export const TUPLE_REDUCTIONS: ReadonlyMap<string, string> = new Map([
  ['max', 'argMax'],
  ['min', 'argMin'],
]);

/** PyTorch tensor properties that are `undefined` on a tfjs tensor. */
export const TORCH_TENSOR_PROPERTIES: ReadonlyMap<string, { readonly advice: string; readonly replacement?: string }> = new Map([
  ['ndim', { advice: 'Use `rank`', replacement: 'rank' }],
  ['T', { advice: 'Use `transpose()`', replacement: 'transpose()' }],
  ['mT', { advice: 'Use `transpose(perm)` swapping the last two axes' }],
  ['requires_grad', { advice: 'Use `tf.variable(t, trainable)`; gradients come from `tf.grad`/`optimizer.minimize`' }],
  ['is_cuda', { advice: 'tfjs tensors have no device; use `tf.getBackend()`' }],
  ['device', { advice: 'tfjs tensors have no device; use `tf.getBackend()`' }],
]);

/**
 * PyTorch module-level functions written on the tfjs namespace (`tf.cat(...)`): `undefined` in tfjs,
 * and the argument order matches the tfjs function, so a rename is exact.
 */
export const TORCH_FUNCTIONS: ReadonlyMap<string, { readonly to: string; readonly arity: readonly number[] }> = new Map([
  ['cat', { to: 'concat', arity: [1, 2] }],
  ['matmul', { to: 'matMul', arity: [2] }],
  ['mm', { to: 'matMul', arity: [2] }],
  ['bmm', { to: 'matMul', arity: [2] }],
  ['unsqueeze', { to: 'expandDims', arity: [2] }],
  ['clamp', { to: 'clipByValue', arity: [3] }],
  ['permute', { to: 'transpose', arity: [2] }],
]);

/** Advice for in-place PyTorch methods that are not an op on the tensor's values. */
export const IN_PLACE_ADVICE: ReadonlyMap<string, string> = new Map([
  ['requires_grad_', 'Trainability belongs to variables: create it with `tf.variable(t, trainable)`'],
  ['detach_', 'tfjs records gradients only inside the function given to `tf.grad`/`minimize`: remove the call'],
  ['copy_', 'Use `v.assign(src)` on a tf.Variable, or keep `src` itself (tensors are immutable)'],
]);

/** An in-place PyTorch method name (`add_`, `zero_`), not a dunder. */
export function inPlaceBase(name: string): string | null {
  return /^[a-z][A-Za-z0-9]*(?:_[a-z0-9]+)*_$/.test(name) && !name.startsWith('_') ? name.slice(0, -1) : null;
}

// ---------------------------------------------------------------- literal helpers

/** A numeric literal (with an optional unary minus). */
export function numericLiteral(node: Node | null | undefined): number | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.UnaryExpression && n.operator === '-') {
    const a = unwrap(n.argument);
    if (a?.type === T.Literal && typeof a.value === 'number') return -a.value;
  }
  return null;
}

export const isIntLiteral = (node: Node | null | undefined): boolean => Number.isInteger(numericLiteral(node));

/** All call arguments are integer literals (a spread never is). */
export function allIntLiterals(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.every((a) => a.type !== T.SpreadElement && isIntLiteral(a));
}

// ---------------------------------------------------------------- tensors through PyTorch chains

const chainCache = new WeakMap<FileIndex, WeakMap<Node, boolean>>();

/**
 * The expression is a proven tfjs tensor: `file.kindOf` says so, or it is a PyTorch-style call on one
 * whose PyTorch result is a tensor (`t.view(2, 3)` in `t.view(2, 3).permute(1, 0)`), a tfjs chained
 * op on such a call, or a `const` bound to one, so a chain of PyTorch calls is reported in one pass.
 * Only this rule family uses it: `kindOf` itself stays strict (those PyTorch calls throw at run time).
 */
export function isProvenTensor(file: FileIndex, node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  let cache = chainCache.get(file);
  if (!cache) chainCache.set(file, (cache = new WeakMap()));
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  cache.set(n, false);
  const k = file.kindOf(n);
  let result = !!k && k.kind === 'tensor' && !k.promise;
  if (!result && n.type === T.CallExpression) {
    // `t.view(6).sum()`: PyTorch calls and tfjs chained ops on a proven tensor return tensors
    const m = calledMember(n);
    if (m && (TORCH_TENSOR_METHODS.get(m.name)?.returnsTensor || TENSOR_METHODS.has(m.name))) result = isProvenTensor(file, m.member.object);
  }
  if (!result && n.type === T.Identifier) {
    // `const flat = t.view(-1)`: a const bound to such a chain
    const v = file.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.id === def.name && def.node.init && def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const') {
      result = isProvenTensor(file, def.node.init);
    }
  }
  cache.set(n, result);
  return result;
}

// ---------------------------------------------------------------- edits

/** What the TypeScript checker proves about an argument (types only narrow: never adds a report). */
export interface NumberTypes {
  /** A `number` (or numeric literal type); `any`/`unknown` are not. */
  readonly isNumber: (n: Node) => boolean;
  /** An array or tuple of numbers. */
  readonly isNumberArray: (n: Node) => boolean;
}

const NO_TYPES: NumberTypes = { isNumber: () => false, isNumberArray: () => false };

/** `NumberTypes` from the file's type information, or answers that prove nothing without it. */
export function numberTypes(file: FileIndex): NumberTypes {
  const services = file.typed;
  if (!services) return NO_TYPES;
  const checker = services.program.getTypeChecker();
  const num = checker.getNumberType();
  const str = checker.getStringType();
  const typeOf = (n: Node): ts.Type | null => {
    try {
      return services.getTypeAtLocation(n);
    } catch {
      return null;
    }
  };
  // `any`, `unknown` and `never` accept a string; a real number type does not
  const isNum = (t: ts.Type): boolean => checker.isTypeAssignableTo(t, num) && !checker.isTypeAssignableTo(str, t) && !checker.isTypeAssignableTo(t, str);
  return {
    isNumber: (n) => {
      const t = typeOf(n);
      return !!t && isNum(t);
    },
    isNumberArray: (n) => {
      const t = typeOf(n);
      if (!t || !(checker.isArrayType(t) || checker.isTupleType(t))) return false;
      const elems = checker.getTypeArguments(t as ts.TypeReference);
      return elems.length > 0 && elems.every(isNum);
    },
  };
}

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
const DEVICE_STRING = /^(cpu|cuda(:\d+)?|mps|xla|meta)$/;

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
        const device = a?.type === T.Literal && typeof a.value === 'string' && DEVICE_STRING.test(a.value);
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
          return { text: s, apply: (f) => f.replaceText(call, asiSafe(sourceCode, call, s)) };
        });
      return { tier: 'suggest', edits };
    }
  }
}

/** The `(` and `)` tokens of a call's argument list (after any parentheses around the callee). */
export function callParens(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): { open: TSESTree.Token; close: TSESTree.Token } {
  const open = sourceCode.getTokenAfter(call.callee, { filter: (t) => t.value === '(' && t.range[0] >= (call.typeArguments ?? call.callee).range[1] })!;
  return { open, close: sourceCode.getLastToken(call)! };
}

/**
 * Text that replaces `node` as an expression: a leading `(` at the start of an expression statement
 * gets a `;` so the previous line cannot swallow it as a call (`a = b\n(await t.data())[0]`).
 */
export function asiSafe(sourceCode: Readonly<TSESLint.SourceCode>, node: Node, text: string): string {
  if (!text.startsWith('(')) return text;
  let n: Node = node;
  while (n.parent && n.parent.type !== T.ExpressionStatement && n.parent.range[0] === node.range[0]) n = n.parent;
  if (n.parent?.type !== T.ExpressionStatement || n.parent.range[0] !== node.range[0]) return text;
  const before = sourceCode.getTokenBefore(node);
  return before && before.value !== ';' && before.value !== '{' ? `;${text}` : text;
}

function needsParens(n: Node): boolean {
  return !(
    n.type === T.Identifier ||
    n.type === T.MemberExpression ||
    n.type === T.CallExpression ||
    n.type === T.ThisExpression ||
    n.type === T.ArrayExpression
  );
}

/** `await` is valid here: inside an async function, or at module top level. */
export function isAwaitAllowed(node: Node): boolean {
  let n: Node | undefined = node.parent;
  while (n) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) return n.async;
    // class static blocks and field initializers are function-like scopes without await
    if (n.type === T.StaticBlock || n.type === T.PropertyDefinition || n.type === T.AccessorProperty) return false;
    if (n.type === T.Program) return n.sourceType === 'module';
    n = n.parent;
  }
  return false;
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

// ---------------------------------------------------------------- keeping a result

/** A `let`/`var` binding or a parameter, so `x = x.add(y)` is legal. */
export function reassignableBinding(file: FileIndex, n: Node): boolean {
  if (n.type !== T.Identifier) return false;
  const v = file.variableOf(n);
  if (!v || v.defs.length !== 1) return false;
  const def = v.defs[0]!;
  if (def.type === 'Parameter') return true;
  return def.type === 'Variable' && def.node.id === def.name && def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind !== 'const';
}

/** The value is a `tf.Variable` (`tf.variable(...)`, `new tf.Variable`, a `tf.Variable` annotation): `assign` updates it in place. */
export function isVariableValue(file: FileIndex, n: Node): boolean {
  const info = file.kindOf(n);
  return info?.kind === 'tensor' && !info.promise && (info.name === 'variable' || info.name === 'Variable');
}

export type TorchSignature = 'reshapeVarargs' | 'transposeVarargs' | 'reduceOptions' | 'flattenStartDim';

/**
 * A PyTorch argument form on a real tfjs method, from the call's shape alone (cheap: checked before
 * the receiver is resolved). `reshape(3, 2)`, `transpose(0, 1)`, `sum({dim: 1})`, `flatten(1)`.
 */
export function torchSignature(call: TSESTree.CallExpression, name: string): TorchSignature | null {
  const args = call.arguments;
  const first = unwrap(args[0]);
  if (name === 'reshape') return args.length >= 2 || (args.length === 1 && numericLiteral(first) !== null) ? 'reshapeVarargs' : null;
  if (name === 'transpose') return args.length >= 2 && allIntLiterals(args) ? 'transposeVarargs' : null;
  if (REDUCTIONS.has(name)) return first?.type === T.ObjectExpression ? 'reduceOptions' : null;
  if (name === 'flatten') return args.length > 0 && !(args.length === 1 && numericLiteral(first) === 0) ? 'flattenStartDim' : null;
  return null;
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
