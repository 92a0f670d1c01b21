// Imports of project files through aliases that only a bundler or Babel config declares
// (src/engine/bundler-aliases.ts): webpack's and Vite's `resolve.alias`, babel-plugin-module-resolver's
// `alias` and `root`. The config is read, never run; the engine follows these imports like relative ones.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { aliasCandidates } from '../../src/engine/aliases.js';
import { bundlerAliasCandidates } from '../../src/engine/bundler-aliases.js';
import { lintOnDisk as lint, NET, OPT, projectRoot, STEP, STEP_REPORTS } from './disk-project.js';

const writeProject = projectRoot('torch2tf-bundler-aliases-');

describe('imports through bundler and Babel aliases', () => {
  it('webpack.config.js (CommonJS): path.resolve(__dirname, …), path.join, an exact `$` alias', () => {
    const files = {
      'webpack.config.js': `const path = require('path');\nconst SRC = path.resolve(__dirname, 'src');\nmodule.exports = (env) => ({\n  entry: './src/index.js',\n  resolve: {\n    extensions: ['.js'],\n    alias: {\n      '@': SRC,\n      '@models': path.resolve(__dirname, 'src/models'),\n      Utils: path.join(__dirname, 'src/utils/'),\n      config$: path.resolve(SRC, 'config/index.js'),\n      react: 'preact/compat',\n    },\n  },\n});\n`,
      'src/models/net.js': NET,
      'src/utils/opt.js': OPT,
      'src/training/step.js': STEP('@models/net.js', 'Utils/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/training/step.js', files), STEP_REPORTS);
    const from = join(dir, 'src', 'training', 'step.js');
    assert.deepEqual(bundlerAliasCandidates(from, 'config'), [join(dir, 'src', 'config', 'index.js')]);
    // `config$` is exact: `config/other` is not an alias; `react` names a package, never a project file
    assert.deepEqual(bundlerAliasCandidates(from, 'config/other'), []);
    assert.deepEqual(bundlerAliasCandidates(from, 'react'), []);
    assert.deepEqual(bundlerAliasCandidates(from, '@/models/net'), [join(dir, 'src', 'models', 'net')]);
  });

  it('vite.config.js (ES module): fileURLToPath(new URL(…, import.meta.url)), root-relative `/src`, and the array form with a regex', () => {
    const files = {
      'vite.config.js': `import { fileURLToPath, URL } from 'node:url';\nimport { defineConfig } from 'vite';\nexport default defineConfig({\n  resolve: {\n    alias: [\n      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },\n      { find: /^~\\//, replacement: '/src/' },\n    ],\n  },\n});\n`,
      'src/models/net.js': NET,
      'src/train/opt.js': OPT,
      'src/train/step.js': STEP('@/models/net.js', '~/train/opt.js'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/train/step.js', files), STEP_REPORTS);
  });

  it('vite.config.ts with an object alias and a const __dirname from import.meta.url', () => {
    const files = {
      'vite.config.ts': `import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\nconst __dirname = path.dirname(fileURLToPath(import.meta.url));\nexport default {\n  resolve: { alias: { '@': path.resolve(__dirname, './src') } },\n} satisfies Record<string, unknown>;\n`,
      'src/models/net.ts': NET,
      'src/train/opt.ts': OPT,
      'src/train/step.ts': STEP('@/models/net', '@/train/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/train/step.ts', files), STEP_REPORTS);
  });

  it('rollup.config.mjs: @rollup/plugin-alias `entries`, array form with a directory from import.meta.url, and object form', () => {
    const files = {
      'rollup.config.mjs': `import path from 'node:path';\nimport { fileURLToPath } from 'node:url';\nimport alias from '@rollup/plugin-alias';\nimport typescript from '@rollup/plugin-typescript';\nconst root = fileURLToPath(new URL('.', import.meta.url));\nexport default {\n  input: 'src/index.ts',\n  plugins: [\n    alias({ entries: [{ find: '@core', replacement: path.resolve(root, 'src/core') }] }),\n    typescript(),\n  ],\n};\n`,
      'src/core/net.ts': NET,
      'src/train/opt.ts': OPT,
      'src/train/step.ts': STEP('@core/net', '@train/opt'),
    };
    const objectForm = { ...files, 'rollup.config.mjs': files['rollup.config.mjs'].replace("[{ find: '@core', replacement: path.resolve(root, 'src/core') }]", "{ '@core': path.resolve(root, 'src/core'), '@train': path.resolve(root, 'src/train') }") };
    const a = writeProject(objectForm);
    assert.deepEqual(lint(a, 'src/train/step.ts', objectForm), STEP_REPORTS);
    const b = writeProject(files);
    assert.deepEqual(bundlerAliasCandidates(join(b, 'src', 'train', 'step.ts'), '@core/net'), [join(b, 'src', 'core', 'net')]);
    assert.deepEqual(bundlerAliasCandidates(join(b, 'src', 'train', 'step.ts'), '@train/opt'), []);
    // a function of the config's own named `alias` is not the plugin
    const own = writeProject({ 'rollup.config.js': `const alias = (o) => o;\nexport default { plugins: [alias({ entries: { '@core': './src/core' } })] };\n`, 'src/a.ts': '' });
    assert.equal(bundlerAliasCandidates(join(own, 'src', 'a.ts'), '@core/net'), null);
  });

  it('babel-plugin-module-resolver: `alias` in babel.config.js and `root` in .babelrc', () => {
    const babelJs = {
      'babel.config.js': `module.exports = {\n  presets: ['@babel/preset-env'],\n  plugins: [['module-resolver', { alias: { '@models': './src/models', '@opt': './src/opt.js' } }]],\n};\n`,
      'src/models/net.js': NET,
      'src/opt.js': OPT,
      'src/step.js': STEP('@models/net', '@opt'),
    };
    const a = writeProject(babelJs);
    assert.deepEqual(lint(a, 'src/step.js', babelJs), STEP_REPORTS);
    const babelrc = {
      '.babelrc': JSON.stringify({ plugins: [['module-resolver', { root: ['./src'] }]] }),
      'src/models/net.js': NET,
      'src/train/opt.js': OPT,
      'src/train/step.js': STEP('models/net', 'train/opt'),
    };
    const b = writeProject(babelrc);
    assert.deepEqual(lint(b, 'src/train/step.js', babelrc), STEP_REPORTS);
  });

  it('a Vite `root` is the app root, not a module root; no config, a config run-time only, or a broken one: nothing is guessed', () => {
    const viteRoot = { 'vite.config.js': `export default { root: './src' };\n`, 'src/models/net.js': NET, 'src/main.js': `import { createNet } from 'models/net.js';\n` };
    const a = writeProject(viteRoot);
    assert.equal(aliasCandidates(join(a, 'src', 'main.js'), 'models/net.js'), null);
    const none = writeProject({ 'src/models/net.js': NET });
    assert.equal(bundlerAliasCandidates(join(none, 'src', 'main.js'), '@/models/net'), null);
    // an alias table computed at run time (from an env variable) is not evaluated
    const dynamic = writeProject({ 'webpack.config.js': `module.exports = { resolve: { alias: { '@': process.env.SRC_DIR } } };\n`, 'src/a.js': '' });
    assert.equal(bundlerAliasCandidates(join(dynamic, 'src', 'a.js'), '@/x'), null);
    const broken = writeProject({ 'webpack.config.js': `module.exports = { resolve: { alias: { '@': path.resolve(__dirname, 'src') `, 'src/a.js': '' });
    assert.equal(bundlerAliasCandidates(join(broken, 'src', 'a.js'), '@/x'), null);
    // Babel reads .babelrc as JSON5: unquoted keys and comments are read; a file that is not an object literal is not
    const babel5 = writeProject({ '.babelrc': `{ plugins: [['module-resolver', { root: ['./src'] }]] } // JSON5`, 'src/a.js': '' });
    assert.deepEqual(bundlerAliasCandidates(join(babel5, 'src', 'a.js'), 'x'), [join(babel5, 'src', 'x')]);
    const notJson = writeProject({ '.babelrc': `{ root: ['./src'] } + 1`, 'src/a.js': '' });
    assert.equal(bundlerAliasCandidates(join(notJson, 'src', 'a.js'), 'x'), null);
  });

  it('aliases into node_modules and tfjs itself are never followed; the user-class look-alike stays quiet', () => {
    const files = {
      'webpack.config.js': `const path = require('path');\nmodule.exports = { resolve: { alias: { lib: path.resolve(__dirname, 'node_modules/some-lib'), '@': path.resolve(__dirname, 'src') } } };\n`,
      'src/scorer.js': `export class Scorer {\n  eval() {\n    return 1;\n  }\n}\n`,
      'src/helpers.js': `export function pause(model) {\n  model.eval();\n}\n`,
      'src/main.js': `import * as tf from '@tensorflow/tfjs';\nimport { Scorer } from '@/scorer.js';\nimport { pause } from '@/helpers.js';\nawait tf.ready();\npause(new Scorer());\n`,
    };
    const dir = writeProject(files);
    const from = join(dir, 'src', 'main.js');
    assert.deepEqual(bundlerAliasCandidates(from, 'lib/x'), []);
    assert.equal(bundlerAliasCandidates(from, '@tensorflow/tfjs'), null);
    assert.deepEqual(lint(dir, 'src/helpers.js', files), []);
  });
});

/** A Deno project: a deno.json or deno.jsonc and no package.json. */
const denoRoot = mkdtempSync(join(tmpdir(), 'torch2tf-deno-'));
after(() => rmSync(denoRoot, { recursive: true, force: true }));
let denoCount = 0;
function writeDenoProject(files: Record<string, string>): string {
  const dir = join(denoRoot, `d${denoCount++}`);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

describe('imports through a Deno import map', () => {
  const NET_NPM = NET.replace("'@tensorflow/tfjs'", "'npm:@tensorflow/tfjs@4.22.0'");
  const OPT_NPM = OPT.replace("'@tensorflow/tfjs'", "'npm:@tensorflow/tfjs@4.22.0'");

  it('deno.json `imports`: a prefix key (`@/`) and an exact key, with no package.json anywhere', () => {
    const files = {
      'deno.json': JSON.stringify({ imports: { '@/': './src/', optimizer: './src/train/opt.ts', '@std/path': 'jsr:@std/path@^1.0.0' } }),
      'src/models/net.ts': NET_NPM,
      'src/train/opt.ts': OPT_NPM,
      'src/train/step.ts': STEP('@/models/net.ts', 'optimizer'),
    };
    const dir = writeDenoProject(files);
    assert.deepEqual(lint(dir, 'src/train/step.ts', files), STEP_REPORTS);
    const from = join(dir, 'src', 'train', 'step.ts');
    assert.deepEqual(bundlerAliasCandidates(from, '@/models/net.ts'), [join(dir, 'src', 'models', 'net.ts')]);
    // `jsr:` / `npm:` / URL entries name packages, never project files
    assert.deepEqual(bundlerAliasCandidates(from, '@std/path'), []);
  });

  it('deno.jsonc with comments and trailing commas; the longest key wins', () => {
    const files = {
      'deno.jsonc': `{\n  // project paths\n  "imports": {\n    "~/": "./src/", /* everything */\n    "~/models/": "./src/nets/",\n  },\n}\n`,
      'src/nets/net.ts': NET_NPM,
      'src/opt.ts': OPT_NPM,
      'src/step.ts': STEP('~/models/net.ts', '~/opt.ts'),
    };
    const dir = writeDenoProject(files);
    assert.deepEqual(lint(dir, 'src/step.ts', files), STEP_REPORTS);
    assert.deepEqual(bundlerAliasCandidates(join(dir, 'src', 'step.ts'), '~/models/x.ts'), [join(dir, 'src', 'nets', 'x.ts')]);
  });

  it('deno.json naming a separate `importMap` file, whose paths are relative to that file', () => {
    const files = {
      'deno.json': JSON.stringify({ importMap: './config/import_map.json' }),
      'config/import_map.json': JSON.stringify({ imports: { '#lib/': '../lib/' } }),
      'lib/net.js': NET_NPM,
      'lib/opt.js': OPT_NPM,
      'app/step.js': STEP('#lib/net.js', '#lib/opt.js'),
    };
    const dir = writeDenoProject(files);
    assert.deepEqual(lint(dir, 'app/step.js', files), STEP_REPORTS);
  });

  it('no deno.json, an unreadable one, or a map of packages only: nothing is guessed', () => {
    const none = writeDenoProject({ 'src/a.ts': '' });
    assert.equal(bundlerAliasCandidates(join(none, 'src', 'a.ts'), '@/x'), null);
    const broken = writeDenoProject({ 'deno.json': '{ "imports": { "@/": ', 'src/a.ts': '' });
    assert.equal(bundlerAliasCandidates(join(broken, 'src', 'a.ts'), '@/x'), null);
    const packagesOnly = writeDenoProject({ 'deno.json': JSON.stringify({ imports: { tfjs: 'npm:@tensorflow/tfjs', std: 'https://deno.land/std/' } }), 'src/a.ts': '' });
    assert.equal(bundlerAliasCandidates(join(packagesOnly, 'src', 'a.ts'), 'tfjs'), null);
  });
});
