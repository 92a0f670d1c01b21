/**
 * Bare specifiers that name source files of the project rather than installed packages:
 *
 * - **workspace packages** imported by name (`import { Policy } from '@acme/models'`), declared by the
 *   `workspaces` of a root package.json (npm, Yarn, Bun) or by `pnpm-workspace.yaml`, resolved through the
 *   package's `exports` (`source`, `import`, `require`, `default` … conditions), `source`, `module` or `main`,
 *   and, when those name a build output that does not exist (`dist/index.js` before a build), the same path
 *   under `src/`;
 * - **subpath imports** (`import { createNet } from '#models/net.js'`) through the `imports` field of the
 *   file's own package.json.
 *
 * Maps are read with `resolve-pkg-maps` (get-tsconfig's dependency, written by the same author for Node's
 * `exports`/`imports` semantics). Candidates come back without extensions resolved; src/engine/project-scan.ts
 * tries the source extensions and index files on each. Nothing under `node_modules` is ever returned, and
 * everything is trusted for the same few seconds as other resolutions (an editor sees an edited
 * package.json) and never throws.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { resolveExports, resolveImports } from 'resolve-pkg-maps';
import { isFile } from './fs-listing.js';

const TTL_MS = 5000;
const MAX_ENTRIES = 2000;
/** Export conditions a bundler or Node may pick for source code (not `types`: a declaration file holds no values). */
const CONDITIONS = ['source', 'development', 'import', 'module', 'require', 'node', 'browser', 'default'];
/** Directories climbed to find a workspace root. */
const MAX_LEVELS = 30;
/** Workspace package directories read per root. */
const MAX_PACKAGES = 500;
/** Directories listed to expand one root's globs (`**` in a large repository). */
const MAX_LISTED_DIRS = 2000;

type PackageJson = { name?: unknown; exports?: unknown; imports?: unknown; main?: unknown; module?: unknown; source?: unknown; workspaces?: unknown };

const jsonCache = new Map<string, { at: number; json: PackageJson | null }>();
function readPackageJson(dir: string): PackageJson | null {
  const path = join(dir, 'package.json');
  const now = Date.now();
  const cached = jsonCache.get(path);
  if (cached && now - cached.at < TTL_MS) return cached.json;
  let json: PackageJson | null = null;
  try {
    if (isFile(path)) {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      json = parsed && typeof parsed === 'object' ? (parsed as PackageJson) : null;
    }
  } catch {
    json = null;
  }
  if (jsonCache.size >= MAX_ENTRIES) jsonCache.clear();
  jsonCache.set(path, { at: now, json });
  return json;
}

/** `@acme/models/sub/x` → `['@acme/models', 'sub/x']`; null for what is not a package name. */
function splitPackageSpecifier(specifier: string): [string, string] | null {
  const m = /^((?:@[\w.-]+\/)?[\w.-]+)(?:\/(.*))?$/.exec(specifier);
  return m ? [m[1]!, m[2] ?? ''] : null;
}

const NODE_MODULES = `${sep}node_modules${sep}`;

/**
 * The file candidates a package's entry maps `subpath` to (`''` for the package itself): its `exports`,
 * else `source`, `module`, `main`, else `index`, each also under `src/` when it names a build directory.
 */
function entryCandidates(pkgDir: string, json: PackageJson, subpath: string): string[] {
  const out: string[] = [];
  if (json.exports !== undefined && json.exports !== null) {
    try {
      for (const p of resolveExports(json.exports as never, subpath, CONDITIONS)) out.push(resolve(pkgDir, p));
    } catch {
      // a subpath the map does not export: nothing
    }
  } else if (subpath !== '') {
    out.push(resolve(pkgDir, subpath));
  } else {
    for (const field of [json.source, json.module, json.main]) if (typeof field === 'string') out.push(resolve(pkgDir, field));
    out.push(join(pkgDir, 'index'));
  }
  // `dist/index.js` of a package that is not built yet: its sources
  const built = /([\\/])(?:dist|lib|build|out)\1/;
  for (const p of [...out]) {
    const rel = p.slice(pkgDir.length);
    if (built.test(rel)) out.push(pkgDir + rel.replace(built, `$1src$1`));
  }
  return out.filter((p) => !p.includes(NODE_MODULES) && (p === pkgDir || p.startsWith(pkgDir + sep)));
}

// ------------------------------------------------------------------------------------------ subpath imports

