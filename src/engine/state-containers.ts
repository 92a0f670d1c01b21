/**
 * Values kept in front-end state containers: a zustand store, a Solid signal, resource or store, an RxJS
 * subject, an Angular signal.
 *
 * - zustand (`create` / `createStore` from 'zustand', 'zustand/vanilla', through the middlewares of
 *   src/facts/state-containers.ts, and the curried `create<State>()(fn)`): the state is what the creator
 *   `(set, get, api) => ({ … })` returns. Property `key` of the state may hold the initial object's value,
 *   every value given to `key` by `set({ … })`, `set((s) => ({ … }))`, an immer draft write `s.key = v`,
 *   `api.setState(…)` in the creator, and `useStore.setState(…)` in the store's module; its declared type is
 *   `key`'s member of the store's type argument (`create<State>()`). The state is read by `get()` and
 *   `api.getState()` inside the creator, and by `useStore.getState()`, `useStore()`, a selector's parameter
 *   (`useStore((s) => s.model)`, also destructured), `useStore(vanillaStore, (s) => …)`, and `subscribe`
 *   listeners, in the store's module and in modules that import the store.
 * - Solid: a signal getter `value()` of `const [value, setValue] = createSignal<T>(initial)` returns the
 *   initial value or any value given to the setter (`setValue(v)`, `setValue(() => v)`), declared `T`; a
 *   resource getter `data()` (also `data.latest`) of `createResource(source?, fetcher)` returns the awaited
 *   result of the fetcher (or a `mutate(v)` value); `state.key` of `const [state, setState] = createStore(init)`
 *   (or `createMutable(init)`) holds `init.key` and every value of `setState('key', v)`, `setState({ key: v })`,
 *   `setState(produce((s) => { s.key = v; }))`, `state.key = v`.
 * - RxJS (`new BehaviorSubject<T>(initial)`, also `Subject` / `ReplaySubject` / `AsyncSubject`, from 'rxjs'), kept
 *   in a binding or a class field written once: its value is the initial one and every `next(v)` of its
 *   module, declared `T` (or the type argument of the holder's annotation, `model$: BehaviorSubject<T>`); it is
 *   read by `getValue()`, `.value`, `await firstValueFrom(…)` / `lastValueFrom(…)`, the parameter of
 *   `subscribe((m) => …)` (or `{ next }`) and of the operator callbacks of `pipe(…)` up to and including the
 *   first operator that changes the values (`pipe(filter(Boolean), map((m) => …))`), also through
 *   `asObservable()` and a field written once with such a pipe, and in another module through the field of
 *   an injected or constructed service (`this.registry.model$.value`).
 * - Angular (`signal<T>(initial)`, `computed(fn)` from '@angular/core'): the getter call `model()` gives the
 *   initial value or any value of `model.set(v)` / `model.update((m) => v)` in its module (a `computed`, what
 *   `fn` returns).
 *
 * A value is known the way the resolver knows a binding written several times: every origin must agree
 * (`null`/`undefined` writes aside), and a declared tfjs type is the type, the writes adding which layers the
 * model has when they agree with it. A write the engine cannot see (a setter passed to other code, a spread
 * of an unknown object) leaves only the declared type. Functions count only when imported from the modules
 * of the tables: a user's own `create()` or `createSignal()` is not followed.
 *
 * A subject or signal handed to other code (`register(model$)`) may be written there: then only its declared
 * type counts; `next()` / `set()` calls of other modules are not followed.
 *
 * Cost: a file whose text never names zustand, solid-js, rxjs or @angular/core is not searched for stores,
 * subjects or signals (a `getValue()` / `.value` / `subscribe` read of a field of another module's service is
 * looked up there when that module names one); its imported bindings
 * are followed into their module only when that module's text names one of them (or re-exports), once per
 * binding. Everything is memoised per variable and per store.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMember, isFunction, memberName, propertyKeyName, unwrap, type FunctionNode, type Node } from './ast.js';
import { isNullish, originsOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import { memberType } from './declared-types.js';
import { foreignIndex, importedInstanceClass, importedReturnKind, importSpec, isModuleImport, lookupExport } from './modules.js';
import { readModuleText, resolveModule, specifiersOfFile } from './module-resolve.js';
import {
  DRAFT_PRODUCERS,
  FIRST_VALUE_FUNCTIONS,
  LOADER_FETCHERS,
  NG_COMPUTED_CREATORS,
  NG_SIGNAL_CREATORS,
  NG_SIGNAL_READ_ONLY_MEMBERS,
  NG_SIGNAL_WRITERS,
  OBSERVABLE_LISTENERS,
  READING_FUNCTIONS,
  RESOURCE_CREATORS,
  SIGNAL_CREATORS,
  SOLID_STORE_CREATORS,
  STATE_GETTERS,
  STATE_LISTENERS,
  STATE_MERGING_MIDDLEWARES,
  STATE_MODULE_WORDS,
  STATE_CREATOR_TYPES,
  STATE_SETTERS,
  STORE_CREATORS,
  STORE_MIDDLEWARES,
  STORE_READ_ONLY_METHODS,
  STORE_READING_HOOKS,
  SUBJECT_CLASSES,
  SUBJECT_READ_ONLY_MEMBERS,
  SUBJECT_VALUE_METHODS,
  SUBJECT_VALUE_PROPERTIES,
  SUBJECT_WRITERS,
  VALUE_CALLBACK_OPERATORS,
  VALUE_HOLDER_TYPES,
  VALUE_KEEPING_OPERATORS,
} from '../facts/state-containers.js';

type TypeNode = TSESTree.TypeNode;

/** A zustand store, made by `create(…)` in its home module. */
interface ZustandStore {
  readonly type: 'zustand';
  readonly home: FileIndex;
  /** The outermost call (`create<S>()(fn)`): the store's identity. */
  readonly call: TSESTree.CallExpression;
  /** The creator `(set, get, api) => ({ … })`; null when a wrapper the engine does not know hides it. */
  readonly creator: FunctionNode | null;
  /** Initial states given to a merging middleware (`combine({ … }, fn)`). */
  readonly initial: readonly Node[];
  readonly stateType: TypeNode | null;
  /** The binding the store is kept in (`const useTrainer = create(…)`), when there is one. */
  readonly binding: Scope.Variable | null;
}

/** A Solid store: `const [state, setState] = createStore(init)`, or `const state = createMutable(init)`. */
interface SolidStore {
  readonly type: 'solid';
  readonly home: FileIndex;
  readonly call: TSESTree.CallExpression;
  readonly state: Scope.Variable;
  readonly setter: Scope.Variable | null;
  readonly mutable: boolean;
  /** The setter (or a mutable state) is exported (`export const [state, setState] = createStore(…)`): other modules may write. */
  readonly open: boolean;
}

type Holder = ZustandStore | SolidStore;

/**
 * One value: a Solid signal or resource (read by calling its getter), an RxJS subject (`new BehaviorSubject(v)`,
 * read by `getValue()`, `.value`, `firstValueFrom` and its subscribers), an Angular signal or computed (read by
 * calling it).
 */
