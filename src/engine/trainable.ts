/**
 * Facts about `trainable`, `compile()` and training calls (test/semantics/trainable-after-compile.test.ts), shared by the rules about
 * freezing layers (no-trainable-after-compile, require-var-list-when-frozen, and any rule that needs
 * to know whether a layer is frozen and how).
 *
 * - Value identity (`resolveValue`, `sameValue`): which binding(s) a tfjs model or layer expression
 *   denotes: a variable, a `this.<field>` (and what was written to it), what a same-file builder
 *   returns, or a parameter followed to the arguments of its same-file call sites. Two expressions
 *   with a common key may hold the same model.
 * - Layer ownership (`layerOwner`, `modelHasLayer`, `structureExprs`): `model.layers[i]`,
 *   `model.getLayer(...)`, `for (const l of model.layers)`, `model.layers.forEach((l) => ...)`, and
 *   layer bindings used to build a visible model.
 * - The calls and writes that matter: `trainableWrite`, `compileReceiver`, `trainingCall`,
 *   `appliedValues` (what a loss function runs; the loss functions come from `gradientSteps` in
 *   gradient-context.ts), `isSequential`.
 * - Freezing facts: `frozenAtConstruction` (a literal `{trainable: false}`, which leaves the
 *   tf.Variables trainable, test/semantics/var-list-when-frozen.test.ts), `constructorFrozenLayers` of a visible model,
 *   `initialTrainable` (a layer's state before any write, or null when unknown), `isWeightless`.
 * - Fix helpers: `recompileArgsText` (a `compile()` call that is safe to repeat), `textMeansSameAt`,
 *   `statementAfter`, `listStatementOf`, `inLayerLoop`.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMember, enclosingFunction, findProperty, isFunction, literalValue, memberName, objectArg, propertyKeyName, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { callTarget } from './gradient-context.js';
import { modelStructure, provenanceOf, type LayerRef } from './model-structure.js';
import { importedCallReturns } from './modules.js';
import { originsOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import { TRAINING_METHODS, WEIGHTLESS_LAYERS } from '../facts/tfjs-api.js';

/** A `this.<name>` field of one class, interned so that it can be compared by identity. */
export interface FieldKey {
  readonly cls: ClassNode;
  readonly name: string;
}

/** A property of one object literal (`const state = {}` … `state.model = build()`), interned like a field. */
export interface PropertyKey {
  readonly object: TSESTree.ObjectExpression;
  readonly name: string;
}

/** The `.value` slot of one Vue ref (`const classifier = shallowRef(null)` … `classifier.value = build()`). */
export interface RefKey {
  readonly ref: Scope.Variable;
}

export type ValueKey = Scope.Variable | FieldKey | PropertyKey | RefKey;

export interface ResolvedValue {
  /** Every binding the value may flow from (a variable, a field, the arguments of a parameter). */
  readonly keys: ReadonlySet<ValueKey>;
  readonly kind: 'model' | 'layer';
  /** The tfjs provenance, when visible (the factory call and its config). */
  readonly info: ValueInfo | null;
}

const fieldKeys = new WeakMap<ClassNode, Map<string, FieldKey>>();

function fieldKey(cls: ClassNode, name: string): FieldKey {
  let m = fieldKeys.get(cls);
  if (!m) fieldKeys.set(cls, (m = new Map()));
  let k = m.get(name);
  if (!k) m.set(name, (k = { cls, name }));
  return k;
}

const propertyKeys = new WeakMap<TSESTree.ObjectExpression, Map<string, PropertyKey>>();

function propertyKey(object: TSESTree.ObjectExpression, name: string): PropertyKey {
  let m = propertyKeys.get(object);
  if (!m) propertyKeys.set(object, (m = new Map()));
  let k = m.get(name);
  if (!k) m.set(name, (k = { object, name }));
  return k;
}

const refKeys = new WeakMap<Scope.Variable, RefKey>();

function refKey(ref: Scope.Variable): RefKey {
  let k = refKeys.get(ref);
  if (!k) refKeys.set(ref, (k = { ref }));
  return k;
}

const callSiteCache = new WeakMap<FileIndex, Map<FunctionNode, readonly TSESTree.CallExpression[]>>();

/**
 * The names a call of `fn` can use: `callTarget` resolves `f()` through the variable `f` (a declaration
 * or a `const f = …`), `this.m()` and `obj.m()` through a class member or an object property named `m`.
 */
function callableNames(fn: FunctionNode): string[] {
  const names: string[] = [];
  if (fn.id) names.push(fn.id.name);
  let n: Node = fn;
  while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSSatisfiesExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.TSTypeAssertion)) n = n.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator && p.init === n && p.id.type === T.Identifier) names.push(p.id.name);
  else if ((p?.type === T.Property || p?.type === T.MethodDefinition || p?.type === T.PropertyDefinition) && p.value === n) {
    const key = propertyKeyName(p);
    if (key !== null) names.push(key);
  }
  return names;
}

/**
 * Same-file call sites of a function or method (`f(...)`, `this.m(...)`, `obj.m(...)`): the calls whose
 * `callTarget` is `fn`, found among the calls that use one of its names (the file's calls indexed by
 * callee name), instead of resolving the target of every call of the file.
 */
export function callSitesOf(file: FileIndex, fn: FunctionNode): readonly TSESTree.CallExpression[] {
  let cache = callSiteCache.get(file);
  if (!cache) callSiteCache.set(file, (cache = new Map()));
  const cached = cache.get(fn);
  if (cached) return cached;
  const names = callableNames(fn);
  const found: TSESTree.CallExpression[] = [];
  for (const name of names) {
    for (const c of file.callsNamed(name)) if (!found.includes(c) && callTarget(file, c) === fn) found.push(c);
  }
  if (names.length > 1) found.sort((a, b) => a.range[0] - b.range[0]);
  // a nameless function: the step of a curried one, `attachHead(cfg)(encoder)` (see FileIndex#callSitesOf)
  if (names.length === 0) for (const c of file.callSitesOf(fn) ?? []) if (c.call.type === T.CallExpression && c.shift === 0 && !c.elementsOf) found.push(c.call);
  cache.set(fn, found);
  return found;
}

const LAYER_LIST_METHODS: ReadonlySet<string> = new Set(['slice', 'filter', 'concat', 'reverse', 'toReversed']);

/** `model.layers`, `model.layers.slice(…)`: the model whose layer list an expression is. */
function layerListOwner(expr: Node | null | undefined): Node | null {
  let n = unwrap(expr);
  while (n?.type === T.CallExpression) {
    const m = calledMember(n);
    if (!m || !LAYER_LIST_METHODS.has(m.name)) return null;
    n = unwrap(m.member.object);
  }
  if (n?.type === T.MemberExpression && memberName(n) === 'layers') return n.object;
  return null;
}

