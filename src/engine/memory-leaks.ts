/**
 * Who owns a new tensor: the two shapes of leak `no-leaked-tensor` reports.
 *
 * - An intermediate: a new tensor that is only a receiver (`x.toFloat().div(255)`, `.dataSync()`) or an
 *   argument of a tfjs call that neither disposes nor keeps it (`model.predict(tf.browser.fromPixels(v))`,
 *   `tf.variable(t)`, `v.assign(t)`: measured in test/semantics/memory.test.ts). Nobody can dispose it.
 * - A local bound to a new tensor that is only read (methods, properties, tfjs arguments): never
 *   returned, stored, kept, or handed to code we cannot see. Disposal is `x.dispose()` or
 *   `tf.dispose(x | [..x..] | {k: x})` in the same function.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, enclosingFunction, isFunction, memberName, unwrap, type FunctionNode, type Node } from './ast.js';
import { importedHelper } from './modules.js';
import { importedCallee, isNewTensorCall, isTfjsConsumer, mayBeNewTensorCall, ownershipCall } from './memory.js';
import { TENSOR_ASYNC_READS, TENSOR_METHODS, TENSOR_SYNC_READS } from '../facts/tfjs-api.js';
import type { FileIndex } from './resolver.js';

/** Climb TS wrappers and `?.` chains: the node whose parent uses the value. */
function outer(node: Node): Node {
  let n = node;
  while (
    n.parent &&
    (n.parent.type === T.TSAsExpression ||
      n.parent.type === T.TSNonNullExpression ||
      n.parent.type === T.TSSatisfiesExpression ||
      n.parent.type === T.TSTypeAssertion ||
      n.parent.type === T.ChainExpression)
  ) {
    n = n.parent;
  }
  return n;
}

/**
 * How a value at `node` is used by its parent: `read` (a member access, or an argument of a tfjs call
 * that neither disposes nor keeps it), `test` (a truthiness or null test), `dispose` (the call that
 * disposes it), `keep`, or `other`.
 */
export function useOf(file: FileIndex, node: Node, depth = 0): { use: 'read' | 'test' | 'dispose' | 'keep' | 'other'; by: Node } {
  const child = outer(node);
  const p = child.parent;
  if (!p) return { use: 'other', by: child };
  if (p.type === T.MemberExpression && p.object === child) {
    const call = outer(p).parent;
    if (memberName(p) === 'dispose' && call?.type === T.CallExpression && unwrap(call.callee) === p) return { use: 'dispose', by: call };
    return { use: 'read', by: p };
  }
  // a test of it (`cost ? cost.dataSync()[0] : NaN`, `if (!t)`, `t && …`, `t !== null`): nothing else holds it
  if (
    ((p.type === T.ConditionalExpression || p.type === T.IfStatement) && p.test === child) ||
    (p.type === T.LogicalExpression && p.operator === '&&' && p.left === child) ||
    (p.type === T.UnaryExpression && p.operator === '!') ||
    (p.type === T.BinaryExpression && ['===', '!==', '==', '!='].includes(p.operator))
  ) {
    return { use: 'test', by: p };
  }
  let arg: Node = child;
  let call: Node | undefined = p;
  // an element of an array / a value of an object literal passed to a call: tf.dispose([a, b]), tf.concat([a, b])
  if (p.type === T.ArrayExpression || (p.type === T.Property && p.value === child && p.parent?.type === T.ObjectExpression)) {
    arg = outer(p.type === T.Property ? p.parent! : p);
    call = arg.parent;
  }
  if (call?.type === T.CallExpression && call.arguments.includes(arg as never)) {
    const own = ownershipCall(file, call);
    if (own) return { use: own, by: call };
    if (p.type !== T.Property && isTfjsConsumer(file, call)) return { use: 'read', by: call };
    // `render(probs)` with `function render(t) { draw(t.dataSync()); }`: the helper only reads it
    if (p.type !== T.Property && p.type !== T.ArrayExpression && argumentOnlyRead(file, call, call.arguments.indexOf(arg as never), depth)) return { use: 'read', by: call };
  }
  return { use: 'other', by: child };
}

/** Per function and parameter position: does the function only read that parameter (`argumentOnlyRead`)? */
const onlyReads = new WeakMap<FunctionNode, Map<number, boolean | 'pending'>>();
const MAX_HELPER_DEPTH = 2;