interface Cell {
  readonly type: 'signal' | 'resource' | 'subject' | 'ng-signal' | 'computed';
  readonly home: FileIndex;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The setter (signal) or `mutate` (resource); null when there is none (subjects and Angular signals are written through their methods). */
  readonly setter: Scope.Variable | null;
  /** Something else may write the value (`const [data, actions] = createResource(…)`). */
  readonly open: boolean;
  /** A subject or Angular signal: the binding or class field that keeps it (its uses write or read it). */
  readonly holder?: BoxHolder;
  /** The type argument of the holder's annotation (`model$: BehaviorSubject<tf.LayersModel | null>`). */
  readonly annotated?: TypeNode | null;
}

/** Where a subject or an Angular signal is kept: a binding (`const model$ = new BehaviorSubject(…)`) or a class field. */
type BoxHolder = { readonly type: 'variable'; readonly v: Scope.Variable } | { readonly type: 'field'; readonly cls: ClassNode; readonly name: string };

/** What a binding is to this module. */
type Binding =
  | { readonly type: 'store' | 'set' | 'get' | 'api'; readonly store: ZustandStore }
  | { readonly type: 'state'; readonly holder: Holder }
  | { readonly type: 'getter'; readonly cell: Cell }
  | { readonly type: 'subject'; readonly cell: Cell };

type Imported = { readonly module: string; readonly name: string };

