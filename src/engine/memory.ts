/**
 * Tensor memory: which calls make a new tensor, whether code runs inside a scope that disposes what
 * it makes (`tf.tidy`, the gradient functions, `tf.customGrad`, `startScope()`…`endScope()`), and how
 * often code runs (per frame, per batch, per loop iteration, …). Facts: test/semantics/memory.test.ts.
 *
 * "How often" follows functions up through the file: a loop body, a callback given to
 * `requestAnimationFrame` / `setInterval` / a recursive `setTimeout`, an event listener (also a JSX event
 * prop's handler), a request handler (also a Redux Toolkit thunk or reducer, per dispatch), a `fit`
 * callback hook, a per-element array callback, and same-file functions called from any of those.
 * Functions a framework calls on its own (route and serverless handlers, JSX event props, p5.js and
 * Phaser callbacks, jobs, decorators, resolvers) are recognised in src/engine/framework-frequency.ts.
 * "In a scope" follows functions up the same way: a function is in a scope when it is the scope's
 * function, or every same-file caller of it is.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, functionName, isCommonJsExport, isFunction, isPromiseExecutor, memberName, propertyKeyName, runeName, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { callTarget, gradientContexts } from './gradient-context.js';
import { originsOf, type FileIndex } from './resolver.js';
import { callSitesOf } from './trainable.js';
import { importersMayScope, PASSES_ALL_TEXT, SCOPE_TEXT } from './module-resolve.js';
import { exportedMethodName, importedClass, importedFunction, importedNameOf, isModuleImport, isNamespaceMember, importerCallsOf, indexForPath, readableImporterCallsOf, readableImporterMethodCallsOf } from './modules.js';
import {
  DATASET_FACTORIES,
  DATASET_METHODS,
  DATASET_TIDY_METHODS,
  DENO_REGISTRATIONS,
  ROUTE_METHODS,
  NODE_SERVER_MODULES,
  EFFECT_RUNES,
  FRAME_HOOK_MODULES,
  FRAME_HOOKS,
  LISTENER_METHODS,
  ONE_SHOT_SCHEDULERS,
  PER_ELEMENT_METHODS,
  REPEATING_SCHEDULERS,
  SCOPE_FUNCTIONS,
  SYNC_CALLBACK_METHODS,
  TENSOR_METHODS,
  TENSOR_NAMESPACES,
  TENSOR_OPS,
  type RepeatFrequency,
} from '../facts/tfjs-api.js';
import {
  calleeName,
  decoratorFrequency,
  dispatchCallbackIndex,
  entryPointFrequency,
  hookFrequency,
  isGlobalNamed,
  isObserverClass,
  isPathLiteral,
  jobFrequency,
  moduleExportName,
  p5Frequency,
  phaserFrequency,
  placedFrequency,
  resolverFrequency,
  usesRedux,
} from './framework-frequency.js';

export type { RepeatFrequency };

/** The phrase rule messages use for each frequency; `src/cli/memory.ts` counts reports by it. */
export const FREQUENCY_PHRASES: Readonly<Record<RepeatFrequency | 'once', string>> = {
  frame: 'on every frame',
  batch: 'on every batch',
  epoch: 'on every epoch',
  interval: 'on every timer tick',
  event: 'on every event',
  iteration: 'on every loop iteration',
  once: 'each time this code runs',
};

const MAX_DEPTH = 5;

/**
 * A call that returns a tensor it has just made: a tfjs op or factory, a tensor method, a model's
 * `predict`/`apply`/`execute`, a `tf.tidy(...)` returning a tensor, or `optimizer.minimize(f, true)`.
 */
export function isNewTensorCall(file: FileIndex, call: TSESTree.CallExpression): boolean {
  if (!mayBeNewTensorCall(file, call)) return false;
  // `this.trainStep(xs, ys).dataSync()` with a same-file method whose every `return` makes a new tensor
  const target = callTarget(file, call);
  if (target) return returnsNewTensor(file, target);
  // Only a tfjs function (`tf.add`, a named import) or a method of a tfjs value makes a tensor whose origin
  // is this call. A call of a user function (same file or imported) has the provenance of the function's
  // `return`, never this call, so its return kind (a walk of the function, or a parse of its module) is
  // not worth computing here.
  const m0 = calledMember(call);
  // `const row = computeLogMel(samples)`, `features.computeLogMel(samples)` with the function in another
  // module of the project returning `tf.tidy(…)`: a new tensor this caller owns (no parse unless the name is imported)
  const imported = importedCallee(file, call);
  const f = imported ? importedFunction(file, imported) : null;
  if (f) return returnsNewTensor(f.index, f.fn);
  const recv = m0 ? file.kindOf(m0.member.object) : null;
  if (!file.calleePath(call) && (!recv || recv.promise)) return false;
  const info = file.kindOf(call);
  if (info?.kind === 'tensor' && !info.promise) {
    // a layer applied to a value of unknown kind is as likely the functional API's graph building
    // (`function block(x) { return dense.apply(x); }`: symbolic tensors, no memory) as a computation
    if (info.origin === call) return !(m0?.name === 'apply' && recv?.kind === 'layer' && !concreteTensor(file, call.arguments[0]));
    const p = file.calleePath(call);
    return p?.length === 1 && p[0] === 'tidy';
  }
  // optimizer.minimize(f, true) returns the cost (a new scalar) -- measured in test/semantics/memory.test.ts
  const m = calledMember(call);
  if (m?.name === 'minimize' && returnsCost(call)) return file.kindOf(m.member.object)?.kind === 'optimizer';
  return false;
}

