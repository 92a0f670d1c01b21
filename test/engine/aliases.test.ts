// Imports of project files through the aliases of tsconfig.json / jsconfig.json (src/engine/aliases.ts):
// `@/models/net` with create-next-app's `"@/*": ["./src/*"]`, `~/…` paths, and `baseUrl`-absolute imports
// (`models/net` under `"baseUrl": "src"`). The engine follows them like relative imports: values,
// barrels, the gate for files that use tfjs only through them, and parameters whose arguments come from
// importers that import the module through an alias. Packages and node_modules stay unfollowed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { aliasCandidates } from '../../src/engine/aliases.js';
import { resolveModule, specifiersOf } from '../../src/engine/module-resolve.js';
import { lintOnDisk as lint, NET, OPT, projectRoot, STEP, STEP_REPORTS } from './disk-project.js';

const writeProject = projectRoot('torch2tf-aliases-');

describe('imports through tsconfig.json / jsconfig.json aliases', () => {
  it('`@/…` paths of a tsconfig that extends a base (comments and trailing commas), through a barrel', () => {
    const files = {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'tsconfig.json': '{\n  // the app\n  "extends": "./tsconfig.base.json",\n  "include": ["src"],\n}\n',
      'src/models/net.ts': NET,
      'src/models/index.ts': `export * from './net';\n`,
      'src/training/opt.ts': OPT,
      'src/training/step.ts': STEP('@/models', '@/training/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/training/step.ts', files), STEP_REPORTS);
  });

  it('a jsconfig.json `baseUrl` (bare `models/net.js`) and `~/*` paths relative to it, in JavaScript', () => {
    const files = {
      'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: 'src', paths: { '~/*': ['./*'] } } }),
      'src/models/net.js': NET,
      'src/train/opt.js': OPT,
      'src/train/step.js': STEP('models/net.js', '~/train/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/train/step.js', files), STEP_REPORTS);
  });

  it('a parameter takes the model an importer passes through an alias import', () => {
    // helpers.js never mentions tfjs: only main.js's call, through `@/helpers.js`, says what `model` is
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'src/models/net.js': NET,
      'src/helpers.js': `export function pause(model) {\n  model.eval();\n}\n`,
      'src/main.js': `import * as tf from '@tensorflow/tfjs';\nimport { createNet } from '@/models/net.js';\nimport { pause } from '@/helpers.js';\nawait tf.ready();\npause(createNet());\n`,
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/helpers.js', files), ['2: no-torch-mode-switch']);
  });

  it('a user class with its own eval() passed the same way stays quiet', () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
      'src/scorer.js': `export class Scorer {\n  eval() {\n    return 1;\n  }\n}\n`,
      'src/helpers.js': `export function pause(model) {\n  model.eval();\n}\n`,
      'src/main.js': `import * as tf from '@tensorflow/tfjs';\nimport { Scorer } from '@/scorer.js';\nimport { pause } from '@/helpers.js';\nawait tf.ready();\npause(new Scorer());\n`,
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/helpers.js', files), []);
  });

  it('without a config declaring the alias, the same code stays quiet (nothing is guessed)', () => {
    const files = {
      'src/models/net.ts': NET,
      'src/training/opt.ts': OPT,
      'src/training/step.ts': STEP('@/models/net', '@/training/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/training/step.ts', files), []);
    assert.equal(resolveModule(join(dir, 'src/training/step.ts'), '@/models/net'), null);
  });

  it('never follows a package: `"*": ["node_modules/*"]`, tfjs itself, and bare names with no such project file', () => {
    const dir = writeProject({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '*': ['node_modules/*', 'src/*'] } } }),
      'node_modules/netlib/index.js': NET,
      'src/local.js': NET,
      'src/main.js': '',
    });
    const from = join(dir, 'src/main.js');
    assert.equal(resolveModule(from, 'netlib'), null);
    assert.equal(resolveModule(from, 'local'), join(dir, 'src/local.js'));
    assert.equal(resolveModule(from, '@tensorflow/tfjs'), null);
    assert.equal(aliasCandidates(from, '@tensorflow/tfjs-layers'), null);
    assert.equal(resolveModule(from, 'react'), null);
    // a file inside node_modules is a package's code: the project's aliases do not apply to it
    assert.equal(resolveModule(join(dir, 'node_modules/netlib/index.js'), 'local'), null);
  });

  it('the text scan lists alias specifiers only where a config declares aliases', () => {
    const text = `import { a } from '@/models/net';\nimport React from 'react';\nconst b = require('./b');\n`;
    const aliased = writeProject({ 'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }), 'src/models/net.ts': '', 'src/b.js': '' });
    assert.deepEqual(specifiersOf(join(aliased, 'src/main.js'), text).sort(), ['./b', '@/models/net']);
    const plain = writeProject({ 'src/models/net.ts': '', 'src/b.js': '' });
    assert.deepEqual(specifiersOf(join(plain, 'src/main.js'), text), ['./b']);
  });

  it('an invalid tsconfig.json means no aliases, not a crash', () => {
    const files = {
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": [ ',
      'src/models/net.ts': NET,
      'src/training/opt.ts': OPT,
      'src/training/step.ts': STEP('@/models/net', '@/training/opt'),
    };
    const dir = writeProject(files);
    assert.deepEqual(lint(dir, 'src/training/step.ts', files), []);
  });
});