/**
 * The model expression a layer expression is taken from: `m.layers[i]`, `m.getLayer(…)`, a
 * `for…of` variable over `m.layers`, the parameter of `m.layers.forEach((l) => …)`, or a const
 * bound to one of these. Null when the layer does not come from a model's list.
 */
export function layerOwner(file: FileIndex, expr: Node | null | undefined, depth = 0): Node | null {
  const n = unwrap(expr);
  if (!n || depth > 4) return null;
  if (n.type === T.MemberExpression && n.computed) return layerListOwner(n.object);
  if (n.type === T.CallExpression) {
    const m = calledMember(n);
    return m?.name === 'getLayer' ? m.member.object : null;
  }
  if (n.type !== T.Identifier) return null;
  const v = file.variableOf(n);
  if (!v || v.defs.length !== 1) return null;
  const def = v.defs[0]!;
  if (def.type === 'Variable' && def.node.id === def.name) {
    const decl = def.node.parent;
    if (decl?.type === T.VariableDeclaration && decl.parent?.type === T.ForOfStatement && decl.parent.left === decl) {
      return layerListOwner(decl.parent.right);
    }
    if (decl?.type === T.VariableDeclaration && decl.kind === 'const') return layerOwner(file, def.node.init, depth + 1);
    return null;
  }
  if (def.type === 'Parameter' && isFunction(def.node) && def.node.params[0] === def.name) {
    const call = def.node.parent;
    if (call?.type !== T.CallExpression || unwrap(call.arguments[0]) !== def.node) return null;
    const m = calledMember(call);
    return m?.name === 'forEach' || m?.name === 'map' ? layerListOwner(m.member.object) : null;
  }
  return null;
}

const resolving = new WeakMap<Node, ResolvedValue | null | 'busy'>();
/** Set when a walk was cut short by the depth limit: its result depends on where the query started. */
let truncated = false;

/**
 * What tfjs model or layer an expression holds, and every binding it may flow from. Results cut short
 * by the depth limit are not memoised (they would make answers depend on query order).
 */
export function resolveValue(file: FileIndex, expr: Node | null | undefined, depth = 0): ResolvedValue | null {
  const n = unwrap(expr);
  if (!n) return null;
  if (depth > 6) {
    truncated = true;
    return null;
  }
  const cached = resolving.get(n);
  if (cached === 'busy') return null;
  if (cached !== undefined) return cached;
  resolving.set(n, 'busy');
  const outer = truncated;
  truncated = false;
  const result = computeValue(file, n, depth);
  if (truncated) resolving.delete(n);
  else resolving.set(n, result);
  truncated = truncated || outer;
  return result;
}

function kindFrom(info: ValueInfo | null): 'model' | 'layer' | null {
  return info && !info.promise && (info.kind === 'model' || info.kind === 'layer') ? info.kind : null;
}

function merge(parts: readonly (ResolvedValue | null)[], own: ValueKey | null, info: ValueInfo | null): ResolvedValue | null {
  let kind: 'model' | 'layer' | null = kindFrom(info);
  const keys = new Set<ValueKey>(own ? [own] : []);
  let firstInfo = info;
  for (const p of parts) {
    if (!p) return null;
    if (kind && p.kind !== kind) return null;
    kind = p.kind;
    firstInfo = firstInfo ?? p.info;
    for (const k of p.keys) keys.add(k);
  }
  return kind ? { keys, kind, info: firstInfo } : null;
}

function computeValue(file: FileIndex, n: Node, depth: number): ResolvedValue | null {
  if (n.type === T.MemberExpression) {
    // `self.model` with `var self = this` is `this.model`
    const obj = file.thisOf(n.object) ?? unwrap(n.object);
    const name = memberName(n);
    // `this.model`, and `agent.critic.model` on an instance of a same-file class: the class's field
    const holder = obj?.type === T.ThisExpression ? null : file.containerOf(obj);
    if ((obj?.type === T.ThisExpression || holder?.type === 'class') && name !== null) {
      const cls = holder?.type === 'class' ? holder.node : thisClass(obj as TSESTree.ThisExpression);
      if (!cls) return null;
      const info = file.kindOf(n);
      // in-class writes and writes from outside (`agent.model = build()`)
      const writes = file.fieldWrites(cls, name);
      if (info) {
        const kind = kindFrom(info);
        if (!kind) return null;
        // `this.net = build()`: the field also holds what the builder's binding holds
        const keys = new Set<ValueKey>([fieldKey(cls, name)]);
        for (const w of writes) for (const k of resolveValue(file, w, depth + 1)?.keys ?? []) keys.add(k);
        return { keys, kind, info };
      }
      // `this.d = d` from a parameter: follow the writes
      if (writes.length === 0) return null;
      return merge(
        writes.map((w) => resolveValue(file, w, depth + 1)),
        fieldKey(cls, name),
        null,
      );
    }
    const owner = layerOwner(file, n);
    const ownerValue = owner ? resolveValue(file, owner, depth + 1) : null;
    if (owner && ownerValue?.kind === 'model') {
      // `model.layers[1]` of a Sequential whose layers are known in order: that very layer
      const at = layerAtIndex(file, ownerValue, owner, n);
      if (!at) return { keys: new Set(), kind: 'layer', info: null };
      const own = at.home === file ? resolveValue(file, at.ref.node, depth + 1) : null;
      return own ?? { keys: new Set(), kind: 'layer', info: at.ref.info };
    }
    // `state.model` of `const state = { … }`: the property, and what its writes hold
    if (holder?.type === 'object' && name !== null) {
      const info = file.kindOf(n);
      const kind = kindFrom(info);
      if (!kind) return null;
      const keys = new Set<ValueKey>([propertyKey(holder.node, name)]);
      for (const w of file.memberSources(n) ?? []) for (const k of resolveValue(file, w, depth + 1)?.keys ?? []) keys.add(k);
      return { keys, kind, info };
    }
    // `classifier.value` of a Vue ref: the ref's one slot, whatever writes it (src/facts/vue-refs.ts)
    const ref = obj?.type === T.Identifier && name === 'value' && file.vueRefSources(obj) ? file.variableOf(obj) : null;
    const kind = kindFrom(file.kindOf(n));
    return kind ? { keys: new Set(ref ? [refKey(ref)] : []), kind, info: file.kindOf(n) } : null;
  }
  if (n.type === T.CallExpression) {
    const owner = layerOwner(file, n);
    const ownerValue = owner ? resolveValue(file, owner, depth + 1) : null;
    if (owner && ownerValue?.kind === 'model') {
      // `model.getLayer('features')`: the one layer of the visible model built with that name
      const named = layerNamed(file, n, ownerValue, owner);
      return (named && resolveValue(file, named, depth + 1)) ?? { keys: new Set(), kind: 'layer', info: null };
    }
    const info = file.kindOf(n);
    const kind = kindFrom(info);
    if (!kind) return null;
    // a same-file builder: the value is what its `return` statements hold
    const fn = callTarget(file, n);
    const keys = new Set<ValueKey>();
    if (fn && fn.body.type === T.BlockStatement) {
      walk(fn.body, file.sourceCode.visitorKeys, (r) => {
        if (r !== fn.body && isFunction(r)) return false;
        if (r.type === T.ReturnStatement && r.argument) for (const k of resolveValue(file, r.argument, depth + 1)?.keys ?? []) keys.add(k);
        return undefined;
      });
    }
    return { keys, kind, info };
  }
  if (n.type !== T.Identifier) {
    const info = file.kindOf(n);
    const kind = kindFrom(info);
    return kind ? { keys: new Set(), kind, info } : null;
  }
  const v = file.variableOf(n);
  if (!v || v.defs.length !== 1) return null;
  const def = v.defs[0]!;
  const info = file.kindOf(n);
  if (def.type === 'Variable') {
    const owner = layerOwner(file, n);
    if (owner) return resolveValue(file, owner, depth + 1)?.kind === 'model' ? { keys: new Set([v]), kind: 'layer', info: null } : null;
    if (def.node.id !== def.name) return destructuredFromBuilder(file, v, def.name, def.node, info, depth);
    const init = unwrap(def.node.init);
    const isConst = def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const';
    // aliases: `const d = this.discriminator`, `const m = model`
    if (isConst && (init?.type === T.Identifier || (init?.type === T.MemberExpression && unwrap(init.object)?.type === T.ThisExpression))) {
      return merge([resolveValue(file, init, depth + 1)], v, info);
    }
    const kind = kindFrom(info);
    if (!kind) return null;
    // `const m = build()` / `await build()`: also the binding the builder returns
    const keys = new Set<ValueKey>([v]);
    const built = unwrap(init?.type === T.AwaitExpression ? init.argument : init);
    if (built?.type === T.CallExpression) for (const k of resolveValue(file, built, depth + 1)?.keys ?? []) keys.add(k);
    return { keys, kind, info };
  }
  if (def.type === 'Parameter') {
    const owner = layerOwner(file, n);
    if (owner) return resolveValue(file, owner, depth + 1)?.kind === 'model' ? { keys: new Set([v]), kind: 'layer', info: null } : null;
    const fn = def.node;
    if (!isFunction(fn)) return null;
    const index = fn.params.indexOf(def.name as TSESTree.Parameter);
    const sites = index >= 0 ? callSitesOf(file, fn) : [];
    if (sites.length === 0) {
      const kind = kindFrom(info);
      return kind ? { keys: new Set([v]), kind, info } : null;
    }
    const parts = sites.map((c) => {
      const a = c.arguments[index];
      return a && a.type !== T.SpreadElement ? resolveValue(file, a, depth + 1) : null;
    });
    return merge(parts, v, info);
  }
  return null;
}

