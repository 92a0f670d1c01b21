/**
 * Functions a framework or runtime calls on its own, and how often: an exported serverless or route
 * handler (per request), a JSX event prop or a Redux Toolkit reducer (per event, per dispatch), a listener
 * decorator, a p5.js sketch callback and a Phaser scene's `update()` (per frame), a job or reactive-effect
 * registration, a GraphQL resolver, a `fit` callback hook. Each is recognised by the library's own import
 * (`moduleExportName`), never by a name alone. src/engine/memory.ts asks these questions when it follows
 * how often code runs and whether a caller may run it inside a tfjs scope. Facts: src/facts/tfjs-api.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, isFunction, literalValue, memberName, propertyKeyName, unwrap, type FunctionNode, type Node } from './ast.js';
import type { FileIndex } from './resolver.js';
import {
  CALLBACK_HOOKS,
  EXPORTED_HANDLERS,
  FIT_CALLBACK_HOOKS,
  GRAPHQL_ROOT_TYPES,
  JOB_MODULES,
  JOB_REGISTRATIONS,
  JSX_EVENT_NAMESPACE,
  JSX_EVENT_PROP,
  JSX_INTERACTION_EVENT_PROP,
  LISTENER_DECORATOR_MODULES,
  LISTENER_DECORATORS,
  OBSERVER_CLASSES,
  P5_CALLBACKS,
  PHASER_FRAME_METHODS,
  PHASER_MODULE,
  PHASER_SCENE_CLASS,
  REACTIVE_EFFECTS,
  REDUX_DISPATCH_CALLBACKS,
  REDUX_REDUCER_PARTS,
  REDUX_SLICE_FACTORIES,
  REDUX_TOOLKIT_MODULES,
  ROUTE_MODULE_FILE,
  ROUTE_MODULE_HANDLERS,
  WORKER_HANDLERS,
  type RepeatFrequency,
} from '../facts/tfjs-api.js';
import { REACT_MODULES } from '../facts/react-refs.js';

/** What a file's text says it may use (a text scan, once per file): the questions below are skipped elsewhere. */
interface FrameworkFlags {
  readonly jsx: boolean;
  readonly redux: boolean;
  readonly phaser: boolean;
  readonly jobs: boolean;
}
const flags = new WeakMap<FileIndex, FrameworkFlags>();

function flagsOf(file: FileIndex): FrameworkFlags {
  let f = flags.get(file);
  if (f) return f;
  const text = file.sourceCode.text;
  f = {
    jsx: text.includes('/>') || text.includes('</'),
    redux: text.includes('@reduxjs/toolkit'),
    phaser: text.includes(`'${PHASER_MODULE}'`) || text.includes(`"${PHASER_MODULE}"`),
    jobs: [...JOB_MODULES].some((m) => text.includes(`'${m}'`) || text.includes(`"${m}"`)),
  };
  flags.set(file, f);
  return f;
}

/** Does the file use Redux Toolkit (its thunks' payload creators run per dispatch)? */
export function usesRedux(file: FileIndex): boolean {
  return flagsOf(file).redux;
}

/** The name a call's callee ends with: `setTimeout`, `window.requestAnimationFrame` → `requestAnimationFrame`. */
export function calleeName(call: TSESTree.CallExpression): string | null {
  const c = unwrap(call.callee);
  if (c?.type === T.Identifier) return c.name;
  return c?.type === T.MemberExpression ? memberName(c) : null;
}

/** `new MutationObserver(…)`, `new window.ResizeObserver(…)` and the other DOM observers (by name). */
export function isObserverClass(n: TSESTree.NewExpression): boolean {
  const callee = unwrap(n.callee);
  const name = callee?.type === T.Identifier ? callee.name : callee?.type === T.MemberExpression && unwrap(callee.object)?.type === T.Identifier && (unwrap(callee.object) as TSESTree.Identifier).name === 'window' ? memberName(callee) : null;
  return name !== null && OBSERVER_CLASSES.has(name);
}

/**
 * A callback a job or schedule library runs per tick or per job (`cron.schedule(expr, fn)`,
 * `new Worker('score', fn)`), or a reactive effect per change (`effect(() => …)` of @preact/signals,
 * MobX's `autorun`), given inline or by name (`new Worker('retrain', processTraining)`).
 */
