/**
 * Aliases that only a bundler or Babel config declares: `resolve.alias` of `webpack.config.js` (also
 * inside `vue.config.js`'s `configureWebpack`) and of `vite.config.js`, and the `alias` / `root` options
 * of babel-plugin-module-resolver (`babel.config.js`, `.babelrc`). Plain-JavaScript projects without a
 * jsconfig.json import their own modules through these (`import { createHead } from '@models/head'`).
 * Likewise the `imports` map of a Deno project's `deno.json` (`"@/": "./src/"`), read at the end.
 *
 * The config is never run (a linter must not execute project code): its text is parsed and the alias
 * table is read where it is written as literals, with the path helpers configs build it from evaluated
 * statically: `path.resolve(__dirname, 'src')`, `path.join(…)`, `fileURLToPath(new URL('./src',
 * import.meta.url))`, `` `${__dirname}/src` ``, `process.cwd()`, and module-level `const`s holding such
 * values. An entry whose value is anything else is skipped, and so is one that points into
 * `node_modules` (a package alias such as `react: 'preact/compat'` names a package, not a project file).
 *
 * Which config: the first of the known names found in the directory of the nearest package.json above the
 * file (where bundlers and Babel look for it). Answers are kept per directory and config for the same few
 * seconds as other resolutions, and nothing here throws. Matching follows webpack, @rollup/plugin-alias
 * (Vite) and module-resolver alike: a key matches the specifier itself or as a prefix before `/`; a key
 * ending in `$` matches only exactly; Vite's `{ find: /regex/, replacement }` replaces what the regex
 * matches. Only candidate paths come from here: src/engine/project-scan.ts tries the extensions and index
 * files on each.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFile } from './fs-listing.js';

/** Config files read, in order of preference, in the package directory. */
export const BUNDLER_CONFIGS = [
  'webpack.config.js',
  'webpack.config.cjs',
  'webpack.config.mjs',
  'webpack.config.ts',
  'vite.config.js',
  'vite.config.mjs',
  'vite.config.cjs',
  'vite.config.ts',
  'vite.config.mts',
  'vue.config.js',
  'rollup.config.js',
  'rollup.config.mjs',
  'rollup.config.cjs',
  'rollup.config.ts',
  'babel.config.js',
  'babel.config.cjs',
  'babel.config.mjs',
  'babel.config.json',
  '.babelrc',
  '.babelrc.json',
] as const;

const TTL_MS = 5000;
const MAX_ENTRIES = 2000;
const MAX_CONFIG_BYTES = 256 * 1024;
const NODE_MODULES = `${sep}node_modules${sep}`;

/** One alias: a string key (exact with `$`, else also as a prefix) or a regex, and the absolute path it names. */
type Alias = { readonly key: string; readonly exact: boolean; readonly to: string } | { readonly regex: RegExp; readonly to: string };
interface AliasTable {
  readonly aliases: readonly Alias[];
  /** module-resolver's `root` directories: a bare specifier may name a file under one of them. */
  readonly roots: readonly string[];
}

const tableOfDir = new Map<string, { at: number; table: AliasTable | null }>();

/**
 * The files a bare specifier may name through the bundler or Babel aliases, or the Deno import map,
 * governing `fromFile` (before extensions and index files), or null when there are none. tfjs itself is
 * never an alias.
 */
export function bundlerAliasCandidates(fromFile: string, specifier: string): string[] | null {
  if (specifier.startsWith('.') || specifier.startsWith('@tensorflow/') || specifier.includes('\0')) return null;
  const dir = dirname(fromFile);
  const table = tableFor(dir);
  const map = importMapFor(dir);
  if (!table && !map) return null;
  const out: string[] = map ? importMapCandidates(map, specifier) : [];
  if (!table) return out;
  for (const a of table.aliases) {
    if ('regex' in a) {
      a.regex.lastIndex = 0;
      if (a.regex.test(specifier)) {
        a.regex.lastIndex = 0;
        out.push(specifier.replace(a.regex, a.to));
      }
    } else if (specifier === a.key) out.push(a.to);
    else if (!a.exact && specifier.startsWith(`${a.key}/`)) out.push(join(a.to, specifier.slice(a.key.length + 1)));
  }
  for (const r of table.roots) out.push(join(r, specifier));
  return out.filter((c) => isAbsolute(c) && !c.includes(NODE_MODULES));
}

