/**
 * Whether a path is a file, answered from directory listings: a resolution tries up to 25 candidate
 * paths in a few directories, and every file of a directory resolves the same imports and looks for the
 * same package.json and tsconfig.json: one `readdir` per directory instead of a `stat` per candidate,
 * trusted for a few seconds (an editor sees a file created or deleted since).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname } from 'node:path';

const TTL_MS = 5000;
const MAX_ENTRIES = 5000;
const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']);
/** Names other than source files that resolutions ask about: package and project configs. */
const CONFIG_FILES = new Set(['package.json', 'tsconfig.json', 'jsconfig.json', 'pnpm-workspace.yaml', '.babelrc', '.babelrc.json', 'babel.config.json', 'deno.json', 'deno.jsonc']);

/** Is `path` a file? Symbolic links and directories too large to list are `stat`ed. */
export function isFile(path: string): boolean {
  // most candidates of a resolution do not exist: one directory listing answers for all of them
  const listing = listingOf(dirname(path));
  if (listing !== undefined) {
    const name = nameKey(basename(path));
    if (!listing?.links.has(name)) return listing?.files.has(name) ?? false;
  }
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** The names a resolution or a package lookup asks about: source files and configs. */
const LISTED = (name: string): boolean => CONFIG_FILES.has(name) || SOURCE_EXTENSIONS.has(extname(name));
/** macOS and Windows file systems match names case-insensitively by default, as `stat` there does. */
const CASE_INSENSITIVE = process.platform === 'darwin' || process.platform === 'win32';
const nameKey = (name: string): string => (CASE_INSENSITIVE ? name.toLowerCase() : name);

interface Listing {
  /** Source files and configs (other names are never asked about). */
  readonly files: ReadonlySet<string>;
  /** Symbolic links among those names: `stat` decides what they point to. */
  readonly links: ReadonlySet<string>;
}
/** Directory listings (null: not a readable directory; undefined: too large to keep), trusted for a few seconds. */
const listings = new Map<string, { at: number; listing: Listing | null | undefined }>();
/** A directory with more entries than this is not kept (its files are stat'ed one by one). */
const MAX_LISTED_ENTRIES = 2000;

/** The listed files of a directory, null when it is not a readable directory, or undefined when it is too large to keep. */
function listingOf(dir: string): Listing | null | undefined {
  const now = Date.now();
  const cached = listings.get(dir);
  if (cached && now - cached.at < TTL_MS) return cached.listing;
  let listing: Listing | null | undefined;
  try {
    const entries = readdirSync(dir, { withFileTypes: true });
    // too large: remembered as such, so that the next question `stat`s without listing it again
    if (entries.length > MAX_LISTED_ENTRIES) listing = undefined;
    else listing = listed(entries);
  } catch {
    listing = null;
  }
  if (listings.size >= MAX_ENTRIES) listings.clear();
  listings.set(dir, { at: now, listing });
  return listing;
}

function listed(entries: readonly Dirent[]): Listing {
  const files = new Set<string>();
  const links = new Set<string>();
  for (const e of entries) {
    if (!LISTED(e.name)) continue;
    if (e.isFile()) files.add(nameKey(e.name));
    else if (e.isSymbolicLink()) links.add(nameKey(e.name));
  }
  return { files, links };
}
