/**
 * The "memory" line of the CLI report: how many tensor leak sites the memory rules found, and how
 * many of them run per frame or per batch/epoch (what a porting team asks first). Counts use the
 * frequency phrases the rule messages are built from (FREQUENCY_PHRASES), never a second list.
 */
import type { ESLint } from 'eslint';
import { FREQUENCY_PHRASES } from '../engine/memory.js';

const LEAK_RULE = /(^|\/)no-leaked-tensor$/;
const ASYNC_RULE = /(^|\/)no-async-tidy$/;

export interface MemoryCounts {
  leaks: number;
  perFrame: number;
  perBatch: number;
  asyncTidy: number;
}

export function memoryCounts(results: readonly ESLint.LintResult[]): MemoryCounts {
  const c: MemoryCounts = { leaks: 0, perFrame: 0, perBatch: 0, asyncTidy: 0 };
  for (const r of results) {
    for (const m of r.messages) {
      if (m.fatal || !m.ruleId) continue;
      if (ASYNC_RULE.test(m.ruleId)) c.asyncTidy++;
      if (!LEAK_RULE.test(m.ruleId)) continue;
      c.leaks++;
      if (m.message.includes(FREQUENCY_PHRASES.frame)) c.perFrame++;
      else if (m.message.includes(FREQUENCY_PHRASES.batch) || m.message.includes(FREQUENCY_PHRASES.epoch)) c.perBatch++;
    }
  }
  return c;
}

/** The summary line(s), followed by a blank line; nothing when the memory rules found nothing. */
export function memorySummary(results: readonly ESLint.LintResult[]): string[] {
  const c = memoryCounts(results);
  if (c.leaks === 0 && c.asyncTidy === 0) return [];
  const sites = `${c.leaks} tensor leak ${c.leaks === 1 ? 'site' : 'sites'}`;
  const detail = c.leaks > 0 ? ` (${c.perFrame} per frame, ${c.perBatch} per batch or epoch, ${c.leaks - c.perFrame - c.perBatch} other)` : '';
  const async = c.asyncTidy > 0 ? `; ${c.asyncTidy} async ${c.asyncTidy === 1 ? 'function' : 'functions'} in tf.tidy or a gradient function` : '';
  return [`Memory: ${sites}${detail}${async}.`, ''];
}