/** Does a bundler or Babel config govern `fromFile` with aliases or roots, or a Deno import map? */
export function hasBundlerAliases(fromFile: string): boolean {
  const dir = dirname(fromFile);
  return tableFor(dir) !== null || importMapFor(dir) !== null;
}

// ------------------------------------------------------------------------------------------ Deno import maps

/** An import map's entries that name project files: `"@/": "./src/"` (a prefix), `"config": "./src/config.ts"`. */
type ImportMap = readonly { readonly key: string; readonly to: string }[];

const DENO_CONFIGS = ['deno.json', 'deno.jsonc'] as const;
const importMapOfDir = new Map<string, { at: number; map: ImportMap | null }>();

/**
 * The `imports` of the nearest `deno.json` / `deno.jsonc` (or of the file its `importMap` names), as Deno
 * reads them: the longest matching key wins, a key ending in `/` maps a prefix. Entries naming packages
 * (`npm:`, `jsr:`, URLs) are not project files and are left out.
 */
function importMapFor(dir: string): ImportMap | null {
  if (dir.includes(NODE_MODULES) || dir.endsWith(`${sep}node_modules`)) return null;
  const now = Date.now();
  const cached = importMapOfDir.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.map;
  let map: ImportMap | null = null;
  try {
    let d = dir;
    for (let i = 0; i < 30 && map === null; i++) {
      const config = DENO_CONFIGS.map((n) => join(d, n)).find(isFile);
      if (config) {
        map = importMapOfConfig(config);
        break;
      }
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  } catch {
    map = null;
  }
  if (importMapOfDir.size >= MAX_ENTRIES) importMapOfDir.clear();
  importMapOfDir.set(dir, { at: now, map });
  return map;
}

function importMapOfConfig(path: string): ImportMap | null {
  const config = parseJsonc(readFileSync(path, 'utf8')) as { imports?: unknown; importMap?: unknown } | null;
  let imports = config?.imports;
  let base = dirname(path);
  if (!imports && typeof config?.importMap === 'string' && /^\.\.?\//.test(config.importMap)) {
    const file = resolve(base, config.importMap);
    imports = (parseJsonc(readFileSync(file, 'utf8')) as { imports?: unknown } | null)?.imports;
    base = dirname(file);
  }
  if (!imports || typeof imports !== 'object' || Array.isArray(imports)) return null;
  const entries: { key: string; to: string }[] = [];
  for (const [key, value] of Object.entries(imports as Record<string, unknown>)) {
    if (typeof value !== 'string' || !/^\.\.?\/|^\//.test(value) || key.startsWith('@tensorflow/')) continue;
    const to = resolve(base, value.startsWith('/') ? `.${value}` : value);
    if (to.includes(NODE_MODULES)) continue;
    entries.push({ key, to: value.endsWith('/') ? `${to}${sep}` : to });
  }
  // the longest key first: Deno (and the import-map standard) picks the most specific match
  entries.sort((a, b) => b.key.length - a.key.length);
  return entries.length > 0 ? entries : null;
}

function importMapCandidates(map: ImportMap, specifier: string): string[] {
  for (const { key, to } of map) {
    if (specifier === key) return [to];
    if (key.endsWith('/') && specifier.startsWith(key)) return [to + specifier.slice(key.length)];
  }
  return [];
}

/**
 * JSON, or JSON with comments and trailing commas (`deno.jsonc`, a `.babelrc`), or null. The latter is read
 * with espree, ESLint's own parser, as the object literal it also is in JavaScript; only literals are kept.
 */
function parseJsonc(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const espree = req('espree') as { parse?: (code: string, o: Record<string, unknown>) => unknown } | null;
    try {
      const program = espree?.parse?.(`(${text}\n)`, { ecmaVersion: 'latest', sourceType: 'script' }) as N | undefined;
      const statement = (program?.body as N[] | undefined)?.[0];
      return statement?.type === 'ExpressionStatement' ? literalValue(statement.expression as N, 0) : null;
    } catch {
      return null;
    }
  }
}

/** The value of a JSON-shaped expression (objects, arrays, strings, numbers, booleans, null); undefined otherwise. */
function literalValue(n: N, depth: number): unknown {
  if (depth > 32) return undefined;
  if (n.type === 'Literal') return n.regex ? undefined : n.value;
  if (n.type === 'ArrayExpression') return (n.elements as (N | null)[]).map((e) => (e ? literalValue(e, depth + 1) : null));
  if (n.type !== 'ObjectExpression') return undefined;
  const out: Record<string, unknown> = {};
  for (const p of n.properties as N[]) {
    const key = p.key as N | undefined;
    if (p.type !== 'Property' || p.computed || !key) continue;
    const name = key.type === 'Literal' ? String(key.value) : key.type === 'Identifier' ? (key.name as string) : null;
    if (name !== null) out[name] = literalValue(p.value as N, depth + 1);
  }
  return out;
}

function tableFor(dir: string): AliasTable | null {
  if (dir.includes(NODE_MODULES) || dir.endsWith(`${sep}node_modules`)) return null;
  const now = Date.now();
  const cached = tableOfDir.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.table;
  let table: AliasTable | null;
  try {
    const config = configOf(dir);
    table = config ? tableOfConfig(config) : null;
  } catch {
    table = null;
  }
  if (tableOfDir.size >= MAX_ENTRIES) tableOfDir.clear();
  tableOfDir.set(dir, { at: now, table });
  return table;
}

/** The first known config in the directory of the nearest package.json at or above `dir` (8 levels), or null. */
function configOf(dir: string): string | null {
  let d = dir;
  for (let i = 0; i < 8; i++) {
    if (isFile(join(d, 'package.json'))) {
      for (const name of BUNDLER_CONFIGS) if (isFile(join(d, name))) return join(d, name);
      return null;
    }
    const up = dirname(d);
    if (up === d || up.endsWith(`${sep}node_modules`)) return null;
    d = up;
  }
  return null;
}

/** Per config file: its table, read once per text. */
const tableOfText = new Map<string, { text: string; table: AliasTable | null }>();

function tableOfConfig(path: string): AliasTable | null {
  const text = readFileSync(path, 'utf8');
  if (text.length > MAX_CONFIG_BYTES || !/\balias\b|\broot\b/.test(text)) return null;
  const cached = tableOfText.get(path);
  if (cached && cached.text === text) return cached.table;
  const dir = dirname(path);
  let table: AliasTable | null;
  if (path.endsWith('.json') || path.endsWith('.babelrc')) {
    const value = parseJsonc(text); // a .babelrc may carry comments; an invalid file gives null and nothing is guessed
    table = value === null ? null : tableOfValue(value, dir);
  } else {
    const ast = parseConfig(path, text);
    table = ast ? tableOfAst(ast, path) : null;
  }
  if (tableOfText.size >= MAX_ENTRIES) tableOfText.clear();
  tableOfText.set(path, { text, table });
  return table;
}

// ------------------------------------------------------------------------------------------ JSON configs

/** `.babelrc` / `babel.config.json`: the `alias` and `root` of module-resolver's options, anywhere in the file. */
function tableOfValue(value: unknown, dir: string): AliasTable | null {
  const aliases: Alias[] = [];
  const roots: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 12 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'alias' && x && typeof x === 'object' && !Array.isArray(x)) {
        for (const [key, to] of Object.entries(x as Record<string, unknown>)) {
          const target = typeof to === 'string' ? targetPath(to, dir) : null;
          if (target) aliases.push(aliasOf(key, target));
        }
      } else if (k === 'root') {
        for (const r of Array.isArray(x) ? x : [x]) {
          const target = typeof r === 'string' ? targetPath(r, dir) : null;
          if (target) roots.push(target);
        }
      } else visit(x, depth + 1);
    }
  };
  visit(value, 0);
  return aliases.length > 0 || roots.length > 0 ? { aliases, roots } : null;
}

