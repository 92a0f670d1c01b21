import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-leaked-tensor.js';
import { checkSuggestionsResolve, createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

type MessageIds = 'intermediate' | 'bound' | 'somePaths' | 'wrapInTidy' | 'disposeAfterLastUse';
type Options = [{ onlyRepeated?: boolean }];
type Case = InvalidTestCase<MessageIds, Options>;

const ruleTester = createRuleTester();
const NAMED = new Set(['named imports', 'renamed imports', 'destructured require']);
const WITH_NAMESPACE = IMPORT_FORMS.filter((f) => !NAMED.has(f.name) && f.name !== 'member alias');
const MEMBER_ALIAS = IMPORT_FORMS.filter((f) => f.name === 'member alias');
const NAMED_ONLY = IMPORT_FORMS.filter((f) => NAMED.has(f.name));

const M = `const model = TF.sequential();\n`;

// The common shapes (each proven to leak, and its suggestion to stop the leak, in test/semantics/memory.test.ts)
const WEBCAM = `${M}async function loop() {\n  while (true) {\n    const label = model.predict(TF.browser.fromPixels(video).toFloat().div(255)).argMax(-1).dataSync()[0];\n    show(label);\n    await TF.nextFrame();\n  }\n}`;
const GAME = `${M}function frame() {\n  const q = model.predict(state);\n  const action = q.dataSync()[0];\n  act(action);\n  requestAnimationFrame(frame);\n}\nrequestAnimationFrame(frame);`;
const TRAIN = `const opt = TF.train.adam(0.01);\nfor (let i = 0; i < 100; i++) {\n  const cost = opt.minimize(() => loss(), true);\n  console.log(cost.dataSync()[0]);\n}`;
const FIT = `${M}await model.fit(xs, ys, {\n  epochs: 10,\n  callbacks: {\n    onEpochEnd: (epoch) => {\n      const acc = TF.metrics.categoricalAccuracy(ys, model.predict(xs)).mean().dataSync()[0];\n      log(epoch, acc);\n    },\n  },\n});`;

const VAR = `const v = TF.variable(TF.zeros([2]));\nsetInterval(() => {\n  v.assign(TF.randomNormal([2]));\n}, 100);\nxs.forEach((x) => {\n  const w = TF.variable(TF.tensor1d(x));\n  ws.push(w);\n});`;

const valid = [
  { name: 'webcam loop inside tf.tidy', code: `${M}async function loop() {\n  while (true) {\n    const label = TF.tidy(() => model.predict(TF.browser.fromPixels(video).toFloat().div(255)).argMax(-1).dataSync()[0]);\n    await TF.nextFrame();\n  }\n}` },
  {
    name: 'a tidy result of unknown origin that is never read as a tensor (it may be a number or plain data)',
    code: `function tick() {\n  const stats = TF.tidy(() => summarize(frame));\n  show(stats.best.toFixed(2));\n  let probs = TF.tidy(() => head.run(frame));\n  probs = probs.argMax(-1);\n  requestAnimationFrame(tick);\n}\nrequestAnimationFrame(tick);`,
  },
  { name: 'a handler that is not exported, a get() without a route path, and a local Bun', code: `const handler = async () => TF.randomNormal([2]).sum().dataSync()[0];\nmap.get('key', () => TF.randomNormal([2]).sum().dataSync()[0]);\nconst Bun = { serve(o) { o.fetch(); } };\nBun.serve({ fetch() { return TF.randomNormal([2]).sum().dataSync()[0]; } });\nexport const other = async () => TF.randomNormal([2]).sum().dataSync()[0];` },
  { name: 'a createServer() of a user object is not a Node server', code: `const server = { createServer(h) { h(); } };\nserver.createServer(() => {\n  const s = TF.randomNormal([2]).sum().dataSync()[0];\n  log(s);\n});` },
  { name: 'a local object named Deno is not the Deno global: its serve() callback is not a request handler', code: `const Deno = { serve(h) { h(); } };\nDeno.serve(() => {\n  const s = TF.randomNormal([2]).sum().dataSync()[0];\n  log(s);\n});` },
  { name: 'bound tensor disposed after use in a loop', code: `${M}for (const s of states) {\n  const q = model.predict(s);\n  use(q.dataSync());\n  q.dispose();\n}` },
  { name: 'disposed on every path with try/finally', code: `${M}for (const s of states) {\n  const q = model.predict(s);\n  try {\n    if (q.dataSync()[0] > 1) continue;\n    use(q.dataSync());\n  } finally {\n    q.dispose();\n  }\n}` },
  { name: 'tf.dispose([a, b]) and tf.dispose({a})', code: `for (const s of xs) {\n  const a = TF.tensor1d(s);\n  const b = a.square();\n  use(b.dataSync());\n  TF.dispose([a, b]);\n}` },
  { name: 'tf.keep: kept on purpose', code: `for (const s of xs) {\n  const a = TF.tensor1d(s);\n  TF.keep(a);\n}` },
  { name: 'stored in this.cache', code: `class C {\n  run(xs) {\n    for (const s of xs) {\n      const t = TF.tensor1d(s);\n      this.cache.push(t);\n      this.last = TF.ones([1]);\n    }\n  }\n}` },
  { name: 'returned to the caller', code: `function prep(img) {\n  const t = TF.browser.fromPixels(img);\n  return t;\n}\nfor (const i of imgs) prep(i).dispose();` },
  { name: 'inside optimizer.minimize (a scope)', code: `const opt = TF.train.sgd(0.1);\nfor (let i = 0; i < 10; i++) opt.minimize(() => { const p = w.square(); log(p.sum().dataSync()); return p.sum(); });` },
  { name: 'inside tf.variableGrads and tf.customGrad', code: `for (let i = 0; i < 10; i++) TF.variableGrads(() => w.square().sum().mul(2));` },
  { name: 'a helper called only from inside tf.tidy', code: `function feat(x) { return x.toFloat().div(255).expandDims(0); }\nfor (const f of frames) TF.tidy(() => model(feat(f)));\nconst model = TF.sequential();` },
  { name: 'between tf.engine().startScope() and endScope()', code: `for (const s of xs) {\n  TF.engine().startScope();\n  TF.tensor1d(s).square().dataSync();\n  TF.engine().endScope();\n}` },
  { name: 'runs once (onlyRepeated default): module top level and a setup function', code: `const warm = TF.zeros([1, 4]).add(1).dataSync();\nfunction setup() { const t = TF.ones([2]); show(t.dataSync()); }` },
  { name: 'a non-tfjs object with dispose() and add()', code: `class Vec { add() { return this; } dispose() {} }\nconst z = TF.zeros([1]);\nfor (const v of vecs) { const n = new Vec(); n.add(n).dispose(); }` },
  { name: 'a tensor handed to unknown code (may own it)', code: `for (const s of xs) {\n  const t = TF.tensor1d(s);\n  queue.push(t);\n  draw(TF.ones([2]));\n}` },
  { name: 'a chained call that ends in dispose()', code: `for (const s of xs) TF.tensor1d(s).dispose();` },
  { name: 'a loop in a sync method with no caller here (another module may call it inside tf.tidy)', code: `class Gaussian {\n  pdf(xs) {\n    const out = [];\n    for (const x of xs) out.push(TF.sum(TF.mul(x, x)));\n    return out;\n  }\n}` },
  { name: 'unknown receivers are not tensors', code: `const z = TF.zeros([1]);\nfor (const t of items) t.square().sum().dataSync();` },
];

const invalid: Case[] = [
  {
    name: 'webcam classification loop: one wrap for the whole chain',
    code: WEBCAM,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`browser.fromPixels()`, `toFloat()`, `div()` and 2 more', s: 's', leak: 'they leak', freq: 'on every loop iteration' },
        line: 4,
        column: 19,
        suggestions: [
          {
            messageId: 'wrapInTidy',
            output: WEBCAM.replace(
              'model.predict(TF.browser.fromPixels(video).toFloat().div(255)).argMax(-1).dataSync()[0]',
              'TF.tidy(() => model.predict(TF.browser.fromPixels(video).toFloat().div(255)).argMax(-1).dataSync()[0])',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'game loop: predict per frame bound and never disposed',
    code: GAME,
    output: null,
    errors: [
      {
        messageId: 'bound',
        data: { name: 'q', freq: 'on every frame' },
        line: 3,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: GAME.replace('const action = q.dataSync()[0];', 'const action = q.dataSync()[0];\n  q.dispose();') }],
      },
    ],
  },
  {
    name: 'custom training loop reading the cost outside the step',
    code: TRAIN,
    output: null,
    errors: [
      {
        messageId: 'bound',
        data: { name: 'cost', freq: 'on every loop iteration' },
        line: 3,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: TRAIN.replace('console.log(cost.dataSync()[0]);', 'console.log(cost.dataSync()[0]);\n  cost.dispose();') }],
      },
    ],
  },
  {
    name: 'fit callback computing a metric',
    code: FIT,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`predict()`, `metrics.categoricalAccuracy()`, `mean()`', s: 's', leak: 'they leak', freq: 'on every epoch' },
        line: 6,
        suggestions: [
          {
            messageId: 'wrapInTidy',
            output: FIT.replace(
              'TF.metrics.categoricalAccuracy(ys, model.predict(xs)).mean().dataSync()[0]',
              'TF.tidy(() => TF.metrics.categoricalAccuracy(ys, model.predict(xs)).mean().dataSync()[0])',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'disposed on one path only (continue skips it)',
    code: `for (const s of xs) {\n  const t = TF.tensor1d(s);\n  if (t.dataSync()[0] > 0) continue;\n  t.dispose();\n}`,
    output: null,
    errors: [{ messageId: 'somePaths', data: { name: 't', freq: 'on every loop iteration' }, line: 2 }],
  },
  {
    name: 'tf.variable(t) and v.assign(t) leave t alive; setInterval and forEach callbacks',
    code: VAR,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`randomNormal()`', s: '', leak: 'it leaks', freq: 'on every timer tick' }, line: 3, suggestions: [] },
      {
        messageId: 'intermediate',
        data: { ops: '`tensor1d()`', s: '', leak: 'it leaks', freq: 'on every loop iteration' },
        line: 6,
        suggestions: [{ messageId: 'wrapInTidy', output: VAR.replace('const w = TF.variable(TF.tensor1d(x));', 'const w = TF.tidy(() => TF.variable(TF.tensor1d(x)));') }],
      },
    ],
  },
  {
    name: 'an event listener and a same-file helper called from a loop',
    code: `${M}canvas.addEventListener('click', () => {\n  show(model.predict(input).dataSync());\n});\nfunction step() {\n  const y = model.predict(input);\n  show(y.arraySync());\n}\nwhile (running) step();`,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`predict()`', s: '', leak: 'it leaks', freq: 'on every event' },
        line: 3,
        suggestions: [{ messageId: 'wrapInTidy', output: `${M}canvas.addEventListener('click', () => {\n  show(TF.tidy(() => model.predict(input).dataSync()));\n});\nfunction step() {\n  const y = model.predict(input);\n  show(y.arraySync());\n}\nwhile (running) step();` }],
      },
      {
        messageId: 'bound',
        data: { name: 'y', freq: 'on every loop iteration' },
        line: 6,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: `${M}canvas.addEventListener('click', () => {\n  show(model.predict(input).dataSync());\n});\nfunction step() {\n  const y = model.predict(input);\n  show(y.arraySync());\n  y.dispose();\n}\nwhile (running) step();` }],
      },
    ],
  },
];

