/**
 * Machine formats of the `torch2tf` CLI: SARIF 2.1.0 (code scanning) and GitHub Actions workflow
 * commands (annotations). The JSON and stylish formats are ESLint's own (`loadFormatter`).
 */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ESLint, Linter, Rule } from 'eslint';
import { REPO_URL } from '../create-rule.js';
import { PACKAGE } from '../package-info.js';

export type RulesMeta = Record<string, Rule.RuleMetaData | undefined>;

function relPath(cwd: string, filePath: string): string | null {
  const rel = relative(cwd, filePath);
  if (rel === '' || rel.startsWith('..') || /^[a-zA-Z]:/.test(rel) || rel.startsWith(sep)) return null;
  return rel.split(sep).join('/');
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

function sarifLocation(cwd: string, filePath: string, m: Linter.LintMessage): object {
  const rel = relPath(cwd, filePath);
  const artifactLocation = rel
    ? { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }
    : { uri: pathToFileURL(filePath).href };
  const physicalLocation: { artifactLocation: object; region?: SarifRegion } = { artifactLocation };
  if (m.line > 0) {
    const region: SarifRegion = { startLine: m.line };
    if (m.column > 0) region.startColumn = m.column;
    if (m.endLine && m.endLine > 0) region.endLine = m.endLine;
    if (m.endColumn && m.endColumn > 0) region.endColumn = m.endColumn;
    physicalLocation.region = region;
  }
  return { physicalLocation };
}

/**
 * A SARIF 2.1.0 log: one run, the driver's rules with help URIs (every torch2tf rule, plus any
 * other rule that reported), results with relative URIs under `%SRCROOT%` (= cwd), and files that
 * could not be read or parsed as tool execution notifications.
 */
export function formatSarif(results: readonly ESLint.LintResult[], rulesMeta: RulesMeta, cwd: string): string {
  const ruleIds = new Set<string>(Object.keys(rulesMeta).filter((id) => rulesMeta[id]));
  for (const r of results) for (const m of r.messages) if (m.ruleId && !m.fatal) ruleIds.add(m.ruleId);
  const ids = [...ruleIds].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const rules = ids.map((id) => {
    const meta = rulesMeta[id];
    const rule: Record<string, unknown> = { id };
    if (meta?.docs?.description) rule['shortDescription'] = { text: meta.docs.description };
    if (meta?.docs?.url) rule['helpUri'] = meta.docs.url;
    rule['properties'] = {
      ...(meta?.type ? { tags: [meta.type] } : {}),
      ...(meta?.fixable ? { fixable: meta.fixable } : {}),
      ...(meta?.hasSuggestions ? { hasSuggestions: true } : {}),
    };
    return rule;
  });
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      if (m.fatal || !m.ruleId) {
        notifications.push({ level, message: { text: m.message }, locations: [sarifLocation(cwd, r.filePath, m)] });
        if (m.fatal) continue;
      }
      if (!m.ruleId) continue;
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId),
        level,
        message: { text: m.message },
        locations: [sarifLocation(cwd, r.filePath, m)],
        // How it can be resolved: an autofix (`torch2tf --fix`), suggestions (editor or
        // `--apply-suggestions`), or neither (needs a human).
        properties: { autofix: m.fix !== undefined, suggestions: m.suggestions?.length ?? 0 },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'torch2tf', version: PACKAGE.version, informationUri: REPO_URL, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// GitHub Actions workflow commands

/** Escaping of workflow command data (`::cmd ...::data`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of workflow command property values (`key=value`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…,title=…::message` annotation per finding. */
export function formatGithub(results: readonly ESLint.LintResult[], cwd: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = relPath(cwd, r.filePath) ?? r.filePath;
    for (const m of r.messages) {
      const props = [`file=${escapeProperty(file)}`];
      if (m.line > 0) {
        props.push(`line=${m.line}`);
        if (m.endLine) props.push(`endLine=${m.endLine}`);
        if (m.column > 0) props.push(`col=${m.column}`);
        if (m.endColumn && (!m.endLine || m.endLine === m.line)) props.push(`endColumn=${m.endColumn}`);
      }
      props.push(`title=${escapeProperty(m.ruleId ?? (m.fatal ? 'torch2tf: cannot lint this file' : 'torch2tf'))}`);
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

/**
 * A Markdown summary per rule for the GitHub Actions job page (`$GITHUB_STEP_SUMMARY`), written
 * next to the annotations (GitHub shows only some annotations per step; the summary counts all).
 */
export function formatStepSummary(results: readonly ESLint.LintResult[], rulesMeta: RulesMeta): string {
  const rows = new Map<string, { count: number; fix: number; suggest: number }>();
  let fatal = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal) {
        fatal++;
        continue;
      }
      const id = m.ruleId ?? '(eslint)';
      const row = rows.get(id) ?? { count: 0, fix: 0, suggest: 0 };
      row.count++;
      if (m.fix) row.fix++;
      else if (m.suggestions?.length) row.suggest++;
      rows.set(id, row);
    }
  }
  const total = [...rows.values()].reduce((n, r) => n + r.count, 0);
  const out = [`### torch2tf: ${total} finding${total === 1 ? '' : 's'}`, ''];
  if (rows.size > 0) {
    out.push('| rule | findings | autofix | suggestion | needs a human |', '|---|--:|--:|--:|--:|');
    for (const [id, r] of [...rows].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))) {
      const url = rulesMeta[id]?.docs?.url;
      out.push(`| ${url ? `[${id}](${url})` : id} | ${r.count} | ${r.fix} | ${r.suggest} | ${r.count - r.fix - r.suggest} |`);
    }
    out.push('');
  }
  if (fatal > 0) out.push(`${fatal} file${fatal === 1 ? '' : 's'} could not be read or parsed.`, '');
  return out.join('\n') + '\n';
}
