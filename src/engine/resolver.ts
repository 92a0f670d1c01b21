/**
 * THE tfjs reference resolver and value-provenance engine, shared by every rule.
 *
 * - `pathOf(expr)`: the tfjs API path an expression denotes (`tf.layers.dropout` -> ['layers', 'dropout'])
 *   through every import form: namespace, named, renamed, default, `require`, destructuring,
 *   `await import()`, `import('…').then(tf => …)`, TS `import tf = require()`, member aliases
 *   (`const L = tf.layers`), and `settings.torch2tf` (extra modules, globals).
 * - `kindOf(expr)`: whether an expression holds a tfjs model / layer / optimizer / tensor / symbolic
 *   tensor, from tfjs factories, `new` of tfjs classes and their subclasses, same-file builder
 *   functions, class fields (`this.model = tf.sequential()`), and tfjs type annotations.
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
  findProperty,
  isFunction,
  memberName,
  objectArg,
  propertyKeyName,
  unwrap,
  walk,
  type FunctionNode,
  type Node,
} from './ast.js';
import { isTfModule, readSettings, type Torch2tfSettings } from './settings.js';
import { getTypedServices, typeVerdict, type TypedServices } from './type-info.js';
import { importedByTfjsModule, parseSetupOf, relativeImportsTouchTfjs, type ParseSetup } from './module-resolve.js';
import {
  homeOfNode,
  importedClassKind,
  importedInstanceField,
  importedReturnKind,
  importedValue,
  isModuleImport,
  parameterFromImporters,
  registerLinted,
} from './modules.js';
import {
  CLASS_KINDS,
  OPTIMIZER_FACTORIES,
  TENSOR_METHODS,
  TENSOR_NAMESPACES,
  TENSOR_OPS,
  TYPE_KINDS,
  type ValueKind,
} from '../facts/tfjs-api.js';

export type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;
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
   * The index of the module `origin` / `userClass` live in, when that is not the linted file (a value
   * imported from another module, see src/engine/modules.ts). Code that inspects the origin node asks
   * this index (`info.home ?? file`).
   */
  readonly home?: FileIndex;
}

interface FieldFacts {
  writes: TSESTree.Expression[];
  annotations: TSESTree.TypeNode[];
  /** Every `this.<name>` member expression in the class (reads and writes). */
  uses: TSESTree.MemberExpression[];
}

