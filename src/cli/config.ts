/**
 * Which ESLint config the `torch2tf` CLI lints with:
 * - `project`: the project's own `eslint.config.*` (ESLint's normal lookup), untouched.
 * - `builtin`: the plugin's `recommended` config (or `recommended-type-checked` with `--typed`),
 *   `.ts/.tsx/.mts/.cts` through @typescript-eslint/parser, the project's `.gitignore` honoured.
 * - `auto`: `project` when an `eslint.config.*` covers every given path (finds it and does not
 *   ignore it), else `builtin`. A config that ignores the audited path (e.g. a repository that
 *   excludes its fixtures from its own lint) does not describe how that code should be audited.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import type { ConfigMode } from './args.js';
import plugin from '../index.js';

export const LINTED_FILES = ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
export const HTML_FILES = ['**/*.{html,htm}'];

/** Files ESLint finds but the built-in config cannot lint here, and what would lint them. */
export interface SkippedKind {
  readonly test: (filePath: string) => boolean;
  readonly reason: string;
}

/**
 * A parser that reads nothing: files of a kind the CLI cannot lint (no parser installed) go through
 * it, so ESLint's own discovery (ignores, .gitignore) lists them, and the CLI reports them as
 * skipped instead of as parse errors.
 */
export const SKIP_PARSER: Linter.Parser = {
  meta: { name: 'torch2tf-cli/skip' },
  parse(text: string) {
    const lines = text.split(/\r\n|[\r\n\u2028\u2029]/);
    return {
      type: 'Program',
      body: [],
      sourceType: 'script',
      range: [0, text.length],
      loc: { start: { line: 1, column: 0 }, end: { line: lines.length, column: lines[lines.length - 1]!.length } },
      tokens: [],
      comments: [],
    } as never;
  },
};

/** A page that loads tfjs with a script tag (CDN or a local copy of the bundle): `tf` is its global. */
export const LOADS_TFJS = /<script\b[^>]*\bsrc\s*=\s*["']?[^"'>\s]*(?:@tensorflow\/tfjs|\/tfjs(?:@[^/"'>\s]*)?\/dist\/|\btf(?:\.es\d+)?(?:\.min)?\.js\b)/i;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface LintSetup {
  readonly mode: 'project' | 'builtin';
  /** Human description of the config in use, for the report header. */
  readonly description: string;
  /** Options for `new ESLint(...)` (without fix/ignore extras). */
  readonly options: ESLint.Options;
  /** Why `auto` chose what it chose (shown on stderr), if worth saying. */
  readonly note?: string;
  /** Results of these files are not lint results (listed as skipped, not counted). */
  readonly skipped?: readonly SkippedKind[];
}

/**
 * Converts one `.gitignore` line to a flat-config ignore pattern (the conversion of
 * `@eslint/compat`'s `includeIgnoreFile`): unanchored patterns match at any depth, a leading `/`
 * anchors to the root, a trailing `/` matches directories only.
 */
