// The plugin object: meta from package.json, rules map in sync with rules/, configs derived from meta.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import plugin from '../src/index.js';
// @ts-expect-error -- plain .mjs script without types
import { renderRulesIndex } from '../scripts/gen-rules-index.mjs';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(new URL('rules/', root)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

describe('plugin object', () => {
  it('meta name/version come from package.json and the namespace is torch2tf', () => {
    assert.deepEqual(plugin.meta, { name: pkg.name, version: pkg.version, namespace: 'torch2tf' });
  });

  it('src/all-rules.ts is the generated index of rules/ (run `npm run gen:index`)', () => {
    assert.equal(readFileSync(new URL('src/all-rules.ts', root), 'utf8'), renderRulesIndex());
    assert.deepEqual(Object.keys(plugin.rules).sort(), ruleFiles);
  });

  it('every rule has a docs page, a test file, a description without trailing period, and a versioned docs url', () => {
    const docs = readdirSync(new URL('docs/rules/', root)).map((f) => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(docs, ruleFiles);
    const tests = readdirSync(new URL('test/rules/', root)).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
    for (const name of ruleFiles) {
      assert.ok(tests.includes(name), `test/rules/${name}.test.ts is missing`);
      const meta = plugin.rules[name]!.meta!;
      assert.ok(meta.docs?.description && !meta.docs.description.endsWith('.'), `${name}: description`);
      assert.equal(meta.docs?.url, `https://github.com/torch2tf/eslint-plugin-torch2tf/blob/v${pkg.version}/docs/rules/${name}.md`);
    }
  });

  it('configs are derived from rule meta (rebuilt here independently)', () => {
    const metaOf = (n: string) => plugin.rules[n]!.meta!.docs as { recommended?: string; requiresTypeChecking?: boolean; strictOptions?: unknown[] };
    const names = Object.keys(plugin.rules).sort();
    const expect = (filter: (n: string) => boolean, level = 'error') =>
      Object.fromEntries(names.filter(filter).map((n) => [`torch2tf/${n}`, level]));
    // the strict configs pass `meta.docs.strictOptions` where a rule declares them
    const strictly = (filter: (n: string) => boolean) =>
      Object.fromEntries(names.filter(filter).map((n) => [`torch2tf/${n}`, metaOf(n).strictOptions ? ['error', ...metaOf(n).strictOptions!] : 'error']));
    const typed = (n: string) => metaOf(n).requiresTypeChecking === true;
    const want: Record<string, Record<string, unknown>> = {
      recommended: expect((n) => metaOf(n).recommended === 'recommended' && !typed(n)),
      'recommended-type-checked': expect((n) => metaOf(n).recommended === 'recommended'),
      strict: strictly((n) => !!metaOf(n).recommended && !typed(n)),
      'strict-type-checked': strictly((n) => !!metaOf(n).recommended),
      all: expect(() => true),
      'disable-type-checked': expect(typed, 'off'),
    };
    assert.deepEqual(Object.keys(plugin.configs).sort(), Object.keys(want).sort());
    for (const [name, rules] of Object.entries(want)) {
      const cfg = plugin.configs[name as keyof typeof plugin.configs] as { name: string; rules: unknown; plugins: Record<string, unknown> };
      assert.equal(cfg.name, `torch2tf/${name}`);
      assert.deepEqual(cfg.rules, rules, name);
      assert.equal(cfg.plugins['torch2tf'], plugin);
    }
  });

  it('the built package loads through require() and import() in plain Node, giving the same plugin object', () => {
    // a fresh process without tsx: what users' eslint.config.{js,cjs} get
    const script = `
      const viaRequire = require('eslint-plugin-torch2tf');
      import('eslint-plugin-torch2tf').then((m) => {
        console.log(JSON.stringify({ same: m.default === viaRequire, name: viaRequire.meta.name, configs: Object.keys(viaRequire.configs).sort() }));
      });`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: fileURLToPath(root), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), {
      same: true,
      name: 'eslint-plugin-torch2tf',
      configs: ['all', 'disable-type-checked', 'recommended', 'recommended-type-checked', 'strict', 'strict-type-checked'],
    });
  });

  it('works in defineConfig({ extends: ["torch2tf/recommended"] }) and reports through the ESLint class', async () => {
    const { defineConfig } = await import('eslint/config');
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: defineConfig({ files: ['**/*.js'], plugins: { torch2tf: plugin }, extends: ['torch2tf/recommended'] }),
    });
    const [res] = await eslint.lintText(`import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.eval();\n`, { filePath: 'a.js' });
    assert.deepEqual(res!.messages.map((m) => m.ruleId), ['torch2tf/no-torch-mode-switch']);
  });
});
