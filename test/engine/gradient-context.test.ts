// Unit tests of src/engine/gradient-context.ts: which functions run under a gradient tape.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gradientContextOf, gradientContexts } from '../../src/engine/gradient-context.js';
import { nodeStarting, withTf } from './probe.js';

const HEADER = `import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nconst opt = tf.train.adam();\n`;

const contextCases: { name: string; code: string; probe: string; api: string | null; depth?: 0 | 1 }[] = [
  { name: 'inline arrow passed to minimize', code: `opt.minimize(() => model.apply(x).sum());`, probe: 'model.apply', api: 'minimize', depth: 0 },
  { name: 'computeGradients', code: `opt.computeGradients(() => model.apply(x).sum());`, probe: 'model.apply', api: 'computeGradients' },
  { name: 'tf.variableGrads with a named const function', code: `const f = () => model.apply(x).sum();\ntf.variableGrads(f);`, probe: 'model.apply', api: 'variableGrads' },
  { name: 'tf.grad / tf.valueAndGrads', code: `const g = tf.grad((a) => model.apply(a).sum());\nconst v = tf.valueAndGrads((a) => model.predict(a).sum());`, probe: 'model.predict', api: 'valueAndGrads' },
  { name: 'a function declaration passed by name', code: `function lossFn() { return model.apply(x).sum(); }\nopt.minimize(lossFn);`, probe: 'model.apply', api: 'minimize' },
  { name: 'through one forwarding helper', code: `function step(fn) { return opt.minimize(fn); }\nstep(() => model.apply(x).sum());`, probe: 'model.apply', api: 'minimize' },
  { name: 'through a forwarding method (this.step(fn))', code: `class A {\n  step(fn) { return opt.minimize(fn, true); }\n  train() { return this.step(() => model.apply(x).sum()); }\n}`, probe: 'model.apply', api: 'minimize', depth: 0 },
  { name: 'one level deep into a same-file function', code: `function forward(a) { return model.apply(a); }\nopt.minimize(() => forward(x).sum());`, probe: 'model.apply', api: 'minimize', depth: 1 },
  { name: 'one level deep into a method (this.getLogits)', code: `class A {\n  getLogits(a) { return model.apply(a); }\n  step() { return opt.minimize(() => this.getLogits(x).sum()); }\n}`, probe: 'model.apply', api: 'minimize', depth: 1 },
  { name: 'a method passed as this.loss.bind(this)', code: `class A {\n  loss() { return model.apply(x).sum(); }\n  step() { return opt.minimize(this.loss.bind(this)); }\n}`, probe: 'model.apply', api: 'minimize', depth: 0 },
  { name: 'a method passed as this.loss', code: `class A {\n  loss = () => model.apply(x).sum();\n  step() { return opt.minimize(this.loss); }\n}`, probe: 'model.apply', api: 'minimize', depth: 0 },
  { name: 'nested inside tf.tidy in the loss', code: `opt.minimize(() => tf.tidy(() => model.apply(x).sum()));`, probe: 'model.apply', api: 'minimize' },
  { name: 'an optimizer passed in (unknown receiver) still records gradients', code: `function train(o) { o.minimize(() => model.apply(x).sum()); }`, probe: 'model.apply', api: 'minimize' },
  { name: 'not a context: plain inference', code: `const y = model.apply(x);`, probe: 'model.apply', api: null },
  { name: 'not a context: two levels deep', code: `function inner(a) { return model.apply(a); }\nfunction outer(a) { return inner(a); }\nopt.minimize(() => outer(x).sum());`, probe: 'model.apply', api: null },
  { name: 'not a context: minimize on a known non-optimizer (a model)', code: `model.minimize(() => model.apply(x).sum());`, probe: 'model.apply', api: null },
  { name: 'not a context: bind to something other than this', code: `class A {\n  loss() { return model.apply(x).sum(); }\n  step() { return opt.minimize(this.loss.bind(other)); }\n}`, probe: 'model.apply', api: null },
];

describe('gradientContextOf', () => {
  for (const c of contextCases) {
    it(c.name, () => {
      withTf(HEADER + c.code, (file, ast) => {
        const ctx = gradientContextOf(file, nodeStarting(file, ast, c.probe));
        assert.equal(ctx?.api ?? null, c.api);
        if (c.depth !== undefined) assert.equal(ctx?.depth, c.depth);
      });
    });
  }

  it('is computed once per file and empty for a file without tfjs', () => {
    withTf(`const x = 1;\nopt.minimize(() => x);`, (file) => {
      assert.equal(file.touchesTfjs, false);
      assert.equal(gradientContexts(file).size, 0);
      assert.equal(gradientContexts(file), gradientContexts(file));
    });
  });

  it('does not throw on ES5 / __awaiter-style code and odd arguments', () => {
    const code = `${HEADER}var __awaiter = function (t, a, P, g) { return new (P || (P = Promise))(function (r) { r(g.apply(t, a || []).next().value); }); };\nopt.minimize();\nopt.minimize(...fns);\ntf.variableGrads(42);\nstep(() => 1);\nfunction step(...rest) { return opt.minimize(rest); }`;
    withTf(code, (file) => {
      assert.doesNotThrow(() => gradientContexts(file));
    });
  });
});