/**
 * `const { model, trunk } = build()` / `const [gen, disc] = build()` with a same-file builder returning
 * `{ model, trunk }` / `[gen, disc]`: the name is also every binding the builder puts in that part.
 */
function destructuredFromBuilder(
  file: FileIndex,
  v: Scope.Variable,
  name: Node,
  declarator: TSESTree.VariableDeclarator,
  info: ValueInfo | null,
  depth: number,
): ResolvedValue | null {
  const kind = kindFrom(info);
  if (!kind) return null;
  const p = name.parent;
  const step =
    p?.type === T.Property && p.value === name && p.parent === declarator.id && !p.computed
      ? propertyKeyName(p)
      : p === declarator.id && p.type === T.ArrayPattern
        ? p.elements.indexOf(name as TSESTree.DestructuringPattern)
        : null;
  const init = unwrap(declarator.init);
  const built = unwrap(init?.type === T.AwaitExpression ? init.argument : init);
  const fn = built?.type === T.CallExpression ? callTarget(file, built) : null;
  // the binding is its own value; a same-file builder also gives the bindings it returns there
  const keys = new Set<ValueKey>([v]);
  if (step === null || step === -1 || !fn || fn.body.type !== T.BlockStatement) return { keys, kind, info };
  walk(fn.body, file.sourceCode.visitorKeys, (r) => {
    if (r !== fn.body && isFunction(r)) return false;
    const arg = r.type === T.ReturnStatement ? unwrap(r.argument) : null;
    if (!arg) return undefined;
    let part: Node | null | undefined = null;
    if (typeof step === 'string' && arg.type === T.ObjectExpression) {
      const prop = arg.properties.find((q): q is TSESTree.Property => q.type === T.Property && !q.computed && propertyKeyName(q) === step);
      part = prop?.value;
    } else if (typeof step === 'number' && arg.type === T.ArrayExpression) {
      part = arg.elements[step];
    }
    if (part && part.type !== T.SpreadElement) for (const k of resolveValue(file, part, depth + 1)?.keys ?? []) keys.add(k);
    return undefined;
  });
  return { keys, kind, info };
}

/** The layer expression of `model.getLayer('<name>')` in the model's visible structure, when exactly one layer has that name. */
function layerNamed(file: FileIndex, call: TSESTree.CallExpression, model: ResolvedValue, modelExpr: Node): Node | null {
  const name = literalValue(call.arguments[0]);
  if (typeof name !== 'string' || call.arguments.length !== 1) return null;
  for (const e of structureExprs(file, model, modelExpr)) {
    const layers = modelStructure(file, e)?.layers ?? [];
    const found = layers.filter((l) => {
      const origin = l.info?.origin;
      const cfg = origin?.type === T.CallExpression ? objectArg(origin) : null;
      return literalValue(findProperty(cfg, 'name')?.value) === name;
    });
    if (found.length === 1) return found[0]!.node;
  }
  return null;
}

/**
 * Two layers known to come from different factory calls: writes through a model's list that name different
 * layers (`model.layers[0]` and `model.layers[1]` of a Sequential built in order, `getLayer('adapter')`).
 * `bNode` is the structure's own expression for `b` (an inline factory call is its own origin).
 */
export function differentLayers(a: ResolvedValue | null, b: ResolvedValue | null, bNode?: Node): boolean {
  const oa = a?.info?.origin;
  const n = unwrap(bNode);
  const ob = b?.info?.origin ?? (n?.type === T.CallExpression ? n : null);
  return !!oa && !!ob && oa !== ob;
}

/** Do two resolved values share a binding? */
export function sameValue(a: ResolvedValue | null, b: ResolvedValue | null): boolean {
  if (!a || !b) return false;
  for (const k of a.keys) if (b.keys.has(k)) return true;
  return false;
}

export interface TrainableWrite {
  readonly node: TSESTree.AssignmentExpression;
  /** The model or layer whose `trainable` is written. */
  readonly target: TSESTree.Expression;
  /** The literal value written, or null when it is not a literal boolean. */
  readonly value: boolean | null;
}