const IN_PROGRESS = Symbol('in-progress');
/** A depth bound for middleware chains and creator lookups (cycles end). */
const MAX_WRAPPERS = 8;
/** A module re-exporting others may pass on a store it does not create. */
const REEXPORTS = /\bexport\s*\*|\bexport\s*\{[^}]*\}\s*from\b|\brequire\s*\(\s*['"]\./;

// ------------------------------------------------------------------------------------------ hooks of the resolver

/**
 * `obj.<key>` where `obj` holds a store's state (`get().model`, `useTrainer.getState().model`, `s.model` in a
 * selector, `state.model` of a Solid store), or `data.latest` of a Solid resource: what the property holds.
 * Undefined when `obj` is no such thing (the resolver goes on).
 */
export function statePart(file: FileIndex, obj: Node | null, key: string): ValueInfo | null | undefined {
  const holder = holderOf(file, obj);
  if (holder) return slotKind(holder, key);
  // `model$.value` of a BehaviorSubject (`this.registry.model$.value` of an injected service)
  if (SUBJECT_VALUE_PROPERTIES.has(key)) {
    const box = boxOf(file, obj, true);
    if (box?.type === 'subject') return cellKind(box);
  }
  if (key === 'latest') {
    const o = unwrap(obj);
    const b = o?.type === T.Identifier ? bindingOfId(file, o) : null;
    if (b?.type === 'getter' && b.cell.type === 'resource') return cellKind(b.cell);
  }
  return undefined;
}

/**
 * A name destructured from a store's state: `const { model, optimizer } = get()`, `const { model } =
 * useTrainer()`, `useTrainer(({ model }) => model)`. Undefined when the variable is no such name.
 */
export function statePartOfVariable(file: FileIndex, v: Scope.Variable): ValueInfo | null | undefined {
  if (v.defs.length !== 1) return undefined;
  const def = v.defs[0]!;
  // `model$.subscribe((m) => …)`, `model$.pipe(filter(Boolean), map((m) => …))`: each value of the subject
  if (def.type === 'Parameter' && isFunction(def.node) && def.node.params[0] === def.name && !v.references.some((r) => r.isWrite() && !r.init)) {
    const box = observedByCallback(file, def.node);
    if (box) return cellKind(box);
  }
  let prop: Node | undefined = def.name.parent;
  if (prop?.type === T.AssignmentPattern && prop.left === def.name) prop = prop.parent;
  if (prop?.type !== T.Property || prop.computed || prop.parent?.type !== T.ObjectPattern) return undefined;
  const pattern = prop.parent;
  const key = propertyKeyName(prop);
  if (key === null) return undefined;
  let holder: Holder | null = null;
  if (def.type === 'Variable' && def.node.id === pattern && def.node.init) {
    if (def.node.parent?.kind !== 'const' && v.references.filter((r) => r.isWrite()).length !== 1) return undefined;
    holder = holderOf(file, def.node.init);
  } else if (def.type === 'Parameter' && isFunction(def.node)) {
    const i = def.node.params.indexOf(pattern);
    if (i >= 0 && !v.references.some((r) => r.isWrite() && !r.init)) holder = holderOfParameter(file, def.node, i);
  }
  return holder ? slotKind(holder, key) : undefined;
}

/**
 * A call that reads a container: a Solid signal or resource getter (`model()`), or a zustand hook with a
 * selector (`useTrainer((s) => s.model)`, `useStore(store, (s) => s.model)`). Undefined for any other call.
 */
export function heldByCall(file: FileIndex, call: TSESTree.CallExpression): ValueInfo | null | undefined {
  const callee = unwrap(call.callee);
  if (callee?.type === T.MemberExpression) {
    // `this.model$.getValue()` of a BehaviorSubject; `this.model()` of an Angular signal or computed
    const m = calledMember(call);
    if (m && SUBJECT_VALUE_METHODS.has(m.name) && call.arguments.length === 0) {
      const box = boxOf(file, m.member.object, true);
      if (box?.type === 'subject') return cellKind(box);
    }
    if (!mentionsStateModule(file)) return undefined;
    const box = boxOf(file, callee, true);
    return box && (box.type === 'ng-signal' || box.type === 'computed') ? cellKind(box) : undefined;
  }
  if (callee?.type !== T.Identifier) return undefined;
  const b = bindingOfId(file, callee);
  if (b?.type === 'getter') return cellKind(b.cell);
  // `await firstValueFrom(model$)`, `firstValueFrom(model$.pipe(filter(Boolean)))`: a promise of the subject's value
  if (!b && call.arguments.length >= 1 && mentionsStateModule(file) && inTable(FIRST_VALUE_FUNCTIONS, importedName(file, callee))) {
    const box = observed(file, call.arguments[0], 0);
    if (!box) return null;
    const k = cellKind(box);
    return k ? { ...k, promise: true } : null;
  }
  if (b?.type === 'store') {
    // the whole state (`useTrainer()`) is no tfjs value; a selector gives what it returns
    const selector = unwrap(call.arguments[0]);
    return isFunction(selector) ? file.returnKind(selector) : null;
  }
  if (b || call.arguments.length < 2 || !mentionsStateModule(file)) return undefined;
  const selector = unwrap(call.arguments[1]);
  if (!isFunction(selector) || !inTable(STORE_READING_HOOKS, importedName(file, callee)) || !storeOf(file, call.arguments[0])) return undefined;
  return file.returnKind(selector);
}

// ------------------------------------------------------------------------------------------ bindings

const gates = new WeakMap<FileIndex, boolean>();

/** Does the file's text name a state-container package at all (the per-file gate)? */
function mentionsStateModule(file: FileIndex): boolean {
  let g = gates.get(file);
  if (g === undefined) {
    const text = file.sourceCode.text;
    g = STATE_MODULE_WORDS.some((w) => text.includes(w));
    gates.set(file, g);
  }
  return g;
}

function inTable(table: ReadonlyMap<string, ReadonlySet<string> | ReadonlyMap<string, number>>, ref: Imported | null): boolean {
  return !!ref && !!table.get(ref.module)?.has(ref.name);
}

/** `x` bound by `import { name } from 'module'` (`default` / `*` for default and namespace imports) or `require`. */
function importedName(file: FileIndex, expr: Node | null | undefined): Imported | null {
  const e = unwrap(expr);
  if (e?.type === T.MemberExpression) {
    // `zustand.create` of `import * as zustand from 'zustand'` / `const zustand = require('zustand')`
    const name = memberName(e);
    const obj = unwrap(e.object);
    const whole = name !== null && obj?.type === T.Identifier ? importOfBinding(file, obj) : null;
    return whole?.name === '*' ? { module: whole.module, name: name! } : null;
  }
  return e?.type === T.Identifier ? importOfBinding(file, e) : null;
}

function importOfBinding(file: FileIndex, id: TSESTree.Identifier): Imported | null {
  const v = file.variableOf(id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type === 'ImportBinding') {
    const decl = def.parent;
    if (decl?.type !== T.ImportDeclaration) return null;
    const spec = def.node;
    const module = decl.source.value;
    if (spec.type === T.ImportSpecifier) return { module, name: spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value) };
    return { module, name: spec.type === T.ImportDefaultSpecifier ? 'default' : '*' };
  }
  if (def?.type !== 'Variable' || (def.node.parent?.kind !== 'const' && v!.references.filter((r) => r.isWrite()).length !== 1)) return null;
  const init = unwrap(def.node.init);
  // `const create = require('zustand').create`
  const member = init?.type === T.MemberExpression ? memberName(init) : null;
  const module = requiredModule(member !== null ? (init as TSESTree.MemberExpression).object : init);
  if (module === null) return null;
  if (def.node.id === def.name) return { module, name: member ?? '*' };
  // `const { create } = require('zustand')`
  if (member !== null || def.node.id.type !== T.ObjectPattern) return null;
  for (const p of def.node.id.properties) {
    if (p.type !== T.Property) continue;
    const value = p.value.type === T.AssignmentPattern ? p.value.left : p.value;
    if (value === def.name) {
      const key = propertyKeyName(p);
      return key === null ? null : { module, name: key };
    }
  }
  return null;
}

/** `require('<module>')` → the module. */
function requiredModule(n: Node | null | undefined): string | null {
  const u = unwrap(n);
  if (u?.type !== T.CallExpression || u.arguments.length !== 1) return null;
  const c = unwrap(u.callee);
  const a = u.arguments[0];
  return c?.type === T.Identifier && c.name === 'require' && a?.type === T.Literal && typeof a.value === 'string' ? a.value : null;
}

const bindings = new WeakMap<Scope.Variable, Binding | null | typeof IN_PROGRESS>();

function bindingOfId(file: FileIndex, id: TSESTree.Identifier): Binding | null {
  const v = file.variableOf(id);
  return v ? bindingOf(file, v) : null;
}

function bindingOf(file: FileIndex, v: Scope.Variable): Binding | null {
  const cached = bindings.get(v);
  if (cached === IN_PROGRESS) return null;
  if (cached !== undefined) return cached;
  bindings.set(v, IN_PROGRESS);
  let result: Binding | null = null;
  try {
    result = computeBinding(file, v);
  } finally {
    bindings.set(v, result);
  }
  return result;
}

function computeBinding(file: FileIndex, v: Scope.Variable): Binding | null {
  if (v.defs.length !== 1) return null;
  const def = v.defs[0]!;
  // a store, a Solid store's state or a getter exported by another module of the project
  if (def.type === 'ImportBinding' || (def.type === 'Variable' && isModuleImport(file, v))) return importedBinding(file, v);
  if (def.type === 'Parameter') return parameterBinding(file, def.node, def.name);
  if (def.type !== 'Variable') return null;
  const decl = def.node;
  const init = unwrap(decl.init);
  if (!init || (decl.parent?.kind !== 'const' && v.references.filter((r) => r.isWrite()).length !== 1)) return null;
  if (decl.id === def.name) {
    // `const s = get()`, `const s = useTrainer.getState()`
    const holder = holderOf(file, init);
    if (holder) return { type: 'state', holder };
    if (!mentionsStateModule(file)) return null;
    // `const model$ = new BehaviorSubject(…)`, `const model = signal(…)` (Angular)
    const box = boxOfCreation(file, init, { type: 'variable', v }, def.name.typeAnnotation?.typeAnnotation);
    if (box) return box.type === 'subject' ? { type: 'subject', cell: box } : { type: 'getter', cell: box };
    if (init.type !== T.CallExpression) return null;
    const store = zustandStoreOf(file, init);
    if (store) return { type: 'store', store };
    const made = importedName(file, init.callee);
    if (made?.name === 'createMutable' && inTable(SOLID_STORE_CREATORS, made)) {
      const open = decl.parent?.parent?.type === T.ExportNamedDeclaration; // other modules may write `state.key`
      return { type: 'state', holder: { type: 'solid', home: file, call: init, state: v, setter: null, mutable: true, open } };
    }
    return null;
  }
  // `const [model, setModel] = createSignal(…)`, `const [data, { mutate }] = createResource(…)`, `const [state, setState] = createStore(…)`
  if (!mentionsStateModule(file) || decl.id.type !== T.ArrayPattern || decl.id.elements[0] !== def.name || init.type !== T.CallExpression) return null;
  const made = importedName(file, init.callee);
  const second = decl.id.elements[1] ?? null;
  const setterOf = (n: Node | null): Scope.Variable | null => (n?.type === T.Identifier ? file.variableOf(n) : null);
  // `export const [model, setModel] = createSignal()`: other modules may call the setter
  const exported = !!second && decl.parent?.parent?.type === T.ExportNamedDeclaration;
  if (inTable(SIGNAL_CREATORS, made)) return { type: 'getter', cell: { type: 'signal', home: file, call: init, setter: setterOf(second), open: exported } };
  if (inTable(RESOURCE_CREATORS, made)) {
    // `[data, { mutate, refetch }]`: only `mutate` writes; a whole actions object may be used anywhere
    let mutate: Scope.Variable | null = null;
    if (second?.type === T.ObjectPattern) {
      for (const p of second.properties) if (p.type === T.Property && propertyKeyName(p) === 'mutate') mutate = setterOf(p.value);
    }
    return { type: 'getter', cell: { type: 'resource', home: file, call: init, setter: mutate, open: exported || (!!second && second.type !== T.ObjectPattern) } };
  }
  if (made?.name === 'createStore' && inTable(SOLID_STORE_CREATORS, made)) {
    return { type: 'state', holder: { type: 'solid', home: file, call: init, state: v, setter: setterOf(second), mutable: false, open: exported } };
  }
  return null;
}

/** A store, a Solid state or a getter that another module of the project exports (`import { useTrainer } from './stores'`). */
function importedBinding(file: FileIndex, v: Scope.Variable): Binding | null {
  const spec = importSpec(file, v);
  // a namespace or a whole CommonJS module (`\0`-named) is an object of exports, not a store
  if (!spec || spec.name.startsWith('\0') || !file.filename) return null;
  // no parse unless the module (or one it re-exports, two levels) names a state package
  const path = resolveModule(file.filename, spec.specifier);
  if (!path || path === file.filename || !mayExportState(path, 2)) return null;
  const index = foreignIndex(file, spec.specifier);
  const t = index ? lookupExport(index, spec.name) : null;
  const node = t ? unwrap(t.node) : null;
  if (!t || !node) return null;
  // `export default create((set) => …)`
  if (node.type === T.CallExpression) {
    const store = mentionsStateModule(t.index) ? zustandStoreOf(t.index, node) : null;
    return store ? { type: 'store', store } : null;
  }
  const hv = node.type === T.Identifier ? t.index.variableOf(node) : null;
  const b = hv ? bindingOf(t.index, hv) : null;
  return b && (b.type === 'store' || b.type === 'state' || b.type === 'getter' || b.type === 'subject') ? b : null;
}

const stateTexts = new Map<string, { readonly text: string; readonly result: boolean }>();

/** May the module at `path` export a store, a Solid state or a getter: does its text, or that of a module it re-exports, name a state package? */
function mayExportState(path: string, depth: number): boolean {
  const text = readModuleText(path);
  if (text === null) return false;
  const cached = stateTexts.get(path);
  if (cached && cached.text === text) return cached.result;
  let result = STATE_MODULE_WORDS.some((w) => text.includes(w));
  if (!result && depth > 0 && REEXPORTS.test(text)) {
    result = specifiersOfFile(path, text).some((s) => {
      const next = resolveModule(path, s);
      return next !== null && next !== path && mayExportState(next, depth - 1);
    });
  }
  // a negative answer cut short by the depth is not kept (a question from nearer may look further)
  if (result || depth === 2) {
    if (stateTexts.size >= 64) stateTexts.clear();
    stateTexts.set(path, { text, result });
  }
  return result;
}

/** A parameter that receives a store's state (a selector's), or the `set` / `get` / `api` of a zustand creator. */
function parameterBinding(file: FileIndex, fn: Node, name: Node): Binding | null {
  if (!isFunction(fn)) return null;
  const index = fn.params.indexOf(name as TSESTree.Parameter);
  if (index < 0) return null;
  const holder = holderOfParameter(file, fn, index);
  if (holder) return { type: 'state', holder };
  if (index > 2 || !mentionsStateModule(file)) return null;
  const store = storeOfCreator(file, fn);
  return store ? { type: index === 0 ? 'set' : index === 1 ? 'get' : 'api', store } : null;
}

/**
 * The state a function's parameter receives: a selector of a store hook (`useTrainer((s) => …)`,
 * `useStore(store, (s) => …)`), a `set((s) => …)` updater, a `setState((s) => …)` or `subscribe((s, prev) => …)`.
 */
function holderOfParameter(file: FileIndex, fn: FunctionNode, index: number): Holder | null {
  const call = fn.parent;
  if (call?.type !== T.CallExpression) return null;
  const at = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  if (at < 0) return null;
  const callee = unwrap(call.callee);
  if (callee?.type === T.Identifier) {
    const b = bindingOfId(file, callee);
    if (b && (b.type === 'store' || b.type === 'set')) return at === 0 && index === 0 ? b.store : null;
    if (b || at !== 1 || index !== 0 || !mentionsStateModule(file)) return null;
    return inTable(STORE_READING_HOOKS, importedName(file, callee)) ? storeOf(file, call.arguments[0]) : null;
  }
  const m = calledMember(call);
  if (!m || at !== 0) return null;
  if (!(STATE_LISTENERS.has(m.name) ? index <= 1 : STATE_SETTERS.has(m.name) && index === 0)) return null;
  return storeOf(file, m.member.object);
}

/** The zustand store an expression names: a store binding (`useTrainer`, a vanilla store) or the creator's `api`. */
function storeOf(file: FileIndex, expr: Node | null | undefined): ZustandStore | null {
  const e = unwrap(expr);
  const b = e?.type === T.Identifier ? bindingOfId(file, e) : null;
  return b && (b.type === 'store' || b.type === 'api') ? b.store : null;
}

/** The store whose state an expression holds: `get()`, `api.getState()`, `useTrainer.getState()`, `useTrainer()`, a binding of one. */
function holderOf(file: FileIndex, expr: Node | null | undefined): Holder | null {
  const e = unwrap(expr);
  if (e?.type === T.Identifier) {
    const b = bindingOfId(file, e);
    return b?.type === 'state' ? b.holder : null;
  }
  if (e?.type !== T.CallExpression) return null;
  const callee = unwrap(e.callee);
  if (callee?.type === T.Identifier) {
    const b = bindingOfId(file, callee);
    if (b?.type === 'get') return b.store;
    return b?.type === 'store' && e.arguments.length === 0 ? b.store : null;
  }
  const m = calledMember(e);
  return m && STATE_GETTERS.has(m.name) ? storeOf(file, m.member.object) : null;
}

// ------------------------------------------------------------------------------------------ zustand stores

const stores = new WeakMap<TSESTree.CallExpression, ZustandStore | null>();

/** `create(fn)`, `create<S>()(fn)`, `createStore(devtools(persist(fn, opts)))` with the functions from zustand. */
function zustandStoreOf(file: FileIndex, call: TSESTree.CallExpression): ZustandStore | null {
  let s = stores.get(call);
  if (s === undefined) {
    s = computeStore(file, call);
    stores.set(call, s);
  }
  return s;
}

function computeStore(file: FileIndex, call: TSESTree.CallExpression): ZustandStore | null {
  const callee = unwrap(call.callee);
  let typed: TSESTree.CallExpression;
  if (callee?.type === T.CallExpression && callee.arguments.length === 0 && inTable(STORE_CREATORS, importedName(file, callee.callee))) typed = callee;
  else if (call.arguments.length > 0 && inTable(STORE_CREATORS, importedName(file, callee))) typed = call;
  else return null;
  const initial: Node[] = [];
  let creator: FunctionNode | null = null;
  let annotated: TypeNode | null = null;
  let arg: Node | null | undefined = call.arguments[0];
  for (let depth = 0; depth < MAX_WRAPPERS; depth++) {
    const a = unwrap(arg);
    if (isFunction(a)) {
      creator = a;
      break;
    }
    if (a?.type === T.Identifier) {
      creator = file.functionOfIdentifier(a);
      // `const creator: StateCreator<S> = …`: the state type of the creator's annotation
      const def = file.variableOf(a)?.defs[0];
      const t = def?.type === 'Variable' ? def.node.id.typeAnnotation?.typeAnnotation : undefined;
      if (t?.type === T.TSTypeReference && inTable(STATE_CREATOR_TYPES, importedName(file, t.typeName.type === T.Identifier ? t.typeName : null))) {
        annotated = t.typeArguments?.params[0] ?? null;
      }
      break;
    }
    if (a?.type !== T.CallExpression) break;
    const m = importedName(file, a.callee);
    const at = m ? STORE_MIDDLEWARES.get(m.module)?.get(m.name) : undefined;
    if (at === undefined) break; // a wrapper of the user's: its creator's writes are not visible
    if (inTable(STATE_MERGING_MIDDLEWARES, m) && a.arguments[0]) initial.push(a.arguments[0]);
    arg = a.arguments[at];
  }
  const decl = call.parent;
  const binding = decl?.type === T.VariableDeclarator && decl.init === call && decl.id.type === T.Identifier ? file.variableOf(decl.id) : null;
  return { type: 'zustand', home: file, call, creator, initial, stateType: typed.typeArguments?.params[0] ?? annotated, binding };
}

/** The store whose creator `fn` is (`create((set, get) => …)`, through its middlewares). */
function storeOfCreator(file: FileIndex, fn: FunctionNode): ZustandStore | null {
  // `const creator: StateCreator<S> = (set, get) => ({ … }); create(creator)`: from each call it is passed to
  const decl = fn.parent;
  if (decl?.type === T.VariableDeclarator && decl.init === fn && decl.id.type === T.Identifier) {
    for (const r of file.variableOf(decl.id)?.references ?? []) {
      const store = r.init ? null : storeAround(file, r.identifier, fn);
      if (store) return store;
    }
    return null;
  }
  return storeAround(file, fn, fn);
}

/** The store made by the calls around `start` (the creator itself, or a reference to it), when `fn` is its creator. */
function storeAround(file: FileIndex, start: Node, fn: FunctionNode): ZustandStore | null {
  let n: Node = start;
  for (let depth = 0; depth < MAX_WRAPPERS; depth++) {
    let p: Node | undefined = n.parent;
    while (p && (p.type === T.TSAsExpression || p.type === T.TSSatisfiesExpression || p.type === T.TSNonNullExpression)) {
      n = p;
      p = p.parent;
    }
    if (p?.type !== T.CallExpression || !p.arguments.includes(n as TSESTree.CallExpressionArgument)) return null;
    const store = zustandStoreOf(file, p);
    if (store) return store.creator === fn ? store : null;
    n = p;
  }
  return null;
}

/** What may reach property `key` of a store's state, and its declared types. */
interface Slot {
  /** Null: a write the engine cannot see. */
  sources: Node[] | null;
  readonly declared: TypeNode[];
  /** The property is a method (`init() {…}`): never a tfjs value. */
  method: boolean;
}

function zustandSlot(store: ZustandStore, key: string): Slot {
  const home = store.home;
  const slot: Slot = { sources: [], declared: [], method: false };
  const t = store.stateType ? memberType(home, store.stateType, key) : null;
  if (t) slot.declared.push(t);
  const creator = store.creator;
  if (!creator) {
    slot.sources = null;
    return slot;
  }
  for (const o of [...store.initial, ...home.returnedOf(creator)]) objectWrites(home, o, key, slot, true);
  const [setParam, , apiParam] = creator.params;
  // `set({ key: v })`, `set((s) => ({ key: v }))`; `set` handed to other code may write anything
  if (setParam) {
    const v = setParam.type === T.Identifier ? home.variableOf(setParam) : null;
    if (!v) slot.sources = null;
    for (const r of v?.references ?? []) {
      const p = r.identifier.parent;
      if (p?.type === T.CallExpression && p.callee === r.identifier) writesOf(home, p.arguments[0], key, slot);
      else slot.sources = null;
    }
  }
  // `api.setState(…)` inside the creator, `useTrainer.setState(…)` in the store's module
  const apiVar = apiParam?.type === T.Identifier ? home.variableOf(apiParam) : null;
  if (apiParam && !apiVar) slot.sources = null;
  for (const v of [apiVar, store.binding]) {
    for (const r of v?.references ?? []) {
      if (r.init) continue;
      const p = r.identifier.parent;
      const name = p?.type === T.MemberExpression && p.object === r.identifier ? memberName(p) : null;
      const call = p?.parent;
      if (name !== null && STATE_SETTERS.has(name) && call?.type === T.CallExpression && call.callee === p) writesOf(home, call.arguments[0], key, slot);
      else if (v === apiVar && !(name !== null && STORE_READ_ONLY_METHODS.has(name))) slot.sources = null;
    }
  }
  return slot;
}

/**
 * `{ …, key: v }` of an initial state or a `set` argument: `v` is a source (a cast on a `null` value, as in
 * `model: null as tf.Sequential | null`, is its declared type); a spread after which `key` is not written
 * may hold anything.
 */
function objectWrites(home: FileIndex, expr: Node | null | undefined, key: string, slot: Slot, initial = false): void {
  const o = unwrap(expr);
  if (!o || isNullish(o)) return;
  if (o.type === T.ConditionalExpression) {
    objectWrites(home, o.consequent, key, slot, initial);
    objectWrites(home, o.alternate, key, slot, initial);
    return;
  }
  const c = o.type === T.ObjectExpression ? null : home.containerOf(o);
  const literal = o.type === T.ObjectExpression ? o : c?.type === 'object' ? c.node : null;
  if (!literal) {
    slot.sources = null;
    return;
  }
  let last: Node | 'spread' | null = null;
  for (const p of literal.properties) {
    if (p.type === T.SpreadElement) last = 'spread';
    else if (propertyKeyName(p) === key) {
      if (p.method || p.kind !== 'init' || isFunction(unwrap(p.value))) {
        if (initial) slot.method = true;
        else slot.sources = null;
        return;
      }
      last = p.value;
    }
  }
  if (last === 'spread') slot.sources = null;
  else if (last) addSource(slot, last);
}

function addSource(slot: Slot, value: Node): void {
  const u = unwrap(value);
  if (u && isNullish(u)) {
    // `model: null as tf.Sequential | null`: the cast declares what the property holds
    for (let n: Node | null = value; n && n !== u; n = 'expression' in n ? (n.expression as Node) : null) {
      if (n.type === T.TSAsExpression || n.type === T.TSTypeAssertion || n.type === T.TSSatisfiesExpression) slot.declared.push(n.typeAnnotation);
    }
    return;
  }
  slot.sources?.push(value);
}

/** The argument of `set(…)` / `setState(…)`: an object, an updater returning one, an immer draft write, `produce(fn)`. */
function writesOf(home: FileIndex, arg: Node | null | undefined, key: string, slot: Slot): void {
  const a = unwrap(arg);
  if (!a || isNullish(a)) return;
  if (a.type === T.CallExpression && inTable(DRAFT_PRODUCERS, importedName(home, a.callee))) {
    const fn = unwrap(a.arguments[0]);
    if (isFunction(fn)) draftWrites(home, fn, key, slot);
    else slot.sources = null;
    return;
  }
  const fn = isFunction(a) ? a : a.type === T.Identifier ? home.functionOfIdentifier(a) : null;
  if (!fn) {
    objectWrites(home, a, key, slot);
    return;
  }
  draftWrites(home, fn, key, slot);
  for (const r of home.returnedOf(fn)) objectWrites(home, r, key, slot);
}

/** `(s) => { s.key = v; }`: writes of the draft an updater receives (immer, Solid's `produce`). */
function draftWrites(home: FileIndex, fn: FunctionNode, key: string, slot: Slot): void {
  const draft = fn.params[0];
  if (!draft) return;
  const v = draft.type === T.Identifier ? home.variableOf(draft) : null;
  if (!v) {
    slot.sources = null;
    return;
  }
  for (const r of v.references) {
    const m = r.identifier.parent;
    // the draft handed to other code may be written there
    if (m?.type !== T.MemberExpression || m.object !== r.identifier) {
      slot.sources = null;
      continue;
    }
    const a = m.parent;
    if (memberName(m) !== key || a?.type !== T.AssignmentExpression || a.left !== m) continue;
    if (a.operator === '=' || a.operator === '??=' || a.operator === '||=' || a.operator === '&&=') addSource(slot, a.right);
    else slot.sources = null;
  }
}

// ------------------------------------------------------------------------------------------ Solid stores

function solidSlot(store: SolidStore, key: string): Slot {
  const home = store.home;
  const slot: Slot = { sources: store.open ? null : [], declared: [], method: false };
  const t = store.call.typeArguments?.params[0];
  const declared = t ? memberType(home, t, key) : null;
  if (declared) slot.declared.push(declared);
  const init = store.call.arguments[0];
  if (init) objectWrites(home, init, key, slot, true);
  // `setState('key', v)`, `setState('key', (prev) => v)`, `setState({ key: v })`, `setState(produce(…))`
  for (const r of store.setter?.references ?? []) {
    if (r.init) continue;
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) {
      slot.sources = null;
      continue;
    }
    const args = call.arguments;
    const first = unwrap(args[0]);
    if (args.length === 1) writesOf(home, first, key, slot);
    else if (first?.type === T.Literal && typeof first.value === 'string') {
      // a path of more than one key writes inside the value, not the value itself
      if (first.value !== key || args.length > 2) continue;
      const value = unwrap(args[1]);
      const fn = isFunction(value) ? value : value?.type === T.Identifier ? home.functionOfIdentifier(value) : null;
      if (fn) for (const ret of home.returnedOf(fn)) addSource(slot, ret);
      else if (args[1]) addSource(slot, args[1]);
    } else if (args.length > 0) slot.sources = null;
  }
  // `state.key = v` (a mutable store; a plain store's proxy ignores it, but the value says what the code expects)
  for (const r of store.state.references) {
    if (r.init) continue;
    const m = r.identifier.parent;
    if (m?.type !== T.MemberExpression || m.object !== r.identifier) {
      if (store.mutable) slot.sources = null;
      continue;
    }
    const a = m.parent;
    if (memberName(m) === key && a?.type === T.AssignmentExpression && a.left === m) addSource(slot, a.right);
  }
  return slot;
}

