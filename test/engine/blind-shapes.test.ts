// The shapes the blind projects (fixtures/blind/) showed the engine missing or misreading, each reduced to
// the smallest project that needs it. Every case is linted file by file with only the rule under test,
// the way ESLint runs it, and the engine reads the other modules from disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';

const ROOT = mkdtempSync(join(tmpdir(), 'torch2tf-blind-shapes-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

let count = 0;
function project(files: Record<string, string>, type: 'module' | 'commonjs' = 'commonjs'): string {
  const dir = join(ROOT, `p${count++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `p${count}`, type }));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  return dir;
}

/** `<line>: <messageId>` of one rule's reports on one file of a project. */
function lint(dir: string, file: string, rule: string, options: unknown[] = [], settings?: Record<string, unknown>): string[] {
  const linter = new Linter({ cwd: '/', configType: 'flat' });
  const messages = linter.verify(
    readFileSync(join(dir, file), 'utf8'),
    [
      { files: ['**/*.{js,mjs,cjs,ts}'], plugins: { torch2tf: plugin as never }, rules: { [`torch2tf/${rule}`]: ['error', ...options] as never } },
      { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
      ...(settings ? [{ settings }] : []),
    ],
    join(dir, file),
  );
  assert.deepEqual(messages.filter((m) => m.fatal), []);
  return messages.map((m) => `${m.line}: ${m.messageId}`);
}

const NETS = `const tf = require('@tensorflow/tfjs');
function buildActor() { return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.1 }), tf.layers.dense({ units: 2 })] }); }
function buildCritic() { return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4], trainable: false }), tf.layers.dense({ units: 1 })] }); }
class ActorNet { constructor() { this.model = buildActor(); } }
class CriticNet { constructor() { this.model = buildCritic(); } }
module.exports = { ActorNet, CriticNet };
`;
const AGENT = `const { ActorNet, CriticNet } = require('./nets');
class Agent { constructor() { this.actor = new ActorNet(); this.critic = new CriticNet(); } }
module.exports = { Agent };
`;
const MAIN = `const { Agent } = require('./agent');
const { Trainer } = require('./trainer');
const trainer = new Trainer(new Agent());
for (let i = 0; i < 10; i++) trainer.update();
`;

describe('an instance that reaches a class through a constructor parameter filled by an importer', () => {
  // `this.agent.critic.model`: `this.agent` is the parameter of `new Trainer(new Agent())` in main.js,
  // `critic` a field of Agent (agent.js), `model` a field of CriticNet (nets.js)
  const trainer = `const tf = require('@tensorflow/tfjs');
class Trainer {
  constructor(agent) { this.agent = agent; this.opt = tf.train.adam(1e-3); }
  update(xs, ys) {
    const critic = this.agent.critic.model;
    const actor = this.agent.actor.model;
    this.opt.minimize(() => tf.losses.meanSquaredError(ys, critic.predict(xs)));
    this.opt.minimize(() => tf.losses.meanSquaredError(ys, actor.predict(xs)));
  }
}
module.exports = { Trainer };
`;
  const dir = project({ 'nets.js': NETS, 'agent.js': AGENT, 'main.js': MAIN, 'trainer.js': trainer });

  it('the critic (no Dropout, a frozen encoder) needs a var list; running it with predict() is not reported', () => {
    assert.deepEqual(lint(dir, 'trainer.js', 'require-var-list-when-frozen'), ['7: noVarList']);
    // only the actor, whose Dropout the step turns off
    assert.deepEqual(lint(dir, 'trainer.js', 'require-training-flag'), ['8: inferenceInTrainingStep']);
  });

  it('a subclass passing its own arguments through super(…) leaves the parameter unknown', () => {
    const sub = project({
      'nets.js': NETS,
      'agent.js': AGENT,
      'trainer.js': trainer,
      'main.js': `const { Agent } = require('./agent');\nconst { Trainer } = require('./trainer');\nclass Mine extends Trainer { constructor(a) { super(a); } }\nnew Mine(new Agent()).update();\n`,
    });
    assert.deepEqual(lint(sub, 'trainer.js', 'require-var-list-when-frozen'), []);
  });
});

describe('var lists named through a binding or a helper', () => {
  it('`const varList = online.trainableWeights.map(…)`: the target network run with predict() is not reported', () => {
    const dir = project({
      'dqn.js': `const tf = require('@tensorflow/tfjs');
const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 }), tf.layers.dense({ units: 2 })] });
const online = build();
const target = build();
function step(xs, next, ys) {
  const varList = online.trainableWeights.map((w) => w.read());
  const f = () => tf.losses.huberLoss(ys.add(target.predict(next).max(-1)), online.predict(xs).max(-1));
  const { value, grads } = tf.variableGrads(f, varList);
  return { value, grads };
}
module.exports = { step };
`,
    });
    assert.deepEqual(lint(dir, 'dqn.js', 'require-training-flag'), ['7: inferenceInTrainingStep']);
  });

  it('`minimize(f, true, this.studentVars())`: what the method returns names the trained model', () => {
    const dir = project(
      {
        'distill.ts': `import * as tf from '@tensorflow/tfjs';
const mlp = () => tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 }), tf.layers.dense({ units: 2 })] });
export class Distiller {
  teacher = mlp();
  student = mlp();
  opt = tf.train.adam(1e-3);
  private studentVars() { return this.student.trainableWeights.map((w) => w.read() as tf.Variable); }
  step(xs: tf.Tensor) {
    return this.opt.minimize(() => tf.losses.softmaxCrossEntropy(this.teacher.predict(xs) as tf.Tensor, this.student.predict(xs) as tf.Tensor) as tf.Scalar, true, this.studentVars());
  }
}
`,
      },
      'module',
    );
    const reports = lint(dir, 'distill.ts', 'require-training-flag');
    // the student's predict() is reported (one report on line 9); the teacher's is not
    assert.deepEqual(reports, ['9: inferenceInTrainingStep']);
  });

  it('a helper of another module run inside a step with a var list: reported for the model the list names only', () => {
    const dir = project({
      'nets.js': NETS,
      'math.js': `const tf = require('@tensorflow/tfjs');\nfunction logits(model, xs) {\n  return model.predict(xs);\n}\nmodule.exports = { logits };\n`,
      'step.js': `const tf = require('@tensorflow/tfjs');
const { ActorNet, CriticNet } = require('./nets');
const { logits } = require('./math');
const actor = new ActorNet().model;
const critic = new CriticNet().model;
const opt = tf.train.adam(1e-3);
function train(xs, ys) {
  for (let i = 0; i < 10; i++) {
    opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, logits(actor, xs)), true, actor.trainableWeights);
  }
}
module.exports = { train };
`,
    });
    assert.deepEqual(lint(dir, 'math.js', 'require-training-flag'), ['3: inferenceInTrainingStep']);
    const other = project({
      'nets.js': NETS,
      'math.js': `const tf = require('@tensorflow/tfjs');\nfunction logits(model, xs) {\n  return model.predict(xs);\n}\nmodule.exports = { logits };\n`,
      'step.js': `const tf = require('@tensorflow/tfjs');
const { ActorNet, CriticNet } = require('./nets');
const { logits } = require('./math');
const actor = new ActorNet().model;
const teacher = new ActorNet().model;
const opt = tf.train.adam(1e-3);
function train(xs, ys) {
  opt.minimize(() => tf.losses.softmaxCrossEntropy(logits(teacher, xs), actor.apply(xs, { training: true })), true, actor.trainableWeights);
}
module.exports = { train };
`,
    });
    assert.deepEqual(lint(other, 'math.js', 'require-training-flag'), []);
  });

  it('a var list misplaced in the returnCost slot (`minimize(f, [image])`) still says only the image is optimized', () => {
    const dir = project({
      'style.js': `const tf = require('@tensorflow/tfjs');
const net = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 })] });
const image = tf.variable(tf.zeros([1, 4]));
const opt = tf.train.adam(0.02);
for (let i = 0; i < 10; i++) opt.minimize(() => net.predict(image).square().mean(), [image]);
`,
    });
    assert.deepEqual(lint(dir, 'style.js', 'require-training-flag'), []);
  });
});

describe('graph building and bindings the rules follow', () => {
  it('`let x = layer.apply(input); x = …apply(x)`: layers applied to it build a graph, no tensor leaks', () => {
    const dir = project({
      'model.js': `const tf = require('@tensorflow/tfjs');
function build() {
  const input = tf.input({ shape: [4] });
  let x = tf.layers.dense({ units: 8 }).apply(input);
  x = tf.layers.dense({ units: 8 }).apply(x);
  const value = tf.layers.dense({ units: 1 }).apply(x);
  const advantage = tf.layers.dense({ units: 2 }).apply(x);
  return tf.model({ inputs: input, outputs: [value, advantage] });
}
module.exports = { build };
`,
    });
    assert.deepEqual(lint(dir, 'model.js', 'no-leaked-tensor', [{ onlyRepeated: false }]), []);
  });

  it('`const { model, trunk } = build()` with `return { model, trunk }`: the rules follow both parts', () => {
    const dir = project({
      'clone.js': `const tf = require('@tensorflow/tfjs');
function build() {
  const trunk = tf.layers.dense({ inputShape: [4], units: 8 });
  const model = tf.sequential({ layers: [trunk, tf.layers.dense({ units: 3 })] });
  return { model, trunk };
}
async function run(xs, ys) {
  const { model, trunk } = build();
  trunk.trainable = false;
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  await model.fit(xs, ys);
  trunk.trainable = true;
  await model.fit(xs, ys);
}
module.exports = { run };
`,
    });
    assert.deepEqual(lint(dir, 'clone.js', 'no-trainable-after-compile'), ['12: unfreezeAfterCompile']);
    assert.deepEqual(lint(dir, 'clone.js', 'no-logits-with-probability-loss'), ['10: logitsWithProbabilityLoss']);
  });

  it('a type parameter stands for its constraint, a type alias for its type (no type information)', () => {
    const dir = project(
      {
        'train.ts': `import * as tf from '@tensorflow/tfjs';
type Net = tf.Sequential;
export class Trainer<S extends tf.LayersModel> {
  constructor(private readonly student: S, private readonly backup: Net) {}
  run() {
    this.student.eval();
    this.backup.train();
  }
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'train.ts', 'no-torch-mode-switch'), ['6: modeCall', '7: modeCall']);
  });
});