/** `x.trainable = <v>` (plain `=`), whatever `x` is. */
/** A literal `x.trainable = <v>` write whose target resolves, with the model that owns the layer (if known). */
export function resolvedTrainableWrite(
  file: FileIndex,
  node: TSESTree.AssignmentExpression,
): { readonly w: TrainableWrite; readonly target: ResolvedValue; readonly owner: ResolvedValue | null } | null {
  const w = trainableWrite(node);
  const target = w ? resolveValue(file, w.target) : null;
  if (!w || !target) return null;
  const ownerExpr = layerOwner(file, w.target);
  return { w, target, owner: ownerExpr ? resolveValue(file, ownerExpr) : null };
}

export function trainableWrite(node: TSESTree.AssignmentExpression): TrainableWrite | null {
  if (node.operator !== '=' || node.left.type !== T.MemberExpression || memberName(node.left) !== 'trainable') return null;
  const v = literalValue(node.right);
  return { node, target: node.left.object, value: typeof v === 'boolean' ? v : null };
}

/** The receiver of `model.compile(...)` when it is a proven tfjs model. */
export function compileReceiver(file: FileIndex, call: TSESTree.CallExpression): ResolvedValue | null {
  const m = calledMember(call);
  if (!m || m.name !== 'compile') return null;
  const r = resolveValue(file, m.member.object);
  return r?.kind === 'model' ? r : null;
}

/** `model.fit(...)`, `fitDataset`, `trainOnBatch` on a proven tfjs model. */
export function trainingCall(file: FileIndex, call: TSESTree.CallExpression): { model: ResolvedValue; method: string; receiver: Node } | null {
  const m = calledMember(call);
  if (!m || !TRAINING_METHODS.has(m.name)) return null;
  const r = resolveValue(file, m.member.object);
  return r?.kind === 'model' ? { model: r, method: m.name, receiver: m.member.object } : null;
}

/**
 * Is every origin of `model` created and compiled by a factory of another module, before that factory
 * returns it (`const model = tf.sequential(); model.add(…); model.compile({…}); return model;`)? Then each
 * value the file holds was compiled with its layers' construction-time `trainable` (no `.trainable` write
 * in the factory), before anything this file does to it. Only the plain shape counts: the model bound to a
 * `const`/`let` of the factory's own body, compiled by a statement of that body, and returned by a later one,
 * with no `return` before the compile.
 */
export function compiledAtCreation(file: FileIndex, model: ResolvedValue): boolean {
  const origins = model.info ? originsOf(model.info) : [];
  if (origins.length > 0 && origins.every((o) => !!o.home && o.home !== file && !!o.origin && compiledBeforeReturn(o.home, o.origin))) return true;
  // `const model = createClassifier(cfg)` whose factory (another module) gets the model from a builder of its
  // own and compiles it: `const model = createTabularModel(cfg); model.compile({…}); return model;`
  const bindings = [...model.keys].filter((k): k is Scope.Variable => 'defs' in k);
  // (and the builder that made it wrote no `trainable` before handing it over: the compile saw construction states)
  const untouched = origins.length > 0 && origins.every((o) => !!o.home && o.home !== file && !!o.origin && !writesTrainable(o.home, enclosingFunction(o.origin)));
  return untouched && bindings.length > 0 && bindings.every((v) => {
    const def = v.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || v.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init)) return false;
    let init = unwrap(def.node.init);
    if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
    const target = init?.type === T.CallExpression ? importedCallReturns(file, init) : null;
    return !!target && target.index !== file && factoryCompilesWhatItReturns(target.index, target.fn);
  });
}

/**
 * The binding a declaration gives a new model each time it runs: `const model = tf.sequential(…)`,
 * `new ResNet()` of a `tf.LayersModel` subclass, or `const model = buildCandidate(hp)` whose same-file
 * builder makes the model in its own body on every call (`return tf.sequential(…)`, or `const m = …; return m;`).
 * A `trainable` write on the model of one run (one loop iteration, one call of the enclosing function) is no
 * state of the model the next run makes and compiles. Null for anything else (a cached or shared model).
 */
export function freshModelBinding(file: FileIndex, d: TSESTree.VariableDeclarator): Scope.Variable | null {
  if (d.id.type !== T.Identifier || d.parent?.type !== T.VariableDeclaration || d.parent.kind === 'var') return null;
  let init = unwrap(d.init);
  if (init?.type === T.AwaitExpression) init = unwrap(init.argument);
  if (init?.type !== T.CallExpression && init?.type !== T.NewExpression) return null;
  const info = file.kindOf(init);
  if (!info || info.kind !== 'model' || info.via !== 'factory') return null;
  const fresh = originsOf(info).every((o) => (!o.home || o.home === file) && !!o.origin && (o.origin === init || madeByEachCall(file, init as TSESTree.CallExpression | TSESTree.NewExpression, o.origin)));
  return fresh ? file.variableOf(d.id) : null;
}

/** Does every call `call` makes of a same-file builder run `origin` anew, as the value the builder returns? */
function madeByEachCall(file: FileIndex, call: TSESTree.CallExpression | TSESTree.NewExpression, origin: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const fn = call.type === T.CallExpression ? callTarget(file, call) : null;
  if (!fn || enclosingFunction(origin) !== fn) return false;
  let at: Node = origin;
  if (at.parent?.type === T.AwaitExpression) at = at.parent;
  const p = at.parent;
  if (p?.type === T.ReturnStatement) return true;
  if (fn.type === T.ArrowFunctionExpression && fn.body === at) return true;
  if (p?.type !== T.VariableDeclarator || p.init !== at || p.id.type !== T.Identifier || p.parent?.type !== T.VariableDeclaration || p.parent.kind === 'var') return false;
  const v = file.variableOf(p.id);
  // the builder's own local, never written again, and the value it returns
  if (!v || v.references.some((r) => r.isWrite() && r.writeExpr !== at)) return false;
  return v.references.some((r) => r.identifier.parent?.type === T.ReturnStatement && enclosingFunction(r.identifier) === fn);
}

/** Does the function (or the module, for null) assign `….trainable` anywhere in its own body? */
function writesTrainable(home: FileIndex, fn: FunctionNode | null): boolean {
  let found = false;
  const root = fn?.body ?? home.sourceCode.ast;
  walk(root as Node, home.sourceCode.visitorKeys, (n) => {
    if (found || (n !== root && isFunction(n) && fn !== null)) return false;
    if (n.type === T.AssignmentExpression && n.left.type === T.MemberExpression && memberName(n.left) === 'trainable') found = true;
    return !found;
  });
  return found;
}