// ------------------------------------------------------------------------------------------ RxJS subjects, Angular signals

/**
 * The subject or Angular signal an expression names: a binding made by `new BehaviorSubject(…)` / `signal(…)` /
 * `computed(…)` (also imported from another module of the project), `this.model$` of a class field written
 * once with one, `svc.model$` of a same-file class instance, and with `foreign`, the field of an instance of a
 * class of another module (`this.registry.model$` with `registry` injected).
 */
function boxOf(file: FileIndex, expr: Node | null | undefined, foreign: boolean): Cell | null {
  const e = unwrap(expr);
  if (e?.type === T.Identifier) {
    const b = bindingOfId(file, e);
    return b && (b.type === 'subject' || b.type === 'getter') && isBox(b.cell) ? b.cell : null;
  }
  if (e?.type !== T.MemberExpression || e.computed) return null;
  const name = memberName(e);
  const obj = unwrap(e.object);
  if (name === null || !obj) return null;
  if (obj.type === T.ThisExpression) {
    const cls = thisClass(obj);
    return cls ? fieldBox(file, cls, name) : null;
  }
  const c = file.containerOf(obj);
  if (c) return c.type === 'class' ? fieldBox(file, c.node, name) : null;
  if (!foreign) return null;
  const home = importedInstanceClass(file, obj, name);
  return home ? fieldBox(home.index, home.cls, name) : null;
}

