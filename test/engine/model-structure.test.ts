// Unit tests of src/engine/model-structure.ts: which layers a visible model has, and whether it reaches a
// layer whose output depends on the training flag.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layerModeDependence, modelReachesModeDependent, modelStructure, provenanceOf, type Tri } from '../../src/engine/model-structure.js';
import { FileIndex } from '../../src/engine/resolver.js';
import { probed, withTf } from './probe.js';

const H = `import * as tf from '@tensorflow/tfjs';\n`;

const reachCases: { name: string; code: string; want: Tri }[] = [
  { name: 'sequential with dropout', code: `const m = tf.sequential({layers: [tf.layers.dense({units: 1}), tf.layers.dropout({rate: 0.5})]});\nprobe(m);`, want: 'yes' },
  { name: 'sequential with dense only', code: `const m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nprobe(m);`, want: 'no' },
  { name: 'model.add(batchNormalization())', code: `const m = tf.sequential();\nm.add(tf.layers.dense({units: 1}));\nm.add(tf.layers.batchNormalization());\nprobe(m);`, want: 'yes' },
  { name: 'layers from an unknown variable', code: `const m = tf.sequential({layers: someLayers});\nprobe(m);`, want: 'unknown' },
  { name: 'a spread in the layer list', code: `const m = tf.sequential({layers: [tf.layers.dense({units: 1}), ...more]});\nprobe(m);`, want: 'unknown' },
  { name: 'a spread still finds a visible dropout', code: `const m = tf.sequential({layers: [tf.layers.dropout({rate: 0.1}), ...more]});\nprobe(m);`, want: 'yes' },
  { name: 'functional model through apply chains', code: `const i = tf.input({shape: [4]});\nconst h = tf.layers.dense({units: 4}).apply(i);\nconst o = tf.layers.gaussianNoise({stddev: 1}).apply(h);\nconst m = tf.model({inputs: i, outputs: o});\nprobe(m);`, want: 'yes' },
  { name: 'functional model without mode-dependent layers', code: `const i = tf.input({shape: [4]});\nconst o = tf.layers.dense({units: 4}).apply(i);\nconst m = tf.model({inputs: i, outputs: o});\nprobe(m);`, want: 'no' },
  { name: 'lstm with dropout > 0', code: `const m = tf.sequential({layers: [tf.layers.lstm({units: 4, dropout: 0.2})]});\nprobe(m);`, want: 'yes' },
  { name: 'lstm with dropout 0', code: `const m = tf.sequential({layers: [tf.layers.lstm({units: 4, dropout: 0})]});\nprobe(m);`, want: 'no' },
  { name: 'lstm with a non-literal dropout', code: `const m = tf.sequential({layers: [tf.layers.lstm({units: 4, dropout: rate})]});\nprobe(m);`, want: 'unknown' },
  { name: 'bidirectional wrapper around an lstm with recurrentDropout', code: `const m = tf.sequential({layers: [tf.layers.bidirectional({layer: tf.layers.lstm({units: 4, recurrentDropout: 0.1})})]});\nprobe(m);`, want: 'yes' },
  { name: 'nested sequential', code: `const inner = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});\nconst m = tf.sequential({layers: [inner, tf.layers.dense({units: 1})]});\nprobe(m);`, want: 'yes' },
  { name: 'a builder function', code: `function build() {\n  const m = tf.sequential();\n  m.add(tf.layers.alphaDropout({rate: 0.1}));\n  return m;\n}\nconst model = build();\nprobe(model);`, want: 'yes' },
  { name: 'a class field', code: `class A {\n  constructor() { this.net = tf.sequential({layers: [tf.layers.spatialDropout1d({rate: 0.1})]}); }\n  go() { probe(this.net); }\n}`, want: 'yes' },
  { name: 'a loaded model', code: `async function f() { const m = await tf.loadLayersModel('m.json'); probe(m); }`, want: 'unknown' },
  { name: 'an annotated parameter', code: `function f(m: tf.LayersModel) { probe(m); }`, want: 'unknown' },
  { name: 'an annotated field keeps the provenance of its one write', code: `class A {\n  net: tf.Sequential;\n  constructor() { this.net = tf.sequential({layers: [tf.layers.dense({units: 1})]}); }\n  go() { probe(this.net); }\n}`, want: 'no' },
  { name: 'an annotated field with two different writes stays unknown', code: `class A {\n  net: tf.Sequential;\n  constructor(big) { this.net = tf.sequential({layers: [tf.layers.dense({units: 1})]}); if (big) this.net = other(); }\n  go() { probe(this.net); }\n}`, want: 'unknown' },
  { name: 'a layer directly: dropout', code: `const d = tf.layers.dropout({rate: 0.5});\nprobe(d);`, want: 'yes' },
  { name: 'a layer directly: dense', code: `const d = tf.layers.dense({units: 1});\nprobe(d);`, want: 'no' },
  { name: 'an annotated layer field whose write is a dropout', code: `class L extends tf.layers.Layer {\n  private drop: tf.layers.Layer;\n  constructor() { super({}); this.drop = tf.layers.dropout({rate: 0.5}); }\n  call(x) { return probe(this.drop); }\n}`, want: 'yes' },
  { name: 'an annotation-only layer (no write) is unknown, not mode-independent', code: `function f(l: tf.layers.Layer) { probe(l); }`, want: 'unknown' },
  { name: 'model.layers[i] is unknown', code: `const m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nprobe(m.layers[0]);`, want: 'unknown' },
  { name: 'a custom layer that reads kwargs.training', code: `class B extends tf.layers.Layer { call(x, kwargs) { return kwargs.training ? x : x; } }\nconst m = tf.sequential({layers: [new B()]});\nprobe(m);`, want: 'yes' },
  { name: 'a custom layer without mode-dependent parts', code: `class B extends tf.layers.Layer { call(x) { return x; } }\nconst m = tf.sequential({layers: [new B()]});\nprobe(m);`, want: 'no' },
  { name: 'a LayersModel subclass: graph not visible', code: `class Net extends tf.LayersModel {}\nconst n = new Net({inputs: [], outputs: []});\nprobe(n);`, want: 'unknown' },
  // origin sets, containers and same-file parameters (issue 9)
  { name: 'origin set: one of two if/else writes has dropout', code: `let m;\nif (x) m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nelse m = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});\nprobe(m);`, want: 'yes' },
  { name: 'origin set: neither write has a mode-dependent layer', code: `let m;\nif (x) m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nelse m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nprobe(m);`, want: 'no' },
  { name: 'origin set: var declared in two branches', code: `if (x) { var m = tf.sequential({layers: [tf.layers.dense({units: 1})]}); } else { var m = tf.sequential({layers: [tf.layers.batchNormalization()]}); }\nprobe(m);`, want: 'yes' },
  { name: 'origin set: instanceof-guarded ternary', code: `const m = x instanceof tf.LayersModel ? x : tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});\nprobe(m);`, want: 'yes' },
  { name: 'origin set: one write is a user object', code: `let m = { predict() {} };\nif (x) m = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});\nprobe(m);`, want: 'unknown' },
  { name: 'wrapper class field from outside', code: `class Critic { constructor() { this.model = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}); } }\nclass Agent { constructor() { this.critic = new Critic(); } }\nconst agent = new Agent();\nprobe(agent.critic.model);`, want: 'yes' },
  { name: 'destructured builder result', code: `function build() { const g = tf.sequential({layers: [tf.layers.batchNormalization()]}); return { g, opt: tf.train.adam() }; }\nconst { g } = build();\nprobe(g);`, want: 'yes' },
  { name: 'array element and for-of', code: `const ms = [tf.sequential({layers: [tf.layers.dense({units: 1})]}), tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]})];\nfor (const m of ms) probe(m);`, want: 'yes' },
  { name: 'array index', code: `const ms = [tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}), tf.sequential({layers: [tf.layers.dense({units: 1})]})];\nprobe(ms[1]);`, want: 'no' },
  { name: 'same-file parameter', code: `function f(m) { probe(m); }\nf(tf.sequential({layers: [tf.layers.batchNormalization()]}));`, want: 'yes' },
  { name: 'parameter through .call', code: `function f(m) { probe(m); }\nf.call(null, tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}));`, want: 'yes' },
  { name: 'parameter of a function that escapes', code: `function f(m) { probe(m); }\nf(tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}));\n[1].map(f);`, want: 'unknown' },
  { name: 'a named function passed to forEach over an array of models', code: `const nets = [tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]})];\nfunction trainOne(m) { probe(m); }\nnets.forEach(trainOne);`, want: 'yes' },
  { name: 'a named function passed to map and also called directly', code: `const nets = [tf.sequential({layers: [tf.layers.dense({units: 1})]})];\nconst trainOne = (m) => probe(m);\nnets.map(trainOne);\ntrainOne(tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}));`, want: 'yes' },
  { name: 'a named function also handed to setTimeout: its argument is not visible', code: `const nets = [tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]})];\nfunction trainOne(m) { probe(m); }\nnets.forEach(trainOne);\nsetTimeout(trainOne, 10);`, want: 'unknown' },
  { name: 'method parameter called on this', code: `class T { constructor() { this.m = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]}); } fit(m) { probe(m); } go() { this.fit(this.m); } }`, want: 'yes' },
  { name: 'not a model at all', code: `const n = makeNet();\nprobe(n);`, want: 'unknown' },
];

