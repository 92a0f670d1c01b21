// The oxlint path: the plugin's rules that need no type information run unchanged as an oxlint JS
// plugin (`jsPlugins`). The oxlint binary from node_modules must report exactly what ESLint reports
// (rule, file, line, column, message) on fixtures/pytorch-port and fixtures/idiomatic, on every
// example of every rule's docs page, and with `settings.torch2tf` and eslint-disable comments.
// Autofixes: oxlint applies one round of non-overlapping fixes per run where ESLint re-lints and
// repeats up to 10 times (oxc-project/oxc#16118), so overlapping fixes (`x.contiguous().cpu()`)
// need repeated `oxlint --fix` runs; once stable, the files equal ESLint's fix output.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';
import { PLUGIN, ROOT, sortFindings, tempDir, tempProject, type Finding } from '../fixtures-e2e/helpers.js';

const OXLINT = join(ROOT, 'node_modules/.bin/oxlint');
const FILES = ['**/*.{js,mjs,cjs,ts,tsx}'];
const UNTYPED = Object.entries(plugin.rules)
  .filter(([, r]) => !(r.meta?.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking)
  .map(([name]) => `torch2tf/${name}`)
  .sort();
const RULES = Object.fromEntries(UNTYPED.map((id) => [id, 'error' as const]));
const SETTINGS = { torch2tf: { modules: ['./tf'], globals: ['tf'] } };

interface Full extends Finding {
  readonly message: string;
}

interface OxDiagnostic {
  code: string;
  message: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

/** oxlint's own rules off (`plugins: []`, no categories): only the torch2tf JS plugin runs. */
function oxlintConfig(dir: string): string {
  const file = join(dir, '.oxlintrc.json');
  writeFileSync(file, JSON.stringify({ jsPlugins: [PLUGIN], plugins: [], categories: { correctness: 'off' }, settings: SETTINGS, rules: RULES }, null, 2));
  return file;
}

function oxlint(cwd: string, config: string, args: string[]): { diagnostics: OxDiagnostic[]; code: number | null } {
  const r = spawnSync(OXLINT, ['-c', config, '-f', 'json', ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.ok(r.stdout.trim().startsWith('{'), `oxlint failed: ${r.stderr}${r.stdout}`);
  return { diagnostics: (JSON.parse(r.stdout) as { diagnostics: OxDiagnostic[] }).diagnostics, code: r.status };
}

function oxFindings(diagnostics: OxDiagnostic[]): Full[] {
  return sortFindings(
    diagnostics.map((d) => ({
      ruleId: d.code.replace(/^torch2tf\((.+)\)$/, 'torch2tf/$1'),
      file: d.filename.split(sep).join('/'),
      line: d.labels[0]?.span.line ?? 0,
      column: d.labels[0]?.span.column ?? 0,
      message: d.message,
    })),
  );
}

function eslintFor(cwd: string, fix = false): ESLint {
  return new ESLint({
    cwd,
    fix,
    overrideConfigFile: true,
    overrideConfig: [
      { files: FILES, plugins: { torch2tf: plugin }, rules: RULES, settings: SETTINGS },
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser } },
    ],
  });
}

async function eslintFindings(cwd: string, targets: string[]): Promise<Full[]> {
  const results = await eslintFor(cwd).lintFiles(targets);
  for (const r of results) assert.equal(r.fatalErrorCount, 0, `${r.filePath}: ${r.messages[0]?.message}`);
  return sortFindings(
    results.flatMap((r) =>
      r.messages.map((m) => ({ ruleId: m.ruleId, file: relative(cwd, r.filePath).split(sep).join('/'), line: m.line, column: m.column, message: m.message })),
    ),
  );
}

/** Every ```js/ts block of every rule's docs page, plus settings/globals/directive cases, as files. */
function docExamplesProject(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'src'));
  const docs = join(ROOT, 'docs/rules');
  for (const f of readdirSync(docs)) {
    let i = 0;
    for (const m of readFileSync(join(docs, f), 'utf8').matchAll(/```(ts|js|typescript|javascript)\n([\s\S]*?)```/g)) {
      writeFileSync(join(dir, 'src', `${f.replace(/\.md$/, '')}-${i++}.${m[1]!.startsWith('t') ? 'ts' : 'js'}`), m[2]!);
    }
  }
  writeFileSync(join(dir, 'src/settings-modules.js'), `import * as tf from './tf';\nconst m = tf.sequential();\nm.eval();\n`);
  writeFileSync(join(dir, 'src/settings-globals.js'), `const m = tf.sequential();\nm.train();\n`);
  writeFileSync(
    join(dir, 'src/directives.js'),
    `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\n// eslint-disable-next-line torch2tf/no-torch-mode-switch\nm.eval();\nm.train(); // eslint-disable-line torch2tf/no-torch-mode-switch\nm.eval();\n/* eslint-disable torch2tf/no-torch-mode-switch */\nm.train();\n`,
  );
  return dir;
}