function isBox(cell: Cell): boolean {
  return cell.type === 'subject' || cell.type === 'ng-signal' || cell.type === 'computed';
}

const fieldBoxes = new WeakMap<ClassNode, Map<string, Cell | null>>();

/** `this.<name>` of `cls` (in its module `index`), when its one write (nullish ones aside) makes a subject or an Angular signal. */
function fieldBox(index: FileIndex, cls: ClassNode, name: string): Cell | null {
  let byName = fieldBoxes.get(cls);
  if (!byName) fieldBoxes.set(cls, (byName = new Map()));
  if (byName.has(name)) return byName.get(name)!;
  byName.set(name, null);
  let result: Cell | null = null;
  // the module that creates it must import rxjs or @angular/core; `svc.model$ = other` in it may replace it
  if (mentionsStateModule(index) && !index.writesMember(name)) {
    const facts = index.fieldOf(cls, name);
    const writes = facts?.writes.filter((w) => !isNullish(unwrap(w) ?? w)) ?? [];
    if (facts && writes.length === 1) result = boxOfCreation(index, writes[0]!, { type: 'field', cls, name }, facts.annotations[0]);
  }
  byName.set(name, result);
  return result;
}

const boxes = new WeakMap<Node, Cell | null>();

/** `new BehaviorSubject<T>(v)` (also `Subject`, `ReplaySubject`) from rxjs, `signal<T>(v)` / `computed(fn)` from @angular/core. */
function boxOfCreation(file: FileIndex, expr: Node, holder: BoxHolder, annotation: TypeNode | undefined): Cell | null {
  const e = unwrap(expr);
  if (e?.type !== T.NewExpression && e?.type !== T.CallExpression) return null;
  const cached = boxes.get(e);
  if (cached !== undefined) return cached;
  const made = importedName(file, e.callee);
  let type: Cell['type'] | null = null;
  if (e.type === T.NewExpression) type = made && SUBJECT_CLASSES.get(made.module)?.has(made.name) ? 'subject' : null;
  else if (inTable(NG_SIGNAL_CREATORS, made)) type = 'ng-signal';
  else if (inTable(NG_COMPUTED_CREATORS, made)) type = 'computed';
  const result: Cell | null = type ? { type, home: file, call: e, setter: null, open: false, holder, annotated: heldType(file, annotation) } : null;
  boxes.set(e, result);
  return result;
}

