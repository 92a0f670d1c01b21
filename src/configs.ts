/**
 * Configs derived from rule meta (never hand-kept lists). `test/plugin.test.ts` rebuilds them
 * independently and compares.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { Torch2tfDocs } from './create-rule.js';

type AnyRule = TSESLint.RuleModule<string, readonly unknown[], Torch2tfDocs>;
export type ConfigName =
  | 'recommended'
  | 'recommended-type-checked'
  | 'strict'
  | 'strict-type-checked'
  | 'all'
  | 'disable-type-checked';

export type RuleEntry = 'error' | 'warn' | 'off' | readonly ['error', ...unknown[]];

export interface FlatConfig {
  name: string;
  plugins: Record<string, unknown>;
  rules: Record<string, RuleEntry>;
}

function pick(rules: Record<string, AnyRule>, keep: (docs: Torch2tfDocs & { description: string }) => boolean): string[] {
  return Object.keys(rules)
    .filter((name) => {
      const docs = rules[name]!.meta.docs as (Torch2tfDocs & { description: string }) | undefined;
      return !!docs && keep(docs);
    })
    .sort();
}

export function buildConfigs(plugin: object, rules: Record<string, AnyRule>): Record<ConfigName, FlatConfig> {
  const make = (name: ConfigName, names: string[], level: 'error' | 'off' = 'error', strict = false): FlatConfig => ({
    name: `torch2tf/${name}`,
    plugins: { torch2tf: plugin },
    rules: Object.fromEntries(
      names.map((n) => {
        // `meta.docs.strictOptions`: the options the strict configs turn on (e.g. also code that runs once)
        const options = strict ? (rules[n]!.meta.docs as Torch2tfDocs | undefined)?.strictOptions : undefined;
        return [`torch2tf/${n}`, options ? (['error', ...options] as const) : level];
      }),
    ),
  });
  const typed = (d: Torch2tfDocs): boolean => d.requiresTypeChecking === true;
  return {
    recommended: make('recommended', pick(rules, (d) => d.recommended === 'recommended' && !typed(d))),
    'recommended-type-checked': make('recommended-type-checked', pick(rules, (d) => d.recommended === 'recommended')),
    strict: make('strict', pick(rules, (d) => d.recommended !== undefined && !typed(d)), 'error', true),
    'strict-type-checked': make('strict-type-checked', pick(rules, (d) => d.recommended !== undefined), 'error', true),
    all: make('all', pick(rules, () => true)),
    'disable-type-checked': make('disable-type-checked', pick(rules, typed), 'off'),
  };
}