// ------------------------------------------------------------------------------------------ JS / TS configs

/** The small part of ESTree read here. */
interface N {
  readonly type: string;
  readonly [key: string]: unknown;
}

type Require = (id: string) => unknown;
let localRequire: Require | null = null;
function req(id: string): unknown {
  try {
    localRequire ??= createRequire(import.meta.url);
    return localRequire(id);
  } catch {
    return null;
  }
}

function parseConfig(path: string, text: string): N | null {
  const ext = extname(path);
  if (ext === '.ts' || ext === '.mts') {
    const ts = req('@typescript-eslint/parser') as { parse?: (code: string, o: Record<string, unknown>) => unknown } | null;
    try {
      return (ts?.parse?.(text, { ecmaVersion: 'latest', sourceType: 'module', range: false, loc: false }) as N | undefined) ?? null;
    } catch {
      return null;
    }
  }
  const espree = req('espree') as { parse?: (code: string, o: Record<string, unknown>) => unknown } | null;
  for (const sourceType of ext === '.cjs' ? ['script'] : ['module', 'script']) {
    try {
      const ast = espree?.parse?.(text, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { globalReturn: sourceType === 'script' } });
      if (ast) return ast as N;
    } catch {
      // the other source type
    }
  }
  return null;
}

/** What a static value of the config is: a string (paths, URLs), or null when it is not known. */
type Env = { readonly dir: string; readonly file: string; readonly consts: ReadonlyMap<string, N> };