// a custom layer's call() runs inside its model's scope (test/semantics/memory.test.ts), even with onlyRepeated: false
const LAYER_CALL = (base: string) => `class Block extends ${base} {\n  call(inputs) {\n    return TF.relu(TF.mul(inputs, 2));\n  }\n}`;
const strictValid = [
  { name: "onlyRepeated: false: a custom layer's call()", code: LAYER_CALL('TF.layers.Layer'), options: [{ onlyRepeated: false }] as Options },
  // blind project keras-functional-cjs: a functional-API block whose input is an untyped parameter builds a
  // graph of symbolic tensors (no memory), whatever calls it: a layer applied to an unknown value is no tensor
  {
    name: 'onlyRepeated: false: a functional-API block applied to an untyped parameter, called in a loop',
    code: `function block(x, units) {\n  const hidden = TF.layers.dense({units: units * 2, activation: 'relu'}).apply(x);\n  const dropped = TF.layers.dropout({rate: 0.1}).apply(hidden);\n  return TF.layers.dense({units}).apply(dropped);\n}\nexport function build(n) {\n  const input = TF.input({shape: [4]});\n  let x = input;\n  for (let i = 0; i < n; i++) x = block(x, 8);\n  return TF.model({inputs: input, outputs: x});\n}`,
    options: [{ onlyRepeated: false }] as Options,
  },
];