/** The callee of `f(…)` or `ns.f(…)` when `f` / `ns` is bound by an import of another module (not tfjs). */
export function importedCallee(file: FileIndex, call: TSESTree.CallExpression): TSESTree.Identifier | TSESTree.MemberExpression | null {
  const c = unwrap(call.callee);
  // `features.computeLogMel(x)` of a namespace import; not `model.predict(x)` of an imported model
  if (c?.type === T.MemberExpression) return !c.computed && isNamespaceMember(file, c) && !file.pathOf(c) ? c : null;
  if (c?.type !== T.Identifier) return null;
  const v = file.variableOf(c);
  return v && v.defs.length === 1 && isModuleImport(file, v) && !file.pathOf(c) ? c : null;
}

/**
 * A value that is provably a tensor holding memory: a tensor whose every origin is made by a tfjs call other
 * than a layer's `apply()` of something not so proven (a chain of layers applied to an untyped parameter is
 * the functional API's graph of symbolic tensors).
 */
function concreteTensor(file: FileIndex, expr: Node | undefined, depth = 0): boolean {
  const info = file.kindOf(expr);
  if (info?.kind !== 'tensor' || info.promise) return false;
  return originsOf(info).every((o) => {
    const m = o.origin?.type === T.CallExpression ? calledMember(o.origin) : null;
    if (m?.name !== 'apply' || file.kindOf(m.member.object)?.kind !== 'layer') return true;
    return depth < 8 && concreteTensor(file, (o.origin as TSESTree.CallExpression).arguments[0], depth + 1);
  });
}

/** `minimize(f, true, …)`: asked to return the cost. */
function returnsCost(call: TSESTree.CallExpression): boolean {
  const a = unwrap(call.arguments[1]);
  return a?.type === T.Literal && a.value === true;
}

const freshReturns = new WeakMap<FunctionNode, boolean>();

/** A synchronous same-file function whose every `return` is a call that makes a new tensor. */
function returnsNewTensor(file: FileIndex, fn: FunctionNode): boolean {
  const cached = freshReturns.get(fn);
  if (cached !== undefined) return cached;
  freshReturns.set(fn, false); // recursion guard
  let result = false;
  if (!fn.async && !fn.generator) {
    const returned: Node[] = [];
    let bare = false;
    if (fn.body.type !== T.BlockStatement) returned.push(fn.body);
    else {
      walk(fn.body, file.sourceCode.visitorKeys, (n) => {
        if (n !== fn.body && isFunction(n)) return false;
        if (n.type === T.ReturnStatement) {
          if (n.argument) returned.push(n.argument);
          else bare = true;
        }
        return undefined;
      });
    }
    result = !bare && returned.length > 0 && returned.every((r) => {
      const u = unwrap(r);
      return u?.type === T.CallExpression && isNewTensorCall(file, u);
    });
  }
  freshReturns.set(fn, result);
  return result;
}

const MODEL_TENSOR_METHODS: ReadonlySet<string> = new Set(['predict', 'predictOnBatch', 'apply', 'execute', 'minimize', 'tidy', 'fromPixels']);

/** Syntactic pre-filter before resolving anything: the method name could return a new tensor. */
export function mayBeNewTensorCall(file: FileIndex, call: TSESTree.CallExpression): boolean {
  const m = calledMember(call);
  if (!m) return true; // `tensor1d(...)` from a named import: the callee path decides
  if (unwrap(m.member.object)?.type === T.ThisExpression) return true; // a method of this class may make one
  if (TENSOR_METHODS.has(m.name) || TENSOR_OPS.has(m.name) || MODEL_TENSOR_METHODS.has(m.name)) return true;
  // `features.computeLogMel(x)` of `import * as features from './features.js'`: what that function returns decides
  if (importedCallee(file, call)) return true;
  // tf.losses.*, tf.image.*, tf.metrics.* (also a named `metrics` import): the namespace's API path
  const p = file.pathOf(m.member.object);
  return p?.length === 1 && TENSOR_NAMESPACES.has(p[0]!);
}

