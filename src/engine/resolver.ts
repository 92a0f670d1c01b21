/**
 * THE tfjs reference resolver and value-provenance engine, shared by every rule.
 *
 * - `pathOf(expr)`: the tfjs API path an expression denotes (`tf.layers.dropout` -> ['layers', 'dropout'])
 *   through every import form: namespace, named, renamed, default, `require`, destructuring,
 *   `await import()`, `import('…').then(tf => …)`, TS `import tf = require()`, member aliases
 *   (`const L = tf.layers`), and `settings.torch2tf` (extra modules, globals).
 * - `kindOf(expr)`: whether an expression holds a tfjs model / layer / optimizer / tensor / symbolic
 *   tensor, from tfjs factories, `new` of tfjs classes and their subclasses, same-file builder
 *   functions, class fields (`this.model = tf.sequential()`), tfjs type annotations, and JSDoc types
 *   (`@type` / `@param` / `@returns` naming a tfjs type) where the code itself says nothing.
 *
 * We use a general path resolver over ESLint's scope analysis rather than `ReferenceTracker`: the
 * tracker answers "where are these known paths used", while rules here ask the reverse question
 * ("what is this receiver?") for arbitrary expressions, and need forms the tracker does not follow.
 * Everything is memoised per file in a WeakMap keyed by the Program node.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { findVariable } from '@eslint-community/eslint-utils';
import {
  calledMember,
  enclosingFunction,
  forEachNode,
  findProperty,
  isCommonJsExport,
  isFunction,
  runeName,
  isValueWrite,
  literalValue,
  memberName,
  objectArg,
  propertyKeyName,
  unwrap,
  walk,
  type FunctionNode,
  type Node,
} from './ast.js';
import { isTfModule, readSettings, type Torch2tfSettings } from './settings.js';
import { jsdocAliasesOf, jsdocTagsOf, parseJsdocType, type JsdocTag, type JsdocType } from './jsdoc.js';
import { getTypedServices, typeVerdict, type TypedServices } from './type-info.js';
import { declaredType, declaredTypeOfVariable, memberType } from './declared-types.js';
import { importedByTfjsModule, parseSetupOf, relativeImportsTouchTfjs, resolveModule, type ParseSetup } from './module-resolve.js';
import { Es5Registry } from './es5-classes.js';
import { isRelativeSpecifier } from './project-scan.js';
import { VUE_MODULES, VUE_REF_FUNCTIONS } from '../facts/vue-refs.js';
import { heldByCall, statePart, statePartOfVariable } from './state-containers.js';
import { TORCH_TENSOR_METHODS } from '../facts/torch-tensor-api.js';
import {
  homeOfNode,
  importedClassKind,
  importedSuperClassKind,
  truncationCount,
  importedCallReturns,
  importedModuleMentions,
  importedObjectPartSources,
  importedInstanceField,
  mixinFieldKind,
  importedMemberValue,
  importedSuperField,
  importedMethodReturnKind,
  importedReturnKind,
  importedValue,
  isModuleImport,
  parameterFromImporters,
  registerLinted,
} from './modules.js';
import {
  CLASS_KINDS,
  OPTIMIZER_FACTORIES,
  ELEMENT_CALLBACKS,
  INFERENCE_METHODS,
  TENSOR_LIST_METHODS,
  TENSOR_LIST_OPS,
  TENSOR_METHODS,
  TENSOR_NAMESPACES,
  TENSOR_OPS,
  TENSOR_PART_FUNCTIONS,
  TENSOR_PART_OPS,
  TENSOR_SYNC_READS,
  TYPE_KINDS,
  type ValueKind,
} from '../facts/tfjs-api.js';

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
/** A constructor function used as a class (`function Agent() { this.model = … }` with `Agent.prototype.act = function …`). */
export type Es5Class = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression | Es5Class;

/** The superclass expression of a class (none for a constructor function). */
export function superClassOf(cls: ClassNode): Node | null {
  if (cls.type === T.ClassDeclaration || cls.type === T.ClassExpression) return unwrap(cls.superClass);
  // `util.inherits(Child, Parent)` / `Child.prototype = Object.create(Parent.prototype)`
  return es5IndexOf(cls)?.es5.parentOf(cls) ?? null;
}

/** Is the class a constructor function (ES5)? */
export function isEs5Class(cls: ClassNode): cls is Es5Class {
  return cls.type === T.FunctionDeclaration || cls.type === T.FunctionExpression;
}
export type TfPath = readonly string[];

export interface ValueInfo {
  readonly kind: ValueKind;
  /** Layer factory (`'dropout'`), tfjs class (`'Sequential'`), or optimizer factory (`'adam'`). */
  readonly name?: string;
  /** The factory call / `new` expression that created the value, when it is visible. */
  readonly origin?: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The user's class, when the value is `new UserClass()` of a tfjs subclass. */
  readonly userClass?: ClassNode;
  /** True while the value is still a Promise (`tf.loadLayersModel(...)` before `await`). */
  readonly promise?: boolean;
  /** How we know: created here, or only declared through a type annotation. */
  readonly via: 'factory' | 'annotation';
  /**
   * Every origin that can reach the value, when there is more than one (`if/else` writes, ternaries,
   * `var` in two branches, several call sites of a parameter). All have this `kind`; the fields above
   * are the first one's. Absent: the value has exactly this one origin.
   */
  readonly origins?: readonly ValueInfo[];
  /** The index of the module the origin node lives in; absent = the current file. */
  readonly home?: FileIndex;
}

/** The origins of a value: its `origins` set, or the value itself. */
export function originsOf(info: ValueInfo | null | undefined): readonly ValueInfo[] {
  if (!info) return [];
  return info.origins ?? [info];
}

/**
 * What a user-level holder of values is: an instance of a same-file class (its fields), an object
 * literal (its properties and methods), or an array literal (its elements).
 */
export type Container =
  | { readonly type: 'class'; readonly node: ClassNode }
  | { readonly type: 'object'; readonly node: TSESTree.ObjectExpression }
  | { readonly type: 'array'; readonly node: TSESTree.ArrayExpression };

/** A call of a same-file function, and how its arguments line up with the parameters (`f.call(t, a)`: 1). */
export interface CallSite {
  /** The call, or `new Cls(…)` for a constructor's parameters. */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly shift: number;
  /**
   * The function is passed as the callback of `<elements>.forEach(f)` / `.map(f)` / …: its first parameter
   * takes each element of this expression, its other parameters an index and the array (not tfjs values).
   */
  readonly elementsOf?: Node;
}

export interface FieldFacts {
  writes: TSESTree.Expression[];
  annotations: TSESTree.TypeNode[];
  /** Field declarations and `this.<name> = …` writes carrying a JSDoc `@type`. */
  jsdoc: Node[];
  /** Every `this.<name>` member expression in the class (reads and writes). */
  uses: TSESTree.MemberExpression[];
}

const IN_PROGRESS = Symbol('in-progress');

const NO_NODES: Node[] = [];

/** `<object>.<name> = <value>` outside a class body (collected by the shared walk of `calls()`). */
interface MemberWrite {
  readonly object: Node;
  readonly name: string;
  readonly value: Node;
}

/** Array methods whose result holds some of the receiver's elements, in any order. */
const LAYER_LIST_METHODS: ReadonlySet<string> = new Set(['slice', 'filter', 'reverse', 'toReversed', 'sort', 'toSorted']);

/** The array a binding walks: `for (const x of <arr>)` (the declared name itself), or `<arr>.forEach((x) => …)`. */
function iteratedBy(name: TSESTree.Identifier): Node | null {
  const p = name.parent;
  if (p?.type === T.VariableDeclarator && p.id === name) {
    const loop = p.parent?.parent;
    return loop?.type === T.ForOfStatement && loop.left === p.parent ? unwrap(loop.right) : null;
  }
  const fn = p;
  if (!fn || !isFunction(fn) || fn.params[0] !== name) return null;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return null;
  const m = calledMember(call);
  return m && ELEMENT_CALLBACKS.has(m.name) ? unwrap(m.member.object) : null;
}

/** A cache of answers whose key is `IN_PROGRESS` while its answer is being computed. */
interface Memo<K, V> {
  get(key: K): V | typeof IN_PROGRESS | undefined;
  set(key: K, value: V | typeof IN_PROGRESS): unknown;
  delete(key: K): unknown;
}

/** The memo queries in progress (every cache, every index: a foreign node's query runs in its own index). */
const openQueries: { readonly cache: object; readonly key: unknown }[] = [];
/** The smallest stack depth of an open query that a cycle answered provisionally, within the current query. */
let cycleCut = Infinity;

/**
 * `compute()` for `key`, kept in `cache`. A query met again while it is open (a cycle: `x = f(x)`, a parameter
 * whose call sites pass it on) answers `cycleValue` for now. An answer that rests on such a provisional answer
 * of a query still open above it, or on a query cut short by a depth bound, is not kept: another query order
 * would give another answer, and the indexes of other modules live across files, so a kept answer would
 * depend on which file was linted first.
 */
function memoized<K, V>(cache: Memo<K, V>, key: K, cycleValue: V, compute: () => V): V {
  const cached = cache.get(key);
  if (cached === IN_PROGRESS) return cycleAnswer(cache, key, cycleValue);
  if (cached !== undefined) return cached;
  const open = openQuery(cache, key);
  let result = cycleValue;
  try {
    result = compute();
  } finally {
    closeQuery(cache, key, open, result);
  }
  return result;
}

/** Answers assumed for open queries while their cycle is checked (`FileIndex#tensorThroughCycle`). */
const provisional = new Map<unknown, unknown>();

/** A query met again while it is open: `cycleValue` (or an assumed answer) for now, and every query above it that uses this is provisional. */
function cycleAnswer<K, V>(cache: Memo<K, V>, key: K, cycleValue: V): V {
  for (let i = openQueries.length - 1; i >= 0; i--) {
    if (openQueries[i]!.cache === cache && openQueries[i]!.key === key) {
      cycleCut = Math.min(cycleCut, i + 1);
      break;
    }
  }
  return provisional.has(key) ? (provisional.get(key) as V) : cycleValue;
}

interface OpenQuery {
  readonly depth: number;
  readonly outerCut: number;
  readonly truncated: number;
}

function openQuery<K, V>(cache: Memo<K, V>, key: K): OpenQuery {
  cache.set(key, IN_PROGRESS);
  openQueries.push({ cache, key });
  const open = { depth: openQueries.length, outerCut: cycleCut, truncated: truncationCount() };
  cycleCut = Infinity;
  return open;
}

/** Keep the answer unless it rests on a provisional answer of a query still open above it, or on a truncated one. */
function closeQuery<K, V>(cache: Memo<K, V>, key: K, open: OpenQuery, result: V): void {
  openQueries.pop();
  const cut = cycleCut;
  cycleCut = Math.min(open.outerCut, cut < open.depth ? cut : Infinity);
  // (nor a null answer of a query a cycle went through: the cycle's other members, asked first, may resolve
  // it, `let x = …; x = next` with `const next = tf.tidy(() => x.sub(…))` asked from the tidy call)
  if (cut < open.depth || truncationCount() !== open.truncated || (cut === open.depth && result === null)) cache.delete(key);
  else cache.set(key, result);
}

export class FileIndex {
  readonly settings: Torch2tfSettings;
  /** Cheap gate: false when the file never mentions tfjs (no import, no configured module or global). */
  readonly touchesTfjs: boolean;
  readonly sourceCode: TSESLint.SourceCode;
  /** Type information when the parser has a program (typescript-eslint with a project), else null. */
  readonly typed: TypedServices | null;
  private readonly idPaths = new WeakMap<TSESTree.Identifier, TfPath | null>();
  private readonly nodePaths = new WeakMap<Node, TfPath | null>();
  private readonly varPaths = new Map<Scope.Variable, TfPath | null | typeof IN_PROGRESS>();
  /** kindOfIdentifier per variable: every reference of `tf`, `model`, `this.x`'s holder asks the same question. */
  private readonly varKinds = new Map<Scope.Variable, ValueInfo | null | typeof IN_PROGRESS>();
  /** containerOf an identifier, per variable. */
  private readonly varContainers = new Map<Scope.Variable, Container | null | typeof IN_PROGRESS>();
  /** kindOfMember of `<variable>.<name>` (not computed), per variable and name. */
  private readonly memberKinds = new Map<Scope.Variable, Map<string, ValueInfo | null | typeof IN_PROGRESS>>();
  private readonly kinds = new WeakMap<Node, ValueInfo | null | typeof IN_PROGRESS>();
  private readonly classFields = new WeakMap<ClassNode, Map<string, FieldFacts>>();
  private readonly classKinds = new WeakMap<ClassNode, ValueInfo | null | typeof IN_PROGRESS>();
  private readonly containers = new WeakMap<Node, Container | null | typeof IN_PROGRESS>();
  private readonly callSites = new WeakMap<Node, readonly CallSite[] | null>();
  private readonly opaque = new WeakMap<Node, boolean | typeof IN_PROGRESS>();
  private callIndex: Map<string, TSESTree.CallExpression[]> | null = null;
  private allCalls: TSESTree.CallExpression[] | null = null;
  /** Constructor functions and their prototype methods (filled by the walk of `calls()`). */
  readonly es5 = new Es5Registry();

  /** The file's path on disk ('' when unknown); other modules are resolved from it. */
  readonly filename: string;
  /** The linted file's parser and options, reused to parse the modules it imports (null: do not read modules). */
  readonly parseSetup: ParseSetup | null;
  /** The file ESLint is linting (its traversal steps exist), not a module parsed by the engine. */
  readonly linted: boolean;

  private constructor(
    sourceCode: TSESLint.SourceCode,
    settings: Torch2tfSettings,
    typed: TypedServices | null,
    filename: string,
    parseSetup: ParseSetup | null,
    gate: boolean,
  ) {
    this.sourceCode = sourceCode;
    this.settings = settings;
    this.typed = typed;
    this.filename = filename;
    this.parseSetup = parseSetup;
    this.linted = gate;
    const text = sourceCode.text;
    this.touchesTfjs =
      text.includes('@tensorflow/') ||
      settings.modules.some((m) => text.includes(m)) ||
      settings.globals.some((g) => text.includes(g)) ||
      // a file that uses tfjs values only through its own modules (`import { model } from './model'`)
      (gate && (relativeImportsTouchTfjs(filename, text, settings.modules) || importedByTfjsModule(filename, text, settings.modules)));
  }

  /** The index of the linted file. */
  static forContext(context: RuleContext): FileIndex {
    return new FileIndex(context.sourceCode, readSettings(context), getTypedServices(context), context.physicalFilename ?? context.filename ?? '', parseSetupOf(context), true);
  }

  /** The index of another module of the project, parsed by src/engine/module-resolve.ts (untyped). */
  static forSource(sourceCode: TSESLint.SourceCode, filename: string, settings: Torch2tfSettings, parseSetup: ParseSetup | null): FileIndex {
    return new FileIndex(sourceCode, settings, null, filename, parseSetup, false);
  }

  // ---------------------------------------------------------------- scope helpers

  private refMap: Map<TSESTree.Node, Scope.Variable> | null = null;

  /**
   * The variable an identifier refers to or declares. Built once per file from the scope manager's
   * references (one pass), instead of a `getScope` ancestor walk + scope-chain search per query.
   */
  variableOf(id: TSESTree.Identifier): Scope.Variable | null {
    if (!this.refMap) {
      const map = new Map<TSESTree.Node, Scope.Variable>();
      const manager = this.sourceCode.scopeManager;
      for (const scope of manager?.scopes ?? []) {
        for (const ref of scope.references) if (ref.resolved) map.set(ref.identifier, ref.resolved);
        for (const v of scope.variables) for (const d of v.defs) map.set(d.name, v);
      }
      this.refMap = map;
    }
    const known = this.refMap.get(id);
    if (known) return known;
    const home = homeOfNode(id);
    if (home && home !== this) return home.variableOf(id);
    // an unresolved reference (a global, or a type position naming a value) falls back to lookup by name
    return (findVariable(this.sourceCode.getScope(id) as never, id as never) as Scope.Variable | null);
  }

  // ---------------------------------------------------------------- API paths

  /** The tfjs API path of an expression, or null when it is not (provably) tfjs. */
  pathOf(node: Node | null | undefined): TfPath | null {
    const n = unwrap(node);
    if (!n) return null;
    // every rule asks for the callee path of every call: compute each node's path once per file
    const cached = this.nodePaths.get(n);
    if (cached !== undefined) return cached;
    const home = homeOfNode(n);
    const result = home && home !== this ? home.pathOf(n) : this.computePath(n);
    this.nodePaths.set(n, result);
    return result;
  }

