// The pre-commit path, end to end with real git and lint-staged: a temporary repository set up like
// the README recipe (husky's `core.hooksPath` + `.husky/pre-commit` running `npx lint-staged`, and
// lint-staged running eslint with the plugin), packages linked from this repository's node_modules
// (no network). A staged PyTorch-ism refuses the commit with the rule's message; clean files,
// commits without lintable files, and files the config ignores go through.
// Also the pre-commit framework hook (.pre-commit-hooks.yaml): its entry, run the way the
// framework runs a `system` hook (entry + the staged file names), refuses and accepts the same
// files. (The pre-commit tool itself is a Python package that CI does not have; the hook was also
// checked by hand with pre-commit 4.6.2: see docs/cli.md.)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { projectConfig, ROOT, tempProject } from '../fixtures-e2e/helpers.js';

const BAD = `import * as tf from '@tensorflow/tfjs';

export function evaluate(model: tf.LayersModel, xs: tf.Tensor) {
  model.eval(); // PyTorch habit
  return model.predict(xs);
}
`;
const GOOD = BAD.replace('  model.eval(); // PyTorch habit\n', '');

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
}

function commit(dir: string, message: string): { code: number | null; output: string } {
  const r = spawnSync('git', ['commit', '-m', message], { cwd: dir, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', CI: 'true' } });
  return { code: r.status, output: r.stdout + r.stderr };
}

function initRepo(files: Record<string, string>, packages: string[]): string {
  const dir = tempProject(files, packages);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.email', 'e2e@example.com');
  git(dir, 'config', 'user.name', 'e2e');
  git(dir, 'config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, '.gitignore'), 'node_modules/\n');
  return dir;
}

function bin(dir: string, name: string, target: string): void {
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(target, join(dir, 'node_modules/.bin', name));
}

/** The README's recipe: the lint-staged config and the husky hook line, as documented. */
function readmeRecipe(): { lintStaged: Record<string, string>; hook: string } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Pre-commit'), readme.indexOf('\n## CI'));
  const json = /```jsonc\n([\s\S]*?)```/.exec(section)?.[1];
  const hook = /echo "(.+)" > \.husky\/pre-commit/.exec(section)?.[1];
  assert.ok(json && hook, 'README "## Pre-commit" has the lint-staged config and the husky hook');
  const config = JSON.parse(json.replace(/^\s*\/\/.*$/gm, '')) as { 'lint-staged': Record<string, string> };
  return { lintStaged: config['lint-staged'], hook };
}

describe('pre-commit: husky + lint-staged + eslint (the README recipe)', () => {
  const recipe = readmeRecipe();
  const dir = initRepo(
    {
      'package.json': JSON.stringify({ name: 'port', private: true, type: 'module', 'lint-staged': recipe.lintStaged }, null, 2),
      'eslint.config.js': projectConfig(`{ ignores: ['generated/**'] },`),
      '.husky/pre-commit': `${recipe.hook}\n`,
      'README.md': '# port\n',
    },
    ['eslint', 'lint-staged', 'eslint-plugin-torch2tf', '@typescript-eslint/parser'],
  );
  bin(dir, 'eslint', '../eslint/bin/eslint.js');
  bin(dir, 'lint-staged', '../lint-staged/bin/lint-staged.js');
  chmodSync(join(dir, '.husky/pre-commit'), 0o755);
  git(dir, 'config', 'core.hooksPath', '.husky'); // what `husky` (v9) sets up

  it('a commit with no lintable staged file goes through (the hook does not fail)', () => {
    git(dir, 'add', 'README.md', 'package.json', 'eslint.config.js', '.husky/pre-commit', '.gitignore');
    const r = commit(dir, 'set up');
    assert.equal(r.code, 0, r.output);
    // eslint.config.js is lintable and clean; a second commit with only a markdown file:
    writeFileSync(join(dir, 'NOTES.md'), 'notes\n');
    git(dir, 'add', 'NOTES.md');
    const notes = commit(dir, 'notes');
    assert.equal(notes.code, 0, notes.output);
    assert.match(notes.output, /lint-staged could not find any staged files matching configured tasks/);
  });

  it('a staged PyTorch-ism refuses the commit with the rule message; the file stays staged', () => {
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src/evaluate.ts'), BAD);
    git(dir, 'add', 'src/evaluate.ts');
    const head = git(dir, 'rev-parse', 'HEAD');
    const r = commit(dir, 'port evaluate');
    assert.notEqual(r.code, 0, r.output);
    assert.match(r.output, /4:9 +error +tfjs models have no `eval\(\)`: this call throws "TypeError: eval is not a function"/);
    assert.match(r.output, /torch2tf\/no-torch-mode-switch/);
    assert.equal(git(dir, 'rev-parse', 'HEAD'), head, 'nothing committed');
    assert.match(git(dir, 'diff', '--cached', '--name-only'), /src\/evaluate\.ts/);
    assert.equal(readFileSync(join(dir, 'src/evaluate.ts'), 'utf8'), BAD, 'the working tree is untouched');
  });

  it('the clean version commits', () => {
    writeFileSync(join(dir, 'src/evaluate.ts'), GOOD);
    git(dir, 'add', 'src/evaluate.ts');
    const r = commit(dir, 'port evaluate');
    assert.equal(r.code, 0, r.output);
    assert.match(git(dir, 'log', '--oneline', '-1'), /port evaluate/);
  });

  it('a staged file the ESLint config ignores goes through (--no-warn-ignored)', () => {
    mkdirSync(join(dir, 'generated'), { recursive: true });
    writeFileSync(join(dir, 'generated/model.js'), BAD.replace(/: tf\.\w+/g, ''));
    git(dir, 'add', 'generated/model.js');
    const r = commit(dir, 'generated code');
    assert.equal(r.code, 0, r.output);
  });
});

describe('pre-commit: lint-staged running the torch2tf CLI (projects without an ESLint config)', () => {
  const section = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n## Pre-commit')[1]!.split('\n## CI')[0]!;
  const command = /use `"(torch2tf[^"`]*)"` as the\s+command/.exec(section)?.[1];
  const dir = initRepo(
    { 'package.json': JSON.stringify({ name: 'port', private: true, 'lint-staged': { '*.{js,mjs,cjs,ts,tsx}': command } }), '.husky/pre-commit': 'npx lint-staged\n' },
    ['lint-staged', 'eslint-plugin-torch2tf'],
  );
  bin(dir, 'lint-staged', '../lint-staged/bin/lint-staged.js');
  bin(dir, 'torch2tf', '../eslint-plugin-torch2tf/dist/src/cli/cli.js');
  chmodSync(join(dir, '.husky/pre-commit'), 0o755);
  git(dir, 'config', 'core.hooksPath', '.husky');

  it('refuses the PyTorch-ism, commits the clean file', () => {
    assert.ok(command, 'README names the torch2tf command for lint-staged');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/evaluate.ts'), BAD);
    git(dir, 'add', '.');
    const bad = commit(dir, 'bad');
    assert.notEqual(bad.code, 0, bad.output);
    assert.match(bad.output, /4:9 +error +tfjs models have no `eval\(\)`/);
    writeFileSync(join(dir, 'src/evaluate.ts'), GOOD);
    git(dir, 'add', '.');
    const good = commit(dir, 'good');
    assert.equal(good.code, 0, good.output);
  });
});

