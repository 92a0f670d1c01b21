/**
 * Command-line parsing for `torch2tf`. Pure: no I/O, so the usage rules are unit-testable.
 * Every usage mistake throws `UsageError` (exit code 2).
 */

export const FORMATS = ['report', 'stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const CONFIG_MODES = ['auto', 'project', 'builtin'] as const;
export type ConfigMode = (typeof CONFIG_MODES)[number];

export interface CliOptions {
  readonly paths: readonly string[];
  readonly configMode: ConfigMode;
  readonly format: Format;
  readonly output: string | null;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  /** Rule names as given (with or without the `torch2tf/` prefix); validated against the plugin later. */
  readonly applySuggestions: readonly string[];
  readonly maxWarnings: number | null;
  readonly typed: boolean;
  /** `null`: show the progress line only when stderr is a TTY. */
  readonly progress: boolean | null;
  readonly help: boolean;
  readonly version: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `Usage: torch2tf [options] [paths...]

Audits TensorFlow.js code for PyTorch habits (a migration report), through the ESLint Node API.
Lints .ts/.tsx/.mts/.cts/.js/.mjs/.cjs files under the given paths (default: .), skipping node_modules and
ignored files.

Config:
  --config-mode MODE        auto (default): the project's eslint.config.* when one covers the
                            paths, else the plugin's recommended config;
                            project: always the project's config; builtin: always the plugin's
  --typed                   builtin config with type information (recommended-type-checked,
                            projectService and the nearest tsconfig.json)

Fixing:
  --fix                     apply the safe autofixes and write the files
  --fix-dry-run             show the autofixes as a unified diff; write nothing
  --apply-suggestions RULE  also apply the first suggestion of every finding of RULE (repeatable,
                            or comma-separated); writes the files (nothing with --fix-dry-run)
                            and shows the diff. Suggestions change behaviour: review the diff.

Output:
  -f, --format FORMAT       report (default) | stylish | json | sarif | github
  -o, --output FILE         write the formatted result to FILE instead of stdout
  --max-warnings N          exit 1 when there are more than N warnings (errors always do)
  --progress, --no-progress force the progress line on stderr on or off (default: when a TTY)
  -h, --help                show this help
  -v, --version             show the version

Exit codes:
  0  no findings
  1  findings (or more warnings than --max-warnings)
  2  usage or config error (unknown flag, bad --format, missing path, unknown rule name)
`;

const VALUE_FLAGS = new Set(['--config-mode', '--format', '-f', '--output', '-o', '--max-warnings', '--apply-suggestions']);
const BOOLEAN_FLAGS = new Set(['--fix', '--fix-dry-run', '--typed', '--progress', '--no-progress', '--help', '-h', '--version', '-v']);

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
  }
  return value as T;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const paths: string[] = [];
  let configMode: ConfigMode = 'auto';
  let format: Format = 'report';
  let output: string | null = null;
  let fix = false;
  let fixDryRun = false;
  const applySuggestions: string[] = [];
  let maxWarnings: number | null = null;
  let typed = false;
  let progress: boolean | null = null;
  let help = false;
  let version = false;
  let onlyPaths = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPaths || arg === '-' || !arg.startsWith('-')) {
      if (arg === '-' && !onlyPaths) throw new UsageError('reading from stdin is not supported; pass file or directory paths');
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN_FLAGS.has(flag)) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      switch (flag) {
        case '--fix': fix = true; break;
        case '--fix-dry-run': fixDryRun = true; break;
        case '--typed': typed = true; break;
        case '--progress': progress = true; break;
        case '--no-progress': progress = false; break;
        case '--help': case '-h': help = true; break;
        default: version = true;
      }
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) throw new UsageError(`unknown option "${flag}" (see torch2tf --help)`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`${flag} needs a value`);
      value = next;
      i++;
    }
    switch (flag) {
      case '--config-mode': configMode = oneOf(flag, value, CONFIG_MODES); break;
      case '--format': case '-f': format = oneOf(flag, value, FORMATS); break;
      case '--output': case '-o':
        if (value === '') throw new UsageError('--output needs a file name');
        output = value;
        break;
      case '--max-warnings':
        if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings must be a non-negative integer; got "${value}"`);
        maxWarnings = Number(value);
        break;
      default: {
        const names = value.split(',').map((s) => s.trim()).filter(Boolean);
        if (names.length === 0) throw new UsageError('--apply-suggestions needs a rule name');
        applySuggestions.push(...names);
      }
    }
  }
  if (fix && fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (typed && configMode === 'project') throw new UsageError('--typed builds its own config; it cannot be combined with --config-mode project');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    configMode: typed ? 'builtin' : configMode,
    format,
    output,
    fix,
    fixDryRun,
    applySuggestions,
    maxWarnings,
    typed,
    progress,
    help,
    version,
  };
}