export function jobFrequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  if (!flagsOf(file).jobs) return null;
  const inline = jobRegistration(file, fn.parent, fn);
  if (inline) return inline;
  const p = fn.parent;
  const id = fn.type === T.FunctionDeclaration ? fn.id : p?.type === T.VariableDeclarator && p.init === fn && p.id.type === T.Identifier ? p.id : null;
  for (const r of (id ? file.variableOf(id)?.references : undefined) ?? []) {
    const f = r.init ? null : jobRegistration(file, r.identifier.parent, r.identifier);
    if (f) return f;
  }
  return null;
}

function jobRegistration(file: FileIndex, p: Node | undefined, arg: Node): RepeatFrequency | null {
  if (p?.type !== T.CallExpression && p?.type !== T.NewExpression) return null;
  const at = p.arguments.indexOf(arg as TSESTree.CallExpressionArgument);
  const name = at < 0 ? null : moduleExportName(file, p.callee, JOB_MODULES);
  const match = (j: (typeof JOB_REGISTRATIONS)[number]): boolean => j.name === name && j.argument === at && j.isNew === (p.type === T.NewExpression);
  const job = name === null ? undefined : (JOB_REGISTRATIONS.find(match) ?? REACTIVE_EFFECTS.find(match));
  return job?.frequency ?? null;
}

/**
 * A GraphQL resolver: a function under `Query`, `Mutation` or `Subscription` of a resolver map (also a
 * subscription's `{ subscribe, resolve }`), run per request (per event for a subscription's `resolve`).
 */
export function resolverFrequency(fn: FunctionNode): RepeatFrequency | null {
  const p = fn.parent;
  if (p?.type !== T.Property || p.value !== fn) return null;
  let fields: Node | undefined = p.parent;
  // `Subscription: { onScore: { subscribe: () => …, resolve: (payload) => … } }`
  const holder = fields?.parent;
  if (holder?.type === T.Property && holder.value === fields && !GRAPHQL_ROOT_TYPES.has(propertyKeyName(holder) ?? '') && (propertyKeyName(p) === 'subscribe' || propertyKeyName(p) === 'resolve')) {
    fields = holder.parent;
  }
  const root = fields?.type === T.ObjectExpression ? fields.parent : undefined;
  return root?.type === T.Property && root.value === fields && root.parent.type === T.ObjectExpression && GRAPHQL_ROOT_TYPES.has(propertyKeyName(root) ?? '') ? 'event' : null;
}

const PHASER_MODULES: ReadonlySet<string> = new Set([PHASER_MODULE]);

/**
 * Phaser 3: `update(time, delta)` of a `Phaser.Scene` subclass runs per frame; the inline `callback` of a
 * repeating timer event (`this.time.addEvent({ delay, loop: true, callback: () => … })`) per tick.
 */
export function phaserFrequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  if (!flagsOf(file).phaser) return null;
  const p = fn.parent;
  if (p?.type === T.MethodDefinition && p.value === fn && !p.static && PHASER_FRAME_METHODS.has(propertyKeyName(p) ?? '')) {
    const cls = p.parent.parent;
    const sup = cls.type === T.ClassDeclaration || cls.type === T.ClassExpression ? cls.superClass : null;
    return sup && moduleExportName(file, sup, PHASER_MODULES) === PHASER_SCENE_CLASS ? 'frame' : null;
  }
  if (p?.type !== T.Property || p.value !== fn || propertyKeyName(p) !== 'callback' || p.parent.type !== T.ObjectExpression) return null;
  const cfg = p.parent;
  const call = cfg.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== cfg || calledMember(call)?.name !== 'addEvent') return null;
  const loop = findProperty(cfg, 'loop');
  const repeat = findProperty(cfg, 'repeat');
  // `repeat: 5` or `repeat: -1` (forever); a count the code computes may be 0
  const count = repeat ? literalValue(repeat.value) : undefined;
  const repeats = (loop && literalValue(loop.value) === true) || (typeof count === 'number' && count !== 0);
  return repeats ? 'interval' : null;
}

/**
 * A p5.js sketch function p5 calls per frame or per event: a top-level `function draw() {…}` next to a
 * top-level `function setup()` (global mode), or `p.draw = () => {…}` where `p` is the sketch of
 * `new p5((p) => …)` (instance mode).
 */
