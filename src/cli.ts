#!/usr/bin/env node
/**
 * `torch2tf [paths…]`: the migration audit. Lints with the plugin's recommended config (no project
 * config needed) through the ESLint Node API and prints what was found.
 */
import { ESLint } from 'eslint';
import plugin from './index.js';

async function main(argv: string[]): Promise<number> {
  const paths = argv.filter((a) => !a.startsWith('-'));
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.{js,mjs,cjs,ts,tsx}'] },
      { ...plugin.configs.recommended, files: ['**/*.{js,mjs,cjs,ts,tsx}'] },
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: (await import('@typescript-eslint/parser')).default as never },
      },
    ],
    errorOnUnmatchedPattern: false,
  });
  const results = await eslint.lintFiles(paths.length > 0 ? paths : ['.']);
  const formatter = await eslint.loadFormatter('stylish');
  process.stdout.write(await formatter.format(results));
  return results.some((r) => r.errorCount + r.warningCount > 0) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`torch2tf: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