  private computePath(n: Node): TfPath | null {
    switch (n.type) {
      case T.Identifier:
        return this.pathOfIdentifier(n);
      case T.MemberExpression: {
        const base = this.pathOf(n.object);
        if (!base) return null;
        const name = memberName(n);
        return name === null ? null : [...base, name];
      }
      case T.AwaitExpression: {
        const arg = unwrap(n.argument);
        if (arg?.type === T.ImportExpression) return this.isModuleSource(arg.source) ? [] : null;
        return null;
      }
      case T.CallExpression:
        return this.isRequireOfTf(n) ? [] : null;
      default:
        return null;
    }
  }

  /** `tf.layers.dense(...)` -> ['layers', 'dense']. */
  calleePath(call: TSESTree.CallExpression | TSESTree.NewExpression): TfPath | null {
    return this.pathOf(call.callee);
  }

  /** True when the call is `tf.<path>(...)` for one of the given dotted paths. */
  isTfCall(call: TSESTree.CallExpression | TSESTree.NewExpression, ...paths: string[]): boolean {
    const p = this.calleePath(call);
    return !!p && paths.includes(p.join('.'));
  }

  private isModuleSource(node: Node | null | undefined): boolean {
    const n = unwrap(node);
    if (!n) return false;
    if (n.type === T.Literal && typeof n.value === 'string') return isTfModule(n.value, this.settings);
    if (n.type === T.TemplateLiteral && n.expressions.length === 0) {
      return isTfModule(n.quasis[0]?.value.cooked ?? '', this.settings);
    }
    return false;
  }

  private isRequireOfTf(call: TSESTree.CallExpression): boolean {
    const c = unwrap(call.callee);
    return !!c && c.type === T.Identifier && c.name === 'require' && call.arguments.length === 1 && this.isModuleSource(call.arguments[0]);
  }

  private pathOfIdentifier(id: TSESTree.Identifier): TfPath | null {
    if (this.idPaths.has(id)) return this.idPaths.get(id)!;
    // cheap pre-filter: a name no tfjs binding in this file could have needs no scope lookup
    if (!this.candidateRootNames().has(id.name)) {
      this.idPaths.set(id, null);
      return null;
    }
    const variable = this.variableOf(id);
    let result: TfPath | null;
    if (!variable || variable.defs.length === 0) {
      // an undeclared global, or one declared only through config `globals`
      result = this.settings.globals.includes(id.name) ? [] : null;
    } else {
      result = this.pathOfVariable(variable);
    }
    this.idPaths.set(id, result);
    return result;
  }

  /**
   * What a wrapper function hands its parameter `index`: an IIFE's argument (`(function (tf) { … })(window.tf)`,
   * `window.tf` being a configured global), or, for a UMD factory passed to one (`(function (root, factory)
   * { … })(this, function (tf) { … })`), what every use of `factory` in the wrapper gives it:
   * `factory(require('@tensorflow/tfjs'))`, `define(['@tensorflow/tfjs'], factory)`, and the browser fallback
   * `factory(root.tf)`, which counts only next to one of the others.
   */
  private wrapperArgumentPath(fn: FunctionNode, index: number): TfPath | null {
    const call = fn.parent;
    if (call?.type !== T.CallExpression) return null;
    if (unwrap(call.callee) === fn) {
      const a = call.arguments[index];
      return a && a.type !== T.SpreadElement ? (this.pathOf(a) ?? (this.isGlobalObjectMember(a, this.settings.globals) ? [] : null)) : null;
    }
    const at = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const wrapper = unwrap(call.callee);
    if (at < 0 || !isFunction(wrapper)) return null;
    const param = wrapper.params[at];
    if (param?.type !== T.Identifier) return null;
    const factory = this.variableOf(param);
    if (!factory) return null;
    let path: TfPath | null = null;
    for (const r of factory.references) {
      const id = r.identifier;
      const q = id.parent;
      if (q?.type === T.CallExpression && q.callee === id) {
        const a = q.arguments[index];
        const p = a && a.type !== T.SpreadElement ? this.pathOf(a) : null;
        if (p) path = p;
        else if (!a || !this.isGlobalObjectMember(a, null)) return null;
      } else if (q?.type === T.CallExpression && q.arguments.includes(id as TSESTree.Identifier)) {
        // `define(['@tensorflow/tfjs'], factory)` (AMD): the dependency at the same position
        const deps = unwrap(q.arguments[0]);
        const dep = deps?.type === T.ArrayExpression && q.arguments[1] === id ? deps.elements[index] : null;
        if (!dep || dep.type === T.SpreadElement || !this.isModuleSource(dep)) return null;
        path = path ?? [];
      } else if (!(q?.type === T.UnaryExpression && q.operator === 'typeof')) {
        return null;
      }
    }
    return path;
  }

  /** `window.tf`, `self.tf`, `globalThis.tf`, `root.tf`, `this.tf`: a property of the global object (named in `names`, when given). */
  private isGlobalObjectMember(expr: Node, names: readonly string[] | null): boolean {
    const e = unwrap(expr);
    if (e?.type !== T.MemberExpression || e.computed) return false;
    const name = memberName(e);
    if (name === null || (names !== null && !names.includes(name))) return false;
    const o = unwrap(e.object);
    if (o?.type === T.ThisExpression) return true;
    if (o?.type !== T.Identifier) return false;
    // the browser globals, undeclared; or the UMD wrapper's own `root` parameter (its argument is `this`)
    if (names !== null) return ['window', 'self', 'globalThis', 'global'].includes(o.name) && !this.variableOf(o)?.defs.length;
    return true;
  }

  private rootNames: Set<string> | null = null;