/** `tf.dispose(...)` or `tf.keep(...)`: the call that owns `arg` from now on (or null). */
export function ownershipCall(file: FileIndex, call: TSESTree.CallExpression): 'dispose' | 'keep' | null {
  const p = file.calleePath(call);
  if (p?.length === 1 && (p[0] === 'dispose' || p[0] === 'keep')) return p[0];
  return null;
}

/** A call known not to dispose or keep its tensor arguments: a tfjs function, or a method of a tfjs value. */
export function isTfjsConsumer(file: FileIndex, call: TSESTree.CallExpression): boolean {
  if (file.calleePath(call)) return ownershipCall(file, call) === null;
  const m = calledMember(call);
  if (!m) return false;
  const recv = file.kindOf(m.member.object);
  return !!recv && !recv.promise && m.name !== 'dispose';
}

// ------------------------------------------------------------------ scopes

interface MemoryFacts {
  readonly scoped: Map<FunctionNode, boolean>;
  readonly freq: Map<FunctionNode, RepeatFrequency | null | typeof IN_PROGRESS>;
  /** Functions registered by reference (`requestAnimationFrame(loop)`, `tf.tidy(compute)`). */
  readonly byReference: Map<FunctionNode, TSESTree.CallExpression[]>;
  /** The text has `startScope` at all (else no statement can open an engine scope). */
  readonly engineScopes: boolean;
}

const IN_PROGRESS = Symbol('in-progress');
const facts = new WeakMap<FileIndex, MemoryFacts>();

function factsOf(file: FileIndex): MemoryFacts {
  let f = facts.get(file);
  if (f) return f;
  const byReference = new Map<FunctionNode, TSESTree.CallExpression[]>();
  // the file's shared list of calls (one walk for every engine module), in source order
  for (const node of file.calls()) {
    for (const a of node.arguments) {
      const fn = functionReference(file, a);
      if (!fn) continue;
      let list = byReference.get(fn);
      if (!list) byReference.set(fn, (list = []));
      list.push(node);
    }
  }
  const text = file.sourceCode.text;
  f = {
    scoped: new Map(),
    freq: new Map(),
    byReference,
    engineScopes: text.includes('startScope'),
  };
  facts.set(file, f);
  return f;
}

/**
 * The `gradFunc` of the object a `tf.customGrad(f)` function returns (`{ value, gradFunc: (dy, saved) => … }`,
 * also a `const gradFunc` named in it): tfjs runs it only while computing gradients, inside their scope
 * (test/semantics/memory.test.ts: its intermediates leave nothing behind).
 */
function isCustomGradFunc(file: FileIndex, fn: FunctionNode): boolean {
  let ref: Node = fn;
  const decl = fn.parent;
  if (decl?.type === T.VariableDeclarator && decl.init === fn && decl.id.type === T.Identifier) {
    const uses = file.variableOf(decl.id)?.references.filter((r) => !r.init) ?? [];
    if (uses.length !== 1) return false;
    ref = uses[0]!.identifier as Node;
  }
  const prop = ref.parent;
  if (prop?.type !== T.Property || prop.value !== ref || propertyKeyName(prop) !== 'gradFunc' || prop.parent?.type !== T.ObjectExpression) return false;
  let o: Node = prop.parent;
  while (o.parent && (o.parent.type === T.TSAsExpression || o.parent.type === T.TSSatisfiesExpression)) o = o.parent;
  const returned = o.parent?.type === T.ReturnStatement ? o.parent : o;
  let g: Node | undefined = returned.parent;
  if (returned !== o) while (g && !isFunction(g)) g = g.parent;
  if (!g || !isFunction(g) || (returned === o && g.body !== o)) return false;
  const call = g.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== g) return false;
  const p = file.calleePath(call);
  return p?.length === 1 && p[0] === 'customGrad';
}

/** A same-file function passed by name: `loop`, `this.loop`, `this.loop.bind(this)`. */
function functionReference(file: FileIndex, arg: Node): FunctionNode | null {
  let a = unwrap(arg);
  if (a?.type === T.CallExpression) {
    const m = calledMember(a);
    if (!m || m.name !== 'bind') return null;
    a = unwrap(m.member.object);
  }
  if (a?.type === T.Identifier) return file.functionOfIdentifier(a);
  if (a?.type === T.MemberExpression && unwrap(a.object)?.type === T.ThisExpression) {
    const name = memberName(a);
    return name === null ? null : file.methodOfThis(unwrap(a.object) as TSESTree.ThisExpression, name);
  }
  return null;
}

/** Does `call` run function `fn` (passed at `index`) inside a tfjs scope? */
function isScopeCall(file: FileIndex, call: TSESTree.CallExpression, index: number): boolean {
  const p = file.calleePath(call);
  const where = p?.length === 1 ? SCOPE_FUNCTIONS.get(p[0]!) : undefined;
  if (!where) {
    // `ds.map(f)` / `ds.filter(f)` of a tf.data Dataset: tfjs runs f inside tf.tidy for each element
    const m = calledMember(call);
    return index === 0 && !!m && DATASET_TIDY_METHODS.has(m.name) && isTfDataset(file, m.member.object, 0);
  }
  return where === 'first' ? index === 0 : index === call.arguments.length - 1;
}

