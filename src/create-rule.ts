import type { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleContext, RuleListener, RuleModule } from '@typescript-eslint/utils/ts-eslint';
import { PACKAGE } from './package-info.js';

/** Extra `meta.docs` fields of this plugin's rules. */
export interface Torch2tfDocs {
  /** The config that enables the rule: `recommended` (also in `strict`) or `strict` only. */
  readonly recommended?: 'recommended' | 'strict';
  /** The rule needs TypeScript type information (`parserOptions.projectService`). */
  readonly requiresTypeChecking?: boolean;
  /** Options the `strict` configs set (JSON); `recommended` and `all` use `meta.defaultOptions`. */
  readonly strictOptions?: readonly unknown[];
}

export const REPO_URL = 'https://github.com/torch2tf/eslint-plugin-torch2tf';

/** The docs URL of a rule, pinned to the package version so links never go stale. */
export function ruleDocsUrl(name: string): string {
  return `${REPO_URL}/blob/v${PACKAGE.version}/docs/rules/${name}.md`;
}

/**
 * `ESLintUtils.RuleCreator` without its per-file `applyDefault` (a deep merge with structuredClone
 * that every rule paid on every file, before its cheap tfjs gate; measured at ~45% of the plugin's
 * time on files that never import tfjs). ESLint ≥ 9.15 and oxlint already merge `meta.defaultOptions`
 * into `context.options`, so rules receive those.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  name,
  meta,
  create,
}: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, Torch2tfDocs>>): RuleModule<MessageIds, Options, Torch2tfDocs> & {
  name: string;
} {
  const defaults = (meta.defaultOptions ?? []) as unknown as Options;
  return {
    name,
    meta: { ...meta, docs: { ...meta.docs, url: ruleDocsUrl(name) } },
    defaultOptions: defaults,
    create(context: Readonly<RuleContext<MessageIds, Options>>): RuleListener {
      const options = (context.options.length > 0 ? context.options : defaults) as Options;
      return create(context, options);
    },
  };
}