/** A factory whose body ends `return NAME;` (its only top-level return) after `NAME.compile(…)`, NAME declared in it. */
function factoryCompilesWhatItReturns(home: FileIndex, fn: FunctionNode): boolean {
  if (fn.body.type !== T.BlockStatement) return false;
  const returns = fn.body.body.filter((st): st is TSESTree.ReturnStatement => st.type === T.ReturnStatement);
  const arg = returns.length === 1 ? unwrap(returns[0]!.argument) : null;
  if (arg?.type !== T.Identifier) return false;
  for (const st of fn.body.body) {
    if (st.type !== T.VariableDeclaration) continue;
    const d = st.declarations.find((x) => x.id.type === T.Identifier && x.id.name === arg.name);
    if (d) return compiledBeforeReturnOf(home, d);
  }
  return false;
}

function compiledBeforeReturn(home: FileIndex, origin: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const declarator = origin.parent;
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== origin) return false;
  return compiledBeforeReturnOf(home, declarator);
}

function compiledBeforeReturnOf(home: FileIndex, declarator: TSESTree.VariableDeclarator): boolean {
  if (declarator.id.type !== T.Identifier) return false;
  const decl = declarator.parent;
  const body = decl?.parent;
  const fn = body?.parent;
  if (decl?.type !== T.VariableDeclaration || body?.type !== T.BlockStatement || !fn || !isFunction(fn)) return false;
  const name = declarator.id.name;
  const statements = body.body;
  const start = statements.indexOf(decl);
  const isCompile = (st: TSESTree.Statement): boolean => {
    if (st.type !== T.ExpressionStatement) return false;
    let e = unwrap(st.expression);
    if (e?.type === T.AwaitExpression) e = unwrap(e.argument);
    const m = e?.type === T.CallExpression ? calledMember(e) : null;
    return !!m && m.name === 'compile' && unwrap(m.member.object)?.type === T.Identifier && (unwrap(m.member.object) as TSESTree.Identifier).name === name;
  };
  const compileAt = statements.findIndex((st, i) => i > start && isCompile(st));
  const returnAt = statements.findIndex((st, i) => i > compileAt && st.type === T.ReturnStatement && unwrap(st.argument)?.type === T.Identifier && (unwrap(st.argument) as TSESTree.Identifier).name === name);
  if (compileAt < 0 || returnAt < 0) return false;
  // nothing between the creation and the compile may return early or change a layer's `trainable`
  let clean = true;
  for (const st of statements.slice(start, returnAt + 1)) {
    walk(st as Node, home.sourceCode.visitorKeys, (n) => {
      if (n !== st && isFunction(n)) return false;
      if ((n.type === T.ReturnStatement && statements.indexOf(st) < compileAt) || (n.type === T.AssignmentExpression && n.left.type === T.MemberExpression && memberName(n.left) === 'trainable')) clean = false;
      return clean;
    });
  }
  return clean;
}

/** A layer from a tfjs factory that creates no weights (Dropout, Flatten, …): `trainable` changes nothing on it. */
export function isWeightless(info: ValueInfo | null): boolean {
  return info?.kind === 'layer' && !info.userClass && !!info.name && WEIGHTLESS_LAYERS.has(info.name);
}

/** A layer created with a literal `{trainable: false}` (its tf.Variables stay trainable: test/semantics/var-list-when-frozen.test.ts). */
export function frozenAtConstruction(file: FileIndex, info: ValueInfo | null): boolean {
  if (!info || info.kind !== 'layer' || isWeightless(info)) return false;
  const p = file.optionOf(info, 'trainable');
  return !!p && literalValue(p.value) === false;
}

/**
 * Was some layer of the model trainable when it was built? A loop over all of `model.layers` changes every
 * one of them, so one tfjs layer built without `{trainable: false}` (Dense, Conv, LSTM…) is enough to know,
 * even when other parts of the model are not visible (a custom layer class). Null when none is known.
 */
export function someLayerTrainable(file: FileIndex, owner: ResolvedValue, ownerExpr: Node): true | null {
  for (const e of structureExprs(file, owner, ownerExpr)) {
    const s = modelStructure(file, e);
    if (s?.layers.some((l) => l.info?.kind === 'layer' && !l.info.userClass && !isWeightless(l.info) && !frozenAtConstruction(file, l.info))) return true;
  }
  return null;
}

/**
 * Was some layer of the model built with a literal `{trainable: false}`? An unfreeze loop over all of
 * `model.layers` after `compile()` changes that layer, and `fit()` ignores the change until the next
 * `compile()` (test/semantics/trainable-after-compile.test.ts). `false` (the state the loop changes) when one
 * is known, else null.
 */
export function someLayerFrozen(file: FileIndex, owner: ResolvedValue, ownerExpr: Node): false | null {
  for (const e of structureExprs(file, owner, ownerExpr)) if (constructorFrozenLayers(file, e).length > 0) return false;
  return null;
}

/**
 * The layers of a visible model (and of the visible models nested in it) created with a literal
 * `{trainable: false}`.
 */
export function constructorFrozenLayers(file: FileIndex, modelExpr: Node, seen: Set<Node> = new Set()): Node[] {
  const key = unwrap(modelExpr);
  if (!key || seen.has(key) || seen.size > 50) return [];
  seen.add(key);
  const s = modelStructure(file, key);
  if (!s) return [];
  const out: Node[] = [];
  for (const l of s.layers) {
    if (l.info?.kind === 'model') out.push(...constructorFrozenLayers(file, l.node, seen));
    else if (frozenAtConstruction(file, l.info)) out.push(l.node);
  }
  return out;
}

/** Is the layer expression one of the layers of the visible model? (by binding) */
export function modelHasLayer(file: FileIndex, modelExpr: Node, layer: ResolvedValue): boolean {
  const s = modelStructure(file, modelExpr);
  if (!s) return false;
  return s.layers.some((l) => sameValue(resolveValue(file, l.node), layer));
}

/** The function a node runs in, or null at module level. */
export function functionOf(node: Node): FunctionNode | null {
  let n = node.parent;
  while (n) {
    if (isFunction(n)) return n;
    n = n.parent;
  }
  return null;
}

/** Is `id` (as written at `from`) the same binding when the same name is written at `at`? */
function sameBindingAt(file: FileIndex, id: TSESTree.Identifier, at: Node): boolean {
  const here = file.variableOf(id);
  if (!here) return false; // globals: only module-level `tf` is resolved through variables
  const scope = file.sourceCode.getScope(at);
  let s: typeof scope | null = scope;
  while (s) {
    const v = s.set.get(id.name);
    if (v) return v === here;
    s = s.upper;
  }
  return false;
}

/** Can the text of `expr` (an identifier, `this.f` or member chain) be pasted at `at` and mean the same? */
export function textMeansSameAt(file: FileIndex, expr: Node, at: Node): boolean {
  let ok = true;
  walk(expr, file.sourceCode.visitorKeys, (n) => {
    if (!ok) return false;
    if (n.type === T.MemberExpression && !n.computed) {
      walkInto(n.object);
      return false;
    }
    if (n.type === T.Property && !n.computed) {
      walkInto(n.value);
      return false;
    }
    if (n.type === T.Identifier) ok = sameBindingAt(file, n, at);
    if (n.type === T.ThisExpression) {
      const a = thisClass(n);
      ok = !!a && thisClassAt(at) === a;
    }
    if (isFunction(n)) ok = false;
    return undefined;
  });
  return ok;
  function walkInto(child: Node): void {
    if (ok) ok = textMeansSameAt(file, child, at);
  }
}