/**
 * Is the expression a tf.data Dataset: `tf.data.csv(…)` and the other factories, a Dataset method's result
 * (`ds.filter(f).shuffle(n)`), or a binding whose writes are all datasets (`let ds = tf.data.csv(…)`,
 * then `ds = ds.map(f)`)?
 */
function isTfDataset(file: FileIndex, expr: Node | null | undefined, depth: number): boolean {
  const e = unwrap(expr);
  if (!e || depth > 8) return false;
  if (e.type === T.ConditionalExpression) return isTfDataset(file, e.consequent, depth + 1) && isTfDataset(file, e.alternate, depth + 1);
  if (e.type === T.CallExpression) {
    const p = file.calleePath(e);
    if (p) return p.length === 2 && p[0] === 'data' && DATASET_FACTORIES.has(p[1]!);
    const m = calledMember(e);
    return !!m && DATASET_METHODS.has(m.name) && isTfDataset(file, m.member.object, depth + 1);
  }
  if (e.type !== T.Identifier) return false;
  const v = file.variableOf(e);
  const sources = v ? file.sourcesOfVariable(v) : null;
  if (!sources || sources.length === 0) return false;
  // a write derived from the binding itself (`ds = ds.map(f)`) is a dataset when the others are
  const own = (s: Node): boolean => {
    const c = unwrap(s);
    const m = c?.type === T.CallExpression ? calledMember(c) : null;
    return !!m && DATASET_METHODS.has(m.name) && unwrap(m.member.object)?.type === T.Identifier && file.variableOf(unwrap(m.member.object) as TSESTree.Identifier) === v;
  };
  const derivedFromSelf = (s: Node): boolean => {
    const c = unwrap(s);
    if (c?.type === T.ConditionalExpression) return derivedFromSelf(c.consequent) && derivedFromSelf(c.alternate);
    return own(s);
  };
  const rest = sources.filter((s) => !derivedFromSelf(s));
  return rest.length > 0 && rest.every((s) => isTfDataset(file, s, depth + 1));
}

/** Is `node` inside `tf.engine().startScope()` … `tf.engine().endScope()` statements of an enclosing block? */
function inEngineScope(file: FileIndex, node: Node, stop: Node | null): boolean {
  if (!factsOf(file).engineScopes) return false;
  let child: Node = node;
  for (let n = node.parent; n && n !== stop; child = n, n = n.parent) {
    if (n.type !== T.BlockStatement && n.type !== T.Program) continue;
    const body = n.body as Node[];
    const i = body.indexOf(child);
    if (i < 0) continue;
    const before = body.slice(0, i).some((s) => engineScopeStatement(file, s) === 'startScope');
    const after = body.slice(i + 1).some((s) => engineScopeStatement(file, s) === 'endScope');
    if (before && after) return true;
    // `startScope(); try { … } finally { endScope(); }`: the finally block ends the scope on every way out
    const t = n.parent;
    if (t?.type === T.TryStatement && t.block === n && t.finalizer?.body.some((s) => engineScopeStatement(file, s) === 'endScope')) {
      const outer = t.parent;
      const outerBody = outer?.type === T.BlockStatement || outer?.type === T.Program ? (outer.body as Node[]) : [];
      const opened = before || outerBody.slice(0, outerBody.indexOf(t)).some((s) => engineScopeStatement(file, s) === 'startScope');
      if (opened) return true;
    }
  }
  return false;
}

function engineScopeStatement(file: FileIndex, s: Node): string | null {
  if (s.type !== T.ExpressionStatement) return null;
  const call = unwrap(s.expression);
  if (call?.type !== T.CallExpression) return null;
  const m = calledMember(call);
  if (!m || (m.name !== 'startScope' && m.name !== 'endScope')) return null;
  const recv = unwrap(m.member.object);
  return recv?.type === T.CallExpression && file.calleePath(recv)?.join('.') === 'engine' ? m.name : null;
}

/** Does `node` run inside a scope that disposes the tensors it makes? */
export function inDisposingScope(file: FileIndex, node: Node, depth = 0): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (!isFunction(n)) continue;
    // statements between `startScope()` and `endScope()` inside this function (from `node` up to it)
    if (inEngineScope(file, node, n)) return true;
    if (functionScoped(file, n, depth)) return true;
    // a callback an array method runs before returning (or an IIFE) is covered by a scope around its call
    const call = n.parent;
    if (call?.type === T.CallExpression && (call.callee === n || (call.arguments.includes(n as never) && SYNC_CALLBACK_METHODS.has(calledMember(call)?.name ?? '')))) {
      continue;
    }
    return false;
  }
  return inEngineScope(file, node, null);
}

