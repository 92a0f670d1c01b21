/**
 * `tf.train.<optimizer>({…})` → the positional form: which key maps to which parameter
 * (`OPTIMIZER_PARAMS`, generated from the tfjs declarations), and the argument list text.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap } from './ast.js';
import type { KeyedProperty } from './options.js';
import { OPTIMIZER_PARAMS } from '../facts/tfjs-options.js';
import { BETAS_KEY, OPTIMIZER_KEY_ALIASES, OPTIMIZER_NO_EQUIVALENT } from '../facts/torch-option-names.js';

export interface OptimizerPlan {
  /** Positional argument texts (`undefined` fills a gap before a later optional parameter). */
  readonly args: string[] | null;
  /** Keys with no tfjs parameter, with what to do instead. */
  readonly unmapped: { key: string; advice: string }[];
  /** A required parameter has no value: no positional form. */
  readonly missingRequired: string | null;
}

/** Plan the positional call for an optimizer's option object (null when a key or value cannot be read). */
export function planOptimizer(name: string, keys: readonly KeyedProperty[], sourceCode: Readonly<TSESLint.SourceCode>): OptimizerPlan | null {
  const params = OPTIMIZER_PARAMS[name];
  if (!params) return null;
  const names = new Set(params.map((p) => p.name));
  const values = new Map<string, string>();
  const unmapped: { key: string; advice: string }[] = [];
  for (const { prop, key } of keys) {
    if (prop.shorthand && key === BETAS_KEY) return null;
    const value = unwrap(prop.value) as TSESTree.Node;
    if (key === BETAS_KEY && names.has('beta1')) {
      if (value.type !== T.ArrayExpression || value.elements.length !== 2 || value.elements.some((e) => !e || e.type === T.SpreadElement)) return null;
      values.set('beta1', sourceCode.getText(value.elements[0]!));
      values.set('beta2', sourceCode.getText(value.elements[1]!));
      continue;
    }
    const target = names.has(key) ? key : OPTIMIZER_KEY_ALIASES[key];
    if (target && names.has(target)) values.set(target, sourceCode.getText(prop.value));
    else unmapped.push({ key, advice: OPTIMIZER_NO_EQUIVALENT[key] ?? `not a parameter of tf.train.${name}(${params.map((p) => p.name).join(', ')})` });
  }
  const missing = params.find((p) => !p.optional && !values.has(p.name));
  if (missing) return { args: null, unmapped, missingRequired: missing.name };
  let last = -1;
  params.forEach((p, i) => values.has(p.name) && (last = i));
  return { args: params.slice(0, last + 1).map((p) => values.get(p.name) ?? 'undefined'), unmapped, missingRequired: null };
}
