// Types only narrow: for every rule, the reports on the same files with type information are a
// subset of the reports without it (typed-only rules aside), and a user's own look-alike types are
// never reported in either mode.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PROJECTS = ['fixtures/pytorch-port', 'fixtures/idiomatic', 'fixtures/typed-project', 'test/typed/fixture'];
const typedRules = new Set(
  Object.entries(plugin.rules)
    .filter(([, r]) => (r.meta?.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking)
    .map(([n]) => `torch2tf/${n}`),
);

type Finding = string; // rule|file|line|column|messageId-ish message

async function lintProject(dir: string, typed: boolean): Promise<Finding[]> {
  const cwd = `${root}${dir}`;
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx,js,mjs,cjs}'],
        languageOptions: {
          parser: tsParser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: cwd } : {},
        },
      },
      { ...plugin.configs.all, files: ['**/*.{ts,tsx,js,mjs,cjs}'] },
    ],
  });
  const results = await eslint.lintFiles(['src/**/*.{ts,js}', '*.ts']).catch(async () => eslint.lintFiles(['.']));
  const out: Finding[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      assert.ok(!m.fatal, `${r.filePath}: ${m.message}`);
      out.push(`${m.ruleId}|${r.filePath.slice(root.length)}|${m.line}|${m.column}`);
    }
  }
  return out.sort();
}

describe('typed reports ⊆ untyped reports', () => {
  const runs = new Map<string, Promise<[Finding[], Finding[]]>>();
  const both = (dir: string) => {
    if (!runs.has(dir)) runs.set(dir, Promise.all([lintProject(dir, false), lintProject(dir, true)]));
    return runs.get(dir)!;
  };
  for (const dir of PROJECTS) {
    for (const rule of Object.keys(plugin.rules)) {
      const id = `torch2tf/${rule}`;
      it(`${rule} on ${dir}`, async () => {
        const [untyped, typed] = await both(dir);
        const u = untyped.filter((f) => f.startsWith(`${id}|`));
        const t = typed.filter((f) => f.startsWith(`${id}|`));
        if (typedRules.has(id)) {
          assert.deepEqual(u, [], 'a typed-only rule reports nothing without type information');
        } else {
          const extra = t.filter((f) => !u.includes(f));
          assert.deepEqual(extra, [], 'types added reports');
        }
      });
    }
  }
  it('at least one rule reports on fixtures/pytorch-port in both modes (the comparison is not vacuous)', async () => {
    const [untyped, typed] = await both('fixtures/pytorch-port');
    assert.ok(untyped.length > 0 && typed.length > 0);
  });
});
