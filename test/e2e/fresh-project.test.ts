// What a user gets from `npm install`: the packed tarball (npm pack of the built plugin) installed into
// fresh `npm init -y` projects (npm's default "type": "commonjs") from the npm registry, with the
// README's install commands and every `eslint.config.mjs` block of the README written verbatim, run
// with ESLint 9 and 10 against files with a known finding. Also: the peer ranges next to the
// TypeScript versions real tfjs projects pin (4.8.3, as tensorflow/tfjs-examples does, and 6.0), with
// and without --omit=optional; what a JavaScript-only install pulls in; and the CLI's edges as a user
// meets them (`npx --no-install torch2tf`, `.ts` without the parser, HTML with and without
// eslint-plugin-html, nothing linted).
//
// Needs the npm registry (npm's usual cache, --prefer-offline: a warm cache makes it mostly local).
// About 10 installs, three at a time.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { ESLint } from 'eslint';
import { ROOT, tempDir } from '../fixtures-e2e/helpers.js';

const RULE = 'torch2tf/no-unknown-options';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const INSTALL_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline'];

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a user's shell: npm's own `npm_*` variables (set when this runs under `npm test`,
 * e.g. npm_config_omit or the package's npm_package_*) removed, so every npm child reads only the
 * user's npmrc. The cache, registry and proxy settings are kept.
 */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    const low = k.toLowerCase();
    if (low.startsWith('npm_') && !/^npm_config_(cache|registry|userconfig|.*proxy|ca|cafile|strict_ssl)$/.test(low)) continue;
    env[k] = v;
  }
  delete env['TORCH2TF_TESTING'];
  return { ...env, FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}

function run(cmd: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: userEnv(env), shell: process.platform === 'win32' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// ---------------------------------------------------------------------------------------------
// The README, read as a user reads it.

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The text of a `#`/`##`/`###` section up to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `README has the heading ${heading}`);
  const level = /^#+/.exec(heading)![0].length;
  const rest = README.slice(start + heading.length + 2);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

type Kind = 'js' | 'typed' | 'html';

/** The `npm install --save-dev …` line of the ```sh block of each install section. */
const INSTALL_COMMANDS: Record<Kind, string[]> = {
  js: installLine(section('## Install')),
  typed: installLine(section('### Type-aware linting')),
  html: installLine(section('### HTML pages')),
};

function installLine(text: string): string[] {
  const line = /```sh\n(npm install --save-dev [^\n]+)\n/.exec(text)?.[1];
  assert.ok(line, 'the section shows an `npm install --save-dev` command');
  return line.split(/\s+/);
}

interface Block {
  readonly index: number;
  readonly line: number;
  readonly text: string;
  readonly kind: Kind;
  /** `defineConfig` from 'eslint/config' exists from ESLint 9.22 (README says so next to the block). */
  readonly needsDefineConfig: boolean;
  readonly globalTf: boolean;
}

/** Every ```js block of the README: each is an `eslint.config.mjs` (its first line says so). */
const BLOCKS: Block[] = [...README.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m, index) => {
  const text = m[1]!;
  const line = README.slice(0, m.index).split('\n').length;
  assert.ok(text.startsWith('// eslint.config.mjs\n'), `README line ${line}: a js block that is not an eslint.config.mjs; teach this test what to do with it`);
  const kind: Kind = text.includes("from 'typescript-eslint'") ? 'typed' : text.includes("from 'eslint-plugin-html'") ? 'html' : 'js';
  return {
    index,
    line,
    text,
    kind,
    needsDefineConfig: text.includes("from 'eslint/config'"),
    globalTf: kind === 'js' && /globals: \['tf'\]/.test(text),
  };
});

// ---------------------------------------------------------------------------------------------
// The files linted in every project.

/**
 * Two findings: an option tfjs ignores, and a freeze after compile() that fit() ignores. The second comes
 * from a rule that asks the code paths, which it rebuilds from the steps of ESLint's traversal: this runs it
 * on every ESLint version the projects install (9.15, 9.39, 10).
 */
