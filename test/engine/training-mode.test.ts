// Unit tests of src/engine/training-mode.ts and src/engine/project-scan.ts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  packageConstructsModeDependent,
  packageDirOf,
  projectConstructsModeDependent,
  resolveRelativeImport,
  textConstructsModeDependent,
} from '../../src/engine/project-scan.js';
import { calledOutsideGradientContexts, describeEffects, isFrozen, kwargsState, modeEffects, relativeImports } from '../../src/engine/training-mode.js';
import { probed, withTf } from './probe.js';

const H = `import * as tf from '@tensorflow/tfjs';\n`;

describe('kwargsState', () => {
  const cases: [string, string][] = [
    ['m.apply(x)', 'missing'],
    ['m.apply(x, {})', 'literal'],
    ['m.apply(x, {mask})', 'literal'],
    ['m.apply(x, {training: true})', 'explicit'],
    ['m.apply(x, {training: false})', 'explicit'],
    ['m.apply(x, {training})', 'explicit'],
    ["m.apply(x, {'training': t})", 'explicit'],
    ['m.apply(x, {...kw})', 'unknown'],
    ['m.apply(x, {training: true, ...kw})', 'unknown'],
    ['m.apply(x, kw)', 'unknown'],
    ['m.apply(...args)', 'unknown'],
    ['m.apply(x, {} as any)', 'literal'],
  ];
  for (const [code, want] of cases) {
    it(`${code} → ${want}`, () =>
      withTf(H + `probe(${code});`, (file, ast) => assert.equal(kwargsState(probed(file, ast) as TSESTree.CallExpression, 1), want)));
  }
});

describe('isFrozen', () => {
  const cases: [string, string, boolean][] = [
    ['trainable = false on the variable', `const m = tf.sequential();\nm.trainable = false;\nprobe(m);`, true],
    ['trainable = false on the class field', `class A {\n  constructor() { this.t = tf.sequential(); this.t.trainable = false; }\n  go() { probe(this.t); }\n}`, true],
    ['trainable = false in the builder', `function build() { const m = tf.sequential(); m.trainable = false; return m; }\nconst t = build();\nprobe(t);`, true],
    ['{trainable: false} in the layer config', `const bn = tf.layers.batchNormalization({trainable: false});\nprobe(bn);`, true],
    ['every layer frozen with layers.forEach', `const base = tf.sequential();\nbase.layers.forEach((l) => { l.trainable = false; });\nprobe(base);`, true],
    ['every layer frozen with for…of', `class A {\n  constructor() { this.base = tf.sequential(); for (const layer of this.base.layers) layer.trainable = false; }\n  go() { probe(this.base); }\n}`, true],
    ['layers.forEach that does something else', `const base = tf.sequential();\nbase.layers.forEach((l) => console.log(l.trainable));\nprobe(base);`, false],
    ['trainable = true is not frozen', `const m = tf.sequential();\nm.trainable = true;\nprobe(m);`, false],
    ['a read of trainable is not a write', `const m = tf.sequential();\nif (m.trainable) go();\nprobe(m);`, false],
    ['another model frozen', `const m = tf.sequential();\nconst t = tf.sequential();\nt.trainable = false;\nprobe(m);`, false],
  ];
  for (const [name, code, want] of cases) {
    it(name, () => withTf(H + code, (file, ast) => assert.equal(isFrozen(file, probed(file, ast)), want)));
  }
});

