// Unit tests of src/engine/jsdoc.ts (the JSDoc tag and type-expression parser) and of the resolver's
// use of JSDoc types in plain JavaScript files (parsed by espree, as ESLint does for .js).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import type { TSESTree } from '@typescript-eslint/utils';
import { parseJsdocTags, parseJsdocType } from '../../src/engine/jsdoc.js';
import { getFileIndex, type FileIndex } from '../../src/engine/resolver.js';
import { probed, withTf } from './probe.js';

describe('parseJsdocType', () => {
  const cases: [string, unknown][] = [
    ['tf.LayersModel', { type: 'name', path: ['tf', 'LayersModel'] }],
    ['tf.layers.Layer', { type: 'name', path: ['tf', 'layers', 'Layer'] }],
    ['LayersModel', { type: 'name', path: ['LayersModel'] }],
    [`import('@tensorflow/tfjs').LayersModel`, { type: 'name', path: ['LayersModel'], module: '@tensorflow/tfjs' }],
    [`import("@tensorflow/tfjs-node").layers.Layer`, { type: 'name', path: ['layers', 'Layer'], module: '@tensorflow/tfjs-node' }],
    ['tf.Tensor|null', { type: 'union', types: [{ type: 'name', path: ['tf', 'Tensor'] }, { type: 'null' }] }],
    ['(tf.Tensor | undefined)', { type: 'union', types: [{ type: 'name', path: ['tf', 'Tensor'] }, { type: 'undefined' }] }],
    ['!tf.Tensor', { type: 'name', path: ['tf', 'Tensor'] }],
    ['?tf.Tensor', { type: 'name', path: ['tf', 'Tensor'] }],
    ['tf.Tensor=', { type: 'name', path: ['tf', 'Tensor'] }],
    ['Promise<tf.LayersModel>', { type: 'generic', base: { type: 'name', path: ['Promise'] }, args: [{ type: 'name', path: ['tf', 'LayersModel'] }] }],
    ['Array.<tf.Tensor>', { type: 'generic', base: { type: 'name', path: ['Array'] }, args: [{ type: 'name', path: ['tf', 'Tensor'] }] }],
    ['Array<tf.Tensor>', { type: 'generic', base: { type: 'name', path: ['Array'] }, args: [{ type: 'name', path: ['tf', 'Tensor'] }] }],
    ['tf.Tensor[]', { type: 'array', element: { type: 'name', path: ['tf', 'Tensor'] } }],
    ['Promise<Array<tf.Tensor>>', { type: 'generic', base: { type: 'name', path: ['Promise'] }, args: [{ type: 'generic', base: { type: 'name', path: ['Array'] }, args: [{ type: 'name', path: ['tf', 'Tensor'] }] }] }],
    ['*', { type: 'other' }],
    ['?', { type: 'other' }],
    ['{a: tf.Tensor}', { type: 'other' }],
    ['function(tf.Tensor): tf.Tensor', { type: 'other' }],
    ['(x: tf.Tensor) => tf.Tensor', { type: 'other' }],
    [`'a'|'b'`, { type: 'other' }],
    ['...tf.Tensor', { type: 'other' }],
    ['typeof tf', { type: 'other' }],
    ['', { type: 'other' }],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text), () => assert.deepEqual(parseJsdocType(text), want));
});

describe('parseJsdocTags', () => {
  it('@type, @param (with @arg / @argument, [name], [name=default]), @returns / @return', () => {
    const value = `*
 * Trains.
 * @param {tf.LayersModel} model the model
 * @arg {tf.Tensor} [xs] inputs
 * @argument {tf.Tensor=} [ys=null] labels
 * @param opts no type
 * @returns {Promise<tf.Tensor>} the loss
 * @return {tf.Tensor}
 * @type {tf.Sequential}
 * @see {@link other}
 `;
    assert.deepEqual(parseJsdocTags(value), [
      { tag: 'param', typeText: 'tf.LayersModel', name: 'model' },
      { tag: 'param', typeText: 'tf.Tensor', name: 'xs' },
      { tag: 'param', typeText: 'tf.Tensor=', name: 'ys' },
      { tag: 'param', typeText: null, name: 'opts' },
      { tag: 'returns', typeText: 'Promise<tf.Tensor>' },
      { tag: 'returns', typeText: 'tf.Tensor' },
      { tag: 'type', typeText: 'tf.Sequential' },
    ]);
  });

  it('a type spanning lines, nested braces, and an unterminated type', () => {
    assert.deepEqual(parseJsdocTags(`* @type {tf.Tensor|\n *   null} */`.slice(0, -2)), [{ tag: 'type', typeText: 'tf.Tensor| null' }]);
    assert.deepEqual(parseJsdocTags(`* @param {{a: number}} o`), [{ tag: 'param', typeText: '{a: number}', name: 'o' }]);
    assert.deepEqual(parseJsdocTags(`* @type {tf.Tensor`), []);
  });
});