/** `BehaviorSubject<tf.LayersModel | null>`, `WritableSignal<tf.Sequential>`: the type of the value held. */
function heldType(file: FileIndex, annotation: TypeNode | undefined): TypeNode | null {
  if (annotation?.type !== T.TSTypeReference || annotation.typeName.type !== T.Identifier) return null;
  return inTable(VALUE_HOLDER_TYPES, importedName(file, annotation.typeName)) ? (annotation.typeArguments?.params[0] ?? null) : null;
}

/**
 * The subject whose values an observable emits: the subject itself, `subject.pipe(…)` through operators
 * that keep the values (`filter`, `take`, `takeUntilDestroyed`, …), `subject.asObservable()`, and a `const`
 * or a field of the class written once with one of those (`readonly ready$ = this.model$.pipe(filter(…))`).
 */
function observed(file: FileIndex, expr: Node | null | undefined, depth: number): Cell | null {
  const e = unwrap(expr);
  if (!e || depth > MAX_WRAPPERS) return null;
  if (e.type === T.CallExpression) {
    const m = calledMember(e);
    if (m?.name === 'asObservable' && e.arguments.length === 0) return observed(file, m.member.object, depth + 1);
    if (m?.name === 'pipe') return e.arguments.every((a) => keepsValues(file, a)) ? observed(file, m.member.object, depth + 1) : null;
    return null;
  }
  const box = boxOf(file, e, true);
  if (box) return box.type === 'subject' ? box : null;
  // `const ready$ = model$.pipe(…)`, `this.ready$` written once
  let value: Node | null = null;
  if (e.type === T.Identifier) {
    const v = file.variableOf(e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.id === def.name && def.node.parent?.kind === 'const') value = def.node.init;
  } else if (e.type === T.MemberExpression && unwrap(e.object)?.type === T.ThisExpression) {
    const cls = thisClass(e.object);
    const name = memberName(e);
    const writes = cls && name !== null && !file.writesMember(name) ? (file.fieldOf(cls, name)?.writes ?? []) : [];
    if (writes.length === 1) value = writes[0]!;
  }
  return value ? observed(file, value, depth + 1) : null;
}