/**
 * The `call()` method of a tfjs Layer subclass. tfjs runs it inside its model's scope: with the layer in a
 * model, `model.apply(x)` (with or without `{training: true}`) and `model.predict(x)` leave none of the
 * tensors it makes behind (test/semantics/memory.test.ts). Applied alone outside a model, the layer does
 * leak them; that is the caller's code, outside this method.
 */
function isLayerCall(file: FileIndex, fn: FunctionNode): boolean {
  const m = fn.parent;
  if (m?.type !== T.MethodDefinition || m.value !== fn || m.static || propertyKeyName(m) !== 'call') return false;
  const cls = m.parent?.parent;
  return (cls?.type === T.ClassDeclaration || cls?.type === T.ClassExpression) && file.classKind(cls)?.kind === 'layer';
}

function functionScoped(file: FileIndex, fn: FunctionNode, depth: number): boolean {
  const f = factsOf(file);
  const cached = f.scoped.get(fn);
  if (cached !== undefined) return cached;
  f.scoped.set(fn, false); // cycle guard
  let result = false;
  const parent = fn.parent;
  if (parent?.type === T.CallExpression && parent.arguments.includes(fn as never) && isScopeCall(file, parent, parent.arguments.indexOf(fn as never))) {
    result = true;
  } else if (gradientContexts(file).has(fn) || isLayerCall(file, fn) || isCustomGradFunc(file, fn)) {
    result = true;
  } else if (placedFrequency(file, fn) || decoratorFrequency(file, fn)) {
    // a JSX event handler or a Redux reducer: the framework also calls it, outside any scope
    result = false;
  } else {
    const refs = f.byReference.get(fn) ?? [];
    const sites = callSitesOf(file, fn);
    const viaScope = refs.filter((c) => isScopeCall(file, c, c.arguments.findIndex((a) => functionReference(file, a) === fn)));
    if (viaScope.length > 0 && viaScope.length === refs.length && sites.length === 0) result = true;
    else if (refs.length === 0 && sites.length > 0 && depth < MAX_DEPTH) {
      result = sites.every((c) => inDisposingScope(file, c, depth + 1));
    } else if (refs.length === 0 && sites.length === 0 && depth < MAX_DEPTH) {
      // an override its base class runs only inside a scope (`tf.tidy(() => this.lossOn(xs, ys))` in the base)
      const baseCalls = baseClassCallsOf(file, fn);
      if (baseCalls) result = baseCalls.every(({ index, call }) => inDisposingScope(index, call, depth + 1));
      else {
        // an exported helper every importer calls inside a scope (`opt.minimize(() => distillationLoss(…))`)
        const calls = importerCallsOf(file, fn);
        result = !!calls && calls.every(({ index, call }) => inDisposingScope(index, call, depth + 1));
      }
    }
  }
  f.scoped.set(fn, result);
  return result;
}

// ------------------------------------------------------------------ how often code runs

const PRIORITY: readonly RepeatFrequency[] = ['frame', 'batch', 'epoch', 'interval', 'event', 'iteration'];

function most(a: RepeatFrequency | null, b: RepeatFrequency | null): RepeatFrequency | null {
  if (!a) return b;
  if (!b) return a;
  return PRIORITY.indexOf(a) <= PRIORITY.indexOf(b) ? a : b;
}

/** How often `node` runs, or null when it runs once (or we cannot tell). */
export function repeatFrequency(file: FileIndex, node: Node, depth = 0): RepeatFrequency | null {
  let child: Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (isLoopBody(n, child)) return 'iteration';
    if (isFunction(n)) return functionFrequency(file, n, depth);
  }
  return null;
}

function isLoopBody(loop: Node, child: Node): boolean {
  switch (loop.type) {
    case T.ForStatement:
      return child !== loop.init;
    case T.ForInStatement:
    case T.ForOfStatement:
      return child === loop.body;
    case T.WhileStatement:
    case T.DoWhileStatement:
      return true;
    default:
      return false;
  }
}

