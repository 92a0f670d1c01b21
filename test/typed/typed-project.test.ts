// fixtures/typed-project: the model is built in one module and trained in another through typed
// values, with tfjs imported through a local wrapper. The typed config catches the cross-module bugs
// the untyped config cannot see.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';

const dir = fileURLToPath(new URL('../../fixtures/typed-project/', import.meta.url));

async function lint(config: Linter.Config, typed: boolean): Promise<string[]> {
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: dir } : {} },
      },
      { ...config, files: ['**/*.ts'] },
    ],
  });
  const results = await eslint.lintFiles(['src']);
  return results.flatMap((r) => r.messages.map((m) => `${m.ruleId} ${r.filePath.slice(dir.length)}:${m.line}`)).sort();
}

function lineOf(file: string, needle: string): number {
  const lines = readFileSync(`${dir}${file}`, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, `${needle} not in ${file}`);
  return i + 1;
}

describe('fixtures/typed-project: cross-module bugs need types', () => {
  const untyped = lint(plugin.configs.recommended, false);
  const typed = lint(plugin.configs['recommended-type-checked'], true);

  it('the typed config reports the un-flagged apply() in the training step of another module', async () => {
    const want = `torch2tf/require-training-flag-type-checked src/train.ts:${lineOf('src/train.ts', 'net.apply(xs)')}`;
    assert.ok((await typed).includes(want), (await typed).join('\n'));
  });

  it('the typed config reports the discarded tensor returned by a helper from another module', async () => {
    const want = `torch2tf/no-discarded-tensor-type-checked src/train.ts:${lineOf('src/train.ts', 'normalize(xs);')}`;
    assert.ok((await typed).includes(want), (await typed).join('\n'));
  });

  it('the untyped recommended config sees none of it (tfjs arrives through ./tf.js and typed values)', async () => {
    assert.deepEqual(await untyped, []);
  });

  it('the typed config reports nothing else on this project', async () => {
    assert.equal((await typed).length, 2, (await typed).join('\n'));
  });
});

describe("README's type-aware eslint.config.js", () => {
  it('runs as written on fixtures/typed-project and gives the typed findings', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Type-aware linting'));
    const config = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    assert.ok(config, 'no js block in the Type-aware linting section');
    // the config file must live inside the repo so `eslint-plugin-torch2tf` and `typescript-eslint` resolve
    const file = fileURLToPath(new URL(`./.readme-config-${process.pid}.mjs`, import.meta.url));
    const { writeFileSync, rmSync } = await import('node:fs');
    writeFileSync(file, config.replace('import.meta.dirname', JSON.stringify(dir)));
    try {
      const eslint = new ESLint({ cwd: dir, overrideConfigFile: file });
      const results = await eslint.lintFiles(['src']);
      const ids = results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort();
      assert.deepEqual(ids, ['torch2tf/no-discarded-tensor-type-checked', 'torch2tf/require-training-flag-type-checked']);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