function thisClassAt(at: Node): ClassNode | null {
  // thisClass walks from the node's parent; a synthetic child keeps the walk starting at `at`
  return thisClass({ parent: at } as unknown as TSESTree.ThisExpression);
}

const SAFE_VALUE_TYPES: ReadonlySet<string> = new Set([T.Literal, T.Identifier, T.MemberExpression, T.TemplateLiteral, T.ArrayExpression, T.ObjectExpression, T.Property, T.ThisExpression]);

/**
 * The argument text of a `compile({...})` call when re-running it is safe and means the same at `at`:
 * an object literal of side-effect-free values whose optimizer is a string (a fresh optimizer, as the
 * first compile made), a `tf.train.<name>(<literals>)` call (a fresh instance), or a stateless SGD
 * instance. A stateful optimizer instance keeps slot state keyed by position, which breaks once the
 * trainable list changes (test/semantics/trainable-after-compile.test.ts), so it gives null.
 */
export function recompileArgsText(file: FileIndex, compile: TSESTree.CallExpression, at: Node): string | null {
  const arg = compile.arguments.length === 1 ? unwrap(compile.arguments[0]) : null;
  if (arg?.type !== T.ObjectExpression) return null;
  let optimizerOk = false;
  for (const p of arg.properties) {
    if (p.type !== T.Property || p.computed || p.method || p.kind !== 'init') return null;
    const key = p.key.type === T.Identifier ? p.key.name : p.key.type === T.Literal ? String(p.key.value) : null;
    const value = unwrap(p.value);
    if (!value) return null;
    if (key === 'optimizer') {
      if (value.type === T.Literal && typeof value.value === 'string') optimizerOk = true;
      else if (value.type === T.CallExpression) {
        const path = file.calleePath(value);
        if (!path || path[0] !== 'train' || !value.arguments.every((a) => literalValue(a) !== undefined)) return null;
        optimizerOk = true;
      } else if (value.type === T.Identifier) {
        const k = file.kindOf(value);
        if (k?.kind !== 'optimizer' || k.name !== 'sgd') return null;
        optimizerOk = true;
      } else return null;
      if (value.type === T.CallExpression) {
        if (!textMeansSameAt(file, value.callee, at)) return null;
        continue;
      }
    } else {
      let safe = true;
      walk(value, file.sourceCode.visitorKeys, (n) => {
        if (!SAFE_VALUE_TYPES.has(n.type)) safe = false;
        return safe ? undefined : false;
      });
      if (!safe) return null;
    }
    if (!textMeansSameAt(file, value, at)) return null;
  }
  return optimizerOk ? file.sourceCode.getText(arg) : null;
}

/**
 * Where to insert a statement that must run once after `node`: after its statement, or after the
 * loop over a model's layers around it (`for (const l of m.layers)`, `m.layers.forEach((l) => …)`, the index form).
 * Null when that statement does not sit in a statement list.
 */
export function statementAfter(node: Node): TSESTree.Statement | null {
  // only the statement of the node itself: never one around it (`if (c) x.trainable = false;`)
  let own: Node = node;
  while (own.parent && own.parent.type !== T.ExpressionStatement && !isFunction(own.parent) && own.parent.type !== T.BlockStatement) own = own.parent;
  let stmt = own.parent?.type === T.ExpressionStatement ? listStatementOf(own.parent) : null;
  if (stmt && stmt !== own.parent) stmt = null;
  for (let n: Node | undefined = node; n; n = n.parent) {
    const p: Node | undefined = n.parent;
    if (!p) break;
    if (isFunction(n)) {
      const m = p.type === T.CallExpression ? calledMember(p) : null;
      if (!(m?.name === 'forEach' && layerListOwner(m.member.object) && p.parent?.type === T.ExpressionStatement)) break;
      stmt = listStatementOf(p);
    } else if ((p.type === T.ForOfStatement && p.body === n && layerListOwner(p.right)) || (p.type === T.ForStatement && p.body === n && isWholeLayerIndexLoop(p))) {
      stmt = listStatementOf(p);
    }
  }
  return stmt;
}

/**
 * The last statement of the run of `trainable` changes that `stmt` starts: `for (const l of model.layers)
 * l.trainable = false; model.getLayer('logits').trainable = true;` is one change, and a compile() between the
 * two would collect the first half only (the unfreeze after it is then ignored by fit). A statement belongs to
 * the run when it writes `trainable` and calls nothing but list and lookup methods.
 */
function lastOfTrainableRun(file: FileIndex, stmt: TSESTree.Statement): TSESTree.Statement {
  const list = stmt.parent && 'body' in stmt.parent && Array.isArray(stmt.parent.body) ? (stmt.parent.body as TSESTree.Statement[]) : null;
  let last = stmt;
  for (let i = list ? list.indexOf(stmt) + 1 : 0; list && i > 0 && i < list.length && changesTrainableOnly(file, list[i]!); i++) last = list[i]!;
  return last;
}

const RUN_CALLS: ReadonlySet<string> = new Set(['getLayer', 'slice', 'filter', 'forEach', 'includes', 'startsWith', 'endsWith']);

function changesTrainableOnly(file: FileIndex, stmt: TSESTree.Statement): boolean {
  let writes = false;
  let other = false;
  walk(stmt, file.sourceCode.visitorKeys, (n) => {
    if (other) return false;
    if (n.type === T.AssignmentExpression && trainableWrite(n)) writes = true;
    else if (n.type === T.CallExpression && !RUN_CALLS.has(calledMember(n)?.name ?? '')) other = true;
    else if (n.type === T.AwaitExpression || n.type === T.ReturnStatement || n.type === T.ThrowStatement) other = true;
    return !other;
  });
  return writes && !other;
}

/** The statement containing `node` that sits directly in a statement list (for inserting before it). */
export function listStatementOf(node: Node): TSESTree.Statement | null {
  let n: Node | undefined = node;
  while (n?.parent) {
    if (isFunction(n)) return null;
    if (n.parent.type === T.BlockStatement || n.parent.type === T.Program) return n as TSESTree.Statement;
    n = n.parent;
  }
  return null;
}

/** Expressions that denote a resolved model where its definition is visible (for `modelStructure`). */
export function structureExprs(file: FileIndex, value: ResolvedValue, receiver: Node): Node[] {
  const out: Node[] = [receiver];
  for (const k of value.keys) {
    if ('cls' in k) {
      const use = file.fieldOf(k.cls, k.name)?.uses[0];
      if (use) out.push(use);
    } else if ('defs' in k) {
      const def = k.defs[0];
      if (def?.type === 'Variable' && def.node.id === def.name) out.push(def.name);
    }
  }
  return out;
}