const layerContrast: Case[] = [
  {
    name: "onlyRepeated: false: the same call() in a class that is not a tfjs layer",
    code: LAYER_CALL('Base'),
    options: [{ onlyRepeated: false }],
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`mul()`', s: '', leak: 'it leaks', freq: 'each time this code runs' },
        line: 3,
        suggestions: [{ messageId: 'wrapInTidy', output: LAYER_CALL('Base').replace('return TF.relu(TF.mul(inputs, 2));', 'return TF.tidy(() => TF.relu(TF.mul(inputs, 2)));') }],
      },
    ],
  }
];

const strictInvalid: Case[] = [
  {
    name: 'onlyRepeated: false also reports a loop in a method with no visible caller',
    code: `class Gaussian {\n  pdf(xs) {\n    const out = [];\n    for (const x of xs) out.push(TF.mul(x, x).data());\n    return out;\n  }\n}`,
    options: [{ onlyRepeated: false }],
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`mul()`', s: '', leak: 'it leaks', freq: 'on every loop iteration' }, line: 4, suggestions: [] }],
  },
  {
    name: 'a layer applied to a tensor (not a symbolic input) in a frame loop makes a new tensor each frame',
    code: `const dense = TF.layers.dense({units: 2, inputShape: [4]});\nfunction loop() {\n  const x = TF.ones([1, 4]);\n  const y = dense.apply(x);\n  show(y.dataSync());\n  x.dispose();\n  requestAnimationFrame(loop);\n}`,
    output: null,
    errors: [
      {
        messageId: 'bound',
        data: { name: 'y', freq: 'on every frame' },
        line: 4,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: `const dense = TF.layers.dense({units: 2, inputShape: [4]});\nfunction loop() {\n  const x = TF.ones([1, 4]);\n  const y = dense.apply(x);\n  show(y.dataSync());\n  y.dispose();\n  x.dispose();\n  requestAnimationFrame(loop);\n}` }],
      },
    ],
  },
  {
    name: 'onlyRepeated: false reports code that runs once',
    code: `function setup() {\n  const t = TF.ones([2]);\n  show(t.dataSync());\n}`,
    options: [{ onlyRepeated: false }],
    output: null,
    errors: [
      {
        messageId: 'bound',
        data: { name: 't', freq: 'each time this code runs' },
        line: 2,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: `function setup() {\n  const t = TF.ones([2]);\n  show(t.dataSync());\n  t.dispose();\n}` }],
      },
    ],
  },
];