describe('no-leaked-tensor: who may call a function inside a scope', () => {
  const TRAINER = `const tf = require('@tensorflow/tfjs');
const { ActorNet } = require('./nets');
class Roller {
  constructor() { this.actor = new ActorNet().model; }
  rollout(obs) {
    const actions = [];
    for (let t = 0; t < 32; t++) {
      const x = tf.tensor2d([obs]);
      actions.push(tf.multinomial(this.actor.predict(x), 1).dataSync()[0]);
      x.dispose();
    }
    return actions;
  }
}
module.exports = { Roller };
`;
  it('an exported class method whose only importer is a script that opens no scope: reported', () => {
    const dir = project({ 'nets.js': NETS, 'roller.js': TRAINER, 'main.js': `const { Roller } = require('./roller');\nconst r = new Roller();\nsetInterval(() => r.rollout([0, 0, 0, 0]), 100);\n` });
    assert.deepEqual(lint(dir, 'roller.js', 'no-leaked-tensor'), ['9: intermediate']);
  });

  it('the same method when an importer mentions tf.tidy, or the importer is a library entry: not reported', () => {
    const tidy = project({
      'nets.js': NETS,
      'roller.js': TRAINER,
      'main.js': `const tf = require('@tensorflow/tfjs');\nconst { Roller } = require('./roller');\nconst r = new Roller();\ntf.tidy(() => r.rollout([0, 0, 0, 0]));\n`,
    });
    assert.deepEqual(lint(tidy, 'roller.js', 'no-leaked-tensor'), []);
    const lib = project({ 'nets.js': NETS, 'roller.js': TRAINER, 'index.js': `module.exports = { Roller: require('./roller').Roller };\n` });
    assert.deepEqual(lint(lib, 'roller.js', 'no-leaked-tensor'), []);
    const nobody = project({ 'nets.js': NETS, 'roller.js': TRAINER });
    assert.deepEqual(lint(nobody, 'roller.js', 'no-leaked-tensor'), []);
  });

  it('an exported helper that an importer calls per message runs again and again (fixtures/blind/modern-node features.js)', () => {
    const FEATURES = `import * as tf from '@tensorflow/tfjs';
export function frameEnergy(pcm) {
  return 10 * Math.log10(pcm.square().mean().dataSync()[0] + 1e-10);
}
export function batches(xs) {
  return xs;
}
`;
    // the worker also tidies something else; the training script imports another name of features.js and
    // leads to a library-style entry: neither may call frameEnergy inside a scope
    const WORKER = (call: string) => `import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { frameEnergy } from './features.js';
parentPort.on('message', (msg) => {
  const pcm = tf.tensor1d(msg.samples);
  const loud = ${call} > -40;
  const probs = tf.tidy(() => tf.softmax(pcm));
  parentPort.postMessage({ loud, probs: probs.dataSync() });
  tf.dispose([pcm, probs]);
});
`;
    const files = (call: string) => ({
      'features.js': FEATURES,
      'worker.js': WORKER(call),
      'train.js': `import { batches } from './features.js';
export const data = batches([]);
`,
      'index.js': `export { data } from './train.js';
`,
    });
    assert.deepEqual(lint(project(files('frameEnergy(pcm)'), 'module'), 'features.js', 'no-leaked-tensor'), ['3: intermediate']);
    // the same call inside tf.tidy in the worker: disposed there
    assert.deepEqual(lint(project(files('tf.tidy(() => frameEnergy(pcm))'), 'module'), 'features.js', 'no-leaked-tensor'), []);
    // called once, at the worker's top level: not repeated
    const once = files('0');
    once['worker.js'] += `export const level = frameEnergy(tf.zeros([4]));
`;
    assert.deepEqual(lint(project(once, 'module'), 'features.js', 'no-leaked-tensor'), []);
  });

  it("a method of an exported class that an importer calls per tick on an injected instance (fixtures/blind/rxjs-angular metrics.service.ts)", () => {
    const METRICS = `import * as tf from '@tensorflow/tfjs';
export class MetricsService {
  confidence(model: tf.LayersModel, input: tf.Tensor): number {
    return tf.softmax(model.predict(input) as tf.Tensor).max().dataSync()[0];
  }
}
`;
    const SERVICE = (call: string) => `import * as tf from '@tensorflow/tfjs';
import { MetricsService } from './metrics';
export class InferenceService {
  constructor(private readonly metrics: MetricsService, private readonly model: tf.LayersModel) {}
  start(input: tf.Tensor): void {
    setInterval(() => {
      this.report(${call});
    }, 100);
  }
  report(v: number): void {
    console.log(v);
  }
}
`;
    const files = (call: string) => ({
      'metrics.ts': METRICS,
      'inference.ts': SERVICE(call),
      'main.ts': `import { InferenceService } from './inference';\nexport function boot(s: InferenceService) {\n  return s;\n}\n`,
    });
    assert.deepEqual(lint(project(files('this.metrics.confidence(this.model, input)'), 'module'), 'metrics.ts', 'no-leaked-tensor'), ['4: intermediate']);
    // the same call inside tf.tidy: disposed there
    assert.deepEqual(lint(project(files('tf.tidy(() => this.metrics.confidence(this.model, input))'), 'module'), 'metrics.ts', 'no-leaked-tensor'), []);
  });

  it('onlyRepeated: false: an exported loss every importer calls inside minimize() is not reported', () => {
    const dir = project(
      {
        'losses.ts': `import * as tf from '@tensorflow/tfjs';\nexport function kd(s: tf.Tensor, t: tf.Tensor): tf.Scalar {\n  const soft = tf.softmax(t.div(2));\n  return tf.losses.softmaxCrossEntropy(soft, s.div(2)) as tf.Scalar;\n}\n`,
        'train.ts': `import * as tf from '@tensorflow/tfjs';\nimport { kd } from './losses';\nconst opt = tf.train.adam(1e-3);\nexport function step(s: tf.LayersModel, t: tf.LayersModel, xs: tf.Tensor) {\n  opt.minimize(() => kd(s.apply(xs, { training: true }) as tf.Tensor, t.predict(xs) as tf.Tensor), false, s.trainableWeights.map((w) => w.read() as tf.Variable));\n}\n`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'losses.ts', 'no-leaked-tensor', [{ onlyRepeated: false }]), []);
    const alone = project({ 'losses.ts': readFileSync(join(dir, 'losses.ts'), 'utf8') }, 'module');
    assert.deepEqual(lint(alone, 'losses.ts', 'no-leaked-tensor', [{ onlyRepeated: false }]), ['3: bound', '3: intermediate', '4: intermediate']);
  });

  it('a helper mapped over inside tf.tidy, and called by a function that escapes as a value: not reported', () => {
    const dir = project({
      'style.js': `const tf = require('@tensorflow/tfjs');
function gram(f) {
  const flat = f.reshape([-1, 4]);
  return flat.transpose().matMul(flat);
}
function styleLoss(outs, targets) {
  return tf.addN(targets.map((t, i) => tf.losses.meanSquaredError(t, gram(outs[i]))));
}
function targetsOf(outs) {
  return tf.tidy(() => outs.map(gram));
}
const terms = [{ fn: styleLoss, weight: 1 }];
module.exports = { terms, targetsOf };
`,
    });
    assert.deepEqual(lint(dir, 'style.js', 'no-leaked-tensor'), []);
  });
});

describe('second round (fixtures/blind/game-tsx, fixtures/blind/node-mixed)', () => {
  const GAN = `const tf = require('@tensorflow/tfjs');
function buildGenerator() {
  const z = tf.input({ shape: [4] });
  let h = tf.layers.dense({ units: 8 }).apply(z);
  h = tf.layers.batchNormalization().apply(h);
  h = tf.layers.dense({ units: 2 }).apply(h);
  return tf.model({ inputs: z, outputs: h });
}
function buildDiscriminator() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [2] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
}
function buildGan() {
  const gen = buildGenerator();
  const disc = buildDiscriminator();
  return { gen, disc };
}
module.exports = { buildGan };
`;

  it("`const { gen, disc } = buildGan()` from another module, and a functional graph built on a reassigned `let h`", () => {
    const dir = project({
      'gan.js': GAN,
      'train.js': `const tf = require('@tensorflow/tfjs');
const { buildGan } = require('./gan');
const { gen, disc } = buildGan();
const opt = tf.train.adam(2e-4);
function genStep(z) {
  return opt.minimize(() => tf.losses.sigmoidCrossEntropy(tf.onesLike(disc.apply(gen.predict(z), { training: true })), disc.apply(gen.predict(z), { training: true })), true, gen.trainableWeights.map((w) => w.read()));
}
module.exports = { genStep };
`,
    });
    // the generator's BatchNormalization sits between writes of `h`: predict() runs it in inference mode
    assert.deepEqual(lint(dir, 'train.js', 'require-training-flag'), ['6: inferenceInTrainingStep', '6: inferenceInTrainingStep']);
  });

  it('the Keras-GAN freeze of a destructured, imported discriminator after its own compile()', () => {
    const dir = project(
      {
        'gan.js': GAN,
        'keras.mjs': `import * as tf from '@tensorflow/tfjs';
import { buildGan } from './gan.js';
export async function run(xs, ys) {
  const { disc } = buildGan();
  disc.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  disc.trainable = false;
  await disc.trainOnBatch(xs, ys);
}
`,
      },
    );
    assert.deepEqual(lint(dir, 'keras.mjs', 'no-trainable-after-compile'), ['6: freezeCompiledModel']);
  });

  it('`this.trainStep(xs, ys).dataSync()[0]` with a method returning minimize(f, true): the cost leaks per batch', () => {
    const dir = project({
      'fc.js': `const tf = require('@tensorflow/tfjs');
class Forecaster {
  constructor() { this.model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] }); this.opt = tf.train.adam(1e-3); }
  trainStep(xs, ys) { return this.opt.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs)), true); }
  cached() { return this.last; }
  async train(batches) {
    for (const b of batches) {
      const loss = this.trainStep(b.xs, b.ys).dataSync()[0];
      console.log(loss, this.cached().dataSync()[0]);
    }
  }
}
module.exports = Forecaster;
`,
    });
    // the cached field is not a new tensor
    assert.deepEqual(lint(dir, 'fc.js', 'no-leaked-tensor'), ['8: intermediate']);
  });

  it('React refs, casts and annotations naming an imported class', () => {
    const dir = project(
      {
        'brain.ts': `import * as tf from '@tensorflow/tfjs';
export class Brain {
  readonly model: tf.LayersModel;
  lastCost: tf.Scalar | null = null;
  constructor() { this.model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] }); }
}
`,
        'loop.ts': `import { useRef, type MutableRefObject } from 'react';
import * as tf from '@tensorflow/tfjs';
import type { Brain } from './brain';
interface Props { championRef: MutableRefObject<tf.LayersModel | null>; brainRef: MutableRefObject<Brain | null> }
export function useLoop({ championRef, brainRef }: Props) {
  const localRef = useRef<tf.LayersModel | null>(null);
  const frame = () => {
    const champion = championRef.current;
    if (champion) champion.predict(tf.tensor2d([[0, 0, 0, 0]])).argMax(-1).dataSync();
    localRef.current?.eval();
    brainRef.current?.model.eval();
    (brainRef.current!.model.predict(tf.ones([1, 4])) as tf.Tensor).argMax(-1).dataSync();
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}
export function exportWeights(brain: Brain) {
  return [brain.model.state_dict(), brain.lastCost?.item()];
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'loop.ts', 'no-leaked-tensor'), ['9: intermediate', '12: intermediate']);
    assert.deepEqual(lint(dir, 'loop.ts', 'no-torch-mode-switch'), ['10: modeCall', '11: modeCall']);
    assert.deepEqual(lint(dir, 'loop.ts', 'no-torch-module-api'), ['18: stateDict']);
    assert.deepEqual(lint(dir, 'loop.ts', 'no-torch-tensor-api').length, 1);
  });

  it('a same-named user type is not a React ref', () => {
    const dir = project(
      {
        'loop.ts': `import * as tf from '@tensorflow/tfjs';
interface MutableRefObject<T> { current: T; eval(): void }
export function f(ref: MutableRefObject<tf.LayersModel>, box: { current: { eval(): void } }) {
  box.current.eval();
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'loop.ts', 'no-torch-mode-switch'), []);
  });

  it("the elements of getWeights(), a tidy's returned object, and a layer found by getLayer('name')", () => {
    const dir = project({
      'evo.js': `const tf = require('@tensorflow/tfjs');
const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2], trainable: false, name: 'features' }), tf.layers.dense({ units: 2 })] });
function mutate(sigma) {
  tf.tidy(() => {
    for (const w of model.layers[0].getWeights()) w.add(tf.randomNormal(w.shape, 0, sigma));
  });
}
function stats(data) {
  const { mean, spread } = tf.tidy(() => ({ mean: tf.tensor1d(data).mean(), spread: tf.tensor1d(data).sub(1) }));
  return spread.std();
}
class Learner {
  constructor() { this.net = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2], trainable: false, name: 'features' })] }); this.net.compile({ optimizer: 'adam', loss: 'meanSquaredError' }); }
  async fineTune(xs, ys) {
    this.net.getLayer('features').trainable = true;
    await this.net.fit(xs, ys);
  }
}
module.exports = { mutate, stats, Learner };
`,
    });
    assert.deepEqual(lint(dir, 'evo.js', 'no-discarded-tensor'), ['5: discarded']);
    assert.deepEqual(lint(dir, 'evo.js', 'no-torch-tensor-api'), ['10: missingMethod']);
    assert.deepEqual(lint(dir, 'evo.js', 'no-trainable-after-compile'), ['15: unfreezeAfterCompile']);
  });
});

describe('third round (fixtures/blind/script-tags, fixtures/blind/ts-services)', () => {
  it("an importer's tf.tidy around something else does not cover the exported method", () => {
    const trainer = `import * as tf from '@tensorflow/tfjs';
export class Trainer {
  model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
  opt = tf.train.adam(1e-3);
  epoch(batches: { xs: tf.Tensor; ys: tf.Tensor }[]): number {
    let total = 0;
    for (const b of batches) total += this.opt.minimize(() => tf.losses.meanSquaredError(b.ys, this.model.predict(b.xs) as tf.Tensor) as tf.Scalar, true)!.dataSync()[0]!;
    return total;
  }
}
`;
    const elsewhere = project({ 'trainer.ts': trainer, 'main.ts': `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer';\nconst t = new Trainer();\nconst y = tf.tidy(() => tf.ones([2]).mul(2));\nsetInterval(() => t.epoch([]), 1000);\n` }, 'module');
    assert.deepEqual(lint(elsewhere, 'trainer.ts', 'no-leaked-tensor'), ['7: intermediate']);
    const around = project({ 'trainer.ts': trainer, 'main.ts': `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer';\nconst t = new Trainer();\nsetInterval(() => tf.tidy(() => t.epoch([])), 1000);\n` }, 'module');
    assert.deepEqual(lint(around, 'trainer.ts', 'no-leaked-tensor'), []);
  });

  it('tf.keep(x) is x; a getter annotated with a tfjs type is read like a field of that type', () => {
    const dir = project(
      {
        'svc.ts': `import * as tf from '@tensorflow/tfjs';
export class Inference {
  private readonly cache = tf.keep(tf.ones([4]));
  constructor(private readonly models: { classifier: tf.LayersModel }) {}
  private get model(): tf.LayersModel {
    return this.models.classifier;
  }
  warm() {
    this.model.to('cuda');
    return this.cache.size(0);
  }
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'svc.ts', 'no-torch-module-api'), ['9: device']);
    assert.deepEqual(lint(dir, 'svc.ts', 'no-torch-tensor-api'), ['10: missingMethod']);
  });

  it("`const { encoder, decoder } = this.models.autoencoder`: each part is the model its class builds (the decoder has no Dropout)", () => {
    const dir = project(
      {
        'ae.ts': `import * as tf from '@tensorflow/tfjs';
export class Autoencoder {
  readonly encoder: tf.Sequential;
  readonly decoder: tf.Sequential;
  constructor() {
    this.encoder = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.1, inputShape: [8] }), tf.layers.dense({ units: 2 })] });
    this.decoder = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [2] })] });
  }
}
`,
        'models.ts': `import { Autoencoder } from './ae';\nexport class Models {\n  autoencoder = new Autoencoder();\n}\n`,
        'train.ts': `import * as tf from '@tensorflow/tfjs';
