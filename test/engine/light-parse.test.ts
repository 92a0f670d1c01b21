// Modules the engine parses itself without their comments and tokens when their text has no JSDoc the
// engine reads (src/engine/module-resolve.ts, `needsComments`): the tree and the scopes must be the ones the
// parser's own parseForESLint gives, and a module with JSDoc types keeps what the JSDoc reader needs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import * as espree from 'espree';
import type { TSESTree } from '@typescript-eslint/utils';
import { walk } from '../../src/engine/ast.js';
import { needsComments, parseModule, type ParseSetup } from '../../src/engine/module-resolve.js';
import { lintOnDisk, projectRoot } from './disk-project.js';

const ROOT = mkdtempSync(join(tmpdir(), 'torch2tf-light-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

const TS_SETUP: ParseSetup = { parser: tsParser, parserOptions: {}, ecmaVersion: 'latest', sourceType: 'module' };
const JS_SETUP: ParseSetup = { parser: espree, parserOptions: {}, ecmaVersion: 'latest', sourceType: 'module' };

/** Node types and ranges in visiting order, and every scope's variables with their reference counts. */
function shapeOf(ast: TSESTree.Node, keys: Record<string, readonly string[] | undefined>): string[] {
  const out: string[] = [];
  walk(ast, keys, (n) => void out.push(`${n.type}@${n.range[0]}-${n.range[1]}`));
  return out;
}
function scopesOf(scopeManager: { scopes: { type: string; variables: { name: string; references: unknown[]; defs: unknown[] }[] }[] }): string[] {
  return scopeManager.scopes.flatMap((s) => s.variables.map((v) => `${s.type}:${v.name}:${v.references.length}:${v.defs.length}`));
}

const TS_MODULE = `import * as tf from '@tensorflow/tfjs';
import type { Config } from './config';
// a line comment, and a block comment without tags
/* setup */
export abstract class Base<T extends tf.LayersModel> {
  protected model: T | null = null;
  constructor(private readonly cfg: Config) {}
  abstract build(): T;
  get net(): T { return (this.model ??= this.build()); }
}
export function makeNet(units = 8): tf.Sequential {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units, inputShape: [4] }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  return m;
}
enum Mode { Train, Eval }
export const mode: Mode = Mode.Train;
export default makeNet;
`;

describe('foreign modules parsed without comments and tokens', () => {
  it('reads the texts whose JSDoc the engine uses, and only those', () => {
    assert.equal(needsComments(TS_MODULE), false);
    assert.equal(needsComments('/** Builds it.\n * @param units how many\n * @returns the model */'), false);
    assert.equal(needsComments('/** @param {tf.LayersModel} model */'), true);
    assert.equal(needsComments('/** @type\t{tf.Tensor} */'), true);
    assert.equal(needsComments('/** @returns {Promise<tf.LayersModel>} */'), true);
    assert.equal(needsComments('/** @typedef {import("@tensorflow/tfjs").Tensor} T */'), true);
    assert.equal(needsComments("/** @import { LayersModel } from '@tensorflow/tfjs' */"), true);
  });

  it('gives a TypeScript module the tree and scopes of parseForESLint, with no comments or tokens', () => {
    const path = join(ROOT, 'base.ts');
    const light = parseModule(path, TS_MODULE, TS_SETUP);
    assert.ok(light);
    const full = tsParser.parseForESLint(TS_MODULE, { ecmaVersion: 'latest', sourceType: 'module', filePath: path, range: true, loc: true, tokens: true, comment: true });
    assert.equal(light.ast.comments?.length, 0);
    assert.equal(light.ast.tokens?.length, 0);
    assert.equal(light.ast.sourceType, 'module');
    const keys = light.visitorKeys as Record<string, readonly string[]>;
    assert.deepEqual(shapeOf(light.ast, keys), shapeOf(full.ast as TSESTree.Node, keys));
    assert.deepEqual(scopesOf(light.scopeManager as never), scopesOf(full.scopeManager as never));
    // parents are set, as ESLint sets them while it traverses a linted file
    let orphans = 0;
    walk(light.ast, keys, (n) => void (n !== light.ast && !n.parent && orphans++));
    assert.equal(orphans, 0);
  });

  it('keeps comments and tokens where a JSDoc type is written', () => {
    const text = `/** @param {tf.LayersModel} model */\nexport function train(model) { return model.fit; }\n`;
    const ts = parseModule(join(ROOT, 'train.ts'), text, TS_SETUP);
    const js = parseModule(join(ROOT, 'train.js'), text, JS_SETUP);
    assert.equal(ts?.ast.comments?.length, 1);
    assert.ok((ts?.ast.tokens?.length ?? 0) > 5);
    assert.equal(js?.ast.comments?.length, 1);
    assert.ok((js?.ast.tokens?.length ?? 0) > 5);
  });

  it('parses a CommonJS module with espree lightly, scopes intact', () => {
    const text = `const tf = require('@tensorflow/tfjs');\n// helper\nfunction build() { return tf.sequential(); }\nmodule.exports = { build };\n`;
    const sc = parseModule(join(ROOT, 'build.cjs'), text, JS_SETUP);
    assert.ok(sc);
    assert.equal(sc.ast.comments?.length, 0);
    assert.ok(scopesOf(sc.scopeManager as never).some((v) => v.endsWith(':build:1:1')), scopesOf(sc.scopeManager as never).join(' '));
  });

  it('still follows a value through a light module and a JSDoc type through a full one', () => {
    const project = projectRoot('torch2tf-light-disk-');
    // the factory module has no JSDoc: parsed lightly
    const files: Record<string, string> = {
      'src/net.ts': `import * as tf from '@tensorflow/tfjs';\n// builds the classifier\nexport function makeNet(): tf.Sequential {\n  const m = tf.sequential();\n  m.add(tf.layers.dense({ units: 2, inputShape: [4] }));\n  m.add(tf.layers.dropout({ rate: 0.5 }));\n  return m;\n}\n`,
      'src/main.ts': `import * as tf from '@tensorflow/tfjs';\nimport { makeNet } from './net';\nconst net = makeNet();\nconst opt = tf.train.adam();\nexport function step(xs: tf.Tensor, ys: tf.Tensor) {\n  opt.minimize(() => tf.losses.meanSquaredError(ys, net.apply(xs) as tf.Tensor));\n}\n`,
      // the registry's module documents what its function returns: parsed with its comments
      'js/registry.js': `const models = new Map();\n/**\n * @returns {import('@tensorflow/tfjs').LayersModel}\n */\nexport function getModel(name) {\n  return models.get(name);\n}\n`,
      'js/main.js': `import { getModel } from './registry.js';\nconst net = getModel('classifier');\nexport function run(x) {\n  return net.forward(x);\n}\n`,
    };
    const dir = project(files);
    assert.deepEqual(lintOnDisk(dir, 'src/main.ts', files), ['6: require-training-flag']);
    assert.deepEqual(lintOnDisk(dir, 'js/main.js', files), ['4: no-torch-module-api']);
  });
});