/** `#models/net.js` through the `imports` of the package.json nearest to `fromFile`. */
export function subpathImportCandidates(fromFile: string, specifier: string): string[] | null {
  if (!specifier.startsWith('#')) return null;
  let dir = dirname(fromFile);
  for (let i = 0; i < MAX_LEVELS; i++) {
    const json = readPackageJson(dir);
    if (json) {
      if (json.imports === undefined || json.imports === null || typeof json.imports !== 'object') return null;
      try {
        return resolveImports(json.imports as never, specifier, CONDITIONS)
          .map((p) => resolve(dir, p))
          .filter((p) => !p.includes(NODE_MODULES));
      } catch {
        return null;
      }
    }
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  return null;
}

// ------------------------------------------------------------------------------------------ self-reference

/** The nearest package.json at or above `dir` and its directory, not looking past a `node_modules` directory. */
function nearestPackage(dir: string): { dir: string; json: PackageJson } | null {
  const at = nearestPackageDir(dir, 0);
  const json = at === null ? null : readPackageJson(at);
  return at !== null && json ? { dir: at, json } : null;
}

/** Per directory: the directory of the nearest package.json (a parent's answer is reused by its children). */
const packageDirOf = new Map<string, { at: number; dir: string | null }>();

function nearestPackageDir(dir: string, depth: number): string | null {
  const now = Date.now();
  const cached = packageDirOf.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.dir;
  let found: string | null = null;
  if (!dir.endsWith(`${sep}node_modules`) && depth < MAX_LEVELS) {
    if (isFile(join(dir, 'package.json'))) found = dir;
    else {
      const up = dirname(dir);
      found = up === dir ? null : nearestPackageDir(up, depth + 1);
    }
  }
  if (packageDirOf.size >= MAX_ENTRIES) packageDirOf.clear();
  packageDirOf.set(dir, { at: now, dir: found });
  return found;
}

/**
 * The name a module may import its own package by (Node's self-reference): the `name` of the nearest
 * package.json, when that package declares `exports` (without them Node does not resolve the name). Null
 * otherwise, and for tfjs itself.
 */
export function selfReferenceName(fromFile: string): string | null {
  // asked for every file whose text is scanned for imports: one answer per directory (kept like the others)
  const dir = dirname(fromFile);
  // code inside node_modules is an installed package's: never followed
  if (dir.includes(NODE_MODULES)) return null;
  const now = Date.now();
  const cached = selfNameOfDir.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.name;
  const pkg = nearestPackage(dir);
  const n = pkg?.json.name;
  const name = typeof n === 'string' && pkg!.json.exports !== undefined && pkg!.json.exports !== null && !n.startsWith('@tensorflow/') ? n : null;
  if (selfNameOfDir.size >= MAX_ENTRIES) selfNameOfDir.clear();
  selfNameOfDir.set(dir, { at: now, name });
  return name;
}
const selfNameOfDir = new Map<string, { at: number; name: string | null }>();

/** `@acme/churn-model/models` imported from inside `@acme/churn-model`: the files its `exports` map it to. */
export function selfReferenceCandidates(fromFile: string, specifier: string): string[] | null {
  const parts = splitPackageSpecifier(specifier);
  if (!parts || parts[0] !== selfReferenceName(fromFile)) return null;
  const pkg = nearestPackage(dirname(fromFile))!;
  return entryCandidates(pkg.dir, pkg.json, parts[1]);
}

// ------------------------------------------------------------------------------------------ workspaces

/** Per directory: the workspace root governing it (null: none). */
const rootOfDir = new Map<string, { at: number; root: string | null }>();
/** Per workspace root: package name → directory. */
const packagesOfRoot = new Map<string, { at: number; byName: Map<string, string> }>();

/** The workspace packages of the root governing `fromFile` (name → directory), or null outside a workspace. */
function workspacePackages(fromFile: string): Map<string, string> | null {
  const root = workspaceRootOf(dirname(fromFile), 0);
  if (!root) return null;
  const now = Date.now();
  const cached = packagesOfRoot.get(root);
  if (cached && now - cached.at < TTL_MS) return cached.byName;
  const byName = new Map<string, string>();
  for (const dir of expandPatterns(root, workspacePatterns(root))) {
    const json = readPackageJson(dir);
    if (typeof json?.name === 'string' && !byName.has(json.name)) byName.set(json.name, dir);
  }
  if (packagesOfRoot.size >= MAX_ENTRIES) packagesOfRoot.clear();
  packagesOfRoot.set(root, { at: now, byName });
  return byName;
}

/** Is `fromFile` inside a workspace whose packages it may import by name? */
export function inWorkspace(fromFile: string): boolean {
  return workspaceRootOf(dirname(fromFile), 0) !== null;
}

/** `@acme/models` (or `@acme/models/sub`) of the workspace governing `fromFile`: the files it may name. */
export function workspaceCandidates(fromFile: string, specifier: string): string[] | null {
  if (specifier.startsWith('@tensorflow/')) return null;
  const parts = splitPackageSpecifier(specifier);
  if (!parts) return null;
  const dir = workspacePackages(fromFile)?.get(parts[0]);
  if (!dir) return null;
  const json = readPackageJson(dir);
  return json ? entryCandidates(dir, json, parts[1]) : null;
}

function workspaceRootOf(dir: string, depth: number): string | null {
  if (dir.includes(NODE_MODULES) || dir.endsWith(`${sep}node_modules`)) return null;
  const now = Date.now();
  const cached = rootOfDir.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.root;
  let root: string | null = null;
  if (workspacePatterns(dir).length > 0) root = dir;
  else if (depth < MAX_LEVELS) {
    const up = dirname(dir);
    if (up !== dir) root = workspaceRootOf(up, depth + 1);
  }
  if (rootOfDir.size >= MAX_ENTRIES) rootOfDir.clear();
  rootOfDir.set(dir, { at: now, root });
  return root;
}

/** The package globs a directory declares as a workspace root (package.json `workspaces`, pnpm-workspace.yaml). */
function workspacePatterns(dir: string): string[] {
  const ws = readPackageJson(dir)?.workspaces;
  const list = Array.isArray(ws) ? ws : ws && typeof ws === 'object' && Array.isArray((ws as { packages?: unknown }).packages) ? (ws as { packages: unknown[] }).packages : [];
  const patterns = list.filter((p): p is string => typeof p === 'string');
  return patterns.length > 0 ? patterns : pnpmPatterns(dir);
}

const pnpmCache = new Map<string, { at: number; patterns: string[] }>();
/** The `packages:` list of a pnpm-workspace.yaml (a list of quoted or bare globs; nothing else is read). */
function pnpmPatterns(dir: string): string[] {
  const path = join(dir, 'pnpm-workspace.yaml');
  const now = Date.now();
  const cached = pnpmCache.get(path);
  if (cached && now - cached.at < TTL_MS) return cached.patterns;
  const patterns: string[] = [];
  try {
    if (isFile(path)) {
      let inPackages = false;
      for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
        if (/^packages\s*:/.test(line)) inPackages = true;
        else if (/^\S/.test(line)) inPackages = false;
        else if (inPackages) {
          const m = /^\s*-\s*(['"]?)([^'"#]+?)\1\s*(?:#.*)?$/.exec(line);
          if (m) patterns.push(m[2]!);
        }
      }
    }
  } catch {
    // unreadable: no patterns
  }
  if (pnpmCache.size >= MAX_ENTRIES) pnpmCache.clear();
  pnpmCache.set(path, { at: now, patterns });
  return patterns;
}

/**
 * The directories a workspace's globs name: literal paths, `*` for one level and `**` for up to three,
 * without `!`-excluded ones and never under node_modules (bounded in packages and in directories listed).
 */
function expandPatterns(root: string, patterns: readonly string[]): string[] {
  const out: string[] = [];
  const excluded: string[] = [];
  let listed = 0;
  const walk = (dir: string, segments: readonly string[], into: string[], starDepth = 3): void => {
    if (into.length >= MAX_PACKAGES || listed >= MAX_LISTED_DIRS) return;
    if (segments.length === 0) {
      into.push(dir);
      return;
    }
    const [head, ...rest] = segments as [string, ...string[]];
    if (head === '**') {
      // zero or more directories, up to three
      walk(dir, rest, into);
      if (starDepth > 0) for (const child of subdirs(dir, () => listed++)) walk(join(dir, child), segments, into, starDepth - 1);
      return;
    }
    if (!head.includes('*')) {
      walk(join(dir, head), rest, into);
      return;
    }
    const re = new RegExp(`^${head.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    for (const child of subdirs(dir, () => listed++)) if (re.test(child)) walk(join(dir, child), rest, into);
  };
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const segments = raw.replace(/^!/, '').replace(/^\.\//, '').split('/').filter((s) => s !== '' && s !== '.');
    if (segments.includes('..')) continue;
    walk(root, segments, negated ? excluded : out);
  }
  const skip = new Set(excluded);
  return out.filter((d) => !skip.has(d));
}

function subdirs(dir: string, count: () => void): string[] {
  count();
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch {
    return [];
  }
}
