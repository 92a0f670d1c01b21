/**
 * Which ESLint config the `torch2tf` CLI lints with:
 * - `project`: the project's own `eslint.config.*` (ESLint's normal lookup), untouched.
 * - `builtin`: the plugin's `recommended` config (or `recommended-type-checked` with `--typed`),
 *   `.ts/.tsx` through @typescript-eslint/parser, the project's `.gitignore` honoured.
 * - `auto`: `project` when an `eslint.config.*` covers every given path (finds it and does not
 *   ignore it), else `builtin`. A config that ignores the audited path (e.g. a repository that
 *   excludes its fixtures from its own lint) does not describe how that code should be audited.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint, type Linter } from 'eslint';
import type { ConfigMode } from './args.js';
import plugin from '../index.js';

export const LINTED_FILES = ['**/*.{js,mjs,cjs,ts,tsx}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TS_FILES = ['**/*.{ts,tsx}'];

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

const NO_TS_PARSER = 'cannot load @typescript-eslint/parser: .ts/.tsx files are skipped (npm install --save-dev @typescript-eslint/parser)';

async function builtinConfig(cwd: string, typed: boolean, firstPath: string): Promise<{ configs: Linter.Config[]; note?: string }> {
  const tsParser = await loadTsParser();
  if (!tsParser && typed) throw new ConfigError(NO_TS_PARSER.replace(': .ts/.tsx files are skipped', ''));
  const ignores = gitignorePatterns(cwd);
  const configs: Linter.Config[] = [
    { name: 'torch2tf-cli/files', files: tsParser ? LINTED_FILES : JS_FILES },
    ...(ignores.length > 0 ? [{ name: 'torch2tf-cli/gitignore', ignores }] : []),
    // Directives for rules of the project's own config (not loaded here) must not turn into findings.
    { name: 'torch2tf-cli/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
    { ...(plugin.configs.recommended as Linter.Config), files: LINTED_FILES },
    { name: 'torch2tf-cli/jsx', files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    ...(tsParser ? [{ name: 'torch2tf-cli/typescript', files: TS_FILES, languageOptions: { parser: tsParser } }] : []),
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
  return tsParser ? { configs } : { configs, note: NO_TS_PARSER };
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
    const builtin = await builtinConfig(cwd, false, absPaths[0]!);
    const notes = [
      configFile ? `the project config ${configFile} does not cover ${relative(cwd, uncovered!) || '.'}: using the built-in recommended config` : null,
      builtin.note ?? null,
    ].filter((n): n is string => n !== null);
    return {
      mode: 'builtin',
      description: 'built-in torch2tf recommended config',
      options: { cwd, overrideConfigFile: true, overrideConfig: builtin.configs },
      ...(notes.length > 0 ? { note: notes.join('\ntorch2tf: ') } : {}),
    };
  }
  const builtin = await builtinConfig(cwd, typed, absPaths[0]!);
  return {
    mode: 'builtin',
    description: typed ? 'built-in torch2tf recommended-type-checked config' : 'built-in torch2tf recommended config',
    options: { cwd, overrideConfigFile: true, overrideConfig: builtin.configs },
    ...(builtin.note ? { note: builtin.note } : {}),
  };
}
