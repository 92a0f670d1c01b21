/**
 * Project scan: does the code around a file construct mode-dependent layers (Dropout, BatchNormalization,
 * noise layers, recurrent layers with `dropout`/`recurrentDropout` > 0)?
 *
 * Rules use it when a model's layers are not visible in the linted file (a parameter typed
 * `tf.LayersModel`, a model assembled from imported builders): if neither the file's relative imports nor
 * the files of its package construct such layers, staying quiet is the honest answer.
 *
 * It is a text scan, deliberately cheap: files are read once per process (relative imports keyed by
 * path and mtime; package directories by path, refreshed after a few seconds so editors see edits),
 * bounded in count, size and depth, and it never throws (unreadable files count as "nothing found").
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { TF_MODULES } from './settings.js';
import { aliasCandidates, hasAliases } from './aliases.js';
import { isFile } from './fs-listing.js';
import { inWorkspace, selfReferenceCandidates, subpathImportCandidates, workspaceCandidates } from './workspaces.js';
import { MODE_DEPENDENT_LAYER_TABLE } from '../facts/tfjs-api.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components', 'vendor']);
const MAX_FILE_BYTES = 512 * 1024;
const MAX_PACKAGE_FILES = 400;
const MAX_DEPTH = 6;
const PACKAGE_TTL_MS = 5000;

/** A call of a mode-dependent layer factory or class: `dropout(`, `tf.layers.batchNormalization(`, `new Dropout(` (from MODE_DEPENDENT_LAYER_TABLE). */
const MODE_DEPENDENT_CALL = new RegExp(
  `\\b(?:${MODE_DEPENDENT_LAYER_TABLE.map((l) => l.factory).join('|')})\\s*\\(|\\bnew\\s+(?:[\\w$]+\\.)*(?:${MODE_DEPENDENT_LAYER_TABLE.map((l) => l.className).join('|')})\\s*\\(`,
);
/** A recurrent `dropout:` / `recurrentDropout:` option with a positive literal. */
const RECURRENT_DROPOUT = /\b(?:dropout|recurrentDropout)\s*:\s*(?:0*\.0*[1-9]|0*[1-9])/;

export interface ScanOptions {
  /** Extra text markers of tfjs: module specifiers (`settings.torch2tf.modules`) and `<global>.` for `settings.torch2tf.globals`. */
  readonly modules?: readonly string[];
}

/**
 * Whether a source text calls a mode-dependent layer factory at all, whatever module it imports tfjs
 * through (for typed programs, where the checker already proved the program uses tfjs and files may
 * reach it through a local wrapper module).
 */
export function textCallsModeDependentLayer(text: string): boolean {
  return MODE_DEPENDENT_CALL.test(text) || RECURRENT_DROPOUT.test(text);
}

/** Whether a source text constructs a mode-dependent tfjs layer (the text must mention a tfjs module). */
export function textConstructsModeDependent(text: string, modules: readonly string[] = []): boolean {
  if (!TF_MODULES.some((m) => text.includes(m)) && !modules.some((m) => text.includes(m))) return false;
  return MODE_DEPENDENT_CALL.test(text) || RECURRENT_DROPOUT.test(text);
}

const fileCache = new Map<string, { mtimeMs: number; result: boolean }>();

function scanFile(path: string, modules: readonly string[]): boolean {
  try {
    const st = statSync(path);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return false;
    const key = `${path}\0${modules.join('\0')}`;
    const cached = fileCache.get(key);
    if (cached && cached.mtimeMs === st.mtimeMs) return cached.result;
    const result = textConstructsModeDependent(readFileSync(path, 'utf8'), modules);
    fileCache.set(key, { mtimeMs: st.mtimeMs, result });
    return result;
  } catch {
    return false;
  }
}


/**
 * Resolution results (the resolved base path → the file it names, or null for a miss), trusted for a few
 * seconds: within one lint run the files of a directory import the same modules, and each miss costs up
 * to 25 `stat` calls. The short TTL lets an editor session see a file created or deleted since.
 */
