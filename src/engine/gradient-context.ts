/**
 * Gradient contexts: functions whose body runs under a gradient tape, i.e. a custom training step.
 *
 * A function is a gradient context when it is passed (inline, or as a same-file named function/const)
 * to `optimizer.minimize`, `optimizer.computeGradients`, `tf.variableGrads`, `tf.grad(s)`,
 * `tf.valueAndGrad(s)`, including through one local helper that forwards its parameter there.
 * Functions and methods of the same file that a gradient function calls are contexts one level deep,
 * since the forward pass often lives in a helper such as `this.getLogits(x)`.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, isFunction, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import type { FileIndex } from './resolver.js';
import { importedStepCalls } from './modules.js';
import { programUsesTfjs, tfjsFunctionName, typeVerdict } from './type-info.js';
import { GRADIENT_FUNCTIONS, OPTIMIZER_GRADIENT_METHODS } from '../facts/tfjs-api.js';

export interface GradientContext {
  /** The function whose body is recorded on the tape. */
  readonly fn: FunctionNode;
  /** The `minimize(...)` / `tf.variableGrads(...)` call that records it. */
  readonly call: TSESTree.CallExpression;
  /** The API used, for messages: `minimize`, `variableGrads`, … */
  readonly api: string;
  /** 0: passed directly; 1: called from a depth-0 gradient function. */
  readonly depth: 0 | 1;
}

const byFile = new WeakMap<FileIndex, Map<FunctionNode, GradientContext>>();

export interface GradientStep {
  readonly call: TSESTree.CallExpression;
  readonly api: string;
  /** The functions this call records: the ones passed to it (depth 0), then the same-file functions they call. */
  readonly fns: readonly FunctionNode[];
}
const stepsByFile = new WeakMap<FileIndex, Map<TSESTree.CallExpression, GradientStep>>();

/**
 * Every gradient call of the file with the functions it records (a function passed to two calls belongs
 * to both, unlike `gradientContexts`, which maps each function to its first call). Same detection.
 */
export function gradientSteps(file: FileIndex): ReadonlyMap<TSESTree.CallExpression, GradientStep> {
  gradientContexts(file);
  return stepsByFile.get(file)!;
}

/** All gradient-context functions of the file (computed once, on first use). */
export function gradientContexts(file: FileIndex): Map<FunctionNode, GradientContext> {
  let map = byFile.get(file);
  if (map) return map;
  map = new Map();
  byFile.set(file, map);
  const steps = new Map<TSESTree.CallExpression, { call: TSESTree.CallExpression; api: string; fns: FunctionNode[] }>();
  stepsByFile.set(file, steps);
  // typed files may reach tfjs only through a wrapper module the text gate cannot see
  if (!file.touchesTfjs && !(file.typed && programUsesTfjs(file.typed))) return map;

  const calls = file.calls();

  const direct = new Map<FunctionNode, GradientContext>();
  const add = (fn: FunctionNode | null, call: TSESTree.CallExpression, api: string): void => {
    if (!fn) return;
    if (!direct.has(fn)) direct.set(fn, { fn, call, api, depth: 0 });
    let step = steps.get(call);
    if (!step) steps.set(call, (step = { call, api, fns: [] }));
    if (!step.fns.includes(fn)) step.fns.push(fn);
  };

  for (const call of calls) {
    const api = gradientApi(file, call);
    if (!api) continue;
    const arg = unwrap(call.arguments[0]);
    if (!arg) continue;
    if (isFunction(arg)) {
      add(arg, call, api);
      continue;
    }
    const method = thisMethodReference(file, arg);
    if (method) {
      add(method, call, api);
      continue;
    }
    if (arg.type !== T.Identifier) continue;
    const named = file.functionOfIdentifier(arg);
    if (named) {
      add(named, call, api);
      continue;
    }
    // forwarding helper: function step(lossFn) { return opt.minimize(lossFn) }; step(() => ...)
    const v = file.variableOf(arg);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!def || def.type !== 'Parameter' || !isFunction(def.node)) continue;
    const helper = def.node;
    const index = helper.params.indexOf(def.name);
    if (index < 0) continue;
    for (const other of calls) {
      if (callTarget(file, other) !== helper) continue;
      const passed = unwrap(other.arguments[index]);
      if (isFunction(passed)) add(passed, call, api);
      else if (passed?.type === T.Identifier) add(file.functionOfIdentifier(passed), call, api);
    }
  }

  for (const ctx of direct.values()) map.set(ctx.fn, ctx);
  // one level deep: same-file functions and methods called from a gradient function
  for (const ctx of direct.values()) {
    walk(ctx.fn.body, file.sourceCode.visitorKeys, (node) => {
      if (node.type !== T.CallExpression) return undefined;
      const target = callTarget(file, node);
      if (target && prefer(map.get(target), ctx.call)) map.set(target, { fn: target, call: ctx.call, api: ctx.api, depth: 1 });
      return undefined;
    });
  }
  for (const step of steps.values()) {
    for (const fn of step.fns.slice()) {
      walk(fn.body, file.sourceCode.visitorKeys, (node) => {
        const target = node.type === T.CallExpression ? callTarget(file, node) : null;
        if (target && !step.fns.includes(target)) step.fns.push(target);
        return undefined;
      });
    }
  }
  // exported helpers that an importer calls inside its training step (src/engine/modules.ts)
  for (const { fn, ctx } of importedStepCalls(file)) {
    if (prefer(map.get(fn), ctx.call)) map.set(fn, { fn, call: ctx.call, api: ctx.api, depth: 1 });
  }
  return map;
}

