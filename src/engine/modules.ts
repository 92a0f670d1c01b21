/**
 * Values that cross module boundaries (issue 9, item 4, and item 5 across modules).
 *
 * - `foreignIndex(from, specifier)`: the `FileIndex` of a relative module (or a local module listed in
 *   `settings.torch2tf.modules`), parsed with the linted file's parser, cached by path + mtime, bounded.
 * - `importedValue(file, variable)`: the provenance of a variable bound by an `import` / `require` of
 *   such a module, following `export {x} from` / `export *` barrels, `export default`, and CommonJS
 *   `module.exports` / `exports.x`. The returned `ValueInfo` carries `home`: the index of the module
 *   its origin lives in.
 * - `importedFunction` / `importedClass`: the function or class an imported name denotes (factories,
 *   wrapper classes), with its home index, so that the resolver can ask that module's engine what the
 *   function returns or the class is.
 * - `parameterFromImporters(file, param)`: an untyped parameter of an exported function takes the
 *   provenance its arguments have at the call sites in the package's modules that import and call it.
 *
 * Nothing here throws: a missing, unparsable, oversized module, a cycle or the depth bound all mean
 * "unknown" (null), and the rules stay quiet on unknown values.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMember, isFunction, isValueWrite, memberName, propertyKeyName, unwrap, type FunctionNode, type Node } from './ast.js';
import { importedByTfjsModule, importersOf, moduleMakesModels, moduleTouchesTfjs, parseModule, PASSES_ALL_TEXT, readModuleText, readModuleWithMtime, resolveModule, specifiersOfFile, MAX_PARSED_MODULES } from './module-resolve.js';
import { FileIndex, isNullish, originsOf, thisClass, type ClassNode, type FieldFacts, type ValueInfo } from './resolver.js';
import { gradientContextOf, hasVarList, type GradientContext } from './gradient-context.js';
import { isRelativeSpecifier } from './project-scan.js';
import { declaredType, elementType } from './declared-types.js';

/** How many modules deep one question may go (barrel → barrel → module …). */
export const MAX_MODULE_DEPTH = 5;
/** Importers of a module consulted for one parameter. */
const MAX_IMPORTERS = 8;

// ------------------------------------------------------------------------------------------ foreign indexes

interface Entry {
  readonly mtimeMs: number;
  readonly index: FileIndex | null;
}

/** Parsed modules per parser object (a TS-parsed and an espree-parsed copy of a file are different ASTs). */
const parsed = new WeakMap<object, Map<string, Entry>>();
const NO_PARSER = {};
/** Every foreign module's Program → its index, so an engine query about a foreign node goes to its home. */
const homes = new WeakMap<TSESTree.Program, FileIndex>();
let foreignCount = 0;


/**
 * The index of the module at `path`, parsed like `from` (cached by path + mtime; null when unreadable).
 * `asImporter`: the module is read for its calls of `from`'s exports; it may pass on values it receives
 * from its own importers (`main.js` → `loop.js` → `step.js`), so it is also read when a module that
 * imports it reaches tfjs.
 */
export function indexForPath(from: FileIndex, path: string, asImporter = false): FileIndex | null {
  try {
    const key = (from.parseSetup?.parser as object | undefined) ?? NO_PARSER;
    let byPath = parsed.get(key);
    if (!byPath) parsed.set(key, (byPath = new Map()));
    const read = readModuleWithMtime(path);
    if (read === null || read.text === null) {
      byPath.delete(path);
      return null;
    }
    const mtimeMs = read.mtimeMs;
    const cached = byPath.get(path);
    const plainOk = asImporter || plainModulesAllowed;
    if (cached && cached.mtimeMs === mtimeMs && (cached.index || !plainOk)) {
      // keep recently used modules at the end (the bound drops from the front)
      byPath.delete(path);
      byPath.set(path, cached);
      return cached.index;
    }
    // a module that neither mentions tfjs nor imports one that does holds no tfjs value: no parse (text scan, cached)
    if (!moduleTouchesTfjs(path, from.settings.modules) && !plainModulesAllowed && !(asImporter && importedByTfjsModule(path, read.text, from.settings.modules))) {
      byPath.set(path, { mtimeMs, index: null });
      return null;
    }
    const text = read.text;
    // a module this process already linted with the same parser and the same text: reuse its index
    const linted = lintedByPath.get(path);
    if (linted && text !== null && linted.sourceCode.text === text && linted.parseSetup?.parser === from.parseSetup?.parser) {
      byPath.set(path, { mtimeMs, index: linted });
      // its nodes now reach other files' questions: `homeOfNode` must look them up (even if nothing was parsed yet)
      foreignCount++;
      return linted;
    }
    const sourceCode = text === null || !from.parseSetup ? null : parseModule(path, text, from.parseSetup);
    const index = sourceCode ? FileIndex.forSource(sourceCode, path, from.settings, from.parseSetup) : null;
    if (index) {
      homes.set(sourceCode!.ast as TSESTree.Program, index);
      foreignCount++;
    }
    byPath.set(path, { mtimeMs, index });
    while (byPath.size > MAX_PARSED_MODULES) byPath.delete(byPath.keys().next().value!);
    return index;
  } catch {
    return null;
  }
}

/**
 * Indexes of the files linted most recently in this process, by path: reused instead of parsing them
 * again when a file imports a module linted just before it (usually its own directory). Each index keeps
 * its file's AST, tokens and scopes alive, so the bound is small: at 200 the process held 1.5 GB on the
 * corpus and garbage collection was the largest single cost; 20 → 8 (and 50 → 25 parsed modules) took the
 * peak from about 700 to 550 MB for 53 → 58 parses (docs/performance.md, 6 Dec).
 */
const MAX_LINTED_REUSED = 8;
const lintedByPath = new Map<string, FileIndex>();

/** Called for each linted file's index: other files' questions about this module can use it. */
export function registerLinted(index: FileIndex): void {
  if (!index.filename || !index.parseSetup) return;
  homes.set(index.sourceCode.ast as TSESTree.Program, index);
  lintedByPath.delete(index.filename);
  lintedByPath.set(index.filename, index);
  while (lintedByPath.size > MAX_LINTED_REUSED) lintedByPath.delete(lintedByPath.keys().next().value!);
}

/** The index of the module `specifier` names from `from`'s file, or null (not followed, missing, unparsable). */
export function foreignIndex(from: FileIndex, specifier: string): FileIndex | null {
  if (!from.filename) return null;
  const path = resolveModule(from.filename, specifier);
  if (!path || path === from.filename) return null;
  return indexForPath(from, path);
}

/**
 * The index that owns a node, when the node belongs to a foreign module (null: it is the linted file's,
 * or no foreign module was read in this process). Engine methods delegate foreign nodes to their home.
 */
/** Does `node` belong to a module other than `file`'s (a parsed module, or another linted file)? */
export function isForeignNode(file: FileIndex, node: Node): boolean {
  const home = homeOfNode(node);
  return !!home && home !== file;
}

export function homeOfNode(node: Node): FileIndex | null {
  if (foreignCount === 0) return null;
  let n: Node = node;
  while (n.parent) n = n.parent;
  return n.type === T.Program ? (homes.get(n) ?? null) : null;
}

// ------------------------------------------------------------------------------------------ depth bound

let depth = 0;
function bounded<R>(fn: () => R): R | null {
  if (depth >= MAX_MODULE_DEPTH) {
    truncations++;
    return null;
  }
  depth++;
  try {
    return fn();
  } catch {
    truncations++;
    return null;
  } finally {
    depth--;
  }
}

/**
 * How many answers were cut short so far (a depth bound, a module bound, an error): a memo keeps only
 * answers computed while this did not change, so that what it returns never depends on query order.
 */
let truncations = 0;

/** The count of answers cut short so far (see `truncations`): a memo compares it before and after a computation. */
export function truncationCount(): number {
  return truncations;
}

// ------------------------------------------------------------------------------------------ export tables

type ExportEntry = { readonly node: Node } | { readonly from: string; readonly name: string };
interface ExportTable {
  readonly names: Map<string, ExportEntry>;
  /** `export * from '…'` and `module.exports = {...require('…')}` */
  readonly stars: string[];
  /** `module.exports = X` (what `require()` / a default import of a CommonJS module gives). */
  whole: ExportEntry | null;
}

const tables = new WeakMap<FileIndex, ExportTable>();
const WHOLE = '\0module';
/** `import * as m from './m'`: the module namespace, whose members are its exports. */
const NAMESPACE = '\0namespace';

function isModuleExports(n: Node | null | undefined): boolean {
  const u = unwrap(n);
  return (
    !!u &&
    u.type === T.MemberExpression &&
    !u.computed &&
    unwrap(u.object)?.type === T.Identifier &&
    (unwrap(u.object) as TSESTree.Identifier).name === 'module' &&
    u.property.type === T.Identifier &&
    u.property.name === 'exports'
  );
}

/** `require('./x')` → './x' */
function requireSpecifier(n: Node | null | undefined): string | null {
  const u = unwrap(n);
  if (u?.type !== T.CallExpression) return null;
  const c = unwrap(u.callee);
  if (c?.type !== T.Identifier || c.name !== 'require' || u.arguments.length !== 1) return null;
  const a = u.arguments[0];
  return a?.type === T.Literal && typeof a.value === 'string' ? a.value : null;
}

/** The specifier a binding holds the whole module of: `const tabular = require('./tabular')` (never reassigned). */
function requireOfBinding(index: FileIndex, n: Node): string | null {
  const u = unwrap(n);
  if (u?.type !== T.Identifier) return null;
  const v = index.variableOf(u);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id !== def.name || v!.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init)) return null;
  return requireSpecifier(def.node.init);
}

