/**
 * eslint-plugin-torch2tf: catches PyTorch habits in TensorFlow.js code.
 *
 *   import torch2tf from 'eslint-plugin-torch2tf';
 *   export default [torch2tf.configs.recommended];
 */
import type { ESLint, Linter } from 'eslint';
import { rules } from './all-rules.js';
import { buildConfigs, type ConfigName } from './configs.js';
import { PACKAGE } from './package-info.js';

interface Torch2tfPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin = {
  meta: { name: PACKAGE.name, version: PACKAGE.version, namespace: 'torch2tf' },
  rules,
  configs: {},
} as unknown as Torch2tfPlugin;

plugin.configs = buildConfigs(plugin, rules as never) as unknown as Record<ConfigName, Linter.Config>;

export default plugin;
export { plugin as 'module.exports' };
