/**
 * Running ESLint for the CLI: unreadable files reported instead of aborting the run, an optional
 * progress line, and `--apply-suggestions` (which ESLint itself cannot do from the command line).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ESLint, type Linter } from 'eslint';

const READ_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'EIO', 'ELOOP', 'ENAMETOOLONG', 'ENXIO', 'EINVAL']);

function escapeGlob(p: string): string {
  return p.replace(/[*?[\]{}()!\\]/g, '\\$&');
}

/** A `LintResult` for a file ESLint could not read (shaped like a fatal parse error). */
export function unreadableResult(filePath: string, message: string): ESLint.LintResult {
  return {
    filePath,
    messages: [{ ruleId: null, fatal: true, severity: 2, message: `Cannot read file: ${message}`, line: 0, column: 0 }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** Counts the distinct files ESLint lints, through a no-op rule (ESLint has no progress callback). */
export function progressConfig(onFile: (filePath: string) => void): Linter.Config {
  const seen = new Set<string>();
  return {
    name: 'torch2tf-cli/progress',
    plugins: {
      'torch2tf-cli': {
        meta: { name: 'torch2tf-cli-progress', version: '1.0.0' },
        rules: {
          progress: {
            meta: { type: 'suggestion', schema: [] },
            create(context) {
              if (!seen.has(context.filename)) {
                seen.add(context.filename);
                onFile(context.filename);
              }
              return {};
            },
          },
        },
      },
    },
    rules: { 'torch2tf-cli/progress': 'error' },
  };
}

const FOREIGN_RULE = /^Definition for rule '([^']+)' was not found\.$/;

/**
 * Under the built-in config, `eslint-disable` comments name rules of the project's own config
 * (`@typescript-eslint/no-explicit-any`, …) that are not loaded; ESLint reports each as "Definition
 * for rule … was not found". They say nothing about the audit: drop them (not torch2tf's own).
 */
export function dropForeignRuleErrors(results: readonly ESLint.LintResult[]): ESLint.LintResult[] {
  return results.map((r) => {
    const foreign = r.messages.filter((m) => {
      const name = FOREIGN_RULE.exec(m.message)?.[1];
      return name !== undefined && m.ruleId === name && !name.startsWith('torch2tf/');
    });
    if (foreign.length === 0) return r;
    const messages = r.messages.filter((m) => !foreign.includes(m));
    return {
      ...r,
      messages,
      errorCount: messages.filter((m) => m.severity === 2).length,
      warningCount: messages.filter((m) => m.severity === 1).length,
    };
  });
}

const LARGE_TREE = 100;

/** `forced` (--progress): from the first file; otherwise (a TTY) only for trees big enough to wait on. */
export function progressReporter(write: (s: string) => void, forced: boolean): { onFile: (f: string) => void; done: () => void } {
  let count = 0;
  let shown = false;
  let last = 0;
  const started = Date.now();
  return {
    onFile() {
      count++;
      const now = Date.now();
      // A large tree (100 files) or a slow one (half a second) earns the line; at most ten updates a second.
      if ((!forced && now - started < 500 && count < LARGE_TREE) || (shown && now - last < 100)) return;
      last = now;
      shown = true;
      write(`\r\x1b[Ktorch2tf: ${count} files linted…`);
    },
    done() {
      if (shown) write(`\r\x1b[Ktorch2tf: ${count} files linted\n`);
    },
  };
}

export interface LintRun {
  readonly eslint: ESLint;
  readonly results: ESLint.LintResult[];
}

/**
 * `eslint.lintFiles(patterns)`, but a file that cannot be read (a dangling symlink, a directory
 * named like a source file, an I/O error) becomes a fatal result and the run goes on: ESLint
 * aborts the whole run on the first such file, so it is ignored and the lint is repeated.
 */
export async function lintFilesRecovering(
  makeESLint: (extraIgnorePatterns: string[]) => ESLint,
  cwd: string,
  patterns: readonly string[],
): Promise<LintRun> {
  const unreadable = new Map<string, string>();
  for (;;) {
    const ignores = [...unreadable.keys()].map((f) => escapeGlob(relative(cwd, f).split('\\').join('/')));
    const eslint = makeESLint(ignores);
    try {
      const results = await eslint.lintFiles([...patterns]);
      const extra = [...unreadable].map(([file, msg]) => unreadableResult(file, msg));
      return { eslint, results: [...results, ...extra].sort((a, b) => a.filePath.localeCompare(b.filePath)) };
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (!e || !e.code || !READ_ERRORS.has(e.code) || typeof e.path !== 'string' || unreadable.has(e.path) || unreadable.size >= 1000) {
        throw err;
      }
      unreadable.set(e.path, `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}`);
    }
  }
}

export interface SuggestionChange {
  readonly filePath: string;
  readonly before: string;
  readonly after: string;
  /** Applied suggestions per rule id. */
  readonly applied: Record<string, number>;
  /** The lint result of `after` (what is left). */
  readonly result: ESLint.LintResult;
}

type Fix = { range: [number, number]; text: string };

/** The first suggestions of `ruleIds`' messages that do not overlap (ESLint's rule for merging fixes). */
export function pickSuggestions(messages: readonly Linter.LintMessage[], ruleIds: ReadonlySet<string>): { fix: Fix; ruleId: string }[] {
  const candidates = messages
    .filter((m) => m.ruleId && ruleIds.has(m.ruleId) && m.suggestions && m.suggestions.length > 0)
    .map((m) => ({ fix: m.suggestions![0]!.fix as Fix, ruleId: m.ruleId! }))
    .sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1]);
  const picked: { fix: Fix; ruleId: string }[] = [];
  let lastEnd = -Infinity;
  for (const c of candidates) {
    if (c.fix.range[0] <= lastEnd) continue;
    picked.push(c);
    lastEnd = c.fix.range[1];
  }
  return picked;
}