function tableOfAst(ast: N, file: string): AliasTable | null {
  // `root` is module-resolver's option in a Babel config; in a Vite config it is the app's root, not a module root
  const babel = /(?:^|[\\/])(?:babel\.config\.[cm]?js|\.babelrc(?:\.json)?)$/.test(file);
  const consts = new Map<string, N>();
  const aliases: Alias[] = [];
  const roots: string[] = [];
  const env: Env = { dir: dirname(file), file, consts };
  // module-level `const SRC = path.resolve(__dirname, 'src')` (and `const __dirname = dirname(…)`)
  for (const stmt of (ast['body'] as N[] | undefined) ?? []) {
    const decl = stmt.type === 'ExportNamedDeclaration' ? (stmt['declaration'] as N | null) : stmt;
    if (decl?.type !== 'VariableDeclaration' || decl['kind'] !== 'const') continue;
    for (const d of decl['declarations'] as N[]) {
      const id = d['id'] as N;
      if (id.type === 'Identifier' && d['init']) consts.set(id['name'] as string, d['init'] as N);
    }
  }
  const rollupAlias = rollupAliasNames(ast);
  walkNodes(ast, (n) => {
    // `alias({ entries: … })` of @rollup/plugin-alias: the same two forms as Vite's `resolve.alias`
    if (n.type === 'CallExpression' && rollupAlias.size > 0) {
      const callee = n['callee'] as N;
      const arg = (n['arguments'] as N[])[0];
      if (callee.type === 'Identifier' && rollupAlias.has(callee['name'] as string) && arg?.type === 'ObjectExpression') {
        for (const p of arg['properties'] as N[]) {
          if (p.type === 'Property' && !p['computed'] && keyName(p['key'] as N) === 'entries') readAliasTable(deref(p['value'] as N, env, 0), env, aliases);
        }
      }
      return;
    }
    if (n.type !== 'Property' || n['computed']) return;
    const key = keyName(n['key'] as N);
    if (key === 'alias') readAliasTable(deref(n['value'] as N, env, 0), env, aliases);
    else if (key === 'root' && babel) {
      const v = deref(n['value'] as N, env, 0);
      for (const el of v?.type === 'ArrayExpression' ? (v['elements'] as (N | null)[]) : v ? [v] : []) {
        const target = el ? targetOfNode(el, env) : null;
        if (target) roots.push(target);
      }
    }
  });
  return aliases.length > 0 || roots.length > 0 ? { aliases, roots } : null;
}

/** `{ '@': …, '@models': … }` (webpack, Vite, module-resolver) or `[{ find, replacement }]` (Vite, rollup). */
/** The local names of @rollup/plugin-alias's default export: `import alias from …`, `const alias = require(…)`. */
function rollupAliasNames(ast: N): Set<string> {
  const names = new Set<string>();
  for (const stmt of (ast['body'] as N[] | undefined) ?? []) {
    if (stmt.type === 'ImportDeclaration' && (stmt['source'] as N)['value'] === '@rollup/plugin-alias') {
      for (const sp of stmt['specifiers'] as N[]) if (sp.type === 'ImportDefaultSpecifier') names.add((sp['local'] as N)['name'] as string);
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt['declarations'] as N[]) {
        const init = d['init'] as N | null;
        const id = d['id'] as N;
        const arg = init?.type === 'CallExpression' ? (init['arguments'] as N[])[0] : undefined;
        if (id.type === 'Identifier' && init?.type === 'CallExpression' && (init['callee'] as N)['name'] === 'require' && arg?.type === 'Literal' && arg['value'] === '@rollup/plugin-alias') {
          names.add(id['name'] as string);
        }
      }
    }
  }
  return names;
}