import type { Models } from './models';
export class Training {
  private readonly opt = tf.train.adam(1e-3);
  constructor(private readonly models: Models) {}
  step(xs: tf.Tensor) {
    const { encoder, decoder } = this.models.autoencoder;
    this.opt.minimize(() => tf.losses.meanSquaredError(xs, decoder.apply(encoder.apply(xs)) as tf.Tensor) as tf.Scalar);
  }
}
`,
      },
      'module',
    );
    // only the encoder, whose Dropout the step turns off
    assert.deepEqual(lint(dir, 'train.ts', 'require-training-flag'), ['8: inferenceInTrainingStep']);
  });

  it('a script-tag page (settings.torch2tf.globals): another script building Dropout makes an unknown head worth reporting', () => {
    const files = {
      'js/head.js': `function buildHead() {\n  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 2 })] });\n}\n`,
      'js/train.js': `/** @param {tf.Sequential} head */\nfunction trainHead(head, xs, ys) {\n  const opt = tf.train.adam(1e-3);\n  for (let i = 0; i < 10; i++) opt.minimize(() => tf.losses.softmaxCrossEntropy(ys, head.predict(xs)));\n}\n`,
    };
    const dir = project(files);
    const settings = { torch2tf: { globals: ['tf'] } };
    assert.deepEqual(lint(dir, 'js/train.js', 'require-training-flag', [], settings), ['4: inferenceInTrainingStep']);
    const denseOnly = project({ ...files, 'js/head.js': files['js/head.js'].replace("tf.layers.dropout({ rate: 0.5 }), ", '') });
    assert.deepEqual(lint(denseOnly, 'js/train.js', 'require-training-flag', [], settings), []);
  });
});

describe('accumulators: a binding written from itself by a tensor op', () => {
  it('`this.xs = tf.keep(oldX.concat(e, 0))` with `const oldX = this.xs`, `h = h.add(x)`: tensors when the other writes are', () => {
    const dir = project({
      'ds.js': `const tf = require('@tensorflow/tfjs');
class ControllerDataset {
  constructor() { this.xs = null; }
  add(example) {
    if (this.xs == null) this.xs = tf.keep(tf.tensor2d([example]));
    else {
      const oldX = this.xs;
      this.xs = tf.keep(oldX.concat(tf.tensor2d([example]), 0));
      oldX.dispose();
    }
  }
  size() { return this.xs.size(0); }
}
function sum(parts) {
  let h = tf.zeros([2]);
  for (const p of parts) h = h.add(p);
  return h.item();
}
class Other {
  constructor() { this.x = tf.ones([2]); }
  read() { this.x = this.x.dataSync(); return this.x.size(0); }
}
module.exports = { ControllerDataset, sum, Other };
`,
    });
    // Other.x also holds a TypedArray (dataSync() is not a tensor op): unknown, not reported
    assert.deepEqual(lint(dir, 'ds.js', 'no-torch-tensor-api'), ['12: missingMethod', '17: missingMethod']);
  });
});

describe('arrays of class instances', () => {
  it('`let alive = [...this.brains]` (a `Brain[]` field), `alive = alive.filter(…)`, `for (const brain of alive)`', () => {
    const dir = project(
      {
        'brain.ts': `import * as tf from '@tensorflow/tfjs';\nexport class Brain {\n  readonly model: tf.LayersModel = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });\n}\n`,
        'pop.ts': `import * as tf from '@tensorflow/tfjs';
import { Brain } from './brain';
export class Population {
  brains: Brain[] = [];
  async evaluate(obs: number[]) {
    let alive = [...this.brains];
    for (let t = 0; t < 100 && alive.length > 0; t++) {
      for (const brain of alive) {
        const out = brain.model.predict(tf.tensor2d([obs])) as tf.Tensor;
        console.log(out.dataSync());
      }
      alive = alive.filter((b) => b.model.layers.length > 0);
      await tf.nextFrame();
    }
  }
}
`,
      },
      'module',
    );
    // the tensor2d() input and `out`, on every step
    assert.deepEqual(lint(dir, 'pop.ts', 'no-leaked-tensor'), ['9: bound', '9: intermediate']);
  });

  it('an array that also holds something else is no array of one class', () => {
    const dir = project(
      {
        'brain.ts': `import * as tf from '@tensorflow/tfjs';\nexport class Brain {\n  readonly model: tf.LayersModel = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });\n}\n`,
        'pop.ts': `import * as tf from '@tensorflow/tfjs';
import { Brain } from './brain';
export function run(brains: Brain[], others: { model: { eval(): void } }[]) {
  const all = [...brains, ...others];
  for (const b of all) b.model.eval();
  for (const b of brains) b.model.eval();
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'pop.ts', 'no-torch-mode-switch'), ['6: modeCall']);
  });
});

describe('fourth round (fixtures/blind/monorepo, ts-cli)', () => {
  const BASE = `import * as tf from '@tensorflow/tfjs';
export class BaseAgent {
  constructor(cfg) { this.cfg = cfg; this.model = this.buildModel(cfg); }
  buildModel(cfg) { throw new Error('abstract'); }
}
export class DQNAgent extends BaseAgent {
  buildModel(cfg) {
    return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4], trainable: false }), tf.layers.dropout({ rate: 0.1 }), tf.layers.dense({ units: 2 })] });
  }
  learn(xs, ys) {
    const { value, grads } = tf.variableGrads(() => tf.losses.meanSquaredError(ys, this.model.predict(xs)));
    return { value, grads };
  }
}
export class PlainAgent extends BaseAgent {
  learn(xs, ys) {
    return tf.variableGrads(() => tf.losses.meanSquaredError(ys, this.model.predict(xs)));
  }
}
`;

  it("the template method: a base constructor's `this.model = this.buildModel(cfg)` holds what the subclass's override builds", () => {
    const dir = project({ 'agents.js': BASE }, 'module');
    assert.deepEqual(lint(dir, 'agents.js', 'require-training-flag'), ['11: inferenceInTrainingStep']);
    assert.deepEqual(lint(dir, 'agents.js', 'require-var-list-when-frozen'), ['11: noVarList']);
  });

  it('a subclass that writes the field itself keeps its own writes', () => {
    const own = BASE.replace('export class PlainAgent extends BaseAgent {', "export class PlainAgent extends BaseAgent {\n  constructor(cfg) { super(cfg); this.model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4] })] }); }");
    const dir = project({ 'agents.js': own }, 'module');
    // PlainAgent's model has no Dropout and no frozen layer: only DQNAgent's step is reported
    assert.deepEqual(lint(dir, 'agents.js', 'require-training-flag'), ['11: inferenceInTrainingStep']);
    assert.deepEqual(lint(dir, 'agents.js', 'require-var-list-when-frozen'), ['11: noVarList']);
  });

  const TRAINER = `import * as tf from '@tensorflow/tfjs';
export class VaeTrainer {
  constructor(private readonly decoder: tf.LayersModel) {}
  sampleGrid(n: number): RETURN {
    const images = [];
    for (let i = 0; i < n; i++) {
      const z = tf.randomNormal([1, 2]);
      const img = this.decoder.predict(z) as tf.Tensor;
      images.push(img.dataSync() as Float32Array);
      z.dispose();
    }
    return images;
  }
}
`;

  it('a library method declared to return plain data (`Float32Array[]`) is not assumed to run inside a caller\'s tf.tidy', () => {
    const files = (ret: string) => ({ 'src/vae-trainer.ts': TRAINER.replace('RETURN', ret), 'src/index.ts': `export * from './vae-trainer';\n` });
    const data = project(files('Float32Array[]'), 'commonjs');
    assert.deepEqual(lint(data, 'src/vae-trainer.ts', 'no-leaked-tensor'), ['8: bound']);
    // declared to return tensors, a library entry's method may be called inside its caller's tidy
    const tensors = project(files('tf.Tensor[]'), 'commonjs');
    assert.deepEqual(lint(tensors, 'src/vae-trainer.ts', 'no-leaked-tensor'), []);
    // a caller that is seen and calls it inside tf.tidy still counts
    const scoped = project({ ...files('Float32Array[]'), 'src/main.ts': `import * as tf from '@tensorflow/tfjs';\nimport { VaeTrainer } from './vae-trainer';\nexport function grid(t: VaeTrainer) { return tf.tidy(() => t.sampleGrid(4)); }\n` }, 'commonjs');
    assert.deepEqual(lint(scoped, 'src/vae-trainer.ts', 'no-leaked-tensor'), []);
  });
});

describe('fifth round (fixtures/blind/lightning, vite-react)', () => {
  it('`x = x.sub(mean).mul(f).add(mean)` with `const mean = x.mean()`: a write derived from x through a chain of ops', () => {
    const dir = project(
      {
        'jitter.js': `import * as tf from '@tensorflow/tfjs';
export function colorJitter(image, f) {
  return tf.tidy(() => {
    let x = tf.cast(image, 'float32');
    const mean = x.mean();
    x = x.sub(mean).mul(f).add(mean);
    x = tf.relu(x.add(1));
    x.clipByValue(0, 1);
    return x;
  });
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'jitter.js', 'no-discarded-tensor'), ['8: discarded']);
  });
});

describe('sixth round (fixtures/blind/legacy-node): constructor functions and prototype methods', () => {
  const AGENT = `var tf = require('@tensorflow/tfjs');
function build() { return tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4], trainable: false }), tf.layers.dropout({ rate: 0.1 }), tf.layers.dense({ units: 2 })] }); }
function Agent(opts) {
  this.online = build();
  this.target = build();
  this.target.trainable = false;
  this.optimizer = tf.train.adam(1e-3);
}
Agent.prototype.learn = function (xs, ys) {
  var self = this;
  var lossFunction = function () {
    return tf.losses.meanSquaredError(self.target.predict(xs).max(-1), self.online.apply(xs).sum(-1));
  };
  this.optimizer.zeroGrad();
  return tf.variableGrads(lossFunction);
};
Agent.prototype.watch = function (xs) {
  var self = this;
  setInterval(function () { console.log(self.online.predict(xs).argMax(-1).dataSync()[0]); }, 100);
};
module.exports = Agent;
`;
  const DETECTOR = `var tf = require('@tensorflow/tfjs');
