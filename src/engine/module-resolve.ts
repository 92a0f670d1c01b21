/**
 * Reading other modules of the project: resolve a specifier, parse the file with the parser the linted
 * file uses, and keep the result per path + mtime.
 *
 * Modelled on eslint-plugin-import's `ExportMap` / eslint-plugin-import-x's `export-map.ts`: parse with
 * `context.languageOptions.parser` (its `parseForESLint` when it has one, else `parse` + ESLint's own
 * scope analyser `eslint-scope`), cache by resolved path and mtime, bound the size and the number of
 * files, and never throw (an unreadable, unparsable, oversized or missing module is "unknown").
 * Unlike ExportMap we keep the whole parsed module (AST + scopes), because the question asked of it is
 * "what value does this export hold", answered by the same engine (a `FileIndex`) as for the linted file.
 *
 * The text-level helpers (`moduleTouchesTfjs`, `importersOf`) read files without parsing: they serve the
 * cheap per-file gate and the reverse-import lookup, and are cached the same way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { followsBareSpecifiers, packageDirOf, resolveImport } from './project-scan.js';
import { selfReferenceName } from './workspaces.js';
import { TF_MODULES } from './settings.js';

/** Largest module we parse (bytes): generated bundles and vendored libraries are not user code to follow. */
export const MAX_MODULE_BYTES = 256 * 1024;
/** Parsed modules kept per process (oldest dropped first). */
export const MAX_PARSED_MODULES = 25;
/** Files of one package read for the reverse-import map. */
const MAX_PACKAGE_FILES = 400;
const MAX_DIR_DEPTH = 6;
/** How long a package's reverse-import map is trusted before the directory is listed again (editors). */
const PACKAGE_TTL_MS = 5000;
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
const TS_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts']);
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'bower_components', 'vendor']);

/** The parser and options of the linted file, reused for the modules it imports. */
export interface ParseSetup {
  readonly parser: unknown;
  readonly parserOptions: Readonly<Record<string, unknown>>;
  readonly ecmaVersion: unknown;
  readonly sourceType: unknown;
}

export function parseSetupOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): ParseSetup {
  const lo = ((context as unknown as { languageOptions?: Record<string, unknown> }).languageOptions ?? {}) as Record<string, unknown>;
  return {
    parser: lo['parser'],
    parserOptions: (lo['parserOptions'] as Record<string, unknown> | undefined) ?? {},
    ecmaVersion: lo['ecmaVersion'],
    sourceType: lo['sourceType'],
  };
}

// ------------------------------------------------------------------------------------------ stat/read

type FileStat = { mtimeMs: number; size: number };

function statFile(path: string): FileStat | null {
  try {
    // a missing file is the common answer here: no exception (and its stack trace) for it
    const st = statSync(path, { throwIfNoEntry: false });
    return st?.isFile() ? { mtimeMs: st.mtimeMs, size: st.size } : null;
  } catch {
    return null;
  }
}

/**
 * Per path: the text read at `mtimeMs` (its `stat` at `checkedAt`), and its specifiers of project files
 * once scanned (dropped with the text; `aliased`: whether bare specifiers were considered, asked at `aliasedAt`).
 */
const texts = new Map<string, { mtimeMs: number; checkedAt: number; text: string | null; specifiers?: readonly string[]; aliased?: boolean; aliasedAt?: number }>();
/**
 * How long `readModuleText` trusts a text without a new `stat`: the text scans built on it are trusted
 * as long (PACKAGE_TTL_MS), and the gate asks about the same few modules for every file of a directory.
 * `readModuleWithMtime` (the parse cache) always checks.
 */
const TEXT_TTL_MS = PACKAGE_TTL_MS;
/**
 * Characters of module text kept in memory per process (the oldest read dropped first): an editor's
 * ESLint server lives for hours and the gate reads up to 400 files of every package it meets.
 */
export const MAX_TEXT_CHARS = 32 * 1024 * 1024;
let textChars = 0;

/** How many characters of module text the cache holds now (for tests of the bound). */
export function cachedTextChars(): number {
  return textChars;
}

function forgetText(path: string): void {
  const old = texts.get(path);
  if (old) textChars -= old.text?.length ?? 0;
  texts.delete(path);
}