export function p5Frequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  const p = fn.parent;
  if (fn.type === T.FunctionDeclaration && fn.id && p?.type === T.Program) {
    const f = P5_CALLBACKS.get(fn.id.name);
    return f && p.body.some((s) => s.type === T.FunctionDeclaration && s.id?.name === 'setup') ? f : null;
  }
  if (p?.type !== T.AssignmentExpression || p.right !== fn || p.left.type !== T.MemberExpression) return null;
  const f = P5_CALLBACKS.get(memberName(p.left) ?? '');
  const sketch = unwrap(p.left.object);
  const v = f && sketch?.type === T.Identifier ? file.variableOf(sketch) : null;
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Parameter' || !isFunction(def.node) || def.node.params[0] !== def.name) return null;
  const made = def.node.parent;
  const ctor = made?.type === T.NewExpression && made.arguments[0] === def.node ? unwrap(made.callee) : null;
  return ctor?.type === T.Identifier && ctor.name === 'p5' ? f! : null;
}

/** `onBatchEnd(batch, logs) {…}` / `onEpochEnd: async () => …`: a fit callback hook. */
export function hookFrequency(fn: FunctionNode): RepeatFrequency | null {
  const p = fn.parent;
  if (!p || (p.type !== T.Property && p.type !== T.MethodDefinition && p.type !== T.PropertyDefinition) || p.value !== fn) return null;
  return FIT_CALLBACK_HOOKS.get(propertyKeyName(p) ?? '') ?? null;
}

/** An identifier `name` that no declaration of the file binds (the global of that name). */
export function isGlobalNamed(file: FileIndex, node: Node, name: string): boolean {
  const n = unwrap(node);
  if (n?.type !== T.Identifier || n.name !== name) return false;
  const v = file.variableOf(n);
  return !v || v.defs.length === 0;
}

/**
 * The name `expr` has in one of `modules` when its binding is imported or required from there: a named
 * import (`import { createSlice as cs }` → `createSlice`) or destructured require, or a member of a
 * namespace, default import or required module (`http.createServer`, `rtk.createAsyncThunk`). Else null.
 */
export function moduleExportName(file: FileIndex, expr: Node, modules: ReadonlySet<string>): string | null {
  const e = unwrap(expr);
  const member = e?.type === T.MemberExpression ? memberName(e) : null;
  const local = e?.type === T.MemberExpression ? unwrap(e.object) : e;
  if (local?.type !== T.Identifier || (e?.type === T.MemberExpression && member === null)) return null;
  const v = file.variableOf(local);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type === 'ImportBinding' && def.node.parent?.type === T.ImportDeclaration) {
    if (!modules.has(def.node.parent.source.value)) return null;
    if (def.node.type !== T.ImportSpecifier) return member;
    return member === null && def.node.imported.type === T.Identifier ? def.node.imported.name : null;
  }
  if (def?.type !== 'Variable') return null;
  // `const http = require('http')`, `const { createAsyncThunk } = require('@reduxjs/toolkit')`
  const init = unwrap(def.node.init);
  const arg = init?.type === T.CallExpression && unwrap(init.callee)?.type === T.Identifier && (unwrap(init.callee) as TSESTree.Identifier).name === 'require' ? init.arguments[0] : undefined;
  if (arg?.type !== T.Literal || typeof arg.value !== 'string' || !modules.has(arg.value)) return null;
  if (def.node.id === def.name) return member;
  if (member !== null || def.node.id.type !== T.ObjectPattern) return null;
  for (const p of def.node.id.properties) {
    const value = p.type === T.Property && p.value.type === T.AssignmentPattern ? p.value.left : p.type === T.Property ? p.value : null;
    if (value === def.name) return propertyKeyName(p as TSESTree.Property);
  }
  return null;
}

/**
 * How often a framework calls `fn` by where it is placed, inline or by a same-file name: as a JSX event
 * prop (`<button onClick={…}>`, `onPointerMove={handler}`, `onClick={this.onClick}`, a `useCallback(fn)`
 * named there: per event, like an `addEventListener` listener), or as a case reducer of Redux Toolkit's
 * `createSlice({ reducers: { … } })` (per dispatch). Null elsewhere, and in files with neither JSX nor Redux.
 */
export function placedFrequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  const f = flagsOf(file);
  if (!f.jsx && !f.redux) return null;
  if (valueFrequency(file, fn)) return 'event';
  for (const use of namedUses(file, fn)) if (valueFrequency(file, use)) return 'event';
  return null;
}