function exportTable(index: FileIndex): ExportTable {
  let table = tables.get(index);
  if (table) return table;
  table = { names: new Map(), stars: [], whole: null };
  const t = table;
  const setObject = (obj: TSESTree.ObjectExpression): void => {
    for (const p of obj.properties) {
      if (p.type === T.SpreadElement) {
        // `...require('./tabular')`, or `...tabular` with `const tabular = require('./tabular')`
        const s = requireSpecifier(p.argument) ?? requireOfBinding(index, p.argument);
        if (s) t.stars.push(s);
        continue;
      }
      const key = propertyKeyName(p);
      if (key !== null) t.names.set(key, { node: p.value });
    }
  };
  for (const st of index.sourceCode.ast.body) {
    if (st.type === T.ExportNamedDeclaration) {
      const d = st.declaration;
      if (d?.type === T.VariableDeclaration) {
        for (const decl of d.declarations) {
          if (decl.id.type === T.Identifier) t.names.set(decl.id.name, { node: decl.id });
          // `export const [model, setModel] = createSignal()`: each name of the pattern
          else for (const v of index.sourceCode.scopeManager?.getDeclaredVariables(decl) ?? []) if (v.defs[0]) t.names.set(v.name, { node: v.defs[0].name });
        }
      } else if ((d?.type === T.FunctionDeclaration || d?.type === T.ClassDeclaration) && d.id) {
        t.names.set(d.id.name, { node: d });
      }
      for (const s of st.specifiers) {
        if (s.type !== T.ExportSpecifier) continue;
        const exported = s.exported.type === T.Identifier ? s.exported.name : String(s.exported.value);
        const local = s.local.type === T.Identifier ? s.local.name : String(s.local.value);
        if (st.source) t.names.set(exported, { from: st.source.value, name: local });
        else t.names.set(exported, { node: s.local });
      }
    } else if (st.type === T.ExportAllDeclaration) {
      if (!st.exported) t.stars.push(st.source.value);
      // `export * as ns from` is a namespace object: its members are not followed
    } else if (st.type === T.ExportDefaultDeclaration) {
      t.names.set('default', { node: st.declaration as Node });
    } else if (st.type === T.TSExportAssignment) {
      t.whole = { node: st.expression };
    } else if (st.type === T.ExpressionStatement) {
      const e = unwrap(st.expression);
      if (e?.type !== T.AssignmentExpression || e.operator !== '=') continue;
      const left = unwrap(e.left);
      if (isModuleExports(left)) {
        const right = unwrap(e.right);
        const s = requireSpecifier(right);
        if (s) {
          t.whole = { from: s, name: WHOLE };
          t.stars.push(s);
        } else if (right?.type === T.ObjectExpression) {
          setObject(right);
        } else if (right) {
          t.whole = { node: right };
        }
      } else if (left?.type === T.MemberExpression && !left.computed && left.property.type === T.Identifier) {
        const obj = unwrap(left.object);
        if (isModuleExports(obj) || (obj?.type === T.Identifier && obj.name === 'exports')) t.names.set(left.property.name, { node: e.right });
      }
    }
  }
  tables.set(index, t);
  return t;
}

export interface Target {
  readonly index: FileIndex;
  readonly node: Node;
}

/** What `name` exported by the module `index` is: the declaring node in its home module. */
export function lookupExport(index: FileIndex, name: string, seen: Set<string> = new Set()): Target | null {
  const key = `${index.filename}\0${name}`;
  if (seen.has(key)) return null; // a re-export cycle
  seen.add(key);
  return bounded(() => {
    const t = exportTable(index);
    const entry = name === WHOLE ? (t.whole ?? t.names.get('default') ?? null) : (t.names.get(name) ?? (name === 'default' ? t.whole : null));
    if (entry) {
      if ('node' in entry) return chase(index, entry.node, seen);
      const next = foreignIndex(index, entry.from);
      return next ? lookupExport(next, entry.name, seen) : null;
    }
    if (name === 'default' || name === WHOLE) return null;
    for (const s of t.stars) {
      // a star target whose text never mentions the name and re-exports nothing cannot export it: no parse
      if (!index.filename || !mayReexport(index.filename, s, name)) continue;
      const next = foreignIndex(index, s);
      const found = next ? lookupExport(next, name, seen) : null;
      if (found) return found;
    }
    return null;
  });
}

/**
 * Can the module `specifier` names from `from` export `name` (a text scan, no parse)? Only if its text
 * mentions the name or it re-exports other modules (`export *`, `export {…} from`, `require(`).
 */
function mayReexport(from: string, specifier: string, name: string): boolean {
  const path = resolveModule(from, specifier);
  const text = path ? readModuleText(path) : null;
  if (text === null || text === undefined) return true; // unreadable: let the parse path say so
  return text.includes(name) || BARREL_TEXT.test(text);
}

/** An identifier that is itself bound by an import of a followed module: go to that module. */
function chase(index: FileIndex, node: Node, seen: Set<string>): Target | null {
  const n = unwrap(node);
  if (!n) return null;
  // module.exports = { model: require('./model').model }
  const whole = requireSpecifier(n);
  const partOf = n.type === T.MemberExpression && !n.computed && n.property.type === T.Identifier ? requireSpecifier(n.object) : null;
  if ((whole && followed(index, whole)) || (partOf && followed(index, partOf))) {
    const next = foreignIndex(index, (whole ?? partOf)!);
    const name = whole ? WHOLE : ((n as TSESTree.MemberExpression).property as TSESTree.Identifier).name;
    return next ? lookupExport(next, name, seen) : null;
  }
  if (n.type === T.Identifier) {
    const v = index.variableOf(n);
    const spec = v ? importSpec(index, v) : null;
    if (spec) {
      const next = foreignIndex(index, spec.specifier);
      return next ? lookupExport(next, spec.name, seen) : null;
    }
  }
  return { index, node: n };
}

// ------------------------------------------------------------------------------------------ import bindings

interface ImportSpec {
  readonly specifier: string;
  /**
   * The exported name, `'default'`, WHOLE for `require()` / `import x = require()` of the whole module, or
   * NAMESPACE for `import * as m`.
   */
  readonly name: string;
}

/**
 * A specifier we follow: relative, or a bare one that names a project file (an alias of the file's
 * tsconfig.json / jsconfig.json, a package of its workspace, a `#` subpath import: `resolveModule`).
 */
function followed(file: FileIndex, specifier: string): boolean {
  if (isRelativeSpecifier(specifier)) return true;
  return resolveModule(file.filename, specifier) !== null;
}

/**
 * Which module and export a variable is bound to, when it is bound by an import or `require` of a
 * followed module: `import {a} from './m'`, `import a from './m'`, `const a = require('./m')`,
 * `const {a} = require('./m')`, `const a = require('./m').a`, `import a = require('./m')`.
 */
export function importSpec(file: FileIndex, variable: Scope.Variable): ImportSpec | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    const node = def.node;
    if (node.type === T.TSImportEqualsDeclaration) {
      const ref = node.moduleReference;
      if (ref.type !== T.TSExternalModuleReference || ref.expression.type !== T.Literal) return null;
      const s = String(ref.expression.value);
      return followed(file, s) ? { specifier: s, name: WHOLE } : null;
    }
    const decl = node.parent;
    if (decl?.type !== T.ImportDeclaration || !followed(file, decl.source.value)) return null;
    if (node.type === T.ImportSpecifier) {
      const imported = node.imported;
      return { specifier: decl.source.value, name: imported.type === T.Identifier ? imported.name : String(imported.value) };
    }
    if (node.type === T.ImportDefaultSpecifier) return { specifier: decl.source.value, name: 'default' };
    return { specifier: decl.source.value, name: NAMESPACE }; // its members: `namespaceMember`
  }
  if (def.type === 'Variable') {
    const declarator = def.node;
    const init = unwrap(declarator.init);
    if (!init) return null;
    if (declarator.parent?.type === T.VariableDeclaration && declarator.parent.kind !== 'const') {
      if (variable.references.filter((r) => r.isWrite()).length !== 1) return null;
    }
    let spec = requireSpecifier(init);
    let name: string | null = WHOLE;
    if (!spec && init.type === T.MemberExpression && !init.computed && init.property.type === T.Identifier) {
      spec = requireSpecifier(init.object);
      name = init.property.name;
    }
    if (!spec || !followed(file, spec)) return null;
    if (declarator.id === def.name) return { specifier: spec, name };
    if (name !== WHOLE || declarator.id.type !== T.ObjectPattern) return null;
    // const { a, b: c } = require('./m')
    for (const p of declarator.id.properties) {
      if (p.type !== T.Property) continue;
      const value = p.value.type === T.AssignmentPattern ? p.value.left : p.value;
      if (value === def.name) {
        const key = propertyKeyName(p);
        return key === null ? null : { specifier: spec, name: key };
      }
    }
    return null;
  }
  return null;
}

function targetOfVariable(file: FileIndex, variable: Scope.Variable): Target | null {
  const spec = importSpec(file, variable);
  if (!spec || spec.name === NAMESPACE) return null; // a namespace object is no tfjs value; its members are
  return targetOfSpec(file, spec);
}

function targetOfSpec(file: FileIndex, spec: ImportSpec): Target | null {
  return bounded(() => {
    const index = foreignIndex(file, spec.specifier);
    return index ? lookupExport(index, spec.name) : null;
  });
}

function withHome(info: ValueInfo | null, home: FileIndex): ValueInfo | null {
  return info ? (info.home ? info : { ...info, home }) : null;
}

// ------------------------------------------------------------------------------------------ declared exports (no parse)