export function gitignoreLineToGlob(line: string): string | null {
  const trimmed = line.replace(/(?<!\\)\s+$/, '');
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const negated = trimmed.startsWith('!');
  let p = negated ? trimmed.slice(1) : trimmed;
  if (p.startsWith('\\#') || p.startsWith('\\!')) p = p.slice(1);
  if (['', '**', '/**', '**/'].includes(p)) return (negated ? '!' : '') + p;
  const slash = p.indexOf('/');
  const everywhere = slash < 0 || slash === p.length - 1 ? '**/' : '';
  const body = (slash === 0 ? p.slice(1) : p).replace(/[{(]/g, '\\$&');
  const inside = p.endsWith('/**') ? '/*' : '';
  return `${negated ? '!' : ''}${everywhere}${body}${inside}`;
}

function gitignorePatterns(cwd: string): string[] {
  const file = join(cwd, '.gitignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map(gitignoreLineToGlob)
    .filter((p): p is string => p !== null);
}

function nearestTsconfigDir(start: string): string | null {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'tsconfig.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

/** @typescript-eslint/parser (an optional peer dependency), or null when it is not installed. */
async function loadTsParser(): Promise<Linter.Parser | null> {
  try {
    const mod = (await import('@typescript-eslint/parser')) as { default?: Linter.Parser } & Linter.Parser;
    // CommonJS: `default` is module.exports under Node's loader; some loaders (tsx) expose only the named exports.
    return mod.default ?? mod;
  } catch {
    return null;
  }
}

/** eslint-plugin-html (an optional peer dependency), or null when it is not installed. */
async function loadHtmlPlugin(): Promise<object | null> {
  try {
    const mod = (await import('eslint-plugin-html')) as { default?: object };
    return mod.default ?? mod;
  } catch {
    return null;
  }
}

function escapeGlob(p: string): string {
  return p.replace(/[*?[\]{}()!\\]/g, '\\$&');
}

/**
 * Per-page configs for the HTML files under `paths` that load tfjs with a script tag: `tf` is then
 * a tfjs global there (settings.torch2tf.globals). ESLint's discovery lists the pages (through the
 * skip parser), so ignores are the same as in the real run.
 */
async function tfjsPages(cwd: string, paths: readonly string[], ignores: readonly string[]): Promise<Linter.Config[]> {
  const finder = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: HTML_FILES, languageOptions: { parser: SKIP_PARSER } },
      ...(ignores.length > 0 ? [{ ignores: [...ignores] }] : []),
    ],
    warnIgnored: false,
    errorOnUnmatchedPattern: false,
  });
  let results: ESLint.LintResult[];
  try {
    results = await finder.lintFiles([...paths]);
  } catch {
    return [];
  }
  const pages = results
    .filter((r) => HTML_TEST(r.filePath) && LOADS_TFJS.test(readFileSync(r.filePath, 'utf8')))
    .map((r) => escapeGlob(relative(cwd, r.filePath).split(sep).join('/')));
  return pages.length === 0 ? [] : [{ name: 'torch2tf-cli/tfjs-script-tag-pages', files: pages, settings: { torch2tf: { globals: ['tf'] } } }];
}

const HTML_TEST = (f: string): boolean => /\.html?$/i.test(f);
const TS_TEST = (f: string): boolean => /\.(?:tsx?|mts|cts)$/i.test(f);
const NO_HTML_PLUGIN = 'HTML pages: npm install --save-dev eslint-plugin-html to audit their inline <script> blocks';

const NO_TS_PARSER = 'cannot load @typescript-eslint/parser: .ts/.tsx/.mts/.cts files are skipped (npm install --save-dev @typescript-eslint/parser)';

interface Builtin {
  configs: Linter.Config[];
  note?: string;
  skipped: SkippedKind[];
}