function readAliasTable(value: N | null, env: Env, out: Alias[]): void {
  if (value?.type === 'ObjectExpression') {
    for (const p of value['properties'] as N[]) {
      if (p.type !== 'Property' || p['computed']) continue;
      const key = keyName(p['key'] as N);
      const target = key !== null ? targetOfNode(p['value'] as N, env) : null;
      if (key !== null && target) out.push(aliasOf(key, target));
    }
  } else if (value?.type === 'ArrayExpression') {
    for (const el of value['elements'] as (N | null)[]) {
      if (el?.type !== 'ObjectExpression') continue;
      let find: N | null = null;
      let replacement: N | null = null;
      for (const p of el['properties'] as N[]) {
        if (p.type !== 'Property' || p['computed']) continue;
        const k = keyName(p['key'] as N);
        if (k === 'find') find = p['value'] as N;
        else if (k === 'replacement') replacement = p['value'] as N;
      }
      const resolved = replacement ? targetOfNode(replacement, env) : null;
      if (!find || !resolved) continue;
      // `replacement: resolve(__dirname, 'src') + '/'` for `find: /^@\//`: the slash is part of the replacement
      const target = stringOf(deref(replacement, env, 0), env, 0)?.endsWith('/') ? `${resolved}/` : resolved;
      const regex = find.type === 'Literal' ? (find['regex'] as { pattern: string; flags: string } | undefined) : undefined;
      if (regex) {
        try {
          out.push({ regex: new RegExp(regex.pattern, regex.flags.replace('g', '')), to: target });
        } catch {
          // a pattern this engine cannot compile: skipped
        }
      } else {
        const key = stringOf(find, env, 0);
        if (key !== null) out.push({ key, exact: false, to: target });
      }
    }
  }
}

function aliasOf(key: string, to: string): Alias {
  return key.endsWith('$') ? { key: key.slice(0, -1), exact: true, to } : { key, exact: false, to };
}

/**
 * The path an alias value of a JS config names. A string literal starting with `/` outside the config's
 * directory is Vite's root-relative form (`'@': '/src'`); computed paths (`path.resolve(…)`) are absolute.
 */
function targetOfNode(node: N | null | undefined, env: Env): string | null {
  const n = deref(node, env, 0);
  const s = stringOf(n, env, 0);
  if (s === null) return null;
  if (n?.type === 'Literal' && s.startsWith('/') && !s.startsWith(`${env.dir}${sep}`)) return targetPath(`.${s}`, env.dir);
  return targetPath(s, env.dir);
}

/**
 * The absolute path an alias value names: absolute as written, or relative to the config's directory
 * (`./src`); null for a bare name (a package: `preact/compat`) and anything inside `node_modules`.
 */
function targetPath(value: string, dir: string): string | null {
  let p: string;
  if (value.startsWith('file://')) {
    try {
      p = fileURLToPath(value);
    } catch {
      return null;
    }
  } else if (value.startsWith('./') || value.startsWith('../') || value === '.' || value === '..') p = resolve(dir, value);
  else if (isAbsolute(value)) p = value;
  else return null;
  p = resolve(p);
  return p.includes(NODE_MODULES) || p.endsWith(`${sep}node_modules`) ? null : p;
}

function keyName(key: N): string | null {
  if (key.type === 'Identifier') return key['name'] as string;
  if (key.type === 'Literal' && typeof key['value'] === 'string') return key['value'];
  return null;
}

/** An identifier bound to a module-level `const` stands for its initializer (a few levels). */
function deref(node: N | null | undefined, env: Env, depth: number): N | null {
  let n = unwrapTs(node);
  for (let i = depth; n?.type === 'Identifier' && i < 4; i++) n = unwrapTs(env.consts.get(n['name'] as string));
  return n ?? null;
}

function unwrapTs(node: N | null | undefined): N | null {
  let n = node ?? null;
  while (n && (n.type === 'TSAsExpression' || n.type === 'TSSatisfiesExpression' || n.type === 'TSNonNullExpression' || n.type === 'ParenthesizedExpression')) {
    n = n['expression'] as N;
  }
  return n;
}