describe('modelReachesModeDependent', () => {
  for (const c of reachCases) {
    it(c.name, () => withTf(H + c.code, (file, ast) => assert.equal(modelReachesModeDependent(file, probed(file, ast)), c.want)));
  }
});

describe('modelStructure / provenanceOf / layerModeDependence', () => {
  it('lists the layers of sequential + add() and says whether the list is complete', () => {
    withTf(H + `const m = tf.sequential({layers: [tf.layers.dense({units: 1})]});\nm.add(tf.layers.dropout({rate: 0.5}));\nprobe(m);`, (file, ast) => {
      const s = modelStructure(file, probed(file, ast));
      assert.deepEqual(s?.layers.map((l) => l.info?.name), ['dense', 'dropout']);
      assert.equal(s?.complete, true);
    });
  });

  it('a factory write that agrees with a type annotation wins over it (kindOf and provenanceOf)', () => {
    withTf(H + `let d: tf.layers.Layer = tf.layers.dropout({rate: 0.5});\nprobe(d);\nlet e: tf.layers.Layer;\nprobe(e);`, (file, ast) => {
      assert.equal(file.kindOf(probed(file, ast))?.via, 'factory');
      assert.equal(file.kindOf(probed(file, ast, 1))?.via, 'annotation');
      assert.equal(provenanceOf(file, probed(file, ast))?.name, 'dropout');
      assert.equal(provenanceOf(file, probed(file, ast, 1))?.via, 'annotation');
      assert.equal(layerModeDependence(file, provenanceOf(file, probed(file, ast, 1))), 'unknown');
    });
  });

  it('does not throw on unusual code', () => {
    withTf(H + `const m = tf.sequential({layers: [,, null]});\nm.add();\nm.add(...xs);\nconst k = tf.model({});\nprobe(m);\nprobe(k);`, (file, ast) => {
      assert.equal(modelReachesModeDependent(file, probed(file, ast)), 'unknown');
      assert.equal(modelReachesModeDependent(file, probed(file, ast, 1)), 'unknown');
    });
  });
});