async function builtinConfig(cwd: string, typed: boolean, paths: readonly string[]): Promise<Builtin> {
  const firstPath = paths[0]!;
  const tsParser = await loadTsParser();
  if (!tsParser && typed) throw new ConfigError(NO_TS_PARSER.replace(': .ts/.tsx/.mts/.cts files are skipped', ''));
  const html = await loadHtmlPlugin();
  const ignores = gitignorePatterns(cwd);
  const lintable = [...JS_FILES, ...(tsParser ? TS_FILES : []), ...(html ? HTML_FILES : [])];
  const skipped: SkippedKind[] = [];
  if (!tsParser) skipped.push({ test: TS_TEST, reason: '.ts/.tsx/.mts/.cts files need @typescript-eslint/parser: npm install --save-dev @typescript-eslint/parser' });
  if (!html) skipped.push({ test: HTML_TEST, reason: NO_HTML_PLUGIN });
  const configs: Linter.Config[] = [
    { name: 'torch2tf-cli/files', files: [...JS_FILES, ...TS_FILES, ...HTML_FILES] },
    ...(ignores.length > 0 ? [{ name: 'torch2tf-cli/gitignore', ignores }] : []),
    // Directives for rules of the project's own config (not loaded here) must not turn into findings.
    { name: 'torch2tf-cli/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { ...(plugin.configs.recommended as Linter.Config), files: lintable },
    { name: 'torch2tf-cli/jsx', files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(tsParser ? [{ name: 'torch2tf-cli/typescript', files: TS_FILES, languageOptions: { parser: tsParser } }] : []),
    ...(html
      ? [
          { name: 'torch2tf-cli/html', files: HTML_FILES, plugins: { html } } as Linter.Config,
          ...(await tfjsPages(cwd, paths, ignores)),
        ]
      : []),
    ...skipped.map((k, i): Linter.Config => ({
      name: `torch2tf-cli/skip-${i}`,
      files: k.test === TS_TEST ? TS_FILES : HTML_FILES,
      languageOptions: { parser: SKIP_PARSER },
    })),
  ];
  if (typed) {
    const start = statSync(firstPath, { throwIfNoEntry: false })?.isDirectory() ? firstPath : dirname(firstPath);
    const tsconfigRootDir = nearestTsconfigDir(start);
    if (!tsconfigRootDir) throw new ConfigError(`--typed needs a tsconfig.json; none found from ${start} upwards`);
    configs.push(
      { ...(plugin.configs['recommended-type-checked'] as Linter.Config), files: TS_FILES },
      {
        name: 'torch2tf-cli/typescript-typed',
        files: TS_FILES,
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
      },
    );
  }
  return { configs, skipped };
}

/**
 * The project config file for `absPath` and whether it covers it (does not ignore it): a file, or a
 * directory probed with a .js and a .ts file name. Loading errors of the config propagate.
 */
async function projectCoverage(eslint: ESLint, absPath: string): Promise<{ configFile: string | null; covered: boolean }> {
  const isDir = statSync(absPath, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const probes = isDir ? [join(absPath, '__torch2tf_probe__.js'), join(absPath, '__torch2tf_probe__.ts')] : [absPath];
  let configFile: string | null = null;
  for (const probe of probes) {
    configFile = (await eslint.findConfigFile(probe)) ?? null;
    if (!configFile) return { configFile: null, covered: false };
    if (!(await eslint.isPathIgnored(probe))) return { configFile, covered: true };
  }
  return { configFile, covered: false };
}

export async function resolveSetup(mode: ConfigMode, typed: boolean, cwd: string, paths: readonly string[]): Promise<LintSetup> {
  const absPaths = paths.map((p) => resolve(cwd, p));
  if (mode !== 'builtin') {
    const project = new ESLint({ cwd });
    let configFile: string | null = null;
    let uncovered: string | null = null;
    for (const p of absPaths) {
      let found: { configFile: string | null; covered: boolean };
      try {
        found = await projectCoverage(project, p);
      } catch (err) {
        throw new ConfigError(`cannot load the project's ESLint config: ${err instanceof Error ? err.message : String(err)}`);
      }
      configFile ??= found.configFile;
      if (!found.covered) uncovered ??= p;
    }
    if (mode === 'project' || (configFile && !uncovered)) {
      const where = configFile ?? (await project.findConfigFile(absPaths[0]));
      if (!where) throw new ConfigError('--config-mode project: no eslint.config.* found for the given paths');
      return { mode: 'project', description: `project config ${where}`, options: { cwd } };
    }
    const builtin = await builtinConfig(cwd, false, absPaths);
    return {
      mode: 'builtin',
      description: 'built-in torch2tf recommended config',
      options: { cwd, overrideConfigFile: true, overrideConfig: builtin.configs },
      skipped: builtin.skipped,
      ...(configFile
        ? { note: `the project config ${configFile} does not cover ${relative(cwd, uncovered!) || '.'}: using the built-in recommended config` }
        : {}),
    };
  }
  const builtin = await builtinConfig(cwd, typed, absPaths);
  return {
    mode: 'builtin',
    description: typed ? 'built-in torch2tf recommended-type-checked config' : 'built-in torch2tf recommended config',
    options: { cwd, overrideConfigFile: true, overrideConfig: builtin.configs },
    skipped: builtin.skipped,
  };
}