// the source itself calls tf.tidy, so only the namespace forms (the wrap suggestion writes `TF.tidy` as the code does)
const tidyResult: Case[] = [
  {
    // blind project gan-diffusion-js: an EMA update of a model's weights per training step
    name: "an element of a const holding getWeights(), combined per loop iteration: the intermediates leak",
    code: `async function ema(shadowModel, model, steps) {\n  for (let s = 0; s < steps; s++) {\n    const shadow = shadowModel.getWeights();\n    const online = model.getWeights();\n    for (let i = 0; i < shadow.length; i++) shadow[i].assign(shadow[i].mul(0.99).add(online[i].mul(0.01)));\n    await TF.nextFrame();\n  }\n}\nema(TF.sequential(), TF.sequential(), 10);`,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`mul()`, `mul()`, `add()`', s: 's', leak: 'they leak', freq: 'on every loop iteration' },
        line: 5,
        // no wrap suggestion: the chain ends as an argument of assign(), not in a synchronous read
        suggestions: [],
      },
    ],
  },
  {
    // the same with the derived tensor made first: asked from `x.sub(1)`, the cycle's first answer is unknown
    name: 'a loop variable replaced by a tensor computed from it, computed before the read',
    code: `export async function sample(n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    const next = x.sub(1);\n    show(x.abs().max().dataSync()[0]);\n    x.dispose();\n    x = next;\n  }\n  return x;\n}`,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`abs()`, `max()`', s: 's', leak: 'they leak', freq: 'on every loop iteration' },
        line: 5,
        suggestions: [{ messageId: 'wrapInTidy', output: `export async function sample(n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    const next = x.sub(1);\n    show(TF.tidy(() => x.abs().max().dataSync()[0]));\n    x.dispose();\n    x = next;\n  }\n  return x;\n}` }],
      },
    ],
  },
  {
    // blind project gan-diffusion-js: a diffusion sampling loop, `x` rewritten from a tf.tidy that derives it
    // from `x` (two returns, `x.shape`), the model's prediction asked first
    name: 'a sampling loop whose variable is rewritten from a tf.tidy of itself: the progress read leaks',
    code: `export async function sample(model, n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    const eps = model.predict(x);\n    const next = TF.tidy(() => {\n      const mean = x.sub(eps.mul(0.1)).div(2);\n      if (i === 0) return mean;\n      return mean.add(TF.randomNormal(x.shape).mul(0.5));\n    });\n    if (i % 5 === 0) show(x.abs().max().dataSync()[0]);\n    TF.dispose([x, eps]);\n    x = next;\n  }\n  return x;\n}`,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`abs()`, `max()`', s: 's', leak: 'they leak', freq: 'on every loop iteration' },
        line: 10,
        suggestions: [{ messageId: 'wrapInTidy', output: `export async function sample(model, n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    const eps = model.predict(x);\n    const next = TF.tidy(() => {\n      const mean = x.sub(eps.mul(0.1)).div(2);\n      if (i === 0) return mean;\n      return mean.add(TF.randomNormal(x.shape).mul(0.5));\n    });\n    if (i % 5 === 0) show(TF.tidy(() => x.abs().max().dataSync()[0]));\n    TF.dispose([x, eps]);\n    x = next;\n  }\n  return x;\n}` }],
      },
    ],
  },
  {
    // a sampling loop: `x` is written with a tensor derived from itself through another binding
    name: 'a loop variable replaced by a tensor computed from it (x = next): reading it per iteration leaks',
    code: `export async function sample(n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    show(x.abs().max().dataSync()[0]);\n    const next = x.sub(1);\n    x.dispose();\n    x = next;\n  }\n  return x;\n}`,
    output: null,
    errors: [
      {
        messageId: 'intermediate',
        data: { ops: '`abs()`, `max()`', s: 's', leak: 'they leak', freq: 'on every loop iteration' },
        line: 4,
        suggestions: [{ messageId: 'wrapInTidy', output: `export async function sample(n) {\n  let x = TF.randomNormal([n, 4]);\n  for (let i = 10; i >= 0; i--) {\n    show(TF.tidy(() => x.abs().max().dataSync()[0]));\n    const next = x.sub(1);\n    x.dispose();\n    x = next;\n  }\n  return x;\n}` }],
      },
    ],
  },
  {
    name: 'an exported handler (AWS Lambda) runs per invocation',
    code: `export const handler = async (event) => {\n  const y = TF.randomNormal([2]).sum().dataSync()[0];\n  return { statusCode: 200, body: String(y) };\n};`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 2, suggestions: [{ messageId: 'wrapInTidy', output: `export const handler = async (event) => {\n  const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  return { statusCode: 200, body: String(y) };\n};` }] }],
  },
  {
    name: 'exports.handler (CommonJS Lambda) runs per invocation',
    code: `exports.handler = async (event) => {\n  const y = TF.randomNormal([2]).sum().dataSync()[0];\n  return { body: String(y) };\n};`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 2, suggestions: [{ messageId: 'wrapInTidy', output: `exports.handler = async (event) => {\n  const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  return { body: String(y) };\n};` }] }],
  },
  {
    name: "a Worker's default-export fetch runs per request",
    code: `export default {\n  async fetch(request, env) {\n    const y = TF.randomNormal([2]).sum().dataSync()[0];\n    return new Response(String(y));\n  },\n};`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: `export default {\n  async fetch(request, env) {\n    const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n    return new Response(String(y));\n  },\n};` }] }],
  },
  {
    name: 'Bun.serve({ fetch }) runs per request',
    code: `Bun.serve({\n  port: 3000,\n  fetch(req) {\n    const y = TF.randomNormal([2]).sum().dataSync()[0];\n    return new Response(String(y));\n  },\n});`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 4, suggestions: [{ messageId: 'wrapInTidy', output: `Bun.serve({\n  port: 3000,\n  fetch(req) {\n    const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n    return new Response(String(y));\n  },\n});` }] }],
  },
  {
    name: "a route of an HTTP framework (app.post('/predict', handler)) runs per request",
    code: `app.post('/predict', async (c) => {\n  const y = TF.randomNormal([2]).sum().dataSync()[0];\n  return c.json({ y });\n});`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 2, suggestions: [{ messageId: 'wrapInTidy', output: `app.post('/predict', async (c) => {\n  const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  return c.json({ y });\n});` }] }],
  },
  {
    name: "a Node server's request handler (http.createServer) runs on every request",
    code: `const http = require('node:http');\nhttp.createServer((req, res) => {\n  const y = TF.randomNormal([2]).sum().dataSync()[0];\n  res.end(String(y));\n}).listen(8080);`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: `const http = require('node:http');\nhttp.createServer((req, res) => {\n  const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  res.end(String(y));\n}).listen(8080);` }] }],
  },
  {
    name: 'a createServer destructured from require(\'node:https\') runs its handler on every request',
    code: `const { createServer } = require('node:https');\ncreateServer(opts, (req, res) => {\n  const y = TF.randomNormal([2]).sum().dataSync()[0];\n  res.end(String(y));\n});`,
    output: null,
    errors: [{ messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: `const { createServer } = require('node:https');\ncreateServer(opts, (req, res) => {\n  const y = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  res.end(String(y));\n});` }] }],
  },
  {
    name: 'Deno.cron and Deno.serve handlers run on every tick and every request',
    code: `Deno.cron('tick', '* * * * *', () => {\n  const s = TF.randomNormal([2]).sum().dataSync()[0];\n  log(s);\n});\nDeno.serve({ port: 8000 }, async (req) => {\n  const v = TF.tensor1d(await req.json()).square().dataSync()[0];\n  return new Response(String(v));\n});`,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every timer tick' }, line: 2, suggestions: [{ messageId: 'wrapInTidy', output: `Deno.cron('tick', '* * * * *', () => {\n  const s = TF.tidy(() => TF.randomNormal([2]).sum().dataSync()[0]);\n  log(s);\n});\nDeno.serve({ port: 8000 }, async (req) => {\n  const v = TF.tensor1d(await req.json()).square().dataSync()[0];\n  return new Response(String(v));\n});` }] },
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [] },
    ],
  },
  {
    name: 'a tidy result read with dataSync() is a tensor, even when what it runs is of unknown origin: its argMax() leaks per frame',
    code: `function tick() {\n  const probs = TF.tidy(() => classifier.head.predict(frameToBatch(video)).softmax());\n  const scores = probs.dataSync();\n  const best = probs.argMax(-1).dataSync()[0];\n  probs.dispose();\n  show(best, scores);\n  requestAnimationFrame(tick);\n}\nrequestAnimationFrame(tick);`,
    output: null,
    errors: [{ messageId: 'intermediate', line: 4, column: 16, suggestions: [{ messageId: 'wrapInTidy', output: `function tick() {\n  const probs = TF.tidy(() => classifier.head.predict(frameToBatch(video)).softmax());\n  const scores = probs.dataSync();\n  const best = TF.tidy(() => probs.argMax(-1).dataSync()[0]);\n  probs.dispose();\n  show(best, scores);\n  requestAnimationFrame(tick);\n}\nrequestAnimationFrame(tick);` }] }],
  },
];

