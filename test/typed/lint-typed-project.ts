// Lints files of a project on disk with type information (projectService) and the recommended-type-checked
// config; returns "rule line" per message (and the message of a fatal one).
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';

export async function lintTypedProject(dir: string, files: string[]): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir } } },
      { ...plugin.configs['recommended-type-checked'], files: ['**/*.ts'] },
    ],
  });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.line}${m.fatal ? ` ${m.message}` : ''}`));
}