const RESOLVE_TTL_MS = 5000;
const MAX_RESOLVE_ENTRIES = 5000;
const resolveCache = new Map<string, { at: number; path: string | null }>();

/** `./x`, `../x`, and the directory itself or its parent (`'.'`, `'..'`: their index file). */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** Resolve a relative import the way bundlers and TS do: as written, with an extension, or an index file. */
export function resolveRelativeImport(fromFile: string, specifier: string): string | null {
  if (!isRelativeSpecifier(specifier)) return null;
  let base: string;
  try {
    base = resolve(dirname(fromFile), specifier);
  } catch {
    return null;
  }
  return resolveBaseCached(base, JS_SOURCE.test(fromFile));
}

/**
 * Resolve an import of a project file: a relative specifier, one the aliases of the nearest
 * tsconfig.json / jsconfig.json map to project files (`@/models/net`, `~/agents/agent`, `models/encoder`
 * under a `baseUrl`: src/engine/aliases.ts), a subpath import of the file's package (`#models/net`), or
 * a package of its workspace imported by name (`@acme/models`: src/engine/workspaces.ts). Installed
 * packages are never followed.
 */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (isRelativeSpecifier(specifier)) return resolveRelativeImport(fromFile, specifier);
  // every file of a directory imports the same packages (`react`, `lodash`): one answer per directory
  const now = Date.now();
  const fromJs = JS_SOURCE.test(fromFile);
  const key = `${fromJs ? 'js' : ''}\0${dirname(fromFile)}\0${specifier}`;
  const cached = bareCache.get(key);
  if (cached && now - cached.at < RESOLVE_TTL_MS) return cached.path;
  const first = (candidates: readonly string[] | null): string | null => {
    for (const c of candidates ?? []) {
      const path = resolveBaseCached(c, fromJs);
      if (path) return path;
    }
    return null;
  };
  const path =
    first(aliasCandidates(fromFile, specifier)) ??
    first(subpathImportCandidates(fromFile, specifier)) ??
    first(workspaceCandidates(fromFile, specifier)) ??
    first(selfReferenceCandidates(fromFile, specifier));
  if (bareCache.size >= MAX_RESOLVE_ENTRIES) bareCache.clear();
  bareCache.set(key, { at: now, path });
  return path;
}
const bareCache = new Map<string, { at: number; path: string | null }>();

/**
 * May the file at `path` import project files with bare specifiers: aliases of its tsconfig.json /
 * jsconfig.json, or packages of its workspace (subpath imports, `#…`, are recognised by their `#`).
 */
export function followsBareSpecifiers(path: string): boolean {
  return hasAliases(path) || inWorkspace(path);
}

function resolveBaseCached(base: string, fromJs: boolean): string | null {
  const now = Date.now();
  const key = fromJs ? `js\0${base}` : base;
  const cached = resolveCache.get(key);
  if (cached && now - cached.at < RESOLVE_TTL_MS) return cached.path;
  const path = resolveBase(base, fromJs);
  if (resolveCache.size >= MAX_RESOLVE_ENTRIES) resolveCache.clear();
  resolveCache.set(key, { at: now, path });
  return path;
}

/** A JavaScript importer: bundlers try `.js` first for it, and most candidates then miss less often. */
const JS_SOURCE = /\.(?:js|mjs|cjs|jsx)$/;
const JS_FIRST = [...SOURCE_EXTENSIONS.filter((e) => JS_SOURCE.test(e)), ...SOURCE_EXTENSIONS.filter((e) => !JS_SOURCE.test(e))];