describe('FileIndex.forSource', () => {
  it('indexes a module from plain inputs (no rule context), with the same queries', () => {
    withTf(H + `const m = tf.sequential({layers: [tf.layers.dropout({rate: 0.5})]});\nprobe(m);`, (file, ast) => {
      const other = FileIndex.forSource(file.sourceCode, 'other.ts', { modules: [], globals: [] }, null);
      assert.equal(other.filename, 'other.ts');
      assert.equal(other.touchesTfjs, true);
      assert.equal(other.typed, null);
      assert.equal(modelReachesModeDependent(other, probed(other, ast)), 'yes');
    });
  });
});

describe('named functions passed as element callbacks', () => {
  const kindAt = (code: string, i = 0): string | null => {
    let out: string | null = 'unset';
    withTf(H + code, (file, ast) => {
      out = file.kindOf(probed(file, ast, i))?.kind ?? null;
    });
    return out;
  };
  it('the first parameter takes the elements; the index parameter is not a tfjs value', () => {
    assert.equal(kindAt(`const nets = [tf.sequential(), tf.sequential()];\nfunction each(m, i) { probe(m); probe(i); }\nnets.forEach(each);`), 'model');
    assert.equal(kindAt(`const nets = [tf.sequential(), tf.sequential()];\nfunction each(m, i) { probe(m); probe(i); }\nnets.forEach(each);`, 1), null);
  });
  it('look-alikes: numbers, user objects, a thisArg, an unknown array', () => {
    assert.equal(kindAt(`function each(m) { probe(m); }\n[1, 2].forEach(each);`), null);
    assert.equal(kindAt(`function each(m) { probe(m); }\n[{ predict: (x) => x }].forEach(each);`), null);
    assert.equal(kindAt(`const nets = [tf.sequential()];\nfunction each(m) { probe(m); }\nnets.forEach(each, this);`), null);
    assert.equal(kindAt(`function each(m) { probe(m); }\nloadAll().forEach(each);`), null);
  });
});