function Detector() {
  this.model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dense({ units: 4 })] });
  this.model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
}
Detector.prototype.fineTune = function (xs) {
  this.model.layers[0].trainable = false;
  return this.model.fit(xs, xs);
};
module.exports = Detector;
`;

  it('`this.<field>` in a prototype method, and `self.<field>` with `var self = this`, are the fields the constructor writes', () => {
    const dir = project({ 'agent.js': AGENT });
    assert.deepEqual(lint(dir, 'agent.js', 'require-training-flag'), ['12: inferenceInTrainingStep']);
    assert.deepEqual(lint(dir, 'agent.js', 'require-var-list-when-frozen'), ['15: noVarList']);
    assert.deepEqual(lint(dir, 'agent.js', 'no-torch-optimizer-api'), ['14: zeroGrad']);
    assert.deepEqual(lint(dir, 'agent.js', 'no-leaked-tensor'), ['19: intermediate']);
  });

  it('the constructor function runs before its prototype methods: a freeze in one after its compile()', () => {
    const dir = project({ 'detector.js': DETECTOR });
    assert.deepEqual(lint(dir, 'detector.js', 'no-trainable-after-compile'), ['7: freezeAfterCompile']);
  });

  it('an instance of an imported constructor function, held by `var d;` written once in a callback', () => {
    const dir = project({
      'agent.js': AGENT,
      'main.js': `var tf = require('@tensorflow/tfjs');
var Agent = require('./agent');
function warmUp(agent, xs) {
  var opt = tf.train.sgd(0.01);
  opt.minimize(function () { return tf.losses.meanSquaredError(xs, agent.online.apply(xs)); }, false, agent.online.trainableWeights);
}
var agent;
Promise.resolve().then(function () { agent = new Agent({}); warmUp(agent, tf.zeros([1, 4])); });
`,
    });
    assert.deepEqual(lint(dir, 'main.js', 'require-training-flag'), ['5: inferenceInTrainingStep']);
  });

  it('the compiled form: `var Net = /** @class */ (function () { function Net() {…} Net.prototype.run = …; return Net; }())`', () => {
    const dir = project({
      'net.js': `var tf = require('@tensorflow/tfjs');
var Net = /** @class */ (function () {
  function Net() { this.model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] }); }
  Net.prototype.run = function (x) { return this.model.forward(x); };
  return Net;
}());
var n = new Net();
n.model.eval();
module.exports = Net;
`,
    });
    assert.deepEqual(lint(dir, 'net.js', 'no-torch-module-api'), ['4: forward']);
    assert.deepEqual(lint(dir, 'net.js', 'no-torch-mode-switch'), ['8: modeCall']);
  });

  it('`util.inherits(DQN, Base)`: the base constructor\'s `this.model = this.buildModel(cfg)` holds what DQN\'s override builds', () => {
    const dir = project({
      'dqn.js': `var tf = require('@tensorflow/tfjs');
var util = require('util');
function Base(cfg) { this.model = this.buildModel(cfg); }
Base.prototype.buildModel = function () { throw new Error('abstract'); };
function DQN(cfg) { Base.call(this, cfg); }
util.inherits(DQN, Base);
DQN.prototype.buildModel = function () {
  return tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 }), tf.layers.dense({ units: 2 })] });
};
DQN.prototype.learn = function (xs, ys) {
  var self = this;
  return tf.variableGrads(function () { return tf.losses.meanSquaredError(ys, self.model.predict(xs)); });
};
function Plain() {}
Plain.prototype = Object.create(Base.prototype);
Plain.prototype.learn = function (xs, ys) { return tf.variableGrads(() => tf.losses.meanSquaredError(ys, this.model.predict(xs))); };
module.exports = { DQN: DQN, Plain: Plain };
`,
    });
    // Plain inherits Base's buildModel, which builds nothing: its model is unknown, not reported
    assert.deepEqual(lint(dir, 'dqn.js', 'require-training-flag'), ['12: inferenceInTrainingStep']);
  });

  it('a function that is not a constructor keeps `this` unknown, and a user constructor without tfjs fields is no model', () => {
    const dir = project({
      'misc.js': `var tf = require('@tensorflow/tfjs');
function handler() { this.eval(); }
function Runner() { this.model = { eval: function () {} }; }
Runner.prototype.go = function () { this.model.eval(); };
document.addEventListener('click', handler);
module.exports = Runner;
`,
    });
    assert.deepEqual(lint(dir, 'misc.js', 'no-torch-mode-switch'), []);
  });
});

describe('ES private fields and static fields', () => {
  it('`this.#model` is a field like `this.model` (and a different one); `Zoo.model` of `static model = …`', () => {
    const dir = project(
      {
        'zoo.js': `import * as tf from '@tensorflow/tfjs';
export class Zoo {
  #model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] }), tf.layers.dropout({ rate: 0.5 })] });
  #opt;
  model = { eval() {} };
  static shared = tf.sequential();
  static cache = null;
  constructor() { this.#opt = tf.train.adam(); }
  run(x) { this.#model.eval(); this.model.eval(); Zoo.shared.train(); Zoo.cache.eval(); return this.#model.forward(x); }
  step(xs, ys) { this.#opt.minimize(() => tf.losses.meanSquaredError(ys, this.#model.predict(xs))); this.#opt.zeroGrad(); }
}
Zoo.cache = { eval() {} };
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'zoo.js', 'no-torch-mode-switch'), ['9: modeCall', '9: modeCall']);
    assert.deepEqual(lint(dir, 'zoo.js', 'no-torch-module-api'), ['9: forward']);
    assert.deepEqual(lint(dir, 'zoo.js', 'require-training-flag'), ['10: inferenceInTrainingStep']);
    assert.deepEqual(lint(dir, 'zoo.js', 'no-torch-optimizer-api'), ['10: zeroGrad']);
  });
});

describe('seventh round (fixtures/blind/web-workers): object literals, returned closures, engine scopes', () => {
  it('`this.model` in the methods of `const trainer = { model: null, init() { this.model = build(); }, … }`', () => {
    const dir = project(
      {
        'trainer.js': `import * as tf from '@tensorflow/tfjs';
const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 })] });
export const trainer = {
  model: null,
  optimizer: null,
  init() { this.model = build(); this.optimizer = tf.train.adam(1e-3); },
  step(batch) {
    this.optimizer.zeroGrad();
    const cost = this.optimizer.minimize(() => tf.losses.meanSquaredError(batch.ys, this.model.apply(batch.xs)), true);
    return cost.dataSync()[0];
  },
  async run(batches) {
    this.model.train();
    for (const b of batches) this.step(b);
  },
};
export const meter = { model: { train() {} }, reset() { this.model.train(); } };
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'trainer.js', 'no-torch-mode-switch'), ['13: modeCall']);
    assert.deepEqual(lint(dir, 'trainer.js', 'no-torch-optimizer-api'), ['8: zeroGrad']);
    assert.deepEqual(lint(dir, 'trainer.js', 'require-training-flag'), ['9: inferenceInTrainingStep']);
    // step() runs again and again: `this.step(b)` in run()'s loop
    assert.deepEqual(lint(dir, 'trainer.js', 'no-leaked-tensor'), ['9: bound']);
  });

  it('a method of the object a factory returns runs after the factory body: a freeze there follows its compile()', () => {
    const dir = project(
      {
        'tuner.js': `import * as tf from '@tensorflow/tfjs';
export function createTuner() {
  const encoder = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });
  const input = tf.input({ shape: [4] });
  const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(encoder.apply(input)) });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return {
    fitPainted(xs, ys) {
      encoder.trainable = false;
      return model.fit(xs, ys);
    },
  };
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'tuner.js', 'no-trainable-after-compile'), ['9: freezeAfterCompile']);
  });

  it('`tf.engine().startScope(); try { … } finally { tf.engine().endScope(); }` inside a function is a scope', () => {
    const dir = project(
      {
        'seg.js': `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] })] });
export function segment(x) {
  tf.engine().startScope();
  try {
    const probs = model.predict(x);
    return Int32Array.from(probs.argMax(-1).dataSync());
  } finally {
    tf.engine().endScope();
  }
}
export function leaky(x) {
  const probs = model.predict(x);
  return Int32Array.from(probs.argMax(-1).dataSync());
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'seg.js', 'no-leaked-tensor', [{ onlyRepeated: false }]), ['13: bound', '14: intermediate']);
  });
});