const FINDING =
  `import * as tf from '@tensorflow/tfjs';\n\nexport const drop = tf.layers.dropout({ p: 0.5 });\n\n` +
  `export async function train(xs, ys) {\n  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });\n` +
  `  model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });\n  model.layers[0].trainable = false;\n  await model.fit(xs, ys);\n}\n`;
const FINDING_RULES = [RULE, 'torch2tf/no-trainable-after-compile'];
const CLEAN = `import * as tf from '@tensorflow/tfjs';\n\nexport const drop = tf.layers.dropout({ rate: 0.5 });\n`;
/** `tf` as a global (a script-tag page's code): a tfjs value only with settings.torch2tf.globals. */
const GLOBAL = `export const drop = tf.layers.dropout({ p: 0.5 });\n`;
const page = (script: string) => `<!doctype html>
<html>
<head>
  <script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js"></script>
</head>
<body>
  <script>
    const drop = tf.layers.dropout({ ${script} });
  </script>
</body>
</html>
`;
const FILES: Record<string, string> = {
  'src/finding.js': FINDING,
  'src/clean.js': CLEAN,
  'src/global.js': GLOBAL,
  'src/finding.ts': FINDING.replace('export const drop =', 'export const drop: unknown ='),
  'src/clean.ts': CLEAN,
  'page.html': page('p: 0.5'),
  'clean.html': page('rate: 0.5'),
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, noEmit: true, skipLibCheck: true }, include: ['src'] }, null, 2),
};

/** What each block is run on, and the torch2tf findings expected per file. */
function targets(b: Block): { files: Record<string, string[]>; clean: string } {
  if (b.kind === 'typed') return { files: { 'src/finding.ts': FINDING_RULES, 'src/clean.ts': [], 'src/finding.js': FINDING_RULES }, clean: 'src/clean.ts' };
  if (b.kind === 'html') return { files: { 'page.html': [RULE], 'clean.html': [], 'src/finding.js': FINDING_RULES }, clean: 'clean.html' };
  return { files: { 'src/finding.js': FINDING_RULES, 'src/clean.js': [], 'src/global.js': b.globalTf ? [RULE] : [] }, clean: 'src/clean.js' };
}

// ---------------------------------------------------------------------------------------------
// The projects.

interface Project {
  readonly name: string;
  /** Which README install command, run as written (the plugin's name replaced by the tarball). */
  readonly install: Kind;
  /** Replaces the bare `eslint` of the README command (default: as written, i.e. the latest, ESLint 10). */
  readonly eslint?: string;
  readonly eslintMajor: 9 | 10;
  /** devDependencies written into package.json before the install, as a tfjs project pins them. */
  readonly pin?: Record<string, string>;
  readonly omitOptional?: boolean;
  /** Which README blocks of the install's kind run here (all by default; the first for the peer checks). */
  readonly blocks?: 'first';
}

const ESLINT_9 = '^9.39.0';
const PROJECTS: Project[] = [
  { name: 'js, ESLint 10', install: 'js', eslintMajor: 10 },
  { name: 'js, ESLint 9', install: 'js', eslint: ESLINT_9, eslintMajor: 9 },
  // the floor of the eslint peer range
  { name: 'js, ESLint 9.15.0', install: 'js', eslint: '9.15.0', eslintMajor: 9 },
  { name: 'typed, ESLint 10', install: 'typed', eslintMajor: 10 },
  { name: 'typed, ESLint 9, typescript ~6.0.3 pinned', install: 'typed', eslint: ESLINT_9, eslintMajor: 9, pin: { typescript: '~6.0.3' } },
  { name: 'html, ESLint 10', install: 'html', eslintMajor: 10 },
  { name: 'html, ESLint 9', install: 'html', eslint: ESLINT_9, eslintMajor: 9 },
  { name: 'js, typescript 4.8.3 pinned', install: 'js', eslintMajor: 10, pin: { typescript: '4.8.3' }, blocks: 'first' },
  { name: 'js, typescript 4.8.3 pinned, --omit=optional', install: 'js', eslint: ESLINT_9, eslintMajor: 9, pin: { typescript: '4.8.3' }, omitOptional: true, blocks: 'first' },
  { name: 'js, typescript ~6.0.3 pinned, --omit=optional', install: 'js', eslintMajor: 10, pin: { typescript: '~6.0.3' }, omitOptional: true, blocks: 'first' },
];

