import { ESLintUtils } from '@typescript-eslint/utils';
import { PACKAGE } from './package-info.js';

/** Extra `meta.docs` fields of this plugin's rules. */
export interface Torch2tfDocs {
  /** The config that enables the rule: `recommended` (also in `strict`) or `strict` only. */
  readonly recommended?: 'recommended' | 'strict';
  /** The rule needs TypeScript type information (`parserOptions.projectService`). */
  readonly requiresTypeChecking?: boolean;
}

export const REPO_URL = 'https://github.com/torch2tf/eslint-plugin-torch2tf';

/** The docs URL of a rule, pinned to the package version so links never go stale. */
export function ruleDocsUrl(name: string): string {
  return `${REPO_URL}/blob/v${PACKAGE.version}/docs/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<Torch2tfDocs>(ruleDocsUrl);