describe('modeEffects / describeEffects', () => {
  it('names every family the model reaches', () => {
    withTf(
      H +
        `class B extends tf.layers.Layer { call(x, k) { return k.training ? x : x; } }\nconst m = tf.sequential({layers: [tf.layers.dropout({rate: 0.1}), tf.layers.batchNormalization(), tf.layers.gaussianNoise({stddev: 1}), tf.layers.gru({units: 2, recurrentDropout: 0.1}), new B(), tf.layers.dense({units: 1})]});\nprobe(m);`,
      (file, ast) => {
        const e = modeEffects(file, probed(file, ast));
        assert.deepEqual(e, { dropout: true, noise: true, batchNorm: true, recurrent: true, custom: ['B'] });
        assert.equal(
          describeEffects(e),
          'Dropout does not drop, recurrent dropout is off, GaussianNoise adds no noise, BatchNormalization normalizes with moving statistics that never update and `B` gets no `training` flag',
        );
      },
    );
  });
  it('the unknown case names Dropout and BatchNormalization', () => {
    assert.equal(describeEffects(null), 'Dropout does not drop and BatchNormalization normalizes with moving statistics that never update');
  });
});

describe('calledOutsideGradientContexts', () => {
  const code = (extra: string): string =>
    H + `const opt = tf.train.adam();\nfunction forward(x) { return x; }\nopt.minimize(() => forward(1));\n${extra}probe(forward);`;
  const check = (extra: string, want: boolean) =>
    withTf(code(extra), (file, ast) => {
      const fn = file.functionOfIdentifier(probed(file, ast) as TSESTree.Identifier)!;
      assert.ok(fn);
      assert.equal(calledOutsideGradientContexts(file, fn), want);
    });
  it('false when only the training step calls the helper', () => check('', false));
  it('true when the helper also serves inference', () => check('const y = forward(3);\n', true));
  it('false when the other caller is itself a training step', () => check('tf.variableGrads(() => forward(4));\n', false));
});

describe('relativeImports', () => {
  it('collects import, export-from, require, dynamic import and import-equals, relative only', () => {
    const code = `import * as tf from '@tensorflow/tfjs';\nimport a from './a';\nexport * from '../b.js';\nexport { c } from './c';\nconst d = require('./d');\nconst e = await import('./e');\nimport f = require('./f');\nimport g from 'lodash';\nprobe(0);`;
    withTf(code, (file) => assert.deepEqual(relativeImports(file).sort(), ['../b.js', './a', './c', './d', './e', './f']));
  });
});