describe('pre-commit framework hook (.pre-commit-hooks.yaml)', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    types_or: string[];
  }
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks.find((h) => h.id === 'torch2tf')!;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

  it('runs the project\'s installed torch2tf bin (npx, no install) on JS/TS files', () => {
    assert.equal(hook.language, 'system');
    assert.match(hook.entry, /^npx --no-install torch2tf( |$)/);
    assert.equal(pkg.bin['torch2tf'], './dist/src/cli/cli.js');
    // identify's tags: .js/.mjs/.cjs are `javascript`, .ts `ts`, .tsx `tsx`: what the CLI lints
    assert.deepEqual([...hook.types_or].sort(), ['javascript', 'ts', 'tsx']);
  });

  // pre-commit runs a `system` hook as `entry… <staged files matching types_or>` in the repository
  // (and skips it when no file matches), with the project's node_modules installed.
  const run = (dir: string, files: string[]) => {
    const [cmd, ...args] = hook.entry.split(/\s+/);
    return spawnSync(cmd!, [...args, ...files], { cwd: dir, encoding: 'utf8' });
  };

  it('refuses a staged PyTorch-ism with the rule message and accepts the clean file', () => {
    const dir = initRepo({ 'src/evaluate.ts': BAD, 'src/clean.ts': GOOD, 'package.json': '{"name":"port","private":true}' }, [
      'eslint-plugin-torch2tf',
    ]);
    bin(dir, 'torch2tf', '../eslint-plugin-torch2tf/dist/src/cli/cli.js');
    const bad = run(dir, ['src/evaluate.ts', 'src/clean.ts']);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /4:9 +error +tfjs models have no `eval\(\)`.*torch2tf\/no-torch-mode-switch/);
    const good = run(dir, ['src/clean.ts']);
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });
});
