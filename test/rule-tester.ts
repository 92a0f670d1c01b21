/**
 * One place for RuleTester wiring, and the shared import-form table every rule test runs across.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';

export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
  });
}

export interface ImportForm {
  readonly name: string;
  /** Code placed before the test body. */
  readonly header: (names: readonly string[]) => string;
  /** How `TF.<name>` is written in this form (`tf.layers`, `layers`, `L`). */
  readonly ref: (name: string) => string;
  readonly settings?: Record<string, unknown>;
  /** Needs the TypeScript parser (import-equals). */
  readonly tsOnly?: boolean;
}

const ns = (name: string): string => `tf.${name}`;

/**
 * Every way users bring tfjs into scope. Rule tests write code with `TF.<api>` placeholders
 * (`TF.sequential(...)`, `TF.layers.dropout(...)`) and run it through each form.
 */
export const IMPORT_FORMS: readonly ImportForm[] = [
  { name: 'namespace import', header: () => `import * as tf from '@tensorflow/tfjs';`, ref: ns },
  { name: 'default import', header: () => `import tf from '@tensorflow/tfjs';`, ref: ns },
  {
    name: 'named imports',
    header: (names) => `import { ${names.join(', ')} } from '@tensorflow/tfjs';`,
    ref: (n) => n,
  },
  {
    name: 'renamed imports',
    header: (names) => `import { ${names.map((n) => `${n} as my_${n}`).join(', ')} } from '@tensorflow/tfjs';`,
    ref: (n) => `my_${n}`,
  },
  { name: 'require', header: () => `const tf = require('@tensorflow/tfjs');`, ref: ns },
  {
    name: 'destructured require',
    header: (names) => `const { ${names.join(', ')} } = require('@tensorflow/tfjs');`,
    ref: (n) => n,
  },
  { name: 'await import()', header: () => `const tf = await import('@tensorflow/tfjs');`, ref: ns },
  { name: 'TS import-equals', header: () => `import tf = require('@tensorflow/tfjs');`, ref: ns, tsOnly: true },
  {
    name: 'member alias',
    header: (names) =>
      `import * as tfAll from '@tensorflow/tfjs';\nconst tf = tfAll;\n${names.map((n) => `const alias_${n} = tf.${n};`).join('\n')}`,
    ref: (n) => `alias_${n}`,
  },
  { name: 'tfjs-node', header: () => `import * as tf from '@tensorflow/tfjs-node';`, ref: ns },
  { name: 'tfjs-layers', header: () => `import * as tf from '@tensorflow/tfjs-layers';`, ref: ns },
  {
    name: 'settings.torch2tf.modules wrapper',
    header: () => `import * as tf from './tf';`,
    ref: ns,
    settings: { torch2tf: { modules: ['./tf'] } },
  },
  {
    name: 'settings.torch2tf.globals script tag',
    header: () => `/* global tf */`,
    ref: ns,
    settings: { torch2tf: { globals: ['tf'] } },
  },
];

/** Forms where `tf` is NOT tfjs: code written with the same placeholders must never be reported. */
export const LOOKALIKE_FORMS: readonly ImportForm[] = [
  { name: 'brain.js namespace', header: () => `import * as tf from 'brain.js';`, ref: ns },
  { name: 'undeclared global tf without settings', header: () => '', ref: ns },
  {
    name: 'local object shadowing tf',
    header: () => `import * as tfjs from '@tensorflow/tfjs';\nconst tf = makeFakeTf(tfjs.version);`,
    ref: ns,
  },
];

const PLACEHOLDER = /\bTF\.([A-Za-z_$][\w$]*)/g;

/** Rewrites `TF.<name>` placeholders for one import form and prepends its header. */
export function applyForm(form: ImportForm, code: string): { code: string; settings?: Record<string, unknown> } {
  const names = [...new Set([...code.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort();
  const body = code.replace(PLACEHOLDER, (_, n: string) => form.ref(n));
  const header = form.header(names);
  return { code: header ? `${header}\n${body}` : body, ...(form.settings ? { settings: form.settings } : {}) };
}

type Options = readonly unknown[];

/** Expand valid cases across forms. */
export function validAcross<O extends Options>(
  cases: readonly ValidTestCase<O>[],
  forms: readonly ImportForm[] = IMPORT_FORMS,
): ValidTestCase<O>[] {
  return forms.flatMap((form) =>
    cases.map((c) => {
      const applied = applyForm(form, c.code);
      return { ...c, ...applied, name: `[${form.name}] ${c.name ?? c.code.slice(0, 60)}`, settings: { ...c.settings, ...applied.settings } };
    }),
  );
}

/** Expand invalid cases across forms; line numbers in `errors` are shifted by the header height. */
export function invalidAcross<M extends string, O extends Options>(
  cases: readonly InvalidTestCase<M, O>[],
  forms: readonly ImportForm[] = IMPORT_FORMS,
): InvalidTestCase<M, O>[] {
  return forms.flatMap((form) =>
    cases.map((c) => {
      const applied = applyForm(form, c.code);
      const headerLines = applied.code.split('\n').length - c.code.replace(PLACEHOLDER, (_, n: string) => form.ref(n)).split('\n').length;
      const shift = <T extends { line?: number; endLine?: number }>(e: T): T => ({
        ...e,
        ...(e.line !== undefined ? { line: e.line + headerLines } : {}),
        ...(e.endLine !== undefined ? { endLine: e.endLine + headerLines } : {}),
      });
      const prefix = applied.code.slice(0, applied.code.length - c.code.replace(PLACEHOLDER, (_, n: string) => form.ref(n)).length);
      const mapOut = (o: string | null | undefined | readonly string[]): typeof c.output =>
        typeof o === 'string' ? prefix + o.replace(PLACEHOLDER, (_, n: string) => form.ref(n)) : (o as typeof c.output);
      return {
        ...c,
        ...applied,
        settings: { ...c.settings, ...applied.settings },
        name: `[${form.name}] ${c.name ?? c.code.slice(0, 60)}`,
        output: mapOut(c.output),
        errors: c.errors.map((e) => ({
          ...shift(e),
          ...(e.suggestions
            ? { suggestions: e.suggestions.map((s) => ({ ...s, output: mapOut(s.output) as string })) }
            : {}),
        })),
      };
    }),
  );
}

/**
 * Every suggestion resolves what it was offered for: linting its output again (under two import
 * forms, with the TS parser) reports nothing for that rule.
 */
export function checkSuggestionsResolve(
  name: string,
  rule: unknown,
  cases: readonly { name?: string; errors: readonly { suggestions?: readonly { output: string }[] | null }[] }[],
): void {
  describe(`${name}: applying a suggestion leaves nothing to report`, () => {
    const linter = new Linter({ configType: 'flat' });
    for (const form of [IMPORT_FORMS[0]!, IMPORT_FORMS[2]!]) {
      for (const c of cases) {
        for (const s of c.errors.flatMap((e) => e.suggestions ?? [])) {
          it(`[${form.name}] ${c.name}`, () => {
            const applied = applyForm(form, s.output);
            const messages = linter.verify(
              applied.code,
              [{ files: ['**/*.ts'], plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' }, languageOptions: { parser: tsParser } }],
              { filename: 'x.ts' },
            );
            assert.deepEqual(messages.map((m) => m.message), []);
          });
        }
      }
    }
  });
}

export type { TSESLint };
