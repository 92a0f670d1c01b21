// Bare specifiers that name source files of the project (src/engine/workspaces.ts): packages of an npm,
// Yarn or pnpm workspace imported by name (`@acme/models`), through their `exports` / `main` (and the
// sources of a build output that does not exist yet), and subpath imports (`#models/net.js`) through the
// `imports` of the file's package.json. An installed package of the same name is never followed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveModule } from '../../src/engine/module-resolve.js';
import { lintOnDisk as lint, NET, OPT, projectRoot, STEP, STEP_REPORTS } from './disk-project.js';

const writeProject = projectRoot('torch2tf-workspaces-');
const pkg = (name: string, extra: Record<string, unknown> = {}): string => JSON.stringify({ name, version: '1.0.0', type: 'module', ...extra });

describe('workspace packages imported by name', () => {
  it('npm/Yarn `workspaces` globs, packages resolved through `exports`', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/models/package.json': pkg('@acme/models', { exports: { '.': './src/index.js' } }),
      'packages/models/src/index.js': `export * from './net.js';\n`,
      'packages/models/src/net.js': NET,
      'packages/train/package.json': pkg('@acme/train', { main: 'src/opt.js' }),
      'packages/train/src/opt.js': OPT,
      'packages/app/package.json': pkg('@acme/app'),
      'packages/app/src/step.js': STEP('@acme/models', '@acme/train'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'packages/app/src/step.js', files), STEP_REPORTS);
  });

  it('pnpm-workspace.yaml, a subpath export, and `dist/` entries of a package that is not built yet (its `src/`)', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'root', private: true }),
      'pnpm-workspace.yaml': `packages:\n  - 'libs/*'\n  - "apps/**"\n  - '!libs/legacy'\n`,
      'libs/models/package.json': pkg('@acme/models', { exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './opt': './dist/opt.js' } }),
      'libs/models/src/index.ts': NET,
      'libs/models/src/opt.ts': OPT,
      'apps/web/app/package.json': pkg('web'),
      'apps/web/app/src/step.ts': STEP('@acme/models', '@acme/models/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'apps/web/app/src/step.ts', files), STEP_REPORTS);
  });

  it('an excluded package, an installed package of a workspace name, and tfjs itself are not followed', () => {
    const dir = writeProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: { packages: ['packages/*', '!packages/old'] } }),
      'packages/old/package.json': pkg('@acme/old', { main: 'index.js' }),
      'packages/old/index.js': NET,
      'packages/app/package.json': pkg('@acme/app'),
      'packages/app/src/main.js': '',
      'node_modules/@acme/installed/package.json': pkg('@acme/installed', { main: 'index.js' }),
      'node_modules/@acme/installed/index.js': NET,
    });
    const from = join(dir, 'packages/app/src/main.js');
    assert.equal(resolveModule(from, '@acme/app'), null, 'a package without an entry file');
    assert.equal(resolveModule(from, '@acme/old'), null);
    assert.equal(resolveModule(from, '@acme/installed'), null);
    assert.equal(resolveModule(from, '@tensorflow/tfjs'), null);
  });

  it('outside a workspace, the same imports stay unfollowed and the step stays quiet', () => {
    const files = {
      'packages/models/package.json': pkg('@acme/models', { main: 'src/net.js' }),
      'packages/models/src/net.js': NET,
      'packages/train/package.json': pkg('@acme/train', { main: 'src/opt.js' }),
      'packages/train/src/opt.js': OPT,
      'packages/app/src/step.js': STEP('@acme/models', '@acme/train'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'packages/app/src/step.js', files), []);
  });
});

describe('subpath imports (`#…` of package.json `imports`)', () => {
  it('`#models/*` and a conditional `#opt` entry are followed', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'app', type: 'module', imports: { '#models/*': './src/models/*', '#opt': { node: './src/opt.js', default: './src/opt.js' } } }),
      'src/models/net.js': NET,
      'src/opt.js': OPT,
      'src/step.js': STEP('#models/net.js', '#opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/step.js', files), STEP_REPORTS);
    assert.equal(resolveModule(join(dir, 'src/step.js'), '#missing'), null);
  });
});

describe("a package importing itself by its own name (Node's self-reference through `exports`)", () => {
  const CJS_NET = `const tf = require('@tensorflow/tfjs-node');
function createNet() {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 8, inputShape: [4] }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  return m;
}
module.exports = { createNet, opt: tf.train.adam(1e-3) };
`;
  const CJS_STEP = (models: string): string => `const { createNet, opt } = require('${models}');
const net = createNet();
function step(xs, ys) {
  return opt.minimize(() => net.predict(xs).sub(ys).square().mean());
}
function pause() {
  net.eval();
}
module.exports = { step, pause };
`;
  const PKG = (exportsField: Record<string, unknown>): string => JSON.stringify({ name: '@acme/churn', type: 'commonjs', ...exportsField });

  it('`require("@acme/churn/models")` inside @acme/churn, through a subpath of its `exports`', () => {
    const files = {
      'package.json': PKG({ exports: { '.': './lib/index.js', './models': './lib/models/index.js', './train/*': './lib/train/*.js' } }),
      'lib/models/index.js': CJS_NET,
      'lib/train/step.js': CJS_STEP('@acme/churn/models'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'lib/train/step.js', files), ['4: require-training-flag', '7: no-torch-mode-switch']);
  });

  it('not without `exports` (Node does not resolve the name then), and not for another package name', () => {
    const noExports = { 'package.json': PKG({ main: './lib/index.js' }), 'lib/models/index.js': CJS_NET, 'lib/train/step.js': CJS_STEP('@acme/churn/lib/models/index.js') };
    const a = writeProject(noExports);
    assert.deepEqual(lint(a, 'lib/train/step.js', noExports), []);
    const other = { 'package.json': PKG({ exports: { './models': './lib/models/index.js' } }), 'lib/models/index.js': CJS_NET, 'lib/train/step.js': CJS_STEP('@acme/other/models') };
    const b = writeProject(other);
    assert.deepEqual(lint(b, 'lib/train/step.js', other), []);
    assert.equal(resolveModule(join(b, 'lib', 'train', 'step.js'), '@acme/other/models'), null);
  });
});
