/**
 * The call statements `no-discarded-tensor` reports without type information: a tfjs op (`tf.add(a, b);`,
 * `tf.losses.meanSquaredError(y, p);`) or a tensor method on a tensor (`x.sub(mean);`) whose new tensor
 * is thrown away (test/semantics/discarded-tensor.test.ts). Shared with the typed companion, which
 * stays silent where this one reports.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, isFunction, isPromiseExecutor, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { callTarget } from './gradient-context.js';
import { importedFunction } from './modules.js';
import type { FileIndex } from './resolver.js';
import { TENSOR_CREATION_OPS, TENSOR_METHODS, TENSOR_NAMESPACES, TENSOR_OPS } from '../facts/tfjs-api.js';

/** Ops called for a side effect: `tf.variable(x, true, 'name')` registers a named variable. */
const SIDE_EFFECT_OPS: ReadonlySet<string> = new Set(['variable']);

/** Plain data: literals, and arrays, objects and typed-array constructors (`new Float32Array([1])`) of them. */
function isLiteralData(node: Node | null | undefined): boolean {
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
      return n.properties.every((p) => p.type === T.Property && !p.computed && isLiteralData(p.value as Node));
    case T.NewExpression:
      return n.callee.type === T.Identifier && /^(?:Float32|Float64|Int8|Int16|Int32|Uint8|Uint8Clamped|Uint16|Uint32)Array$/.test(n.callee.name) && n.arguments.every(isLiteralData);
    default:
      return false;
  }
}

/**
 * `tf.tensor(0);`, `tf.zeros([1, 28, 28, 1]);` (an installation smoke test, a warm-up): a tensor created from
 * data and dropped. Not the in-place habit either rule exists for, with or without types.
 */
export function createsFromLiterals(file: FileIndex, node: TSESTree.CallExpression): boolean {
  const p = file.calleePath(node);
  return !!p && p.length === 1 && TENSOR_CREATION_OPS.has(p[0]!) && node.arguments.every(isLiteralData);
}

export interface DiscardedOp {
  /** The op for messages: `add`, `losses.meanSquaredError`, `sub`. */
  readonly op: string;
  /** The tensor the PyTorch habit meant to change in place (`x` of `x.sub(m)`, `a` of `tf.add(a, b)`). */
  readonly target: Node | null;
  /** The node to report: the callee path or the method name. */
  readonly report: Node;
}

/** A call used as a statement that computes a new tfjs tensor through a tfjs op or tensor method, else null. */
export function discardedOp(file: FileIndex, node: TSESTree.CallExpression): DiscardedOp | null {
  let op: string;
  let target: Node | null = null;
  let report: Node;
  const p = file.calleePath(node);
  if (p) {
    const isOp = p.length === 1 && TENSOR_OPS.has(p[0]!) && !SIDE_EFFECT_OPS.has(p[0]!);
    const isNamespaced = p.length === 2 && TENSOR_NAMESPACES.has(p[0]!);
    if (!isOp && !isNamespaced) return null;
    if (isOp && createsFromLiterals(file, node)) return null;
    op = p.join('.');
    if (isOp && node.arguments[0]?.type !== T.SpreadElement) target = unwrap(node.arguments[0]);
    report = node.callee;
  } else {
    const m = calledMember(node);
    if (!m || !TENSOR_METHODS.has(m.name)) return null;
    const recv = file.kindOf(m.member.object);
    if (recv?.kind !== 'tensor' || recv.promise) return null;
    op = m.name;
    target = unwrap(m.member.object);
    report = m.member.property;
  }
  const info = file.kindOf(node);
  if (info?.kind !== 'tensor' || info.promise) return null;
  return { op, target, report };
}

/**
 * A helper whose body the engine can see (a same-file function or method, or an imported function) and
 * that changes state besides returning a tensor: it trains (`optimizer.minimize(f, true)`, `fit`),
 * assigns a variable, sets or disposes weights, or writes a field or property, itself or through the
 * helpers it calls. Dropping its tensor result still loses a tensor, but "nothing changed" would be false:
 * such a call is not reported. False for a helper that only computes (`return tf.tidy(() => x.div(x.norm()))`)
 * and for one whose body is not visible.
 */
export function helperHasEffects(file: FileIndex, call: TSESTree.CallExpression, depth = 0): boolean {
  if (depth > 3) return false;
  let fn: FunctionNode | null = callTarget(file, call);
  let home: FileIndex = file;
  if (!fn) {
    const callee = unwrap(call.callee);
    const imported = callee?.type === T.Identifier || callee?.type === T.MemberExpression ? importedFunction(file, callee) : null;
    if (!imported) return false;
    fn = imported.fn;
    home = imported.index;
  }
  let effects = false;
  walk(fn.body, home.sourceCode.visitorKeys, (n) => {
    if (effects) return false;
    if (n.type === T.AssignmentExpression || n.type === T.UpdateExpression) {
      effects = unwrap(n.type === T.AssignmentExpression ? n.left : n.argument)?.type === T.MemberExpression;
    } else if (n.type === T.CallExpression) {
      const name = calledMember(n)?.name;
      effects = (name !== undefined && STATE_CHANGING_METHODS.has(name)) || (!home.calleePath(n) && helperHasEffects(home, n, depth + 1));
    }
    return undefined;
  });
  return effects;
}

/** Methods that change a model, an optimizer, a variable or a collection (not tensors, which are immutable). */
const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set([
  'minimize',
  'applyGradients',
  'fit',
  'fitDataset',
  'trainOnBatch',
  'assign',
  'setWeights',
  'dispose',
  'compile',
  'push',
  'set',
]);

/** `console` as the global (not a local binding of that name): its methods return nothing. */
export function isConsole(file: FileIndex, node: Node): boolean {
  const o = unwrap(node);
  if (o?.type !== T.Identifier || o.name !== 'console') return false;
  const v = file.variableOf(o);
  return !v || v.defs.length === 0;
}

/** `resolve(x)` / `reject(e)`: a parameter of the executor of `new Promise((resolve, reject) => …)`, which returns nothing. */
export function isPromiseSettler(file: FileIndex, id: TSESTree.Identifier): boolean {
  const def = file.variableOf(id)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunction(def.node)) return false;
  const index = def.node.params.indexOf(def.name as never);
  return (index === 0 || index === 1) && isPromiseExecutor(def.node);
}

/**
 * The call invokes a function or method of this file that returns no value: a block body without
 * `return <value>` outside nested functions, and no declared return type. TypeScript infers `void` for
 * it (a Promise of `void` when async, an iterator for a generator), which is what the checker would answer
 * for the call's callee: never a tensor, without asking it.
 */
export function callsValuelessFunction(file: FileIndex, call: TSESTree.CallExpression): boolean {
  const fn = file.callTarget(call);
  return !!fn && !fn.returnType && fn.body?.type === T.BlockStatement && file.returnedOf(fn).length === 0;
}