describe('seventh round (fixtures/blind/ts-lib): static factories', () => {
  it('`await MlpMixer.create(cfg)`: what the static method of a same-file class returns', () => {
    const dir = project(
      {
        'mixer.ts': `import * as tf from '@tensorflow/tfjs';
export class MlpMixer {
  private constructor() {}
  static async create(units: number): Promise<tf.LayersModel> {
    await tf.ready();
    return tf.sequential({ layers: [tf.layers.dense({ units, inputShape: [4] })] });
  }
  static describe(): string { return 'mixer'; }
}
export async function exportForServing(url: string) {
  const model = await MlpMixer.create(4);
  model.eval();
  MlpMixer.describe().trim();
  return model.save(url);
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'mixer.ts', 'no-torch-mode-switch'), ['12: modeCall']);
  });
});

describe('eighth round (fixtures/blind/data-node): tf.data pipelines', () => {
  it('the function of a Dataset map() / filter() runs in tf.tidy; forEachAsync and array map() do not', () => {
    const dir = project(
      {
        'pipe.mjs': `import * as tf from '@tensorflow/tfjs';
export function dataset(url, scaler) {
  let ds = tf.data.csv(url).filter(({ xs }) => xs.age > 0);
  ds = scaler ? ds.map(({ xs, ys }) => ({ xs: tf.tensor1d(xs).sub(scaler.mean).div(scaler.std), ys })) : ds.map((r) => r);
  return ds.shuffle(100).batch(32);
}
export async function evaluate(ds, model) {
  await ds.forEachAsync(({ xs }) => { console.log(tf.tensor(xs).argMax(-1).dataSync()); });
  return [1, 2, 3].map((x) => tf.scalar(x).add(1).dataSync()[0]);
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'pipe.mjs', 'no-leaked-tensor'), ['8: intermediate', '9: intermediate']);
  });
});

describe('ninth round (fixtures/blind/game-scenes)', () => {
  it('`model.layers[0]` of a tf.sequential whose other layers are frozen at construction is that first layer', () => {
    const dir = project(
      {
        'driver.js': `import * as tf from '@tensorflow/tfjs';
export async function pretrain(xs, ys) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.batchNormalization({ trainable: false }), tf.layers.dense({ units: 2 })] });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys);
  model.layers[0].trainable = false;
  await model.fit(xs, ys);
  model.layers[1].trainable = false;
  await model.fit(xs, ys);
}
export async function clone(json) {
  const copy = await tf.models.modelFromJSON(json);
  copy.training = false;
  return copy;
}
`,
      },
      'module',
    );
    // layers[1] was frozen at construction: freezing it again changes nothing
    assert.deepEqual(lint(dir, 'driver.js', 'no-trainable-after-compile'), ['6: freezeAfterCompile']);
    assert.deepEqual(lint(dir, 'driver.js', 'no-torch-mode-switch'), ['13: modeWrite']);
  });
});

describe('ninth round (fixtures/blind/vue-composables): Vue refs', () => {
  it("`.value` of `shallowRef(null)` / `ref(x)` imported from 'vue' holds what the file assigns; a look-alike ref function does not", () => {
    const dir = project(
      {
        'store.js': `import * as tf from '@tensorflow/tfjs';
import { shallowRef } from 'vue';
import { ref as myRef } from './my-ref.js';
const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 })] });
export const classifier = shallowRef(null);
export const other = myRef(null);
export function reset() { classifier.value = build(); other.value = build(); }
export function train() { classifier.value.train(); other.value.train(); }
`,
        'my-ref.js': `export function ref(v) { return { value: { train() {} } }; }\n`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'store.js', 'no-torch-mode-switch'), ['8: modeCall']);
  });
});

describe('tenth round (fixtures/blind/electron-rx): Electron and helpers of a step method', () => {
  it("an exported helper that another module's step method calls (`minimize(() => this.computeLoss(…))`) runs in the step", () => {
    const helper = `function forwardPass(model, xs) {\n  return model.apply(xs);\n}\nmodule.exports = { forwardPass };\n`;
    const trainer = `const tf = require('@tensorflow/tfjs');
const { forwardPass } = require('./helper');
class Trainer {
  constructor(model, optimizer) { this.model = model; this.optimizer = optimizer; }
  computeLoss(xs, ys) { return tf.losses.softmaxCrossEntropy(ys, forwardPass(this.model, xs)); }
  step(xs, ys) { return this.optimizer.minimize(() => this.computeLoss(xs, ys), true, this.model.trainableWeights); }
}
module.exports = { Trainer };
`;
    const main = `const tf = require('@tensorflow/tfjs');
const { Trainer } = require('./trainer');
const net = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 2 })] });
module.exports = new Trainer(net, tf.train.adam());
`;
    const dir = project({ 'helper.js': helper, 'trainer.js': trainer, 'main.js': main });
    assert.deepEqual(lint(dir, 'helper.js', 'require-training-flag'), ['2: inferenceInTrainingStep']);
    // the same helper called by a method that no step calls: inference mode is right there
    const idle = project({ 'helper.js': helper, 'trainer.js': trainer.replace('return this.optimizer.minimize(() => this.computeLoss(xs, ys), true, this.model.trainableWeights);', 'return this.computeLoss(xs, ys);'), 'main.js': main });
    assert.deepEqual(lint(idle, 'helper.js', 'require-training-flag'), []);
  });

  it("`ipcMain.handle(channel, listener)` and EventEmitter `addListener` run their listener per request / event", () => {
    const code = (register: string) => `const tf = require('@tensorflow/tfjs');
const { ipcMain } = require('electron');
${register}('predict', async (_event, req) => {
  const input = tf.tensor3d(req.pixels, [req.h, req.w, 3]).toFloat().div(255);
  try { return await input.data(); } finally { input.dispose(); }
});
`;
    for (const register of ['ipcMain.handle', 'ipcMain.addListener']) {
      const dir = project({ 'main.js': code(register) });
      assert.deepEqual(lint(dir, 'main.js', 'no-leaked-tensor'), ['4: intermediate'], register);
    }
    // `once` runs its listener once: not reported by default
    const once = project({ 'main.js': code('ipcMain.once') });
    assert.deepEqual(lint(once, 'main.js', 'no-leaked-tensor'), []);
  });

  it('`this` in a mixin literal applied with `Object.assign(Trainer.prototype, Mixin)`, here or in an importer, is a Trainer', () => {
    const mixins = `const SerializableMixin = {\n  snapshot() {\n    return this.model.state_dict();\n  },\n};\nmodule.exports = { SerializableMixin };\n`;
    const trainer = (model: string) => `const tf = require('@tensorflow/tfjs');
const { SerializableMixin } = require('./mixins');
class Trainer { constructor() { this.model = ${model}; } }
Object.assign(Trainer.prototype, SerializableMixin);
module.exports = { Trainer };
`;
    const dir = project({ 'mixins.js': mixins, 'trainer.js': trainer('tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] })') });
    assert.deepEqual(lint(dir, 'mixins.js', 'no-torch-module-api'), ['3: stateDict']);
    // the host's field holds a user object with its own state_dict(): nothing to report
    const user = project({ 'mixins.js': mixins, 'trainer.js': trainer('{ state_dict: () => ({}) }') });
    assert.deepEqual(lint(user, 'mixins.js', 'no-torch-module-api'), []);
    // the same mixin in the class's own module
    const same = `const tf = require('@tensorflow/tfjs');
const Mixin = { snapshot() { return this.model.state_dict(); } };
class Trainer { constructor() { this.model = tf.sequential(); } }
Object.assign(Trainer.prototype, Mixin);
`;
    assert.deepEqual(lint(project({ 'trainer.js': same }), 'trainer.js', 'no-torch-module-api'), ['2: stateDict']);
  });
});

describe('eleventh round (fixtures/blind/chrome-ext)', () => {
  const SESSION = `export class ModelSession {\n  constructor(model, optimizer) {\n    /** @type {tf.LayersModel} */\n    this.model = model;\n    this.optimizer = optimizer;\n  }\n}\n`;
  const WORKER = (write: string) => `import * as tf from '@tensorflow/tfjs';
import { ModelSession } from './session.js';
const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] })] });
const session = new ModelSession(build(), tf.train.adam());
export function reset() {
  ${write}
}
export function tune() {
  session.model.train();
}
`;
  it("a field of another module's class that this module also writes: every write is an origin, and they must agree", () => {
    const dir = project({ 'session.js': SESSION, 'worker.js': WORKER('session.model = build();') }, 'module');
    assert.deepEqual(lint(dir, 'worker.js', 'no-torch-mode-switch'), ['9: modeCall']);
    // `= null` after a dispose says nothing; a user object written there makes the field unknown
    const cleared = project({ 'session.js': SESSION, 'worker.js': WORKER('session.model.dispose(); session.model = null;') }, 'module');
    assert.deepEqual(lint(cleared, 'worker.js', 'no-torch-mode-switch'), ['9: modeCall']);
    const other = project({ 'session.js': SESSION, 'worker.js': WORKER('session.model = { train() {} };') }, 'module');
    assert.deepEqual(lint(other, 'worker.js', 'no-torch-mode-switch'), []);
  });

  it('the callback of `new MutationObserver(cb)` runs per observed change, outside any scope of its creator', () => {
    const code = (ctor: string) => `import * as tf from '@tensorflow/tfjs';
let model;
function classify(img) {
  const logits = model.predict(tf.browser.fromPixels(img).expandDims(0).toFloat());
  return logits.dataSync();
}
const observer = new ${ctor}((entries) => {
  classify(entries[0].target);
});
export async function init() { model = await tf.loadLayersModel('model.json'); observer.observe(document.body, {}); }
`;
    const dir = project({ 'content.js': code('MutationObserver') }, 'module');
    assert.deepEqual(lint(dir, 'content.js', 'no-leaked-tensor'), ['4: bound', '4: intermediate']);
    // a Promise executor runs right where the Promise is made: its creator's callers decide
    const promise = project({ 'content.js': code('Promise') }, 'module');
    assert.deepEqual(lint(promise, 'content.js', 'no-leaked-tensor'), []);
  });

  it('an Observable\'s `subscribe(next)` runs its callback per emission (angular-signals asked)', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
import { interval } from 'rxjs';
let model;
export function start() {
  return interval(500).subscribe(() => {
    const y = model.predict(tf.zeros([1, 2]));
    console.log(y.dataSync());
  });
}
export async function load() { model = await tf.loadLayersModel('model.json'); }
`;
    const dir = project({ 'metrics.js': code }, 'module');
    assert.deepEqual(lint(dir, 'metrics.js', 'no-leaked-tensor'), ['6: bound', '6: intermediate']);
  });
});


describe('thirteenth round (fixtures/blind/ts-hierarchy): class hierarchies across modules', () => {
  const BASE = `import * as tf from '@tensorflow/tfjs';
export abstract class BaseNetwork {
  protected _model: tf.LayersModel | null = null;
  protected abstract build(): tf.LayersModel;
  get model(): tf.LayersModel {
    if (this._model === null) this._model = this.build();
    return this._model;
  }
}
`;
  const ACTOR = `import * as tf from '@tensorflow/tfjs';
import { BaseNetwork } from './base.js';
export class ActorNetwork extends BaseNetwork {
  protected build(): tf.LayersModel {
    return tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dropout({ rate: 0.1 })] });
  }
}
`;
  const FACTORY = `import { ActorNetwork } from './actor.js';
export class NetworkFactory {
  static actor(): ActorNetwork { return new ActorNetwork(); }
}
`;

  it('a getter declared `get model(): tf.LayersModel` is a model, also inherited from a superclass of another module', () => {
    const dir = project({
      'base.ts': BASE,
      'actor.ts': ACTOR,
      'main.ts': `import * as tf from '@tensorflow/tfjs';
import { BaseNetwork } from './base.js';
import { ActorNetwork } from './actor.js';
class Holder { get net(): tf.LayersModel { return tf.sequential(); } }
class Local extends BaseNetwork { protected build() { return tf.sequential(); } }
new Holder().net.eval();
new Local().model.eval();
new ActorNetwork().model.eval();
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'main.ts', 'no-torch-mode-switch'), ['6: modeCall', '7: modeCall', '8: modeCall']);
    // a getter of a user type is not a model
    const plain = project({ 'main.ts': `class Holder { get net(): Map<string, number> { return new Map(); } }\nnew Holder().net.eval();\n` }, 'module');
    assert.deepEqual(lint(plain, 'main.ts', 'no-torch-mode-switch'), []);
  });

  it('an instance from a static factory of another module (`NetworkFactory.actor()`), also kept in an object literal field', () => {
    const dir = project({
      'base.ts': BASE,
      'actor.ts': ACTOR,
      'factory.ts': FACTORY,
      'agent.ts': `import * as tf from '@tensorflow/tfjs';
import { NetworkFactory } from './factory.js';
import type { ActorNetwork } from './actor.js';
const actor = NetworkFactory.actor();
actor.model.eval();
export class Agent {
  private nets: { actor: ActorNetwork } | null;
  private opt = tf.train.adam(1e-3);
  constructor() { this.nets = { actor: NetworkFactory.actor() }; }
  step(xs: tf.Tensor, ys: tf.Tensor) {
    this.opt.minimize(() => tf.losses.meanSquaredError(ys, this.nets!.actor.model.apply(xs) as tf.Tensor) as tf.Scalar);
  }
  greedy() { this.nets?.actor.model.eval(); }
  dispose() { this.nets = null; }
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'agent.ts', 'no-torch-mode-switch'), ['5: modeCall', '13: modeCall']);
    assert.deepEqual(lint(dir, 'agent.ts', 'require-training-flag'), ['11: inferenceInTrainingStep']);
    // a static method that returns something else is not followed to a model
    const other = project({
      'factory.ts': `export class NetworkFactory { static actor() { return { model: { eval() {} } }; } }\n`,
      'agent.ts': `import { NetworkFactory } from './factory.js';\nNetworkFactory.actor().model.eval();\n`,
    }, 'module');
    assert.deepEqual(lint(other, 'agent.ts', 'no-torch-mode-switch'), []);
  });

  it('a field annotated `tf.layers.Layer` keeps what its write shows: a layer created `{trainable: false}`', () => {
    const code = (annotation: string) => `import * as tf from '@tensorflow/tfjs';
export class Aux {
  private readonly encoder${annotation};
  private readonly head = tf.layers.dense({ units: 2 });
  private readonly opt = tf.train.adam(1e-3);
  constructor() { this.encoder = tf.layers.dense({ units: 4, trainable: false }); }
  step(obs: tf.Tensor2D, next: tf.Tensor2D): void {
    this.opt.minimize(() => tf.losses.meanSquaredError(next, this.head.apply(this.encoder.apply(obs)) as tf.Tensor) as tf.Scalar);
  }
}
`;
    for (const annotation of [': tf.layers.Layer', '']) {
      const dir = project({ 'aux.ts': code(annotation) }, 'module');
      assert.deepEqual(lint(dir, 'aux.ts', 'require-var-list-when-frozen'), ['8: noVarList'], annotation);
    }
  });
});

describe('fourteenth round (fixtures/blind/lit-elements)', () => {
  it('the tensor parts of what tfjs returns: `value` of tf.variableGrads / valueAndGrads, `mean` of tf.moments', () => {
    const dir = project({
      'step.js': `import * as tf from '@tensorflow/tfjs';
export function step(w) {
  const { value, grads } = tf.variableGrads(() => w.square().sum());
  const loss = value.item();
  const res = tf.valueAndGrads((x) => x.sum())([w]);
  res.value.item();
  const { mean } = tf.moments(w);
  mean.item();
  grads.item();
  return loss;
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'step.js', 'no-torch-tensor-api').map((r) => r.split(':')[0]), ['4', '6', '8']);
  });

  it('a variable annotated `tf.LayersModel` keeps what its writes show: a shared model built with a frozen layer', () => {
    const dir = project({
      'posenet.ts': `import * as tf from '@tensorflow/tfjs';
export function buildPoseNet(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2], trainable: false }), tf.layers.dense({ units: 2 })] });
}
`,
      'controller.ts': `import * as tf from '@tensorflow/tfjs';
import { buildPoseNet } from './posenet.js';
let shared: tf.LayersModel | undefined;
async function getPose(): Promise<tf.LayersModel> {
  if (!shared) shared = buildPoseNet();
  return shared;
}
export class ModelController {
  pose?: tf.LayersModel;
  private readonly optimizer = tf.train.sgd(1e-4);
  async attach(): Promise<void> { this.pose = await getPose(); }
  calibrate(xs: tf.Tensor, ys: tf.Tensor): void {
    const pose = this.pose;
    if (!pose) return;
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, pose.predict(xs) as tf.Tensor) as tf.Scalar);
  }
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'controller.ts', 'require-var-list-when-frozen'), ['15: noVarList']);
  });
});

describe('sixteenth round (fixtures/blind/webpack-alias): the elements of model.layers', () => {
  it('`for (const l of model.layers)`, `model.layers.forEach((l) => …)` and copies (`slice`, `filter`) hold layers', () => {
    const dir = project({
      'backbone.js': `import * as tf from '@tensorflow/tfjs';
export async function loadTruncated(url) {
  const base = await tf.loadLayersModel(url);
  return tf.model({ inputs: base.inputs, outputs: base.getLayer('conv_pw_13_relu').output });
}
`,
      'freeze.js': `import { loadTruncated } from './backbone.js';
export async function freezeAll(url) {
  const m = await loadTruncated(url);
  m.layers.forEach((layer) => { layer.requires_grad = false; });
  for (const layer of m.layers.slice(0, -2)) layer.requires_grad = false;
  m.layers.filter((l) => l.name.startsWith('conv')).forEach(function (l) { l.requires_grad = false; });
  return m;
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'freeze.js', 'no-torch-module-api').map((r) => r.split(':')[0]), ['4', '5', '6']);
  });

  it('a user class keeping its own `layers` array, and a list of plain objects: not layers', () => {
    const dir = project({
      'canvas.js': `import * as tf from '@tensorflow/tfjs';
export const model = tf.sequential();
class Drawing {
  constructor() { this.layers = [{ name: 'bg', requires_grad: true }]; }
  lock() {
    for (const layer of this.layers) layer.requires_grad = false;
    this.layers.forEach((l) => { l.requires_grad = false; });
  }
}
const scene = { layers: [] };
for (const layer of scene.layers.slice()) layer.requires_grad = false;
export { Drawing };
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'canvas.js', 'no-torch-module-api'), []);
  });
});

describe('sixteenth round (fixtures/blind/webpack-alias): a BatchNormalization frozen in a factory that another module trains', () => {
  const HEAD = (bn: string): string => `import * as tf from '@tensorflow/tfjs';
export function createConvHead(cfg = {}) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, inputShape: [4] }));
  ${bn}
  model.add(tf.layers.dense({ units: 2 }));
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
`;
  const FIT = `import { createConvHead } from './head.js';
export async function fineTune(xs, ys) {
  const model = createConvHead();
  await model.fit(xs, ys, { epochs: 2 });
  return model;
}
`;
  it('reported on the freeze, naming the importer that trains the model', () => {
    const dir = project({ 'head.js': HEAD('model.add(tf.layers.batchNormalization({ trainable: false }));'), 'finetune.js': FIT }, 'module');
    assert.deepEqual(lint(dir, 'head.js', 'no-frozen-batchnorm-in-training'), ['5: frozenBatchNormInImporter']);
  });

  it('also when the training module was linted first (it read the factory module from disk, as other nodes)', () => {
    const dir = project({ 'head.js': HEAD('model.add(tf.layers.batchNormalization({ trainable: false }));'), 'finetune.js': FIT }, 'module');
    assert.deepEqual(lint(dir, 'finetune.js', 'no-frozen-batchnorm-in-training'), []);
    assert.deepEqual(lint(dir, 'head.js', 'no-frozen-batchnorm-in-training'), ['5: frozenBatchNormInImporter']);
  });

  it('not when the importers only predict, or the freeze is conditional', () => {
    const predictOnly = project({
      'head.js': HEAD('model.add(tf.layers.batchNormalization({ trainable: false }));'),
      'serve.js': `import { createConvHead } from './head.js';\nconst model = createConvHead();\nexport const classify = (x) => model.predict(x);\n`,
    }, 'module');
    assert.deepEqual(lint(predictOnly, 'head.js', 'no-frozen-batchnorm-in-training'), []);
    const conditional = project({ 'head.js': HEAD('if (cfg.freezeBn) model.add(tf.layers.batchNormalization({ trainable: false }));'), 'finetune.js': FIT }, 'module');
    assert.deepEqual(lint(conditional, 'head.js', 'no-frozen-batchnorm-in-training'), []);
  });
});

describe('sixteenth round (fixtures/blind/deno-app): a helper of another module run by two steps', () => {
  it('judged in the step that trains the whole model, whichever step comes first in the importer', () => {
    const dir = project({
      'losses.ts': `import * as tf from '@tensorflow/tfjs';
export function reconstructionLoss(model: tf.LayersModel, xs: tf.Tensor): tf.Scalar {
  return tf.losses.meanSquaredError(xs, model.predict(xs) as tf.Tensor) as tf.Scalar;
}
`,
      'net.ts': `import * as tf from '@tensorflow/tfjs';\nexport const build = () => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dropout({ rate: 0.2 })] });\n`,
      'trainer.ts': `import * as tf from '@tensorflow/tfjs';