/** An argument of `pipe(…)` after which the observable emits its source's values: `filter(Boolean)`, `takeUntilDestroyed(ref)`. */
function keepsValues(file: FileIndex, arg: Node): boolean {
  const a = unwrap(arg);
  return a?.type === T.CallExpression && inTable(VALUE_KEEPING_OPERATORS, importedName(file, a.callee));
}

/**
 * The subject whose values a callback receives as its first parameter: `subject.subscribe((m) => …)` (or
 * `{ next: (m) => … }`), and the callback of an operator in `subject.pipe(…)` when the operators before it
 * keep the values (`pipe(filter(Boolean), map((m) => …))`; after a `map` the values are others).
 */
function observedByCallback(file: FileIndex, fn: FunctionNode): Cell | null {
  let arg: Node = fn;
  let p = fn.parent;
  // `{ next: (m) => … }`
  if (p?.type === T.Property && p.value === fn && propertyKeyName(p) === 'next' && p.parent?.type === T.ObjectExpression) {
    arg = p.parent;
    p = p.parent.parent;
  }
  if (p?.type !== T.CallExpression || p.arguments[0] !== arg) return null;
  const m = calledMember(p);
  if (m && OBSERVABLE_LISTENERS.has(m.name)) return observed(file, m.member.object, 0);
  if (arg !== fn || !mentionsStateModule(file) || !inTable(VALUE_CALLBACK_OPERATORS, importedName(file, p.callee))) return null;
  const pipe = p.parent;
  const pm = pipe?.type === T.CallExpression ? calledMember(pipe) : null;
  if (pm?.name !== 'pipe') return null;
  const args = (pipe as TSESTree.CallExpression).arguments;
  const at = args.indexOf(p);
  return at >= 0 && args.slice(0, at).every((a) => keepsValues(file, a)) ? observed(file, pm.member.object, 0) : null;
}

/**
 * What a subject or an Angular signal holds: the initial value (a `BehaviorSubject`'s or a `signal`'s argument),
 * every `next(v)` / `set(v)` / `update((m) => v)` on it in its module, and its declared type (the type argument
 * of the creation or of the holder's annotation); a `computed` holds what its function returns. A use of the
 * holder the engine cannot read (the subject handed to a helper) may write anything: then only the declared
 * type counts.
 */
function boxKind(cell: Cell): ValueInfo | null {
  const home = cell.home;
  const call = cell.call;
  const slot: Slot = { sources: [], declared: [], method: false };
  const t = call.typeArguments?.params[0];
  if (t) slot.declared.push(t);
  if (cell.annotated) slot.declared.push(cell.annotated);
  if (cell.type === 'computed') {
    const fn = unwrap(call.arguments[0]);
    const f = isFunction(fn) ? fn : fn?.type === T.Identifier ? home.functionOfIdentifier(fn) : null;
    if (f) for (const r of home.returnedOf(f)) addSource(slot, r);
    else slot.sources = null;
    return combine(home, slot.sources, slot.declared, []);
  }
  const at = cell.type === 'subject' ? (importedName(home, call.callee) ?? { module: '', name: '' }) : null;
  const initial = at ? (SUBJECT_CLASSES.get(at.module)?.get(at.name) ?? -1) : 0;
  const first = initial >= 0 ? call.arguments[initial] : undefined;
  if (first && first.type !== T.SpreadElement) addSource(slot, first);
  // `model$.next(m)`, `model.set(m)`, `model.update((m) => …)` anywhere in its module
  const writers = cell.type === 'subject' ? SUBJECT_WRITERS : NG_SIGNAL_WRITERS;
  for (const name of writers) {
    for (const w of home.callsNamed(name)) {
      const m = calledMember(w);
      if (!m || boxOf(home, m.member.object, false) !== cell) continue;
      const value = unwrap(w.arguments[0]);
      if (name === 'update') {
        const fn = isFunction(value) ? value : value?.type === T.Identifier ? home.functionOfIdentifier(value) : null;
        if (fn) for (const r of home.returnedOf(fn)) addSource(slot, r);
        else slot.sources = null;
      } else if (w.arguments[0]) addSource(slot, w.arguments[0]);
    }
  }
  if (!closed(home, cell)) slot.sources = null;
  return combine(home, slot.sources, slot.declared, []);
}