/**
 * Whether a helper run by the step `call` should take that step as its context instead of `current`:
 * when it has none yet, or only one that a var list restricts while this step trains every variable
 * (`refine()` minimizing the decoder's list and `step()` running `tf.variableGrads` over the same
 * `computeLoss`: the rules must judge the helper as part of the step that trains the whole model).
 */
function prefer(current: GradientContext | undefined, call: TSESTree.CallExpression): boolean {
  if (!current) return true;
  return current.depth === 1 && hasVarList(current.call) && !hasVarList(call);
}

/** A gradient call with an argument after the function that is not a `returnCost` boolean (a var list, or one misplaced). */
export function hasVarList(call: TSESTree.CallExpression): boolean {
  return call.arguments.slice(1).some((a) => {
    const u = unwrap(a);
    return !(u?.type === T.Literal && typeof u.value === 'boolean') && !(u?.type === T.Identifier && u.name === 'undefined');
  });
}

/** `minimize` / `variableGrads` / … when the call records gradients of its first argument. */
function gradientApi(file: FileIndex, call: TSESTree.CallExpression): string | null {
  const p = file.calleePath(call);
  if (p) return p.length === 1 && GRADIENT_FUNCTIONS.has(p[0]!) ? p[0]! : null;
  const m = calledMember(call);
  // `tf.variableGrads(…)` with `tf` from a local module re-exporting tfjs: only the checker sees it
  const callee = unwrap(call.callee);
  const name = m?.name ?? (callee?.type === T.Identifier ? callee.name : null);
  if (file.typed && name !== null && GRADIENT_FUNCTIONS.has(name)) {
    const declared = tfjsFunctionName(file.typed, call);
    if (declared !== null) return GRADIENT_FUNCTIONS.has(declared) ? declared : null;
  }
  if (!m || !OPTIMIZER_GRADIENT_METHODS.has(m.name)) return null;
  const recv = file.kindOf(m.member.object);
  // an optimizer, or a receiver we cannot see (an optimizer passed in) -- but never a known non-optimizer
  if (recv && recv.kind !== 'optimizer') return null;
  if (!recv && file.typed) {
    // with types, "unknown" must not hide a receiver the checker proves is something else
    const v = typeVerdict(file.typed, m.member.object);
    if (v.verdict === 'not-tfjs' || (v.verdict === 'tfjs' && v.kind !== 'optimizer')) return null;
  }
  return m.name;
}

/** The same-file function or method a call invokes: `f(...)`, `this.m(...)`, `agent.m(...)`. */
export function callTarget(file: FileIndex, call: TSESTree.CallExpression): FunctionNode | null {
  return file.callTarget(call);
}

/** `this.loss` or `this.loss.bind(this)` passed as the loss function: the same-class method. */
function thisMethodReference(file: FileIndex, arg: Node): FunctionNode | null {
  let ref: Node | null = arg;
  if (arg.type === T.CallExpression) {
    const m = calledMember(arg);
    if (!m || m.name !== 'bind' || unwrap(arg.arguments[0])?.type !== T.ThisExpression) return null;
    ref = unwrap(m.member.object);
  }
  if (ref?.type !== T.MemberExpression || ref.computed || ref.property.type !== T.Identifier) return null;
  const obj = unwrap(ref.object);
  return obj?.type === T.ThisExpression ? file.methodOfThis(obj, ref.property.name) : null;
}

/** The gradient context a node runs in (through enclosing functions), or null. */
export function gradientContextOf(file: FileIndex, node: Node): GradientContext | null {
  const map = gradientContexts(file);
  if (map.size === 0) return null;
  let n: Node | undefined = node.parent;
  while (n) {
    if (isFunction(n)) {
      const ctx = map.get(n);
      if (ctx) return ctx;
    }
    n = n.parent;
  }
  return null;
}
