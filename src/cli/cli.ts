#!/usr/bin/env node
/**
 * `torch2tf [paths…]`: the migration audit, built on the ESLint Node API. See `torch2tf --help`
 * and docs/cli.md. Exit codes: 0 no findings, 1 findings, 2 usage or config error.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { HELP, parseArgs, UsageError, type CliOptions } from './args.js';
import { ConfigError, resolveSetup } from './config.js';
import { unifiedDiff } from './diff.js';
import { formatGithub, formatSarif, formatStepSummary, type RulesMeta } from './formatters.js';
import { applySuggestions, dropForeignRuleErrors, lintFilesRecovering, progressConfig, progressReporter } from './lint.js';
import { formatReport } from './report.js';
import plugin from '../index.js';
import { PACKAGE } from '../package-info.js';

export interface Io {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly stderrIsTTY: boolean;
  /** Terminal width of stdout (process.stdout.columns); undefined when piped. */
  readonly columns?: number;
  /** Environment variables the CLI reads (GITHUB_STEP_SUMMARY); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function ruleIdOf(name: string): string | null {
  const bare = name.startsWith('torch2tf/') ? name.slice('torch2tf/'.length) : name;
  return Object.hasOwn(plugin.rules, bare) ? `torch2tf/${bare}` : null;
}

function validate(opts: CliOptions, cwd: string): Set<string> {
  for (const p of opts.paths) {
    if (!/[*?[\]{}]/.test(p) && !existsSync(resolve(cwd, p))) throw new UsageError(`no such file or directory: ${p}`);
  }
  const ids = new Set<string>();
  for (const name of opts.applySuggestions) {
    const id = ruleIdOf(name);
    if (!id) {
      throw new UsageError(`--apply-suggestions: unknown rule "${name}"; torch2tf rules are: ${Object.keys(plugin.rules).sort().join(', ')}`);
    }
    ids.add(id);
  }
  return ids;
}

function rulesMetaFor(eslint: ESLint, results: ESLint.LintResult[]): RulesMeta {
  const meta: RulesMeta = {};
  for (const [name, rule] of Object.entries(plugin.rules)) meta[`torch2tf/${name}`] = (rule as { meta?: RulesMeta[string] }).meta;
  try {
    Object.assign(meta, eslint.getRulesMetaForResults(results.filter((r) => r.fatalErrorCount === 0)));
  } catch {
    // results of files ESLint could not read have no config: their messages have no rule anyway
  }
  return meta;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
    if (opts.help) {
      io.stdout(HELP);
      return 0;
    }
    if (opts.version) {
      io.stdout(`${PACKAGE.version}\n`);
      return 0;
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`torch2tf: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  try {
    return await audit(opts, io);
  } catch (err) {
    const usage = err instanceof UsageError || err instanceof ConfigError;
    const msg = err instanceof Error ? (usage ? err.message : (err.stack ?? err.message)) : String(err);
    io.stderr(`torch2tf: ${usage ? '' : 'configuration or internal error: '}${msg}\n`);
    return 2;
  }
}

async function audit(opts: CliOptions, io: Io): Promise<number> {
  const { cwd } = io;
  const suggestionRules = validate(opts, cwd);
  const setup = await resolveSetup(opts.configMode, opts.typed, cwd, opts.paths);
  if (setup.note) io.stderr(`torch2tf: ${setup.note}\n`);

  const showProgress = opts.progress ?? io.stderrIsTTY;
  const progress = showProgress ? progressReporter(io.stderr, opts.progress === true) : null;
  const extraConfig: Linter.Config[] = progress ? [progressConfig(progress.onFile)] : [];
  const fix = opts.fix || opts.fixDryRun;
  const make = (ignorePatterns: string[], withFix: boolean) =>
    new ESLint({
      ...setup.options,
      overrideConfig: [...((setup.options.overrideConfig as Linter.Config[] | undefined) ?? []), ...extraConfig],
      ignorePatterns,
      fix: withFix,
      warnIgnored: false,
      errorOnUnmatchedPattern: false,
    });
  const run = await lintFilesRecovering((ig) => make(ig, fix), cwd, opts.paths);
  progress?.done();
  const { eslint } = run;
  // Files of a kind the built-in config cannot lint here (no parser / plugin installed): listed once, not linted.
  const skippedKinds = setup.skipped ?? [];
  const skipped = skippedKinds.map((k) => ({ reason: k.reason, files: run.results.filter((r) => k.test(r.filePath)).map((r) => r.filePath) }));
  const linted = run.results.filter((r) => !skippedKinds.some((k) => k.test(r.filePath)));
  const results = setup.mode === 'builtin' ? dropForeignRuleErrors(linted) : linted;

  const diffs: string[] = [];
  const written: string[] = [];
  /** The text of each changed file before this run touched it. */
  const originals = new Map<string, string>();
  const display = (f: string) => relative(cwd, f).split(sep).join('/');
  if (fix) {
    for (const r of results) {
      if (r.output === undefined) continue;
      const original = readFileSync(r.filePath, 'utf8');
      originals.set(r.filePath, original);
      diffs.push(unifiedDiff(display(r.filePath), original, r.output));
      written.push(r.filePath);
    }
    if (opts.fix) await ESLint.outputFixes(results);
  }

  let finalResults = results;
  if (suggestionRules.size > 0) {
    // On top of the autofixes when --fix/--fix-dry-run is given (the instance re-applies them in memory).
    const changes = await applySuggestions(eslint, results, suggestionRules);
    const byFile = new Map(changes.map((c) => [c.filePath, c]));
    for (const c of changes) {
      const i = written.indexOf(c.filePath);
      const diff = unifiedDiff(display(c.filePath), originals.get(c.filePath) ?? c.before, c.after);
      if (i >= 0) diffs.splice(i, 1, diff);
      else {
        diffs.push(diff);
        written.push(c.filePath);
      }
      if (!opts.fixDryRun) writeFileSync(c.filePath, c.after);
    }
    finalResults = results.map((r) => {
      const c = byFile.get(r.filePath);
      return c ? { ...c.result, filePath: r.filePath } : r;
    });
    if (setup.mode === 'builtin') finalResults = dropForeignRuleErrors(finalResults);
    const applied: Record<string, number> = {};
    for (const c of changes) for (const [id, n] of Object.entries(c.applied)) applied[id] = (applied[id] ?? 0) + n;
    const summary = Object.entries(applied).map(([id, n]) => `${n} × ${id}`).join(', ');
    io.stderr(`torch2tf: ${opts.fixDryRun ? 'would apply' : 'applied'} suggestions: ${summary || 'none'}\n`);
  }

  const rulesMeta = rulesMetaFor(eslint, finalResults);
  let text: string;
  switch (opts.format) {
    case 'report':
      text = formatReport(finalResults, {
        cwd,
        configDescription: setup.description,
        rulesMeta,
        written,
        dryRun: opts.fixDryRun,
        skipped,
        ...(io.columns ? { width: io.columns } : {}),
      });
      break;
    case 'sarif':
      text = formatSarif(finalResults, rulesMeta, cwd);
      break;
    case 'github': {
      text = formatGithub(finalResults, cwd);
      const summaryFile = io.env?.['GITHUB_STEP_SUMMARY'];
      if (summaryFile) appendFileSync(summaryFile, formatStepSummary(finalResults, rulesMeta));
      break;
    }
    default:
      text = await (await eslint.loadFormatter(opts.format)).format(finalResults, { cwd, rulesMeta } as never);
  }

  // Diffs go with human output; next to a machine format they go to stderr so stdout stays parseable.
  const diffText = diffs.join('');
  const machine = opts.format !== 'report' && opts.format !== 'stylish';
  const showDiff = opts.fixDryRun || suggestionRules.size > 0;
  if (showDiff && diffText) {
    if (machine && !opts.output) io.stderr(diffText);
    else io.stdout(diffText + '\n');
  }
  if (opts.output) {
    const file = resolve(cwd, opts.output);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } else io.stdout(text);

  if (opts.format !== 'report') {
    for (const k of skipped) if (k.files.length > 0) io.stderr(`torch2tf: not linted: ${k.files.length} file(s), ${k.reason}\n`);
  }
  if (finalResults.length === 0) {
    // Nothing audited is a broken setup, not a clean bill (a CI step must not pass on it): exit 2, as ESLint does.
    const notLinted = skipped.filter((k) => k.files.length > 0);
    const why = notLinted.length > 0
      ? `the files found need what is not installed (${notLinted.map((k) => k.reason).join('; ')})`
      : `no .js/.mjs/.cjs/.ts/.tsx/.mts/.cts${setup.mode === 'builtin' ? '/.html' : ''} file under ${opts.paths.join(', ')} that is not ignored (node_modules, .gitignore, the config's ignores)`;
    io.stderr(`torch2tf: warning: 0 files linted: ${why}\n`);
    return 2;
  }
  const errors = finalResults.reduce((n, r) => n + r.errorCount, 0);
  const warnings = finalResults.reduce((n, r) => n + r.warningCount, 0);
  if (setup.mode === 'project' && !finalResults.some((r) => r.messages.some((m) => m.ruleId?.startsWith('torch2tf/')))) {
    const files = finalResults.filter((r) => r.fatalErrorCount === 0);
    if (files.length > 0) {
      const cfg = (await eslint.calculateConfigForFile(files[0]!.filePath).catch(() => null)) as { rules?: Record<string, unknown> } | null;
      if (cfg && !Object.keys(cfg.rules ?? {}).some((id) => id.startsWith('torch2tf/'))) {
        io.stderr('torch2tf: the project config enables no torch2tf rule; add torch2tf.configs.recommended, or run with --config-mode builtin\n');
      }
    }
  }
  if (errors > 0) return 1;
  return warnings > (opts.maxWarnings ?? 0) ? 1 : 0;
}

function isMain(): boolean {
  try {
    return !!process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// Run when executed (through the `torch2tf` bin link too), not when imported by a test.
if (isMain()) {
  run(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    stderrIsTTY: process.stderr.isTTY === true,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : Number(process.env['COLUMNS']) > 0 ? { columns: Number(process.env['COLUMNS']) } : {}),
    env: process.env,
  }).then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      process.stderr.write(`torch2tf: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