/** Is every use of the subject's or signal's holder a read or a write the engine sees (no hand-off to other code)? */
function closed(home: FileIndex, cell: Cell): boolean {
  const holder = cell.holder;
  if (!holder) return false;
  const uses: Node[] =
    holder.type === 'variable' ? holder.v.references.filter((r) => !r.init).map((r) => r.identifier) : (home.fieldOf(holder.cls, holder.name)?.uses ?? []);
  const members = cell.type === 'subject' ? SUBJECT_READ_ONLY_MEMBERS : NG_SIGNAL_READ_ONLY_MEMBERS;
  const writers = cell.type === 'subject' ? SUBJECT_WRITERS : NG_SIGNAL_WRITERS;
  for (const u of uses) {
    let n: Node = u;
    while (n.parent && (n.parent.type === T.TSNonNullExpression || n.parent.type === T.TSAsExpression || n.parent.type === T.ChainExpression)) n = n.parent;
    const p = n.parent;
    if (p?.type === T.AssignmentExpression && p.left === n) continue; // the write that made it
    if (p?.type === T.MemberExpression && p.object === n) {
      const name = memberName(p);
      if (name !== null && (members.has(name) || writers.has(name))) continue;
      return false;
    }
    if (p?.type === T.CallExpression && p.callee === n && cell.type !== 'subject') continue; // `model()`
    if (p?.type === T.CallExpression && p.arguments.includes(n as TSESTree.CallExpressionArgument) && inTable(READING_FUNCTIONS, importedName(home, p.callee))) continue;
    return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------ kinds

const slotKinds = new WeakMap<TSESTree.CallExpression, Map<string, ValueInfo | null | typeof IN_PROGRESS>>();

/** What property `key` of a store's state holds: its declared tfjs type, refined by the writes when they all agree. */
function slotKind(holder: Holder, key: string): ValueInfo | null {
  let byKey = slotKinds.get(holder.call);
  if (!byKey) slotKinds.set(holder.call, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached === IN_PROGRESS) return null;
  if (cached !== undefined) return cached;
  byKey.set(key, IN_PROGRESS);
  let result: ValueInfo | null = null;
  try {
    const slot = holder.type === 'zustand' ? zustandSlot(holder, key) : solidSlot(holder, key);
    result = slot.method ? null : combine(holder.home, slot.sources, slot.declared, []);
  } finally {
    byKey.set(key, result);
  }
  return result;
}

const cellKinds = new WeakMap<Node, ValueInfo | null | typeof IN_PROGRESS>();

/** What a signal or resource getter returns. */
function cellKind(cell: Cell): ValueInfo | null {
  const cached = cellKinds.get(cell.call);
  if (cached === IN_PROGRESS) return null;
  if (cached !== undefined) return cached;
  cellKinds.set(cell.call, IN_PROGRESS);
  let result: ValueInfo | null = null;
  try {
    result = computeCell(cell);
  } finally {
    cellKinds.set(cell.call, result);
  }
  return result;
}

function computeCell(cell: Cell): ValueInfo | null {
  if (cell.type === 'subject' || cell.type === 'ng-signal' || cell.type === 'computed') return boxKind(cell);
  const home = cell.home;
  const args = cell.call.arguments;
  const slot: Slot = { sources: cell.open ? null : [], declared: [], method: false };
  const t = cell.call.typeArguments?.params[0];
  if (t) slot.declared.push(t);
  const fetched: ValueInfo[] = [];
  if (cell.type === 'signal') {
    if (args[0] && args[0].type !== T.SpreadElement) addSource(slot, args[0]);
  } else {
    // `createResource(fetcher, options?)` or `createResource(source, fetcher, options?)`
    const at = args.length >= 2 && unwrap(args[1])?.type !== T.ObjectExpression ? 1 : 0;
    const k = fetchedKind(home, args[at]);
    if (k) fetched.push(k);
    else slot.sources = null;
    const options = unwrap(args[at + 1]);
    for (const p of options?.type === T.ObjectExpression ? options.properties : []) {
      if (p.type === T.Property && propertyKeyName(p) === 'initialValue') addSource(slot, p.value);
    }
  }
  // `setModel(m)`, `setModel(() => m)`, `mutate(m)`; the setter handed to other code may write anything
  for (const r of cell.setter?.references ?? []) {
    if (r.init) continue;
    const call = r.identifier.parent;
    if (call?.type !== T.CallExpression || call.callee !== r.identifier) {
      slot.sources = null;
      continue;
    }
    const value = unwrap(call.arguments[0]);
    const fn = isFunction(value) ? value : value?.type === T.Identifier ? home.functionOfIdentifier(value) : null;
    if (fn) for (const ret of home.returnedOf(fn)) addSource(slot, ret);
    else if (call.arguments[0]) addSource(slot, call.arguments[0]);
  }
  return combine(home, slot.sources, slot.declared, fetched);
}

/** The awaited result of a resource's fetcher: a function, a same-file or imported one, a tfjs loader. */
function fetchedKind(home: FileIndex, fetcher: Node | undefined): ValueInfo | null {
  const f = unwrap(fetcher);
  if (!f) return null;
  let k: ValueInfo | null = null;
  if (isFunction(f)) k = home.returnKind(f);
  else if (f.type === T.Identifier || f.type === T.MemberExpression) {
    const path = home.pathOf(f);
    const loader = path ? LOADER_FETCHERS.get(path.join('.')) : undefined;
    const fn = f.type === T.Identifier ? home.functionOfIdentifier(f) : null;
    if (loader) k = { ...loader, via: 'factory' };
    else if (fn) k = home.returnKind(fn);
    else if (!path) k = importedReturnKind(home, f);
  }
  return k ? { ...k, promise: false } : null;
}

/**
 * The kind of a value from its sources (null: a write not visible), its declared types and kinds known
 * otherwise: the declared tfjs type is the type, and the writes, when they all agree with it, say which
 * value (which layers); without a declared type every write must agree.
 */
function combine(home: FileIndex, sources: readonly Node[] | null, declared: readonly TypeNode[], known: readonly ValueInfo[]): ValueInfo | null {
  let typed: ValueInfo | null = null;
  for (const d of declared) {
    typed = home.kindFromAnnotation(d);
    if (typed) break;
  }
  const written = sources ? agree(home, sources, known) : null;
  const result = typed ? (written && written.kind === typed.kind && !!written.promise === !!typed.promise ? written : typed) : written;
  return located(result, home);
}

/** The common kind of several values (`null`/`undefined` aside), with the union of their origins. */
function agree(home: FileIndex, sources: readonly Node[], known: readonly ValueInfo[]): ValueInfo | null {
  let result: ValueInfo | null = null;
  const origins: ValueInfo[] = [];
  const kinds: (ValueInfo | null)[] = [];
  for (const s of sources) {
    const u = unwrap(s);
    if (u && !isNullish(u)) kinds.push(home.kindOf(s));
  }
  for (const k of [...kinds, ...known]) {
    if (!k || (result && (result.kind !== k.kind || !!result.promise !== !!k.promise))) return null;
    result = result ?? k;
    for (const o of originsOf(k)) {
      const at = located(o, home)!;
      if (!origins.some((x) => x.origin === at.origin && x.home === at.home && x.name === at.name)) origins.push(at);
    }
  }
  if (!result) return null;
  return origins.length > 1 ? { ...result, origins } : result;
}

/** The value with the module its origin lives in (kept when it already says). */
function located(info: ValueInfo | null, home: FileIndex): ValueInfo | null {
  if (!info || info.home) return info;
  return { ...info, home };
}
