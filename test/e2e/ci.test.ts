// CI paths through the ESLint Node API: `cache: true` (a second run is served from the cache; a new
// plugin version invalidates it) and `concurrency: 2` (worker threads, which need cloneable options,
// so the config comes from a temp eslint.config.mjs importing the built plugin by absolute path)
// giving the same results as a single-threaded run. And the README's GitHub Actions example.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter, type Rule } from 'eslint';
import plugin from '../../src/index.js';
import { parse } from 'yaml';
import { PLUGIN, ROOT, runCli, tempDir } from '../fixtures-e2e/helpers.js';
import { sarifValidator } from '../fixtures-e2e/sarif.js';

const FILES = ['**/*.{js,mjs,cjs,ts,tsx}'];
const TARGETS = ['fixtures/pytorch-port', 'fixtures/idiomatic'];

/** What must be identical between runs: per file (relative), every message's rule, place and text. */
function comparable(results: readonly ESLint.LintResult[]) {
  return results
    .map((r) => ({
      file: relative(ROOT, r.filePath).split(sep).join('/'),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      messages: r.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, message: m.message, suggestions: m.suggestions?.map((s) => s.desc) })),
    }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** The plugin with every rule's `create` counted, under a chosen `meta.version`. */
function countingPlugin(version: string): { plugin: ESLint.Plugin; calls: () => number } {
  let calls = 0;
  const rules = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => {
      const r = rule as Rule.RuleModule;
      return [name, { ...r, create: (ctx: Rule.RuleContext) => (calls++, r.create(ctx)) }];
    }),
  );
  return { plugin: { meta: { ...plugin.meta, version }, rules }, calls: () => calls };
}

function cachedESLint(p: ESLint.Plugin, cacheLocation: string): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { files: FILES },
      { files: FILES, plugins: { torch2tf: p }, rules: (plugin.configs.recommended as Linter.Config).rules },
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser } },
    ],
    cache: true,
    cacheLocation,
  });
}

describe('CI: ESLint cache', () => {
  it('a second run is served from the cache with identical results; a new plugin version invalidates it', async () => {
    const cacheLocation = join(tempDir(), '.eslintcache');
    const version = plugin.meta.version;

    const first = countingPlugin(version);
    const r1 = await cachedESLint(first.plugin, cacheLocation).lintFiles(TARGETS);
    assert.ok(existsSync(cacheLocation), 'cache written');
    assert.ok(first.calls() > 0, 'rules ran on the first run');
    assert.ok(r1.some((r) => r.messages.some((m) => m.ruleId === 'torch2tf/no-torch-mode-switch' && m.line === 6 && r.filePath.endsWith('evaluate.ts'))));

    const second = countingPlugin(version);
    const r2 = await cachedESLint(second.plugin, cacheLocation).lintFiles(TARGETS);
    assert.equal(second.calls(), 0, 'no rule ran: every file came from the cache');
    assert.deepEqual(comparable(r2), comparable(r1));

    const bumped = countingPlugin(`${version}-next`);
    const r3 = await cachedESLint(bumped.plugin, cacheLocation).lintFiles(TARGETS);
    assert.equal(bumped.calls(), first.calls(), 'a new plugin version re-lints every file');
    assert.deepEqual(comparable(r3), comparable(r1));
    assert.match(readFileSync(cacheLocation, 'utf8'), /evaluate\.ts/);
  });
});

describe('CI: concurrency', () => {
  it('concurrency: 2 (worker threads) gives the same results as a single-threaded run', async () => {
    const dir = tempDir();
    const threadLog = join(dir, 'threads.log');
    const config = join(dir, 'eslint.config.mjs');
    const parser = pathToFileURL(join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js')).href;
    writeFileSync(
      config,
      `import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import torch2tf from ${JSON.stringify(pathToFileURL(PLUGIN).href)};
import tsParser from ${JSON.stringify(parser)};
appendFileSync(${JSON.stringify(threadLog)}, threadId + '\\n');
export default [
  { files: ${JSON.stringify(FILES)} },
  { ...torch2tf.configs.recommended, files: ${JSON.stringify(FILES)} },
  { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
];
`,
    );
    // In a plain Node process: worker threads inherit the test runner's `--import tsx` loader flags,
    // which do not work inside workers. This is also how CI runs ESLint.
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `import { ESLint } from ${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/eslint/lib/api.js')).href)};
const targets = ${JSON.stringify(TARGETS)};
const single = await new ESLint({ cwd: ${JSON.stringify(ROOT)}, overrideConfigFile: ${JSON.stringify(config)} }).lintFiles(targets);
const threaded = await new ESLint({ cwd: ${JSON.stringify(ROOT)}, overrideConfigFile: ${JSON.stringify(config)}, concurrency: 2 }).lintFiles(targets);
process.stdout.write(JSON.stringify({ single, threaded }));
`,
    );
    const out = execFileSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const { single, threaded } = JSON.parse(out) as { single: ESLint.LintResult[]; threaded: ESLint.LintResult[] };
    assert.ok(single.length >= 2, 'enough files for two threads');
    assert.deepEqual(comparable(threaded), comparable(single));
    assert.ok(comparable(single).some((r) => r.file === 'fixtures/pytorch-port/src/evaluate.ts' && r.messages.some((m) => m.line === 9)));
    const threads = new Set(readFileSync(threadLog, 'utf8').trim().split('\n'));
    assert.ok([...threads].some((t) => t !== '0'), `the config was loaded in worker threads (thread ids: ${[...threads].join(', ')})`);
  });
});

describe('CI: the README GitHub Actions example', () => {
  interface Step {
    run?: string;
    uses?: string;
    with?: Record<string, unknown>;
  }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## CI'), readme.indexOf('\n## oxlint'));
  const workflow = parse(/```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '') as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it('is a workflow whose torch2tf steps annotate (github format) and write a valid SARIF file that is uploaded', async () => {
    // `npx --no-install`: the installed plugin's bin, never a registry package named torch2tf
    const commands = steps.filter((s) => s.run?.startsWith('npx --no-install torch2tf ')).map((s) => s.run!.split(/\s+(\|\||#)/)[0]!.split(/\s+/).slice(3));
    assert.equal(commands.length, 2);
    const dir = tempDir();
    cpSync(join(ROOT, 'fixtures/pytorch-port'), dir, { recursive: true });
    const github = await runCli(commands[0]!, dir);
    assert.equal(github.code, 1);
    assert.match(github.stdout, /^::error file=src\/evaluate\.ts,line=6,endLine=6,col=9,endColumn=13,title=torch2tf\/no-torch-mode-switch::/m);
    const sarif = await runCli(commands[1]!, dir);
    assert.equal(sarif.code, 1);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    const file = join(dir, String(upload?.with?.['sarif_file']));
    assert.deepEqual(sarifValidator()(JSON.parse(readFileSync(file, 'utf8'))), []);
  });
});