/**
 * Is the node inside a loop over every layer of a model: `for (const l of m.layers)` or
 * `m.layers.forEach((l) => …)` on the list itself (not a `slice()` or `filter()` of it)?
 */
export function inWholeLayerLoop(node: Node): boolean {
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    const p: Node = n.parent;
    if (p.type === T.ForOfStatement && p.body === n) return isLayersMember(p.right);
    if (p.type === T.ForStatement && p.body === n) return isWholeLayerIndexLoop(p);
    if (isFunction(n)) {
      const m = p.type === T.CallExpression ? calledMember(p) : null;
      return !!m && m.name === 'forEach' && isLayersMember(m.member.object);
    }
  }
  return false;
}

/**
 * The loop to place a `trainable` write at when the write runs in every iteration of a loop over all of a
 * model's layers (`for (const l of m.layers) l.trainable = true;`, or the index form): a model whose layers
 * the write sets has at least one, so the body runs at least once. ESLint's code paths let any loop run zero
 * times, which made an unfreeze loop after a freeze loop look skippable. Null for a write under a condition,
 * or after a statement that may jump (`if (…) continue;`).
 */
export function wholeLayerLoopOf(write: Node): TSESTree.ForOfStatement | TSESTree.ForStatement | null {
  const stmt = write.parent;
  if (stmt?.type !== T.ExpressionStatement) return null;
  let body: Node = stmt;
  let loop = stmt.parent;
  if (loop?.type === T.BlockStatement) {
    const before = loop.body.slice(0, loop.body.indexOf(stmt));
    if (before.some((s) => s.type !== T.ExpressionStatement && s.type !== T.VariableDeclaration)) return null;
    body = loop;
    loop = loop.parent;
  }
  if (loop?.type === T.ForOfStatement && loop.body === body && !loop.await && isLayersMember(loop.right)) return loop;
  if (loop?.type === T.ForStatement && loop.body === body && isWholeLayerIndexLoop(loop)) return loop;
  return null;
}

/** `for (let i = 0; i < m.layers.length; i++)` (also `++i`, `i += 1`): every index of a model's layer list. */
function isWholeLayerIndexLoop(loop: TSESTree.ForStatement): boolean {
  const init = loop.init?.type === T.VariableDeclaration && loop.init.declarations.length === 1 ? loop.init.declarations[0]! : null;
  if (init?.id.type !== T.Identifier || init.init?.type !== T.Literal || init.init.value !== 0) return false;
  const i = init.id.name;
  const test = loop.test;
  if (test?.type !== T.BinaryExpression || test.operator !== '<' || test.left.type !== T.Identifier || test.left.name !== i) return false;
  const length = unwrap(test.right);
  if (length?.type !== T.MemberExpression || length.computed || memberName(length) !== 'length' || !isLayersMember(length.object)) return false;
  const u = loop.update;
  return (
    (u?.type === T.UpdateExpression && u.operator === '++' && u.argument.type === T.Identifier && u.argument.name === i) ||
    (u?.type === T.AssignmentExpression && u.operator === '+=' && u.left.type === T.Identifier && u.left.name === i && u.right.type === T.Literal && u.right.value === 1)
  );
}

function isLayersMember(expr: Node): boolean {
  const e = unwrap(expr);
  return e?.type === T.MemberExpression && !e.computed && memberName(e) === 'layers';
}

/** Is the node inside `for (const l of m.layers…)` or `m.layers.forEach((l) => …)` (in the same function)? */
export function inLayerLoop(node: Node): boolean {
  for (let n: Node | undefined = node; n?.parent; n = n.parent) {
    const p: Node = n.parent;
    if (p.type === T.ForOfStatement && p.body === n && layerListOwner(p.right)) return true;
    if (isFunction(n)) {
      const m = p.type === T.CallExpression ? calledMember(p) : null;
      return !!m && (m.name === 'forEach' || m.name === 'map') && !!layerListOwner(m.member.object);
    }
  }
  return false;
}

const APPLY_METHODS: ReadonlySet<string> = new Set(['apply', 'predict', 'predictOnBatch', 'call']);

/** The tfjs models and layers a function runs (`m.apply(x)`, `m.predict(x)`), with the receiver expressions. */
export function appliedValues(file: FileIndex, fn: FunctionNode): { node: Node; value: ResolvedValue }[] {
  const out: { node: Node; value: ResolvedValue }[] = [];
  walk(fn.body, file.sourceCode.visitorKeys, (n) => {
    if (n !== fn.body && isFunction(n) && n.parent?.type !== T.CallExpression) return false;
    if (n.type !== T.CallExpression) return undefined;
    const m = calledMember(n);
    if (!m || !APPLY_METHODS.has(m.name)) return undefined;
    const value = resolveValue(file, m.member.object);
    if (value) out.push({ node: m.member.object, value });
    return undefined;
  });
  return out;
}

/** A tfjs Sequential model (`tf.sequential()`, `new tf.Sequential()`, or annotated `tf.Sequential`). */
export function isSequential(value: ResolvedValue | null): boolean {
  const name = value?.info?.name;
  return value?.kind === 'model' && (name === 'Sequential' || name?.endsWith('.Sequential') === true);
}

/**
 * Whether a model or layer is trainable before any `trainable` write: a layer's literal constructor
 * option; a model is; a layer taken from a model's list is when that model's layers are all visible and
 * none is created frozen. Null when unknown (a loaded model's layers may have been saved frozen).
 */
export function initialTrainable(file: FileIndex, target: ResolvedValue, targetExpr: Node, owner: ResolvedValue | null): boolean | null {
  if (target.info?.origin) return !frozenAtConstruction(file, target.info);
  if (target.kind === 'model') return true;
  const ownerExpr = layerOwner(file, targetExpr);
  if (!owner || !ownerExpr) return null;
  for (const e of structureExprs(file, owner, ownerExpr)) {
    const s = modelStructure(file, e);
    if (!s?.complete) continue;
    if (constructorFrozenLayers(file, e).length === 0) return true;
    // `model.layers[0]` of `tf.sequential({ layers: [conv, bn({trainable: false}), …] })`: that very layer
    const at = sequentialLayerAt(file, s, targetExpr, e)?.ref;
    return at?.info?.origin ? !frozenAtConstruction(file, at.info) : null;
  }
  return null;
}

/**
 * The layer `model.layers[<i>]` names, when the model is one visible `tf.sequential(…)` whose layers are
 * known in order: its `layers` list (no spread), then `add()` calls made unconditionally, one after the
 * other, in the block that creates it. A Sequential lists exactly the layers given to it, in that order;
 * a functional model lists its InputLayer first, so it is never indexed
 * (test/semantics/trainable-after-compile.test.ts, "which layer `model.layers[i]` names").
 */
