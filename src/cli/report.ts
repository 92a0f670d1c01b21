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
      .map((cell, c) => (c === r.length - 1 ? cell : rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
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
  const humans: string[] = [];
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
        humans.push(`  ${display(ctx.cwd, r.filePath)}:${m.line}:${m.column}  ${id}  ${m.message}`);
      }
      summary.set(id, s);
    }
  }

  out.push(`torch2tf migration report: ${plural(results.length, 'file')} linted with the ${ctx.configDescription}`);
  if (ctx.written && ctx.written.length > 0) {
    out.push(`${ctx.dryRun ? 'Would change' : 'Changed'} ${plural(ctx.written.length, 'file')}: ${ctx.written.map((f) => display(ctx.cwd, f)).join(', ')}`);
  }
  out.push('');

  if (total === 0) {
    out.push(fatal.length === 0 ? 'No PyTorch habits found.' : 'No findings in the files that could be linted.');
  } else {
    out.push('Summary by rule');
    const rows = [['  rule', 'findings', 'autofix', 'suggestion', 'needs a human', 'docs']];
    for (const [id, s] of [...summary].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))) {
      rows.push([`  ${id}`, String(s.count), String(s.fixable), String(s.suggestions), String(s.humans), ctx.rulesMeta[id]?.docs?.url ?? '']);
    }
    out.push(...table(rows, new Set([1, 2, 3, 4])), '', ...memorySummary(results));

    out.push('Findings by file');
    for (const r of withFindings) {
      out.push('', display(ctx.cwd, r.filePath));
      const rows2: string[][] = [];
      for (const m of r.messages) {
        if (m.fatal) continue;
        const k = kindOf(m);
        const tag = k === 'fix' ? '[autofix]' : k === 'suggestion' ? `[suggestion: ${m.suggestions![0]!.desc}]` : '[needs a human]';
        rows2.push([`  ${m.line}:${m.column}`, m.severity === 2 ? 'error' : 'warning', m.ruleId ?? '(eslint)', `${m.message} ${tag}`]);
      }
      out.push(...table(rows2, new Set()));
    }
    out.push('');

    out.push(`Needs a human (no autofix, no suggestion): ${humans.length}`);
    out.push(...humans, '');
  }

  if (fatal.length > 0) {
    out.push(`Could not be read or parsed: ${fatal.length}`);
    for (const r of fatal) {
      const m = r.messages.find((x) => x.fatal)!;
      out.push(`  ${display(ctx.cwd, r.filePath)}${m.line > 0 ? `:${m.line}:${m.column}` : ''}  ${m.message}`);
    }
    out.push('');
  }

  const fixable = [...summary.values()].reduce((n, s) => n + s.fixable, 0);
  const suggestible = [...summary.values()].reduce((n, s) => n + s.suggestions, 0);
  if (total > 0) out.push(
    `${plural(total, 'finding')} in ${plural(withFindings.length, 'file')}: ` +
      `${fixable} autofixable (torch2tf --fix), ${suggestible} with suggestions (your editor, or torch2tf --apply-suggestions RULE), ` +
      `${humans.length} ${humans.length === 1 ? 'needs' : 'need'} a human.`,
  );
  return out.join('\n') + '\n';
}
