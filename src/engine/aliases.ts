/**
 * Module specifiers that name a file of the project without being relative: the `compilerOptions.paths`
 * and `baseUrl` of the nearest `tsconfig.json` or `jsconfig.json` (`@/models/net` with create-next-app's
 * `"@/*": ["./src/*"]`, `~/agents/agent`, `models/encoder` under `"baseUrl": "src"`), the aliases that
 * TypeScript, editors and the bundler configs mirroring them resolve. The config is read with
 * `get-tsconfig` (the reader behind eslint-import-resolver-typescript and tsx: comments, trailing commas,
 * `extends` chains), kept per directory for the same few seconds as other resolutions, and never throws.
 *
 * Only the candidate paths come from here; src/engine/project-scan.ts tries the source extensions and
 * index files on each, as for a relative specifier. Candidates inside `node_modules` are dropped: a
 * `"*": ["node_modules/*"]` entry names installed packages, which the engine never follows.
 */
import { dirname, sep } from 'node:path';
import { createPathsMatcher, getTsconfig, type Cache, type TsConfigResult } from 'get-tsconfig';

/** How long a directory's alias answer is trusted (an editor sees an edited tsconfig after this). */
const ALIAS_TTL_MS = 5000;
const MAX_ENTRIES = 2000;

type Matcher = (specifier: string) => string[];
const byDir = new Map<string, { at: number; matcher: Matcher | null }>();
/** get-tsconfig's file-system cache, renewed with the TTL so that edits are seen. */
let fsCache: { at: number; cache: Cache } = { at: 0, cache: new Map() };

/**
 * The files a non-relative specifier may name through the aliases of the config governing `fromFile`
 * (without extensions or index files), or null when that config has no `paths` or `baseUrl`. A tfjs
 * specifier is never an alias.
 */
export function aliasCandidates(fromFile: string, specifier: string): string[] | null {
  if (specifier.startsWith('.') || specifier.startsWith('@tensorflow/') || specifier.includes('\0')) return null;
  const matcher = matcherFor(dirname(fromFile));
  if (!matcher) return null;
  try {
    const nm = `${sep}node_modules${sep}`;
    return matcher(specifier).filter((c) => !c.includes(nm) && !c.endsWith(`${sep}node_modules`));
  } catch {
    return null;
  }
}

/** Does the config governing files of `dir` declare aliases at all (`paths` or `baseUrl`)? */
export function hasAliases(fromFile: string): boolean {
  return matcherFor(dirname(fromFile)) !== null;
}

function matcherFor(dir: string): Matcher | null {
  const now = Date.now();
  const cached = byDir.get(dir);
  if (cached && now - cached.at < ALIAS_TTL_MS) return cached.matcher;
  if (now - fsCache.at >= ALIAS_TTL_MS) fsCache = { at: now, cache: new Map() };
  let matcher: Matcher | null;
  try {
    const config = nearestConfig(dir);
    matcher = config ? createPathsMatcher(config) : null;
  } catch {
    matcher = null; // an unreadable or invalid config: no aliases
  }
  if (byDir.size >= MAX_ENTRIES) byDir.clear();
  byDir.set(dir, { at: now, matcher });
  return matcher;
}

/** The nearer of `tsconfig.json` and `jsconfig.json` above `dir` (tsconfig.json when both sit in one directory). */
function nearestConfig(dir: string): TsConfigResult | null {
  const ts = getTsconfig(dir, 'tsconfig.json', fsCache.cache);
  const js = getTsconfig(dir, 'jsconfig.json', fsCache.cache);
  if (!ts || !js) return ts ?? js;
  return dirname(js.path).length > dirname(ts.path).length ? js : ts;
}