function functionFrequency(file: FileIndex, fn: FunctionNode, depth: number): RepeatFrequency | null {
  const f = factsOf(file);
  const cached = f.freq.get(fn);
  if (cached === IN_PROGRESS) return null;
  if (cached !== undefined) return cached;
  f.freq.set(fn, IN_PROGRESS);
  let result = hookFrequency(fn) ?? entryPointFrequency(file, fn) ?? placedFrequency(file, fn) ?? decoratorFrequency(file, fn);
  const parent = fn.parent;
  if (!result && parent?.type === T.CallExpression) {
    result = parent.callee === fn ? repeatFrequency(file, parent, depth + 1) : registrationFrequency(file, fn, parent, depth);
  }
  // `new MutationObserver((mutations) => …)`: per observed change
  if (!result && parent?.type === T.NewExpression && parent.arguments[0] === fn && isObserverClass(parent)) result = 'event';
  if (!result && parent?.type === T.AssignmentExpression && parent.right === fn && parent.left.type === T.MemberExpression) {
    // video.onloadeddata = () => …, worker.onmessage = (e) => …
    if (/^on[a-z]+$/.test(memberName(parent.left) ?? '')) result = 'event';
  }
  result ??= p5Frequency(file, fn) ?? jobFrequency(file, fn) ?? phaserFrequency(file, fn) ?? resolverFrequency(fn);
  if (!result && depth < MAX_DEPTH) {
    const refs = f.byReference.get(fn) ?? [];
    const sites = callSitesOf(file, fn);
    for (const c of refs) result = most(result, registrationFrequency(file, fn, c, depth));
    for (const c of sites) result = most(result, repeatFrequency(file, c, depth + 1));
    // an exported helper that another module calls again and again (a worker's per-message handler calling
    // `frameEnergy(pcm)`): the calls of the importers this process can read show it (never that none does)
    if (!result && refs.length === 0 && sites.length === 0 && file.filename) {
      for (const { index, call } of readableImporterCallsOf(file, fn)) result = most(result, repeatFrequency(index, call, depth + 1));
      // a method of an exported class, called on its instances there (`this.metrics.confidence(…)` per tick)
      if (!result) for (const { index, call } of readableImporterMethodCallsOf(file, fn)) result = most(result, repeatFrequency(index, call, depth + 1));
    }
  }
  f.freq.set(fn, result);
  return result;
}

/** How often `fn` runs when `call` receives it as a callback. */
function registrationFrequency(file: FileIndex, fn: FunctionNode, call: TSESTree.CallExpression, depth: number): RepeatFrequency | null {
  const name = calleeName(call);
  const member = calledMember(call) !== null;
  if (member && name !== null && PER_ELEMENT_METHODS.has(name) && call.arguments[0] && (unwrap(call.arguments[0]) === fn || functionReference(file, call.arguments[0]) === fn)) {
    return 'iteration';
  }
  if (member && name !== null && LISTENER_METHODS.has(name)) return 'event';
  const repeating = name === null ? undefined : REPEATING_SCHEDULERS.get(name);
  if (repeating) return repeating;
  // Svelte 5's `$effect(() => …)`: again on every change of the state it reads
  const rune = runeName(call.callee);
  if (rune !== null && EFFECT_RUNES.has(rune) && unwrap(call.arguments[0]) === fn && file.isUndeclared(call.callee)) return 'event';
  // `useFrame((state, delta) => …)` of react-three-fiber: per rendered frame
  if (!member && name !== null && FRAME_HOOKS.has(name) && call.arguments[0] && (unwrap(call.arguments[0]) === fn || functionReference(file, call.arguments[0]) === fn) && moduleExportName(file, call.callee, FRAME_HOOK_MODULES) === name) return 'frame';
  // `Deno.serve({ port }, handler)`, `Deno.cron('nightly', '30 2 * * *', handler)`: the global Deno only
  const deno = member && name !== null ? DENO_REGISTRATIONS.get(name) : undefined;
  const handler = call.arguments[call.arguments.length - 1];
  if (deno && handler && isGlobalNamed(file, calledMember(call)!.member.object, 'Deno') && (unwrap(handler) === fn || functionReference(file, handler) === fn)) return deno;
  // `app.post('/predict', async (c) => …)`: a route of an HTTP framework, per request
  if (member && name !== null && ROUTE_METHODS.has(name) && isPathLiteral(call.arguments[0]) && call.arguments.slice(1).some((a) => unwrap(a) === fn || functionReference(file, a) === fn)) return 'event';
  // `http.createServer((req, res) => …)` / `createServer(options, handler)` of Node's server modules
  if (name === 'createServer' && call.arguments.some((a) => unwrap(a) === fn || functionReference(file, a) === fn) && moduleExportName(file, call.callee, NODE_SERVER_MODULES) === 'createServer') return 'event';
  // `createAsyncThunk('pose/train', async (batch) => …)` of Redux Toolkit: the payload creator, per dispatch
  const thunk = usesRedux(file) ? dispatchCallbackIndex(file, call) : -1;
  if (thunk >= 0 && call.arguments[thunk] && (unwrap(call.arguments[thunk]) === fn || functionReference(file, call.arguments[thunk]!) === fn)) return 'event';
  // a loop that schedules itself again: `function tick() { …; setTimeout(tick, 16); }`
  const oneShot = name === null ? undefined : ONE_SHOT_SCHEDULERS.get(name);
  if (oneShot && fn.range[0] <= call.range[0] && call.range[1] <= fn.range[1]) return oneShot;
  // any other callee: the callback runs (about) as often as the call that receives it
  return depth < MAX_DEPTH ? repeatFrequency(file, call, depth + 1) : null;
}

/**
 * Whether an importer of `fn`'s module may call `fn` inside a scope: its text mentions `tidy` or
 * `startScope` and the function's name, and (parsed) one of its calls by that name runs inside a scope
 * there, or the name is used otherwise than in calls. A `tf.tidy` elsewhere in the importer does not count.
 */