function resolveBase(base: string, fromJs = false): string | null {
  const candidates = [base];
  const ext = extname(base);
  // TS sources import './x.js' for './x.ts'
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') {
    const stem = base.slice(0, -ext.length);
    candidates.push(...['.ts', '.tsx', '.mts', '.cts'].map((e) => stem + e));
  }
  const exts = fromJs ? JS_FIRST : SOURCE_EXTENSIONS;
  candidates.push(...exts.map((e) => base + e), ...exts.map((e) => join(base, `index${e}`)));
  for (const c of candidates) if (SOURCE_EXTENSIONS.includes(extname(c)) && isFile(c)) return c;
  return null;
}

/** Does any of the file's imports of project files (relative, or aliases) construct a mode-dependent layer? */
export function relativeImportsConstructModeDependent(fromFile: string, specifiers: readonly string[], options: ScanOptions = {}): boolean {
  if (!isAbsolute(fromFile)) return false;
  for (const s of specifiers) {
    const path = resolveImport(fromFile, s);
    if (path && scanFile(path, options.modules ?? [])) return true;
  }
  return false;
}

const packageDirCache = new Map<string, { at: number; pkg: string | null }>();

/**
 * The nearest directory at or above `dir` holding a package.json (at most 8 levels up), or null. The climb
 * stops at a `node_modules` directory: code below one belongs to an installed package, never to the
 * project that installed it (as for aliases and workspaces), so a file there without a package.json of its
 * own has no package.
 */
export function packageDirOf(dir: string): string | null {
  // every file of a directory asks the same question (the gate's reverse-import lookup, the package
  // scan): up to 8 `stat` calls each, so the answer is kept for the same few seconds as resolutions
  const now = Date.now();
  const cached = packageDirCache.get(dir);
  if (cached && now - cached.at < RESOLVE_TTL_MS) return cached.pkg;
  const pkg = findPackageDir(dir);
  if (packageDirCache.size >= MAX_RESOLVE_ENTRIES) packageDirCache.clear();
  packageDirCache.set(dir, { at: now, pkg });
  return pkg;
}

function findPackageDir(dir: string): string | null {
  let d = dir;
  for (let i = 0; i < 8; i++) {
    if (basename(d) === 'node_modules') return null;
    // a Deno project has a deno.json where others have a package.json
    if (isFile(join(d, 'package.json')) || isFile(join(d, 'deno.json')) || isFile(join(d, 'deno.jsonc'))) return d;
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
  return null;
}

const packageCache = new Map<string, { at: number; result: boolean }>();

/** Does any source file of the package directory construct a mode-dependent layer? Bounded and cached. */
export function packageConstructsModeDependent(pkgDir: string, options: ScanOptions = {}): boolean {
  const modules = options.modules ?? [];
  const key = `${pkgDir}\0${modules.join('\0')}`;
  const now = Date.now();
  const cached = packageCache.get(key);
  if (cached && now - cached.at < PACKAGE_TTL_MS) return cached.result;
  let budget = MAX_PACKAGE_FILES;
  const visit = (dir: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (budget <= 0) return false;
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !SKIP_DIRS.has(e.name) && visit(p, depth + 1)) return true;
      } else if (e.isFile() && SOURCE_EXTENSIONS.includes(extname(e.name)) && !e.name.endsWith('.d.ts')) {
        budget--;
        if (scanFile(p, modules)) return true;
      }
    }
    return false;
  };
  const result = visit(pkgDir, 0);
  packageCache.set(key, { at: now, result });
  return result;
}

/**
 * Does the project around `filename` construct mode-dependent layers: the file's relative imports,
 * or (when the file lies in a package) any source file of that package? False for files that are not on disk.
 */
export function projectConstructsModeDependent(filename: string, relativeSpecifiers: readonly string[], options: ScanOptions = {}): boolean {
  // a virtual or unsaved file (`<text>`, a corpus path, an editor buffer) has no project around it
  if (!filename || !isAbsolute(filename) || !isFile(filename)) return false;
  if (relativeImportsConstructModeDependent(filename, relativeSpecifiers, options)) return true;
  const pkg = packageDirOf(dirname(filename));
  return pkg !== null && packageConstructsModeDependent(pkg, options);
}