let tarball = '';
before(async () => {
  // The built dist/ (npm test builds first; the helpers check it exists): --ignore-scripts skips
  // prepack's second build. One tarball for every project.
  const dir = tempDir('torch2tf-pack-');
  const r = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT);
  assert.equal(r.code, 0, r.stderr);
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info!.files.some((f) => f.path === 'dist/src/index.js') && info!.files.some((f) => f.path === 'dist/src/cli/cli.js'), 'the tarball holds dist');
  tarball = join(dir, info!.filename);
});

const installed = new Map<string, Promise<{ dir: string; install: Run }>>();

async function createProject(p: Project): Promise<{ dir: string; install: Run }> {
  const dir = tempDir('torch2tf-fresh-');
  const init = await run(NPM, ['init', '-y'], dir);
  assert.equal(init.code, 0, init.stderr);
  const pkgFile = join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, unknown>;
  assert.equal(pkg['type'] ?? 'commonjs', 'commonjs', 'npm init -y makes a CommonJS package');
  if (p.pin) writeFileSync(pkgFile, JSON.stringify({ ...pkg, devDependencies: p.pin }, null, 2));
  const args = INSTALL_COMMANDS[p.install].slice(1).map((a) => (a === 'eslint-plugin-torch2tf' ? tarball : a === 'eslint' && p.eslint ? `eslint@${p.eslint}` : a));
  const install = await run(NPM, [...args, ...INSTALL_FLAGS, ...(p.omitOptional ? ['--omit=optional'] : [])], dir);
  for (const [rel, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return { dir, install };
}

function project(p: Project) {
  let got = installed.get(p.name);
  if (!got) installed.set(p.name, (got = createProject(p)));
  return got;
}

function versionOf(dir: string, pkg: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/** The torch2tf rule ids per file of an `eslint --format json` run; fatal messages (parse errors) show as such. */
function findingsByFile(dir: string, stdout: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as ESLint.LintResult[];
  return Object.fromEntries(
    results.map((r) => [r.filePath.slice(dir.length + 1).split('\\').join('/'), r.messages.map((m) => (m.fatal ? `fatal: ${m.message}` : String(m.ruleId)))]),
  );
}

/** `npx --no-install torch2tf …` in `cwd`, the report 160 columns wide (the CLI reads $COLUMNS when piped). */
function torch2tf(args: readonly string[], cwd: string): Promise<Run> {
  return run(NPX, ['--no-install', 'torch2tf', ...args], cwd, { COLUMNS: '160' });
}

/** Which README blocks ran with which ESLint major (every block must run with both). */
const coverage = new Map<number, Set<number>>();

/**
 * Runs README block `b` verbatim as the project's eslint.config.mjs: exit 1 and exactly the expected
 * findings per file; with `cleanRun`, also exit 0 on a file without a finding (once per project: an
 * ESLint start-up costs a second or two on a busy machine).
 */
async function runBlock(dir: string, b: Block, major: number, cleanRun: boolean): Promise<void> {
  const config = join(dir, 'eslint.config.mjs');
  writeFileSync(config, b.text);
  try {
    const { files, clean } = targets(b);
    const r = await run(NPX, ['--no-install', 'eslint', '--format', 'json', ...Object.keys(files)], dir);
    assert.equal(r.code, 1, `README block at line ${b.line}: exit 1 on the known finding\n${r.stderr}${r.stdout.slice(0, 2000)}`);
    assert.deepEqual(findingsByFile(dir, r.stdout), files, `README block at line ${b.line}`);
    if (cleanRun) {
      const ok = await run(NPX, ['--no-install', 'eslint', clean], dir);
      assert.equal(ok.code, 0, `README block at line ${b.line}: a file without a finding exits 0\n${ok.stdout}${ok.stderr}`);
    }
    const seen = coverage.get(b.index) ?? new Set<number>();
    seen.add(major);
    coverage.set(b.index, seen);
  } finally {
    rmSync(config, { force: true });
  }
}

/** Apparent size in bytes of a directory tree (symlinks not followed). */
function sizeOf(path: string): number {
  const st = lstatSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((n, name) => n + sizeOf(join(path, name)), 0);
}

/** The lockfile paths of `start` and everything it depends on (npm's nested node_modules lookup). */
function closure(lock: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>, start: string): Set<string> {
  const resolve = (from: string, name: string): string | null => {
    for (let base = from; ; ) {
      const p = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock[p]) return p;
      if (!base) return null;
      const i = base.lastIndexOf('/node_modules/');
      base = i < 0 ? '' : base.slice(0, i);
    }
  };
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const p = stack.pop()!;
    if (seen.has(p) || !lock[p]) continue;
    seen.add(p);
    const e = lock[p]!;
    for (const deps of [e.dependencies, e.optionalDependencies, e.peerDependencies]) {
      for (const name of Object.keys(deps ?? {})) {
        const r = resolve(p, name);
        if (r) stack.push(r);
      }
    }
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------

describe('the README as a user reads it', () => {
  it('has an eslint.config.mjs block for each install (js, typed, html), and an install command for each', () => {
    assert.deepEqual(
      BLOCKS.map((b) => b.kind),
      ['js', 'js', 'js', 'typed', 'html'],
    );
    for (const [kind, cmd] of Object.entries(INSTALL_COMMANDS)) assert.ok(cmd.includes('eslint-plugin-torch2tf') && cmd.includes('eslint'), kind);
    // the reason the 9.15 project skips the defineConfig blocks
    assert.match(README, /`defineConfig` needs ESLint 9\.22 or later/);
  });

  it('shows only forms of npx that cannot fetch a stranger\'s `torch2tf` package', () => {
    // every command a reader can copy: the fenced blocks (the prose names the bare form only to warn against it)
    const code = [...README.matchAll(/^```\w*\n([\s\S]*?)^```$/gm)].map((m) => m[1]).join('\n');
    const uses = [...code.matchAll(/npx (?:(?:-\S+|--\S+) )*torch2tf\b/g)].map((m) => m[0]);
    assert.ok(uses.length > 5);
    for (const u of uses) assert.ok(u.startsWith('npx --no-install torch2tf'), u);
    const prose = README.replace(/\s+/g, ' ');
    assert.ok(prose.includes('a bare `npx torch2tf` where the plugin is not installed would fetch the registry package named `torch2tf`'), 'README warns against the bare form');
    assert.ok(prose.includes('`npx -p eslint-plugin-torch2tf torch2tf`'), 'README shows the form that names the package');
  });
});

describe('fresh projects: the packed tarball installed from the npm registry', { concurrency: 3 }, () => {
  for (const p of PROJECTS) {
    it(`${p.name}: installs (no ERESOLVE) and every README block of its kind finds the known finding`, async (t) => {
      const started = Date.now();
      const { dir, install } = await project(p);
      assert.equal(install.code, 0, `npm install failed:\n${install.stderr}`);
      assert.doesNotMatch(install.stderr, /ERESOLVE/, install.stderr);
      assert.equal(Number(versionOf(dir, 'eslint')?.split('.')[0]), p.eslintMajor, 'eslint major');
      if (p.eslint && /^\d/.test(p.eslint)) assert.equal(versionOf(dir, 'eslint'), p.eslint);
      if (p.pin?.['typescript'] === '4.8.3') assert.equal(versionOf(dir, 'typescript'), '4.8.3', 'the pinned TypeScript is kept');
      if (p.pin?.['typescript']?.startsWith('~6.0')) assert.match(versionOf(dir, 'typescript') ?? '', /^6\.0\./);
      if (p.install === 'js' && !p.pin) assert.equal(versionOf(dir, 'typescript'), null, 'a JavaScript-only install has no TypeScript');
      t.diagnostic(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s: eslint ${versionOf(dir, 'eslint')}, typescript ${versionOf(dir, 'typescript') ?? '-'}`);
      const eslintVersion = versionOf(dir, 'eslint')!.split('.').map(Number);
      const hasDefineConfig = eslintVersion[0]! > 9 || eslintVersion[1]! >= 22;
      let ran = 0;
      for (const b of BLOCKS.filter((x) => x.kind === p.install)) {
        if (b.needsDefineConfig && !hasDefineConfig) continue;
        await runBlock(dir, b, p.eslintMajor, ran === 0);
        ran++;
        if (p.blocks === 'first') break;
      }
      assert.ok(ran > 0, 'at least one README block ran');
    });
  }
});

describe('a JavaScript-only install (README `npm install --save-dev eslint eslint-plugin-torch2tf`, ESLint 10)', () => {
  const js10 = PROJECTS[0]!;

  it('pulls in no TypeScript, and adds to ESLint\'s own closure only the plugin, @typescript-eslint/types and get-tsconfig, under 3 MB', async (t) => {
    // Meaningful bound: ESLint's closure is the user's choice; what this plugin adds on top is ours.
    // Measured on 2026-12-05 (npm 11, eslint 10.16): node_modules 17 MB / 80 packages in all, of which
    // the plugin adds 2 packages, 1.5 MB (itself with its docs, ~1.3 MB; @typescript-eslint/types,
    // ~0.2 MB). eslint-scope and @eslint-community/eslint-utils are ESLint's own dependencies, shared.
    // A new runtime dependency (or one that drags TypeScript in) fails this on purpose: decide it
    // in CONTRIBUTING.md ("Dependencies and peer ranges") and update the expected set.
    const { dir } = await project(js10);
    assert.equal(versionOf(dir, 'typescript'), null);
    const lock = (JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Parameters<typeof closure>[0] }).packages;
    const eslintClosure = closure(lock, 'node_modules/eslint');
    const all = Object.keys(lock).filter((k) => k !== '');
    const added = all.filter((k) => !eslintClosure.has(k)).sort();
    // get-tsconfig (+ resolve-pkg-maps): the tsconfig/jsconfig path aliases the engine follows (CONTRIBUTING.md)
    assert.deepEqual(added, ['node_modules/@typescript-eslint/types', 'node_modules/eslint-plugin-torch2tf', 'node_modules/get-tsconfig', 'node_modules/resolve-pkg-maps']);
    assert.ok(!all.some((k) => /(^|\/)node_modules\/typescript$/.test(k)), 'no typescript anywhere in the tree');
    const addedBytes = added.reduce((n, k) => n + sizeOf(join(dir, k)), 0);
    const totalBytes = sizeOf(join(dir, 'node_modules'));
    t.diagnostic(`node_modules: ${(totalBytes / 1e6).toFixed(1)} MB, ${all.length} packages; added by the plugin: ${added.length} packages, ${(addedBytes / 1e6).toFixed(2)} MB`);
    assert.ok(addedBytes < 3e6, `the plugin adds ${addedBytes} bytes`);
  });

  it('`npx --no-install torch2tf` (the README form) runs the installed CLI; `.ts` without the parser and `.html` without eslint-plugin-html are listed once, not counted', async () => {
    const { dir } = await project(js10);
    const audit = join(dir, 'audit');
    mkdirSync(audit);
    writeFileSync(join(audit, 'finding.js'), FINDING);
    writeFileSync(join(audit, 'clean.js'), CLEAN);
    writeFileSync(join(audit, 'model.ts'), FINDING);
    writeFileSync(join(audit, 'page.html'), page('p: 0.5'));
    const r = await torch2tf([], audit);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^torch2tf migration report: 2 files linted with the built-in torch2tf recommended config/);
    assert.match(r.stdout, new RegExp(`\\nfinding\\.js\\n {2}3:\\d+ +${RULE}`));
    assert.match(r.stdout, /\nNot linted: 1 file, \.ts\/\.tsx\/\.mts\/\.cts files need @typescript-eslint\/parser: npm install --save-dev @typescript-eslint\/parser\n {2}model\.ts\n/);
    assert.match(r.stdout, /\nNot linted: 1 file, HTML pages: npm install --save-dev eslint-plugin-html[^\n]*\n {2}page\.html\n/);
    assert.equal((r.stdout + r.stderr).split('model.ts').length - 1, 1, 'model.ts is listed once');
    assert.equal((r.stdout + r.stderr).split('page.html').length - 1, 1, 'page.html is listed once');
  });

  it('clean JavaScript next to a `.ts` file with a PyTorch habit: exit 0 (the skipped file gives no exit 1)', async () => {
    const { dir } = await project(js10);
    const audit = join(dir, 'audit-clean');
    mkdirSync(audit);
    writeFileSync(join(audit, 'clean.js'), CLEAN);
    writeFileSync(join(audit, 'model.ts'), `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.eval();\n`);
    const r = await torch2tf([], audit);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^torch2tf migration report: 1 file linted/);
    assert.match(r.stdout, /\nNo PyTorch habits found\.\n/);
    assert.match(r.stdout, /\nNot linted: 1 file, \.ts\/\.tsx\/\.mts\/\.cts files need @typescript-eslint\/parser/);
  });

  it('only `.ts` files without the parser: "0 files linted" is a warning with the reason, the report says nothing was audited, exit 2', async () => {
    const { dir } = await project(js10);
    const audit = join(dir, 'audit-ts');
    mkdirSync(audit);
    writeFileSync(join(audit, 'model.ts'), FINDING);
    const r = await torch2tf([], audit);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /torch2tf: warning: 0 files linted: the files found need what is not installed \(\.ts\/\.tsx\/\.mts\/\.cts files need @typescript-eslint\/parser/);
    assert.match(r.stdout, /\nNothing audited: no file was linted \(the reason is on stderr\)\.\n/);
    assert.doesNotMatch(r.stdout, /No PyTorch habits found/);
  });

  it('`npx --no-install torch2tf` where the plugin is not installed runs nothing and installs nothing (offline: no registry lookup of the stranger\'s name)', async () => {
    const dir = tempDir('torch2tf-npx-');
    writeFileSync(join(dir, 'package.json'), '{"name":"elsewhere","version":"1.0.0"}\n');
    writeFileSync(join(dir, 'finding.js'), FINDING);
    const r = await run(NPX, ['--no-install', 'torch2tf'], dir, { npm_config_offline: 'true' });
    assert.notEqual(r.code, 0);
    assert.doesNotMatch(r.stdout, /torch2tf migration report/);
    assert.deepEqual(readdirSync(dir).sort(), ['finding.js', 'package.json']);
  });
});

describe('HTML pages out of the box (README `npm install --save-dev eslint eslint-plugin-torch2tf eslint-plugin-html`)', () => {
  it('`npx --no-install torch2tf` audits the inline scripts of a page that loads tfjs, with no config', async () => {
    const { dir } = await project(PROJECTS.find((p) => p.install === 'html' && p.eslintMajor === 10)!);
    const audit = join(dir, 'audit-html');
    mkdirSync(audit);
    writeFileSync(join(audit, 'page.html'), page('p: 0.5'));
    writeFileSync(join(audit, 'clean.js'), CLEAN);
    const r = await torch2tf(['--format', 'json'], audit);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(findingsByFile(audit, r.stdout), { 'clean.js': [], 'page.html': [RULE] });
    assert.doesNotMatch(r.stderr, /not linted/);
  });
});

describe('coverage', () => {
  it('every README config block ran with ESLint 9 and ESLint 10', () => {
    for (const b of BLOCKS) assert.deepEqual([...(coverage.get(b.index) ?? [])].sort((x, y) => x - y), [9, 10], `README block at line ${b.line}`);
  });
});