import { reconstructionLoss } from './losses.js';
export class Trainer {
  constructor(readonly model: tf.Sequential, readonly optimizer: tf.Optimizer) {}
  refineDecoder(xs: tf.Tensor): void {
    const decoderVars = this.model.layers[1].trainableWeights.map((w) => w.read() as tf.Variable);
    this.optimizer.minimize(() => this.computeLoss(xs), false, decoderVars);
  }
  step(xs: tf.Tensor): void {
    const { grads } = tf.variableGrads(() => this.computeLoss(xs));
    this.optimizer.applyGradients(grads);
  }
  private computeLoss(xs: tf.Tensor): tf.Scalar {
    return reconstructionLoss(this.model, xs);
  }
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'losses.ts', 'require-training-flag'), ['3: inferenceInTrainingStep']);
  });
});

describe('sixteenth round: a base model frozen in a factory, trained by an importer', () => {
  const FACTORY = `import * as tf from '@tensorflow/tfjs';
export function createClassifier() {
  const base = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization()] });
  base.trainable = false;
  const model = tf.sequential({ layers: [base, tf.layers.dense({ units: 2 })] });
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
export function createFrozen() {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization()] });
  model.trainable = false;
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
`;
  it('the nested base is reported (the outer model trains it); the frozen model fitted itself is not (that throws: another rule)', () => {
    const dir = project({
      'models.js': FACTORY,
      'train.js': `import { createClassifier, createFrozen } from './models.js';\nexport async function run(xs, ys) {\n  await createClassifier().fit(xs, ys);\n  await createFrozen().fit(xs, ys);\n}\n`,
    }, 'module');
    assert.deepEqual(lint(dir, 'models.js', 'no-frozen-batchnorm-in-training'), ['4: frozenParentInImporter']);
  });
});

describe('seventeenth round (fixtures/blind/node-selfref): a model compiled by a factory of another module', () => {
  const TABULAR = `const tf = require('@tensorflow/tfjs');
function createTabularModel(cfg) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, inputShape: [cfg.n], activation: 'relu' }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
  return model;
}
function createTabularClassifier(cfg) {
  const model = createTabularModel(cfg);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'binaryCrossentropy' });
  return model;
}
module.exports = { createTabularModel, createTabularClassifier };
`;
  const TUNE = (factory: string): string => `const tf = require('@tensorflow/tfjs');
const { ${factory} } = require('./tabular');
async function fineTune(cfg, xs, ys) {
  const model = ${factory}(cfg);
  model.layers[0].trainable = false;
  await model.fit(xs, ys, { epochs: 2 });
  model.layers[0].trainable = true;
  model.compile({ optimizer: tf.train.adam(1e-4), loss: 'binaryCrossentropy' });
  await model.fit(xs, ys, { epochs: 5 });
}
module.exports = { fineTune };
`;
  it('the factory compiles what its own builder made; a recompile after the first fit does not undo that fit', () => {
    const dir = project({ 'tabular.js': TABULAR, 'finetune.js': TUNE('createTabularClassifier') });
    assert.deepEqual(lint(dir, 'finetune.js', 'no-trainable-after-compile'), ['5: freezeAfterCompile']);
  });

  it('not for the builder that does not compile (the freeze comes before the only compile)', () => {
    const dir = project({ 'tabular.js': TABULAR, 'finetune.js': TUNE('createTabularModel') });
    assert.deepEqual(lint(dir, 'finetune.js', 'no-trainable-after-compile'), []);
  });
});

describe('seventeenth round: an override its base class (another module) runs inside tf.tidy', () => {
  const BASE = (call: string): string => `const tf = require('@tensorflow/tfjs');
class BaseTrainer {
  evaluate(batches) {
    let total = 0;
    for (const b of batches) total += ${call};
    return total;
  }
  lossOn() {
    throw new Error('abstract');
  }
}
module.exports = { BaseTrainer };
`;
  const SUB = `const tf = require('@tensorflow/tfjs');
const { BaseTrainer } = require('./base');
class Trainer extends BaseTrainer {
  constructor() {
    super();
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
  }
  lossOn(xs, ys) {
    const logits = this.model.apply(xs);
    return tf.losses.meanSquaredError(ys, logits);
  }
}
module.exports = { Trainer };
`;
  it('the override is in that scope (onlyRepeated: false reports nothing)', () => {
    const dir = project({ 'base.js': BASE('tf.tidy(() => this.lossOn(b.xs, b.ys).dataSync()[0])'), 'trainer.js': SUB });
    assert.deepEqual(lint(dir, 'trainer.js', 'no-leaked-tensor', [{ onlyRepeated: false }]), []);
  });

  it('reported when the base class calls it outside any scope', () => {
    const dir = project({ 'base.js': BASE('this.lossOn(b.xs, b.ys).dataSync()[0]'), 'trainer.js': SUB });
    assert.deepEqual(lint(dir, 'trainer.js', 'no-leaked-tensor', [{ onlyRepeated: false }]), ['9: bound']);
  });
});

describe('seventeenth round: the template method across modules', () => {
  const BASE = `class BaseTrainer {
  constructor(cfg) {
    this.cfg = cfg;
    this.model = this.buildModel(cfg);
  }
  buildModel() {
    throw new Error('abstract');
  }
}
module.exports = { BaseTrainer };
`;
  const NET = `const tf = require('@tensorflow/tfjs');
class ChurnNet {
  constructor() {
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
  }
}
module.exports = { ChurnNet };
`;
  const FIT = (from: string): string => `const { ChurnNet } = require('${from}');
const { BaseTrainer } = require('./base');
class FitTrainer extends BaseTrainer {
  buildModel(cfg) {
    this.net = new ChurnNet(cfg);
    return this.net.model;
  }
  async train(xs, ys) {
    await this.model.fit(xs, ys, { batch_size: 32 });
  }
}
module.exports = { FitTrainer };
`;
  it('a base class whose module never mentions tfjs, and a class re-exported by a CommonJS barrel of destructured requires', () => {
    const dir = project({
      'base.js': BASE,
      'models/churn-net.js': NET,
      'models/index.js': `const { ChurnNet } = require('./churn-net');\nfunction listModels() {\n  return [];\n}\nmodule.exports = { ChurnNet, listModels };\n`,
      'fit.js': FIT('./models'),
    });
    assert.deepEqual(lint(dir, 'fit.js', 'no-unknown-options'), ['9: renamed']);
  });
});