export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let out = '';
  let pos = 0;
  for (const f of [...fixes].sort((a, b) => a.range[0] - b.range[0])) {
    out += text.slice(pos, f.range[0]) + f.text;
    pos = f.range[1];
  }
  return out + text.slice(pos);
}

/**
 * Applies the first suggestion of every finding of `ruleIds` in each file of `results`:
 * non-overlapping suggestions per pass, then re-lint (with the instance's own `fix` setting) and
 * repeat, at most `maxPasses` times. Returns the changed files; writes nothing.
 */
export async function applySuggestions(
  eslint: ESLint,
  results: readonly ESLint.LintResult[],
  ruleIds: ReadonlySet<string>,
  maxPasses = 10,
): Promise<SuggestionChange[]> {
  const changes: SuggestionChange[] = [];
  for (const r of results) {
    if (r.fatalErrorCount > 0 || !r.messages.some((m) => m.ruleId && ruleIds.has(m.ruleId) && m.suggestions?.length)) continue;
    const before = readFileSync(r.filePath, 'utf8');
    let text = before;
    let applied: Record<string, number> = {};
    let last: ESLint.LintResult | undefined;
    let previous: { text: string; result: ESLint.LintResult; applied: Record<string, number> } | undefined;
    for (let pass = 0; pass <= maxPasses; pass++) {
      [last] = await eslint.lintText(text, { filePath: r.filePath });
      if (last!.fatalErrorCount > 0 && previous) {
        // The suggestions of the last pass broke the syntax: keep the text from before them.
        text = previous.text;
        last = previous.result;
        applied = previous.applied;
        break;
      }
      text = last!.output ?? text;
      const picks = pickSuggestions(last!.messages, ruleIds);
      if (picks.length === 0 || pass === maxPasses) break;
      previous = { text, result: last!, applied: { ...applied } };
      for (const p of picks) applied[p.ruleId] = (applied[p.ruleId] ?? 0) + 1;
      text = applyFixes(text, picks.map((p) => p.fix));
    }
    if (text !== before) changes.push({ filePath: r.filePath, before, after: text, applied, result: last! });
  }
  return changes;
}