/**
 * Can a direct importer run `fn` inside a scope opened further up, by the importer's own callers? Not when its
 * text never names the function (nor passes every name on), and not when each of its calls runs where no
 * caller's scope reaches: a timer, a listener, an async function (`this.metrics.confidence(…)` in an
 * `interval(…).subscribe(…)` callback). Null when importers may call it under any name.
 */
function importerPassesOn(file: FileIndex, fn: FunctionNode, depth: number): ((path: string, text: string) => boolean) | null {
  const fnName = importedNameOf(file, fn);
  const method = fnName === null ? exportedMethodName(file, fn) : null;
  const name = fnName ?? method?.name ?? null;
  if (name === null) return null;
  return (path, text) => {
    // an importer that never calls it may still hand it on: every name (`export *`), or the class whose method it is
    if (!text.includes(name)) return PASSES_ALL_TEXT.test(text) || (method?.classNames.some((c) => text.includes(c)) ?? false);
    if (depth >= MAX_DEPTH) return true;
    const importer = indexForPath(file, path, true);
    if (!importer) return true;
    const calls = importer.callsNamed(name);
    return calls.length === 0 || calls.some((c) => inDisposingScope(importer, c) || callerMayScope(importer, c, depth + 1));
  };
}

function importerOpensScope(file: FileIndex, fn: FunctionNode): (path: string, text: string) => boolean {
  const name = functionName(fn);
  return (path, text) => {
    if (!SCOPE_TEXT.test(text)) return false;
    if (name === null) return true;
    if (!text.includes(name)) return false;
    const importer = indexForPath(file, path, true);
    if (!importer) return true;
    const calls = importer.callsNamed(name);
    return calls.length === 0 || calls.some((c) => inDisposingScope(importer, c));
  };
}

/**
 * Is the function used as a value somewhere in its file (`{ fn: styleLoss }`, `handlers.push(f)`,
 * `this.update` without a call), so that it may have callers the file does not show? Calls, exports and
 * call arguments (counted elsewhere) do not count.
 */
function escapesAsValue(file: FileIndex, fn: FunctionNode): boolean {
  const parent = fn.parent;
  let id: TSESTree.Identifier | null = null;
  if (fn.type === T.FunctionDeclaration && fn.id) id = fn.id;
  else if (parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier) id = parent.id;
  if (id) {
    const v = file.variableOf(id);
    if (!v) return true;
    return v.references.some((r) => {
      if (r.init) return false;
      const p = r.identifier.parent;
      if (p?.type === T.CallExpression && (p.callee === r.identifier || p.arguments.includes(r.identifier as never))) return false;
      if (p?.type === T.ExportSpecifier) return false;
      // `module.exports = { f }`, `exports.f = f`
      return !isCommonJsExport(r.identifier);
    });
  }
  // a method: a use of `this.<name>` in its class that is not a call (`setInterval(this.tick)`, `{ fn: this.step }`)
  if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.value === fn && parent.parent.type === T.ClassBody) {
    const name = propertyKeyName(parent);
    if (name === null) return true;
    const uses = file.fieldOf(parent.parent.parent as never, name)?.uses ?? [];
    return uses.some((u) => !(u.parent?.type === T.CallExpression && u.parent.callee === u));
  }
  return true;
}

/** Typed arrays and other plain-data types a declared return type may name. */
const PLAIN_DATA_TYPES: ReadonlySet<string> = new Set([
  'Float32Array', 'Float64Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Array', 'ReadonlyArray', 'Date', 'String', 'Number', 'Boolean',
]);

/** A TS type of plain data only: `number`, `string[]`, `Float32Array[]`, `[number, number]`, unions of them. */
function isPlainDataType(t: TSESTree.TypeNode, depth = 0): boolean {
  if (depth > 4) return false;
  switch (t.type) {
    case T.TSNumberKeyword:
    case T.TSStringKeyword:
    case T.TSBooleanKeyword:
    case T.TSVoidKeyword:
    case T.TSUndefinedKeyword:
    case T.TSNullKeyword:
    case T.TSLiteralType:
      return true;
    case T.TSArrayType:
      return isPlainDataType(t.elementType, depth + 1);
    case T.TSTupleType:
      return t.elementTypes.every((e) => isPlainDataType(e.type === T.TSNamedTupleMember ? e.elementType : e, depth + 1));
    case T.TSUnionType:
      return t.types.every((m) => isPlainDataType(m, depth + 1));
    case T.TSTypeReference:
      return t.typeName.type === T.Identifier && PLAIN_DATA_TYPES.has(t.typeName.name) && (t.typeArguments?.params ?? []).every((a) => isPlainDataType(a, depth + 1));
    default:
      return false;
  }
}