/** Lint plain JavaScript (espree, an ES module unless `sourceType` says otherwise) and inspect its FileIndex. */
function withJs(code: string, inspect: (file: FileIndex, ast: TSESTree.Program) => void, settings: Record<string, unknown> = {}, sourceType: 'module' | 'commonjs' = 'module'): void {
  const linter = new Linter({ configType: 'flat' });
  let ran = false;
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType, ecmaVersion: 'latest' },
        settings,
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  inspect(getFileIndex(context as never), context.sourceCode.ast as unknown as TSESTree.Program);
                  ran = true;
                  return {};
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    'probe.js',
  );
  assert.deepEqual(messages, []);
  assert.ok(ran);
}

/** `kind[:promise]` of each `probe(x)` argument, or null. */
function kindsIn(code: string, settings?: Record<string, unknown>, sourceType?: 'module' | 'commonjs'): (string | null)[] {
  let out: (string | null)[] = [];
  withJs(
    code,
    (file, ast) => {
      const count = (code.match(/\bprobe\(/g) ?? []).length;
      out = Array.from({ length: count }, (_, i) => {
        const k = file.kindOf(probed(file, ast, i));
        return k ? `${k.kind}${k.promise ? ':promise' : ''}${k.via === 'annotation' ? '' : ':' + k.via}` : null;
      });
    },
    settings,
    sourceType,
  );
  return out;
}

const ESM = `import * as tf from '@tensorflow/tfjs';\n`;

describe('resolver: JSDoc types in JavaScript', () => {
  it('@param on a function declaration, an exported function, a default value, [optional]', () => {
    const code = `${ESM}
/** @param {tf.LayersModel} model @param {tf.Tensor} x */
function step(model, x) { probe(model); probe(x); }
/**
 * @param {tf.layers.Layer} layer
 * @param {tf.Optimizer} [opt]
 * @param {tf.Sequential=} net
 */
export function other(layer, opt = makeOpt(), net) { probe(layer); probe(opt); probe(net); }
/** @param {tf.Tensor} y */
function noMatch(x) { probe(x); }`;
    assert.deepEqual(kindsIn(code), ['model', 'tensor', 'layer', 'optimizer', 'model', null]);
  });

  it('@param on an arrow or function expression documented on its variable statement, methods, constructors, object methods', () => {
    const code = `${ESM}
/** @param {tf.LayersModel} m */
const f = (m) => probe(m);
/** @param {tf.LayersModel} m */
export const g = function (m) { probe(m); };
class Trainer {
  /** @param {tf.Sequential} model */
  constructor(model) { probe(model); }
  /** @param {tf.Tensor} xs */
  fit(xs) { probe(xs); }
}
const helpers = {
  /** @param {tf.Tensor} t */
  norm(t) { probe(t); },
};
xs.forEach(/** @param {tf.Tensor} t */ (t) => probe(t));`;
    assert.deepEqual(kindsIn(code), ['model', 'model', 'model', 'tensor', 'tensor', 'tensor']);
  });

  it('@type on a variable assigned from unknown; multi-declarator statements are not followed', () => {
    const code = `${ESM}
/** @type {tf.LayersModel} */
let model;
model = await loadIt();
probe(model);
/** @type {Promise<tf.LayersModel>} */
const pending = loadLater();
probe(pending);
probe(await pending);
/** @type {tf.Tensor} */
let a, b;
a = make(); b = make();
probe(a);
export /** @type {tf.Tensor} */ const t = make();
probe(t);`;
    assert.deepEqual(kindsIn(code), ['model', 'model:promise', 'model', null, 'tensor']);
  });

  it('code wins over JSDoc: a visible tfjs factory keeps its provenance', () => {
    const code = `${ESM}
/** @type {tf.LayersModel} */
const m = tf.sequential();
probe(m);
/** @type {tf.LayersModel} */
const n = tf.tensor([1]);
probe(n);`;
    assert.deepEqual(kindsIn(code), ['model:factory', 'tensor:factory']);
  });

  it('class fields: `this.model = null` documented in the constructor, a field declaration, `agent.model` outside', () => {
    const code = `${ESM}
class Agent {
  /** @type {tf.Optimizer} */
  opt;
  constructor() {
    /** @type {tf.Sequential} */
    this.model = null;
    this.other = null;
  }
  async load() { this.model = await loadIt(); this.opt = makeOpt(); }
  step() { probe(this.model); probe(this.opt); probe(this.other); }
}
const agent = new Agent();
probe(agent.model);`;
    assert.deepEqual(kindsIn(code), ['model', 'optimizer', null, 'model']);
  });

  it('@returns / @return of same-file functions and methods', () => {
    const code = `${ESM}
/** @returns {tf.LayersModel} */
function build() { return loadIt(); }
probe(build());
/** @return {Promise<tf.LayersModel>} */
function load() { return fetchIt(); }
probe(load());
probe(await load());
/** @returns {tf.LayersModel} */
async function loadAsync() { return fetchIt(); }
probe(loadAsync());
class Zoo {
  /** @returns {tf.Tensor} */
  sample() { return draw(); }
  run() { probe(this.sample()); }
}`;
    assert.deepEqual(kindsIn(code), ['model', 'model:promise', 'model', 'model:promise', 'tensor']);
  });

  it('type forms: import(), unions, !T, ?T, arrays (unknown), named imports', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
import { LayersModel } from '@tensorflow/tfjs';
/**
 * @param {import('@tensorflow/tfjs').LayersModel} a
 * @param {tf.Tensor|null} b
 * @param {!tf.Tensor} c
 * @param {?tf.Tensor} d
 * @param {tf.Tensor|tf.LayersModel} e
 * @param {tf.Tensor[]} f
 * @param {Array.<tf.LayersModel>} g
 * @param {LayersModel} h
 * @param {(tf.Tensor|undefined)} i
 */
function all(a, b, c, d, e, f, g, h, i) { probe(a); probe(b); probe(c); probe(d); probe(e); probe(f); probe(g); probe(h); probe(i); }`;
    assert.deepEqual(kindsIn(code), ['model', 'tensor', 'tensor', 'tensor', null, null, null, 'model', 'tensor']);
  });

  it('precision: a user type named Model, Object, a non-tfjs import(), a tf that is not tfjs, an undeclared tf', () => {
    const code = `${ESM}
class Model { predict(x) { return x; } }
/**
 * @param {Model} a
 * @param {Object} b
 * @param {import('brain.js').NeuralNetwork} c
 * @param {import('brain.js').LayersModel} d
 * @param {LayersModel} e
 * @param {tfx.LayersModel} f
 * @param {*} g
 */
function all(a, b, c, d, e, f, g) { probe(a); probe(b); probe(c); probe(d); probe(e); probe(f); probe(g); }
function shadow() {
  const tf = makeFake();
  /** @param {tf.LayersModel} m */
  const inner = (m) => probe(m);
}`;
    assert.deepEqual(kindsIn(code), [null, null, null, null, null, null, null, null]);
  });

  it('CommonJS require, and an undeclared tf only as a configured global', () => {
    const cjs = `const tf = require('@tensorflow/tfjs-node');\n/** @param {tf.LayersModel} m */\nfunction f(m) { probe(m); }`;
    assert.deepEqual(kindsIn(cjs, {}, 'commonjs'), ['model']);
    const global = `/** @param {tf.LayersModel} m */\nfunction f(m) { probe(m); }\nf(tf.sequential());`;
    const globalUnknown = `/** @param {tf.LayersModel} m */\nfunction f(m) { probe(m); }\nconsole.log(tf.version);`;
    assert.deepEqual(kindsIn(globalUnknown, { torch2tf: { globals: ['tf'] } }, 'commonjs'), ['model']);
    assert.deepEqual(kindsIn(globalUnknown, {}, 'commonjs'), [null]);
    assert.deepEqual(kindsIn(global, { torch2tf: { globals: ['tf'] } }, 'commonjs'), ['model:factory']);
  });

  it('a JSDoc type that is provably not tfjs makes a parameter no "model of unknown origin"', () => {
    const code = `${ESM}
class Net { apply(x) { return x; } }
/** @param {Net} a @param {number} b @param {Model} c @param {tf.LayersModel} d */
export function step(a, b, c, d, e) { probe(a); probe(b); probe(c); probe(d); probe(e); }`;
    withJs(code, (file, ast) => {
      assert.deepEqual([0, 1, 2, 3, 4].map((i) => file.hasOnlyOutsideOrigins(probed(file, ast, i))), [false, false, true, true, true]);
    });
  });

  it('@typedef names: tfjs types through one or more typedefs, Promise of a typedef, cycles end', () => {
    const code = `${ESM}
/** @typedef {tf.Sequential} Net */
/** @typedef {Net} Model */
/** @typedef {import('@tensorflow/tfjs').Tensor} T */
/** @typedef {Loop} Loop */
/**
 * @typedef {A} B
 * @typedef {B} A
 */
/**
 * @param {Net} a
 * @param {Model} b
 * @param {T|null} c
 * @param {Promise<Model>} d
 * @param {Loop} e
 * @param {A} f
 */
function all(a, b, c, d, e, f) { probe(a); probe(b); probe(c); probe(d); probe(e); probe(f); }
/** @type {Model} */
let held;
probe(held);`;
    assert.deepEqual(kindsIn(code), ['model', 'model', 'tensor', 'model:promise', null, null, 'model']);
  });

  it('@typedef precision: a binding of the same name wins, records and non-tfjs targets are not tfjs', () => {
    const code = `${ESM}
class Model { predict(x) { return x; } }
/** @typedef {tf.LayersModel} Model */
/**
 * @typedef {Object} Config
 * @property {number} lr
 */
/** @typedef {import('brain.js').NeuralNetwork} Brain */
/** @typedef {tfx.LayersModel} Unknown */
/** @param {Model} a @param {Config} b @param {Brain} c @param {Unknown} d @param {Nowhere} e */
export function step(a, b, c, d, e) { probe(a); probe(b); probe(c); probe(d); probe(e); }`;
    assert.deepEqual(kindsIn(code), [null, null, null, null, null]);
    withJs(code, (file, ast) => {
      // Model is the user's class, Config a record, Brain a brain.js type: provably not tfjs; Unknown and Nowhere prove nothing
      assert.deepEqual([0, 1, 2, 3, 4].map((i) => file.hasOnlyOutsideOrigins(probed(file, ast, i))), [false, false, false, true, true]);
    });
  });

  it('nested @param names: a destructured parameter and a member of a documented options object', () => {
    const code = `${ESM}
/**
 * @param {Object} opts
 * @param {tf.LayersModel} opts.model
 * @param {tf.Tensor} [opts.xs]
 * @param {number} opts.epochs
 * @param {tf.Tensor} ys
 */
export function train({ model, xs = null, epochs, other }, ys) { probe(model); probe(xs); probe(epochs); probe(other); probe(ys); }
/**
 * @param {Object} cfg
 * @param {tf.Optimizer} cfg.optimizer
 * @param {tf.Sequential} cfg.net
 */
export function step(cfg) { probe(cfg.optimizer); probe(cfg.net); probe(cfg.missing); probe(cfg); }
/** @param {Object} [o] @param {tf.LayersModel} o.model */
export const g = ({ model } = {}) => probe(model);`;
    assert.deepEqual(kindsIn(code), ['model', 'tensor', null, null, 'tensor', 'optimizer', 'model', null, null, 'model']);
  });

  it('nested @param names: the root name follows the parameter position; JSDoc fills what the code leaves unknown, as for plain parameters', () => {
    const code = `${ESM}
/**
 * @param {tf.Tensor} x
 * @param {Object} opts
 * @param {tf.LayersModel} opts.model
 */
function f(x, { model }) { probe(model); }
/**
 * @param {Object} opts
 * @param {tf.LayersModel} opts.model
 */
function wrongRoot(x, { model }) { probe(model); }
/** @param {Object} c @param {tf.LayersModel} c.model */
function seen(c) { probe(c.model); }
seen({ model: { predict: (v) => v } });`;
    assert.deepEqual(kindsIn(code), ['model', null, 'model']);
  });

  it('@import (TypeScript 5.5 JSDoc imports): named, renamed, namespace; other modules are not tfjs', () => {
    const code = `
/** @import { LayersModel, Tensor as T } from '@tensorflow/tfjs' */
/** @import * as tfl from "@tensorflow/tfjs-layers" */
/** @import { NeuralNetwork } from 'brain.js' */
/**
 * @param {LayersModel} a
 * @param {T} b
 * @param {tfl.layers.Layer} c
 * @param {NeuralNetwork} d
 * @param {tfl.Sequential} e
 */
export function step(a, b, c, d, e) { probe(a); probe(b); probe(c); probe(d); probe(e); }`;
    assert.deepEqual(kindsIn(code), ['model', 'tensor', 'layer', null, 'model']);
    withJs(code, (file, ast) => assert.equal(file.hasOnlyOutsideOrigins(probed(file, ast, 3)), false));
  });

  it('TypeScript files: a TS annotation wins, JSDoc fills in where there is none', () => {
    withTf(`${ESM}class Mine {}\n/** @param {tf.LayersModel} a @param {tf.LayersModel} b */\nfunction f(a: Mine, b) { probe(a); probe(b); }`, (file, ast) => {
      assert.equal(file.kindOf(probed(file, ast, 0)), null);
      assert.equal(file.kindOf(probed(file, ast, 1))?.kind, 'model');
    });
  });
});