function sequentialLayerAt(file: FileIndex, s: NonNullable<ReturnType<typeof modelStructure>>, targetExpr: Node, modelExpr: Node): { ref: LayerRef; home: FileIndex } | null {
  const t = unwrap(targetExpr);
  const index = t?.type === T.MemberExpression && t.computed ? literalValue(t.property) : undefined;
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= s.layers.length || !s.complete) return null;
  const info = provenanceOf(file, modelExpr);
  const origin = s.origin;
  if (!info || info.origins || info.origin !== origin || origin?.type !== T.CallExpression) return null;
  const home = info.home ?? file;
  if (home.calleePath(origin)?.join('.') !== 'sequential') return null;
  const list = unwrap(findProperty(objectArg(origin), 'layers')?.value);
  if (list && list.type !== T.ArrayExpression) return null;
  const listed = list?.type === T.ArrayExpression ? list.elements : [];
  if (listed.some((el, i) => !el || el.type === T.SpreadElement || s.layers[i]?.node !== el)) return null;
  // the block whose statements create the model and add its layers
  let stmt: Node | undefined = origin.parent;
  while (stmt && stmt.type !== T.VariableDeclaration && stmt.type !== T.ExpressionStatement) stmt = isFunction(stmt) ? undefined : stmt.parent;
  const block = stmt?.parent;
  let after = origin.range[1];
  for (const added of s.layers.slice(listed.length)) {
    const call = added.node.parent;
    const statement = call?.parent;
    if (call?.type !== T.CallExpression || statement?.type !== T.ExpressionStatement || !block || statement.parent !== block || call.range[0] < after) return null;
    after = call.range[1];
  }
  return { ref: s.layers[index]!, home };
}

/** The layer `model.layers[<i>]` names in the visible structure of the model `owner` holds (see `sequentialLayerAt`). */
function layerAtIndex(file: FileIndex, owner: ResolvedValue, ownerExpr: Node, targetExpr: Node): { ref: LayerRef; home: FileIndex } | null {
  for (const e of structureExprs(file, owner, ownerExpr)) {
    const s = modelStructure(file, e);
    if (!s?.complete) continue;
    return sequentialLayerAt(file, s, targetExpr, e);
  }
  return null;
}

/**
 * Whether every weight of a visible model sits directly in its own layers: its layer list is complete,
 * with no nested model and no custom layer. The `trainable` setter of a model (Container) flips only
 * those layers' variables, so only then does freezing it leave no trainable variable (measured).
 */
export function hasOnlyDirectLayers(file: FileIndex, model: ResolvedValue, receiver: Node): boolean {
  for (const e of structureExprs(file, model, receiver)) {
    const s = modelStructure(file, e);
    if (s?.complete) return s.layers.every((l) => l.info?.kind === 'layer' && !l.info.userClass);
  }
  return false;
}

/**
 * The compiled models whose trainable list a `trainable` write on `target` (taken from `owner`'s layer
 * list, if any) changes: the owner itself, a model listing the target among its layers, and, for a freeze
 * (`value` false), a model that nests the target (or its owner) as a sub-model. An unfreeze of a nested
 * sub-model is not counted: tfjs treats it differently per outer model type (test/semantics/
 * trainable-after-compile.test.ts).
 */
export function compiledOwners(
  file: FileIndex,
  compiles: readonly { model: ResolvedValue; receiver: Node }[],
  target: ResolvedValue,
  owner: ResolvedValue | null,
  value: boolean,
): ResolvedValue[] {
  const owners: ResolvedValue[] = [];
  const nested = value ? null : target.kind === 'model' ? target : owner;
  for (const { model, receiver } of compiles) {
    if (owners.some((o) => sameValue(o, model))) continue;
    const exprs = structureExprs(file, model, receiver);
    if (sameValue(owner, model) || exprs.some((e) => modelHasLayer(file, e, target))) owners.push(model);
    else if (nested && exprs.some((e) => nestsModel(file, e, nested))) owners.push(model);
  }
  return owners;
}

/**
 * Is `inner` a model nested, at any depth, among the layers of a visible model (`tf.model` over
 * `base.apply(x)`, `tf.sequential({layers: [base, head]})`)? By binding, like `modelHasLayer`.
 */
export function nestsModel(file: FileIndex, modelExpr: Node, inner: ResolvedValue, seen: Set<Node> = new Set()): boolean {
  const key = unwrap(modelExpr);
  if (!key || seen.has(key) || seen.size > 20) return false;
  seen.add(key);
  const s = modelStructure(file, key);
  if (!s) return false;
  return s.layers.some((l) => l.info?.kind === 'model' && (sameValue(resolveValue(file, l.node), inner) || nestsModel(file, l.node, inner, seen)));
}

/** Does a visible model hold another model among its layers (`tf.sequential({layers: [base, head]})`)? */
export function containsNestedModel(file: FileIndex, model: ResolvedValue, receiver: Node): boolean {
  return structureExprs(file, model, receiver).some((e) => modelStructure(file, e)?.layers.some((l) => l.info?.kind === 'model') === true);
}

/** An insertion a suggestion makes: `text` goes before or after `at` (a statement in a statement list). */
export interface Insertion {
  readonly at: TSESTree.Statement;
  readonly where: 'before' | 'after';
  readonly text: string;
  /** The model expression text the inserted code names. */
  readonly model: string;
}

/** `model.trainable = true;` on its own line before the statement of a training call. */
export function restoreTrainableInsertion(file: FileIndex, trainCall: TSESTree.CallExpression, receiver: Node): Insertion | null {
  const at = listStatementOf(trainCall);
  if (!at) return null;
  const model = file.sourceCode.getText(receiver);
  return { at, where: 'before', text: `${model}.trainable = true;\n${' '.repeat(at.loc.start.column)}`, model };
}

/**
 * `<model>.compile(<the same arguments>);` right after a `trainable` write (after the loop over the
 * model's layers around it), when the arguments are safe to repeat there (`recompileArgsText`) and some
 * expression naming the model means the same at the write.
 */
export function recompileInsertion(
  file: FileIndex,
  write: TrainableWrite,
  target: ResolvedValue,
  model: ResolvedValue,
  compile: TSESTree.CallExpression,
  compileReceiver: Node,
): Insertion | null {
  const candidates = [target.kind === 'model' && sameValue(target, model) ? write.target : null, layerOwner(file, write.target), compileReceiver];
  const receiver = candidates.find((c) => c && sameValue(resolveValue(file, c), model) && textMeansSameAt(file, c, write.node));
  const args = recompileArgsText(file, compile, write.node);
  const first = statementAfter(write.node);
  if (!receiver || args === null || !first) return null;
  const at = lastOfTrainableRun(file, first);
  const text = file.sourceCode.getText(receiver);
  return { at, where: 'after', text: `\n${' '.repeat(at.loc.start.column)}${text}.compile(${args});`, model: text };
}
