/**
 * Module specifiers that name a file of the project without being relative: the `compilerOptions.paths`
 * and `baseUrl` of the nearest `tsconfig.json` or `jsconfig.json` (`@/models/net` with create-next-app's
 * `"@/*": ["./src/*"]`, `~/agents/agent`, `models/encoder` under `"baseUrl": "src"`), the aliases that
 * TypeScript, editors and the bundler configs mirroring them resolve. The config is read with
 * `get-tsconfig` (the reader behind eslint-import-resolver-typescript and tsx: comments, trailing commas,
 * `extends` chains), once per config file; which config governs a directory is found by climbing with
 * the directory listings that resolutions read anyway, kept per directory. Both answers are trusted for the same few seconds
 * as other resolutions (an editor sees an edited config), and nothing here throws.
 *
 * Only the candidate paths come from here; src/engine/project-scan.ts tries the source extensions and
 * index files on each, as for a relative specifier. Candidates inside `node_modules` are dropped: a
 * `"*": ["node_modules/*"]` entry names installed packages, which the engine never follows.
 */
import { dirname, join, sep } from 'node:path';
import { createPathsMatcher, parseTsconfig, type Cache } from 'get-tsconfig';
import { bundlerAliasCandidates, hasBundlerAliases } from './bundler-aliases.js';
import { isFile } from './fs-listing.js';

/** How long a directory's alias answer is trusted (an editor sees an edited tsconfig after this). */
const ALIAS_TTL_MS = 5000;
const NODE_MODULES = `${sep}node_modules${sep}`;
const MAX_ENTRIES = 2000;

type Matcher = (specifier: string) => string[];
/** Per directory: the nearest config file at or above it (null: none), and when that was found. */
const configOfDir = new Map<string, { at: number; path: string | null }>();
/** Per config file: its aliases as a matcher (null: no `paths` or `baseUrl`, or an invalid file). */
const matcherOfConfig = new Map<string, { at: number; matcher: Matcher | null }>();
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
  let fromConfig: string[] | null = null;
  if (matcher) {
    try {
      fromConfig = matcher(specifier).filter((c) => !c.includes(NODE_MODULES) && !c.endsWith(`${sep}node_modules`));
    } catch {
      fromConfig = null;
    }
  }
  // aliases only a bundler or Babel config declares (src/engine/bundler-aliases.ts), after the tsconfig's
  const fromBundler = bundlerAliasCandidates(fromFile, specifier);
  return fromConfig && fromBundler ? [...fromConfig, ...fromBundler] : (fromConfig ?? fromBundler);
}

/** Does the config governing `fromFile` declare aliases at all (`paths` or `baseUrl`), or a bundler or Babel config? */
export function hasAliases(fromFile: string): boolean {
  return matcherFor(dirname(fromFile)) !== null || hasBundlerAliases(fromFile);
}

function matcherFor(dir: string): Matcher | null {
  // code inside node_modules is a package's, never the project's: its imports are not the project's aliases
  if (dir.includes(NODE_MODULES) || dir.endsWith(`${sep}node_modules`)) return null;
  const config = configPathOf(dir, 0);
  if (!config) return null;
  const now = Date.now();
  const cached = matcherOfConfig.get(config);
  if (cached && now - cached.at < ALIAS_TTL_MS) return cached.matcher;
  if (now - fsCache.at >= ALIAS_TTL_MS) fsCache = { at: now, cache: new Map() };
  let matcher: Matcher | null;
  try {
    matcher = createPathsMatcher({ path: config, config: parseTsconfig(config, fsCache.cache) });
  } catch {
    matcher = null; // an unreadable or invalid config: no aliases
  }
  if (matcherOfConfig.size >= MAX_ENTRIES) matcherOfConfig.clear();
  matcherOfConfig.set(config, { at: now, matcher });
  return matcher;
}

/**
 * The nearer of `tsconfig.json` and `jsconfig.json` at or above `dir` (tsconfig.json when both sit in one
 * directory), as TypeScript and editors pick it; every file of a directory, and every directory below it,
 * shares the answer.
 */
function configPathOf(dir: string, depth: number): string | null {
  const now = Date.now();
  const cached = configOfDir.get(dir);
  if (cached && now - cached.at < ALIAS_TTL_MS) return cached.path;
  let path: string | null = null;
  for (const name of CONFIG_NAMES) {
    const candidate = join(dir, name);
    if (isFile(candidate)) {
      path = candidate;
      break;
    }
  }
  if (path === null && depth < MAX_LEVELS) {
    const up = dirname(dir);
    if (up !== dir) path = configPathOf(up, depth + 1);
  }
  if (configOfDir.size >= MAX_ENTRIES) configOfDir.clear();
  configOfDir.set(dir, { at: now, path });
  return path;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
/** Directories climbed to find a config (TypeScript climbs to the root; real projects sit far below it). */
const MAX_LEVELS = 30;