const IN_PROGRESS = Symbol('in-progress');

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
  private readonly kinds = new WeakMap<Node, ValueInfo | null | typeof IN_PROGRESS>();
  private readonly classFields = new WeakMap<ClassNode, Map<string, FieldFacts>>();
  private readonly classKinds = new WeakMap<ClassNode, ValueInfo | null | typeof IN_PROGRESS>();

  /** The file's path on disk ('' when unknown); other modules are resolved from it. */
  readonly filename: string;
  /** The linted file's parser and options, reused to parse the modules it imports (null: do not read modules). */
  readonly parseSetup: ParseSetup | null;

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
        // every write must be a plain assignment of the same tfjs path
        if (declarator.id !== def.name || writes.length === 0) return null;
        let agreed: TfPath | null = null;
        for (const w of writes) {
          if (!w.writeExpr) return null;
          const isInit = w.writeExpr === declarator.init;
          if (!isInit && (w.identifier.parent?.type !== T.AssignmentExpression || w.identifier.parent.operator !== '=')) return null;
          const p = this.pathOf(w.writeExpr);
          if (!p || (agreed && p.join('.') !== agreed.join('.'))) return null;
          agreed = p;
        }
        return agreed;
      }
      case 'Parameter': {
        // import('@tensorflow/tfjs').then((tf) => ...)
        const fn = def.node;
        if (!isFunction(fn) || fn.params[0] !== def.name) return null;
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
    if (cached === IN_PROGRESS) return null;
    if (cached !== undefined) return cached;
    const home = homeOfNode(n);
    if (home && home !== this) return home.kindOf(n); // a node of another module: its own index answers
    this.kinds.set(n, IN_PROGRESS);
    let result = this.computeKind(n);
    // types only narrow: a receiver the checker proves is not a tfjs value is dropped. A resolved
    // tfjs factory call or `new` has its type fixed by tfjs' own declarations, so only the values
    // that reach a rule through names, members and annotations are checked (checker calls are costly).
    if (result && this.typed && (n.type === T.Identifier || n.type === T.MemberExpression) && typeVerdict(this.typed, n).verdict === 'not-tfjs') {
      result = null;
    }
    this.kinds.set(n, result);
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
      case T.ConditionalExpression: {
        const a = this.kindOf(n.consequent);
        const b = this.kindOf(n.alternate);
        return a && b && a.kind === b.kind ? a : null;
      }
      default:
        return null;
    }
  }

  private kindOfCall(call: TSESTree.CallExpression): ValueInfo | null {
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
            return TENSOR_METHODS.has(m.name) ? { kind: 'tensor', via: 'factory', origin: call } : null;
          case 'model':
          case 'layer':
            if (m.name === 'apply') {
              const arg = this.kindOf(call.arguments[0]);
              const a0 = unwrap(call.arguments[0]);
              const symbolic =
                arg?.kind === 'symbolic' ||
                (a0?.type === T.ArrayExpression && a0.elements.some((e) => this.kindOf(e)?.kind === 'symbolic'));
              return { kind: symbolic ? 'symbolic' : 'tensor', via: 'factory', origin: call };
            }
            if (recv.kind === 'model' && (m.name === 'predict' || m.name === 'predictOnBatch' || m.name === 'execute')) {
              return { kind: 'tensor', via: 'factory', origin: call };
            }
            if (recv.kind === 'model' && m.name === 'getLayer') return { kind: 'layer', via: 'factory' };
            return null;
          case 'graph-model':
            return m.name === 'predict' || m.name === 'execute' ? { kind: 'tensor', via: 'factory', origin: call } : null;
          default:
            return null;
        }
      }
      // this.buildModel() -> a method of the same class
      const obj = unwrap(m.member.object);
      if (obj?.type === T.ThisExpression) {
        const method = this.methodOfThis(obj, m.name);
        if (method) return this.returnKind(method);
      }
      return null;
    }
    const callee = unwrap(call.callee);
    if (callee?.type === T.Identifier) {
      const fn = this.functionOfIdentifier(callee);
      if (fn) return this.returnKind(fn);
      return importedReturnKind(this, callee); // a factory imported from another module
    }
    return null;
  }

  private kindOfTfCall(p: TfPath, call: TSESTree.CallExpression): ValueInfo | null {
    const key = p.join('.');
    const origin = call;
    if (key === 'sequential') return { kind: 'model', name: 'Sequential', origin, via: 'factory' };
    if (key === 'model') return { kind: 'model', name: 'LayersModel', origin, via: 'factory' };
    if (key === 'loadLayersModel') return { kind: 'model', name: 'LayersModel', origin, promise: true, via: 'factory' };
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
      return isFunction(fn) ? this.returnKind(fn) : null;
    }
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
    return null;
  }

  /** The tfjs kind of a user class: one that extends a tfjs class, directly or through same-file classes. */
  classKind(cls: ClassNode): ValueInfo | null {
    const cached = this.classKinds.get(cls);
    if (cached === IN_PROGRESS) return null;
    if (cached !== undefined) return cached;
    this.classKinds.set(cls, IN_PROGRESS);
    let result: ValueInfo | null = null;
    const sup = unwrap(cls.superClass);
    if (sup) {
      const p = this.pathOf(sup);
      if (p) {
        const kind = CLASS_KINDS.get(p.join('.'));
        if (kind) result = { kind, name: p.join('.'), userClass: cls, via: 'factory' };
      } else if (sup.type === T.Identifier) {
        const parent = this.classOfIdentifier(sup);
        const k = parent ? this.classKind(parent) : null;
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
    return null;
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
    if (!cls) return null;
    for (const el of cls.body.body) {
      if (el.type === T.MethodDefinition && el.kind === 'method' && !el.static && propertyKeyName(el) === name && isFunction(el.value)) return el.value;
      if (el.type === T.PropertyDefinition && !el.static && propertyKeyName(el) === name && isFunction(el.value)) return el.value;
    }
    return null;
  }

  /** The kind a same-file function returns, when every `return` agrees. */
  returnKind(fn: FunctionNode): ValueInfo | null {
    const returned: Node[] = [];
    if (fn.body.type !== T.BlockStatement) {
      returned.push(fn.body);
    } else {
      walk(fn.body, this.sourceCode.visitorKeys, (node) => {
        if (node !== fn.body && isFunction(node)) return false;
        if (node.type === T.ReturnStatement && node.argument) returned.push(node.argument);
        return undefined;
      });
    }
    let result: ValueInfo | null = null;
    for (const r of returned) {
      const k = this.kindOf(r);
      if (!k) return null;
      if (result && result.kind !== k.kind) return null;
      result = result ?? k;
    }
    if (result && fn.async) return { ...result, promise: true };
    return result;
  }

  private kindOfIdentifier(id: TSESTree.Identifier): ValueInfo | null {
    const v = this.variableOf(id);
    if (!v || v.defs.length !== 1) return null;
    const def = v.defs[0]!;
    // bound by import / require of another module of the project: that module's engine answers
    if (def.type === 'ImportBinding' || (def.type === 'Variable' && isModuleImport(this, v))) return importedValue(this, v);
    if (def.type === 'Variable') {
      const declarator = def.node;
      if (declarator.id !== def.name) return null; // destructured: unknown element
      const annotated = this.kindFromAnnotation(def.name.typeAnnotation?.typeAnnotation);
      if (annotated) return annotated;
      const isConst = declarator.parent?.type === T.VariableDeclaration && declarator.parent.kind === 'const';
      const exprs: Node[] = [];
      if (declarator.init) exprs.push(declarator.init);
      if (!isConst) {
        for (const r of v.references) {
          if (r.isWrite() && r.writeExpr && r.writeExpr !== declarator.init) {
            if (r.identifier.parent?.type !== T.AssignmentExpression || r.identifier.parent.operator !== '=') return null;
            exprs.push(r.writeExpr);
          }
        }
      }
      return this.agreeingKind(exprs);
    }
    if (def.type === 'Parameter') {
      const name = def.name;
      const annotated = this.kindFromAnnotation(name.typeAnnotation?.typeAnnotation);
      if (annotated) return annotated;
      if (name.parent?.type === T.AssignmentPattern && name.parent.left === name) return this.kindOf(name.parent.right);
      if (name.parent?.type === T.TSParameterProperty) return null;
      // an exported function's parameter: the arguments its importers pass
      return name.type === T.Identifier ? parameterFromImporters(this, name) : null;
    }
    return null;
  }

  /** The common kind of several writes; `null`/`undefined` literals are ignored. */
  private agreeingKind(exprs: readonly Node[]): ValueInfo | null {
    let result: ValueInfo | null = null;
    for (const e of exprs) {
      const u = unwrap(e);
      if (!u) continue;
      if ((u.type === T.Literal && u.value === null) || (u.type === T.Identifier && u.name === 'undefined')) continue;
      const k = this.kindOf(u);
      if (!k) return null;
      if (result && result.kind !== k.kind) return null;
      result = result ?? k;
    }
    return result;
  }

  private kindOfMember(n: TSESTree.MemberExpression): ValueInfo | null {
    const obj = unwrap(n.object);
    const name = memberName(n);
    if (obj?.type === T.ThisExpression && name !== null) {
      const cls = thisClass(obj);
      if (!cls) return null;
      const facts = this.fieldsOf(cls).get(name);
      if (!facts) return null;
      for (const a of facts.annotations) {
        const k = this.kindFromAnnotation(a);
        if (k) return k;
      }
      return this.agreeingKind(facts.writes);
    }
    // model.layers[i]
    if (n.computed && obj?.type === T.MemberExpression && memberName(obj) === 'layers' && this.isModel(obj.object)) {
      return { kind: 'layer', via: 'factory' };
    }
    if (name === 'optimizer' && this.isModel(obj)) return { kind: 'optimizer', via: 'factory' };
    // `agent.model` of `new Agent()`, Agent imported from a module whose class builds the model
    return obj && name !== null ? importedInstanceField(this, obj, name) : null;
  }

  /** `this.<name>` facts per class: writes, annotations, uses. */
  fieldsOf(cls: ClassNode): Map<string, FieldFacts> {
    let map = this.classFields.get(cls);
    if (map) return map;
    const fields = new Map<string, FieldFacts>();
    map = fields;
    const get = (name: string): FieldFacts => {
      let f = fields.get(name);
      if (!f) fields.set(name, (f = { writes: [], annotations: [], uses: [] }));
      return f;
    };
    for (const el of cls.body.body) {
      if (el.type === T.PropertyDefinition && !el.static) {
        const key = propertyKeyName(el);
        if (key === null) continue;
        if (el.value) get(key).writes.push(el.value);
        if (el.typeAnnotation) get(key).annotations.push(el.typeAnnotation.typeAnnotation);
      }
      if (el.type === T.MethodDefinition && el.kind === 'constructor') {
        for (const p of el.value.params) {
          if (p.type === T.TSParameterProperty && p.parameter.type === T.Identifier && p.parameter.typeAnnotation) {
            get(p.parameter.name).annotations.push(p.parameter.typeAnnotation.typeAnnotation);
          }
        }
      }
    }
    walk(cls.body, this.sourceCode.visitorKeys, (node) => {
      if ((node.type === T.ClassDeclaration || node.type === T.ClassExpression) && node !== cls) return false;
      if (node.type === T.MemberExpression && unwrap(node.object)?.type === T.ThisExpression) {
        const name = memberName(node);
        if (name !== null && thisClass(node.object as TSESTree.ThisExpression) === cls) {
          const f = get(name);
          f.uses.push(node);
          const parent = node.parent;
          if (parent?.type === T.AssignmentExpression && parent.left === node && parent.operator === '=') f.writes.push(parent.right);
        }
      }
      return undefined;
    });
    this.classFields.set(cls, map);
    return map;
  }

  /** The kind a TS type annotation denotes, when it names a tfjs type. */
  kindFromAnnotation(type: TSESTree.TypeNode | undefined): ValueInfo | null {
    if (!type) return null;
    switch (type.type) {
      case T.TSTypeReference: {
        const p = this.pathOfEntityName(type.typeName);
        if (p) {
          const kind = TYPE_KINDS.get(p.join('.')) ?? TYPE_KINDS.get(p[p.length - 1] ?? '');
          return kind ? { kind, name: p.join('.'), via: 'annotation' } : null;
        }
        if (type.typeName.type === T.Identifier && type.typeName.name === 'Promise') {
          const inner = this.kindFromAnnotation(type.typeArguments?.params[0]);
          return inner ? { ...inner, promise: true } : null;
        }
        return null;
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

  /** The config object literal of a tfjs factory call (`tf.layers.dense({...})`). */
  configOf(info: ValueInfo | null): TSESTree.ObjectExpression | null {
    return info?.origin ? objectArg(info.origin) : null;
  }

  /** Literal option of a factory config, e.g. `trainable` of `tf.layers.dense({trainable: false})`. */
  optionOf(info: ValueInfo | null, key: string): TSESTree.Property | null {
    return findProperty(this.configOf(info), key);
  }
}

/** The class whose instance `this` is, walking through arrow functions only. */
export function thisClass(thisNode: TSESTree.ThisExpression | TSESTree.Node): ClassNode | null {
  let n: Node | undefined = thisNode.parent;
  while (n) {
    if (n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) {
      const p = n.parent;
      if (!(p && (p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && p.value === n)) return null;
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