/** A method the framework calls per event through a decorator: `@HostListener('window:resize') onResize() {…}`. */
export function decoratorFrequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  const p = fn.parent;
  if (p?.type !== T.MethodDefinition || p.value !== fn || !p.decorators?.length) return null;
  for (const d of p.decorators) {
    const call = unwrap(d.expression);
    if (call?.type !== T.CallExpression) continue;
    const name = moduleExportName(file, call.callee, LISTENER_DECORATOR_MODULES);
    if (name !== null && LISTENER_DECORATORS.has(name)) return 'event';
  }
  return null;
}

/** Is the expression the value of a JSX event prop or a Redux Toolkit case reducer? */
function valueFrequency(file: FileIndex, expr: Node): boolean {
  const f = flagsOf(file);
  let e: Node = expr;
  while (e.parent && (e.parent.type === T.TSAsExpression || e.parent.type === T.TSNonNullExpression || e.parent.type === T.TSSatisfiesExpression)) e = e.parent;
  const p = e.parent;
  if (f.jsx && p?.type === T.JSXExpressionContainer && p.parent?.type === T.JSXAttribute && p.parent.value === p) {
    const name = p.parent.name;
    if (name.type !== T.JSXIdentifier) return name.namespace.name === JSX_EVENT_NAMESPACE;
    // an element of the platform (`<canvas>`, `<button>`) fires every `on…` event it has; a component, only those it forwards
    const tag = p.parent.parent.type === T.JSXOpeningElement ? p.parent.parent.name : null;
    const intrinsic = tag?.type === T.JSXIdentifier && /^[a-z]/.test(tag.name);
    return (intrinsic ? JSX_EVENT_PROP : JSX_INTERACTION_EVENT_PROP).test(name.name);
  }
  if (!f.redux || p?.type !== T.Property || p.value !== e || p.computed) return false;
  // `reducers: { add(state, action) { … } }`, or `reducers: { add: { reducer(state, action) { … }, prepare } }`
  if (isReducersObject(file, p.parent)) return true;
  const pair = p.parent.parent;
  return REDUX_REDUCER_PARTS.has(propertyKeyName(p) ?? '') && pair?.type === T.Property && pair.value === p.parent && isReducersObject(file, pair.parent);
}

/** The `reducers` object of `createSlice({ name, initialState, reducers: { … } })` from Redux Toolkit. */
function isReducersObject(file: FileIndex, obj: Node | undefined): boolean {
  const prop = obj?.type === T.ObjectExpression ? obj.parent : undefined;
  if (prop?.type !== T.Property || prop.value !== obj || prop.computed) return false;
  const options = prop.parent;
  const call = options?.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== options) return false;
  const name = calleeName(call);
  return name !== null && REDUX_SLICE_FACTORIES.get(name) === propertyKeyName(prop) && moduleExportName(file, call.callee, REDUX_TOOLKIT_MODULES) === name;
}

/** Redux Toolkit's `createAsyncThunk(type, payloadCreator)` (also `createAsyncThunk.withTypes<…>()(…)`): the payload creator's index, else -1. */
export function dispatchCallbackIndex(file: FileIndex, call: TSESTree.CallExpression): number {
  let callee = unwrap(call.callee);
  if (callee?.type === T.CallExpression && calledMember(callee)?.name === 'withTypes') callee = unwrap(calledMember(callee)!.member.object);
  const name = callee?.type === T.Identifier ? callee.name : callee?.type === T.MemberExpression ? memberName(callee) : null;
  const index = name === null ? undefined : REDUX_DISPATCH_CALLBACKS.get(name);
  return index !== undefined && moduleExportName(file, callee!, REDUX_TOOLKIT_MODULES) === name ? index : -1;
}

/**
 * The expressions that name `fn` elsewhere in its file: the references of its binding (`function f`,
 * `const f = () => …`, `const f = useCallback(() => …, deps)` of React) and, for a class method, the
 * `this.f` of its class; `f.bind(…)` stands for `f`.
 */