describe('oxlint JS plugin', () => {
  it(`runs every rule without type information (${UNTYPED.length}) and reports exactly what ESLint reports on the fixtures`, async () => {
    const dir = tempDir();
    const targets = ['fixtures/pytorch-port', 'fixtures/idiomatic'];
    const { diagnostics } = oxlint(ROOT, oxlintConfig(dir), targets);
    const ox = oxFindings(diagnostics);
    const es = await eslintFindings(ROOT, targets);
    assert.deepEqual(ox, es);
    const modeSwitch = ox.filter((f) => f.ruleId === 'torch2tf/no-torch-mode-switch' && f.file === 'fixtures/pytorch-port/src/evaluate.ts');
    assert.deepEqual(modeSwitch.map((f) => [f.line, f.column]), [[6, 9], [9, 9]]);
  });

  it('reports exactly what ESLint reports on every docs example, with settings.torch2tf and eslint-disable comments', async () => {
    const dir = docExamplesProject();
    const ox = oxFindings(oxlint(dir, oxlintConfig(dir), ['src']).diagnostics);
    const es = await eslintFindings(dir, ['src']);
    assert.deepEqual(ox, es);
    assert.ok(es.some((f) => f.file === 'src/settings-modules.js'), 'settings.torch2tf.modules reaches the rules');
    assert.ok(es.some((f) => f.file === 'src/settings-globals.js'), 'settings.torch2tf.globals reaches the rules');
    assert.deepEqual(es.filter((f) => f.file === 'src/directives.js').map((f) => f.line), [6]);
  });

  it('oxlint --fix, repeated until stable, writes exactly ESLint\'s fix output', async () => {
    const source = docExamplesProject();
    const oxDir = tempDir();
    const esDir = tempDir();
    cpSync(source, oxDir, { recursive: true });
    cpSync(source, esDir, { recursive: true });
    await ESLint.outputFixes(await eslintFor(esDir, true).lintFiles(['src']));
    const config = oxlintConfig(tempDir());
    const snapshot = () => Object.fromEntries(readdirSync(join(oxDir, 'src')).map((f) => [f, readFileSync(join(oxDir, 'src', f), 'utf8')]));
    let before = snapshot();
    for (let run = 1; run <= 10; run++) {
      spawnSync(OXLINT, ['-c', config, '--fix', 'src'], { cwd: oxDir, encoding: 'utf8' });
      const after = snapshot();
      if (JSON.stringify(after) === JSON.stringify(before)) break;
      before = after;
    }
    const expected = Object.fromEntries(readdirSync(join(esDir, 'src')).map((f) => [f, readFileSync(join(esDir, 'src', f), 'utf8')]));
    assert.deepEqual(before, expected);
  });

  it('the README recipe: `jsPlugins: ["eslint-plugin-torch2tf"]` with the recommended rules, generated by the documented one-liner', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## oxlint'));
    const command = /\n(node --input-type=module -e .+ > \.oxlintrc\.json)\n/.exec(section)?.[1];
    assert.ok(command, 'README "## oxlint" shows the one-liner that writes .oxlintrc.json');
    const dir = tempProject(
      { 'package.json': '{"type":"module"}', 'src/evaluate.ts': readFileSync(join(ROOT, 'fixtures/pytorch-port/src/evaluate.ts'), 'utf8') },
      ['eslint-plugin-torch2tf'],
    );
    execFileSync('sh', ['-c', command], { cwd: dir });
    const config = JSON.parse(readFileSync(join(dir, '.oxlintrc.json'), 'utf8')) as { jsPlugins: string[]; rules: Record<string, string> };
    assert.deepEqual(config.jsPlugins, ['eslint-plugin-torch2tf']);
    assert.deepEqual(config.rules, (plugin.configs.recommended as Linter.Config).rules);
    const r = spawnSync(OXLINT, ['-f', 'json', 'src'], { cwd: dir, encoding: 'utf8' });
    const ours = (JSON.parse(r.stdout) as { diagnostics: OxDiagnostic[] }).diagnostics.filter((d) => d.code === 'torch2tf(no-torch-mode-switch)');
    assert.deepEqual(ours.map((d) => d.labels[0]!.span.line), [6, 9]);
    assert.equal(r.status, 1);
  });
});