describe('eighteenth round (fixtures/blind/serverless)', () => {
  it('a frozen BatchNormalization in a factory that another module trains through an `export *` barrel', () => {
    const dir = project({
      'models/risk.js': `import * as tf from '@tensorflow/tfjs';
export function createAdapterHead() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 8, inputShape: [4] }));
  model.add(tf.layers.batchNormalization({ trainable: false }));
  return model;
}
`,
      'models/index.js': `export * from './risk.js';\n`,
      'train/finetune.js': `import { createAdapterHead } from '../models/index.js';
export async function fineTune(xs, ys) {
  const model = createAdapterHead();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys);
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'models/risk.js', 'no-frozen-batchnorm-in-training'), ['5: frozenBatchNormInImporter']);
  });

  it('a tensor passed through a PyTorch-only method (`x.view(…)`) stays a tensor for the rules further down', () => {
    const dir = project({
      'pre.js': `import * as tf from '@tensorflow/tfjs';
export function standardize(flat, mu, sigma) {
  const x = tf.tensor1d(flat).view(-1, 4);
  const z = x.sub(mu).div(sigma);
  z.clipByValue(-5, 5);
  return z;
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'pre.js', 'no-discarded-tensor'), ['5: discarded']);
  });
});

describe('nineteenth round (fixtures/blind/react-stores)', () => {
  it("an imported function's declared return type (`getModel(id): tf.LayersModel`) when its returns say nothing", () => {
    const dir = project({
      'registry.ts': `import * as tf from '@tensorflow/tfjs';
const models = new Map<string, tf.LayersModel>();
export function getModel(id: string): tf.LayersModel {
  const m = models.get(id);
  if (!m) throw new Error(id);
  return m;
}
export function getLabel(id: string): string {
  return String(models.get(id)?.name ?? id);
}
`,
      'use.ts': `import { getModel, getLabel } from './registry.js';
export function pause(id: string): void {
  getModel(id).eval();
  getLabel(id).trim();
}
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'use.ts', 'no-torch-mode-switch'), ['3: modeCall']);
  });
});

describe('twentieth round (fixtures/blind/modern-node)', () => {
  it('a logical assignment (`??=`, `||=`) is a write: its right-hand side is an origin of the field, variable or property', () => {
    const dir = project({
      'spotter.js': `import * as tf from '@tensorflow/tfjs';
export class Spotter {
  #optimizer = null;
  step(f) {
    this.#optimizer ??= tf.train.adam(1e-4);
    this.#optimizer.zero_grad();
    return this.#optimizer.minimize(f);
  }
}
let opt = null;
export function step() { opt ??= tf.train.sgd(0.1); opt.zero_grad(); }
const state = {};
export function other() { state.opt ||= tf.train.sgd(0.1); state.opt.zero_grad(); }
let count = 0;
export function counter() { count += 1; count.zero_grad(); }
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'spotter.js', 'no-torch-optimizer-api'), ['6: zeroGrad', '11: zeroGrad', '13: zeroGrad']);
  });

  it("a user object kept with `??=` stays the user's (its zero_grad() is its own)", () => {
    const dir = project({
      'own.js': `import * as tf from '@tensorflow/tfjs';
class MyOpt { zero_grad() {} }
let opt = null;
export function step() { opt ??= new MyOpt(); opt.zero_grad(); return tf.scalar(1); }
let mixed = tf.train.sgd(0.1);
export function reset() { mixed &&= new MyOpt(); mixed.zero_grad(); }
`,
    }, 'module');
    assert.deepEqual(lint(dir, 'own.js', 'no-torch-optimizer-api'), []);
  });

  it('an annotated parameter (`projection: tf.LayersModel`) has the layers its importers pass (fixtures/blind/rxjs-angular)', () => {
    const files = {
      'models.ts': `import * as tf from '@tensorflow/tfjs';
export function createProjection(dim: number): tf.Sequential {
  return tf.sequential({ layers: [tf.layers.dense({ units: 32, inputShape: [dim], activation: 'relu' }), tf.layers.dense({ units: 8 })] });
}
export function createClassifier(dim: number): tf.Sequential {
  return tf.sequential({ layers: [tf.layers.dense({ units: 32, inputShape: [dim] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 2 })] });
}
`,
      'step.ts': `import * as tf from '@tensorflow/tfjs';
export function projectionStep(projection: tf.LayersModel, optimizer: tf.Optimizer, xs: tf.Tensor): void {
  optimizer.minimize(() => tf.mean(projection.apply(xs) as tf.Tensor) as tf.Scalar);
}
export function classifierStep(model: tf.LayersModel, optimizer: tf.Optimizer, xs: tf.Tensor): void {
  optimizer.minimize(() => tf.mean(model.apply(xs) as tf.Tensor) as tf.Scalar);
}
`,
      'service.ts': `import * as tf from '@tensorflow/tfjs';
import { createClassifier, createProjection } from './models.js';
import { classifierStep, projectionStep } from './step.js';
export class Trainer {
  private readonly projection = createProjection(128);
  private readonly classifier = createClassifier(128);
  run(xs: tf.Tensor): void {
    projectionStep(this.projection, tf.train.sgd(0.1), xs);
    classifierStep(this.classifier, tf.train.sgd(0.1), xs);
  }
}
`,
    };
    const dir = project(files, 'module');
    // Dense layers only: the step runs the same in both modes; the classifier's Dropout does not drop
    assert.deepEqual(lint(dir, 'step.ts', 'require-training-flag'), ['6: inferenceInTrainingStep']);
  });

  it('a singleton behind a static getter or static field (`Spotter.shared.model`, `static #instance ??= new Spotter()`), from another module', () => {
    const files = {
      'spotter.js': `import * as tf from '@tensorflow/tfjs';
export class Spotter {
  static #instance = null;
  static current = null;
  #model = null;
  static get shared() {
    Spotter.#instance ??= new Spotter();
    return Spotter.#instance;
  }
  static use() {
    Spotter.current = new Spotter();
  }
  async load(url) {
    this.#model ??= await tf.loadLayersModel(url);
  }
  get model() {
    return this.#model;
  }
}
export class Rules {
  static #instance = null;
  static get shared() {
    Rules.#instance ??= new Rules();
    return Rules.#instance;
  }
  get model() {
    return { eval() { return 1; }, state_dict() { return {}; } };
  }
}
`,
      'ipc.js': `import { Spotter, Rules } from './spotter.js';
const spotter = Spotter.shared;
export function save() {
  const weights = spotter.model.state_dict();
  Spotter.current.model.state_dict();
  Rules.shared.model.state_dict();
  return weights;
}
`,
    };
    const dir = project(files, 'module');
    assert.deepEqual(lint(dir, 'ipc.js', 'no-torch-module-api'), ['4: stateDict', '5: stateDict']);
  });

  it("a same-file constructor's parameter holds what every `new Cls(…)` of the file passes (fixtures/blind/modern-node vad.cjs)", () => {
    const dir = project({
      'gate.js': `const tf = require('@tensorflow/tfjs');
function buildNet() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
}
class Gate {
  constructor(model) {
    this.model = model;
  }
  size() {
    return this.model.parameters().length;
  }
}
function createGate() {
  return new Gate(buildNet());
}
class Mixed {
  constructor(model) {
    this.model = model;
  }
  size() {
    return this.model.parameters().length;
  }
}
const a = new Mixed(buildNet());
const b = new Mixed({ parameters: () => [] });
class Passed {
  constructor(model) {
    this.model = model;
  }
  size() {
    return this.model.parameters().length;
  }
}
const c = new Passed(buildNet());
register(Passed);
module.exports = { createGate, a, b, c };
`,
    });
    assert.deepEqual(lint(dir, 'gate.js', 'no-torch-module-api'), ['10: parameters']);
  });

  it('a constant holding what a builder of another module returns: `zoo.encoder`, `const { encoder } = zoo` (fixtures/blind/functional-node)', () => {
    const dir = project(
      {
        'siamese.js': `import * as tf from '@tensorflow/tfjs';
export function buildSiamese() {
  const encoder = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });
  return { encoder };
}
export function buildStats() {
  return { encoder: { parameters: () => [] } };
}
`,
        'train.js': `import { buildSiamese, buildStats } from './siamese.js';
export const run = () => {
  const zoo = buildSiamese();
  const { encoder } = zoo;
  const stats = buildStats();
  let other = buildSiamese();
  other = stats;
  return [zoo.encoder.parameters(), encoder.parameters(), stats.encoder.parameters(), other.encoder.parameters()];
};
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'train.js', 'no-torch-module-api'), ['8: parameters', '8: parameters']);
  });

  it('the elements of `rates.map((d) => build(d))` are what the callback returns (fixtures/blind/functional-node ensemble.js)', () => {
    const dir = project(
      {
        'classifier.js': `import * as tf from '@tensorflow/tfjs';\nexport const buildClassifier = ({ dropout }) => tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4] }), tf.layers.dropout({ rate: dropout })] });\n`,
        'ensemble.js': `import { buildClassifier } from './classifier.js';
export const run = (rates, xs) => {
  const members = rates.map((dropout) => buildClassifier({ dropout }));
  const stats = rates.map((r) => ({ eval: () => r }));
  members.forEach((m) => m.eval());
  stats.forEach((s) => s.eval());
  return members[0].eval();
};
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'ensemble.js', 'no-torch-mode-switch'), ['5: modeCall', '7: modeCall']);
  });

  it('a curried builder: `attachHead(cfg)(encoder)` runs the function attachHead returns, with encoder as its parameter (fixtures/blind/functional-node finetune.js)', () => {
    const dir = project(
      {
        'encoder.js': `import * as tf from '@tensorflow/tfjs';\nexport const buildEncoder = () => tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] })] });\n`,
        'finetune.js': `import * as tf from '@tensorflow/tfjs';
import { buildEncoder } from './encoder.js';
const attachHead = ({ classes }) => (encoder) => {
  const input = tf.input({ shape: [4] });
  return tf.model({ inputs: input, outputs: tf.layers.dense({ units: classes }).apply(encoder.apply(input)) });
};
export async function fineTune(cfg, xs, ys) {
  const encoder = buildEncoder();
  const model = attachHead(cfg)(encoder);
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  encoder.trainable = false;
  await model.fit(xs, ys);
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'finetune.js', 'no-trainable-after-compile'), ['11: freezeAfterCompile']);
  });

  it('layers spread from a block builder (`...convBlock(cfg)`), same file or imported, two modules away (fixtures/blind/functional-node encoder.js)', () => {
    const dir = project(
      {
        'blocks.js': `import * as tf from '@tensorflow/tfjs';\nexport const convBlock = ({ filters }) => [tf.layers.dense({ units: filters }), tf.layers.batchNormalization()];\n`,
        'encoder.js': `import * as tf from '@tensorflow/tfjs';
import { convBlock } from './blocks.js';
const plain = () => [tf.layers.dense({ units: 4 })];
export const buildEncoder = () => tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), ...convBlock({ filters: 4 })] });
export const buildPlain = () => tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), ...plain()] });
`,
        'train.js': `import * as tf from '@tensorflow/tfjs';