/**
 * Does `call` hand its argument at `index` to a function that only reads it: a function of this file, a
 * method of this class, or a function imported from another module of the project, whose parameter is
 * never written, aliased, returned, stored, kept, disposed or handed to code the engine cannot see (every
 * use a member read, a test, an argument of a tfjs call that does not dispose it, or of another such
 * helper, two levels). Then the caller still owns the tensor: nothing else can dispose it.
 */
function argumentOnlyRead(file: FileIndex, call: TSESTree.CallExpression, index: number, depth: number): boolean {
  if (index < 0 || depth > MAX_HELPER_DEPTH || call.arguments.slice(0, index + 1).some((a) => a.type === T.SpreadElement)) return false;
  const callee = unwrap(call.callee);
  let target: { index: FileIndex; fn: FunctionNode } | null = null;
  const local = file.callTarget(call);
  if (local) target = { index: file, fn: local };
  else if (callee?.type === T.Identifier || (callee?.type === T.MemberExpression && unwrap(callee.object)?.type === T.Identifier)) {
    target = importedHelper(file, callee as TSESTree.Identifier | TSESTree.MemberExpression);
  }
  if (!target || !isFunction(target.fn)) return false;
  const { index: home, fn } = target;
  let byIndex = onlyReads.get(fn);
  if (!byIndex) onlyReads.set(fn, (byIndex = new Map()));
  const known = byIndex.get(index);
  if (known !== undefined) return known === true;
  byIndex.set(index, 'pending');
  const result = parameterOnlyRead(home, fn, index, depth);
  byIndex.set(index, result);
  return result;
}

function parameterOnlyRead(home: FileIndex, fn: FunctionNode, index: number, depth: number): boolean {
  const param = fn.params[index];
  if (param?.type !== T.Identifier || fn.params.slice(0, index).some((p) => p.type === T.RestElement)) return false;
  // `arguments[0]` reaches the value under no name
  if (fn.type !== T.ArrowFunctionExpression && home.sourceCode.getText(fn.body).includes('arguments')) return false;
  const v = home.variableOf(param);
  if (!v) return false;
  for (const r of v.references) {
    if (r.isWrite()) return false;
    const u = useOf(home, r.identifier as TSESTree.Identifier, depth + 1);
    if (u.use === 'read' || u.use === 'test') continue;
    return false;
  }
  return true;
}

const TENSOR_USE_NAMES: ReadonlySet<string> = new Set([...TENSOR_METHODS, ...TENSOR_SYNC_READS, ...TENSOR_ASYNC_READS, 'dispose', 'print', 'shape', 'dtype', 'rank', 'size']);

/**
 * Is this use of a value one a tensor gets: a tensor method or property (`row.dataSync()`, `x.shape`), or an
 * argument of a tfjs call (`model.predict(x)`)? What a function of another module returns is asked (its
 * module parsed) only for a value used so here: box math (`center[0]`, `enlargeBox(box)`) is not.
 */
function tensorLikeUse(file: FileIndex, node: Node): boolean {
  const child = outer(node);
  const p = child.parent;
  if (p?.type === T.MemberExpression && p.object === child) {
    const name = memberName(p);
    return name !== null && TENSOR_USE_NAMES.has(name);
  }
  const arg = p?.type === T.ArrayExpression ? outer(p) : child;
  const call = arg.parent;
  return call?.type === T.CallExpression && call.arguments.includes(arg as never) && (ownershipCall(file, call) !== null || isTfjsConsumer(file, call));
}

/**
 * When `call` is a leaked intermediate: the chain it belongs to (keyed by its top), else null. `worth`
 * runs after the syntactic filters and before anything is resolved: a caller that would not report the
 * call anyway (code that runs once, by default) spares the resolution.
 */
export function intermediateChain(
  file: FileIndex,
  call: TSESTree.CallExpression,
  worth: (node: Node) => boolean = () => true,
): { top: TSESTree.CallExpression; wrap: Node | null } | null {
  if (!mayBeIntermediate(call) || !mayBeNewTensorCall(file, call) || !worth(call)) return null;
  // a function of another module is asked (its module parsed) only for a call whose value is only read here
  const imported = importedCallee(file, call) !== null;
  if (imported ? !tensorLikeUse(file, call) : !isNewTensorCall(file, call)) return null;
  let use = useOf(file, call);
  if (use.use !== 'read' || (imported && !isNewTensorCall(file, call))) return null;
  let top = call;
  for (;;) {
    const next = consumerCall(use.by);
    if (!next || !isNewTensorCall(file, next)) return { top, wrap: readWrap(use.by) };
    top = next;
    use = useOf(file, next);
    if (use.use !== 'read') return { top, wrap: top };
  }
}

