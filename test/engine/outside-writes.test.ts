// Fields and properties written from outside their holder (src/engine/resolver.ts `outsideWrites`):
// `agent.model = build()` after `new Agent()`, `state.model = …` after `const state = {}`, writes through
// a parameter that receives the instance, and the look-alikes that must not become tfjs values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelReachesModeDependent } from '../../src/engine/model-structure.js';
import { probed, withTf } from './probe.js';

const H = `import * as tf from '@tensorflow/tfjs';
const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });
class Agent { constructor() { this.model = null; } run(x) { probe(this.model); } }
`;

const kindOf = (code: string): string | null => {
  let out: string | null = 'unset';
  withTf(H + code, (file, ast) => {
    const p = probed(file, ast, 1);
    out = file.kindOf(p)?.kind ?? null;
  });
  return out;
};

describe('values written from outside their holder', () => {
  const cases: { name: string; code: string; want: string | null }[] = [
    { name: 'a class field set on an instance', code: `const agent = new Agent();\nagent.model = build();\nprobe(agent.model);`, want: 'model' },
    { name: 'an empty object literal filled in later', code: `const state = {};\nstate.model = build();\nprobe(state.model);`, want: 'model' },
    { name: 'an object literal property that starts as null', code: `const state = { model: null };\nstate.model = build();\nprobe(state.model);`, want: 'model' },
    { name: 'a write through a parameter that receives the instance', code: `function attach(a, m) { a.model = m; }\nconst agent = new Agent();\nattach(agent, build());\nprobe(agent.model);`, want: 'model' },
    { name: 'a write through this.<field> of another class', code: `class Trainer {\n  constructor() { this.agent = new Agent(); this.agent.model = build(); }\n}\nprobe(new Trainer().agent.model);`, want: 'model' },
    { name: 'a tensor property', code: `const cache = {};\ncache.t = tf.zeros([2]);\nprobe(cache.t);`, want: 'tensor' },
    // look-alikes: the value is not (only) a tfjs model
    { name: 'a user object written from outside', code: `const agent = new Agent();\nagent.model = { predict: (x) => x };\nprobe(agent.model);`, want: null },
    { name: 'a tfjs model and a user object: the writes disagree', code: `const state = { model: build() };\nstate.model = { predict: (x) => x };\nprobe(state.model);`, want: null },
    { name: 'a spread object: other properties may come from the spread', code: `const state = { ...defaults };\nstate.other = build();\nprobe(state.model);`, want: null },
    { name: 'a write to another object of the same name', code: `const state = {};\nconst other = {};\nother.model = build();\nprobe(state.model);`, want: null },
    { name: 'a write to an unknown object', code: `const state = {};\nwindow.model = build();\nprobe(state.model);`, want: null },
  ];
  for (const c of cases) it(c.name, () => assert.equal(kindOf(c.code), c.want));

  it('the model set from outside reaches its Dropout (model structure is the union over writes)', () => {
    withTf(`${H}const agent = new Agent();\nagent.model = build();`, (file, ast) => {
      assert.equal(modelReachesModeDependent(file, probed(file, ast, 0)), 'yes');
    });
  });

  it('`this.model` inside the class sees the outside write (and stays unknown without one)', () => {
    withTf(`${H}const agent = new Agent();\nagent.model = build();`, (file, ast) => assert.equal(file.kindOf(probed(file, ast, 0))?.kind, 'model'));
    withTf(`${H}const agent = new Agent();`, (file, ast) => assert.equal(file.kindOf(probed(file, ast, 0)), null));
  });

  it('`this.model` set from outside to a value from outside the file is of unknown origin; set to a user object, it is not', () => {
    // the value comes from outside the file (an exported function's parameter no call in the file passes)
    const slot = `class Slot { run(x) { probe(this.model); } }\n`;
    withTf(`${H}${slot}export function attach(m) { const s = new Slot(); s.model = m; return s; }`, (file, ast) => {
      assert.equal(file.hasOnlyOutsideOrigins(probed(file, ast, 1)), true);
    });
    withTf(`${H}${slot}export function attach() { const s = new Slot(); s.model = { predict: (x) => x }; return s; }`, (file, ast) => {
      assert.equal(file.hasOnlyOutsideOrigins(probed(file, ast, 1)), false);
    });
  });
});