/** Is the function declared (TS return type) to give its callers plain data, never a tensor? */
function returnsPlainData(fn: FunctionNode): boolean {
  const t = fn.returnType?.typeAnnotation;
  return !!t && isPlainDataType(t);
}

/**
 * Could a caller the rule cannot see run `node` inside a scope? True when `node` sits (through
 * loops and synchronous array callbacks) in a synchronous function with no caller or registration in
 * this file: a method or exported function that another module may call inside `tf.tidy` (libraries
 * do: hidden-markov-model-tf's `gaussian.pdf()` runs only inside its `hmm.js` tidy). An async
 * function, a scheduled or event callback, and module top level run on their own: false.
 */
export function callerMayScope(file: FileIndex, node: Node, depth = 0): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (!isFunction(n)) continue;
    if (n.async || n.generator) return false;
    // a serverless or edge entry point, a JSX event handler, a Redux reducer: called by the runtime or the
    // framework, never inside a scope
    if (entryPointFrequency(file, n) || placedFrequency(file, n) || decoratorFrequency(file, n) || p5Frequency(file, n) || jobFrequency(file, n) || phaserFrequency(file, n) || resolverFrequency(n)) return false;
    const parent = n.parent;
    if (parent?.type === T.CallExpression && parent.arguments.includes(n as never)) {
      if (SYNC_CALLBACK_METHODS.has(calledMember(parent)?.name ?? '')) continue;
      return false;
    }
    if (parent?.type === T.CallExpression && parent.callee === n) continue;
    // a constructor's callback: `new Promise(executor)` runs it right there (like a call); an observer's
    // (`new MutationObserver(cb)`) runs later, on its own, outside any scope of the code that created it
    if (parent?.type === T.NewExpression && parent.arguments.includes(n as never)) {
      if (isPromiseExecutor(n)) continue;
      if (isObserverClass(parent)) return false;
    }
    if (hookFrequency(n)) return false;
    if (parent?.type === T.AssignmentExpression && parent.right === n) return false;
    const f = factsOf(file);
    const refs = f.byReference.get(n) ?? [];
    const sites: TSESTree.CallExpression[] = [...callSitesOf(file, n)];
    for (const r of refs) {
      // `xs.map(gram)` runs it right there, like a call; `tf.tidy(gram)` runs it in a scope
      if (SYNC_CALLBACK_METHODS.has(calledMember(r)?.name ?? '')) sites.push(r);
      else return isScopeCall(file, r, r.arguments.findIndex((a) => functionReference(file, a) === n));
    }
    // no caller seen: unknown callers when it escapes as a value; else another module's, unless every
    // importer is seen and none opens a scope
    // a function declared to give plain data (`sampleGrid(n): Float32Array[]`) is where tensors end: a caller
    // in another package has no tensor to keep, so it is not assumed to call it inside `tf.tidy`
    if (sites.length === 0) {
      return refs.length === 0 && (escapesAsValue(file, n) || !file.filename || importersMayScope(file.filename, importerOpensScope(file, n), !returnsPlainData(n), importerPassesOn(file, n, depth)));
    }
    if (depth >= MAX_DEPTH) return false;
    // a call inside a scope (`tf.variableGrads(() => styleLoss(…))`) is a path where it is disposed
    return sites.some((c) => inDisposingScope(file, c) || callerMayScope(file, c, depth + 1));
  }
  return false;
}

/**
 * The calls `this.<name>(…)` that the base class of a method's class makes (the template method: the base
 * runs the subclass's override), in the same module or the one the base class is imported from; null when
 * the method is no override of an instance method the base class calls on `this`.
 */
function baseClassCallsOf(file: FileIndex, fn: FunctionNode): { index: FileIndex; call: TSESTree.CallExpression }[] | null {
  const m = fn.parent;
  if (m?.type !== T.MethodDefinition || m.value !== fn || m.static || m.kind !== 'method') return null;
  const name = propertyKeyName(m);
  const cls = m.parent?.parent;
  if (name === null || (cls?.type !== T.ClassDeclaration && cls?.type !== T.ClassExpression)) return null;
  const sup = unwrap(cls.superClass);
  if (sup?.type !== T.Identifier) return null;
  const local = file.classOfIdentifier(sup);
  const base = local ? { index: file, cls: local } : importedClass(file, sup);
  if (!base || (base.cls.type !== T.ClassDeclaration && base.cls.type !== T.ClassExpression)) return null;
  const out: { index: FileIndex; call: TSESTree.CallExpression }[] = [];
  walk(base.cls.body, base.index.sourceCode.visitorKeys, (n) => {
    const callee = n.type === T.CallExpression ? unwrap(n.callee) : null;
    if (callee?.type === T.MemberExpression && unwrap(callee.object)?.type === T.ThisExpression && memberName(callee) === name) out.push({ index: base.index, call: n as TSESTree.CallExpression });
    return undefined;
  });
  return out.length > 0 ? out : null;
}