/** The name a callee ends with: `resolve`, `path.resolve`, `node_path.join` → `resolve` / `join`. */
function calleeName(callee: N): string | null {
  const c = unwrapTs(callee);
  if (c?.type === 'Identifier') return c['name'] as string;
  if (c?.type === 'MemberExpression' && !c['computed']) return keyName(c['property'] as N);
  return null;
}

/** The string value of a config expression, statically, or null. */
function stringOf(node: N | null | undefined, env: Env, depth: number): string | null {
  const n = unwrapTs(node);
  if (!n || depth > 8) return null;
  switch (n.type) {
    case 'Literal':
      return typeof n['value'] === 'string' ? n['value'] : null;
    case 'TemplateLiteral': {
      const quasis = n['quasis'] as N[];
      const exprs = n['expressions'] as N[];
      let s = '';
      for (let i = 0; i < quasis.length; i++) {
        s += ((quasis[i]!['value'] as { cooked: string | null }).cooked ?? '');
        if (i < exprs.length) {
          const v = stringOf(exprs[i], env, depth + 1);
          if (v === null) return null;
          s += v;
        }
      }
      return s;
    }
    case 'BinaryExpression': {
      if (n['operator'] !== '+') return null;
      const l = stringOf(n['left'] as N, env, depth + 1);
      const r = l === null ? null : stringOf(n['right'] as N, env, depth + 1);
      return l !== null && r !== null ? l + r : null;
    }
    case 'Identifier': {
      const name = n['name'] as string;
      const init = env.consts.get(name);
      if (init) return stringOf(init, env, depth + 1);
      if (name === '__dirname') return env.dir;
      if (name === '__filename') return env.file;
      return null;
    }
    case 'MemberExpression': {
      const prop = n['computed'] ? null : keyName(n['property'] as N);
      const obj = unwrapTs(n['object'] as N);
      // import.meta.url / import.meta.dirname / import.meta.filename
      if (obj?.type === 'MetaProperty') {
        if (prop === 'url') return pathToFileURL(env.file).href;
        if (prop === 'dirname') return env.dir;
        if (prop === 'filename') return env.file;
        return null;
      }
      // new URL('./src', import.meta.url).pathname
      if (prop === 'pathname' || prop === 'href') {
        const url = stringOf(obj, env, depth + 1);
        return url?.startsWith('file://') ? (prop === 'href' ? url : fileURLToPath(url)) : null;
      }
      return null;
    }
    case 'NewExpression': {
      // new URL('./src', import.meta.url)
      if (calleeName(n['callee'] as N) !== 'URL') return null;
      const [rel, base] = n['arguments'] as N[];
      const r = stringOf(rel, env, depth + 1);
      const b = base ? stringOf(base, env, depth + 1) : null;
      if (r === null || b === null || !b.startsWith('file://')) return null;
      try {
        return new URL(r, b).href;
      } catch {
        return null;
      }
    }
    case 'CallExpression': {
      const name = calleeName(n['callee'] as N);
      const args = (n['arguments'] as N[]).map((a) => stringOf(a, env, depth + 1));
      if (name === 'cwd' && args.length === 0) return env.dir; // process.cwd(): the config's directory when the bundler runs
      if (args.some((a) => a === null)) return null;
      const strings = args as string[];
      switch (name) {
        case 'resolve':
          return resolve(env.dir, ...strings);
        case 'join':
          return strings.length > 0 ? join(...strings) : null;
        case 'dirname':
          return strings.length === 1 ? dirname(strings[0]!) : null;
        case 'fileURLToPath':
          try {
            return strings.length === 1 ? fileURLToPath(strings[0]!) : null;
          } catch {
            return null;
          }
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

function walkNodes(root: N, visit: (n: N) => void): void {
  const stack: N[] = [root];
  let budget = 200_000;
  while (stack.length > 0 && budget-- > 0) {
    const n = stack.pop()!;
    visit(n);
    for (const key of Object.keys(n)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      const v = n[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof (c as N).type === 'string') stack.push(c as N);
      } else if (v && typeof (v as N).type === 'string') stack.push(v as N);
    }
  }
}