interface DeclaredExports {
  readonly text: string;
  /**
   * Names the module binds to a function or class: `export function|class NAME` declarations, `default`
   * for `export default function|class`, and `export const NAME = (…) =>` / `= async x =>` arrows.
   */
  readonly names: ReadonlySet<string>;
  /** `export * from './x'` specifiers (not `export * as ns`), in order. */
  readonly stars: readonly string[];
  /** The text without its `export * from` lines (where a barrel's own bindings would be). */
  readonly rest: string;
}
const declaredExports = new Map<string, DeclaredExports>();
const DECLARED_EXPORT = /^[ \t]*export[ \t]+(?:declare[ \t]+)?(?:(default)[ \t]+)?(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*|(?:abstract[ \t]+)?class[ \t]+)([A-Za-z_$][\w$]*)?/gm;
/** `export const NAME = ` (then `arrowAt` decides), with an optional `async`. */
const EXPORTED_CONST = /^[ \t]*export[ \t]+const[ \t]+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:async[ \t]+)?/gm;
const STAR_EXPORT = /^[ \t]*export[ \t]*\*[ \t]*from[ \t]*(['"])(\.{1,2}\/[^'"\n]*)\1/gm;
/** CommonJS: `exports.NAME = <function|class|identifier>` (also `module.exports.NAME`), as compilers write them. */
const CJS_EXPORT = /^[ \t]*(?:module\.)?exports\.([A-Za-z_$][\w$]*)[ \t]*=[ \t]*(?:(async[ \t]+function\b|function\b|class\b)|([A-Za-z_$][\w$]*)[ \t]*;?[ \t]*$)/gm;
/** Top-level function and class declarations, and compiled ES5 classes (`var X = /** @class *\/ (function () {`). */
const LOCAL_FUNCTION = /^(?:(?:async[ \t]+)?function[ \t]*\*?[ \t]*|class[ \t]+|var[ \t]+(?=[A-Za-z_$][\w$]*[ \t]*=[ \t]*\/\*\*[ \t]*@class[ \t]*\*\/))([A-Za-z_$][\w$]*)/gm;

/**
 * Does an arrow function start at `i`: `x =>`, or `(…)` followed by `=>` or a `:` return type? The
 * parameter list is scanned for its closing parenthesis only when it holds no string, template, comment
 * or regex (which could hide a parenthesis): anything else is "not sure" (false).
 */
function arrowAt(text: string, i: number): boolean {
  const single = /^[A-Za-z_$][\w$]*[ \t]*=>/.exec(text.slice(i, i + 200));
  if (single) return true;
  if (text[i] !== '(') return false;
  let depth = 0;
  for (let j = i; j < text.length && j < i + 2000; j++) {
    const c = text[j];
    if (c === '"' || c === "'" || c === '`' || c === '/') return false;
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return /^\s*(?:=>|:)/.test(text.slice(j + 1, j + 40));
  }
  return false;
}

/** The functions and classes a module binds to exported names, from a line scan of its text (cached per text). */
function declaredExportsOf(path: string): DeclaredExports | null {
  const text = readModuleText(path);
  if (text === null) return null;
  const cached = declaredExports.get(path);
  if (cached && cached.text === text) return cached;
  const names = new Set<string>();
  DECLARED_EXPORT.lastIndex = 0;
  for (let m = DECLARED_EXPORT.exec(text); m; m = DECLARED_EXPORT.exec(text)) {
    if (m[1]) names.add('default');
    else if (m[2]) names.add(m[2]);
  }
  EXPORTED_CONST.lastIndex = 0;
  for (let m = EXPORTED_CONST.exec(text); m; m = EXPORTED_CONST.exec(text)) {
    if (arrowAt(text, m.index + m[0].length)) names.add(m[1]!);
  }
  // CommonJS, as compilers write it: `function f() {…}` then `exports.f = f;`, or `exports.f = function …`
  if (text.includes('exports.')) {
    let locals: Set<string> | null = null;
    CJS_EXPORT.lastIndex = 0;
    for (let m = CJS_EXPORT.exec(text); m; m = CJS_EXPORT.exec(text)) {
      if (m[2]) names.add(m[1]!);
      else if (m[3]) {
        locals ??= new Set([...text.matchAll(LOCAL_FUNCTION)].map((l) => l[1]!));
        if (locals.has(m[3])) names.add(m[1]!);
      }
    }
  }
  const stars = [...text.matchAll(STAR_EXPORT)].map((m) => m[2]!);
  const entry = { text, names, stars, rest: stars.length > 0 ? text.replace(STAR_EXPORT, '') : text };
  declaredExports.set(path, entry);
  while (declaredExports.size > MAX_PARSED_MODULES * 4) declaredExports.delete(declaredExports.keys().next().value!);
  return entry;
}

/**
 * Does the module at `path` bind `name` to a function or class (see `declaredExportsOf`), itself or through
 * `export * from` barrels? Through a barrel only when the barrel's text (its star lines aside) never mentions `name` (so it cannot
 * export a binding of its own under that name): the name then comes from the star exports, where a function
 * or class declaration of it either is the export or makes the name ambiguous (not exported at all).
 */
function declaresFunctionOrClass(path: string, name: string, depth = 3): boolean {
  const d = declaredExportsOf(path);
  if (!d) return false;
  if (d.names.has(name)) return true;
  if (depth <= 0 || name === 'default' || d.stars.length === 0) return false;
  // the name may appear in the star lines themselves (`export * from './extractFaces'`), not elsewhere
  if (new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(d.rest)) return false;
  return d.stars.some((s) => {
    const target = resolveModule(path, s);
    return !!target && target !== path && declaresFunctionOrClass(target, name, depth - 1);
  });
}

/**
 * The import names a function or class its module binds with `export function NAME` / `export class
 * NAME` / `export const NAME = (…) =>` (or `export default function|class`), directly or through `export *`
 * barrels: such a binding is never a tfjs value, and saying so needs no parse of the module. An ES module
 * cannot export two bindings of one name, so a match is the export. False whenever the scan is unsure
 * (`export { x }`, `export default x`, CommonJS, an arrow with a string in its parameters): the caller
 * then reads the module as usual.
 */
/**
 * Whether the module an identifier (a value or a type name) is imported from may define it as a class
 * (`class Brain`) or, with `fn`, also as a function (`function buildGan`, `const buildGan = (…) =>`),
 * by a scan of its text (a barrel that re-exports the name may: its target decides). No scan says no to
 * a definition that is there; it spares the parse of modules that only declare interfaces or values.
 */
function importMayDefine(file: FileIndex, id: TSESTree.Identifier, fn: boolean): boolean {
  const v = file.variableOf(id);
  const spec = v ? importSpec(file, v) : null;
  if (!spec || spec.name === NAMESPACE || spec.name === WHOLE || !file.filename) return false;
  const path = resolveModule(file.filename, spec.specifier);
  const text = path && path !== file.filename ? readModuleText(path) : null;
  if (text === null || text === undefined) return false;
  const name = spec.name === 'default' ? '[\\w$]*' : spec.name.replace(/\$/g, '\\$');
  const defines = fn
    ? `(?:\\bfunction\\s*\\*?\\s*${name}\\b|\\bclass\\s+${name}\\b|(?<![\\w$.])${name}\\s*[:=]\\s*(?:async\\s*)?(?:function\\b|class\\b|\\(|[A-Za-z_$][\\w$]*\\s*=>))`
    : `\\bclass\\s+${name}\\b|(?<![\\w$.])${name}\\s*=\\s*class\\b`;
  if (new RegExp(defines).test(text)) return true;
  // a barrel names what it re-exports, except `export * from './net'`, which may hold any name
  return BARREL_TEXT.test(text) && (spec.name === 'default' || text.includes(spec.name) || STAR_TEXT.test(text));
}
const BARREL_TEXT = /\bexport\s*\*|\bexport\s*\{[^}]*\}\s*from\b|\brequire\s*\(/;
const STAR_TEXT = /\bexport\s*\*\s*from\b/;

/**
 * What an imported function returns, as a user container, for `const { gen, disc } = buildGan(cfg)`:
 * read only when the module's text declares that function and reaches tfjs.
 */
export function importedCallReturns(file: FileIndex, call: TSESTree.CallExpression): { index: FileIndex; fn: FunctionNode } | null {
  const callee = unwrap(call.callee);
  if (callee?.type !== T.Identifier) return null;
  if (!importMayDefine(file, callee, true) || !importReachesTfjs(file, callee)) return null;
  const f = importedFunction(file, callee);
  return f && f.index !== file && !f.fn.async ? f : null;
}

function importIsDeclaredFunctionOrClass(file: FileIndex, variable: Scope.Variable): boolean {
  const spec = importSpec(file, variable);
  if (!spec || spec.name === WHOLE || !file.filename) return false;
  const path = resolveModule(file.filename, spec.specifier);
  return !!path && path !== file.filename && declaresFunctionOrClass(path, spec.name);
}

/** The provenance of a variable bound by an import / `require` of a followed module, or null. */
/**
 * `m.name` where `m` is a namespace import (`import * as m from './m'`) or a whole-module require
 * (`const m = require('./m')`): the export `name` of that module, as `{ specifier, name }`.
 */
function namespaceMember(file: FileIndex, member: TSESTree.MemberExpression): ImportSpec | null {
  const obj = unwrap(member.object);
  const name = memberName(member);
  if (obj?.type !== T.Identifier || name === null) return null;
  const v = file.variableOf(obj);
  const spec = v ? importSpec(file, v) : null;
  return spec && (spec.name === NAMESPACE || spec.name === WHOLE) ? { specifier: spec.specifier, name } : null;
}

/** `m.f` with `m` a namespace import or a whole-module `require` of a module of the project (cheap, no parse). */
export function isNamespaceMember(file: FileIndex, member: TSESTree.MemberExpression): boolean {
  return namespaceMember(file, member) !== null;
}

/** What an imported name denotes: `f` bound by an import / require, or `m.f` of an imported module object. */
function targetOf(file: FileIndex, expr: TSESTree.Identifier | TSESTree.MemberExpression): Target | null {
  if (expr.type === T.MemberExpression) {
    const spec = namespaceMember(file, expr);
    return spec ? targetOfSpec(file, spec) : null;
  }
  const v = file.variableOf(expr);
  return v ? targetOfVariable(file, v) : null;
}

/** `m.model` of `import * as m from './m'` / `const m = require('./m')`: the value the module exports as `model`. */
export function importedMemberValue(file: FileIndex, member: TSESTree.MemberExpression): ValueInfo | null {
  const spec = namespaceMember(file, member);
  // `models.model = other` (legal on a CommonJS exports object) may replace the export
  if (!spec || !file.filename || file.writesMember(spec.name)) return null;
  // cheap answers before any parse: a module that never reaches tfjs exports no tfjs value, and a name it
  // declares as a function or class is none either (`models.createModel` itself; its call is asked apart)
  const path = resolveModule(file.filename, spec.specifier);
  if (!path || path === file.filename || !moduleTouchesTfjs(path, file.settings.modules, 2) || declaresFunctionOrClass(path, spec.name)) return null;
  const t = targetOf(file, member);
  if (!t) return null;
  const n = t.node;
  if (n.type === T.FunctionDeclaration || n.type === T.ClassDeclaration || isFunction(n) || n.type === T.ClassExpression) return null;
  return bounded(() => withHome(t.index.kindOf(n), t.index));
}

/**
 * The node an imported name is bound to in its module, read even when that module never mentions tfjs
 * (a `config.js` exporting `FIT_DEFAULTS = {…}`): src/engine/options.ts judges the option keys it holds.
 * Null for a function or class, or when the module is not followed.
 */
export function importedBinding(file: FileIndex, id: TSESTree.Identifier): Target | null {
  const v = file.variableOf(id);
  if (!v || importIsDeclaredFunctionOrClass(file, v)) return null;
  return readingPlainModules(() => targetOfVariable(file, v));
}

export function importedValue(file: FileIndex, variable: Scope.Variable): ValueInfo | null {
  // `import { normalize } from './util'` with `export function normalize(…)`: not a tfjs value, no parse
  if (importIsDeclaredFunctionOrClass(file, variable)) return null;
  const t = targetOfVariable(file, variable);
  if (!t) return null;
  const n = t.node;
  if (n.type === T.FunctionDeclaration || n.type === T.ClassDeclaration || isFunction(n) || n.type === T.ClassExpression) return null;
  return bounded(() => withHome(t.index.kindOf(n), t.index));
}

/** True when the variable is bound by an import / `require` of a module we follow (cheap, no parsing). */
export function isModuleImport(file: FileIndex, variable: Scope.Variable): boolean {
  return importSpec(file, variable) !== null;
}

/**
 * May `expr` (a callee such as `extractConvParams`, `m.createDetector`) hold a model or layer that came
 * from another module? False when its root is a namespace import (`m.f`), the result of an imported
 * function (`const f = factory(…)`, `var { f } = factory(…)` written once), or a named import the module never
 * reassigns (`import { f } from './m'`), and that module (with its relative imports, two levels) never makes
 * or loads a model or layer (`moduleMakesModels`): then no parse can find one. True otherwise.
 */
export function importMayGiveModel(file: FileIndex, expr: Node): boolean {
  let root = unwrap(expr);
  while (root?.type === T.MemberExpression) root = unwrap(root.object);
  if (root?.type !== T.Identifier || !file.filename) return true;
  const v = file.variableOf(root);
  if (!v || v.defs.length !== 1) return true;
  // the answer depends on the binding and on whether it is called itself: kept per variable
  const direct = root === expr;
  let cached = mayGiveModelCache.get(v);
  if (!cached) mayGiveModelCache.set(v, (cached = {}));
  const key = direct ? 'direct' : 'member';
  return (cached[key] ??= computeImportMayGiveModel(file, v, direct));
}

const mayGiveModelCache = new WeakMap<Scope.Variable, { direct?: boolean; member?: boolean }>();

/** Does a module's text assign `name` after declaring it (`export let net; … net = m`)? Cached per text and name. */
function reassigns(text: string, name: string): boolean {
  let byName = reassignScans.get(text);
  if (!byName) {
    // keyed by the text itself (the module-text cache hands out the same string): few, so texts stay few
    if (reassignScans.size >= 32) reassignScans.clear();
    reassignScans.set(text, (byName = new Map()));
  }
  let found = byName.get(name);
  if (found === undefined) {
    const w = name.replace(/\$/g, '\\$');
    found = text.includes(name) && new RegExp(`(?<!(?:const|let|var)[ \\t]+)(?<![\\w$.])${w}[ \\t]*=(?!=)`).test(text);
    byName.set(name, found);
  }
  return found;
}
const reassignScans = new Map<string, Map<string, boolean>>();

function computeImportMayGiveModel(file: FileIndex, v: Scope.Variable, direct: boolean): boolean {
  if (!file.filename) return true;
  let spec = importSpec(file, v);
  if (spec && spec.name !== NAMESPACE && spec.name !== WHOLE && (direct || spec.name === 'default')) {
    // a named import called directly: the module may assign the binding later (`export let model; … model = m`)
    const path = resolveModule(file.filename, spec.specifier);
    const text = path ? readModuleText(path) : null;
    if (!text || reassigns(text, spec.name)) return true;
  }
  if (!spec) {
    const def = v.defs[0]!;
    const once = def.type === 'Variable' && (def.node.parent?.kind === 'const' || v.references.filter((r) => r.isWrite()).length === 1);
    const init = once && def.type === 'Variable' ? unwrap(def.node.init) : null;
    const callee = init?.type === T.CallExpression ? unwrap(init.callee) : null;
    const cv = callee?.type === T.Identifier ? file.variableOf(callee) : null;
    // `const m = build()`, or `const m = lib.build()` with `import * as lib from './lib'`
    spec = cv ? importSpec(file, cv) : callee?.type === T.MemberExpression ? namespaceMember(file, callee) : null;
  }
  if (!spec) return true;
  const path = resolveModule(file.filename, spec.specifier);
  return !path || path === file.filename || moduleMakesModels(path);
}

/**
 * Can the module an imported callee comes from (`build` of `import { build } from './m'`, `m.build`) mention
 * `word` at all? A text check before any parse; true when the module cannot be read.
 */
export function importedModuleMentions(file: FileIndex, callee: Node, word: string): boolean {
  const c = unwrap(callee);
  const v = c?.type === T.Identifier ? file.variableOf(c) : null;
  const spec = v ? importSpec(file, v) : c?.type === T.MemberExpression ? namespaceMember(file, c) : null;
  if (!spec || !file.filename) return false;
  const path = resolveModule(file.filename, spec.specifier);
  const text = path ? readModuleText(path) : null;
  if (!text) return true;
  const w = word.replace(/\$/g, '\\$');
  return text.includes(word) && new RegExp(`(?<![\\w$])${w}(?![\\w$])`).test(text);
}

/** The function an imported name denotes (`import { buildModel } from './model'`, `models.buildModel`), with its home. */
export function importedFunction(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression): { index: FileIndex; fn: FunctionNode } | null {
  const t = targetOf(file, id);
  if (!t) return null;
  if (isFunction(t.node)) return { index: t.index, fn: t.node };
  if (t.node.type === T.Identifier) {
    const fn = t.index.functionOfIdentifier(t.node);
    return fn ? { index: t.index, fn } : null;
  }
  return null;
}

/**
 * `importedFunction` for a helper that is handed tfjs values and may not import tfjs itself (`drawGrid(probs)`
 * from `./draw`, which only reads its tensor): its module is read even when it never reaches tfjs.
 */
export function importedHelper(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression): { index: FileIndex; fn: FunctionNode } | null {
  return readingPlainModules(() => importedFunction(file, id));
}

/**
 * Per object literal and property: the sources `importedObjectPartSources` found, and when. The importers'
 * writes can change while the object's module does not (an editor session): trusted for a few seconds only,
 * like the text scans.
 */
const objectParts = new WeakMap<Node, Map<string, { readonly at: number; readonly sources: Node[] | null }>>();
const OBJECT_PARTS_TTL_MS = 5000;
const RE_EXPORT_TEXT = /\bexport\s*\{[^}]*\}\s*from\b/;

/**
 * `state.model` with `import { state } from './state.js'` and `export const state = { model: null }` there
 * (a shared state module): the property's value and the writes of `state.model = …` in that module and in
 * the modules of the package that import it (`main.js`: `state.model = model`), each node in its own module
 * (its index answers for it). Importers are parsed only when their text writes `.model =`. Null when the
 * binding is not such an object.
 */
export function importedObjectPartSources(file: FileIndex, id: TSESTree.Identifier, key: string): Node[] | null {
  const v = file.variableOf(id);
  const spec = v?.defs.length === 1 ? importSpec(file, v) : null;
  if (!spec || spec.name === NAMESPACE || spec.name === WHOLE || !importedModuleMentions(file, id, key)) return null;
  const t = importedBinding(file, id);
  if (!t?.index.filename) return null;
  let obj: Node | null = unwrap(t.node);
  if (obj?.type === T.Identifier) obj = t.index.constInitOf(obj);
  if (obj?.type !== T.ObjectExpression) return null;
  let byKey = objectParts.get(obj);
  if (!byKey) objectParts.set(obj, (byKey = new Map()));
  const now = Date.now();
  const cached = byKey.get(key);
  if (cached && now - cached.at < OBJECT_PARTS_TTL_MS) return cached.sources;
  byKey.set(key, { at: now, sources: null }); // recursion guard
  const literal = obj;
  const result = bounded(() => {
    const own = t.index.objectPartSources(literal, key);
    if (!own) return null;
    const out = [...own];
    const written = new RegExp(`\\.${key.replace(/\$/g, '\\$')}[ \\t]*=(?!=)`);
    let barrel = false;
    const writers = importersOf(t.index.filename!).filter((path) => {
      const text = path === t.index.filename ? null : readModuleText(path);
      // a barrel passes the object on: the modules that import it there are not read here
      if (text && (PASSES_ALL_TEXT.test(text) || RE_EXPORT_TEXT.test(text))) barrel = true;
      return !!text && written.test(text);
    });
    // a write in a module not read may hold anything
    if (barrel || writers.length > MAX_IMPORTERS) return null;
    for (const path of writers) {
      // a module that never reaches tfjs may write a plain value there: it is read too, and one that cannot be
      // read leaves the property unknown
      const importer = readingPlainModules(() => indexForPath(t.index, path, true));
      if (!importer) return null;
      for (const w of importer.memberWritesNamed(key)) {
        const o = unwrap(w.object);
        const ov = o?.type === T.Identifier ? importer.variableOf(o) : null;
        if (!ov || !isModuleImport(importer, ov)) continue;
        const target = importedBinding(importer, o as TSESTree.Identifier);
        const node = target ? unwrap(target.node) : null;
        if (node === literal || (node?.type === T.Identifier && target!.index.constInitOf(node) === literal)) out.push(w.value);
      }
    }
    return out;
  });
  byKey.set(key, { at: now, sources: result });
  return result;
}

/** The class an imported name denotes (`import { Agent } from './agent'`, `agents.Agent`), with its home. */
export function importedClass(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression): { index: FileIndex; cls: ClassNode } | null {
  const t = targetOf(file, id);
  if (!t) return null;
  if (t.node.type === T.ClassDeclaration || t.node.type === T.ClassExpression) return { index: t.index, cls: t.node };
  if (t.node.type === T.Identifier) {
    const cls = t.index.classOfIdentifier(t.node);
    return cls ? { index: t.index, cls } : null;
  }
  return null;
}

/** `buildModel()` where `buildModel` is imported: what the function returns, in its own module. */
export function importedReturnKind(file: FileIndex, callee: TSESTree.Identifier | TSESTree.MemberExpression): ValueInfo | null {
  const f = importedFunction(file, callee);
  return f ? bounded(() => withHome(f.index.returnKind(f.fn), f.index)) : null;
}

/** `new Agent()` where `Agent` is imported: the tfjs kind of the class (a `tf.LayersModel` subclass), if any. */
export function importedClassKind(file: FileIndex, callee: TSESTree.Identifier | TSESTree.MemberExpression, origin: TSESTree.NewExpression): ValueInfo | null {
  const c = importedClass(file, callee);
  if (!c) return null;
  const k = bounded(() => c.index.classKind(c.cls));
  return k ? { ...k, origin, home: c.index } : null;
}

/** `class Block extends ComposedLayer` where `ComposedLayer` is imported: the tfjs kind of the base class, in its own module. */
export function importedSuperClassKind(file: FileIndex, sup: TSESTree.Identifier | TSESTree.MemberExpression): ValueInfo | null {
  const c = importedClass(file, sup);
  return c ? bounded(() => c.index.classKind(c.cls)) : null;
}

type ClassHome = { readonly index: FileIndex; readonly cls: ClassNode };

/**
 * The class, with its module, whose instance an expression holds: `new Agent()` (a same-file or an
 * imported class, also `new models.Agent()`), a `const` bound to one, and a field of such an instance
 * whose writes all create the same class (`agent.critic` where Agent's constructor does
 * `this.critic = new Critic()`, Critic from a third module), followed in each class's own module.
 */
/** Complete answers of `instanceClassOf` per node and field asked about (every reference of `agent` asks about its `init`). */
const instanceClasses = new WeakMap<Node, Map<string | null, ClassHome | null>>();

function instanceClassOf(file: FileIndex, expr: Node | null | undefined, depth = 0, field: string | null = null): ClassHome | null {
  const o = unwrap(expr);
  if (!o) return null;
  if (depth > 6) {
    truncations++;
    return null;
  }
  let memo = instanceClasses.get(o);
  if (memo?.has(field)) return memo.get(field)!;
  const before = truncations;
  let found = instanceClassFromValue(file, o, depth, field);
  // `exportWeights(brain: Brain)`, `agentRef.current` of `MutableRefObject<PolicyAgent | null>`: the declared class
  if (!found && (o.type === T.Identifier || o.type === T.MemberExpression)) found = classOfDeclaredType(file, declaredType(file, o), field);
  if (truncations === before) {
    if (!memo) instanceClasses.set(o, (memo = new Map()));
    memo.set(field, found);
  }
  return found;
}

/** The class a type annotation names (`Brain`, `Brain | null`): same-file or imported, `import type` included. */
function classOfDeclaredType(file: FileIndex, type: TSESTree.TypeNode | null, field: string | null): ClassHome | null {
  let t = type;
  if (t?.type === T.TSUnionType) {
    const rest = t.types.filter((m) => m.type !== T.TSNullKeyword && m.type !== T.TSUndefinedKeyword);
    t = rest.length === 1 ? rest[0]! : null;
  }
  if (t?.type !== T.TSTypeReference || t.typeName.type !== T.Identifier || t.typeArguments) return null;
  const local = file.classOfIdentifier(t.typeName);
  if (local) return { index: file, cls: local };
  // an interface or type alias of another module is no class: no parse unless its text declares one
  // the class's module must reach tfjs itself (a declared type says nothing about constructor arguments)
  if (!importMayDefine(file, t.typeName, false) || !importReachesTfjs(file, t.typeName) || (field !== null && !importReachesTfjs(file, t.typeName, field))) return null;
  return importedClass(file, t.typeName);
}

function instanceClassFromValue(file: FileIndex, o: Node, depth: number, field: string | null): ClassHome | null {
  // `cfg.critic ? new Critic() : null`, `existing ?? new Critic()`: every branch that is not nullish agrees
  if (o.type === T.ConditionalExpression || (o.type === T.LogicalExpression && o.operator !== '&&')) {
    return agreeingClass(o.type === T.ConditionalExpression ? [o.consequent, o.alternate] : [o.left, o.right], (b) => instanceClassOf(file, b, depth + 1, field));
  }
  if (o.type === T.NewExpression) {
    const callee = unwrap(o.callee);
    if (callee?.type === T.Identifier) {
      const local = file.classOfIdentifier(callee);
      if (local) return { index: file, cls: local };
    }
    if (callee?.type !== T.Identifier && callee?.type !== T.MemberExpression) return null;
    // no parse for a class whose module never assigns the field asked about (or, for a method's return,
    // never reaches tfjs); a field may hold what the constructor is given, so a module without tfjs is read
    if (!importReachesTfjs(file, callee, field)) return null;
    return field !== null && !field.endsWith('()') ? readingPlainModules(() => importedClass(file, callee)) : importedClass(file, callee);
  }
  // `NetworkFactory.actor(cfg)`, `createAgent()`: what the called function returns
  if (o.type === T.CallExpression) return calledInstanceClass(file, o, depth, field);
  if (o.type === T.Identifier) {
    const v = file.variableOf(o);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    // `constructor(agent) { this.agent = agent; }` with `new Trainer(new Agent())` in an importer
    if (def?.type === 'Parameter' && def.name.type === T.Identifier) return parameterInstanceClass(file, v!, def.name, depth, field);
    if (def?.type !== 'Variable' || def.node.id !== def.name) return null;
    // `for (const brain of alive)`: the class every element of the array holds
    const loop = def.node.parent?.parent;
    if (loop?.type === T.ForOfStatement && loop.left === def.node.parent) return elementClassOf(file, loop.right, depth + 1, field);
    const isConst = def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const';
    const writes = isConst ? [] : v!.references.filter((r) => r.isWrite());
    if (!isConst && writes.length !== 1) return null;
    // `var detector;` then `detector = new AnomalyDetector(…)` in a callback: the one write
    return instanceClassOf(file, def.node.init ?? writes[0]?.writeExpr, depth + 1, field);
  }
  // `Cls.#instance ??= new Cls(…)`: the instance kept or the one made (a singleton's accessor)
  if (o.type === T.AssignmentExpression && isValueWrite(o.operator)) {
    return o.operator === '=' ? instanceClassOf(file, o.right, depth + 1, field) : agreeingClass([o.left, o.right], (e) => instanceClassOf(file, e, depth + 1, field));
  }
  if (o.type !== T.MemberExpression || o.computed) return null;
  const name = memberName(o);
  const obj = unwrap(o.object);
  // `KeywordSpotter.shared`: a singleton kept in a static field or returned by a static getter
  const statics = name !== null && obj?.type === T.Identifier ? staticInstanceClass(file, obj, name, depth, field) : undefined;
  if (statics !== undefined) return statics;
  // `agent.critic = other` anywhere in this module may replace the instance the class created
  if (name === null || file.writesMember(name)) return null;
  const thisCls = obj?.type === T.ThisExpression ? thisClass(obj) : null;
  const owner = thisCls ? { index: file, cls: thisCls } : obj?.type === T.ThisExpression ? null : instanceClassOf(file, obj, depth + 1, name);
  const held = owner ? fieldInstanceClass(owner, name, depth, field) : null;
  if (held) return held;
  // `this.nets.actor` of `this.nets = { actor: NetworkFactory.actor(cfg), … }`: that property of every
  // object the container holds (nullish writes, `this.nets = null` on dispose, aside)
  const parts = file.memberSources(o)?.filter((p) => !isNullish(unwrap(p) ?? p));
  return parts && parts.length > 0 ? agreeingClass(parts, (p) => instanceClassOf(file, p, depth + 1, field)) : null;
}

/**
 * `Cls.name` where `Cls` is a class of this module or an imported one and `name` is one of its static
 * fields (`static #instance = null` with `Cls.#instance ??= new Cls(…)` anywhere in its module) or static
 * getters (`static get shared() { … return Cls.#instance; }`): the class every non-nullish write or return
 * creates. Undefined when `Cls` is no class with such a static member (then `name` is an ordinary property).
 */
function staticInstanceClass(file: FileIndex, id: TSESTree.Identifier, name: string, depth: number, field: string | null): ClassHome | null | undefined {
  const local = file.classOfIdentifier(id);
  if (!local && (!importMayDefine(file, id, false) || !importReachesTfjs(file, id))) return undefined;
  const home = local ? { index: file, cls: local } : importedClass(file, id);
  if (!home) return undefined;
  const member = home.cls.body.body.find(
    (el) => (el.type === T.PropertyDefinition || (el.type === T.MethodDefinition && el.kind === 'get')) && el.static && propertyKeyName(el) === name,
  );
  if (!member) return undefined;
  const { index, cls } = home;
  if (member.type === T.MethodDefinition) {
    if (!isFunction(member.value)) return null;
    const returned = index.returnedOf(member.value);
    return returned.length > 0 ? agreeingClass(returned, (r) => instanceClassOf(index, r, depth + 1, field)) : null;
  }
  // the class's own name in its module (a class expression bound to a const has none)
  const own = cls.id ?? null;
  const writes = own ? index.staticFieldWrites(own, name) : null;
  return writes && writes.length > 0 ? agreeingClass(writes, (w) => instanceClassOf(index, w, depth + 1, field)) : null;
}

/**
 * The class of the instance a call returns: the declared return type of the function it calls, else
 * every value it returns agreeing. The function may be the file's own, imported, or a static method of
 * an imported class (`static actor(cfg: ActorConfig): ActorNetwork { return new ActorNetwork(cfg); }`).
 * An async function or a generator returns something else.
 */
function calledInstanceClass(file: FileIndex, call: TSESTree.CallExpression, depth: number, field: string | null): ClassHome | null {
  const target = calledFunction(file, call);
  if (!target || target.fn.async || target.fn.generator) return null;
  const { index, fn } = target;
  if (fn.returnType) return classOfDeclaredType(index, fn.returnType.typeAnnotation, field);
  const returned = index.returnedOf(fn);
  return returned.length > 0 ? agreeingClass(returned, (r) => instanceClassOf(index, r, depth + 1, field)) : null;
}

/** The function a call invokes, in its own module: the file's own, an imported one, or a static method of an imported class. */
function calledFunction(file: FileIndex, call: TSESTree.CallExpression): { index: FileIndex; fn: FunctionNode } | null {
  const local = file.callTarget(call);
  if (local) return { index: file, fn: local };
  const callee = unwrap(call.callee);
  if (callee?.type === T.Identifier) return importMayConstruct(file, callee) ? importedFunction(file, callee) : null;
  if (callee?.type !== T.MemberExpression || callee.computed) return null;
  const obj = unwrap(callee.object);
  const name = memberName(callee);
  if (obj?.type !== T.Identifier || name === null || file.classOfIdentifier(obj)) return importMayConstruct(file, callee) ? importedFunction(file, callee) : null;
  if (!importMayDefine(file, obj, false) || !importReachesTfjs(file, obj) || !importMayConstruct(file, obj)) return null;
  const c = importedClass(file, obj);
  if (!c) return importedFunction(file, callee);
  for (const el of c.cls.body.body) {
    if (el.type === T.MethodDefinition && el.static && el.kind === 'method' && propertyKeyName(el) === name && isFunction(el.value)) return { index: c.index, fn: el.value };
  }
  return null;
}

/** Array methods whose result holds elements of their receiver (`alive = alive.filter(…)`). */
const SAME_ELEMENT_METHODS: ReadonlySet<string> = new Set(['filter', 'slice', 'concat', 'reverse', 'sort', 'toSorted', 'toReversed']);

/**
 * The class of every element of an array: a declared `Brain[]` (`this.brains`), an array literal of
 * instances and spreads of such arrays (`[...this.brains]`), or a binding whose writes are those, writes
 * that only filter or copy the binding itself (`alive = alive.filter(…)`) aside.
 */
function elementClassOf(file: FileIndex, expr: Node | null | undefined, depth: number, field: string | null): ClassHome | null {
  const e = unwrap(expr);
  if (!e || depth > 6) return null;
  if (e.type === T.ArrayExpression) {
    if (e.elements.length === 0 || e.elements.some((x) => !x)) return null;
    return agreeingClass(e.elements as Node[], (x) => (x.type === T.SpreadElement ? elementClassOf(file, x.argument, depth + 1, field) : instanceClassOf(file, x, depth + 1, field)));
  }
  const declared = declaredType(file, e);
  const element = declared ? elementType(file, declared, null) : null;
  if (element) return classOfDeclaredType(file, element, field);
  if (e.type !== T.Identifier) return null;
  const v = file.variableOf(e);
  const sources = v && v.defs.every((d) => d.type === 'Variable') ? file.sourcesOfVariable(v) : null;
  if (!sources) return null;
  const own = sources.filter((src) => {
    const u = unwrap(src);
    const m = u?.type === T.CallExpression ? calledMember(u) : null;
    return !(m && SAME_ELEMENT_METHODS.has(m.name) && unwrap(m.member.object)?.type === T.Identifier && file.variableOf(unwrap(m.member.object) as TSESTree.Identifier) === v);
  });
  return own.length > 0 ? agreeingClass(own, (src) => elementClassOf(file, src, depth + 1, field)) : null;
}

/**
 * The class whose instance a parameter holds: every argument at its same-file call sites, or, for an
 * exported function or class constructor, at the importers' call sites (`new Trainer(agent)` with
 * `const agent = new Agent()`), when all of them agree and the parameter is never reassigned.
 */
function parameterInstanceClass(file: FileIndex, v: Scope.Variable, param: TSESTree.Identifier, depth: number, field: string | null): ClassHome | null {
  const local = file.sourcesOfVariable(v);
  if (local) return local.length === 0 ? null : agreeingClass(local, (s) => instanceClassOf(file, s, depth + 1, field));
  if (v.references.some((r) => r.isWrite())) return null;
  const args = importerArguments(file, param);
  if (!args) return null;
  let result: ClassHome | null = null;
  for (const { index, arg } of args) {
    const u = unwrap(arg);
    if (u && isNullish(u)) continue;
    const r = instanceClassOf(index, arg, depth + 1, field);
    if (!r || (result && result.cls !== r.cls)) return null;
    result = r;
  }
  return result;
}

/** Per class and field: the class every write of the field instantiates (kept: every `this.x.y` asks again). */
const fieldClasses = new WeakMap<ClassNode, Map<string, ClassHome | null>>();

function fieldInstanceClass(owner: ClassHome, name: string, depth: number, field: string | null): ClassHome | null {
  let byName = fieldClasses.get(owner.cls);
  if (!byName) fieldClasses.set(owner.cls, (byName = new Map()));
  const key = field === null ? name : `${name}\0${field}`;
  if (byName.has(key)) return byName.get(key)!;
  byName.set(key, null); // a cycle through fields of the same class
  // a write of the field from outside the class, in its own module, may put anything there
  const writes = owner.index.writesMember(name) ? [] : (owner.index.fieldOf(owner.cls, name)?.writes ?? []);
  // `this.critic = null` in the constructor, `this.critic = new Critic()` in init(): the null says nothing
  const result = agreeingClass(writes, (w) => instanceClassOf(owner.index, w, depth + 1, field));
  byName.set(key, result);
  return result;
}

/** The one class all non-nullish expressions instantiate (null when none, or when two differ). */
function agreeingClass(exprs: readonly Node[], classOf: (e: Node) => ClassHome | null): ClassHome | null {
  let result: ClassHome | null = null;
  for (const e of exprs) {
    const u = unwrap(e);
    if (u && isNullish(u)) continue;
    const r = classOf(e);
    if (!r || (result && result.cls !== r.cls)) return null;
    result = r;
  }
  return result;
}

/**
 * Is the module an imported class comes from worth a parse for `field` (cached text scans)? Its text must
 * assign the field; for a method's return (`name()`), define the method and reach tfjs.
 */
function importReachesTfjs(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression, field: string | null = null): boolean {
  const spec = importSpecOf(file, id);
  const path = spec && file.filename ? resolveModule(file.filename, spec.specifier) : null;
  if (!path || path === file.filename) return false;
  // a field: the module's text must assign it (its value may come from the constructor's arguments)
  // the class's own name, when imported by name: a module that re-exports others and declares that class
  // itself (a library's entry, `export * from './exports'` next to `export class Human`) answers alone
  const cls = spec && spec.name !== NAMESPACE && spec.name !== WHOLE && spec.name !== 'default' ? spec.name : null;
  if (field !== null && !field.endsWith('()')) return declaresMember(path, field, 3, cls);
  return moduleTouchesTfjs(path, file.settings.modules, 2) && (field === null || declaresMember(path, field, 3, cls));
}

/** The import an identifier (`import { f } from './m'`) or a namespace member (`m.f`) stands for. */
function importSpecOf(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression): ImportSpec | null {
  if (id.type === T.MemberExpression) return namespaceMember(file, id);
  const v = file.variableOf(id);
  return v ? importSpec(file, v) : null;
}

/** `new Agent(…)`, `new this.Net()`: an instance of some class other than JavaScript's and the DOM's own. */
const NEW_USER_CLASS =
  /\bnew[ \t]+(?!(?:Date|Error|TypeError|RangeError|Promise|Map|Set|WeakMap|WeakSet|WeakRef|Array|Object|RegExp|URL|URLSearchParams|Float32Array|Float64Array|Int8Array|Int16Array|Int32Array|Uint8Array|Uint8ClampedArray|Uint16Array|Uint32Array|ArrayBuffer|DataView|Image|ImageData|OffscreenCanvas|Worker|Blob|File|FileReader|Response|Request|Headers|FormData|TextEncoder|TextDecoder|Function|Proxy|Event|CustomEvent|AbortController)\b)[A-Za-z_$]/;

/**
 * May the imported function `id` return an instance of a user class? Its module must construct one
 * (`return new Agent(cfg)`); a module of helpers that build plain values is not parsed to find out.
 */
function importMayConstruct(file: FileIndex, id: TSESTree.Identifier | TSESTree.MemberExpression): boolean {
  const spec = importSpecOf(file, id);
  const path = spec && file.filename ? resolveModule(file.filename, spec.specifier) : null;
  const text = path && path !== file.filename ? readModuleText(path) : null;
  return text !== null && text.includes('new') && NEW_USER_CLASS.test(text);
}

/**
 * While set, `indexForPath` also reads modules that never reach tfjs: a class there may store tfjs values
 * its importers pass to its constructor (`new Holder(tf.sequential())`, `this.net = net`).
 */
let plainModulesAllowed = false;

function readingPlainModules<R>(fn: () => R): R {
  const previous = plainModulesAllowed;
  plainModulesAllowed = true;
  try {
    return fn();
  } finally {
    plainModulesAllowed = previous;
  }
}

/**
 * Can a class of the module's text have this member: a field it assigns (`this.model =`, a class field
 * `model = …` / `model: T`, a TS parameter property `private model`), or for `name()` a method it
 * defines (`name(…) {`, `name = (…) =>`, `X.prototype.name =`)? A re-exporting module answers for the
 * modules it re-exports (the class lives there), or itself. A text scan, cached per module text and member.
 */
function declaresMember(path: string, member: string, depth = 3, className: string | null = null): boolean {
  const text = readModuleText(path);
  if (text === null) return false;
  let entry = wordScans.get(path);
  if (!entry || entry.text !== text) {
    const barrel =
      /^[ \t]*export[ \t]*(?:\*|\{[^}]*\}[ \t]*from\b)/m.test(text) ||
      /module\.exports[ \t]*=[ \t]*(?:\{[^}]*\.\.\.[ \t]*)?require\(/.test(text) ||
      // `const { ChurnNet } = require('./churn-net'); … module.exports = { ChurnNet, … }` (or `...tabular`)
      (/\bmodule\.exports[ \t]*=[ \t]*\{/.test(text) && /\b(?:const|let|var)[ \t]+(?:\{[^}]*\}|[\w$]+)[ \t]*=[ \t]*require\([ \t]*['"]\./.test(text));
    entry = { text, barrel, words: new Map() };
    wordScans.set(path, entry);
    while (wordScans.size > MAX_PARSED_MODULES * 4) wordScans.delete(wordScans.keys().next().value!);
  }
  // a barrel: the class lives in a module it re-exports, so one of those must declare the member
  // (`classes/index.js` with `export * from './BoundingBox'`); unresolvable or too deep: let it through
  if (entry.barrel && !(className !== null && declaresClass(text, className))) {
    if (depth <= 0) return true;
    const targets = specifiersOfFile(path, text).map((s) => resolveModule(path, s));
    if (targets.some((t) => !t)) return true;
    if (targets.some((t) => t !== path && declaresMember(t!, member, depth - 1))) return true;
  }
  let found = entry.words.get(member);
  if (found === undefined) {
    const method = member.endsWith('()');
    const w = (method ? member.slice(0, -2) : member).replace(/\$/g, '\\$');
    if (!text.includes(method ? member.slice(0, -2) : member)) found = false;
    else {
      const mods = '(?:(?:public|private|protected|readonly|static|declare|override|async|get)[ \\t]+)*';
      if (method) {
        const re = new RegExp(`^[ \\t]*${mods}\\*?${w}[ \\t]*(?:<[^>\\n]*>)?\\(|(?<![\\w$])${w}[ \\t]*=[ \\t]*(?:async[ \\t]*)?(?:function\\b|\\([^)]*\\)[ \\t]*=>|[A-Za-z_$][\\w$]*[ \\t]*=>)|\\.prototype\\.${w}[ \\t]*=`, 'm');
        found = re.test(text);
      } else {
        // a field every write of which is a function (`analyze = (...msg) => {…}`, `this.log = function…`)
        // holds no tfjs value: only other matches count
        const re = new RegExp(`(?<![\\w$])_?this\\.${w}[ \\t]*=(?!=)|^[ \\t]*${mods}${w}[ \\t]*[?!]?[ \\t]*[:=;]|(?:public|private|protected|readonly)[ \\t]+${w}(?![\\w$]|[ \\t]*[(<])|^[ \\t]*${mods}get[ \\t]+${w}[ \\t]*\\(`, 'gm');
        found = false;
        for (const m of text.matchAll(re)) {
          if (!m[0].endsWith('=') || !FUNCTION_VALUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 200))) {
            found = true;
            break;
          }
        }
      }
    }
    entry.words.set(member, found);
  }
  // inherited: a class of this text extends a class of a module it imports relatively
  // (`class ActorNetwork extends BaseNetwork`, whose `get model(): tf.LayersModel` lives there)
  if (!found && depth > 0 && EXTENDS_TEXT.test(text)) {
    for (const s of specifiersOfFile(path, text)) {
      const t = resolveModule(path, s);
      if (t && t !== path && declaresMember(t, member, depth - 1)) return true;
    }
  }
  return found;
}

const EXTENDS_TEXT = /\bclass\b[^{\n]*\bextends[ \t]+[A-Za-z_$]/;

/** Does the text declare `class <name>` (`export class Human`, `class Human extends …`)? */
function declaresClass(text: string, name: string): boolean {
  return text.includes(name) && new RegExp(`\\bclass[ \\t]+${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text);
}

/** What follows the `=` of a write whose value is a function literal (`(a, b: T): R =>`, `async x =>`, `function`). */
const FUNCTION_VALUE = /^[ \t]*(?:async[ \t]+)?(?:function\b|\([^()]*\)[ \t]*(?::[^=;\n]*)?=>|[A-Za-z_$][\w$]*[ \t]*=>)/;

/** Per module text: whether it re-exports (a class may live further on), and the words asked about. */
const wordScans = new Map<string, { text: string; barrel: boolean; words: Map<string, boolean> }>();


/**
 * `agent.model` where `agent` holds an instance of a class from another module (`new Agent()`,
 * `agent.critic` of a field holding one): the field's provenance in that class's module (its
 * annotation, or all of its writes agreeing).
 */
export function importedInstanceField(file: FileIndex, object: Node, name: string): ValueInfo | null {
  const c = bounded(() => instanceClassOf(file, object, 0, name));
  if (!c || c.index === file) return null; // a same-file class: the resolver's own containers answer
  const held = bounded(() => classFieldKind(c, name));
  // `session.model = getClassifier()` in this module may replace what the class put there, on this
  // instance or another: each such write is one more origin, and every origin must agree
  if (!held || !file.writesMember(name)) return held;
  const origins = [...originsOf(held)];
  for (const value of file.memberWriteValues(name)) {
    // `session.model = null` after a dispose says nothing about what the field holds otherwise
    const u = unwrap(value);
    if (u && isNullish(u)) continue;
    const k = withHome(file.kindOf(value), file);
    if (!k || k.kind !== held.kind || Boolean(k.promise) !== Boolean(held.promise)) return null;
    origins.push(...originsOf(k));
  }
  return { ...held, origins };
}

/**
 * `this.<name>` facts that a superclass of another module gives a class (`class Actor extends BaseNetwork`
 * with `get model(): tf.LayersModel` in `./base-network`). No parse unless the superclass's module reaches
 * tfjs and its text (or a module it extends from) can declare the member.
 */
export function importedSuperField(file: FileIndex, sup: TSESTree.Identifier, name: string): FieldFacts | null {
  if (!importMayDefine(file, sup, false) || !importReachesTfjs(file, sup, name)) return null;
  // a base class whose module never mentions tfjs may still hold a model through the template method
  // (`this.model = this.buildModel(cfg)`, the override here builds it): its module is read all the same
  const c = readingPlainModules(() => importedClass(file, sup));
  return c ? (bounded(() => c.index.fieldOf(c.cls, name)) ?? null) : null;
}

/**
 * The class of another module whose instance `object` holds, asked for its field `field`
 * (`this.registry` of `constructor(private readonly registry: ModelRegistryService)`): null for a same-file
 * class (the resolver's own containers answer). src/engine/state-containers.ts reads a subject or signal
 * kept in such a field.
 */
export function importedInstanceClass(file: FileIndex, object: Node, field: string): ClassHome | null {
  const c = bounded(() => instanceClassOf(file, object, 0, field));
  return c && c.index !== file ? c : null;
}

/** What a field of a class of another module holds there: every write agreeing, else its annotation. */
function classFieldKind(c: ClassHome, name: string): ValueInfo | null {
  const facts = c.index.fieldOf(c.cls, name);
  if (!facts) return null;
  // what the class writes there (its origin shows the model's layers), when every write agrees; writes of
  // `<x>.<name>` elsewhere in its module (`net.model = await tf.loadLayersModel(…)` on an instance a static
  // `load()` made with Object.create) must agree too, nullish ones aside; else the field's annotation
  const outside = c.index.writesMember(name) ? c.index.memberWriteValues(name).filter((v) => !isNullish(unwrap(v) ?? v)) : [];
  if (outside.length > 0 && facts.writes.length === 0) return null;
  let result: ValueInfo | null = null;
  const origins: ValueInfo[] = [];
  for (const w of [...facts.writes, ...outside]) {
    const k = c.index.kindOf(w);
    if (!k || (result && (result.kind !== k.kind || Boolean(result.promise) !== Boolean(k.promise)))) {
      result = null;
      break;
    }
    result = result ?? k;
    origins.push(...originsOf(k).map((o) => withHome(o, c.index)!));
  }
  // with writes from outside the class, the field holds any of them: the model structure is their union
  if (result && outside.length > 0) return { ...withHome(result, c.index)!, origins };
  if (result) return withHome(result, c.index);
  for (const a of facts.annotations) {
    const k = c.index.kindFromAnnotation(a);
    if (k) return withHome(k, c.index);
  }
  return null;
}

/** `critic.buildTarget()` where `critic` holds an instance of a class from another module: what that method returns. */
export function importedMethodReturnKind(file: FileIndex, call: TSESTree.CallExpression): ValueInfo | null {
  const callee = unwrap(call.callee);
  if (callee?.type !== T.MemberExpression || callee.computed) return null;
  const name = memberName(callee);
  const c = name === null ? null : bounded(() => instanceClassOf(file, callee.object, 0, `${name}()`));
  if (!c || c.index === file) return null;
  const method = c.cls.body.body.find(
    (m): m is TSESTree.MethodDefinition => m.type === T.MethodDefinition && m.kind === 'method' && !m.static && !m.computed && propertyKeyName(m as never) === name,
  );
  const fn = method?.value;
  return fn && isFunction(fn) ? bounded(() => withHome(c.index.returnKind(fn), c.index)) : null;
}

// ------------------------------------------------------------------------------------------ parameters across modules

/**
 * Can the module at `path` call an export named one of `names` (`name(`, `m.name(`, `new name(`)? A text
 * scan that spares the parse of an importer that only re-exports (a barrel). A default or whole-module
 * export may be called under any local name: then always true.
 */
function mayCallByName(path: string, names: readonly string[]): boolean {
  if (names.length === 0 || names.some((n) => n === WHOLE || n === 'default')) return true;
  const text = readModuleText(path);
  if (text === null) return true;
  return new RegExp(`(?<![\\w$])(?:${names.map((n) => n.replace(/\$/g, '\\$')).join('|')})[ \\t]*\\(`).test(text);
}

/** The variables of an importer's module bound to an import of `file` (by name, namespace or whole module), with how. */
function bindingsOfImportsFrom(importer: FileIndex, path: string, file: FileIndex): { v: Scope.Variable; spec: ImportSpec }[] {
  const out: { v: Scope.Variable; spec: ImportSpec }[] = [];
  for (const scope of importer.sourceCode.scopeManager?.scopes ?? []) {
    for (const v of scope.variables) {
      const spec = importSpec(importer, v);
      if (spec && resolveModule(path, spec.specifier) === file.filename) out.push({ v, spec });
    }
  }
  return out;
}

/**
 * The uses of an import binding that name one export: the reference itself (`train(…)` for
 * `import { train }`), or `m.train` for a namespace import / whole-module require `m`.
 */
function importedNameUses(v: Scope.Variable, spec: ImportSpec): { callee: Node; name: string }[] {
  const out: { callee: Node; name: string }[] = [];
  const whole = spec.name === NAMESPACE || spec.name === WHOLE;
  for (const ref of v.references) {
    const id = ref.identifier as TSESTree.Identifier;
    const p = id.parent;
    if (whole && p?.type === T.MemberExpression && p.object === id) {
      const name = memberName(p);
      if (name !== null) out.push({ callee: p, name });
    }
    if (spec.name !== NAMESPACE) out.push({ callee: id, name: spec.name });
  }
  return out;
}

/** The names under which the module exports a function (`export function train`, `module.exports = { train }`, …), or a class (its constructor's parameters). */
function exportNamesOf(file: FileIndex, fn: FunctionNode | ClassNode): string[] {
  const names: string[] = [];
  const t = exportTable(file);
  const isClass = fn.type === T.ClassDeclaration || fn.type === T.ClassExpression;
  const matches = (node: Node): boolean => {
    const n = unwrap(node);
    if (n === fn) return true;
    if (n?.type !== T.Identifier) return false;
    if (!isClass) return file.functionOfIdentifier(n) === fn;
    const def = file.variableOf(n)?.defs[0];
    return def?.type === 'ClassName' ? def.node === fn : def?.type === 'Variable' && def.node.id === def.name && unwrap(def.node.init) === fn;
  };
  for (const [name, entry] of t.names) if ('node' in entry && matches(entry.node)) names.push(name);
  if (t.whole && 'node' in t.whole && matches(t.whole.node)) names.push(WHOLE);
  return names;
}

/**
 * The one name importers must write to call this exported function (`import { frameEnergy }`,
 * `require('./f').frameEnergy`), or null when they may call it under any name (a default or whole-module
 * export, several export names, not exported).
 */
export function importedNameOf(file: FileIndex, fn: FunctionNode): string | null {
  const names = exportNamesOf(file, fn);
  return names.length === 1 && names[0] !== WHOLE && names[0] !== 'default' ? names[0]! : null;
}

/**
 * A method of an exported class: the name importers call it by (`this.metrics.confidence(…)`) and the
 * names the class is exported under (an importer naming one may hand instances on). Null otherwise.
 */
export function exportedMethodName(file: FileIndex, fn: FunctionNode): { name: string; classNames: string[] } | null {
  const def = fn.parent;
  if (def?.type !== T.MethodDefinition || def.kind !== 'method' || def.static || def.value !== fn) return null;
  const cls = def.parent.parent;
  if (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) return null;
  const classNames = exportNamesOf(file, cls).map((n) => (n === WHOLE || n === 'default' ? (cls.id?.name ?? '') : n));
  const name = propertyKeyName(def);
  return classNames.length > 0 && name !== null ? { name, classNames } : null;
}

const paramCache = new WeakMap<TSESTree.Identifier, ValueInfo | null>();

/**
 * An untyped parameter of an exported function: the provenance its arguments have at every call site
 * in the package's modules that import the function and call it (all call sites must agree, and at
 * least one must be seen; otherwise unknown).
 */
export function parameterFromImporters(file: FileIndex, param: TSESTree.Identifier): ValueInfo | null {
  if (paramCache.has(param)) return paramCache.get(param)!;
  paramCache.set(param, null); // recursion guard
  const result = bounded(() => computeParameter(file, param)) ?? null;
  paramCache.set(param, result);
  return result;
}

function computeParameter(file: FileIndex, param: TSESTree.Identifier): ValueInfo | null {
  const args = importerArguments(file, param);
  if (!args) return null;
  let result: ValueInfo | null = null;
  for (const { index, arg } of args) {
    const k = index.kindOf(arg);
    if (!k || (result && result.kind !== k.kind)) return null;
    result = result ?? withHome(k, index);
  }
  return result;
}

export type ImporterArgument = { readonly index: FileIndex; readonly arg: Node };

/** The arguments the importers pass to an exported function's (or class constructor's) parameter; see `importerArguments`. */
export function importerArgumentsOf(file: FileIndex, param: TSESTree.Identifier): readonly ImporterArgument[] | null {
  return bounded(() => importerArguments(file, param)) ?? null;
}

/** The index of the module a node belongs to: the linted file, or a module the engine parsed. */
export function indexOfNode(file: FileIndex, node: Node): FileIndex {
  const home = homeOfNode(node);
  return home && home !== file ? home : file;
}
const argumentCache = new WeakMap<TSESTree.Identifier, readonly ImporterArgument[] | null>();

/**
 * The arguments an untyped parameter of an exported function (or of an exported class's constructor)
 * receives at every call site (`new Cls(…)`) in the package's modules that import it, each with its
 * module; null unless every call site is seen and at least one exists.
 */
function importerArguments(file: FileIndex, param: TSESTree.Identifier): readonly ImporterArgument[] | null {
  if (argumentCache.has(param)) return argumentCache.get(param)!;
  argumentCache.set(param, null); // recursion guard
  const result = collectImporterArguments(file, param);
  argumentCache.set(param, result);
  return result;
}

function collectImporterArguments(file: FileIndex, param: TSESTree.Identifier): ImporterArgument[] | null {
  const fn = param.parent;
  if (!isFunction(fn)) return null;
  const position = fn.params.indexOf(param);
  if (position < 0) return null;
  // a constructor's parameter: the arguments of `new Cls(…)` in the importers
  const method = fn.parent;
  const cls = method?.type === T.MethodDefinition && method.kind === 'constructor' ? method.parent?.parent : null;
  if (cls && cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) return null;
  const calls = importerCallsOf(file, cls ?? fn);
  if (!calls) return null;
  const out: ImporterArgument[] = [];
  for (const { index, call } of calls) {
    const arg = call.arguments[position];
    if (!arg || arg.type === T.SpreadElement) return null;
    out.push({ index, arg });
  }
  return out;
}

export type ImporterCall = { readonly index: FileIndex; readonly call: TSESTree.CallExpression | TSESTree.NewExpression };
const importerCallCache = new WeakMap<Node, readonly ImporterCall[] | null>();

/**
 * Every call of an exported function (or `new` of an exported class) in the package's modules that
 * import it, each with its module; null unless all of them can be seen and there is at least one.
 */
export function importerCallsOf(file: FileIndex, target: FunctionNode | ClassNode): readonly ImporterCall[] | null {
  if (importerCallCache.has(target)) return importerCallCache.get(target)!;
  importerCallCache.set(target, null); // recursion guard
  // not bounded: reading the importers' call sites resolves nothing, and a null from the depth bound
  // would stay cached for every later question
  const result = collectImporterCalls(file, target);
  importerCallCache.set(target, result);
  return result;
}

const readableCallCache = new WeakMap<Node, readonly ImporterCall[]>();

/**
 * The calls of an exported function or class in the importers this process can read (`importerCallsOf`
 * without its all-or-nothing rule): enough to show that some importer does something with what it
 * returns, never to show that none does.
 */
export function readableImporterCallsOf(file: FileIndex, target: FunctionNode | ClassNode): readonly ImporterCall[] {
  const cached = readableCallCache.get(target);
  if (cached) return cached;
  readableCallCache.set(target, []); // recursion guard
  const result = collectImporterCalls(file, target, false) ?? [];
  readableCallCache.set(target, result);
  return result;
}

const methodCallCache = new WeakMap<FunctionNode, readonly ImporterCall[]>();

/**
 * The calls of a method of an exported class, in the importers this process can read, on a value that holds
 * an instance of the class (`this.metrics.confidence(model, x)` with `metrics: MetricsService` injected, or
 * `new Agent().act(s)`): enough to show how often some caller runs it, never that none does.
 */
export function readableImporterMethodCallsOf(file: FileIndex, method: FunctionNode): readonly ImporterCall[] {
  const cached = methodCallCache.get(method);
  if (cached) return cached;
  const out: ImporterCall[] = [];
  methodCallCache.set(method, out);
  const def = method.parent;
  const cls = def?.type === T.MethodDefinition && def.kind === 'method' && !def.static && def.value === method ? def.parent.parent : null;
  const name = def?.type === T.MethodDefinition ? propertyKeyName(def) : null;
  if (!file.filename || !cls || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression) || name === null) return out;
  bounded(() => {
    if (exportNamesOf(file, cls).length === 0) return;
    const called = new RegExp(`\\.${name.replace(/\$/g, '\\$')}[ \\t]*\\(`);
    for (const path of importersOf(file.filename!).slice(0, MAX_IMPORTERS)) {
      const text = readModuleText(path);
      if (!text || !called.test(text)) continue;
      const importer = indexForPath(file, path, true);
      if (!importer) continue;
      for (const call of importer.callsNamed(name)) {
        const m = calledMember(call);
        if (m && instanceClassOf(importer, m.member.object)?.cls === cls) out.push({ index: importer, call });
      }
    }
  });
  return out;
}

/** A barrel that passes every name on: `export * from './x'`, or `module.exports = { ...require('./x') }`. */
function reexportsAll(text: string): boolean {
  return /^[ \t]*export[ \t]*\*[ \t]*from\b/m.test(text) || /module\.exports[ \t]*=[ \t]*(?:\{[^}]*\.\.\.[ \t]*)?require\(/.test(text);
}

function collectImporterCalls(file: FileIndex, target: FunctionNode | ClassNode, complete = true): ImporterCall[] | null {
  if (!file.filename) return null;
  const cls = target.type === T.ClassDeclaration || target.type === T.ClassExpression;
  const names = exportNamesOf(file, target);
  if (names.length === 0) return null;
  const out: ImporterCall[] = [];
  const importers = importersOf(file.filename);
  // every call site must be seen: too many importers, or one we do not read, leaves the calls unknown
  if (importers.length > MAX_IMPORTERS && complete) return null;
  // an importer whose text never calls one of the export's names (a barrel re-exporting it) calls nothing:
  // not parsed (a default or whole-module import may be called under any local name)
  // (for the readable calls only: the modules importing a barrel that re-exports it, `export * from './risk'`)
  const sources: { path: string; from: FileIndex }[] = importers.slice(0, MAX_IMPORTERS).map((path) => ({ path, from: file }));
  if (!complete) {
    for (const barrel of importers.slice(0, MAX_IMPORTERS)) {
      const text = readModuleText(barrel);
      if (!text || mayCallByName(barrel, names) || !reexportsAll(text)) continue;
      const barrelIndex = indexForPath(file, barrel, true);
      if (barrelIndex) for (const path of importersOf(barrel).slice(0, MAX_IMPORTERS)) if (path !== file.filename) sources.push({ path, from: barrelIndex });
    }
  }
  for (const { path, from } of sources) {
    if (!mayCallByName(path, names)) continue;
    const importer = indexForPath(file, path, true);
    if (!importer) {
      if (complete) return null;
      continue;
    }
    for (const { v, spec } of bindingsOfImportsFrom(importer, path, from)) {
      for (const { callee, name } of importedNameUses(v, spec)) {
        if (!names.includes(name)) continue;
        const call = callee.parent;
        // a subclass passes its own arguments through super(…), which this scan does not see
        if (cls && (call?.type === T.ClassDeclaration || call?.type === T.ClassExpression) && call.superClass === callee) {
          if (complete) return null;
          continue;
        }
        if (call?.type !== (cls ? T.NewExpression : T.CallExpression) || (call as TSESTree.NewExpression).callee !== callee) continue;
        out.push({ index: importer, call: call as TSESTree.CallExpression | TSESTree.NewExpression });
      }
    }
  }
  return out.length > 0 ? out : null;
}

// ------------------------------------------------------------------------------------------ steps across modules

export interface ImportedStepCall {
  /** This file's exported function, called from a training step of an importer. */
  readonly fn: FunctionNode;
  /** The importer's gradient context that calls it (nodes of the importer's module). */
  readonly ctx: GradientContext;
}

const stepCache = new WeakMap<FileIndex, ImportedStepCall[]>();

/**
 * This file's exported functions that an importer calls inside one of its training steps
 * (`opt.minimize(() => loss(forward(model, xs)))` with `forward` imported from this file), directly or in
 * a same-file function the step calls (`minimize(() => this.computeLoss(xs, ys))` whose `computeLoss`
 * calls `forward`): the forward pass they run is recorded on that step's tape.
 */
export function importedStepCalls(file: FileIndex): ImportedStepCall[] {
  const cached = stepCache.get(file);
  if (cached) return cached;
  const out: ImportedStepCall[] = [];
  stepCache.set(file, out);
  // only a module that runs a model at all can hold such a helper (cheap text check before any parsing)
  if (!file.filename || !/\.(?:apply|predict|predictOnBatch|execute)\s*\(/.test(file.sourceCode.text)) return out;
  bounded(() => {
    const exported = new Map<string, FunctionNode>();
    for (const [name, entry] of exportTable(file).names) {
      if (!('node' in entry)) continue;
      const n = unwrap(entry.node);
      const fn = isFunction(n) ? n : n?.type === T.Identifier ? file.functionOfIdentifier(n) : null;
      if (fn) exported.set(name, fn);
    }
    if (exported.size === 0) return;
    for (const path of importersOf(file.filename).slice(0, MAX_IMPORTERS)) {
      if (!mayCallByName(path, [...exported.keys()])) continue;
      const importer = indexForPath(file, path);
      if (!importer) continue;
      for (const { v, spec } of bindingsOfImportsFrom(importer, path, file)) {
        for (const { callee, name } of importedNameUses(v, spec)) {
          const fn = exported.get(name);
          const call = callee.parent;
          if (!fn || call?.type !== T.CallExpression || call.callee !== callee) continue;
          const ctx = gradientContextOf(importer, call);
          // directly in the step, or in a same-file function the step calls (`computeLoss()` inside `minimize`)
          // one context per helper: the first, unless a var list restricts it and a later step trains everything
          const at = out.findIndex((o) => o.fn === fn);
          if (ctx && at < 0) out.push({ fn, ctx });
          else if (ctx && hasVarList(out[at]!.ctx.call) && !hasVarList(ctx.call)) out[at] = { fn, ctx };
        }
      }
    }
  });
  return out;
}

// ------------------------------------------------------------------------------------------ mixins

/**
 * The classes an object literal is mixed into (`Object.assign(Trainer.prototype, SerializableMixin)`),
 * with their modules: in the literal's own module, and in the modules that import it by name (a mixin
 * module exports the literal, the class's module applies it). `this` in the literal's methods is an
 * instance of one of them. Null when none is found.
 */
export function mixinHosts(file: FileIndex, literal: TSESTree.ObjectExpression): ClassHome[] | null {
  const cached = mixinCache.get(literal);
  if (cached !== undefined) return cached;
  mixinCache.set(literal, null);
  const decl = literal.parent;
  if (decl?.type !== T.VariableDeclarator || decl.id.type !== T.Identifier || decl.init !== literal) return null;
  const v = file.variableOf(decl.id);
  if (!v || v.references.some((r) => r.isWrite() && r.identifier !== decl.id)) return null;
  const hosts: ClassHome[] = [];
  const add = (index: FileIndex, refs: readonly Scope.Reference[]): void => {
    for (const ref of refs) {
      const cls = assignedPrototypeClass(index, ref.identifier as TSESTree.Identifier);
      if (cls && !hosts.some((h) => h.cls === cls.cls)) hosts.push(cls);
    }
  };
  add(file, v.references);
  // importers that apply the exported literal to one of their classes
  const names = [...exportTable(file).names]
    .filter(([, e]) => 'node' in e && (unwrap(e.node) === literal || (unwrap(e.node)?.type === T.Identifier && file.variableOf(unwrap(e.node) as TSESTree.Identifier) === v)))
    .map(([n]) => n);
  if (names.length > 0 && file.filename) {
    bounded(() => {
      for (const path of importersOf(file.filename).slice(0, MAX_IMPORTERS)) {
        const text = readModuleText(path);
        if (!text || !/\bObject\.assign\s*\(/.test(text) || !names.some((n) => text.includes(n))) continue;
        const importer = indexForPath(file, path);
        if (!importer) continue;
        for (const { v: iv, spec } of bindingsOfImportsFrom(importer, path, file)) if (names.includes(spec.name)) add(importer, iv.references);
      }
    });
  }
  const result = hosts.length > 0 ? hosts : null;
  mixinCache.set(literal, result);
  return result;
}

const mixinCache = new WeakMap<TSESTree.ObjectExpression, ClassHome[] | null>();

/** `X` of `Object.assign(X.prototype, …, id, …)` (id a source, not the target), as a class of `index` or one it imports. */
function assignedPrototypeClass(index: FileIndex, id: TSESTree.Identifier): ClassHome | null {
  const call = id.parent;
  if (call?.type !== T.CallExpression || !call.arguments.includes(id) || call.arguments[0] === id) return null;
  const callee = unwrap(call.callee);
  if (callee?.type !== T.MemberExpression || memberName(callee) !== 'assign' || unwrap(callee.object)?.type !== T.Identifier || (unwrap(callee.object) as TSESTree.Identifier).name !== 'Object') return null;
  const target = unwrap(call.arguments[0]);
  if (target?.type !== T.MemberExpression || memberName(target) !== 'prototype') return null;
  const x = unwrap(target.object);
  if (x?.type !== T.Identifier) return null;
  const local = index.classOfIdentifier(x);
  return local ? { index, cls: local } : importedClass(index, x);
}

/** `this.<name>` in a method of a mixin literal: what every host class's field holds, when they agree. */
export function mixinFieldKind(file: FileIndex, literal: TSESTree.ObjectExpression, name: string): ValueInfo | null {
  const hosts = mixinHosts(file, literal);
  if (!hosts) return null;
  let result: ValueInfo | null = null;
  for (const h of hosts) {
    const k = bounded(() => (h.index === file ? file.kindOfThisField(h.cls, name) : withHome(h.index.kindOfThisField(h.cls, name), h.index)));
    if (!k || (result && result.kind !== k.kind)) return null;
    result = result ?? k;
  }
  return result;
}