/** The text of a source file, cached by path + mtime; null when missing, unreadable or too large. */
export function readModuleText(path: string): string | null {
  const cached = texts.get(path);
  if (cached && Date.now() - cached.checkedAt < TEXT_TTL_MS) return cached.text;
  return textForStat(path, statFile(path));
}

/** The text (null when unreadable or too large) and mtime of a source file; null when it is not a file. One `stat`. */
export function readModuleWithMtime(path: string): { text: string | null; mtimeMs: number } | null {
  const st = statFile(path);
  return st ? { text: textForStat(path, st), mtimeMs: st.mtimeMs } : (forgetText(path), null);
}

/** `readModuleText` for a file just stat'ed by the caller (one `stat` instead of two). */
function textForStat(path: string, st: FileStat | null): string | null {
  if (!st) {
    forgetText(path);
    return null;
  }
  const cached = texts.get(path);
  if (cached && cached.mtimeMs === st.mtimeMs) {
    cached.checkedAt = Date.now();
    return cached.text;
  }
  let text: string | null = null;
  if (st.size <= MAX_MODULE_BYTES) {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = null;
    }
  }
  forgetText(path);
  texts.set(path, { mtimeMs: st.mtimeMs, checkedAt: Date.now(), text });
  textChars += text?.length ?? 0;
  while (textChars > MAX_TEXT_CHARS && texts.size > 1) forgetText(texts.keys().next().value!);
  return text;
}

// ------------------------------------------------------------------------------------------ resolution

/**
 * The file a specifier names, for the modules we follow: relative specifiers (`./model`, `./model.js`
 * for `model.ts`, `./lib` for `lib/index.js`), the aliases of the nearest tsconfig.json or
 * jsconfig.json (`@/models/net`: src/engine/aliases.ts), packages of the file's workspace and `#` subpath
 * imports (src/engine/workspaces.ts). Installed packages are never followed.
 */
export function resolveModule(fromFile: string, specifier: string): string | null {
  if (!fromFile || !isAbsolute(fromFile)) return null;
  try {
    return resolveImport(fromFile, specifier);
  } catch {
    return null;
  }
}

/** A quoted relative path: the candidates, each then checked for what precedes it. */
const QUOTED_RELATIVE = /(['"])(\.{1,2}(?:\/[^'"\n]*)?)\1/g;
/** What precedes a module specifier: `from`, `import(`, `require(`, `export * from`, a side-effect `import`. */
const SPECIFIER_BEFORE = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|(?:^|\n)\s*import\s+|\bexport\s*\*\s*from\s*)$/;

/**
 * Relative module specifiers of a source text, by a text scan (imports, re-exports, `require`, `import()`).
 * Every file the gate meets is scanned: quoted relative paths are few, so they are found first and only
 * the text just before each is checked (one pattern with five alternatives tried at every position of
 * the text cost more than the rest of the scan).
 */
export function relativeSpecifiersOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(QUOTED_RELATIVE)) {
    if (SPECIFIER_BEFORE.test(text.slice(Math.max(0, m.index - 200), m.index))) out.add(m[2]!);
  }
  return [...out];
}