// Code a framework runs per event or per dispatch, like an `addEventListener` listener or a route handler: a
// function given to a JSX event prop (React, Preact, Solid), the payload creator of Redux Toolkit's
// `createAsyncThunk` and the case reducers of its `createSlice`. The leaks themselves are those of
// test/semantics/memory.test.ts ("w.square().add(1).sum().dataSync() outside a scope leaks 3 tensors per
// iteration"; inside tf.tidy, 0).
const JSX = { parserOptions: { ecmaFeatures: { jsx: true } } };
const HOOKS = `import { useCallback } from 'react';\nexport function Pad({ xs }) {\n  const onMove = (e) => {\n    const s = TF.randomNormal([2]).sum().dataSync()[0];\n    log(s);\n  };\n  const onUp = useCallback(() => {\n    const t = TF.tensor1d(xs);\n    log(t.dataSync());\n  }, [xs]);\n  return <canvas onPointerMove={onMove} onPointerUp={onUp} onClick={() => log(TF.ones([2]).square().dataSync())} />;\n}`;
const CLASS = `class Pad extends Component {\n  onTrain() {\n    const ys = TF.oneHot(TF.tensor1d(this.labels, 'int32'), 10).toFloat();\n    this.props.train(ys);\n  }\n  render() {\n    return <button onClick={this.onTrain.bind(this)}>Train</button>;\n  }\n}\nfunction train() {\n  fit(TF.concat(samples.map((s) => s.x)).toFloat());\n}\nexport const Solid = () => <button on:click={train}>Train</button>;`;
const SLICE = `import { createAsyncThunk, createSlice } from '@reduxjs/toolkit';\nexport const evaluate = createAsyncThunk('pose/evaluate', async (batch) => {\n  const acc = TF.tensor1d(batch).square().mean().dataSync()[0];\n  return { acc };\n});\nconst slice = createSlice({\n  name: 'pose',\n  initialState: { n: 0 },\n  reducers: {\n    record(state, action) {\n      state.n = TF.tensor1d(action.payload).sum().dataSync()[0];\n    },\n    add: {\n      reducer: (state, action) => void (state.n += TF.scalar(action.payload).square().dataSync()[0]),\n      prepare: (v) => ({ payload: v }),\n    },\n  },\n});`;
const THUNKS = `const rtk = require('@reduxjs/toolkit');\nfunction toTensors(b) {\n  return { xs: TF.tensor2d(b.x), ys: TF.oneHot(TF.tensor1d(b.y, 'int32'), 10) };\n}\nfunction predictRows(rows) {\n  return TF.tensor2d(rows).sum().dataSync();\n}\nexport const predict = rtk.createAsyncThunk('m/predict', predictRows);\nexport const train = rtk.createAsyncThunk.withTypes()('m/train', async (b) => {\n  const { xs, ys } = toTensors(b);\n  await fitOn(xs, ys);\n  TF.dispose([xs, ys]);\n});`;
const wrapped = (code: string, expr: string): string => code.replace(expr, `TF.tidy(() => ${expr})`);
const COMPONENT = `export const Pad = () => <Sketch onPointerMove={() => log(TF.ones([2]).square().dataSync())} />;`;
const HOST = `import { Component, HostListener } from '@angular/core';\n@Component({ selector: 'app-pad', template: '<canvas></canvas>' })\nexport class Pad {\n  @HostListener('window:resize')\n  onResize() {\n    log(TF.ones([2]).square().dataSync());\n  }\n}`;
const STENCIL = `import { Component, Listen } from '@stencil/core';\n@Component({ tag: 'app-pad' })\nexport class Pad {\n  @Listen('scroll', { target: 'window' })\n  onScroll() {\n    log(TF.ones([2]).square().dataSync());\n  }\n}`;
const THREE = `${M}renderer.setAnimationLoop(() => {\n  draw(model.predict(frame()).argMax(-1).dataSync()[0]);\n});`;
const FIBER = `import { useFrame } from '@react-three/fiber';\n${M}export function Cloud({ points }) {\n  const onFrame = () => {\n    move(TF.matMul(points, basis).dataSync());\n  };\n  useFrame(onFrame);\n  return null;\n}`;
const COST = `const opt = TF.train.adam(0.01);\nfor (let i = 0; i < 100; i++) {\n  const cost = opt.minimize(() => loss(), true);\n  const value = cost ? cost.dataSync()[0] : NaN;\n  log(value, cost !== null && !cost.isDisposed);\n}`;
const P5_GLOBAL = `${M}function setup() {\n  createCanvas(400, 400);\n}\nfunction draw() {\n  show(model.predict(grab()).argMax(-1).dataSync()[0]);\n}\nfunction mousePressed() {\n  log(TF.ones([2]).square().dataSync());\n}`;
const P5_INSTANCE = `import p5 from 'p5';\n${M}new p5((p) => {\n  p.draw = () => {\n    show(model.predict(grab()).argMax(-1).dataSync()[0]);\n  };\n});`;
const JOBS = `import cron from 'node-cron';\nimport { Worker } from 'bullmq';\n${M}cron.schedule('0 * * * *', () => {\n  log(TF.ones([2]).square().dataSync());\n});\nfunction score(job) {\n  return model.predict(TF.tensor2d(job.data.rows)).dataSync();\n}\nnew Worker('score', score, { connection });`;
const PHASER = `import Phaser from 'phaser';\n${M}export class Play extends Phaser.Scene {\n  create() {\n    this.time.addEvent({ delay: 500, loop: true, callback: () => log(TF.ones([2]).square().dataSync()) });\n    this.time.addEvent({ delay: 500, repeat: 4, callback: () => log(TF.ones([3]).square().dataSync()) });\n  }\n  update(time, delta) {\n    show(model.predict(grab()).argMax(-1).dataSync()[0]);\n  }\n}`;
const EFFECTS = `import { effect } from '@preact/signals';\nimport { autorun, reaction } from 'mobx';\nimport { watchEffect, watch } from 'vue';\nimport { createEffect } from 'solid-js';\neffect(() => log(TF.ones([2]).square().dataSync()));\nautorun(() => log(TF.ones([3]).square().dataSync()));\nreaction(() => store.n, (n) => log(TF.ones([n]).square().dataSync()));\nwatchEffect(() => log(TF.ones([4]).square().dataSync()));\nwatch(count, (n) => log(TF.ones([n]).sum().dataSync()));\ncreateEffect(() => log(TF.ones([5]).square().dataSync()));`;
const ANGULARJS = `${M}angular.module('pm').controller('Ctrl', ['$scope', '$interval', function ($scope, $interval) {\n  $interval(function () { log(TF.ones([2]).square().dataSync()); }, 1000);\n  $scope.$watch('threshold', function (t) { log(TF.ones([t]).sum().dataSync()); });\n  $scope.$on('reading', function (e, r) { log(TF.tensor1d(r).mean().dataSync()); });\n}]);`;
const ROUTES = `import { JsonController, Post, Body } from 'routing-controllers';\nimport { Controller, Get } from '@nestjs/common';\n${M}@JsonController('/models')\nexport class Models {\n  @Post('/:id/predict')\n  predict(@Body() body) {\n    return model.predict(TF.tensor2d(body.rows)).dataSync();\n  }\n}\n@Controller('health')\nexport class Health {\n  @Get()\n  check() {\n    return TF.ones([2]).sum().dataSync()[0];\n  }\n}`;
const RESOLVERS = `${M}export const resolvers = {\n  Query: {\n    score: async (_, { rows }) => model.predict(TF.tensor2d(rows)).dataSync(),\n    health() {\n      return TF.ones([2]).sum().dataSync()[0];\n    },\n  },\n  Other: { size: () => TF.ones([2]).sum().dataSync()[0] },\n  Subscription: { scores: { subscribe: () => feed(), resolve: (v) => TF.tensor1d(v).max().dataSync()[0] } },\n};`;
const perFrame: Case[] = [
  {
    name: 'GraphQL resolvers under Query / Mutation / Subscription run per request (a type resolver is not assumed to)',
    code: RESOLVERS,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`tensor2d()`, `predict()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 4, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(RESOLVERS, 'model.predict(TF.tensor2d(rows)).dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: RESOLVERS.replace('return TF.ones([2]).sum().dataSync()[0];', 'return TF.tidy(() => TF.ones([2]).sum().dataSync()[0]);') }] },
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `max()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 10, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(RESOLVERS, 'TF.tensor1d(v).max().dataSync()[0]') }] },
    ],
  },
  {
    name: 'route decorators of routing-controllers and NestJS run the method per request',
    code: ROUTES,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`tensor2d()`, `predict()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 8, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(ROUTES, 'model.predict(TF.tensor2d(body.rows)).dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 15, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(ROUTES, 'TF.ones([2]).sum().dataSync()[0]') }] },
    ],
  },
  {
    name: "AngularJS: the injected $interval runs per tick, $scope.$watch per change, $scope.$on per event",
    code: ANGULARJS,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every timer tick' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(ANGULARJS, 'TF.ones([2]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 4, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(ANGULARJS, 'TF.ones([t]).sum().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `mean()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(ANGULARJS, 'TF.tensor1d(r).mean().dataSync()') }] },
    ],
  },
  {
    name: 'reactive effects re-run per change: @preact/signals effect, MobX autorun and reaction, Vue watchEffect and watch, Solid createEffect',
    code: EFFECTS,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([2]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([3]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 7, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([n]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 8, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([4]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 9, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([n]).sum().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 10, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(EFFECTS, 'TF.ones([5]).square().dataSync()') }] },
    ],
  },
  {
    name: "Phaser: a Scene's update() runs per frame, a looping timer event's callback per tick",
    code: PHASER,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every timer tick' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(PHASER, 'TF.ones([2]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every timer tick' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(PHASER, 'TF.ones([3]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`predict()`, `argMax()`', s: 's', leak: 'they leak', freq: 'on every frame' }, line: 9, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(PHASER, 'model.predict(grab()).argMax(-1).dataSync()[0]') }] },
    ],
  },
  {
    name: "p5.js global mode: draw() runs per frame and mousePressed() per event (next to setup())",
    code: P5_GLOBAL,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`predict()`, `argMax()`', s: 's', leak: 'they leak', freq: 'on every frame' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(P5_GLOBAL, 'model.predict(grab()).argMax(-1).dataSync()[0]') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 9, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(P5_GLOBAL, 'TF.ones([2]).square().dataSync()') }] },
    ],
  },
  {
    name: 'p5.js instance mode: p.draw of new p5((p) => …) runs per frame',
    code: P5_INSTANCE,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`predict()`, `argMax()`', s: 's', leak: 'they leak', freq: 'on every frame' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(P5_INSTANCE, 'model.predict(grab()).argMax(-1).dataSync()[0]') }] },
    ],
  },
  {
    name: "node-cron's schedule runs per tick, BullMQ's Worker processor per job (also by name)",
    code: JOBS,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every timer tick' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(JOBS, 'TF.ones([2]).square().dataSync()') }] },
      { messageId: 'intermediate', data: { ops: '`tensor2d()`, `predict()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 8, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(JOBS, 'model.predict(TF.tensor2d(job.data.rows)).dataSync()') }] },
    ],
  },
  {
    name: "three.js's renderer.setAnimationLoop runs its callback per frame",
    code: THREE,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`predict()`, `argMax()`', s: 's', leak: 'they leak', freq: 'on every frame' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(THREE, 'model.predict(frame()).argMax(-1).dataSync()[0]') }] },
    ],
  },
  {
    name: "react-three-fiber's useFrame runs its callback per frame (a named function)",
    code: FIBER,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`matMul()`', s: '', leak: 'it leaks', freq: 'on every frame' }, line: 5, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(FIBER, 'TF.matMul(points, basis).dataSync()') }] },
    ],
  },
  {
    name: 'a returned cost tested before it is read (`cost ? … : NaN`, `cost !== null`, `!cost.isDisposed`) is only read',
    code: COST,
    output: null,
    errors: [
      {
        messageId: 'bound',
        data: { name: 'cost', freq: 'on every loop iteration' },
        line: 3,
        suggestions: [{ messageId: 'disposeAfterLastUse', output: COST.replace('log(value, cost !== null && !cost.isDisposed);', 'log(value, cost !== null && !cost.isDisposed);\n  cost.dispose();') }],
      },
    ],
  },
];
const perEvent: Case[] = [
  {
    name: "a component's user-interaction prop (onPointerMove) is forwarded to an element: per event",
    code: COMPONENT,
    output: null,
    languageOptions: JSX,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 1, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(COMPONENT, 'TF.ones([2]).square().dataSync()') }] },
    ],
  },
  {
    name: 'JSX event props run per event: an inline arrow, a named handler, a useCallback handler',
    code: HOOKS,
    output: null,
    languageOptions: JSX,
    errors: [
      { messageId: 'intermediate', data: { ops: '`randomNormal()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 4, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(HOOKS, 'TF.randomNormal([2]).sum().dataSync()[0]') }] },
      { messageId: 'bound', data: { name: 't', freq: 'on every event' }, line: 8, suggestions: [{ messageId: 'disposeAfterLastUse', data: { name: 't' }, output: HOOKS.replace('log(t.dataSync());', 'log(t.dataSync());\n    t.dispose();') }] },
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 11, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(HOOKS, 'TF.ones([2]).square().dataSync()') }] },
    ],
  },
  {
    name: "JSX event props run per event: a class component's bound method, a function named in Solid's on:click",
    code: CLASS,
    output: null,
    languageOptions: JSX,
    errors: [
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `oneHot()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(CLASS, "TF.oneHot(TF.tensor1d(this.labels, 'int32'), 10).toFloat()") }] },
      { messageId: 'intermediate', data: { ops: '`concat()`', s: '', leak: 'it leaks', freq: 'on every event' }, line: 11, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(CLASS, 'TF.concat(samples.map((s) => s.x)).toFloat()') }] },
    ],
  },
  {
    name: "Redux Toolkit runs a createAsyncThunk payload creator and createSlice's case reducers per dispatch",
    code: SLICE,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `square()`, `mean()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(SLICE, 'TF.tensor1d(batch).square().mean().dataSync()[0]') }] },
      { messageId: 'intermediate', data: { ops: '`tensor1d()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 11, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(SLICE, 'TF.tensor1d(action.payload).sum().dataSync()[0]') }] },
      { messageId: 'intermediate', data: { ops: '`scalar()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 14, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(SLICE, 'TF.scalar(action.payload).square().dataSync()[0]') }] },
    ],
  },
  {
    name: 'a payload creator passed by name, one through createAsyncThunk.withTypes(), and a helper it calls (required Redux Toolkit)',
    code: THUNKS,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`tensor1d()`', s: '', leak: 'it leaks', freq: 'on every event' }, line: 3, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(THUNKS, "TF.oneHot(TF.tensor1d(b.y, 'int32'), 10)") }] },
      { messageId: 'intermediate', data: { ops: '`tensor2d()`, `sum()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(THUNKS, 'TF.tensor2d(rows).sum().dataSync()') }] },
    ],
  },
  {
    name: "Angular's @HostListener method runs per event",
    code: HOST,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(HOST, 'TF.ones([2]).square().dataSync()') }] },
    ],
  },
  {
    name: "Stencil's @Listen method runs per event",
    code: STENCIL,
    output: null,
    errors: [
      { messageId: 'intermediate', data: { ops: '`ones()`, `square()`', s: 's', leak: 'they leak', freq: 'on every event' }, line: 6, suggestions: [{ messageId: 'wrapInTidy', output: wrapped(STENCIL, 'TF.ones([2]).square().dataSync()') }] },
    ],
  },
];
const perEventValid = [
  {
    name: 'a JSX event handler whose work runs inside tf.tidy, or disposes its tensor on every path',
    code: `export const Pad = ({ xs }) => {\n  const onUp = () => {\n    const t = TF.tensor1d(xs);\n    try {\n      log(t.dataSync());\n    } finally {\n      t.dispose();\n    }\n  };\n  return <canvas onPointerUp={onUp} onClick={() => log(TF.tidy(() => TF.ones([2]).square().dataSync()))} />;\n};`,
    languageOptions: JSX,
  },
  {
    name: 'JSX props that are not events (render, ref, a named draw function) run when the framework renders, not per event',
    code: `const draw = () => log(TF.ones([2]).square().dataSync());\nexport const View = () => (\n  <Chart render={() => log(TF.ones([2]).square().dataSync())} ref={(el) => log(TF.zeros([2]).add(1).dataSync())} draw={draw} />\n);`,
    languageOptions: JSX,
  },
  {
    name: "a component's lifecycle callbacks (onReady, onLoad, onComplete) are the component's business: not counted as per event",
    code: `export const View = ({ url }) => (\n  <ModelLoader url={url} onReady={(m) => log(m.predict(TF.zeros([1, 4])).argMax(-1).dataSync())} onLoad={() => log(TF.ones([2]).square().dataSync())} onComplete={() => log(TF.ones([2]).sum().dataSync())} />\n);`,
    languageOptions: JSX,
  },
  {
    name: 'a HostListener decorator of your own (not imported from @angular/core), and an undecorated method: run once',
    code: HOST.replace("'@angular/core'", "'./decorators'") + `\nexport class Other {\n  onResize() {\n    log(TF.ones([2]).square().dataSync());\n  }\n}`,
  },
  {
    name: 'a useFrame of your own (not imported from @react-three/fiber) runs once; a tested cost disposed with `?.dispose()`',
    code: FIBER.replace("'@react-three/fiber'", "'./loop'") + `\n` + COST.replace('log(value, cost !== null && !cost.isDisposed);', 'log(value);\n  cost?.dispose();'),
  },
  {
    name: 'a tested cost may be null: `if (!cost) return` before its dispose, `if (cost) cost.dispose()` (fixtures/blind/rxjs-angular step.ts)',
    code: `const opt = TF.train.adam(0.01);\nexport function step(f) {\n  const cost = opt.minimize(f, true);\n  if (!cost) return NaN;\n  const value = cost.dataSync()[0];\n  cost.dispose();\n  return value;\n}\nfor (let i = 0; i < 9; i++) {\n  const c = opt.minimize(() => loss(), true);\n  log(c ? c.dataSync()[0] : NaN);\n  if (c) c.dispose();\n}`,
    options: [{ onlyRepeated: false }] as Options,
  },
  {
    name: "a draw() with no setup() (not a p5 sketch), a Worker of node:worker_threads, a schedule() of your own: run once",
    code: `import { Worker } from 'node:worker_threads';\nimport { schedule } from './jobs';\n${M}function draw() {\n  show(model.predict(grab()).argMax(-1).dataSync()[0]);\n}\nnew Worker('./w.js', { workerData: draw });\nschedule('0 * * * *', () => log(TF.ones([2]).square().dataSync()));`,
  },
  {
    name: "an update() of a Scene class of your own (not Phaser's), a one-shot timer event, and one whose repeat count is computed: run once",
    code: `import { Scene } from './engine';\nimport Phaser from 'phaser';\n${M}export class Play extends Scene {\n  update() {\n    show(model.predict(grab()).argMax(-1).dataSync()[0]);\n  }\n}\nexport class Boot extends Phaser.Scene {\n  create() {\n    this.time.addEvent({ delay: 500, callback: () => log(TF.ones([2]).square().dataSync()) });\n    this.time.addEvent({ delay: 500, repeat: this.rounds, callback: () => log(TF.ones([3]).square().dataSync()) });\n  }\n}`,
  },
  {
    name: 'an effect() of your own (not @preact/signals), and a watch() callback in the source position: run once',
    code: `import { effect } from './reactive';\nimport { watch } from 'vue';\neffect(() => log(TF.ones([2]).square().dataSync()));\nwatch(() => log(TF.ones([2]).sum().dataSync()), 1);`,
  },
  {
    name: "a user's own createAsyncThunk and createSlice (not Redux Toolkit's) run once",
    code: `import { createAsyncThunk } from './my-thunks';\nfunction createSlice(o) { return o; }\nexport const t = createAsyncThunk('t', async (b) => TF.tensor1d(b).sum().dataSync());\nexport const s = createSlice({ reducers: { add(state, a) { state.n = TF.tensor1d(a).sum().dataSync()[0]; } } });`,
  },
];