describe('project scan', () => {
  const root = mkdtempSync(join(tmpdir(), 'torch2tf-scan-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const write = (rel: string, text: string): string => {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    return p;
  };
  const TF = `import * as tf from '@tensorflow/tfjs';\n`;

  it('textConstructsModeDependent: factories, classes and recurrent options, only in tfjs files', () => {
    assert.equal(textConstructsModeDependent(TF + `tf.layers.dropout({rate: 0.5})`), true);
    assert.equal(textConstructsModeDependent(TF + `layers.batchNormalization ()`), true);
    assert.equal(textConstructsModeDependent(TF + `tf.layers.gaussianNoise({stddev: 1})`), true);
    assert.equal(textConstructsModeDependent(TF + `tf.layers.lstm({units: 4, dropout: 0.25})`), true);
    assert.equal(textConstructsModeDependent(TF + `tf.layers.lstm({units: 4, recurrentDropout: .1})`), true);
    assert.equal(textConstructsModeDependent(TF + `tf.layers.lstm({units: 4, dropout: 0})`), false);
    assert.equal(textConstructsModeDependent(TF + `tf.layers.dense({units: 4})`), false);
    assert.equal(textConstructsModeDependent(`brain.dropout(0.5)`), false, 'a file that does not mention tfjs');
    assert.equal(textConstructsModeDependent(`import * as tf from './tf';\ntf.layers.dropout({rate: 0.5})`, ['./tf']), true, 'settings modules count');
  });

  it('resolves relative imports with TS-style .js specifiers and index files', () => {
    const from = write('resolve/src/main.ts', '');
    const model = write('resolve/src/model.ts', '');
    const idx = write('resolve/src/nets/index.js', '');
    assert.equal(resolveRelativeImport(from, './model.js'), model);
    assert.equal(resolveRelativeImport(from, './model'), model);
    assert.equal(resolveRelativeImport(from, './nets'), idx);
    assert.equal(resolveRelativeImport(from, './missing'), null);
    assert.equal(resolveRelativeImport(from, 'lodash'), null);
  });

  it('resolves through directory listings: a symlinked module, a directory named like a module, a large directory', () => {
    const from = write('listing/src/main.ts', '');
    const real = write('listing/shared/model.ts', '');
    symlinkSync(real, join(root, 'listing/src/linked.ts'));
    assert.equal(resolveRelativeImport(from, './linked'), join(root, 'listing/src/linked.ts'), 'a symlink to a file is a file');
    mkdirSync(join(root, 'listing/src/model.ts'), { recursive: true });
    assert.equal(resolveRelativeImport(from, './model'), null, 'a directory named model.ts is no module');
    for (let i = 0; i < 2100; i++) write(`listing/big/f${i}.js`, '');
    assert.equal(resolveRelativeImport(join(root, 'listing/big/f0.js'), './f2099'), join(root, 'listing/big/f2099.js'), 'too large to list: stat');
    // remembered as too large: the next questions about it are answered by `stat`, not by another listing
    assert.equal(resolveRelativeImport(join(root, 'listing/big/f0.js'), './f7'), join(root, 'listing/big/f7.js'));
    assert.equal(resolveRelativeImport(join(root, 'listing/big/f0.js'), './f9999'), null);
  });

  it('finds Dropout through a relative import even without a package.json', () => {
    const from = write('nopkg/src/train.ts', '');
    write('nopkg/src/model.ts', TF + `export const m = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});`);
    write('nopkg/src/other.ts', TF + `export const m = tf.sequential({layers: [tf.layers.dense({units: 1})]});`);
    assert.equal(packageDirOf(join(root, 'nopkg/src')), null);
    assert.equal(projectConstructsModeDependent(from, ['./model']), true);
    assert.equal(projectConstructsModeDependent(join(root, 'nopkg/src/unsaved.ts'), ['./model']), false, 'a file not on disk is not scanned');
    assert.equal(projectConstructsModeDependent(from, ['./other']), false);
  });

  it('finds Dropout anywhere in the package, skipping node_modules, dist and hidden folders', () => {
    write('pkg/package.json', '{}');
    write('pkg/node_modules/x/index.js', TF + `tf.layers.dropout({rate: 0.5})`);
    write('pkg/dist/model.js', TF + `tf.layers.dropout({rate: 0.5})`);
    write('pkg/.cache/model.js', TF + `tf.layers.dropout({rate: 0.5})`);
    const from = write('pkg/src/train.ts', TF);
    assert.equal(packageDirOf(join(root, 'pkg/src')), join(root, 'pkg'));
    assert.equal(packageConstructsModeDependent(join(root, 'pkg')), false);
    write('pkg2/package.json', '{}');
    write('pkg2/src/deep/model.ts', TF + `tf.layers.batchNormalization()`);
    const from2 = write('pkg2/src/train.ts', TF);
    assert.equal(projectConstructsModeDependent(from, []), false);
    assert.equal(projectConstructsModeDependent(from2, []), true);
  });

  it('never throws: virtual file names, unreadable files and directories', () => {
    assert.equal(projectConstructsModeDependent('<text>', ['./a']), false);
    assert.equal(projectConstructsModeDependent('', []), false);
    write('locked/package.json', '{}');
    const secret = write('locked/src/model.ts', TF + `tf.layers.dropout({rate: 0.5})`);
    const from = write('locked/src/train.ts', TF);
    chmodSync(secret, 0o000);
    chmodSync(join(root, 'locked/src'), 0o300);
    try {
      assert.doesNotThrow(() => projectConstructsModeDependent(from, ['./model']));
    } finally {
      chmodSync(join(root, 'locked/src'), 0o755);
      chmodSync(secret, 0o644);
    }
  });
});