/** Cheap syntactic gate: only a receiver, an argument or an array element can be an intermediate. */
function mayBeIntermediate(call: TSESTree.CallExpression): boolean {
  const p = outer(call).parent;
  if (!p || (p.type !== T.MemberExpression && p.type !== T.CallExpression && p.type !== T.ArrayExpression && p.type !== T.NewExpression)) return false;
  return !(p.type === T.CallExpression && unwrap(p.callee) === call);
}

/** The call that consumes a read: `x.m(...)` for a member read, the call itself for an argument. */
function consumerCall(by: Node): TSESTree.CallExpression | null {
  if (by.type === T.CallExpression) return by;
  const call = outer(by).parent;
  return call?.type === T.CallExpression && unwrap(call.callee) === by ? call : null;
}

/** `….dataSync()`, `….arraySync()[0]`: the synchronous read a tidy may wrap (its value is not a tensor). */
function readWrap(by: Node): Node | null {
  if (by.type !== T.MemberExpression) return null;
  const call = consumerCall(by);
  const name = memberName(by);
  if (!call || !name || !TENSOR_SYNC_READS.has(name)) return null;
  let n: Node = outer(call);
  while (n.parent?.type === T.MemberExpression && n.parent.object === n && n.parent.computed) n = outer(n.parent);
  return n;
}

export interface BoundTensor {
  readonly id: TSESTree.Identifier;
  readonly declarator: TSESTree.VariableDeclarator;
  /** The `dispose()` / `tf.dispose(...)` calls of this local in its own function. */
  readonly disposals: Node[];
  /** Every reference other than the declaration, in source order. */
  readonly uses: TSESTree.Identifier[];
}

/** A function-local `const t = <new tensor>` whose every use is a read or a disposal (else null); `worth` as for `intermediateChain`. */
export function boundTensor(file: FileIndex, d: TSESTree.VariableDeclarator, worth: (node: Node) => boolean = () => true): BoundTensor | null {
  if (d.id.type !== T.Identifier || !d.init) return null;
  const init = unwrap(d.init);
  if (init?.type !== T.CallExpression) return null;
  const decl = d.parent;
  if (decl?.type !== T.VariableDeclaration || decl.declare) return null;
  const holder = decl.parent;
  if (holder?.type !== T.BlockStatement && holder?.type !== T.SwitchCase) return null;
  if (!mayBeNewTensorCall(file, init) || !worth(d)) return null;
  // as in `intermediateChain`: another module's function is read only for a local whose uses could leak
  const imported = importedCallee(file, init) !== null;
  if (!imported && !isNewTensorCall(file, init)) return null;
  const v = file.variableOf(d.id);
  if (!v || (imported && !v.references.some((r) => !r.init && tensorLikeUse(file, r.identifier)))) return null;
  const fn = enclosingFunction(d);
  const disposals: Node[] = [];
  const uses: TSESTree.Identifier[] = [];
  let tested = false;
  for (const r of v.references) {
    if (r.init) continue;
    if (r.isWrite()) return null;
    const id = r.identifier as TSESTree.Identifier;
    const u = useOf(file, id);
    if (u.use === 'read') uses.push(id);
    else if (u.use === 'test') {
      tested = true;
      uses.push(id);
    }
    else if (u.use === 'dispose' && enclosingFunction(u.by) === fn) {
      disposals.push(u.by);
      uses.push(id);
    } else return null;
  }
  // a tested tensor may be null (`minimize(f, true)`): disposed under a test (`if (cost) cost.dispose()`) or
  // left on a path where it is null (`if (!cost) return`), so only "never disposed" is decided here
  if (tested && disposals.length > 0) return null;
  if (imported && !isNewTensorCall(file, init)) return null;
  return { id: d.id, declarator: d, disposals, uses };
}

/** `x.dispose()` or `tf.dispose(...)`: the calls the flow analysis records as disposal events. */
export function isDisposalCall(file: FileIndex, call: TSESTree.CallExpression): boolean {
  const m = calledMember(call);
  if (m) {
    if (m.name !== 'dispose') return false;
    if (call.arguments.length === 0) return true;
  }
  return ownershipCall(file, call) === 'dispose';
}