  /**
   * Every name that could denote a tfjs API path in this file, by name only (scopes ignored, so a
   * superset): locals of tfjs imports, `require` / `import()` bindings, configured globals, and names
   * bound or assigned from an expression rooted at one of those (fixed point). One walk per file.
   */
  candidateRootNames(): ReadonlySet<string> {
    if (this.rootNames) return this.rootNames;
    const names = new Set<string>(this.settings.globals);
    const pending: { target: string; root: string }[] = [];
    const bind = (target: string, init: Node | null | undefined): void => {
      const root = this.rootOf(init);
      if (root === true) names.add(target);
      else if (typeof root === 'string') pending.push({ target, root });
    };
    // every binding of the file, from the scope manager (far fewer than the AST's nodes)
    for (const scope of this.sourceCode.scopeManager?.scopes ?? []) {
      for (const v of scope.variables) {
        for (const def of v.defs) {
          if (def.type === 'ImportBinding') {
            const node = def.node;
            if (node.type === T.TSImportEqualsDeclaration) {
              const ref = node.moduleReference;
              if (ref.type === T.TSExternalModuleReference) {
                if (this.isModuleSource(ref.expression)) names.add(v.name);
              } else {
                let left: TSESTree.EntityName = ref;
                while (left.type === T.TSQualifiedName) left = left.left;
                if (left.type === T.Identifier) pending.push({ target: v.name, root: left.name });
              }
            } else if (node.parent?.type === T.ImportDeclaration && this.isModuleSource(node.parent.source)) {
              names.add(v.name);
            }
          } else if (def.type === 'Variable') {
            bind(v.name, def.node.init);
          } else if (def.type === 'Parameter' && isFunction(def.node)) {
            // an IIFE's or a UMD factory's parameter (decided by wrapperArgumentPath)
            const wrapperCall = def.node.parent;
            if (wrapperCall?.type === T.CallExpression && (unwrap(wrapperCall.callee) === def.node || isFunction(unwrap(wrapperCall.callee)))) names.add(v.name);
            // import('@tensorflow/tfjs').then((tf) => …)
            const call = def.node.parent;
            const m = call?.type === T.CallExpression ? calledMember(call) : null;
            const obj = m && m.name === 'then' ? unwrap(m.member.object) : null;
            if (obj?.type === T.ImportExpression && this.isModuleSource(obj.source)) names.add(v.name);
          }
        }
        for (const r of v.references) if (r.isWrite() && r.writeExpr) bind(v.name, r.writeExpr);
      }
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const p of pending) {
        if (names.has(p.root) && !names.has(p.target)) {
          names.add(p.target);
          changed = true;
        }
      }
    }
    this.rootNames = names;
    return names;
  }

  /** `true` for a direct tfjs module value, the root identifier's name for a chain, else null. */
  private rootOf(node: Node | null | undefined): true | string | null {
    let n = unwrap(node);
    while (n && n.type === T.MemberExpression) n = unwrap(n.object);
    if (!n) return null;
    if (n.type === T.Identifier) return n.name;
    if (n.type === T.CallExpression) return this.isRequireOfTf(n) ? true : null;
    if (n.type === T.AwaitExpression) {
      const arg = unwrap(n.argument);
      return arg?.type === T.ImportExpression && this.isModuleSource(arg.source) ? true : null;
    }
    return null;
  }

  pathOfVariable(variable: Scope.Variable): TfPath | null {
    const cached = this.varPaths.get(variable);
    if (cached === IN_PROGRESS) return null;
    if (cached !== undefined) return cached;
    this.varPaths.set(variable, IN_PROGRESS);
    const result = this.computeVariablePath(variable);
    this.varPaths.set(variable, result);
    return result;
  }

  private computeVariablePath(variable: Scope.Variable): TfPath | null {
    if (variable.defs.length !== 1) return null;
    const def = variable.defs[0]!;
    switch (def.type) {
      case 'ImportBinding': {
        const node = def.node;
        if (node.type === T.TSImportEqualsDeclaration) {
          const ref = node.moduleReference;
          if (ref.type === T.TSExternalModuleReference) return this.isModuleSource(ref.expression) ? [] : null;
          return this.pathOfEntityName(ref);
        }
        const decl = node.parent;
        if (!decl || decl.type !== T.ImportDeclaration || !this.isModuleSource(decl.source)) return null;
        if (node.type === T.ImportSpecifier) {
          const imported = node.imported;
          return [imported.type === T.Identifier ? imported.name : String(imported.value)];
        }
        return [];
      }
      case 'Variable': {
        const declarator = def.node;
        const writes = variable.references.filter((r) => r.isWrite());
        const kind = declarator.parent?.type === T.VariableDeclaration ? declarator.parent.kind : 'const';
        if (kind === 'const' || (writes.length === 1 && declarator.init)) {
          if (!declarator.init) return null;
          const base = this.pathOf(declarator.init);
          return base ? this.withPatternPath(base, def.name, declarator.id) : null;
        }
        // `let tf; if (gpu) tf = require('@tensorflow/tfjs-node-gpu'); else tf = require('@tensorflow/tfjs-node');`
        // every write must be a plain assignment of the same tfjs path, or `null`/`undefined` (the optional
        // binding `let tfGpu = null; try { tfGpu = require('@tensorflow/tfjs-node-gpu'); } catch { tfGpu = null; }`,
        // whose members are only read where it holds the module)
        if (declarator.id !== def.name || writes.length === 0) return null;
        let agreed: TfPath | null = null;
        for (const w of writes) {
          if (!w.writeExpr) return null;
          const isInit = w.writeExpr === declarator.init;
          if (!isInit && (w.identifier.parent?.type !== T.AssignmentExpression || !isValueWrite(w.identifier.parent.operator))) return null;
          if (isNullish(unwrap(w.writeExpr) ?? w.writeExpr)) continue;
          const p = this.pathOf(w.writeExpr);
          if (!p || (agreed && p.join('.') !== agreed.join('.'))) return null;
          agreed = p;
        }
        return agreed;
      }
      case 'Parameter': {
        const fn = def.node;
        if (!isFunction(fn)) return null;
        // `(function (tf) { … })(window.tf)`, a UMD factory `function (tf) { … }`
        const index = fn.params.indexOf(def.name as TSESTree.Parameter);
        if (index >= 0 && fn.parent?.type === T.CallExpression) {
          const wrapped = this.wrapperArgumentPath(fn, index);
          if (wrapped) return wrapped;
        }
        // import('@tensorflow/tfjs').then((tf) => ...)
        if (fn.params[0] !== def.name) return null;
        const call = fn.parent;
        if (call?.type !== T.CallExpression || call.arguments[0] !== fn) return null;
        const m = calledMember(call);
        if (!m || m.name !== 'then') return null;
        const obj = unwrap(m.member.object);
        return obj?.type === T.ImportExpression && this.isModuleSource(obj.source) ? [] : null;
      }
      default:
        return null;
    }
  }

  /** Path inside a destructuring pattern: `const {layers: {dense}} = tf` -> ['layers', 'dense']. */
  private withPatternPath(base: TfPath, name: TSESTree.Identifier, root: Node): TfPath | null {
    const steps: string[] = [];
    let n: Node = name;
    while (n !== root) {
      const parent: Node | undefined = n.parent;
      if (!parent) return null;
      if (parent.type === T.Property && parent.value === n) {
        const key = propertyKeyName(parent);
        if (key === null) return null;
        steps.unshift(key);
      } else if (parent.type === T.AssignmentPattern && parent.left === n) {
        // default value: keep the path of the left side
      } else if (parent.type !== T.ObjectPattern) {
        return null; // array patterns and rest elements do not denote an API path
      }
      n = parent;
    }
    return [...base, ...steps];
  }

  private pathOfEntityName(name: TSESTree.EntityName): TfPath | null {
    if (name.type === T.Identifier) return this.pathOfIdentifier(name);
    if (name.type === T.TSQualifiedName) {
      const base = this.pathOfEntityName(name.left);
      return base ? [...base, name.right.name] : null;
    }
    return null;
  }

  // ---------------------------------------------------------------- value provenance

  /** What tfjs value an expression holds, or null when unknown / not tfjs. */
  kindOf(node: Node | null | undefined): ValueInfo | null {
    const n = unwrap(node);
    if (!n) return null;
    const cached = this.kinds.get(n);
    if (cached === IN_PROGRESS) return cycleAnswer(this.kinds, n, null);
    if (cached !== undefined) return cached;
    const home = homeOfNode(n);
    if (home && home !== this) return home.kindOf(n); // a node of another module: its own index answers
    // `memoized` inlined: a 2,000-deep method chain recurses through here, two frames per link
    const open = openQuery(this.kinds, n);
    let result: ValueInfo | null = null;
    try {
      result = this.computeKind(n) ?? this.kindFromCast(n);
      // types only narrow: a receiver the checker proves is not a tfjs value is dropped. A resolved
      // tfjs factory call or `new` has its type fixed by tfjs' own declarations, so only the values
      // that reach a rule through names, members and annotations are checked (checker calls are costly).
      if (result && this.typed && (n.type === T.Identifier || n.type === T.MemberExpression) && typeVerdict(this.typed, n).verdict === 'not-tfjs') {
        result = null;
      }
    } finally {
      closeQuery(this.kinds, n, open, result);
    }
    return result;
  }

  /**
   * The kind the TypeScript checker proves, for typed-only rules (`requiresTypeChecking`) and for
   * upgrading a suggestion to a fix. Null without type information or when types prove nothing.
   */
  typedKindOf(node: Node | null | undefined): ValueInfo | null {
    const n = unwrap(node);
    if (!n || !this.typed) return null;
    const v = typeVerdict(this.typed, n);
    return v.verdict === 'tfjs' ? { kind: v.kind, name: v.className, promise: v.promise, via: 'annotation' } : null;
  }

  /** Shorthand: the value is a tfjs model (LayersModel / Sequential / subclass). */
  isModel(node: Node | null | undefined): boolean {
    return this.kindOf(node)?.kind === 'model';
  }

  /** The value is a tfjs model or layer (both have `apply`, `trainable`). */
  isModelOrLayer(node: Node | null | undefined): boolean {
    const k = this.kindOf(node)?.kind;
    return k === 'model' || k === 'layer';
  }

  private computeKind(n: Node): ValueInfo | null {
    switch (n.type) {
      case T.AwaitExpression: {
        const k = this.kindOf(n.argument);
        return k ? { ...k, promise: false } : null;
      }
      case T.CallExpression:
        return this.kindOfCall(n);
      case T.NewExpression:
        return this.kindOfNew(n);
      case T.Identifier:
        return this.kindOfIdentifier(n);
      case T.MemberExpression:
        return this.kindOfMember(n);
      case T.ConditionalExpression:
        return this.agreeingKind(this.branchesOf(n));
      case T.ThisExpression: {
        // `this` inside a user subclass of tf.LayersModel / tf.layers.Layer is that model or layer
        const cls = thisClass(n);
        const k = cls ? this.classKind(cls) : null;
        return k && (k.kind === 'model' || k.kind === 'layer') ? k : null;
      }
      default:
        return null;
    }
  }

  /**
   * The two branches of a conditional; in `x instanceof tf.LayersModel ? x : build()` the guarded
   * branch is known to hold that tfjs class.
   */
  private branchesOf(n: TSESTree.ConditionalExpression): Node[] {
    const test = unwrap(n.test);
    if (test?.type === T.BinaryExpression && test.operator === 'instanceof') {
      const p = this.pathOf(test.right);
      const kind = p ? CLASS_KINDS.get(p.join('.')) : undefined;
      const left = unwrap(test.left);
      const cons = unwrap(n.consequent);
      if (kind && left?.type === T.Identifier && cons?.type === T.Identifier && cons.name === left.name) {
        this.kinds.set(cons, { kind, name: p!.join('.'), via: 'annotation' });
      }
    }
    return [n.consequent, n.alternate];
  }

  private kindOfCall(call: TSESTree.CallExpression): ValueInfo | null {
    // Svelte 5 `$state(x)`, `$state.raw<T>(x)`, `$derived(x)`: the value itself (its type argument, when given)
    const rune = runeName(call.callee);
    if (rune && (rune === '$state' || rune === '$state.raw' || rune === '$derived') && this.isUndeclared(call.callee)) {
      const typed = this.kindFromAnnotation(call.typeArguments?.params[0]);
      const arg = call.arguments[0];
      return typed ?? (arg && arg.type !== T.SpreadElement ? this.kindOf(arg) : null);
    }
    const p = this.calleePath(call);
    if (p) {
      const k = this.kindOfTfCall(p, call);
      // a factory exported by a local wrapper module named in settings.torch2tf.modules
      const c = unwrap(call.callee);
      return k ?? (c?.type === T.Identifier ? importedReturnKind(this, c) : null);
    }
    const m = calledMember(call);
    if (m) {
      const recv = this.kindOf(m.member.object);
      if (recv && !recv.promise) {
        switch (recv.kind) {
          case 'tensor':
            // a PyTorch method tfjs lacks (`x.view(-1, n)`, reported by no-torch-tensor-api) stands for its tfjs
            // equivalent, which returns a tensor: the bugs further down the chain are still seen
            return TENSOR_METHODS.has(m.name) || TORCH_TENSOR_METHODS.get(m.name)?.returnsTensor ? { kind: 'tensor', via: 'factory', origin: call } : null;
          case 'model':
          case 'layer':
            if (m.name === 'apply') {
              const arg = this.kindOf(call.arguments[0]);
              const a0 = unwrap(call.arguments[0]);
              const symbolic =
                arg?.kind === 'symbolic' ||
                (a0?.type === T.ArrayExpression && a0.elements.some((e) => this.kindOf(e)?.kind === 'symbolic')) ||
                (!arg && this.mayHoldSymbolic(a0));
              return { kind: symbolic ? 'symbolic' : 'tensor', via: 'factory', origin: call };
            }
            if (recv.kind === 'model' && INFERENCE_METHODS.has(m.name)) {
              return { kind: 'tensor', via: 'factory', origin: call };
            }
            if (recv.kind === 'model' && m.name === 'getLayer') return { kind: 'layer', via: 'factory' };
            return null;
          case 'graph-model':
            return m.name === 'predict' || m.name === 'execute' ? { kind: 'tensor', via: 'factory', origin: call } : null;
          case 'optimizer':
            // minimize(f, true) returns the cost; without a literal true it returns null
            // (test/semantics/optional-results.test.ts)
            return m.name === 'minimize' && literalValue(call.arguments[1]) === true ? { kind: 'tensor', via: 'factory', origin: call } : null;
          default:
            return null;
        }
      }
    }
    // a same-file function, `this.method()`, or a method of a user object / class instance
    const fn = this.callTarget(call);
    if (fn) return this.returnKind(fn);
    // a Solid signal or resource getter (`model()`), a zustand hook with a selector (src/engine/state-containers.ts)
    const held = heldByCall(this, call);
    if (held !== undefined) return held;
    const callee = unwrap(call.callee);
    // a factory imported from another module (`buildModel()`, or `models.buildModel()` of a namespace import)
    if (callee?.type === T.Identifier) return importedReturnKind(this, callee);
    // `critic.buildTarget()` of an instance of a class from another module
    return callee?.type === T.MemberExpression ? (importedReturnKind(this, callee) ?? importedMethodReturnKind(this, call)) : null;
  }

  private kindOfTfCall(p: TfPath, call: TSESTree.CallExpression): ValueInfo | null {
    const key = p.join('.');
    const origin = call;
    if (key === 'sequential') return { kind: 'model', name: 'Sequential', origin, via: 'factory' };
    if (key === 'model') return { kind: 'model', name: 'LayersModel', origin, via: 'factory' };
    if (key === 'loadLayersModel') return { kind: 'model', name: 'LayersModel', origin, promise: true, via: 'factory' };
    // `await tf.models.modelFromJSON(json)`: a LayersModel (test/semantics/model-factories.test.ts)
    if (key === 'models.modelFromJSON') return { kind: 'model', name: 'LayersModel', origin, promise: true, via: 'factory' };
    if (key === 'loadGraphModel') return { kind: 'graph-model', name: 'GraphModel', origin, promise: true, via: 'factory' };
    if (key === 'loadGraphModelSync') return { kind: 'graph-model', name: 'GraphModel', origin, via: 'factory' };
    if (key === 'input' || key === 'layers.input') return { kind: 'symbolic', origin, via: 'factory' };
    if (p.length === 2 && p[0] === 'layers' && /^[a-z]/.test(p[1]!)) return { kind: 'layer', name: p[1]!, origin, via: 'factory' };
    if (p.length === 2 && p[0] === 'train' && OPTIMIZER_FACTORIES.has(p[1]!)) {
      return { kind: 'optimizer', name: p[1]!, origin, via: 'factory' };
    }
    if (p.length === 1 && TENSOR_OPS.has(p[0]!)) return { kind: 'tensor', name: p[0]!, origin, via: 'factory' };
    if (p.length === 2 && TENSOR_NAMESPACES.has(p[0]!)) return { kind: 'tensor', name: key, origin, via: 'factory' };
    if (key === 'browser.fromPixels') return { kind: 'tensor', name: key, origin, via: 'factory' };
    if (key === 'tidy') {
      const fn = unwrap(call.arguments[call.arguments.length - 1]);
      const returned = isFunction(fn) ? this.returnKind(fn) : null;
      // `const probs = tf.tidy(() => head.predict(x).softmax())` with a head of unknown origin, later read
      // with `probs.dataSync()`: tidy returns a TensorContainer, and of those only a tensor has that read
      return returned ?? (isFunction(fn) && this.readSynchronously(call) ? { kind: 'tensor', name: 'tidy', origin: call, via: 'factory' } : null);
    }
    // `this.xs = tf.keep(example)`: keep() returns its argument (the same tensor, now outside any scope)
    if (key === 'keep' && call.arguments.length === 1) return this.kindOf(call.arguments[0]);
    return null;
  }

  private kindOfNew(n: TSESTree.NewExpression): ValueInfo | null {
    const p = this.calleePath(n);
    if (p) {
      const kind = CLASS_KINDS.get(p.join('.'));
      return kind ? { kind, name: p.join('.'), origin: n, via: 'factory' } : null;
    }
    const callee = unwrap(n.callee);
    if (callee?.type === T.Identifier) {
      const cls = this.classOfIdentifier(callee);
      if (cls) {
        const k = this.classKind(cls);
        return k ? { ...k, origin: n } : null;
      }
      return importedClassKind(this, callee, n); // a tfjs subclass imported from another module
    }
    return callee?.type === T.MemberExpression ? importedClassKind(this, callee, n) : null; // `new models.Net()`
  }

  /** The tfjs kind of a user class: one that extends a tfjs class, directly or through same-file classes. */
  classKind(cls: ClassNode): ValueInfo | null {
    const cached = this.classKinds.get(cls);
    if (cached === IN_PROGRESS) return null;
    if (cached !== undefined) return cached;
    this.classKinds.set(cls, IN_PROGRESS);
    let result: ValueInfo | null = null;
    const sup = superClassOf(cls);
    if (sup) {
      const p = this.pathOf(sup);
      if (p) {
        const kind = CLASS_KINDS.get(p.join('.'));
        if (kind) result = { kind, name: p.join('.'), userClass: cls, via: 'factory' };
      } else if (sup.type === T.Identifier || sup.type === T.MemberExpression) {
        const parent = sup.type === T.Identifier ? this.classOfIdentifier(sup) : null;
        // `class TransformerBlock extends ComposedLayer`, the base class a `tf.layers.Layer` of another module
        const k = parent ? this.classKind(parent) : importedSuperClassKind(this, sup);
        if (k) result = { ...k, userClass: cls };
      }
    }
    this.classKinds.set(cls, result);
    return result;
  }

  /** The class declaration an identifier names (`class A {}` or `const A = class {}`). */
  classOfIdentifier(id: TSESTree.Identifier): ClassNode | null {
    const v = this.variableOf(id);
    if (!v || v.defs.length !== 1) return null;
    const def = v.defs[0]!;
    if (def.type === 'ClassName') return def.node as ClassNode;
    if (def.type === 'Variable' && def.node.id === def.name) {
      const init = unwrap(def.node.init);
      if (init?.type === T.ClassExpression) return init;
    }
    // `function Agent() { this.model = … }` used as a class; `var Agent = function () {…}`; and the compiled
    // form `var Agent = /** @class */ (function () { function Agent() {…} Agent.prototype.m = …; return Agent; }())`
    if (def.type === 'FunctionName' || def.type === 'Variable') {
      this.calls();
      const ctor = this.es5.constructorNamed(id.name);
      if (!ctor) return null;
      if (def.type === 'FunctionName') return ctor === def.node ? ctor : null;
      const init = def.node.id === def.name ? unwrap(def.node.init) : null;
      if (init === ctor) return ctor;
      const iife = init?.type === T.CallExpression ? unwrap(init.callee) : null;
      return iife && isFunction(iife) && ctor.range[0] > iife.range[0] && ctor.range[1] < iife.range[1] ? ctor : null;
    }
    return null;
  }

  /**
   * The `this` an object expression stands for: `this` itself, or a binding written once with `this`
   * (`var self = this;` in a prototype method, read inside its callbacks).
   */
  thisOf(obj: Node | null | undefined): TSESTree.ThisExpression | null {
    const o = unwrap(obj);
    if (o?.type === T.ThisExpression) return o;
    if (o?.type !== T.Identifier) return null;
    this.calls();
    if (!this.es5.aliases.has(o.name)) return null;
    const v = this.variableOf(o);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || v!.references.filter((r) => r.isWrite()).length !== 1) return null;
    const init = unwrap(def.node.init);
    return init?.type === T.ThisExpression ? init : null;
  }

  /** Is the root name of a callee (`$state` of `$state.raw`) bound nowhere in the file (a global or a compiler keyword)? */
  isUndeclared(callee: Node): boolean {
    let c = unwrap(callee);
    while (c?.type === T.MemberExpression) c = unwrap(c.object);
    return c?.type === T.Identifier && !this.variableOf(c)?.defs.length;
  }

  /** The same-file function an identifier names (`function f(){}` or `const f = () => {}`). */
  functionOfIdentifier(id: TSESTree.Identifier): FunctionNode | null {
    const v = this.variableOf(id);
    if (!v || v.defs.length !== 1) return null;
    const def = v.defs[0]!;
    if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
    if (def.type === 'Variable' && def.node.id === def.name) {
      if (def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind !== 'const') {
        if (v.references.filter((r) => r.isWrite()).length !== 1) return null;
      }
      const init = unwrap(def.node.init);
      if (isFunction(init)) return init;
    }
    return null;
  }

  /** The method `name` of the class that `this` belongs to. */
  methodOfThis(thisNode: TSESTree.ThisExpression, name: string): FunctionNode | null {
    const cls = thisClass(thisNode);
    if (!cls) {
      // `this.step(batch)` inside a method of `const trainer = { step(batch) {…}, … }`
      const literal = objectOfThis(thisNode);
      if (!literal) return null;
      for (const p of literal.properties) {
        if (p.type === T.Property && propertyKeyName(p) === name && isFunction(unwrap(p.value))) return unwrap(p.value) as FunctionNode;
      }
      return null;
    }
    if (isEs5Class(cls)) {
      // the prototype chain: `util.inherits(Child, Parent)`
      for (let c: ClassNode | null = cls, depth = 0; c && isEs5Class(c) && depth < 8; depth++) {
        const m = this.es5.method(c, name);
        if (m) return m;
        const sup = superClassOf(c);
        c = sup?.type === T.Identifier ? this.classOfIdentifier(sup) : null;
      }
      return null;
    }
    for (const el of cls.body.body) {
      if (el.type === T.MethodDefinition && el.kind === 'method' && !el.static && propertyKeyName(el) === name && isFunction(el.value)) return el.value;
      if (el.type === T.PropertyDefinition && !el.static && propertyKeyName(el) === name && isFunction(el.value)) return el.value;
    }
    return null;
  }

  /** The kind a same-file function returns, when every `return` agrees. */
  returnKind(fn: FunctionNode): ValueInfo | null {
    // a JSDoc `@returns {tf.LayersModel}` only adds knowledge where the returned values say nothing
    const k = this.agreeingKind(this.returnedOf(fn)) ?? (fn.returnType ? null : this.jsdocKind(fn, 'returns'));
    if (k && fn.async) return { ...k, promise: true };
    // where the returned values say nothing (`return registry.get(id)!`), a declared return type does:
    // `function getModel(id: string): tf.LayersModel` (`Promise<…>` for an async function)
    if (!k && fn.returnType) return this.kindFromAnnotation(fn.returnType.typeAnnotation);
    return k;
  }

  /** `const x = <call>` where some use of `x` is `x.dataSync()` / `x.arraySync()` / `x.bufferSync()`. */
  private readSynchronously(call: TSESTree.CallExpression): boolean {
    const decl = call.parent;
    if (decl?.type !== T.VariableDeclarator || decl.init !== call || decl.id.type !== T.Identifier) return false;
    if (decl.parent?.type !== T.VariableDeclaration || decl.parent.kind !== 'const') return false;
    const v = this.variableOf(decl.id);
    return !!v?.references.some((r) => {
      const m = r.identifier.parent;
      return m?.type === T.MemberExpression && m.object === r.identifier && m.parent?.type === T.CallExpression && m.parent.callee === m && TENSOR_SYNC_READS.has(memberName(m) ?? '');
    });
  }

  private readonly returned = new WeakMap<FunctionNode, Node[]>();

  /** The expressions a function returns (its body for an expression-bodied arrow). */
  returnedOf(fn: FunctionNode): Node[] {
    let list = this.returned.get(fn);
    if (list) return list;
    list = [];
    const out = list;
    if (fn.body.type !== T.BlockStatement) {
      out.push(fn.body);
    } else {
      walk(fn.body, this.sourceCode.visitorKeys, (node) => {
        if (node !== fn.body && isFunction(node)) return false;
        if (node.type === T.ReturnStatement && node.argument) out.push(node.argument);
        return undefined;
      });
    }
    this.returned.set(fn, out);
    return out;
  }

  private kindOfIdentifier(id: TSESTree.Identifier): ValueInfo | null {
    const v = this.variableOf(id);
    if (!v || v.defs.length === 0) return null;
    // a reference met again while its variable is being resolved (a cycle through writes or call sites): null for now
    // (a JSDoc type only adds knowledge where the code itself says nothing)
    return memoized(this.varKinds, v, null, () => this.kindOfVariableInCode(v) ?? this.jsdocKindOfVariable(v));
  }

  /**
   * `let x = conv.apply(input); x = bn.apply(x);`: the variable's kind is unknown (its writes depend on
   * it), but one write is a symbolic tensor, so a layer applied to it builds a graph, never runs.
   */
  private mayHoldSymbolic(n: Node | null): boolean {
    if (n?.type !== T.Identifier) return false;
    const v = this.variableOf(n);
    const sources = v ? this.sourcesOfVariable(v) : null;
    return !!sources && sources.some((s) => this.kindOf(s)?.kind === 'symbolic');
  }

  /** `layer.getWeights()` on a tfjs model or layer: an array of tensors. */
  /**
   * The tensor properties of the object a tfjs function returns (`value` of `tf.variableGrads(f)`, `mean`
   * and `variance` of `tf.moments(x)`, `value` of `tf.valueAndGrads(f)(xs)`), for that call or a `const`
   * bound to it; else null.
   */
  tensorPartsOf(expr: Node | null | undefined): readonly string[] | null {
    let e = unwrap(expr);
    if (e?.type === T.Identifier) {
      const v = this.variableOf(e);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.parent?.kind !== 'const') return null;
      e = unwrap(def.node.init);
    }
    if (e?.type !== T.CallExpression) return null;
    const p = this.calleePath(e);
    if (p?.length === 1) return TENSOR_PART_OPS.get(p[0]!) ?? null;
    const inner = unwrap(e.callee);
    const q = inner?.type === T.CallExpression ? this.calleePath(inner) : null;
    return q?.length === 1 ? (TENSOR_PART_FUNCTIONS.get(q[0]!) ?? null) : null;
  }

  /**
   * `model.layers` of a tfjs model, or a copy of part of it (`model.layers.slice(0, -2)`,
   * `.filter(…)`, `.reverse()`): a list whose elements are the model's layers.
   */
  isLayerList(node: Node | null | undefined, depth = 0): boolean {
    const n = unwrap(node);
    if (!n || depth > 4) return false;
    if (n.type === T.MemberExpression) return !n.computed && memberName(n) === 'layers' && this.isModel(n.object);
    const m = n.type === T.CallExpression ? calledMember(n) : null;
    return !!m && LAYER_LIST_METHODS.has(m.name) && this.isLayerList(m.member.object, depth + 1);
  }

  isTensorListCall(call: TSESTree.CallExpression): boolean {
    const m = calledMember(call);
    if (!m || !TENSOR_LIST_METHODS.has(m.name)) return false;
    const recv = this.kindOf(m.member.object);
    return !!recv && !recv.promise && (recv.kind === 'model' || recv.kind === 'layer');
  }

  private kindOfVariableInCode(v: Scope.Variable): ValueInfo | null {
    const def = v.defs[0]!;
    // bound by import / require of another module of the project: that module's engine answers
    if (def.type === 'ImportBinding' || (def.type === 'Variable' && isModuleImport(this, v))) return importedValue(this, v);
    if (def.type === 'Variable' && v.defs.length === 1) {
      const annotated = this.kindFromAnnotation(def.name.typeAnnotation?.typeAnnotation);
      if (annotated) {
        // `let shared: tf.LayersModel | undefined` written `shared = buildPoseNet(cfg)`: the annotation is the
        // type, the writes (when they agree with it) also say which layers the model has
        const sources = annotated.kind === 'model' || annotated.kind === 'layer' ? this.sourcesOfVariable(v) : null;
        const written = sources && sources.length > 0 ? this.agreeingKind(sources.filter((e) => !isNullish(unwrap(e) ?? e))) : null;
        return written && written.kind === annotated.kind && !!written.promise === !!annotated.promise ? written : annotated;
      }
    }
    if (def.type === 'Parameter' && v.defs.length === 1) {
      const name = def.name;
      const annotated = this.kindFromAnnotation(name.typeAnnotation?.typeAnnotation) ?? this.kindFromPatternAnnotation(name as TSESTree.Identifier);
      if (annotated) return annotated;
      if (name.parent?.type === T.AssignmentPattern && name.parent.left === name) return this.kindOf(name.parent.right);
      if (name.parent?.type === T.TSParameterProperty) return null;
      // `tf.loadLayersModel(url).then(function (m) { … })`: the value the promise resolves to
      const fn = def.node;
      const call = isFunction(fn) && fn.params[0] === name ? fn.parent : null;
      const m = call?.type === T.CallExpression && call.arguments[0] === fn ? calledMember(call) : null;
      if (m?.name === 'then') {
        const k = this.kindOf(m.member.object);
        return k?.promise ? { ...k, promise: false } : null;
      }
    }
    const sources = this.sourcesOfVariable(v);
    if (sources) {
      const writes = this.withoutSelfDerived(sources, (e) => unwrap(e)?.type === T.Identifier && this.variableOf(unwrap(e) as TSESTree.Identifier) === v);
      return this.agreeingKind(writes) ?? this.tensorThroughCycle(v, writes);
    }
    // `const { model } = get()` of a zustand store, `useTrainer(({ model }) => model)` (src/engine/state-containers.ts)
    const part = statePartOfVariable(this, v);
    if (part !== undefined) return part;
    // `const { encoder, decoder } = this.models.autoencoder`: a field of an instance of another module's class
    if (def.type === 'Variable' && v.defs.length === 1 && def.node.id.type === T.ObjectPattern && def.node.init) {
      const prop = def.name.parent;
      const key = prop?.type === T.Property && prop.value === def.name && prop.parent === def.node.id && !prop.computed ? propertyKeyName(prop) : null;
      const field = key !== null ? importedInstanceField(this, def.node.init, key) : null;
      if (field) return field;
    }
    // `for (const { xs } of batches)` with `batches: Batch[]`: the part of an annotated value (src/engine/declared-types.ts)
    const declared = this.kindFromAnnotation(declaredTypeOfVariable(this, v) ?? undefined);
    if (declared) return declared;
    // `const { value, grads } = tf.variableGrads(f)`: a tensor part of what a tfjs function returns
    if (def.type === 'Variable' && v.defs.length === 1 && def.node.id.type === T.ObjectPattern) {
      const prop = def.name.parent;
      const key = prop?.type === T.Property && prop.value === def.name && prop.parent === def.node.id && !prop.computed ? propertyKeyName(prop) : null;
      if (key !== null && this.tensorPartsOf(def.node.init)?.includes(key)) return { kind: 'tensor', via: 'factory' };
    }
    // `const [a, b] = tf.split(x, 2)`: tensors destructured from a tensor-list op
    if (def.type === 'Variable' && v.defs.length === 1 && def.node.id.type === T.ArrayPattern && def.node.id.elements.includes(def.name)) {
      const init = unwrap(def.node.init);
      const p = init?.type === T.CallExpression ? this.calleePath(init) : null;
      if (p && p.length === 1 && TENSOR_LIST_OPS.has(p[0]!)) return { kind: 'tensor', name: p[0]!, via: 'factory' };
      if (init?.type === T.CallExpression && this.isTensorListCall(init)) return { kind: 'tensor', via: 'factory' };
    }
    // `for (const w of layer.getWeights())`, `model.getWeights().forEach((w) => …)`: each element is a tensor
    if (v.defs.length === 1 && def.name.type === T.Identifier) {
      const iterated = iteratedBy(def.name);
      // also through a constant: `const weights = model.getWeights(); weights.map((w) => …)`
      const list = iterated?.type === T.Identifier ? this.constInit(iterated) : iterated;
      if (list?.type === T.CallExpression && this.isTensorListCall(list)) return { kind: 'tensor', via: 'factory' };
      // `for (const layer of model.layers)`, `model.layers.slice(0, 10).forEach((l) => …)`: each element is a layer
      if (this.isLayerList(iterated)) return { kind: 'layer', via: 'factory' };
    }
    // an exported function's parameter that no same-file call passes: the arguments its importers pass
    if (!sources && def.type === 'Parameter' && v.defs.length === 1 && def.name.type === T.Identifier) return parameterFromImporters(this, def.name);
    return null;
  }

  /**
   * The writes of a binding without those derived from the binding itself by a tensor op
   * (`h = h.add(x)`, `this.xs = tf.keep(oldX.concat(e, 0))` with `const oldX = this.xs`, `tf.add(acc, x)`):
   * such a write is a tensor exactly when the binding already holds one, so the other writes decide (all of
   * them are kept when nothing else is written).
   */
  private withoutSelfDerived(writes: readonly Node[], isSelf: (e: Node) => boolean): readonly Node[] {
    const refersToSelf = (e: Node | null | undefined): boolean => {
      const u = unwrap(e);
      if (!u) return false;
      if (isSelf(u)) return true;
      // `const oldX = this.xs`
      if (u.type !== T.Identifier) return false;
      const def = this.variableOf(u)?.defs[0];
      return def?.type === 'Variable' && def.node.id === def.name && def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const' && !!def.node.init && isSelf(def.node.init);
    };
    // through a chain of ops: `x = x.sub(mean).mul(f).add(mean)`, `h = tf.relu(h.add(b))`
    const derived = (e: Node, depth = 0): boolean => {
      let u = unwrap(e);
      if (u?.type === T.CallExpression && this.calleePath(u)?.join('.') === 'keep') u = unwrap(u.arguments[0]);
      if (u?.type !== T.CallExpression || depth > 16) return false;
      const m = calledMember(u);
      if (m && TENSOR_METHODS.has(m.name)) return refersToSelf(m.member.object) || derived(m.member.object, depth + 1);
      const p = this.calleePath(u);
      return !!p && p.length === 1 && TENSOR_OPS.has(p[0]!) && !!u.arguments[0] && (refersToSelf(u.arguments[0]) || derived(u.arguments[0], depth + 1));
    };
    const rest = writes.filter((w) => !derived(w));
    return rest.some((w) => !isNullish(unwrap(w) ?? w)) ? rest : writes;
  }

  /**
   * `let x = tf.randomNormal(shape); … x = next;` with `const next = tf.tidy(() => x.sub(…))` (a sampling loop):
   * a write that reaches back to the variable through other bindings is unknown while the variable is being
   * resolved. When the other writes agree on a tensor, the variable is one if, assuming so, those writes are
   * tensors too (the answers computed under the assumption are not kept: see `memoized`).
   */
  private tensorThroughCycle(v: Scope.Variable, writes: readonly Node[]): ValueInfo | null {
    const depth = openQueries.length;
    if (openQueries[depth - 1]?.key !== v) return null;
    // the cycle may close at the reference that asked for `v` (`x` in `x.sub(…)`, the query just below `v`'s)
    const ref = openQueries[depth - 2]?.key as Node | undefined;
    const own = ref?.type === T.Identifier && this.variableOf(ref) === v ? depth - 1 : depth;
    const through: Node[] = [];
    const others: Node[] = [];
    for (const w of writes) {
      const u = unwrap(w);
      if (!u || isNullish(u)) continue;
      const outer = cycleCut;
      cycleCut = Infinity;
      const k = this.kindOf(u);
      const cut = cycleCut;
      cycleCut = Math.min(outer, cut);
      (!k && (cut === depth || cut === own) ? through : others).push(u);
    }
    if (through.length === 0 || others.length === 0) return null;
    const base = this.agreeingKind(others);
    if (base?.kind !== 'tensor' || base.promise) return null;
    provisional.set(v, base);
    if (own !== depth) provisional.set(ref, base);
    try {
      const all = this.agreeingKind([...others, ...through]);
      return all?.kind === 'tensor' && !all.promise ? all : null;
    } finally {
      provisional.delete(v);
      if (own !== depth) provisional.delete(ref);
    }
  }

  /** The common kind of several writes; `null`/`undefined` literals are ignored; the origins are their union. */
  private agreeingKind(exprs: readonly Node[]): ValueInfo | null {
    let result: ValueInfo | null = null;
    const origins: ValueInfo[] = [];
    for (const e of exprs) {
      const u = unwrap(e);
      if (!u || isNullish(u)) continue;
      const k = this.kindOf(u);
      if (!k) return null;
      if (result && (result.kind !== k.kind || !!result.promise !== !!k.promise)) return null;
      result = result ?? k;
      for (const o of originsOf(k)) if (!origins.includes(o)) origins.push(o);
    }
    if (result && origins.length > 1) return { ...result, origins };
    return result;
  }

  private kindOfMember(n: TSESTree.MemberExpression): ValueInfo | null {
    // a tfjs API path (`tf.add`, `tf.layers.dense`) is a function or namespace of tfjs, never a value it made
    if (this.pathOf(n)) return null;
    const obj = unwrap(n.object);
    const name = memberName(n);
    // `agent.model`, `arr.push`: nothing below depends on where the member is read, only on the variable
    // and the name, so the answer is kept per variable and name
    const v = obj?.type === T.Identifier && name !== null && !n.computed ? this.variableOf(obj) : null;
    if (v) {
      let byName = this.memberKinds.get(v);
      if (!byName) this.memberKinds.set(v, (byName = new Map()));
      return memoized(byName, name!, null, () => this.kindOfMemberAt(n, obj, name));
    }
    return this.kindOfMemberAt(n, obj, name);
  }

  /** What `this.<name>` holds in the methods of `cls` (a class of this file): its annotation, or all of its writes agreeing. */
  kindOfThisField(cls: ClassNode, name: string): ValueInfo | null {
    const facts = this.fieldOf(cls, name);
    if (!facts) return null;
    const writes = this.fieldWrites(cls, name);
    // `this.xs = tf.keep(oldX.concat(example, 0))` with `const oldX = this.xs`: a write derived from the
    // field by a tensor op is a tensor when every other write is one
    const own = (e: Node): boolean => {
      const u = unwrap(e);
      return u?.type === T.MemberExpression && unwrap(u.object)?.type === T.ThisExpression && memberName(u) === name && thisClass(u.object as TSESTree.ThisExpression) === cls;
    };
    const written = writes.length > 0 ? this.agreeingKind(this.withoutSelfDerived(writes, own)) : null;
    // the annotation is the type; the writes, when they agree with it, also say which layers the value
    // has (`private encoder: tf.layers.Layer` written `tf.layers.dense({trainable: false})`)
    for (const a of facts.annotations) {
      const k = this.kindFromAnnotation(a);
      if (k) return written && written.kind === k.kind && !!written.promise === !!k.promise ? written : k;
    }
    return written ?? this.fieldJsdocKind(facts);
  }

  private kindOfMemberAt(n: TSESTree.MemberExpression, obj: Node | null, name: string | null): ValueInfo | null {
    const self = name !== null ? this.thisOf(obj) : null;
    if (self && name !== null) {
      const cls = thisClass(self);
      if (!cls) {
        // `this.model` in a method of an object literal (`const trainer = { model: null, init() { this.model = build(); } }`)
        const literal = objectOfThis(self);
        if (!literal) return null;
        const sources = this.literalFieldSources(literal, name);
        // a mixin (`Object.assign(Trainer.prototype, SerializableMixin)`): the field of the class it is mixed into
        return sources.length > 0 ? this.agreeingKind(sources) : mixinFieldKind(this, literal, name);
      }
      if (this.fieldOf(cls, name)) return this.kindOfThisField(cls, name);
    }
    // model.layers[i]
    if (n.computed && obj?.type === T.MemberExpression && memberName(obj) === 'layers' && this.isModel(obj.object)) {
      return { kind: 'layer', via: 'factory' };
    }
    // model.getWeights()[0], and `shadow[i]` with `const shadow = model.getWeights()`
    if (n.computed && obj?.type === T.CallExpression && this.isTensorListCall(obj)) return { kind: 'tensor', via: 'factory' };
    if (n.computed && obj?.type === T.Identifier) {
      const list = this.constInit(obj);
      if (list?.type === T.CallExpression && this.isTensorListCall(list)) return { kind: 'tensor', via: 'factory' };
    }
    // `tf.variableGrads(f).value`, `res.value` with `const res = tf.variableGrads(f)`
    if (!n.computed && name !== null && obj && this.tensorPartsOf(obj)?.includes(name)) return { kind: 'tensor', via: 'factory' };
    if (name === 'optimizer' && this.isModel(obj)) return { kind: 'optimizer', via: 'factory' };
    // `base.getLayer('embedding').output`, `base.outputs[0]`, `base.inputs`: the graph's symbolic tensors, where
    // a transfer head is built on a loaded model (`dense.apply(base.outputs[0])` builds a graph, never runs)
    if (!n.computed && (name === 'output' || name === 'input') && this.isModelOrLayer(obj)) return { kind: 'symbolic', via: 'factory' };
    if (n.computed && obj?.type === T.MemberExpression && !obj.computed && (memberName(obj) === 'outputs' || memberName(obj) === 'inputs') && this.isModelOrLayer(obj.object)) {
      return { kind: 'symbolic', via: 'factory' };
    }
    // `model.value` of `const model = shallowRef(null)` (Vue), written `model.value = build()`
    if (obj?.type === T.Identifier && name === 'value') {
      const held = this.vueRefSources(obj);
      if (held) return this.agreeingKind(held);
    }
    // `get().model`, `s.model` in a selector, `state.model` of a zustand or Solid store (src/engine/state-containers.ts)
    const part = name !== null ? statePart(this, obj, name) : undefined;
    if (part !== undefined) return part;
    // `Zoo.model` of `class Zoo { static model = tf.sequential(…) }` (and `Zoo.model = …` writes)
    if (obj?.type === T.Identifier && name !== null) {
      const statics = this.staticFieldWrites(obj, name);
      if (statics) return statics.length > 0 ? this.agreeingKind(statics) : null;
    }
    // a field of a user class instance, a property of an object literal, an element of an array
    const sources = this.memberSources(n);
    const fromSources = sources ? this.agreeingKind(sources) : null;
    if (fromSources) return fromSources;
    // `agent.model` of `new Agent()`, whose class declares `model: tf.LayersModel`, has a getter
    // `get model(): tf.LayersModel`, or documents `/** @type {tf.LayersModel} */ this.model = …`
    const c = name !== null ? this.containerOf(obj) : null;
    if (c?.type === 'class') {
      const facts = this.fieldOf(c.node, name!);
      if (!facts) return null;
      for (const a of facts.annotations) {
        const k = this.kindFromAnnotation(a);
        if (k) return k;
      }
      return this.fieldJsdocKind(facts);
    }
    // `opts.model` of a parameter documented `@param {Object} opts` + `@param {tf.LayersModel} opts.model`
    const documented = obj?.type === T.Identifier && name !== null ? this.jsdocKindOfParamMember(obj, name) : null;
    if (documented) return documented;
    if (sources) return null;
    // `batch.xs` with `batch: { xs: tf.Tensor }`, `xs[0]` with `xs: tf.Tensor[]` (src/engine/declared-types.ts)
    const declared = this.kindFromAnnotation(declaredType(this, n) ?? undefined);
    if (declared) return declared;
    // `agent.model` of `new Agent()`, Agent imported from a module whose class builds the model
    if (!obj || name === null) return null;
    // `models.shared` of `import * as models from './models'` / `const models = require('./models')`
    return importedInstanceField(this, obj, name) ?? importedMemberValue(this, n);
  }

  // ---------------------------------------------------------------- origin sets: what flows into a value

  /**
   * Every expression whose value a variable may hold, or null when some write is not visible:
   * the initialisers and `=` writes of every declaration (`var` in two branches included), the element
   * of a `for…of` loop or `forEach`-style callback, the part of a destructured value, and for an untyped
   * parameter the arguments of its same-file call sites.
   */
  sourcesOfVariable(v: Scope.Variable): Node[] | null {
    const out: Node[] = [];
    for (const def of v.defs) {
      if (def.type === 'Variable') {
        const declarator = def.node;
        const loop = declarator.parent?.parent;
        let base: Node[] | null;
        if (loop?.type === T.ForOfStatement && loop.left === declarator.parent) {
          base = this.elementSources(loop.right);
        } else if (declarator.init) {
          base = [declarator.init];
        } else {
          base = [];
        }
        if (!base) return null;
        const parts = this.patternSources(base, def.name, declarator.id);
        if (!parts) return null;
        out.push(...parts);
      } else if (def.type === 'Parameter') {
        const fn = def.node;
        if (!isFunction(fn) || v.defs.length !== 1) return null;
        // the parameter itself, or a name destructured from it: `function f({ model }) {}`
        let root: Node = def.name;
        while (root.parent && root.parent !== fn) root = root.parent;
        const index = fn.params.indexOf(root as TSESTree.Parameter);
        if (index < 0 || (root !== def.name && root.type !== T.ObjectPattern && root.type !== T.ArrayPattern)) return null;
        const sources = this.parameterSources(fn, index);
        if (!sources) return null;
        const parts = root === def.name ? sources : this.patternSources(sources, def.name, root);
        if (!parts) return null;
        out.push(...parts);
      } else {
        return null;
      }
    }
    const isConst = v.defs.every((d) => d.type === 'Variable' && d.node.parent?.type === T.VariableDeclaration && d.node.parent.kind === 'const');
    if (!isConst) {
      for (const r of v.references) {
        if (!r.isWrite() || !r.writeExpr || r.init) continue;
        const parent = r.identifier.parent;
        if (parent?.type !== T.AssignmentExpression || !isValueWrite(parent.operator) || parent.left !== r.identifier) return null;
        out.push(r.writeExpr);
      }
    }
    return out;
  }

  /** The parts of `bases` that a name inside a destructuring pattern takes (`const {a: [b]} = x`). */
  private patternSources(bases: Node[], name: Node, root: Node): Node[] | null {
    const steps: (string | number | null)[] = [];
    let n: Node = name;
    while (n !== root) {
      const parent: Node | undefined = n.parent;
      if (!parent) return null;
      if (parent.type === T.Property && parent.value === n) {
        const key = propertyKeyName(parent);
        if (key === null) return null;
        steps.unshift(key);
        n = parent.parent!; // the ObjectPattern
        continue;
      }
      if (parent.type === T.ArrayPattern) {
        const i = parent.elements.indexOf(n as TSESTree.DestructuringPattern);
        if (i < 0 || parent.elements.slice(0, i).some((e) => e?.type === T.RestElement)) return null;
        steps.unshift(i);
      } else if (parent.type === T.AssignmentPattern && parent.left === n) {
        // a default value: also a possible source
        bases = [...bases];
      } else {
        return null; // rest elements, …
      }
      n = parent;
    }
    let current = bases;
    for (const step of steps) {
      const next: Node[] = [];
      for (const b of current) {
        const parts = this.partSources(b, step, true);
        if (!parts) return null;
        next.push(...parts);
      }
      current = next;
    }
    return current;
  }

  /** The sources of `base.<key>` / `base[i]` (`null` key: any element). */
  /** `const { gen, disc } = buildGan(cfg)` with `buildGan` from another module: the object it returns there. */
  private importedReturnContainer(call: TSESTree.CallExpression): Container | null {
    if (this.calleePath(call)) return null;
    const f = importedCallReturns(this, call);
    return f ? f.index.agreeingContainer(f.index.returnedOf(f.fn)) : null;
  }

  /**
   * `<obj>.<name>` of an object literal of this file: its property (not a method) and the writes from outside
   * the literal in this file; null when a spread or a method hides it.
   */
  objectPartSources(obj: TSESTree.ObjectExpression, name: string): Node[] | null {
    const c: Container = { type: 'object', node: obj };
    const p = findProperty(obj, name);
    const outside = this.outsideWrites(c, name);
    if (!p) return outside.length > 0 && !obj.properties.some((q) => q.type === T.SpreadElement) ? [...outside] : null;
    return !p.method && !isFunction(unwrap(p.value)) ? [p.value, ...outside] : null;
  }

  /** The writes `<x>.<name> = value` of this file (from the shared walk of `calls()`), with their object. */
  memberWritesNamed(name: string): readonly { readonly object: Node; readonly value: Node }[] {
    if (!this.memberWrites) this.calls();
    return this.memberWrites!.get(name) ?? [];
  }

  /** The initialiser of a `const` the identifier names (`const weights = model.getWeights()`), or null. */
  constInitOf(id: TSESTree.Identifier): Node | null {
    return this.constInit(id);
  }

  /** The initialiser of a `const` the identifier names (`const weights = model.getWeights()`), or null. */
  private constInit(id: TSESTree.Identifier): Node | null {
    const v = this.variableOf(id);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.parent?.type !== T.VariableDeclaration || def.node.parent.kind !== 'const') return null;
    return unwrap(def.node.init);
  }

  /** The elements of `xs.map((x) => build(x))`, also through a `const` holding it: what the callback returns. */
  private mappedElements(expr: Node): Node[] | null {
    const e = expr.type === T.Identifier ? this.constInit(expr) : expr;
    if (e?.type !== T.CallExpression || calledMember(e)?.name !== 'map') return null;
    const cb = unwrap(e.arguments[0]);
    if (!isFunction(cb) || cb.async || cb.generator) return null;
    const returned = this.returnedOf(cb);
    return returned.length > 0 ? returned : null;
  }

  /**
   * `zoo` of `const zoo = buildSiamese(cfg)`, `buildSiamese` from another module: the object it returns there,
   * asked for its part `key` (read only when the builder's module names `key` at all).
   */
  private importedResultOfConst(id: TSESTree.Identifier, key: string): Container | null {
    const init = this.constInit(id);
    return init?.type === T.CallExpression && importedModuleMentions(this, init.callee, key) ? this.importedReturnContainer(init) : null;
  }

  /** An array literal that an imported builder returns, called here or through a `const` holding its result. */
  private importedElementsContainer(b: Node): Container | null {
    const call = b.type === T.CallExpression ? b : b.type === T.Identifier ? this.constInit(b) : null;
    const c = call?.type === T.CallExpression ? this.importedReturnContainer(call) : null;
    return c?.type === 'array' ? c : null;
  }

  private partSources(base: Node, key: string | number | null, destructured = false): Node[] | null {
    const b = unwrap(base);
    if (!b || isNullish(b)) return [];
    // `const members = rates.map((d) => buildClassifier({ d }))`: each element is what the callback returns
    if (typeof key !== 'string') {
      const mapped = this.mappedElements(b);
      if (mapped) return mapped;
    }
    // a builder of another module is read for `const { gen, disc } = buildGan()` and for a member of a
    // constant holding its result (`const zoo = buildSiamese(cfg); zoo.encoder`), not for every `f().x`
    const c =
      this.containerOf(b) ??
      (key === null
        ? // the elements of an array a builder of another module returns: `for (const layer of classificationHead(n))`
          this.importedElementsContainer(b)
        : destructured && b.type === T.CallExpression
          ? this.importedReturnContainer(b)
          : b.type === T.Identifier && typeof key === 'string'
            ? this.importedResultOfConst(b, key)
            : null);
    // `state.model` of `export const state = { model: null }` in another module, written by its importers
    if (!c && b.type === T.Identifier && typeof key === 'string') return importedObjectPartSources(this, b, key);
    if (!c) return null;
    if (c.type === 'class') {
      if (typeof key !== 'string') return null;
      const writes = this.fieldWrites(c.node, key);
      return writes.length > 0 ? [...writes] : null;
    }
    if (c.type === 'object') return typeof key === 'string' ? this.objectPartSources(c.node, key) : null;
    const elements = c.node.elements;
    if (elements.some((e) => !e || e.type === T.SpreadElement)) return null;
    if (key === null) return elements as Node[];
    const i = typeof key === 'number' ? key : Number(key);
    return Number.isInteger(i) && i >= 0 && i < elements.length ? [elements[i]!] : null;
  }

  /**
   * The elements of an array spread into a list (`layers: [...convBlock(cfg), head]`): an array literal the
   * expression holds, or one a function returns, in this file or in the module a builder is imported from.
   * Null when they are not all visible.
   */
  spreadElements(expr: Node): Node[] | null {
    const b = unwrap(expr);
    if (!b) return null;
    const home = homeOfNode(b);
    if (home && home !== this) return home.spreadElements(b); // a node of another module: its own index answers
    const c = this.containerOf(b) ?? (b.type === T.CallExpression ? this.importedReturnContainer(b) : null);
    if (c?.type !== 'array' || c.node.elements.some((e) => !e || e.type === T.SpreadElement)) return null;
    return c.node.elements as Node[];
  }

  /** `obj.name`, `obj['name']`, `arr[0]`, `arr[i]` on a user container. */
  memberSources(n: TSESTree.MemberExpression): Node[] | null {
    const name = memberName(n);
    if (name !== null) return this.partSources(n.object, name);
    if (!n.computed) return null;
    const v = literalValue(n.property);
    if (typeof v === 'number') return this.partSources(n.object, v);
    return this.containerOf(n.object)?.type === 'array' ? this.partSources(n.object, null) : null;
  }

  /** The elements `for (const x of <expr>)` or `<expr>.forEach((x) => …)` visits. */
  private elementSources(expr: Node): Node[] | null {
    return this.partSources(expr, null);
  }

  /** The arguments that reach parameter `index` of a function: same-file call sites, or array elements for callbacks. */
  private parameterSources(fn: FunctionNode, index: number): Node[] | null {
    const param = fn.params[index];
    if (param?.type !== T.Identifier && param?.type !== T.ObjectPattern && param?.type !== T.ArrayPattern) return null;
    // nets.forEach((net) => …), nets.map((net) => …)
    const call = fn.parent;
    if (call?.type === T.CallExpression && call.arguments[0] === fn) {
      const m = calledMember(call);
      if (m && index === 0 && ELEMENT_CALLBACKS.has(m.name)) return this.elementSources(m.member.object);
      return null;
    }
    const sites = this.callSitesOf(fn);
    if (!sites || sites.length === 0) return null;
    const out: Node[] = [];
    for (const { call: c, shift, elementsOf } of sites) {
      if (elementsOf) {
        // the element for the first parameter; the index and the array are not tfjs values
        const elements = index === 0 ? this.elementSources(elementsOf) : null;
        if (!elements) return null;
        out.push(...elements);
        continue;
      }
      const args = c.arguments;
      const at = index + shift;
      if (args.slice(0, at + 1).some((a) => a.type === T.SpreadElement)) return null;
      const a = args[at];
      if (!a) return null; // the parameter is undefined there: not a tfjs value in every call
      out.push(a);
    }
    return out;
  }

  /** Every CallExpression of the file by callee name (`f(…)`, `x.f(…)`), from one walk. */
  callsNamed(name: string): readonly TSESTree.CallExpression[] {
    if (!this.callIndex) {
      const index = new Map<string, TSESTree.CallExpression[]>();
      for (const call of this.calls()) {
        const c = unwrap(call.callee);
        const key = c?.type === T.Identifier ? c.name : c?.type === T.MemberExpression ? memberName(c) : null;
        if (key === null || key === undefined) continue;
        let list = index.get(key);
        if (!list) index.set(key, (list = []));
        list.push(call);
      }
      this.callIndex = index;
    }
    return this.callIndex.get(name) ?? [];
  }

  private methodNames: Set<string> | null = null;

  /** Every CallExpression of the file, in source order (one walk, shared by the engine modules). */
  calls(): readonly TSESTree.CallExpression[] {
    if (!this.allCalls) {
      const list: TSESTree.CallExpression[] = [];
      const names = new Set<string>();
      const sources: Node[] = [];
      const writes: MemberWrite[] = [];
      const writtenNames = new Set<string>();
      const thisMembers: TSESTree.MemberExpression[] = [];
      const es5 = this.es5;
      const protoObject = (o: Node | undefined, cls: string): void => {
        const obj = unwrap(o);
        if (obj?.type !== T.ObjectExpression) return;
        for (const p of obj.properties) {
          const key = p.type === T.Property ? propertyKeyName(p) : null;
          const fn = p.type === T.Property ? unwrap(p.value) : null;
          if (key !== null && (fn?.type === T.FunctionExpression)) es5.addMethod(cls, key, fn);
        }
      };
      forEachNode(this.sourceCode as never, this.linted, (node) => {
        switch (node.type) {
          case T.FunctionDeclaration:
            if (node.id) es5.addFunction(node.id.name, node);
            return;
          case T.VariableDeclarator: {
            const init = unwrap(node.init);
            if (node.id.type !== T.Identifier || !init) return;
            if (init.type === T.FunctionExpression) es5.addFunction(node.id.name, init);
            else if (init.type === T.ThisExpression) es5.aliases.add(node.id.name);
            return;
          }
          case T.NewExpression:
            if (node.callee.type === T.Identifier) es5.newNames.add(node.callee.name);
            return;
          case T.AssignmentExpression: {
            // `agent.model = build()`, `state.model = …`, `this.agent.model = …`: writes of a field or property from outside
            const left = node.left;
            if (left.type !== T.MemberExpression) return;
            // `Agent.prototype.act = function () {…}`, `Agent.prototype = { act: function () {…} }`
            const lo = unwrap(left.object);
            if (lo?.type === T.MemberExpression && memberName(lo) === 'prototype' && unwrap(lo.object)?.type === T.Identifier) {
              const fn = unwrap(node.right);
              const key = memberName(left);
              if (fn?.type === T.FunctionExpression && key !== null) es5.addMethod((unwrap(lo.object) as TSESTree.Identifier).name, key, fn);
            } else if (memberName(left) === 'prototype' && lo?.type === T.Identifier) {
              protoObject(node.right, lo.name);
              // `Child.prototype = Object.create(Parent.prototype)`
              const r = unwrap(node.right);
              const created = r?.type === T.CallExpression && calledMember(r)?.name === 'create' ? unwrap(r.arguments[0]) : null;
              const parent = created?.type === T.MemberExpression && memberName(created) === 'prototype' ? unwrap(created.object) : null;
              if (parent?.type === T.Identifier) es5.addParent(lo.name, parent);
            }
            const object = unwrap(left.object);
            const name = memberName(left);
            if (name !== null && object?.type !== T.ThisExpression) writtenNames.add(name);
            if (!isValueWrite(node.operator)) return;
            const viaThis = object?.type === T.MemberExpression && unwrap(object.object)?.type === T.ThisExpression;
            if (name !== null && (object?.type === T.Identifier || viaThis)) writes.push({ object: object!, name, value: node.right });
            return;
          }
          case T.CallExpression: {
            list.push(node);
            if (node.callee.type === T.Identifier && node.callee.name === 'require' && node.arguments[0]) sources.push(node.arguments[0]);
            // `util.inherits(Child, Parent)` / `inherits(Child, Parent)`
            const callee = unwrap(node.callee);
            const inherits = callee?.type === T.Identifier ? callee.name === 'inherits' : callee?.type === T.MemberExpression && memberName(callee) === 'inherits';
            if (inherits) {
              const ca = unwrap(node.arguments[0]);
              const pa = unwrap(node.arguments[1]);
              if (ca?.type === T.Identifier && pa?.type === T.Identifier) es5.addParent(ca.name, pa);
            }
            // `Object.assign(Agent.prototype, { act: function () {…} })`
            const target = unwrap(node.arguments[0]);
            if (target?.type === T.MemberExpression && memberName(target) === 'prototype' && unwrap(target.object)?.type === T.Identifier) {
              const m = calledMember(node);
              if (m?.name === 'assign' && unwrap(m.member.object)?.type === T.Identifier && (unwrap(m.member.object) as TSESTree.Identifier).name === 'Object') {
                protoObject(node.arguments[1], (unwrap(target.object) as TSESTree.Identifier).name);
              }
            }
            return;
          }
          case T.MethodDefinition:
          case T.Property:
          case T.PropertyDefinition:
            if (isFunction(node.value)) {
              const key = propertyKeyName(node);
              if (key !== null) names.add(key);
            }
            return;
          case T.ImportDeclaration:
          case T.ExportAllDeclaration:
          case T.ImportExpression:
            sources.push(node.source);
            return;
          case T.ExportNamedDeclaration:
            if (node.source) sources.push(node.source);
            return;
          case T.TSExternalModuleReference:
            sources.push(node.expression);
            return;
          case T.MemberExpression: {
            // `this.<name>`: the fields of every class, read from this one list (see fieldsOf); also
            // `self.<name>` with `var self = this` (checked against the binding when read: thisOf)
            const o = unwrap(node.object);
            if (o?.type === T.ThisExpression || (o?.type === T.Identifier && es5.aliases.has(o.name))) thisMembers.push(node);
            return;
          }
          default:
            return;
        }
      });
      this.allCalls = list;
      this.thisMembers = thisMembers;
      this.methodNames = names;
      this.sourceNodes = sources;
      this.writtenMemberNames = writtenNames;
      this.memberWrites = new Map();
      for (const w of writes) {
        const list = this.memberWrites.get(w.name);
        if (list) list.push(w);
        else this.memberWrites.set(w.name, [w]);
      }
    }
    return this.allCalls;
  }

  private sourceNodes: Node[] | null = null;
  /** Every `this.<x>` member expression of the file, in source order (collected by the pass of `calls()`). */
  private thisMembers: TSESTree.MemberExpression[] = [];
  private writtenMemberNames: ReadonlySet<string> | null = null;

  /**
   * Does the file assign `<x>.<name>` anywhere on an object other than `this` itself (`agent.model = …`,
   * `agent.critic.model = …`, `this.critic.model = …`)? Used where a value's provenance comes from another
   * module's class: a write here may replace it.
   */
  writesMember(name: string): boolean {
    if (!this.writtenMemberNames) this.calls();
    return this.writtenMemberNames!.has(name);
  }

  /** The values of those writes of `<x>.<name>` (`session.model = getClassifier()`), in source order. */
  memberWriteValues(name: string): readonly Node[] {
    if (!this.memberWrites) this.calls();
    return (this.memberWrites!.get(name) ?? []).map((w) => w.value);
  }

  /** Outside member writes by property name (from the shared walk of `calls()`). */
  private memberWrites: Map<string, MemberWrite[]> | null = null;
  private readonly outsideWriteCache = new Map<Node, Map<string, readonly Node[] | typeof IN_PROGRESS>>();

  /**
   * The values written to `<name>` of a user class instance or object literal from outside its own
   * body: `agent.model = build()` after `const agent = new Agent()`, `state.model = …` after
   * `const state = {}`, `this.agent.model = …`, `a.model = …` on a parameter whose call sites pass the
   * instance. The object's container is resolved like any value's; a write whose object does not
   * resolve to this container does not count (it may be another object).
   */
  outsideWrites(c: Container, name: string): readonly Node[] {
    let byName = this.outsideWriteCache.get(c.node);
    if (!byName) this.outsideWriteCache.set(c.node, (byName = new Map()));
    const cached = byName.get(name);
    if (cached === IN_PROGRESS) return [];
    if (cached) return cached;
    if (!this.memberWrites) this.calls();
    const candidates = this.memberWrites!.get(name) ?? [];
    if (candidates.length === 0) {
      byName.set(name, NO_NODES);
      return NO_NODES;
    }
    byName.set(name, IN_PROGRESS);
    const out: Node[] = [];
    for (const w of candidates) if (this.containerOf(w.object)?.node === c.node) out.push(w.value);
    byName.set(name, out);
    return out;
  }

  /** Every write of a class field: in its class (`this.x = …`, `x = …` declarations) and from outside. */
  /**
   * What `.value` of a Vue ref may hold: `const r = ref(x)` / `shallowRef(x)` with the function imported from
   * Vue (src/facts/vue-refs.ts): `x` and every `r.value = …` of the file. Null when `id` is no such ref.
   */
  vueRefSources(id: TSESTree.Identifier): Node[] | null {
    const v = this.variableOf(id);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.parent?.kind !== 'const') return null;
    const init = unwrap(def.node.init);
    const callee = init?.type === T.CallExpression ? unwrap(init.callee) : null;
    const fn = callee?.type === T.Identifier ? this.variableOf(callee)?.defs[0] : undefined;
    if (fn?.type !== 'ImportBinding' || fn.parent?.type !== T.ImportDeclaration || !VUE_MODULES.has(fn.parent.source.value)) return null;
    const spec = fn.node;
    const imported = spec.type === T.ImportSpecifier ? (spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value)) : null;
    if (imported === null || !VUE_REF_FUNCTIONS.has(imported)) return null;
    const out: Node[] = [];
    const first = (init as TSESTree.CallExpression).arguments[0];
    if (first && first.type !== T.SpreadElement) out.push(first);
    this.calls();
    for (const w of this.memberWrites!.get('value') ?? []) {
      const o = unwrap(w.object);
      if (o?.type === T.Identifier && this.variableOf(o) === v) out.push(w.value);
    }
    return out;
  }

  /**
   * What the property `name` of an object literal with methods may hold: its own value, every `this.<name> = …`
   * in its methods, and every `<binding>.<name> = …` of the file when a binding holds the literal.
   */
  private literalFieldSources(literal: TSESTree.ObjectExpression, name: string): Node[] {
    const out: Node[] = [];
    for (const p of literal.properties) {
      if (p.type === T.Property && propertyKeyName(p) === name && !isFunction(unwrap(p.value))) out.push(p.value);
    }
    this.calls();
    for (const m of this.thisMembers) {
      if (memberName(m) !== name) continue;
      const a = m.parent;
      if (a?.type !== T.AssignmentExpression || a.left !== m || !isValueWrite(a.operator)) continue;
      const t = this.thisOf(m.object);
      if (t && !thisClass(t) && objectOfThis(t) === literal) out.push(a.right);
    }
    const decl = literal.parent;
    if (decl?.type === T.VariableDeclarator && decl.init === literal && decl.id.type === T.Identifier) {
      const v = this.variableOf(decl.id);
      for (const w of this.memberWrites!.get(name) ?? []) {
        const o = unwrap(w.object);
        if (o?.type === T.Identifier && this.variableOf(o) === v) out.push(w.value);
      }
    }
    return out;
  }

  /**
   * The writes of a static field `Zoo.<name>` of a same-file class (its `static name = …` and `Zoo.name = …`
   * anywhere in the file), or null when `id` names no class with such a field.
   */
  staticFieldWrites(id: TSESTree.Identifier, name: string): Node[] | null {
    const cls = this.classOfIdentifier(id);
    if (!cls || isEs5Class(cls)) return null;
    const writes: Node[] = [];
    let declared = false;
    for (const el of cls.body.body) {
      if (el.type === T.PropertyDefinition && el.static && propertyKeyName(el) === name) {
        declared = true;
        if (el.value) writes.push(el.value);
      }
    }
    if (!declared) return null;
    const v = this.variableOf(id);
    this.calls();
    for (const w of this.memberWrites!.get(name) ?? []) {
      const o = unwrap(w.object);
      if (o?.type === T.Identifier && this.variableOf(o) === v) writes.push(w.value);
    }
    return writes;
  }

  fieldWrites(cls: ClassNode, name: string): readonly Node[] {
    const inside = this.fieldOf(cls, name)?.writes ?? NO_NODES;
    const outside = this.outsideWrites({ type: 'class', node: cls }, name);
    return outside.length === 0 ? inside : [...inside, ...outside];
  }

  /**
   * The specifier expressions of the file's imports, re-exports, `import()`, `require()` and
   * `import x = require()`, in source order (collected by the same walk as `calls()`).
   */
  moduleSpecifierNodes(): readonly Node[] {
    if (!this.sourceNodes) this.calls();
    return this.sourceNodes!;
  }

  /** Names of the methods (and function-valued properties) the file's classes and object literals define. */
  userMethodNames(): ReadonlySet<string> {
    if (!this.methodNames) this.calls();
    return this.methodNames!;
  }

  /** The constructor `new C(…)` runs, for a same-file class (its own, or a same-file superclass's). */
  constructorOf(n: TSESTree.NewExpression): FunctionNode | null {
    const callee = unwrap(n.callee);
    for (let cls = callee?.type === T.Identifier ? this.classOfIdentifier(callee) : null, depth = 0; cls && depth < 8; depth++) {
      for (const el of cls.body.body) if (el.type === T.MethodDefinition && el.kind === 'constructor' && isFunction(el.value)) return el.value;
      const sup = superClassOf(cls);
      cls = sup?.type === T.Identifier ? this.classOfIdentifier(sup) : null;
    }
    return null;
  }

  /**
   * The same-file call sites of a function, or null when it also escapes (passed as a value, `.apply`,
   * `.bind`), so that its arguments are not all visible. A function declaration or `const f = …` is
   * found through its variable's references; a method through the calls on instances of its class
   * (or on the object literal that holds it).
   */
  callSitesOf(fn: FunctionNode): readonly CallSite[] | null {
    if (this.callSites.has(fn)) return this.callSites.get(fn)!;
    this.callSites.set(fn, null);
    const result = this.computeCallSites(fn);
    this.callSites.set(fn, result);
    return result;
  }

  /**
   * The `new Cls(…)` expressions of a same-file class, when every use of its name in the file is one (an
   * export of the name, ESM or CommonJS (`module.exports = { Gate }`), is no use: importers are asked separately). Null when the class is passed around,
   * extended or constructed through another name, so that some arguments are not visible.
   */
  private constructorSites(cls: ClassNode): CallSite[] | null {
    // the binding in the scope around the class (a class declaration also names itself inside its own scope)
    const declarator = cls.parent?.type === T.VariableDeclarator && cls.parent.init === cls ? cls.parent : null;
    const variable = (this.sourceCode.scopeManager?.getDeclaredVariables(cls.type === T.ClassDeclaration ? cls : (declarator ?? cls)) ?? []).find((v) => v.scope.block !== cls) ?? null;
    if (!variable || variable.defs.length !== 1) return null;
    const sites: CallSite[] = [];
    for (const r of variable.references) {
      if (r.init) continue;
      const p = r.identifier.parent;
      if (p?.type === T.NewExpression && p.callee === r.identifier) sites.push({ call: p, shift: 0 });
      else if (p?.type !== T.ExportSpecifier && !isCommonJsExport(r.identifier)) return null;
    }
    return sites;
  }

  private computeCallSites(fn: FunctionNode): CallSite[] | null {
    const sites: CallSite[] = [];
    const parent = fn.parent;
    let variable: Scope.Variable | null = null;
    if (fn.type === T.FunctionDeclaration && fn.id) variable = this.variableOf(fn.id);
    else if (parent?.type === T.VariableDeclarator && parent.init === fn && parent.id.type === T.Identifier) variable = this.variableOf(parent.id);
    if (variable) {
      if (variable.defs.length !== 1) return null;
      for (const r of variable.references) {
        if (r.init) continue;
        const id = r.identifier;
        const p = id.parent;
        if (p?.type === T.CallExpression && p.callee === id) sites.push({ call: p, shift: 0 });
        else if (p?.type === T.ExportSpecifier) continue;
        else if (p?.type === T.CallExpression && p.arguments[0] === id && p.arguments.length === 1) {
          // `nets.forEach(trainOne)`: called once per element (any other use of the reference escapes)
          const m = calledMember(p);
          if (!m || !ELEMENT_CALLBACKS.has(m.name)) return null;
          sites.push({ call: p, shift: 0, elementsOf: m.member.object });
        }
        else if (p?.type === T.MemberExpression && p.object === id && memberName(p) === 'call' && p.parent?.type === T.CallExpression && p.parent.callee === p) {
          sites.push({ call: p.parent, shift: 1 });
        } else return null;
      }
      return sites;
    }
    // a constructor: `new Gate(buildNet())` wherever the class's name is constructed in this file
    if (parent?.type === T.MethodDefinition && parent.kind === 'constructor' && parent.value === fn) return this.constructorSites(parent.parent.parent as ClassNode);
    // a curried step: `const attachHead = (cfg) => (encoder) => …`, called as `attachHead(cfg)(encoder)`
    const outer = parent && isFunction(parent) && parent.body === fn ? parent : parent?.type === T.ReturnStatement ? enclosingFunction(parent) : null;
    if (outer && !outer.async && !outer.generator) {
      const outerSites = this.callSitesOf(outer);
      if (!outerSites || outerSites.length === 0) return null;
      for (const { call, shift, elementsOf } of outerSites) {
        const p = call.parent;
        if (elementsOf || shift !== 0 || p?.type !== T.CallExpression || p.callee !== call) return null;
        sites.push({ call: p, shift: 0 });
      }
      return sites;
    }
    // a method: class method or object-literal method
    let owner: Container | null = null;
    let name: string | null = null;
    if ((parent?.type === T.MethodDefinition || parent?.type === T.PropertyDefinition) && parent.value === fn && !parent.static) {
      owner = { type: 'class', node: parent.parent.parent as ClassNode };
      name = propertyKeyName(parent);
    } else if (parent?.type === T.Property && parent.value === fn && parent.parent.type === T.ObjectExpression) {
      owner = { type: 'object', node: parent.parent };
      name = propertyKeyName(parent);
    }
    if (!owner || name === null) return null;
    for (const call of this.callsNamed(name)) {
      const m = calledMember(call);
      if (!m) continue;
      const recv = unwrap(m.member.object);
      if (!recv) continue;
      if (this.containerOf(recv)?.node === owner.node) sites.push({ call, shift: 0 });
    }
    return sites;
  }

  /**
   * The user container an expression holds (an instance of a same-file class, an object literal, an
   * array literal), when every source agrees. Null for tfjs values, unknown values, and disagreement.
   */
  containerOf(node: Node | null | undefined): Container | null {
    const n = unwrap(node);
    if (!n) return null;
    return memoized(this.containers, n, null, () => this.computeContainer(n));
  }

  private computeContainer(n: Node): Container | null {
    switch (n.type) {
      case T.ObjectExpression:
        return { type: 'object', node: n };
      case T.ArrayExpression:
        return { type: 'array', node: n };
      case T.ThisExpression: {
        const cls = thisClass(n);
        return cls ? { type: 'class', node: cls } : null;
      }
      case T.NewExpression: {
        const callee = unwrap(n.callee);
        const cls = callee?.type === T.Identifier ? this.classOfIdentifier(callee) : null;
        return cls ? { type: 'class', node: cls } : null;
      }
      case T.AwaitExpression:
        return this.containerOf(n.argument);
      case T.Identifier: {
        const v = this.variableOf(n);
        if (!v || v.defs.length === 0) return null;
        // every reference of the variable holds the same container: computed once per variable
        return memoized(this.varContainers, v, null, () => {
          const sources = this.sourcesOfVariable(v);
          return sources ? this.agreeingContainer(sources) : null;
        });
      }
      case T.MemberExpression: {
        const sources = this.memberSources(n);
        return sources ? this.agreeingContainer(sources) : null;
      }
      case T.CallExpression: {
        const path = this.calleePath(n);
        if (path) {
          // `const { states, returns } = tf.tidy(() => ({ … }))`: tidy returns what its function returns
          const body = path.length === 1 && path[0] === 'tidy' ? unwrap(n.arguments[n.arguments.length - 1]) : null;
          return body && isFunction(body) && !body.async ? this.agreeingContainer(this.returnedOf(body)) : null;
        }
        const fn = this.callTarget(n);
        return fn && !fn.async ? this.agreeingContainer(this.returnedOf(fn)) : null;
      }
      case T.ConditionalExpression:
        return this.agreeingContainer([n.consequent, n.alternate]);
      default:
        return null;
    }
  }

  private agreeingContainer(exprs: readonly Node[]): Container | null {
    let result: Container | null = null;
    for (const e of exprs) {
      const u = unwrap(e);
      if (!u || isNullish(u)) continue;
      const c = this.containerOf(u);
      if (!c || (result && result.node !== c.node)) return null;
      result = c;
    }
    return result;
  }

  /** The method `name` of a container: a class method (own or a same-file superclass's) or an object-literal function. */
  methodOfContainer(c: Container, name: string): FunctionNode | null {
    if (c.type === 'object') {
      let found: FunctionNode | null = null;
      for (const p of c.node.properties) {
        if (p.type === T.SpreadElement) found = null;
        else if (propertyKeyName(p) === name) {
          const v = unwrap(p.value);
          found = isFunction(v) ? v : null;
        }
      }
      return found;
    }
    if (c.type !== 'class') return null;
    for (let cls: ClassNode | null = c.node, depth = 0; cls && depth < 8; depth++) {
      for (const el of cls.body.body) {
        if ((el.type === T.MethodDefinition && el.kind === 'method') || el.type === T.PropertyDefinition) {
          if (!el.static && propertyKeyName(el) === name && isFunction(el.value)) return el.value;
        }
      }
      const sup = superClassOf(cls);
      cls = sup?.type === T.Identifier ? this.classOfIdentifier(sup) : null;
    }
    return null;
  }

  /** The same-file function or method a call invokes: `f(…)`, `this.m(…)`, `agent.m(…)`, `obj.m(…)`. */
  callTarget(call: TSESTree.CallExpression | TSESTree.NewExpression): FunctionNode | null {
    if (call.type !== T.CallExpression) return null;
    const callee = unwrap(call.callee);
    if (callee?.type === T.Identifier) return this.functionOfIdentifier(callee);
    // `attachHead(cfg)(encoder)`: the function a same-file function returns (its only `return`)
    if (callee?.type === T.CallExpression) {
      const outer = this.callTarget(callee);
      const returned = outer && !outer.async && !outer.generator ? this.returnedOf(outer) : [];
      const inner = returned.length === 1 ? unwrap(returned[0]) : null;
      return isFunction(inner) ? inner : null;
    }
    const m = calledMember(call);
    if (!m) return null;
    const obj = unwrap(m.member.object);
    if (!obj) return null;
    // `this.lossFn(…)`, or `self.lossFn(…)` with `var self = this`
    const self = this.thisOf(obj);
    if (self) return this.methodOfThis(self, m.name);
    // `MlpMixer.create(cfg)`: a static method of a same-file class
    if (obj.type === T.Identifier) {
      const cls = this.classOfIdentifier(obj);
      if (cls && !isEs5Class(cls)) {
        for (const el of cls.body.body) {
          if (el.type === T.MethodDefinition && el.static && el.kind === 'method' && propertyKeyName(el) === m.name && isFunction(el.value)) return el.value;
        }
      }
    }
    const c = this.containerOf(obj);
    return c ? this.methodOfContainer(c, m.name) : null;
  }

  /**
   * True when every origin of a value lies outside what this file shows: a parameter no same-file call
   * site passes, a binding imported from another module of the project, or a field / member / call
   * result built only from those. Such a receiver, used as a model inside a proven tfjs training step,
   * is a model of unknown origin; a function, a user class instance or a value from a non-tfjs
   * package is not.
   */
  hasOnlyOutsideOrigins(node: Node | null | undefined): boolean {
    const n = unwrap(node);
    if (!n) return false;
    const cached = this.opaque.get(n);
    if (cached === IN_PROGRESS) return false;
    if (cached !== undefined) return cached;
    this.opaque.set(n, IN_PROGRESS);
    const result = this.computeOutside(n);
    this.opaque.set(n, result);
    return result;
  }

  private computeOutside(n: Node): boolean {
    switch (n.type) {
      case T.Identifier: {
        const v = this.variableOf(n);
        if (!v || v.defs.length !== 1) return false;
        const def = v.defs[0]!;
        if (def.type === 'ImportBinding') return this.originsOfImportBinding(v) === 'outside';
        if (def.type === 'Parameter') {
          if (def.name.type !== T.Identifier || def.name.typeAnnotation) return false;
          const fn = def.node;
          // documented as a type that is provably not tfjs (`@param {MyNet} net`, `@param {number} n`)
          if (isFunction(fn) && this.jsdocSaysNotTfjs(fn, def.name.name)) return false;
          if (!isFunction(fn) || fn.params.indexOf(def.name) < 0) return false;
          if (fn.parent?.type === T.CallExpression && (fn.parent.arguments as Node[]).includes(fn)) return false; // a callback: its caller decides
          const sources = this.sourcesOfVariable(v);
          return sources ? sources.length > 0 && sources.every((s) => this.hasOnlyOutsideOrigins(s)) : (this.callSitesOf(fn)?.length ?? 0) === 0;
        }
        if (def.type === 'Variable') {
          if (isFunction(unwrap(def.node.init))) return false;
          const sources = this.sourcesOfVariable(v);
          return !!sources && sources.length > 0 && sources.every((s) => this.hasOnlyOutsideOrigins(s));
        }
        return false;
      }
      case T.MemberExpression: {
        const obj = unwrap(n.object);
        if (obj?.type === T.ThisExpression) {
          const cls = thisClass(obj);
          const name = memberName(n);
          if (!cls || name === null || this.methodOfContainer({ type: 'class', node: cls }, name)) return false;
          const writes = this.fieldWrites(cls, name);
          return writes.length > 0 && writes.every((w) => this.hasOnlyOutsideOrigins(w));
        }
        if (this.containerOf(obj)) {
          const sources = this.memberSources(n);
          return !!sources && sources.length > 0 && sources.every((s) => this.hasOnlyOutsideOrigins(s));
        }
        return !n.computed && this.hasOnlyOutsideOrigins(obj);
      }
      case T.AwaitExpression:
        return this.hasOnlyOutsideOrigins(n.argument);
      case T.CallExpression: {
        if (this.calleePath(n) || this.callTarget(n)) return false;
        const callee = unwrap(n.callee);
        return callee?.type === T.Identifier && this.hasOnlyOutsideOrigins(callee);
      }
      default:
        return false;
    }
  }

  /**
   * Where an identifier bound by an import (or `require`) gets its value: the tfjs module's API (handled by
   * `pathOf`), another module of the project (`'outside'`: relative specifiers, bare ones that name project
   * files (aliases, workspace packages, `#` imports), and the local wrapper modules of `settings.torch2tf.modules`),
   * or a package that is not tfjs (`'package'`). The one place cross-module resolution plugs in
   * (src/engine/modules.ts).
   */
  private originsOfImportBinding(v: Scope.Variable): 'tfjs' | 'outside' | 'package' | null {
    const def = v.defs[0];
    if (!def || def.type !== 'ImportBinding') return null;
    const node = def.node;
    let source: string | null = null;
    if (node.type === T.TSImportEqualsDeclaration) {
      const ref = node.moduleReference;
      if (ref.type === T.TSExternalModuleReference) source = typeof ref.expression.value === 'string' ? ref.expression.value : null;
    } else if (node.parent?.type === T.ImportDeclaration) {
      source = node.parent.source.value;
    }
    if (source === null) return null;
    if (isTfModule(source, this.settings)) return 'tfjs';
    if (isRelativeSpecifier(source) || this.settings.modules.includes(source)) return 'outside';
    // `@/models/net`, `@acme/models`, `#models/net`: a bare specifier naming a project file
    return resolveModule(this.filename, source) !== null ? 'outside' : 'package';
  }

  /** `this.<name>` facts per class: writes, annotations, uses. */
  /** The file's `this.<x>` expressions inside `cls.body` and outside any class nested in it, in source order. */
  private thisMembersIn(cls: ClassNode): TSESTree.MemberExpression[] {
    // a constructor function's fields are also written in its prototype methods: the whole list (fieldsOf
    // keeps the members whose `this` is an instance of it)
    if (isEs5Class(cls)) {
      this.calls();
      return this.thisMembers;
    }
    let root: Node = cls;
    while (root.parent) root = root.parent;
    if (root !== this.sourceCode.ast) {
      // a class of a file this index does not hold (its home unknown): walk it
      const found: TSESTree.MemberExpression[] = [];
      walk(cls.body, this.sourceCode.visitorKeys, (node) => {
        if ((node.type === T.ClassDeclaration || node.type === T.ClassExpression) && node !== cls) return false;
        if (node.type === T.MemberExpression && unwrap(node.object)?.type === T.ThisExpression) found.push(node);
        return undefined;
      });
      return found;
    }
    this.calls();
    const list = this.thisMembers;
    const [start, end] = cls.body.range;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.range[0] < start) lo = mid + 1;
      else hi = mid;
    }
    const out: TSESTree.MemberExpression[] = [];
    for (let i = lo; i < list.length && list[i]!.range[0] < end; i++) {
      const node = list[i]!;
      let nested = false;
      for (let n: Node | undefined = node.parent; n && n !== cls.body; n = n.parent) {
        if (n.type === T.ClassDeclaration || n.type === T.ClassExpression) {
          nested = true;
          break;
        }
      }
      if (!nested) out.push(node);
    }
    return out;
  }

  fieldsOf(cls: ClassNode): Map<string, FieldFacts> {
    // a class of another module: its own index holds its file's `this.<x>` list
    const home = homeOfNode(cls);
    if (home && home !== this) return home.fieldsOf(cls);
    let map = this.classFields.get(cls);
    if (map) return map;
    const fields = new Map<string, FieldFacts>();
    map = fields;
    const get = (name: string): FieldFacts => {
      let f = fields.get(name);
      if (!f) fields.set(name, (f = { writes: [], annotations: [], uses: [], jsdoc: [] }));
      return f;
    };
    for (const el of cls.body.body) {
      if (el.type === T.PropertyDefinition && !el.static) {
        const key = propertyKeyName(el);
        if (key === null) continue;
        if (el.value) get(key).writes.push(el.value);
        if (el.typeAnnotation) get(key).annotations.push(el.typeAnnotation.typeAnnotation);
        if (this.jsdocTag(el, 'type')) get(key).jsdoc.push(el);
      }
      // `get model(): tf.LayersModel { return this.models.classifier; }`: read like a field of that type,
      // holding what it returns
      if (el.type === T.MethodDefinition && el.kind === 'get' && !el.static) {
        const key = propertyKeyName(el);
        if (key === null) continue;
        if (el.value.returnType) get(key).annotations.push(el.value.returnType.typeAnnotation);
        else if (el.value.type === T.FunctionExpression) get(key).writes.push(...(this.returnedOf(el.value) as TSESTree.Expression[]));
      }
      if (el.type === T.MethodDefinition && el.kind === 'constructor') {
        for (const p of el.value.params) {
          if (p.type === T.TSParameterProperty && p.parameter.type === T.Identifier && p.parameter.typeAnnotation) {
            get(p.parameter.name).annotations.push(p.parameter.typeAnnotation.typeAnnotation);
          }
        }
      }
    }
    // the `this.<x>` expressions inside the class body (not inside a nested class), from the file's list
    for (const node of this.thisMembersIn(cls)) {
      const name = memberName(node);
      const self = name !== null ? this.thisOf(node.object) : null;
      if (name !== null && self && thisClass(self) === cls) {
        const f = get(name);
        f.uses.push(node);
        const parent = node.parent;
        if (parent?.type === T.AssignmentExpression && parent.left === node && isValueWrite(parent.operator)) {
          f.writes.push(parent.right);
          if (this.jsdocTag(parent, 'type')) f.jsdoc.push(parent);
        }
      }
    }
    this.classFields.set(cls, map);
    this.inheritFields(cls, fields);
    return map;
  }

  /**
   * Fields a subclass never writes or declares itself hold what its same-file superclasses put there,
   * with the subclass's overrides in place of the base's methods: `this.model = this.buildModel(cfg)` in
   * `BaseAgent`'s constructor holds, for a `DQNAgent`, what `DQNAgent#buildModel` returns (the template
   * method). The subclass's own `this.<x>` uses stay its own.
   */
  private inheritFields(cls: ClassNode, fields: Map<string, FieldFacts>): void {
    const below: ClassNode[] = [cls];
    let sup = superClassOf(cls);
    for (let depth = 0; sup?.type === T.Identifier && depth < 8; depth++) {
      const base = this.classOfIdentifier(sup);
      if (!base) {
        // a superclass of another module (`class Actor extends BaseNetwork`, imported): read field by field,
        // only for a name this class does not write itself (`fieldOf`), so that its module is parsed only
        // when such a field is asked about and its text can declare it
        if (!isEs5Class(cls)) this.foreignSupers.set(cls, { sup, below: [...below] });
        return;
      }
      if (below.includes(base)) return;
      for (const [name, facts] of this.fieldsOf(base)) {
        const own = fields.get(name);
        if (own && hasFacts(own)) continue;
        if (!hasFacts(facts)) continue;
        const writes = facts.writes.flatMap((w) => this.overriddenReturns(w, below) ?? [w]);
        fields.set(name, { writes, annotations: facts.annotations, jsdoc: facts.jsdoc, uses: own?.uses ?? [] });
      }
      below.push(base);
      sup = superClassOf(base);
    }
  }

  /** The superclass of another module a class (or its same-file superclasses) extends, with the classes below it. */
  private readonly foreignSupers = new WeakMap<ClassNode, { sup: TSESTree.Identifier; below: ClassNode[] }>();
  private readonly foreignTried = new WeakMap<ClassNode, Set<string>>();

  /**
   * What `this.<name>` holds in `cls`: its own facts (and its same-file superclasses'), else what a
   * superclass of another module puts there (`get model(): tf.LayersModel` in `./base-network`), with this
   * class's overrides of the methods it calls (the template method).
   */
  fieldOf(cls: ClassNode, name: string): FieldFacts | undefined {
    const home = homeOfNode(cls);
    if (home && home !== this) return home.fieldOf(cls, name);
    const fields = this.fieldsOf(cls);
    const own = fields.get(name);
    if (own && hasFacts(own)) return own;
    const foreign = this.foreignSupers.get(cls);
    if (!foreign) return own;
    let tried = this.foreignTried.get(cls);
    if (!tried) this.foreignTried.set(cls, (tried = new Set()));
    if (tried.has(name)) return fields.get(name);
    tried.add(name);
    const inherited = importedSuperField(this, foreign.sup, name);
    if (!inherited || !hasFacts(inherited)) return own;
    const writes = inherited.writes.flatMap((w) => this.overriddenReturns(w, foreign.below) ?? [w]);
    const merged = { writes, annotations: inherited.annotations, jsdoc: inherited.jsdoc, uses: own?.uses ?? [] };
    fields.set(name, merged);
    return merged;
  }

  /** `this.m(…)`, where one of `classes` (a subclass first) defines `m`: what that override returns. */
  private overriddenReturns(write: Node, classes: readonly ClassNode[]): TSESTree.Expression[] | null {
    const call = unwrap(write);
    if (call?.type !== T.CallExpression) return null;
    const callee = unwrap(call.callee);
    if (callee?.type !== T.MemberExpression || unwrap(callee.object)?.type !== T.ThisExpression) return null;
    const name = memberName(callee);
    if (name === null) return null;
    for (const c of classes) {
      if (isEs5Class(c)) {
        const m = this.es5.method(c, name);
        if (!m) continue;
        const returned = this.returnedOf(m) as TSESTree.Expression[];
        return m.async || m.generator || returned.length === 0 ? null : returned;
      }
      for (const el of c.body.body) {
        if (el.type === T.MethodDefinition && el.kind === 'method' && !el.static && propertyKeyName(el) === name && el.value.type === T.FunctionExpression) {
          const returned = this.returnedOf(el.value) as TSESTree.Expression[];
          return el.value.async || el.value.generator || returned.length === 0 ? null : returned;
        }
      }
    }
    return null;
  }

  /** The kind a TS type annotation denotes, when it names a tfjs type. */
  private localTypeDepth = 0;

  /**
   * A type named in this file: a type parameter's constraint (`S extends tf.LayersModel`) or a type
   * alias (`type Net = tf.Sequential`), whatever it is bound to.
   */
  private kindOfLocalType(name: TSESTree.Identifier): ValueInfo | null {
    if (this.localTypeDepth > 4) return null;
    const def = this.variableOf(name)?.defs[0];
    const node = def?.node as Node | undefined;
    const bound =
      node?.type === T.TSTypeParameter ? node.constraint : node?.type === T.TSTypeAliasDeclaration && !node.typeParameters ? node.typeAnnotation : undefined;
    if (!bound) return null;
    this.localTypeDepth++;
    try {
      return this.kindFromAnnotation(bound);
    } finally {
      this.localTypeDepth--;
    }
  }

  /** `(model.predict(x) as tf.Tensor)`, `<tf.Tensor>y`: the type a cast around an unknown value asserts. */
  private kindFromCast(n: Node): ValueInfo | null {
    let c: Node = n;
    for (let p = n.parent; p; c = p, p = p.parent) {
      if ((p.type === T.TSAsExpression || p.type === T.TSTypeAssertion) && p.expression === c) {
        const k = this.kindFromAnnotation(p.typeAnnotation);
        if (k) return k;
      } else if (!((p.type === T.TSNonNullExpression || p.type === T.TSSatisfiesExpression || p.type === T.ChainExpression) && p.expression === c)) {
        return null;
      }
    }
    return null;
  }

  kindFromAnnotation(type: TSESTree.TypeNode | undefined): ValueInfo | null {
    if (!type) return null;
    // an annotation of another module (a field inherited from an imported superclass) names its own imports
    const home = homeOfNode(type);
    if (home && home !== this) return home.kindFromAnnotation(type);
    switch (type.type) {
      case T.TSTypeReference: {
        const p = this.pathOfEntityName(type.typeName);
        if (p) return kindOfTypePath(p);
        if (type.typeName.type === T.Identifier && type.typeName.name === 'Promise') {
          const inner = this.kindFromAnnotation(type.typeArguments?.params[0]);
          return inner ? { ...inner, promise: true } : null;
        }
        return type.typeName.type === T.Identifier ? this.kindOfLocalType(type.typeName) : null;
      }
      case T.TSUnionType: {
        let result: ValueInfo | null = null;
        for (const t of type.types) {
          if (t.type === T.TSNullKeyword || t.type === T.TSUndefinedKeyword) continue;
          const k = this.kindFromAnnotation(t);
          if (!k || (result && result.kind !== k.kind)) return null;
          result = result ?? k;
        }
        return result;
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- JSDoc types (src/engine/jsdoc.ts)

  /** The JSDoc tag of a declaration: its `@type` / `@returns`, or the `@param` for `name`. */
  private jsdocTag(node: Node, tag: JsdocTag['tag'], name?: string): JsdocTag | null {
    // comments are looked up by position: only in the source text the node belongs to
    const home = homeOfNode(node);
    if (home && home !== this) return home.jsdocTag(node, tag, name);
    for (const t of jsdocTagsOf(this.sourceCode, node)) {
      if (t.tag === tag && t.typeText && (tag !== 'param' || t.name === name)) return t;
    }
    return null;
  }

  private jsdocKind(node: Node, tag: JsdocTag['tag'], name?: string): ValueInfo | null {
    const t = this.jsdocTag(node, tag, name);
    return t?.typeText ? this.kindFromJsdoc(parseJsdocType(t.typeText), node) : null;
  }

  /**
   * The JSDoc type of a variable or parameter: `/** @type {tf.LayersModel} *\/ let model;` (one declarator),
   * `/** @param {tf.Tensor} x *\/ function f(x)` (also `[x]`, `x = default`, methods, constructors, and
   * `const f = (x) => …` documented on the variable statement).
   */
  private jsdocKindOfVariable(v: Scope.Variable): ValueInfo | null {
    if (v.defs.length !== 1) return null;
    const def = v.defs[0]!;
    if (def.name.type === T.Identifier && def.name.typeAnnotation) return null; // a TS annotation is the type
    if (def.type === 'Variable') return def.node.id === def.name ? this.jsdocKind(def.node, 'type') : null;
    const param = def.type === 'Parameter' ? (this.documentedParam(def.node, def.name) ?? this.documentedPatternParam(def.node, def.name)) : null;
    return param ? this.jsdocKind(param.fn, 'param', param.name) : null;
  }

  /**
   * A name destructured from a parameter, by its JSDoc path: `function f({ model })` documented with
   * `@param {Object} opts` and `@param {tf.LayersModel} opts.model` (the root name is the one the
   * parameter's position has among the top-level `@param` tags) → `opts.model`.
   */
  private documentedPatternParam(fn: Node, id: Node): { fn: FunctionNode; name: string } | null {
    if (!isFunction(fn) || id.type !== T.Identifier) return null;
    let prop: Node | undefined = id.parent;
    if (prop?.type === T.AssignmentPattern && prop.left === id) prop = prop.parent;
    if (prop?.type !== T.Property || prop.computed || prop.parent?.type !== T.ObjectPattern) return null;
    const key = propertyKeyName(prop);
    let root: Node = prop.parent;
    if (root.parent?.type === T.AssignmentPattern && root.parent.left === root) root = root.parent;
    const index = fn.params.indexOf(root as TSESTree.Parameter);
    if (key === null || index < 0) return null;
    const tops = this.jsdocTags(fn).filter((t) => t.tag === 'param' && t.name !== undefined && !t.name.includes('.'));
    const rootName = tops[index]?.name;
    return rootName ? { fn, name: `${rootName}.${key}` } : null;
  }

  /** `opts.model` where `opts` is a parameter and JSDoc documents `@param {…} opts.model`. */
  private jsdocKindOfParamMember(obj: TSESTree.Identifier, name: string): ValueInfo | null {
    const v = this.variableOf(obj);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Parameter') return null;
    const param = this.documentedParam(def.node, def.name);
    return param ? this.jsdocKind(param.fn, 'param', `${param.name}.${name}`) : null;
  }

  /** Every tag of the JSDoc block attached to `node` (in the module the node belongs to). */
  private jsdocTags(node: Node): readonly JsdocTag[] {
    const home = homeOfNode(node);
    if (home && home !== this) return home.jsdocTags(node);
    return jsdocTagsOf(this.sourceCode, node);
  }

  /** A parameter JSDoc can name: a plain identifier, or the left of a default value. */
  private documentedParam(fn: Node, id: Node): { fn: FunctionNode; name: string } | null {
    if (!isFunction(fn) || id.type !== T.Identifier) return null;
    const root = id.parent?.type === T.AssignmentPattern && id.parent.left === id ? id.parent : id;
    return fn.params.includes(root as TSESTree.Parameter) ? { fn, name: id.name } : null;
  }

  /** A field's JSDoc `@type` (the first of its documented declarations / writes naming a tfjs type). */
  private fieldJsdocKind(facts: FieldFacts): ValueInfo | null {
    if (facts.annotations.length > 0) return null; // a TS annotation is the type
    for (const n of facts.jsdoc) {
      const k = this.jsdocKind(n, 'type');
      if (k) return k;
    }
    return null;
  }

  /**
   * The kind a JSDoc type denotes, with the names resolved from `at`: `tf.LayersModel` when `tf` is a
   * tfjs binding of the file (import, require, `settings.torch2tf.globals`), `LayersModel` imported from
   * tfjs, `import('@tensorflow/tfjs').LayersModel`; `Promise<T>`; unions whose non-null members agree.
   * The same names as `kindFromAnnotation` (TYPE_KINDS). Arrays (`T[]`, `Array<T>`) are unknown: the
   * engine has no notion of "an array of models" outside array literals.
   */
  kindFromJsdoc(type: JsdocType, at: Node, depth = 0): ValueInfo | null {
    if (depth > MAX_TYPEDEF_DEPTH) return null;
    switch (type.type) {
      case 'name': {
        const typedef = this.jsdocTypedef(type, at);
        if (typedef) return this.kindFromJsdoc(typedef, at, depth + 1);
        const p = this.pathOfJsdocName(type, at);
        return p ? kindOfTypePath(p) : null;
      }
      case 'generic': {
        if (type.base.type !== 'name' || type.base.module !== undefined || type.base.path.join('.') !== 'Promise' || type.args.length !== 1) return null;
        const inner = this.kindFromJsdoc(type.args[0]!, at, depth + 1);
        return inner ? { ...inner, promise: true } : null;
      }
      case 'union': {
        let result: ValueInfo | null = null;
        for (const t of type.types) {
          if (t.type === 'null' || t.type === 'undefined') continue;
          const k = this.kindFromJsdoc(t, at, depth + 1);
          if (!k || (result && (result.kind !== k.kind || !!result.promise !== !!k.promise))) return null;
          result = result ?? k;
        }
        return result;
      }
      default:
        return null;
    }
  }

  /** The tfjs API path a JSDoc type name denotes, or null when its root is not a tfjs binding. */
  private pathOfJsdocName(type: Extract<JsdocType, { type: 'name' }>, at: Node): TfPath | null {
    if (type.module !== undefined) return isTfModule(type.module, this.settings) ? type.path : null;
    const [root, ...rest] = type.path;
    if (root === undefined) return null;
    const v = findVariable(this.sourceCode.getScope(at as never) as never, root) as Scope.Variable | null;
    if (v && v.defs.length > 0) {
      const base = this.pathOfVariable(v);
      return base ? [...base, ...rest] : null;
    }
    // an undeclared name: a JSDoc `@import` of the file, else tfjs only as a configured global, as in `pathOf`
    const alias = jsdocAliasesOf(this.sourceCode).get(root);
    if (alias?.type === 'import') return isTfModule(alias.module, this.settings) ? [...alias.path, ...rest] : null;
    return this.settings.globals.includes(root) ? rest : null;
  }

  /** `Model` when the file declares `@typedef {…} Model` and no binding or `@import` of that name: its type. */
  private jsdocTypedef(type: Extract<JsdocType, { type: 'name' }>, at: Node): JsdocType | null {
    if (type.module !== undefined || type.path.length !== 1) return null;
    const alias = jsdocAliasesOf(this.sourceCode).get(type.path[0]!);
    if (alias?.type !== 'typedef') return null;
    const v = findVariable(this.sourceCode.getScope(at as never) as never, type.path[0]!) as Scope.Variable | null;
    return v && v.defs.length > 0 ? null : alias.target;
  }

  /**
   * True when the JSDoc `@param` type of `name` provably names something other than a tfjs value: a
   * binding of the file that is not tfjs (`@param {MyNet} net` with `class MyNet`), a type of a non-tfjs
   * package (`import('brain.js').NeuralNetwork`), a primitive, an array or a Promise. Such a parameter is
   * not "a model of unknown origin". An undeclared name (`@param {Model} m`) proves nothing.
   */
  private jsdocSaysNotTfjs(fn: FunctionNode, name: string): boolean {
    const t = this.jsdocTag(fn, 'param', name);
    return !!t?.typeText && this.typeIsNotTfjs(parseJsdocType(t.typeText), fn);
  }

  private typeIsNotTfjs(type: JsdocType, at: Node, depth = 0): boolean {
    if (depth > MAX_TYPEDEF_DEPTH) return false;
    switch (type.type) {
      case 'name': {
        if (type.module !== undefined) return !isTfModule(type.module, this.settings);
        const root = type.path[0]!;
        if (type.path.length === 1 && JS_VALUE_TYPES.has(root)) return true;
        const v = findVariable(this.sourceCode.getScope(at as never) as never, root) as Scope.Variable | null;
        if (v && v.defs.length > 0) return !this.pathOfVariable(v);
        const alias = jsdocAliasesOf(this.sourceCode).get(root);
        if (alias?.type === 'import') return !isTfModule(alias.module, this.settings);
        // a `@typedef` name: what its target says (a record-literal target such as `{{ lr: number }}` proves nothing)
        if (alias?.type !== 'typedef' || type.path.length !== 1) return false;
        const t = alias.target;
        // `@typedef {Object} Config` (with `@property` tags): a record type the user declares, not a tfjs class
        if (t.type === 'name' && t.module === undefined && t.path.length === 1 && (t.path[0] === 'Object' || t.path[0] === 'object')) return true;
        return this.typeIsNotTfjs(t, at, depth + 1);
      }
      case 'generic':
      case 'array':
        return true;
      case 'union':
        return type.types.some((t) => this.typeIsNotTfjs(t, at, depth + 1));
      default:
        return false;
    }
  }

  /**
   * `function step({ model }: Classifier)`: the kind of a name destructured from a parameter whose type
   * is a same-file interface, type alias or type literal declaring that member with a tfjs type.
   */
  private kindFromPatternAnnotation(id: TSESTree.Identifier): ValueInfo | null {
    let prop: Node | undefined = id.parent;
    if (prop?.type === T.AssignmentPattern && prop.left === id) prop = prop.parent;
    const pattern = prop?.type === T.Property && !prop.computed ? prop.parent : undefined;
    if (prop?.type !== T.Property || pattern?.type !== T.ObjectPattern || !pattern.typeAnnotation) return null;
    const key = propertyKeyName(prop);
    return key === null ? null : this.kindFromAnnotation(memberType(this, pattern.typeAnnotation.typeAnnotation, key) ?? undefined);
  }

  /** The config object literal of a tfjs factory call (`tf.layers.dense({...})`). */
  configOf(info: ValueInfo | null): TSESTree.ObjectExpression | null {
    return info?.origin ? objectArg(info.origin) : null;
  }

  /** Literal option of a factory config, e.g. `trainable` of `tf.layers.dense({trainable: false})`. */
  optionOf(info: ValueInfo | null, key: string): TSESTree.Property | null {
    return findProperty(this.configOf(info), key);
  }
}

/** The kind a tfjs type path names (`['LayersModel']`, `['layers', 'Layer']`), for TS and JSDoc annotations. */
function kindOfTypePath(p: TfPath): ValueInfo | null {
  const kind = TYPE_KINDS.get(p.join('.')) ?? TYPE_KINDS.get(p[p.length - 1] ?? '');
  return kind ? { kind, name: p.join('.'), via: 'annotation' } : null;
}

/** How many `@typedef`s one JSDoc type may go through (`@typedef {Net} Model`, `@typedef {tf.Sequential} Net`); cycles end. */
const MAX_TYPEDEF_DEPTH = 8;
/** JSDoc type names of plain JavaScript values (never a tfjs model, layer, optimizer or tensor). */
const JS_VALUE_TYPES: ReadonlySet<string> = new Set(['number', 'string', 'boolean', 'symbol', 'bigint', 'Function', 'function', 'Array', 'Promise', 'Date', 'RegExp', 'Map', 'Set']);

/** `null` or `undefined`: an empty write that says nothing about what a binding holds. */
export function isNullish(n: Node): boolean {
  if (n.type === T.CallExpression) {
    // `$state(null)`, `$state.raw<tf.LayersModel | null>(null)`: a Svelte rune holding nothing yet
    const rune = runeName(n.callee);
    const arg = n.arguments[0];
    return (rune === '$state' || rune === '$state.raw') && (!arg || (arg.type !== T.SpreadElement && isNullish(arg)));
  }
  return (n.type === T.Literal && n.value === null) || (n.type === T.Identifier && n.name === 'undefined');
}

/** The class whose instance `this` is, walking through arrow functions only. */
export function thisClass(thisNode: TSESTree.ThisExpression | TSESTree.Node): ClassNode | null {
  let n: Node | undefined = thisNode.parent;
  while (n) {
    if (n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) {
      const p = n.parent;
      // a constructor function or one of its prototype methods (src/engine/es5-classes.ts)
      if (!(p && (p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && p.value === n)) return es5ClassOf(n);
      if (p.static) return null;
    }
    if (n.type === T.PropertyDefinition && n.static) return null;
    if (n.type === T.StaticBlock) return null;
    if (n.type === T.ClassBody) return n.parent as ClassNode;
    n = n.parent;
  }
  return null;
}

const files = new WeakMap<TSESTree.Program, FileIndex>();

/** The object literal a `this` belongs to: the one whose method (`step() {…}`, `step: function () {…}`) holds it. */
export function objectOfThis(thisNode: TSESTree.ThisExpression): TSESTree.ObjectExpression | null {
  for (let n: Node | undefined = thisNode.parent; n; n = n.parent) {
    if (n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) {
      const p = n.parent;
      return p?.type === T.Property && p.value === n && p.parent?.type === T.ObjectExpression ? p.parent : null;
    }
  }
  return null;
}

/** The constructor function a plain function belongs to, asked of the index of its file. */
function es5ClassOf(fn: TSESTree.FunctionExpression | TSESTree.FunctionDeclaration): ClassNode | null {
  return es5IndexOf(fn)?.es5.classOf(fn) ?? null;
}

/** A constructor function (`name: 'constructor'`) or one of its prototype methods, with its class. */
export function es5MemberOf(fn: FunctionNode): { readonly cls: ClassNode; readonly name: string } | null {
  if (fn.type !== T.FunctionExpression && fn.type !== T.FunctionDeclaration) return null;
  return es5IndexOf(fn)?.es5.memberOf(fn) ?? null;
}

function es5IndexOf(fn: Node): FileIndex | null {
  let root: Node = fn;
  while (root.parent) root = root.parent;
  if (root.type !== T.Program) return null;
  const index = files.get(root) ?? homeOfNode(root);
  if (!index) return null;
  index.calls();
  return index;
}

/** A field something writes, annotates or documents (not only read). */
function hasFacts(f: FieldFacts): boolean {
  return f.writes.length > 0 || f.annotations.length > 0 || f.jsdoc.length > 0;
}

/** The per-file resolver (memoised on the Program node). */
export function getFileIndex(context: RuleContext): FileIndex {
  const ast = context.sourceCode.ast;
  let f = files.get(ast);
  if (!f) {
    f = FileIndex.forContext(context);
    if (f.touchesTfjs) registerLinted(f); // other files' questions about this module reuse its index
    files.set(ast, f);
  }
  return f;
}