/** A quoted subpath import (`'#models/net.js'`): the text may import files of its package by their `#` names. */
const SUBPATH_IMPORT = /['"]#/;
/** A module specifier in an import, a re-export, a `require` or an `import()`, whatever it names. */
const ANY_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|(?:^|\n)\s*import\s+|\bexport\s*\*\s*from\s*)(['"])([^'"\n]+)\1/g;

/**
 * The specifiers of a text at `path` that may name project files: its relative ones, and, where the
 * nearest tsconfig.json / jsconfig.json declares aliases (`paths`, `baseUrl`), the file lies in a
 * workspace, or the text has a subpath import, every other one that resolves to a project file
 * (`@/models/net`, `@acme/models`, `#models/net`).
 */
export function specifiersOf(path: string, text: string): string[] {
  const relative = relativeSpecifiersOf(text);
  if (!path || !isAbsolute(path)) return relative;
  const anyBare = followsBareSpecifiers(path) || SUBPATH_IMPORT.test(text);
  // a package with `exports` may import itself by its own name (`require('@acme/churn-model/models')`)
  const self = anyBare ? null : selfReferenceName(path);
  if (!anyBare && !(self !== null && text.includes(self))) return relative;
  const out = new Set(relative);
  for (const m of text.matchAll(ANY_SPECIFIER)) {
    const s = m[2]!;
    if (!anyBare && s !== self && !s.startsWith(`${self}/`)) continue;
    if (!s.startsWith('.') && !out.has(s) && resolveModule(path, s) !== null) out.add(s);
  }
  return [...out];
}

/**
 * `specifiersOf` for a file's cached text (`readModuleText`): the gate's scans and the reverse-import
 * map ask again for the same files during a lint run, so the scan is kept with the cached text (and dropped
 * with it, inside the text cache's bound; scanned again when the file's aliases appear or go).
 */
export function specifiersOfFile(path: string, text: string): readonly string[] {
  const entry = texts.get(path);
  if (entry && entry.text === text) {
    // whether bare specifiers may name project files is asked again only after the text TTL
    const now = Date.now();
    if (!entry.specifiers || now - (entry.aliasedAt ?? 0) >= TEXT_TTL_MS) {
      const aliased = isAbsolute(path) && followsBareSpecifiers(path);
      if (!entry.specifiers || entry.aliased !== aliased) entry.specifiers = specifiersOf(path, text);
      entry.aliased = aliased;
      entry.aliasedAt = now;
    }
    return entry.specifiers;
  }
  return specifiersOf(path, text);
}

/**
 * Text that makes, loads or picks a tfjs model or layer: `tf.sequential(`, `tf.model(`, `loadLayersModel(`,
 * `tf.models.modelFromJSON(`, `tf.layers.dense(`, `new Sequential(`, `extends tf.layers.Layer`,
 * `model.getLayer(`, `model.layers[`.
 */
const MODEL_MAKER =
  /\b(?:sequential|model|loadLayersModel|loadGraphModel|modelFromJSON)[ \t]*\(|\blayers\.[A-Za-z_$][\w$]*[ \t]*\(|\bnew[ \t]+(?:[\w$]+\.)*(?:Sequential|LayersModel|GraphModel|Layer)\b|\bextends[ \t]+(?:[\w$]+\.)*(?:Layer|LayersModel|Sequential)\b|\.getLayer[ \t]*\(|\.layers[ \t]*\[/;
/**
 * Words without which a text holds no tfjs model or layer of its own: a model type in an annotation or
 * JSDoc (`model: tf.LayersModel`, `@param {tf.Sequential}`), and the `layers` namespace under any alias
 * (`const { dense } = tf.layers`, `import { layers as L }`), besides what `MODEL_MAKER` finds.
 */
const MODEL_WORDS = /\b(?:LayersModel|Sequential|GraphModel|Layer|RNN|layers)\b/;

/** May this source text make, load, pick or declare a tfjs model or layer (`MODEL_MAKER`, `MODEL_WORDS`)? */
export function textMayHoldModels(text: string): boolean {
  // a substring search is far cheaper than a pattern's alternatives tried at every position: each pattern
  // runs only on a text holding a part that every one of its matches contains
  return (
    (MODEL_WORD_PARTS.some((w) => text.includes(w)) && MODEL_WORDS.test(text)) ||
    ((text.includes('odel') || text.includes('equential') || text.includes('getLayer')) && MODEL_MAKER.test(text))
  );
}
const MODEL_WORD_PARTS = ['Layer', 'layers', 'Sequential', 'GraphModel', 'RNN'];

/** Per depth and path: the answer and when it was computed (not the text: the cache must not keep texts alive). */
const makerCache = new Map<string, { at: number; result: boolean }>();

/**
 * Does the module at `path`, or a module it imports relatively (up to `depth` levels), make or load a
 * tfjs model or layer (`textMayHoldModels`)? A module where neither happens gives no model or layer to a caller
 * that only uses what it returns (a text scan, kept for the same few seconds as other scans). Unreadable:
 * true (no answer without the text).
 */
export function moduleMakesModels(path: string, depth = 2, seen = new Set<string>()): boolean {
  if (seen.has(path) || seen.size > 30) return false;
  seen.add(path);
  const now = Date.now();
  const key = `${depth}\0${path}`;
  // answered a moment ago (every file of a directory asks about the same modules): trusted for the same
  // few seconds as other scans without another `stat` (the answer also depends on the imported modules,
  // whose edits do not change this module's mtime, so the time bound is what makes it fresh)
  const cached = makerCache.get(key);
  if (cached && now - cached.at < PACKAGE_TTL_MS) return cached.result;
  const read = readModuleWithMtime(path);
  const text = read?.text ?? null;
  if (read === null || text === null) return true;
  let result = textMayHoldModels(text);
  if (!result && depth > 0) {
    for (const s of specifiersOfFile(path, text)) {
      const target = resolveModule(path, s);
      if (target && target !== path && moduleMakesModels(target, depth - 1, seen)) {
        result = true;
        break;
      }
    }
  }
  // a negative cut short by `seen` (a cycle) is not kept: from another start it may differ
  if (result || seen.size <= 30) {
    if (makerCache.size >= 4000) makerCache.clear();
    makerCache.set(key, { at: now, result });
  }
  return result;
}

function mentionsTfjs(text: string, modules: readonly string[]): boolean {
  return text.includes('@tensorflow/') || TF_MODULES.some((m) => text.includes(m)) || modules.some((m) => text.includes(m));
}

/**
 * Per path (+ settings modules) and mtime: `result` true when the module reaches tfjs; for a module that
 * does not, `negDepth` is the largest depth at which a complete scan (no module skipped as already seen
 * or over the count bound) found nothing, so the same question at that depth or less is not asked again
 * (-1: none), for a few seconds only (`negAt`): the answer also depends on the imported modules, whose
 * edits do not change this module's mtime. `topNegative`: a top-level scan (depth ≥ 3) found nothing, possibly cut short (reused only
 * by top-level scans, as before the per-depth cache).
 */
const touchCache = new Map<string, { mtimeMs: number; result: boolean; negDepth: number; negAt: number; topNegative: boolean; statAt: number }>();

/**
 * Does the module at `path`, or a module it imports relatively (up to `depth` levels), mention tfjs?
 * A text scan, cached per path + mtime (and the settings modules): the gate for files that use tfjs
 * values only through their own modules.
 */
export function moduleTouchesTfjs(path: string, modules: readonly string[], depth = 3, seen = new Set<string>()): boolean {
  return touches(path, modules, depth, seen).result;
}

/** `complete`: no module of the scan was cut short by `seen` or the count bound (a negative then holds for any caller). */
function touches(path: string, modules: readonly string[], depth: number, seen: Set<string>): { result: boolean; complete: boolean } {
  if (seen.has(path) || seen.size > 50) return { result: false, complete: false };
  seen.add(path);
  const key = `${path}\0${modules.join('\0')}`;
  const cached = touchCache.get(key);
  const now = Date.now();
  // the module's mtime was confirmed a moment ago (every file of a directory asks about the same modules):
  // the answer stands without another stat for the same few seconds resolutions are trusted. A stale yes
  // only lets the rules look at a file (they report nothing they cannot prove); a stale no lasts that long.
  if (cached && now - cached.statAt < PACKAGE_TTL_MS && (cached.result || (cached.negDepth >= depth && now - cached.negAt < PACKAGE_TTL_MS))) {
    return { result: cached.result, complete: true };
  }
  const st = statFile(path);
  if (!st) return { result: false, complete: true };
  const fresh = cached && cached.mtimeMs === st.mtimeMs ? cached : null;
  if (fresh) fresh.statAt = now;
  if (fresh?.result || (fresh && fresh.negDepth >= depth && now - fresh.negAt < PACKAGE_TTL_MS)) return { result: fresh.result, complete: true };
  if (fresh?.topNegative && depth >= 3) return { result: false, complete: false };
  const text = textForStat(path, st);
  let result = false;
  let complete = true;
  if (text !== null) {
    result = mentionsTfjs(text, modules);
    if (!result && depth > 0) {
      for (const s of specifiersOfFile(path, text)) {
        const target = resolveModule(path, s);
        if (!target) continue;
        const r = touches(target, modules, depth - 1, seen);
        if (r.result) {
          result = true;
          break;
        }
        if (!r.complete) complete = false;
      }
    }
  }
  // a top-level scan (depth ≥ 3) is kept whatever was cut short, as before; deeper negatives only when complete
  if (result) touchCache.set(key, { mtimeMs: st.mtimeMs, result, negDepth: -1, negAt: 0, topNegative: false, statAt: now });
  else if (complete || depth >= 3) {
    // reached only when no live negative covers `depth`, so a complete scan replaces it
    const live = fresh && now - fresh.negAt < PACKAGE_TTL_MS ? fresh.negDepth : -1;
    touchCache.set(key, {
      mtimeMs: st.mtimeMs,
      result,
      negDepth: complete ? depth : live,
      negAt: complete ? now : (fresh?.negAt ?? 0),
      topNegative: (fresh?.topNegative ?? false) || depth >= 3,
      statAt: now,
    });
  }
  return { result, complete };
}

/** The linted file's imports of project files (text scan of its source: relative, alias, workspace) reach a module that mentions tfjs. */
export function relativeImportsTouchTfjs(filename: string, text: string, modules: readonly string[]): boolean {
  if (!filename || !isAbsolute(filename)) return false;
  for (const s of specifiersOf(filename, text)) {
    const target = resolveModule(filename, s);
    if (target && target !== filename && moduleTouchesTfjs(target, modules, 2, new Set([filename]))) return true;
  }
  return false;
}

/**
 * The file exports something and a module of its package that imports it mentions tfjs, directly or
 * through one more importer: an exported helper whose parameters receive tfjs values (`train(model, …)`
 * in `train.js`, called from `model.js`, or from `loop.js` that passes on what `main.js` gives it).
 */
export function importedByTfjsModule(filename: string, text: string, modules: readonly string[]): boolean {
  if (!filename || !isAbsolute(filename) || !/\bexport\b|\bexports\b/.test(text)) return false;
  const entry = reverseMapOf(filename);
  if (!entry) return false;
  // the importers' answers are kept with the map (same few seconds): every file of the package asks
  const key = modules.join('\0');
  let mentions = entry.mentions.get(key);
  if (!mentions) entry.mentions.set(key, (mentions = new Map()));
  const mentionsAt = (p: string): boolean => {
    let m = mentions!.get(p);
    if (m === undefined) {
      const t = readModuleText(p);
      m = t !== null && mentionsTfjs(t, modules);
      mentions!.set(p, m);
    }
    return m;
  };
  // two levels: `step.js` imported by `loop.js` that only passes on what `main.js` gives it
  const importers = entry.map.get(filename) ?? [];
  return importers.some(mentionsAt) || importers.some((p) => p !== filename && (entry.map.get(p) ?? []).some((q) => q !== filename && mentionsAt(q)));
}

// ------------------------------------------------------------------------------------------ reverse imports

interface ReverseMap {
  readonly at: number;
  readonly map: Map<string, string[]>;
  /** Per settings modules: does an importer mention tfjs (filled on demand while the map lives). */
  readonly mentions: Map<string, Map<string, boolean>>;
}
const reverseMaps = new Map<string, ReverseMap>();

/**
 * The files of the package around `path` that import it relatively (text scan, bounded, cached for a few
 * seconds per package). Used for parameters of exported functions: their arguments live in the importers.
 */
export function importersOf(path: string): string[] {
  return reverseMapOf(path)?.map.get(path) ?? [];
}

export const SCOPE_TEXT = /\btidy\b|\bstartScope\b/;
export const EXPORT_TEXT = /\bexport\b|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/;
/** A module that passes on every name of another: `export * from`, `module.exports = { ...require() }`. */
export const PASSES_ALL_TEXT = /\bexport[ \t]*\*|\.\.\.[ \t]*require[ \t]*\(/;
const MAX_SCOPE_IMPORTERS = 8;
const MAX_SCOPE_LEVELS = 3;

/**
 * May code of `path` run inside a tfjs scope opened by another module? True unless every chain of
 * importers of the package is seen (a few levels, a few files each), none of them may open a scope
 * around it (`opensScope`; by default: its text mentions `tidy` or `startScope`), and each chain ends in
 * a script that exports nothing (an application entry, not a library entry that other packages may call
 * inside their own `tf.tidy`). With `entriesMayScope` false, a library entry is not assumed to be called
 * inside a scope (the function gives its callers plain data, not tensors: see memory.ts). With `passesOn`,
 * a direct importer for which it answers false cannot run the code inside a scope opened further up (it never
 * names the function, or calls it only from a timer or a listener): its own importers are not asked.
 */
export function importersMayScope(
  path: string,
  opensScope: (importer: string, text: string) => boolean = (_p, t) => SCOPE_TEXT.test(t),
  entriesMayScope = true,
  passesOn: ((importer: string, text: string) => boolean) | null = null,
): boolean {
  const seen = new Set([path]);
  let level = [path];
  for (let d = 0; d < MAX_SCOPE_LEVELS && level.length > 0; d++) {
    const next: string[] = [];
    for (const p of level) {
      const importers = importersOf(p);
      if (importers.length > MAX_SCOPE_IMPORTERS) return true;
      if (importers.length === 0) {
        // the top of a chain: an application script, or an entry other packages import
        if (!entriesMayScope) continue;
        const text = p === path ? null : readModuleText(p);
        if (text === null || EXPORT_TEXT.test(text)) return true;
        continue;
      }
      for (const i of importers) {
        if (seen.has(i)) continue;
        seen.add(i);
        const text = readModuleText(i);
        if (text === null || opensScope(i, text)) return true;
        if (d === 0 && passesOn && !passesOn(i, text)) continue;
        next.push(i);
      }
    }
    level = next;
  }
  return level.length > 0;
}

function reverseMapOf(path: string): ReverseMap | null {
  try {
    const pkg = packageDirOf(dirname(path));
    if (!pkg) return null;
    const now = Date.now();
    let entry = reverseMaps.get(pkg);
    if (!entry || now - entry.at >= PACKAGE_TTL_MS) {
      entry = { at: now, map: buildReverseMap(pkg), mentions: new Map() };
      reverseMaps.set(pkg, entry);
    }
    return entry;
  } catch {
    return null;
  }
}

function buildReverseMap(pkg: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  let budget = MAX_PACKAGE_FILES;
  const visit = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (budget <= 0) return;
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DIR_DEPTH && !SKIP_DIRS.has(e.name)) visit(p, depth + 1);
      } else if (e.isFile() && SOURCE_EXTENSIONS.has(extname(e.name)) && !e.name.endsWith('.d.ts')) {
        budget--;
        const text = readModuleText(p);
        if (text === null) continue;
        for (const s of specifiersOfFile(p, text)) {
          const target = resolveModule(p, s);
          if (!target || target === p) continue;
          const list = map.get(target) ?? [];
          if (!list.includes(p)) list.push(p);
          map.set(target, list);
        }
      }
    }
  };
  visit(pkg, 0);
  return map;
}

// ------------------------------------------------------------------------------------------ parsing

interface Parser {
  meta?: { name?: string; version?: string };
  parse?: (text: string, options: Record<string, unknown>) => unknown;
  parseForESLint?: (text: string, options: Record<string, unknown>) => {
    ast: unknown;
    scopeManager?: unknown;
    visitorKeys?: unknown;
    services?: unknown;
  };
}

type Require = (id: string) => unknown;
let localRequire: Require | null | undefined;
/** Loaded peers by id: resolving a bare id again costs a path search per call (about 0.15 ms, twice per parse). */
const required = new Map<string, unknown>();
function req(id: string): unknown {
  if (required.has(id)) return required.get(id);
  let loaded: unknown;
  try {
    if (localRequire === undefined) localRequire = createRequire(import.meta.url);
    loaded = localRequire ? localRequire(id) : null;
  } catch {
    loaded = null;
  }
  required.set(id, loaded);
  return loaded;
}

/** ESLint's `SourceCode` class (ESLint is our peer dependency), loaded on first use. */
function sourceCodeClass(): (new (config: Record<string, unknown>) => TSESLint.SourceCode) | null {
  const eslint = req('eslint') as { SourceCode?: new (config: Record<string, unknown>) => TSESLint.SourceCode } | null;
  return eslint?.SourceCode ?? null;
}

/** Options a parser accepts for a module parsed WITHOUT type information (a program per module would cost seconds). */
function untypedOptions(setup: ParseSetup, path: string, sourceType: string): Record<string, unknown> {
  const { project: _p, projectService: _ps, programs: _pr, EXPERIMENTAL_useProjectService: _e, tsconfigRootDir: _t, ...rest } =
    setup.parserOptions as Record<string, unknown>;
  return {
    ...rest,
    ecmaVersion: setup.ecmaVersion ?? 'latest',
    sourceType,
    filePath: path,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    eslintVisitorKeys: true,
    eslintScopeManager: true,
    // no maps between the ESTree and TypeScript nodes: nothing reads them untyped, and the services that
    // hold them would keep the TypeScript AST alive next to ours in the parse cache
    preserveNodeMaps: false,
  };
}

function sourceTypesFor(path: string, text: string): string[] {
  const ext = extname(path);
  if (ext === '.cjs' || ext === '.cts') return ['commonjs', 'module'];
  if (ext === '.mjs' || ext === '.mts') return ['module'];
  return /^\s*(?:import|export)\b/m.test(text) ? ['module', 'commonjs'] : ['commonjs', 'module'];
}

function pickParser(setup: ParseSetup, path: string): Parser | null {
  const p = setup.parser as Parser | undefined;
  const isTs = TS_EXTENSIONS.has(extname(path));
  if (p && (p.parseForESLint || p.parse)) {
    // espree cannot read a TypeScript module imported from a JS file: use typescript-eslint's parser if installed
    if (isTs && !p.parseForESLint) return (req('@typescript-eslint/parser') as Parser | null) ?? null;
    return p;
  }
  return isTs ? ((req('@typescript-eslint/parser') as Parser | null) ?? null) : ((req('espree') as Parser | null) ?? null);
}

/** ESLint sets `parent` while it traverses a linted file; a module we parse ourselves needs the same links. */
function setParents(root: TSESTree.Node, keys: Readonly<Record<string, readonly string[] | undefined>>): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) {
          if (c && typeof (c as TSESTree.Node).type === 'string') {
            (c as { parent?: TSESTree.Node }).parent = node;
            stack.push(c as TSESTree.Node);
          }
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        (child as { parent?: TSESTree.Node }).parent = node;
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

/**
 * JSDoc the engine reads (src/engine/jsdoc.ts): a tag with a type in braces (`@param {T} x`, `@type {T}`,
 * `@returns {T}`, `@typedef {T} N`) or an `@import`. A module whose text has none needs neither its comments
 * nor its tokens, which serve the engine only to find JSDoc blocks; collecting them is about a third of what
 * typescript-estree spends on a parse (docs/performance.md, "Session of 7 Dec (06:26 UTC)").
 */
const JSDOC_TYPE_TEXT = /@(?:type|param|arg|argument|returns?|typedef)[ \t]*\{|@import\b/;

/** Does the engine need the comments (and so the tokens) of this module's text? */
export function needsComments(text: string): boolean {
  return JSDOC_TYPE_TEXT.test(text);
}

interface TsParts {
  readonly parse: (code: string, options: Record<string, unknown>) => TSESTree.Program;
  readonly analyze: (ast: unknown, options: Record<string, unknown>) => unknown;
  readonly visitorKeys: unknown;
}
let tsParts: TsParts | null | undefined;

/**
 * typescript-eslint's parser is typescript-estree's `parse` plus scope-manager's `analyze`, and it always
 * asks for comments and tokens. For a module without JSDoc the engine calls the two itself, resolved next
 * to the installed parser (its own dependencies, also under pnpm), and only for that parser's version.
 */
function typescriptEslintParts(parser: Parser): TsParts | null {
  if (parser.meta?.name !== 'typescript-eslint/parser') return null;
  if (tsParts === undefined) {
    tsParts = null;
    try {
      const parserPath = createRequire(import.meta.url).resolve('@typescript-eslint/parser');
      const fromParser = createRequire(parserPath);
      const version = (fromParser('@typescript-eslint/parser/package.json') as { version?: string }).version;
      const estree = fromParser('@typescript-eslint/typescript-estree') as { parse?: TsParts['parse'] };
      const scopes = fromParser('@typescript-eslint/scope-manager') as { analyze?: TsParts['analyze'] };
      const keys = fromParser('@typescript-eslint/visitor-keys') as { visitorKeys?: unknown };
      if (version && estree.parse && scopes.analyze && keys.visitorKeys) {
        tsParts = { parse: estree.parse, analyze: scopes.analyze, visitorKeys: keys.visitorKeys };
        (tsParts as { version?: string }).version = version;
      }
    } catch {
      tsParts = null;
    }
  }
  return tsParts && (tsParts as { version?: string }).version === parser.meta.version ? tsParts : null;
}

/** What reading other modules cost in this process (scripts/bench.mjs prints it). */
export const moduleReadStats = { parsed: 0, failed: 0, parseMs: 0 };

/** Parse a module into an ESLint `SourceCode` with scopes, or null (never throws). */
export function parseModule(path: string, text: string, setup: ParseSetup): TSESLint.SourceCode | null {
  const t0 = performance.now();
  const result = parseModuleUncounted(path, text, setup);
  moduleReadStats.parseMs += performance.now() - t0;
  if (result) moduleReadStats.parsed++;
  else moduleReadStats.failed++;
  return result;
}

function parseModuleUncounted(path: string, text: string, setup: ParseSetup): TSESLint.SourceCode | null {
  try {
    const parser = pickParser(setup, path);
    const SourceCode = sourceCodeClass();
    if (!parser || !SourceCode) return null;
    for (const sourceType of sourceTypesFor(path, text)) {
      try {
        const light = !needsComments(text);
        const options = untypedOptions(setup, path, sourceType);
        let ast: TSESTree.Program;
        let scopeManager: unknown;
        let visitorKeys: unknown;
        const ts = light ? typescriptEslintParts(parser) : null;
        if (ts) {
          // what parseForESLint does without a project, minus comments and tokens
          const ecmaFeatures = (options['ecmaFeatures'] ?? {}) as Record<string, unknown>;
          const scriptType = sourceType === 'module' ? 'module' : 'script';
          ast = ts.parse(text, { ...options, sourceType: scriptType, jsx: ecmaFeatures['jsx'] === true, tokens: false, comment: false, jsDocParsingMode: 'none' });
          (ast as { sourceType: string }).sourceType = scriptType;
          scopeManager = ts.analyze(ast, {
            globalReturn: ecmaFeatures['globalReturn'] === true,
            jsxPragma: options['jsxPragma'],
            jsxFragmentName: options['jsxFragmentName'],
            lib: options['lib'],
            sourceType: scriptType,
          });
          visitorKeys = ts.visitorKeys;
        } else if (parser.parseForESLint) {
          const r = parser.parseForESLint(text, options);
          ast = r.ast as TSESTree.Program;
          scopeManager = r.scopeManager;
          visitorKeys = r.visitorKeys;
        } else {
          // espree: comments and tokens only where JSDoc may be read
          ast = parser.parse!(text, light ? { ...options, tokens: false, comment: false } : options) as TSESTree.Program;
        }
        // ESLint's SourceCode merges the two lists; a module parsed without them has none
        const lists = ast as { tokens?: unknown[]; comments?: unknown[] };
        lists.tokens ??= [];
        lists.comments ??= [];
        if (!scopeManager) {
          const eslintScope = req('eslint-scope') as { analyze?: (ast: unknown, o: Record<string, unknown>) => unknown } | null;
          if (!eslintScope?.analyze) return null;
          scopeManager = eslintScope.analyze(ast, {
            ecmaVersion: 2022,
            sourceType,
            nodejsScope: sourceType === 'commonjs',
            childVisitorKeys: visitorKeys,
            fallback: 'iteration',
          });
        }
        const sourceCode = new SourceCode({ text, ast, scopeManager, visitorKeys, parserServices: {} });
        setParents(ast, sourceCode.visitorKeys as Record<string, readonly string[] | undefined>);
        return sourceCode;
      } catch {
        // try the other source type (a CommonJS file with a `with` statement, top-level return, …)
      }
    }
    return null;
  } catch {
    return null;
  }
}