ruleTester.run('no-leaked-tensor', rule, {
  valid: [
    ...validAcross<Options>(valid),
    ...validAcross<Options>(strictValid, WITH_NAMESPACE),
    ...validAcross<Options>(perEventValid),
    ...validAcross<Options>(
      [
        { name: 'look-alike tf in a loop', code: `for (const s of xs) TF.tensor1d(s).square().dataSync();` },
        { name: 'look-alike tf bound in a loop', code: `for (const s of xs) { const t = TF.ones([2]); use(t.dataSync()); }` },
      ],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: [
    ...invalidAcross<MessageIds, Options>(invalid, WITH_NAMESPACE),
    // with only named imports there is no `tf.tidy` to write: the same reports, no wrap suggestion
    ...invalidAcross<MessageIds, Options>(
      invalid.map((c) => ({ ...c, errors: c.errors.map((e) => (e.suggestions ? { ...e, suggestions: e.suggestions.filter((x) => x.messageId !== 'wrapInTidy') } : e)) })),
      NAMED_ONLY,
    ),
    // `const tf = tfAll`: the first visible namespace binding is the import itself
    ...invalidAcross<MessageIds, Options>(
      invalid.map((c) => ({ ...c, errors: c.errors.map((e) => (e.suggestions ? { ...e, suggestions: e.suggestions.map((x) => ({ ...x, output: x.output.replace('TF.tidy(', 'tfAll.tidy(') })) } : e)) })),
      MEMBER_ALIAS,
    ),
    ...invalidAcross<MessageIds, Options>(strictInvalid),
    ...invalidAcross<MessageIds, Options>(layerContrast, WITH_NAMESPACE),
    ...invalidAcross<MessageIds, Options>(tidyResult, WITH_NAMESPACE),
    ...invalidAcross<MessageIds, Options>(perEvent, WITH_NAMESPACE),
    ...invalidAcross<MessageIds, Options>(perFrame, WITH_NAMESPACE),
  ],
});

// (cases with one report: applying its suggestion leaves nothing)
checkSuggestionsResolve('no-leaked-tensor', rule, invalid.filter((c) => c.errors.length === 1));
