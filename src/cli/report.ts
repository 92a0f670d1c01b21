/**
 * The human migration report of the `torch2tf` CLI (the default `--format report`):
 * a summary per rule, then the findings grouped by file, then what needs a human (findings with
 * neither an autofix nor a suggestion), then the files that could not be read or parsed.
 */
import { relative, sep } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { RulesMeta } from './formatters.js';
import { memorySummary } from './memory.js';

export interface ReportContext {
  readonly cwd: string;
  readonly configDescription: string;
  readonly rulesMeta: RulesMeta;
  /** Files written by `--fix` / `--apply-suggestions` (absolute paths). */
  readonly written?: readonly string[];
  readonly dryRun?: boolean;
  /** Terminal width to wrap to (process.stdout.columns); default DEFAULT_WIDTH, clamped to [80, 160]. */
  readonly width?: number;
  /** Files not linted, with the reason and how to lint them (e.g. `.ts` without the parser). */
  readonly skipped?: readonly { readonly files: readonly string[]; readonly reason: string }[];
}

/** Width when stdout is not a terminal (piped to a file, a pager, a CI log). */
export const DEFAULT_WIDTH = 100;

/** Word-wraps `text` to `width` columns; continuation lines get `indent`. Words longer than a line (URLs) are kept whole. */
export function wrap(text: string, width: number, first = '', indent = ' '.repeat(first.length)): string[] {
  const lines: string[] = [];
  const lead = /^ */.exec(text)![0];
  let line = first + lead;
  text = text.slice(lead.length);
  let empty = true;
  for (const word of text.split(/ +/)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}


interface RuleSummary {
  count: number;
  fixable: number;
  suggestions: number;
  humans: number;
}

function display(cwd: string, filePath: string): string {
  const rel = relative(cwd, filePath);
  return (rel === '' || rel.startsWith('..') ? filePath : rel).split(sep).join('/');
}

function kindOf(m: Linter.LintMessage): 'fix' | 'suggestion' | 'human' {
  if (m.fix) return 'fix';
  if (m.suggestions && m.suggestions.length > 0) return 'suggestion';
  return 'human';
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatReport(results: readonly ESLint.LintResult[], ctx: ReportContext): string {
  const out: string[] = [];
  const fatal = results.filter((r) => r.fatalErrorCount > 0);
  const withFindings = results.filter((r) => r.messages.some((m) => !m.fatal));
  const summary = new Map<string, RuleSummary>();
  const width = Math.min(160, Math.max(80, ctx.width ?? DEFAULT_WIDTH));
  const humans: string[] = [];
  let humanCount = 0;
  let total = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) continue;
      total++;
      const id = m.ruleId ?? '(eslint)';
      const s = summary.get(id) ?? { count: 0, fixable: 0, suggestions: 0, humans: 0 };
      s.count++;
      const k = kindOf(m);
      if (k === 'fix') s.fixable++;
      else if (k === 'suggestion') s.suggestions++;
      else {
        s.humans++;
        humanCount++;
        humans.push(...wrap(`${display(ctx.cwd, r.filePath)}:${m.line}:${m.column} ${id}`, width, '  '));
      }
      summary.set(id, s);
    }
  }

  out.push(`torch2tf migration report: ${plural(results.length, 'file')} linted with the ${ctx.configDescription}`);
  if (ctx.written && ctx.written.length > 0) {
    out.push(`${ctx.dryRun ? 'Would change' : 'Changed'} ${plural(ctx.written.length, 'file')}: ${ctx.written.map((f) => display(ctx.cwd, f)).join(', ')}`);
  }
  out.push('');

  if (results.length === 0) {
    // Not a clean bill: nothing was looked at (the CLI exits 2 and says why on stderr).
    out.push('Nothing audited: no file was linted (the reason is on stderr).');
  } else if (total === 0) {
    out.push(fatal.length === 0 ? 'No PyTorch habits found.' : 'No findings in the files that could be linted.');
  } else {
    out.push('Summary by rule');
    const sorted = [...summary].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
    const rows = [['  rule', 'findings', 'autofix', 'suggestion', 'human']];
    for (const [id, s] of sorted) rows.push([`  ${id}`, String(s.count), String(s.fixable), String(s.suggestions), String(s.humans)]);
    const lines = table(rows, new Set([1, 2, 3, 4]));
    out.push(lines[0]!);
    sorted.forEach(([id], i) => {
      out.push(lines[i + 1]!);
      // each rule's docs page once, here (URLs are never wrapped, so they stay clickable)
      const url = ctx.rulesMeta[id]?.docs?.url;
      if (url) out.push(`    ${url}`);
    });
    out.push('', ...memorySummary(results));

    out.push('Findings by file');
    for (const r of withFindings) {
      out.push('', display(ctx.cwd, r.filePath));
      const found = r.messages.filter((m) => !m.fatal);
      const at = Math.max(...found.map((m) => `${m.line}:${m.column}`.length));
      for (const m of found) {
        const k = kindOf(m);
        const tag = k === 'fix' ? 'autofix' : k === 'suggestion' ? 'suggestion' : 'needs a human';
        const head = `  ${`${m.line}:${m.column}`.padEnd(at)}  ${m.ruleId ?? '(eslint)'}${m.severity === 1 ? ' (warning)' : ''} [${tag}]`;
        out.push(...wrap(`${head} ${m.message}`, width, '', '      '));
      }
    }
    out.push('');

    out.push(`Needs a human (no autofix, no suggestion; messages above): ${humanCount}`);
    out.push(...humans, '');
  }

  if (fatal.length > 0) {
    out.push(`Could not be read or parsed: ${fatal.length}`);
    for (const r of fatal) {
      const m = r.messages.find((x) => x.fatal)!;
      out.push(...wrap(m.message, width, `  ${display(ctx.cwd, r.filePath)}${m.line > 0 ? `:${m.line}:${m.column}` : ''}  `, '      '));
    }
    out.push('');
  }

  const fixable = [...summary.values()].reduce((n, s) => n + s.fixable, 0);
  const suggestible = [...summary.values()].reduce((n, s) => n + s.suggestions, 0);
  for (const skip of ctx.skipped ?? []) {
    if (skip.files.length === 0) continue;
    out.push(...wrap(`Not linted: ${plural(skip.files.length, 'file')}, ${skip.reason}`, width, '', '  '));
    out.push(...wrap(skip.files.map((f) => display(ctx.cwd, f)).join(', '), width, '  '), '');
  }
  if (total > 0) out.push(
    ...wrap(
      `${plural(total, 'finding')} in ${plural(withFindings.length, 'file')}: ` +
        `${fixable} autofixable (torch2tf --fix), ${suggestible} with suggestions (your editor, or torch2tf --apply-suggestions RULE), ` +
        `${humanCount} ${humanCount === 1 ? 'needs' : 'need'} a human.`,
      width,
    ),
  );
  return out.join('\n') + '\n';
}