import { buildEncoder, buildPlain } from './encoder.js';
export async function train(xs, ys) {
  for (const build of [buildEncoder, buildPlain]) void build;
  const encoder = buildEncoder();
  const plain = buildPlain();
  const input = tf.input({ shape: [4] });
  const model = tf.model({ inputs: input, outputs: plain.apply(encoder.apply(input)) });
  encoder.trainable = false;
  plain.trainable = false;
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys);
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'train.js', 'no-frozen-batchnorm-in-training'), ['9: frozenParent']);
  });

  it('the `tf` parameter of a UMD factory or of an IIFE called with the global (fixtures/blind/iife-namespaces)', () => {
    const UMD = (fallback: string, dep: string) => `(function (root, factory) {
  if (typeof define === 'function' && define.amd) define(['${dep}'], factory);
  else if (typeof module === 'object' && module.exports) module.exports = factory(require('${dep}'));
  else root.Coach = factory(${fallback});
}(this, function (tf) {
  return function score(x) {
    return tf.tensor1d(x).sum().item();
  };
}));
`;
    const IIFE = (arg: string) => `var Coach = window.Coach || {};
Coach.scorer = (function (tf) {
  return function score(x) {
    return tf.tensor1d(x).sum().item();
  };
})(${arg});
`;
    const dir = project({
      'umd.js': UMD('root.tf', '@tensorflow/tfjs'),
      'umd-other.js': UMD('root._', 'lodash'),
      'iife.js': IIFE('window.tf') + `// @tensorflow/tfjs from the CDN\n`,
      'iife-other.js': IIFE('window.numeric') + `// @tensorflow/tfjs from the CDN\n`,
    });
    const globals = { torch2tf: { globals: ['tf'] } };
    assert.deepEqual(lint(dir, 'umd.js', 'no-torch-tensor-api'), ['7: missingMethod']);
    assert.deepEqual(lint(dir, 'umd-other.js', 'no-torch-tensor-api'), []);
    assert.deepEqual(lint(dir, 'iife.js', 'no-torch-tensor-api', [], globals), ['4: missingMethod']);
    assert.deepEqual(lint(dir, 'iife-other.js', 'no-torch-tensor-api', [], globals), []);
    // without the globals setting, `window.tf` is nothing the engine knows
    assert.deepEqual(lint(dir, 'iife.js', 'no-torch-tensor-api'), []);
  });

  it("a promise's `.then(function (m) { … })` gets the model it resolves to; `var self = this` calls its class's methods", () => {
    const dir = project({
      'loader.js': `const tf = require('@tensorflow/tfjs');
function load(url) {
  return tf.loadLayersModel(url).then(function (m) {
    m.eval();
    return m;
  });
}
function fetchJson(url) {
  return fetch(url).then(function (m) {
    m.eval();
    return m;
  });
}
function Trainer() {
  this.model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 })] });
  this.optimizer = tf.train.adam(1e-3);
}
Trainer.prototype.lossFn = function (xs) {
  return this.model.predict(xs).sum();
};
Trainer.prototype.step = function (xs) {
  var self = this;
  self.optimizer.minimize(function () { return self.lossFn(xs); });
};
module.exports = { load, fetchJson, Trainer };
`,
    });
    assert.deepEqual(lint(dir, 'loader.js', 'no-torch-mode-switch'), ['4: modeCall']);
    assert.deepEqual(lint(dir, 'loader.js', 'require-training-flag'), ['19: inferenceInTrainingStep']);
  });

  it('Svelte 5 runes: `$state.raw<tf.LayersModel | null>(null)` holds a model, `$effect` re-runs, and a SvelteKit `+server.ts` POST runs per request (fixtures/blind/svelte-runes)', () => {
    const dir = project(
      {
        'src/lib/predictions.svelte.ts': `import * as tf from '@tensorflow/tfjs';
export class Predictions {
  model = $state.raw<tf.LayersModel | null>(null);
  scores = $state<number[] | null>(null);
  constructor() {
    $effect(() => {
      if (this.scores) console.log(tf.softmax(tf.tensor1d(this.scores)).dataSync());
    });
  }
  attach(model: tf.LayersModel): void {
    this.model = model;
  }
  dump() {
    return this.model?.state_dict();
  }
}
`,
        'src/routes/api/predict/+server.ts': `import * as tf from '@tensorflow/tfjs';
export const POST = async ({ request }: { request: Request }) => {
  const body = await request.json();
  return new Response(String(tf.tensor(body.pixels).div(255).sum().dataSync()[0]));
};
`,
        'src/lib/helpers.ts': `import * as tf from '@tensorflow/tfjs';
export const POST = (xs: number[]) => tf.tensor(xs).div(255).sum().dataSync()[0];
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'src/lib/predictions.svelte.ts', 'no-torch-module-api'), ['14: stateDict']);
    assert.deepEqual(lint(dir, 'src/lib/predictions.svelte.ts', 'no-leaked-tensor'), ['7: intermediate']);
    assert.deepEqual(lint(dir, 'src/routes/api/predict/+server.ts', 'no-leaked-tensor'), ['4: intermediate']);
    // the same export name in a module that is no route: runs once (by default not reported)
    assert.deepEqual(lint(dir, 'src/lib/helpers.ts', 'no-leaked-tensor'), []);
  });

  it('the elements of a constant holding a tensor list are tensors: `const weights = model.getWeights(); weights.map((w) => …)` (fixtures/blind/p5-sketches)', () => {
    const dir = project({
      'nn.js': `const tf = require('@tensorflow/tfjs');
const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
function mutate(rate) {
  return tf.tidy(() => {
    const weights = model.getWeights();
    const names = model.layers.map((l) => l.name);
    names.map((n) => n.concat('_m'));
    return weights.map((w) => {
      w.add(tf.randomNormal(w.shape).mul(rate));
      return w;
    });
  });
}
module.exports = { mutate };
`,
    });
    assert.deepEqual(lint(dir, 'nn.js', 'no-discarded-tensor'), ['9: discarded']);
  });

  it('a class exported as a CommonJS value keeps the same-file `new Cls(…)` arguments, as an ESM export does (fixtures/blind/modern-node vad.cjs)', () => {
    const gate = (name: string) => `class ${name} {
  constructor(model) {
    this.model = model;
  }
  size() {
    return this.model.parameters().length;
  }
}
`;
    const dir = project({
      'gate.cjs': `const tf = require('@tensorflow/tfjs');
function buildNet() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
}
${gate('Gate')}${gate('Named')}${gate('Whole')}function create() {
  return [new Gate(buildNet()), new Named(buildNet()), new Whole(buildNet())];
}
module.exports = { Gate, create };
exports.Named = Named;
module.exports.Whole = Whole;
`,
      'index.cjs': `module.exports = { ...require('./gate.cjs') };
`,
      'main.mjs': `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { create } = require('./index.cjs');
export const gates = create();
`,
    });
    assert.deepEqual(lint(dir, 'gate.cjs', 'no-torch-module-api'), ['10: parameters', '18: parameters', '26: parameters']);
  });
});


describe('round 28 (fixtures/blind/ts-transformer, finetune-node-esm, data-pipelines)', () => {
  it('a custom layer whose base class (a tf.layers.Layer subclass) is imported is a layer: its call() must forward kwargs', () => {
    const dir = project(
      {
        'base.ts': `import * as tf from '@tensorflow/tfjs';\nexport abstract class ComposedLayer extends tf.layers.Layer {\n  protected track(...layers: tf.layers.Layer[]): void {}\n}\n`,
        'block.ts': `import * as tf from '@tensorflow/tfjs';
import { ComposedLayer } from './base';
export class Block extends ComposedLayer {
  private readonly drop = tf.layers.dropout({ rate: 0.1 });
  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return this.drop.apply(x) as tf.Tensor;
  }
}
`,
        'plain.ts': `import * as tf from '@tensorflow/tfjs';
import { Helper } from './helper';
export class NotALayer extends Helper {
  private readonly drop = tf.layers.dropout({ rate: 0.1 });
  call(inputs: tf.Tensor, kwargs: Record<string, unknown>): tf.Tensor {
    return this.drop.apply(inputs) as tf.Tensor;
  }
}
`,
        'helper.ts': `export class Helper {}\n`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'block.ts', 'forward-training-kwargs'), ['7: notForwarded']);
    // a base class of another module that is no tfjs layer: `call()` is the user's own method
    assert.deepEqual(lint(dir, 'plain.ts', 'forward-training-kwargs'), []);
  });

  it('the layers of an imported head builder, applied in a for…of loop, join the model: its nested backbone frozen after compile', () => {
    const dir = project(
      {
        'heads.js': `import * as tf from '@tensorflow/tfjs';\nexport function head(n) {\n  return [tf.layers.dense({ units: 16, activation: 'relu' }), tf.layers.dense({ units: n, activation: 'softmax' })];\n}\n`,
        'tuner.js': `import * as tf from '@tensorflow/tfjs';
import { head } from './heads.js';
export class Tuner {
  constructor(n) {
    this.backbone = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization()] });
    const input = tf.input({ shape: [4] });
    let x = this.backbone.apply(input);
    for (const layer of head(n)) x = layer.apply(x);
    this.model = tf.model({ inputs: input, outputs: x });
  }
  async trainHead(xs, ys) {
    this.model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    this.backbone.trainable = false;
    return this.model.fit(xs, ys);
  }
}
`,
      },
      'module',
    );
    assert.deepEqual(lint(dir, 'tuner.js', 'no-trainable-after-compile'), ['13: freezeAfterCompile']);
    assert.deepEqual(lint(dir, 'tuner.js', 'no-frozen-batchnorm-in-training'), ['13: frozenParent']);
  });

  it("an exported helper that an importer runs only inside a tf.data Dataset's map() is in a scope: not reported", () => {
    const helper = `import * as tf from '@tensorflow/tfjs';\nexport function jitter(x, n) {\n  let y = x;\n  for (let i = 0; i < n; i++) y = tf.tidy(() => y.add(tf.randomNormal(y.shape, 0, 0.01).square().sqrt()));\n  for (let i = 0; i < n; i++) tf.randomNormal([2]).square().dataSync();\n  return y;\n}\n`;
    const mapped = project({ 'aug.js': helper, 'data.js': `import * as tf from '@tensorflow/tfjs';\nimport { jitter } from './aug.js';\nconst ds = tf.data.array([[1, 2]]).map((x) => jitter(tf.tensor(x), 3));\nawait ds.forEachAsync((e) => console.log(e));\n` }, 'module');
    assert.deepEqual(lint(mapped, 'aug.js', 'no-leaked-tensor'), []);
    // the same helper called from a plain array's map(): no scope around it
    const plain = project({ 'aug.js': helper, 'data.js': `import * as tf from '@tensorflow/tfjs';\nimport { jitter } from './aug.js';\nconst out = [[1, 2]].map((x) => jitter(tf.tensor(x), 3));\nconsole.log(out);\n` }, 'module');
    assert.deepEqual(lint(plain, 'aug.js', 'no-leaked-tensor'), ['5: intermediate']);
  });
  it('fit() options spread from a const object another module exports: its ignored keys, reported at the spread', () => {
    const esm = project(
      {
        'config.js': `export const FIT_DEFAULTS = { batch_size: 64, shuffle: true };\nexport const MUTABLE = { batch_size: 8 };\ndelete MUTABLE.batch_size;\n`,
        'run.js': `import * as tf from '@tensorflow/tfjs';
import { FIT_DEFAULTS, MUTABLE } from './config.js';
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
export async function run(xs, ys) {
  await model.fit(xs, ys, { ...FIT_DEFAULTS, epochs: 3 });
  await model.fit(xs, ys, { ...FIT_DEFAULTS, epochs: 1 });
  await model.fit(xs, ys, { ...MUTABLE });
}
`,
      },
      'module',
    );
    // once per file, at the first spread; an object its own module mutates is not judged
    assert.deepEqual(lint(esm, 'run.js', 'no-unknown-options'), ['5: renamed']);
    const cjs = project({
      'config.js': `const FIT = { validation_split: 0.1 };\nexports.LAYER = { units: 4, use_bias: false };\nmodule.exports.FIT = FIT;\n`,
      'run.js': `const tf = require('@tensorflow/tfjs');\nconst { FIT, LAYER } = require('./config');\nconst model = tf.sequential({ layers: [tf.layers.dense({ ...LAYER, inputShape: [3] })] });\nasync function run(xs, ys) {\n  await model.fit(xs, ys, { ...FIT, epochs: 3 });\n}\nmodule.exports = { run };\n`,
    });
    assert.deepEqual(lint(cjs, 'run.js', 'no-unknown-options'), ['3: renamed', '5: renamed']);
  });
  it('the answer for a file does not depend on which file was linted before it (keras-functional-cjs, strict)', () => {
    // linting heads.js first parsed zoo.js as a module of the project; its `let x = …; x = f(x)` chain was
    // then kept with provisional answers of a cycle, and the BatchNormalization zoo.js freezes was missed
    const dir = fileURLToPath(new URL('../../fixtures/blind/keras-functional-cjs/', import.meta.url));
    const rules = (names: string[]) => Object.fromEntries(names.map((r) => [`torch2tf/${r}`, ['error', ...(r === 'no-leaked-tensor' ? [{ onlyRepeated: false }] : [])]]));
    const run = (file: string, names: string[]): string[] =>
      new Linter({ cwd: '/', configType: 'flat' })
        .verify(readFileSync(join(dir, file), 'utf8'), [{ files: ['**/*.js'], plugins: { torch2tf: plugin as never }, rules: rules(names) as never }], join(dir, file))
        .map((m) => `${m.line}: ${m.ruleId}`);
    run('src/models/heads.js', ['no-leaked-tensor']);
    assert.ok(run('src/models/zoo.js', ['no-leaked-tensor', 'no-frozen-batchnorm-in-training']).includes('98: torch2tf/no-frozen-batchnorm-in-training'));
  });
  it("a model a factory of another module compiled, frozen model-wide here, then trained: its training throws (gan-diffusion-js)", () => {
    const factory = `import * as tf from '@tensorflow/tfjs';\nexport function createDisc() {\n  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], activation: 'sigmoid' })] });\n  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });\n  return model;\n}\n`;
    const trainer = (step: string) => `import { createDisc } from './factory.js';
export class Gan {
  constructor() {
    this.disc = createDisc();
    this.disc.trainable = false;
  }
  async step(x, y) {
${step}
  }
}
`;
    const frozen = project({ 'factory.js': factory, 'gan.js': trainer('    return this.disc.trainOnBatch(x, y);') }, 'module');
    assert.deepEqual(lint(frozen, 'gan.js', 'no-trainable-after-compile'), ['5: freezeCompiledModel']);
    // the tfjs idiom: unfrozen around its own training step
    const toggled = project({ 'factory.js': factory, 'gan.js': trainer('    this.disc.trainable = true;\n    const r = await this.disc.trainOnBatch(x, y);\n    this.disc.trainable = false;\n    return r;') }, 'module');
    assert.deepEqual(lint(toggled, 'gan.js', 'no-trainable-after-compile'), []);
  });
});