function namedUses(file: FileIndex, fn: FunctionNode): Node[] {
  const out: Node[] = [];
  const bound = (n: Node): Node => {
    const m = n.parent;
    const call = m?.type === T.MemberExpression && m.object === n && memberName(m) === 'bind' ? m.parent : undefined;
    return call?.type === T.CallExpression && call.callee === m ? call : n;
  };
  let holder: Node = fn;
  const p = fn.parent;
  if (p?.type === T.CallExpression && p.arguments[0] === fn) {
    const hook = calleeName(p);
    if (hook === null || !CALLBACK_HOOKS.has(hook) || moduleExportName(file, p.callee, REACT_MODULES) !== hook) return out;
    holder = p;
  }
  let id: TSESTree.Identifier | null = null;
  if (fn.type === T.FunctionDeclaration) id = fn.id;
  else if (holder.parent?.type === T.VariableDeclarator && holder.parent.init === holder && holder.parent.id.type === T.Identifier) id = holder.parent.id;
  if (id) {
    for (const r of file.variableOf(id)?.references ?? []) if (!r.init) out.push(bound(r.identifier));
    return out;
  }
  const m = holder.parent;
  if ((m?.type === T.MethodDefinition || m?.type === T.PropertyDefinition) && m.value === holder && !m.static && m.parent.type === T.ClassBody) {
    const name = propertyKeyName(m);
    if (name !== null) for (const u of file.fieldOf(m.parent.parent as never, name)?.uses ?? []) out.push(bound(u));
  }
  return out;
}

/** `'/predict'`, `` `/items/${id}` ``: a route path. */
export function isPathLiteral(n: Node | undefined): boolean {
  const u = unwrap(n);
  if (u?.type === T.Literal) return typeof u.value === 'string' && u.value.startsWith('/');
  return u?.type === T.TemplateLiteral && (u.quasis[0]?.value.cooked ?? '').startsWith('/');
}

/**
 * How often a serverless or edge entry point runs (src/facts/tfjs-api.ts, EXPORTED_HANDLERS and
 * WORKER_HANDLERS): `export const handler = async (event) => …`, `exports.handler = …`,
 * `export async function handler(…)`, the `fetch`/`scheduled` members of `export default { … }`, and the
 * `fetch` of `Bun.serve({ fetch(req) { … } })`.
 */
/** An exported entry point by name: `handler` anywhere; `GET`, `POST`, … in a route module (Next.js `route.ts`, SvelteKit `+server.ts`). */
function exportedHandlerFrequency(file: FileIndex, name: string): RepeatFrequency | null {
  return EXPORTED_HANDLERS.get(name) ?? (ROUTE_MODULE_HANDLERS.has(name) && ROUTE_MODULE_FILE.test(file.filename ?? '') ? 'event' : null);
}

export function entryPointFrequency(file: FileIndex, fn: FunctionNode): RepeatFrequency | null {
  const p = fn.parent;
  // export async function handler(event) { … }; `export async function POST(request)` of a route module
  if (fn.type === T.FunctionDeclaration && fn.id && p?.type === T.ExportNamedDeclaration) return exportedHandlerFrequency(file, fn.id.name);
  // export const handler = async (event) => …
  if (p?.type === T.VariableDeclarator && p.init === fn && p.id.type === T.Identifier && p.parent?.parent?.type === T.ExportNamedDeclaration) {
    return exportedHandlerFrequency(file, p.id.name);
  }
  // exports.handler = …, module.exports.handler = …
  if (p?.type === T.AssignmentExpression && p.right === fn && p.left.type === T.MemberExpression) {
    const obj = unwrap(p.left.object);
    const isExports =
      (obj?.type === T.Identifier && obj.name === 'exports' && !file.variableOf(obj)?.defs.length) ||
      (obj?.type === T.MemberExpression && memberName(obj) === 'exports' && unwrap(obj.object)?.type === T.Identifier && (unwrap(obj.object) as TSESTree.Identifier).name === 'module');
    return isExports ? (EXPORTED_HANDLERS.get(memberName(p.left) ?? '') ?? null) : null;
  }
  // `fetch(request, env) { … }` in `export default { … }` or in `Bun.serve({ … })`
  if (p?.type === T.Property && p.value === fn && !p.computed) {
    const key = propertyKeyName(p);
    const object = p.parent;
    const holder = object?.parent;
    if (key === null || object?.type !== T.ObjectExpression) return null;
    if (holder?.type === T.ExportDefaultDeclaration) return WORKER_HANDLERS.get(key) ?? null;
    if (holder?.type === T.CallExpression && holder.arguments[0] === object && key === 'fetch') {
      const m = calledMember(holder);
      if (m?.name === 'serve' && isGlobalNamed(file, m.member.object, 'Bun')) return 'event';
    }
  }
  return null;
}
