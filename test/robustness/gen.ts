/**
 * Property-based robustness harness: a fast-check generator of tfjs programs (with the PyTorch habits the
 * rules look for, written in every import form and in odd-but-valid syntax) and `checkProgram`, which
 * asserts what must hold for EVERY program and every rule of the plugin:
 *   - no rule throws;
 *   - every suggestion's output parses;
 *   - with all fixes applied (Linter#verifyAndFix, up to ESLint's 10 passes) the output parses, linting it
 *     again does not throw and reports nothing fixable (idempotence / convergence).
 * Optionally (`lookalike`), programs whose `tf` is NOT tfjs must get zero reports.
 *
 * Used by test/robustness/fuzz.test.ts (a few hundred programs in `npm test`) and scripts/fuzz.ts
 * (`npm run fuzz`, ≥ 10,000 programs).
 */
import fc from 'fast-check';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';
import { applyForm, IMPORT_FORMS, LOOKALIKE_FORMS, type ImportForm } from '../rule-tester.js';

// ------------------------------------------------------------------------------------------ pieces

export type Kind = 'model' | 'layer' | 'tensor' | 'optimizer' | 'variable' | 'other';

/** Expressions creating values (with `TF.` placeholders). `AWAIT ` becomes `await ` where allowed. */
export const CREATORS: Record<Kind, readonly string[]> = {
  model: [
    'TF.sequential()',
    'TF.sequential({layers: [TF.layers.dense({units: 4, inputShape: [3]}), TF.layers.dropout({rate: 0.5})]})',
    'TF.model({inputs: inp, outputs: out})',
    'AWAIT TF.loadLayersModel("model.json")',
    'TF.sequential({layers: [TF.layers.conv2d({filters: 8, kernelSize: 3, inputShape: [28, 28, 1], padding: 1}), TF.layers.batchNormalization({momentum: 0.1})]})',
  ],
  layer: [
    'TF.layers.dropout({rate: 0.5})',
    'TF.layers.batchNormalization({momentum: 0.1, epsilon: 1e-5})',
    'TF.layers.batchNormalization({momentum: 0.9, axis: 1})',
    'TF.layers.conv2d({filters: 16, kernelSize: 3, padding: 1})',
    'TF.layers.conv2d({filters: 16, kernelSize: [3, 3], padding: "SAME", dataFormat: "channelsFirst"})',
    'TF.layers.conv1d({filters: 4, kernelSize: 5, padding: 2, strides: 1})',
    'TF.layers.maxPooling2d({poolSize: 2, padding: [1, 1]})',
    'TF.layers.conv2d({filters: 8, kernelSize: 3, padding: "causal"})',
    'TF.layers.dense({units: 10, trainable: false})',
    'TF.layers.depthwiseConv2d({kernelSize: 3, padding: 0})',
    'TF.layers.lstm({units: 8, returnSequences: true})',
    // no-unknown-options habits: PyTorch / Keras keys, typos, spreads, positional numbers
    'TF.layers.dropout({p: 0.5})',
    'TF.layers.conv2d({filters: 8, kernelSize: 3, stride: 2, bias: false, dilation: 2})',
    'TF.layers.maxPooling2d({kernelSize: 3, "stride": 1})',
    'TF.layers.batchNormalization({eps: 1e-5, affine: false, track_running_stats: true})',
    'TF.layers.lstm({units: 8, batch_first: true, num_layers: 2, bidirectional: true})',
    'TF.layers.dense({units: 4, activaton: "relu", in_features: 3, /* keep */ kernel_initializer: "zeros"})',
    'TF.layers.dense({...{units: 2, p: 0.1}, ...unknownCfg, inputShape: [3]})',
    'TF.layers.dropout(0.2)',
    'TF.layers.dropout(0.8, {rate: 0.8})',
    'TF.layers.concatenate(1)',
    // divergent defaults (no-divergent-defaults) and their PyTorch-named keys
    'TF.layers.leakyReLU()',
    'TF.layers.leakyReLU({negative_slope: 0.01})',
    'TF.layers.gru({units: 4})',
    'TF.layers.layerNormalization({\n  axis: -1,\n})',
    'TF.layers.embedding({inputDim: 10, outputDim: 4})',
  ],
  tensor: [
    'TF.tensor([1, 2, 3])',
    'TF.zeros([2, 3])',
    'TF.randomNormal([4, 4])',
    'TF.ones([2, 2]).mul(2)',
    'TF.tidy(() => TF.scalar(1).add(1))',
    'TF.conv2d(img, kernel, 1, 1)',
    'TF.conv2d(img, kernel, [1, 1], "SAME")',
  ],
  optimizer: [
    'TF.train.adam(0.001)',
    'TF.train.sgd(0.1)',
    'TF.train.momentum(0.01, 0.9)',
    // no-optimizer-options-object habits
    'TF.train.adam({learningRate: 0.01, betas: [0.9, 0.99]})',
    'TF.train.sgd({lr: 0.1})',
    'TF.train.rmsprop({lr: 0.01, alpha: 0.99, /* c */ weight_decay: 0})',
    'TF.train.adam(1e-3, 0.9, 0.999, 1e-8, 0.01)',
    'TF.train.sgd(0.01, 0.9)',
    'TF.train.adam()',
    'TF.train.adam(0.01,)',
  ],
  variable: ['TF.variable(TF.zeros([3]))', 'TF.variable(TF.randomNormal([2, 2]), true, "w")'],
  other: [
    'new Net()',
    'new brain.NeuralNetwork()',
    'ml5.neuralNetwork({task: "classification"})',
    'new dfd.DataFrame(rows)',
    'makeModel()',
    '{eval() {}, train() {}, training: true, trainable: true}',
    'window.model',
    // look-alikes of the option habits: not tfjs
    'optim.adam({lr: 0.1})',
    'dropout({p: 0.5})',
    'new brain.NeuralNetwork({learningRate: 0.3, hiddenLayers: [3]})',
    // look-alikes: a non-tfjs adam and a user's own lstm()
    'optim.adam({lr: 1e-3})',
    'lstm({units: 8})',
  ],
};

export interface Action {
  readonly kinds: readonly Kind[];
  /** `r` is the receiver text, `call` builds a method call in the chosen access form. */
  readonly make: (r: string, call: (recv: string, name: string, args: string) => string, write: (recv: string, prop: string, value: string) => string) => string;
}

const m = (name: string, args = '') => (r: string, call: (a: string, b: string, c: string) => string) => call(r, name, args);
export const ACTIONS: readonly Action[] = [
  // mode switches
  { kinds: ['model', 'layer', 'other'], make: m('eval') },
  { kinds: ['model', 'layer', 'other'], make: m('train') },
  { kinds: ['model', 'layer', 'other'], make: m('train', 'true') },
  { kinds: ['model', 'layer', 'other'], make: (r, _c, w) => w(r, 'training', 'false') },
  { kinds: ['model', 'other'], make: (r, _c, w) => w(r, 'isTraining', 'true') },
  // trainable writes
  { kinds: ['model', 'layer', 'other'], make: (r, _c, w) => w(r, 'trainable', 'false') },
  { kinds: ['model', 'layer'], make: (r, _c, w) => w(r, 'trainable', 'true') },
  { kinds: ['model'], make: (r, _c, w) => w(`${r}.layers[0]`, 'trainable', 'false') },
  { kinds: ['model'], make: (r) => `${r}.getLayer("dense_1").trainable = false` },
  // module api
  { kinds: ['model', 'layer', 'other'], make: m('forward', 'x') },
  { kinds: ['model', 'layer', 'other'], make: m('parameters') },
  { kinds: ['model', 'other'], make: m('state_dict') },
  { kinds: ['model', 'other'], make: m('load_state_dict', 'sd') },
  { kinds: ['model', 'layer', 'tensor', 'other'], make: m('cuda') },
  { kinds: ['model', 'tensor', 'other'], make: m('to', '"cpu"') },
  { kinds: ['model', 'layer'], make: m('children') },
  { kinds: ['model'], make: m('count_params') },
  { kinds: ['model', 'layer'], make: m('requires_grad_', 'false') },
  { kinds: ['model', 'layer'], make: (r) => `${r}(x)` },
  // compile / fit / apply
  { kinds: ['model'], make: m('compile', '{optimizer: "adam", loss: "categoricalCrossentropy", metrics: ["accuracy"]}') },
  { kinds: ['model'], make: m('compile', '{optimizer: TF.train.sgd(0.1), loss: TF.losses.softmaxCrossEntropy}') },
  { kinds: ['model'], make: m('fit', 'xs, ys, {epochs: 1, batchSize: 32}') },
  { kinds: ['model', 'other'], make: m('fit', 'xs, ys, {epochs: 1, batch_size: 32, validation_split: 0.2}') },
  { kinds: ['model', 'other'], make: m('compile', '{optimizer: "sgd", lr: 0.5, loss: "meanSquaredError"}') },
  { kinds: ['model', 'other'], make: m('predict', 'x, {batch_size: 8}') },
  { kinds: ['model', 'layer'], make: m('apply', 'x') },
  { kinds: ['model', 'layer'], make: m('apply', 'x, {training: true}') },
  { kinds: ['model'], make: m('predict', 'x') },
  { kinds: ['model'], make: m('add', 'TF.layers.dense({units: 1})') },
  { kinds: ['model'], make: m('add', 'TF.layers.conv2d({filters: 4, kernelSize: 3, padding: 1})') },
  { kinds: ['model'], make: m('add', 'TF.layers.batchNormalization({momentum: 0.1})') },
  // tensor api
  { kinds: ['tensor', 'other'], make: m('view', '-1, 4') },
  { kinds: ['tensor', 'other'], make: m('permute', '0, 2, 1') },
  { kinds: ['tensor', 'other'], make: m('unsqueeze', '0') },
  { kinds: ['tensor', 'other'], make: m('item') },
  { kinds: ['tensor', 'other'], make: m('numpy') },
  { kinds: ['tensor', 'other'], make: m('size') },
  { kinds: ['tensor', 'other'], make: m('size', '0') },
  { kinds: ['tensor', 'other'], make: m('detach') },
  { kinds: ['tensor'], make: m('float') },
  { kinds: ['tensor'], make: m('clamp', '0, 1') },
  { kinds: ['tensor'], make: m('matmul', 'w') },
  { kinds: ['tensor'], make: m('std') },
  { kinds: ['tensor'], make: m('contiguous') },
  { kinds: ['tensor'], make: m('add', '1') },
  { kinds: ['tensor'], make: m('add_', '1') },
  { kinds: ['tensor'], make: m('mul', 'w') },
  { kinds: ['tensor'], make: m('reshape', '[-1]') },
  { kinds: ['tensor'], make: m('dispose') },
  { kinds: ['tensor', 'variable'], make: m('backward') },
  { kinds: ['tensor', 'variable'], make: (r) => `console.log(${r}.grad)` },
  { kinds: ['tensor', 'variable'], make: (r, _c, w) => w(r, 'grad', 'null') },
  { kinds: ['variable'], make: m('assign', 'TF.zeros([3])') },
  // optimizer api and custom loops
  { kinds: ['optimizer', 'other'], make: m('zeroGrad') },
  { kinds: ['optimizer', 'other'], make: m('zero_grad') },
  { kinds: ['optimizer', 'other'], make: m('step') },
  { kinds: ['optimizer'], make: m('minimize', '() => TF.losses.meanSquaredError(ys, net.apply(xs))') },
  { kinds: ['optimizer'], make: m('minimize', '() => lossFn(net.predict(xs)), true') },
  { kinds: ['optimizer'], make: m('minimize', '() => TF.mean(net.apply(xs)), [w]') },
  { kinds: ['optimizer'], make: m('minimize', '() => TF.mean(net.apply(xs, {training: true})), false, [w]') },
  { kinds: ['optimizer'], make: m('minimize', '() => { const p = net.apply(xs); return TF.losses.softmaxCrossEntropy(ys, p).mean(); }') },
  { kinds: ['optimizer'], make: m('applyGradients', 'TF.variableGrads(() => lossFn(net.apply(xs))).grads') },
  // loss argument order (no-swapped-loss-arguments) and weight loading (no-divergent-defaults)
  { kinds: ['model', 'other'], make: (r) => `TF.losses.softmaxCrossEntropy(${r}.predict(x), ys)` },
  { kinds: ['model', 'other'], make: (r) => `TF.metrics.binaryCrossentropy(/* p */ ${r}.apply(x), ys)` },
  { kinds: ['model', 'other'], make: (r) => `TF.losses.meanSquaredError(${r}.predict(x), ys)` },
  { kinds: ['model', 'other'], make: m('compile', '{optimizer: "adam", loss: (pred, target) => TF.losses.logLoss(target, pred)}') },
  { kinds: ['model', 'layer', 'other'], make: m('setWeights', 'weightsFromTorch') },
  // tensor memory (no-leaked-tensor, no-async-tidy)
  { kinds: ['tensor'], make: (r) => `show(${r}.square().add(1).sum().dataSync()[0])` },
  { kinds: ['tensor'], make: (r) => `TF.tidy(() => ${r}.toFloat().div(255)).dispose()` },
  { kinds: ['tensor'], make: (r) => `TF.tidy(async () => { const p = ${r}.softmax(); return await p.data(); })` },
  { kinds: ['model'], make: (r) => `show(${r}.predict(x).arraySync())` },
  { kinds: ['optimizer'], make: m('minimize', 'async () => lossFn(await batch())') },
];

/** Method-call access forms: odd but valid ways to write `recv.name(args)`. */
const CALL_FORMS: readonly { name: string; ts?: boolean; make: (r: string, n: string, a: string) => string }[] = [
  { name: 'dot', make: (r, n, a) => `${r}.${n}(${a})` },
  { name: 'optional member', make: (r, n, a) => `${r}?.${n}(${a})` },
  { name: 'optional call', make: (r, n, a) => `${r}.${n}?.(${a})` },
  { name: 'computed string', make: (r, n, a) => `${r}['${n}'](${a})` },
  { name: 'computed template', make: (r, n, a) => `${r}[\`${n}\`](${a})` },
  { name: 'parenthesised receiver', make: (r, n, a) => `(${r}).${n}(${a})` },
  { name: 'comments inside', make: (r, n, a) => `${r} /* a */ . /* b */ ${n}( /* c */ ${a} /* d */)` },
  { name: 'line break before dot', make: (r, n, a) => `${r}\n    .${n}(${a})` },
  { name: 'unicode escape in name', make: (r, n, a) => `${r}.\\u{${n.codePointAt(0)!.toString(16)}}${n.slice(1)}(${a})` },
  { name: 'spread args', make: (r, n, a) => `${r}.${n}(...[${a}])` },
  { name: 'TS as any', ts: true, make: (r, n, a) => `(${r} as any).${n}(${a})` },
  { name: 'TS non-null', ts: true, make: (r, n, a) => `${r}!.${n}(${a})` },
  { name: 'TS satisfies', ts: true, make: (r, n, a) => `(${r} satisfies unknown as any).${n}(${a})` },
];

const WRITE_FORMS: readonly { name: string; ts?: boolean; make: (r: string, p: string, v: string) => string }[] = [
  { name: 'dot', make: (r, p, v) => `${r}.${p} = ${v}` },
  { name: 'computed', make: (r, p, v) => `${r}['${p}'] = ${v}` },
  { name: 'parenthesised', make: (r, p, v) => `(${r}).${p} = ${v}` },
  { name: 'comment', make: (r, p, v) => `${r}./* x */${p} = /* y */ ${v}` },
  { name: 'compound', make: (r, p, v) => `${r}.${p} ||= ${v}` },
  { name: 'TS non-null', ts: true, make: (r, p, v) => `${r}!.${p} = ${v}` },
];

interface Snippet {
  kind: Kind;
  creator: string;
  /** Indices into the actions applicable to `kind`. */
  actions: number[];
  /** How the value is held: a local, a class field, an inline receiver, destructuring, ... */
  holder: number;
  wrapper: number;
  semicolons: boolean;
  comment: boolean;
  declKw: 'const' | 'let' | 'var';
}

// ------------------------------------------------------------------------------------------ rendering

export interface Ctx {
  ts: boolean;
  id: number;
}

/** Wrappers: turn a list of statements (using `await` only where marked) into a program fragment. */
export const WRAPPERS: readonly { name: string; async: boolean; ts?: boolean; make: (body: string[], c: Ctx) => string[] }[] = [
  { name: 'top level', async: true, make: (b) => b },
  { name: 'block', async: true, make: (b) => ['{', ...b.map(indent), '}'] },
  { name: 'async function', async: true, make: (b, c) => [`async function run${c.id}(x, xs, ys) {`, ...b.map(indent), '}'] },
  { name: 'plain function', async: false, make: (b, c) => [`function build${c.id}() {`, ...b.map(indent), '  return null;', '}'] },
  { name: 'async arrow', async: true, make: (b, c) => [`export const go${c.id} = async () => {`, ...b.map(indent), '};'] },
  { name: 'generator', async: false, make: (b, c) => [`function* steps${c.id}() {`, ...b.map(indent), '  yield 1;', '  yield* [2, 3];', '}'] },
  { name: 'async generator', async: true, make: (b, c) => [`async function* stream${c.id}() {`, ...b.map(indent), '  for await (const batch of ds) yield batch;', '}'] },
  {
    name: 'if without braces',
    async: true,
    // declarations cannot be the body of an `if`: keep them before it
    make: (b) => b.map((s) => (/^;?(const|let|var|class|function)\b/.test(s) ? s : `if (ready) ${s}`)),
  },
  { name: 'if/else', async: true, make: (b) => ['if (flag) {', ...b.map(indent), '} else {', '  log("no");', '}'] },
  { name: 'for loop', async: true, make: (b) => ['for (let epoch = 0; epoch < 10; epoch++) {', ...b.map(indent), '}'] },
  { name: 'for..of', async: true, make: (b) => ['for (const [i, batch] of batches.entries()) {', ...b.map(indent), '}'] },
  { name: 'while with label', async: true, make: (b) => ['outer: while (running) {', ...b.map(indent), '  break outer;', '}'] },
  { name: 'try/catch/finally', async: true, make: (b) => ['try {', ...b.map(indent), '} catch {', '  // optional catch binding', '} finally {', '  done = true;', '}'] },
  { name: 'switch', async: true, make: (b) => ['switch (phase) {', '  case "train":', ...b.map((s) => `    ${s}`), '    break;', '  default:', '}'] },
  { name: 'IIFE', async: false, make: (b) => [';(function () {', ...b.map(indent), '})();'] },
  { name: 'async IIFE', async: true, make: (b) => [';(async () => {', ...b.map(indent), '})();'] },
  { name: 'class static block', async: false, make: (b, c) => [`class Holder${c.id} {`, '  static {', ...b.map((s) => `    ${s}`), '  }', '}'] },
  { name: 'callback', async: false, make: (b) => ['button.addEventListener("click", function onClick(ev) {', ...b.map(indent), '});'] },
  { name: 'then callback', async: false, make: (b) => ['fetchData().then((data) => {', ...b.map(indent), '});'] },
  { name: 'animation frame', async: false, make: (b, c) => [`function frame${c.id}() {`, ...b.map(indent), `  requestAnimationFrame(frame${c.id});`, '}'] },
  { name: 'fit callback', async: true, make: (b, c) => [`callbacks.onBatchEnd = 0; const cbs${c.id} = { onEpochEnd: async (epoch, logs) => {`, ...b.map(indent), '} };'] },
  { name: 'TS namespace', async: false, ts: true, make: (b, c) => [`namespace Ns${c.id} {`, ...b.map(indent), '}'] },
];

export function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export function term(s: string, semicolons: boolean): string {
  // guard lines that would join with the previous one (ASI hazards): snippets of both styles are
  // mixed in one program, so a `(`-line after a snippet without semicolons needs the guard too
  const guarded = /^[([`+\-/]/.test(s) ? `;${s}` : s;
  return semicolons ? `${guarded};` : guarded;
}

export function awaitIn(s: string, isAsync: boolean): string {
  return s.replace(/AWAIT /g, isAsync ? 'await ' : '');
}

/**
 * The actions `indices` (into the actions applicable to `kind`) rendered once with the placeholder receiver
 * `$R`, each in an access form picked by `pick`, so that every holder of the value uses the same forms.
 * Shared with the multi-module generator (modules-gen.ts).
 */
export function actionTemplates(kind: Kind, indices: readonly number[], ts: boolean, pick: (n: number) => number): string[] {
  const callForms = CALL_FORMS.filter((f) => ts || !f.ts);
  const writeForms = WRITE_FORMS.filter((f) => ts || !f.ts);
  const call = (r: string, n: string, a: string) => callForms[pick(callForms.length)]!.make(r, n, a);
  const write = (r: string, p: string, v: string) => writeForms[pick(writeForms.length)]!.make(r, p, v);
  const applicable = ACTIONS.filter((a) => a.kinds.includes(kind));
  return indices.map((i) => applicable[i % applicable.length]!.make('$R', call, write));
}

/** How many actions apply to `kind` (the range of `actionTemplates`' indices). */
export function actionCount(kind: Kind): number {
  return ACTIONS.filter((a) => a.kinds.includes(kind)).length;
}

function renderSnippet(s: Snippet, c: Ctx, pick: (n: number) => number): string[] {
  const wrappers = WRAPPERS.filter((w) => c.ts || !w.ts);
  const wrapper = wrappers[s.wrapper % wrappers.length]!;
  const templates = actionTemplates(s.kind, s.actions, c.ts, pick);
  const name = `${s.kind === 'other' ? 'thing' : s.kind}${c.id}`;
  const creator = awaitIn(s.creator, wrapper.async);
  const annotation = c.ts && s.kind === 'model' && !creator.includes('loadLayersModel') && pick(2) === 0 ? ': TF.LayersModel' : '';
  const actions = (recv: string) => templates.map((a) => awaitIn(a, wrapper.async).split('$R').join(recv));
  const syncActions = (recv: string) => templates.map((a) => awaitIn(a, false).split('$R').join(recv));
  const cm = s.comment ? ' // keep this comment' : '';
  let body: string[];
  switch (s.holder % 15) {
    case 0: // a local
      body = [term(`${s.declKw} ${name}${annotation} = ${creator}`, s.semicolons), ...actions(name).map((a) => term(a, s.semicolons) + cm)];
      break;
    case 1: // a class field set in the constructor, used from a method
      return [
        `class Trainer${c.id} {`,
        c.ts ? `  private ${name}${annotation ? annotation : ': any'};` : '',
        `  constructor() { this.${name} = ${awaitIn(s.creator, false)}; }`,
        `  ${wrapper.async ? 'async ' : ''}step(x, xs, ys) {`,
        ...actions(`this.${name}`).map((a) => `    ${term(a, s.semicolons)}${cm}`),
        '  }',
        '}',
      ].filter(Boolean);
    case 2: // a class property initializer and a private field
      return [
        `class Agent${c.id} {`,
        `  #${name} = ${awaitIn(s.creator, false)};`,
        `  ${name} = this.#${name};`,
        `  act() {`,
        ...actions(`this.${name}`).map((a) => `    ${term(a, s.semicolons)}${cm}`),
        ...actions(`this.#${name}`).map((a) => `    ${term(a, s.semicolons)}`),
        '  }',
        '}',
      ];
    case 3: // inline receiver
      body = actions(`(${creator})`).map((a) => term(a, s.semicolons) + cm);
      break;
    case 4: // destructuring and defaults
      body = [
        term(`const { ${name} = ${creator} } = opts${c.id}`, s.semicolons),
        term(`const [${name}b] = [${creator}]`, s.semicolons),
        ...actions(name).map((a) => term(a, s.semicolons)),
        ...actions(`${name}b`).map((a) => term(a, s.semicolons)),
      ];
      break;
    case 5: // a same-file builder function
      return [
        `function make${c.id}() {`,
        `  return ${awaitIn(s.creator, false)};`,
        '}',
        ...wrapper.make([term(`let ${name} = make${c.id}()`, s.semicolons), ...actions(name).map((a) => term(a, s.semicolons) + cm)], c),
      ];
    case 6: // a parameter (unknown unless annotated in TS)
      return [
        `function use${c.id}(${name}${c.ts ? (annotation || ': any') : ''}, x, xs, ys) {`,
        ...actions(name).map((a) => `  ${term(a, s.semicolons)}${cm}`),
        '}',
      ];
    case 7: // reassigned let, sequence and logical assignment
      body = [
        term(`let ${name} = null`, s.semicolons),
        term(`${name} ??= ${creator}`, s.semicolons),
        term(`${name} = ${creator}`, s.semicolons),
        ...actions(name).map((a) => term(a, s.semicolons)),
        term(`void (0, ${name})`, s.semicolons),
      ];
      break;
    case 9: // a wrapper class instance: this.critic = new Critic(), used as this.critic.<field> and agent.critic.<field>
      return [
        `class Critic${c.id} {`,
        `  constructor() { this.net = ${awaitIn(s.creator, false)}; }`,
        '}',
        `class Owner${c.id} {`,
        `  constructor() { this.critic = new Critic${c.id}(); }`,
        `  ${wrapper.async ? 'async ' : ''}step(x, xs, ys) {`,
        ...actions(`this.critic.net`).map((a) => `    ${term(a, s.semicolons)}${cm}`),
        '  }',
        '}',
        term(`const owner${c.id} = new Owner${c.id}()`, s.semicolons),
        ...syncActions(`owner${c.id}.critic.net`).map((a) => term(a, s.semicolons)),
      ];
    case 10: // a builder returning an object, destructured, with a method using the value
      return [
        `function parts${c.id}() {`,
        `  const ${name} = ${awaitIn(s.creator, false)};`,
        `  return { ${name}, use(x, xs, ys) { ${syncActions(name).map((a) => term(a, true)).join(' ')} } };`,
        '}',
        term(`const { ${name}: held${c.id} } = parts${c.id}()`, s.semicolons),
        ...syncActions(`held${c.id}`).map((a) => term(a, s.semicolons)),
        term(`parts${c.id}().use(x, xs, ys)`, s.semicolons),
      ];
    case 11: // an array of values: index, for…of, forEach
      body = [
        term(`const ${name}s = [${creator}, ${creator}]`, s.semicolons),
        ...actions(`${name}s[0]`).map((a) => term(a, s.semicolons)),
        `for (const each${c.id} of ${name}s) { ${actions(`each${c.id}`).map((a) => term(a, true)).join(' ')} }`,
        term(`${name}s.forEach((one${c.id}) => { ${syncActions(`one${c.id}`).map((a) => term(a, true)).join(' ')} })`, s.semicolons),
      ];
      break;
    case 12: // an untyped parameter with a same-file call site (and one through .call)
      return [
        `function with${c.id}(${name}, x, xs, ys) {`,
        ...syncActions(name).map((a) => `  ${term(a, s.semicolons)}${cm}`),
        '}',
        ...wrapper.make([term(`with${c.id}(${creator}, x, xs, ys)`, s.semicolons), term(`with${c.id}.call(null, ${creator}, x, xs, ys)`, s.semicolons)], c),
      ];
    case 13: // writes in two branches, a ternary, var redeclared
      body = [
        term(`let ${name}`, s.semicolons),
        `if (x) ${term(`${name} = ${creator}`, true)} else ${term(`${name} = ${creator}`, true)}`,
        term(`const ${name}t = x instanceof TF.LayersModel ? x : ${name}`, s.semicolons),
        ...actions(name).map((a) => term(a, s.semicolons)),
        ...actions(`${name}t`).map((a) => term(a, s.semicolons)),
      ];
      break;
    case 14: // set from outside its holder: an instance's field, and a property of an empty object literal
      return [
        `class Slot${c.id} {`,
        c.ts ? `  ${name}: any;` : '',
        `  constructor() { this.${name} = null; }`,
        `  ${wrapper.async ? 'async ' : ''}step(x, xs, ys) {`,
        ...actions(`this.${name}`).map((a) => `    ${term(a, s.semicolons)}${cm}`),
        '  }',
        '}',
        term(`const slot${c.id} = new Slot${c.id}()`, s.semicolons),
        term(`slot${c.id}.${name} = ${awaitIn(s.creator, false)}`, s.semicolons),
        term(`const bag${c.id}${c.ts ? ': any' : ''} = {}`, s.semicolons),
        term(`bag${c.id}.${name} = ${awaitIn(s.creator, false)}`, s.semicolons),
        ...syncActions(`bag${c.id}.${name}`).map((a) => term(a, s.semicolons)),
      ].filter(Boolean);
    default: // an ES5 __awaiter/__generator state machine (compiled TS, as in the corpus dist code)
      return [
        `function load${c.id}() {`,
        '  return __awaiter(this, void 0, void 0, function () {',
        `    var ${name}, _b;`,
        '    return __generator(this, function (_a) {',
        '      switch (_a.label) {',
        `        case 0: return [4 /*yield*/, ${awaitIn(s.creator, false)}];`,
        '        case 1:',
        `          ${name} = _a.sent();`,
        ...actions(name).map((a) => `          ${term(a, true)}`),
        '          return [2 /*return*/];',
        '      }',
        '    });',
        '  });',
        '}',
      ];
  }
  return wrapper.make(body, c);
}

/** Extra top-of-file and bottom-of-file noise: odd-but-valid syntax the rules must walk past. */
const NOISE: readonly { ts?: boolean; code: string }[] = [
  { code: '#!/usr/bin/env node' },
  { code: '"use strict";' },
  { code: 'const big = 1_000_000n, re = /(?<year>\\d{4})/u, t = tag`a${1}b`;' },
  { code: 'label: { break label; }' },
  { code: 'const o = { [Symbol.iterator]: function* () { yield 1; }, get eval() { return 1; }, set train(v) {}, async *gen() {} };' },
  { code: 'class Net { eval() { return this; } train(mode = true) { this.training = mode; return this; } forward(x) { return x; } }' },
  { code: 'class Weird { static #p = 1; static { Weird.#p++; } #eval() {} ["train"]() { this.#eval(); } }' },
  { code: 'const fn = function () { return new.target; };' },
  { code: 'export default class extends Object {}' },
  { code: 'const exported = 1;\nexport { exported as "string name" };' },
  { code: 'const arrow = async ({ model, layers: [first] = [] }, ...rest) => model?.layers?.[0]?.apply?.(first);' },
  { code: 'const ŝtrange = { ẽval: () => 1 }; ŝtrange.ẽval();' },
  { code: 'a ||= b; a &&= c; a ??= d; x = y ** 2;' },
  { code: 'if (a) ; else ;' },
  { code: 'do x++; while (x < 3)' },
  { code: 'const nested = ((((((((((1))))))))));' },
  { code: 'const { padding = 1, momentum = 0.1 } = cfg;' },
  { code: 'const cfgObj = { padding: 1, momentum: 0.1, dataFormat: "channelsFirst", trainable: false };' },
  { code: 'function dropout(cfg) { return cfg; }\ndropout({p: 0.5});\nconst optCfg = {lr: 0.1, weight_decay: 1e-4};' },
  { code: '// port of nn.LSTM + nn.LeakyReLU from model.pth' },
  { code: 'const CKPT = "weights/encoder.pt";' },
  { code: 'function crit(pred, target) { return pred.sub(target); }' },
  { ts: true, code: 'type Shape = [number, ...number[]];\ninterface Cfg { padding?: number; eval(): void }' },
  { ts: true, code: 'enum Mode { Train, Eval }\ndeclare const maybe: Mode | undefined;' },
  { ts: true, code: 'abstract class Base<T extends object = {}> { abstract eval(): T; protected constructor(private readonly m?: unknown) {} }' },
  { ts: true, code: 'function assertIs(x: unknown): asserts x is string {}\nlet definite!: number;' },
  { ts: true, code: 'const gen = <T,>(x: T) => x;\nexport type { Shape as S2 };' },
];

export interface GenProgram {
  readonly code: string;
  readonly ts: boolean;
  readonly form: string;
  readonly lookalike: boolean;
  readonly settings?: Record<string, unknown>;
}

const snippetArb = (kind: Kind): fc.Arbitrary<Snippet> => {
  const actions = ACTIONS.filter((a) => a.kinds.includes(kind));
  return fc.record({
    kind: fc.constant(kind),
    creator: fc.constantFrom(...CREATORS[kind]),
    actions: fc.array(fc.nat(actions.length - 1), { minLength: 1, maxLength: 3 }),
    holder: fc.nat(14),
    wrapper: fc.nat(WRAPPERS.length - 1),
    semicolons: fc.boolean(),
    comment: fc.boolean(),
    declKw: fc.constantFrom('const' as const, 'let' as const, 'var' as const),
  });
};

/** A whole program: an import form, some noise, and 1–6 snippets. */
export function programArb(options: { lookalike?: boolean } = {}): fc.Arbitrary<GenProgram> {
  const forms = options.lookalike ? LOOKALIKE_FORMS : IMPORT_FORMS;
  const kinds: Kind[] = ['model', 'layer', 'tensor', 'optimizer', 'variable', 'other'];
  return fc
    .record({
      ts: fc.boolean(),
      form: fc.nat(forms.length - 1),
      snippets: fc.array(
        fc.constantFrom(...kinds).chain((k) => snippetArb(k)),
        { minLength: 1, maxLength: 6 },
      ),
      noiseTop: fc.subarray(NOISE.map((_, i) => i), { maxLength: 3 }),
      noiseBottom: fc.subarray(NOISE.map((_, i) => i), { maxLength: 2 }),
      seed: fc.array(fc.nat(1000), { minLength: 64, maxLength: 64 }),
    })
    .map(({ ts, form: formIndex, snippets, noiseTop, noiseBottom, seed }) => {
      let k = 0;
      const pick = (n: number) => seed[k++ % seed.length]! % n;
      let form: ImportForm = forms[formIndex]!;
      if (form.tsOnly && !ts) form = forms[0]!;
      const lines: string[] = [];
      const top = noiseTop.map((i) => NOISE[i]!).filter((n) => ts || !n.ts);
      // a hashbang must be the very first line, before the import header: keep it out of generated bodies
      for (const n of top) if (!n.code.startsWith('#!')) lines.push(n.code);
      snippets.forEach((s, id) => lines.push(...renderSnippet(s, { ts, id }, pick)));
      for (const i of noiseBottom) {
        if (noiseTop.includes(i)) continue; // no duplicate declarations
        const n = NOISE[i]!;
        if ((ts || !n.ts) && !n.code.startsWith('#!') && !n.code.startsWith('export default')) lines.push(n.code);
      }
      const applied = applyForm(form, lines.join('\n'));
      const hashbang = top.some((n) => n.code.startsWith('#!')) ? '#!/usr/bin/env node\n' : '';
      return {
        code: hashbang + applied.code + '\n',
        ts,
        form: form.name,
        lookalike: !!options.lookalike,
        ...(applied.settings ? { settings: applied.settings } : {}),
      };
    });
}

// ------------------------------------------------------------------------------------------ checking

export const allRules = (plugin.configs.all as { rules: Record<string, 'error'> }).rules;

/** The flat config for one generated file (every rule in `rules`); `sourceType` defaults to 'module'. */
export function config(
  prog: { ts: boolean; settings?: Record<string, unknown>; sourceType?: 'module' | 'commonjs' },
  rules: Record<string, unknown>,
): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { torch2tf: plugin as never },
      languageOptions: prog.ts
        ? { parser: tsParser as never, sourceType: prog.sourceType ?? 'module' }
        : { ecmaVersion: 'latest', sourceType: prog.sourceType ?? 'module' },
      settings: prog.settings ?? {},
      rules: rules as Linter.RulesRecord,
    },
  ];
}

export interface CheckStats {
  programs: number;
  reports: number;
  fixed: number;
  suggestions: number;
  byRule: Record<string, number>;
}

export function newStats(): CheckStats {
  return { programs: 0, reports: 0, fixed: 0, suggestions: 0, byRule: {} };
}

/** A violated property. `signature` groups failures with the same cause (rule + what went wrong). */
export class PropertyFailure extends Error {
  constructor(
    message: string,
    readonly signature: string,
  ) {
    super(message);
  }
}

/** One file to check: its text, the filename it is linted as, and how it is parsed. */
export interface CheckedFile {
  readonly code: string;
  readonly filename: string;
  readonly ts: boolean;
  readonly sourceType?: 'module' | 'commonjs';
  readonly settings?: Record<string, unknown>;
  /** Nothing may be reported in this file. */
  readonly lookalike: boolean;
  /** How the failure message names the program (`TS, form: named imports`). */
  readonly label: string;
  /** Shown after the file in a failure message (the other files of a multi-module project). */
  readonly context?: string;
}

/**
 * Checks one program against every rule. Throws PropertyFailure with a readable explanation (and the
 * program) when a property is violated.
 */
export function checkProgram(linter: Linter, prog: GenProgram, stats: CheckStats = newStats()): void {
  checkFile(
    linter,
    { code: prog.code, filename: prog.ts ? 'fuzz.ts' : 'fuzz.js', ts: prog.ts, lookalike: prog.lookalike, label: `${prog.ts ? 'TS' : 'JS'}, form: ${prog.form}`, ...(prog.settings ? { settings: prog.settings } : {}) },
    stats,
  );
  stats.programs++;
}

/**
 * The properties of checkProgram on one file (no rule throws, suggestions parse, fixes parse and converge,
 * nothing reported when `lookalike`). Returns the file's messages; does not count a program in `stats`.
 */
export function checkFile(linter: Linter, prog: CheckedFile, stats: CheckStats = newStats()): Linter.LintMessage[] {
  const filename = prog.filename;
  const fail = (what: string, extra = '', signature = what): never => {
    throw new PropertyFailure(
      `${what}\n--- program (${prog.label}) ---\n${prog.code}${prog.context ? `\n${prog.context}` : ''}${extra ? `\n--- detail ---\n${extra}` : ''}`,
      signature,
    );
  };
  const parseError = (code: string): string | null => {
    const fatal = linter.verify(code, config(prog, {}), { filename }).find((x) => x.fatal);
    return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
  };
  const rules = config(prog, allRules);
  let messages: Linter.LintMessage[] = [];
  try {
    messages = linter.verify(prog.code, rules, { filename });
  } catch (e) {
    const err = e as Error & { ruleId?: string };
    fail(`a rule threw: ${err.message}`, err.stack, `crash ${err.ruleId} ${err.message.split('\n')[0]}`);
  }
  const fatal = messages.find((x) => x.fatal);
  if (fatal) fail(`generator bug: the generated program does not parse (${fatal.line}:${fatal.column} ${fatal.message})`, '', 'generator bug');
  const unexpected = messages.filter((x) => !x.ruleId?.startsWith('torch2tf/'));
  if (unexpected.length) fail(`unexpected non-rule message: ${unexpected[0]!.message}`);
  stats.reports += messages.length;
  for (const x of messages) stats.byRule[x.ruleId!] = (stats.byRule[x.ruleId!] ?? 0) + 1;
  if (prog.lookalike && messages.length > 0) {
    fail(
      `false positive: ${messages[0]!.ruleId} reported in a program where tf is not tfjs (${prog.label})`,
      messages.map((x) => `${x.line}:${x.column} ${x.ruleId}: ${x.message}`).join('\n'),
      `false positive ${messages[0]!.ruleId} ${messages[0]!.messageId}`,
    );
  }

  for (const x of messages) {
    for (const s of x.suggestions ?? []) {
      stats.suggestions++;
      const out = prog.code.slice(0, s.fix.range[0]) + s.fix.text + prog.code.slice(s.fix.range[1]);
      const err = parseError(out);
      if (err) fail(`suggestion "${s.desc}" of ${x.ruleId} (line ${x.line}) produces code that does not parse: ${err}`, out, `suggestion ${x.ruleId} ${x.messageId} ${s.messageId ?? s.desc}`);
    }
  }

  if (messages.some((x) => x.fix)) {
    stats.fixed++;
    let fixed: Linter.FixReport;
    try {
      fixed = linter.verifyAndFix(prog.code, rules, { filename });
    } catch (e) {
      const er = e as Error & { ruleId?: string };
      return fail(`a rule threw while fixing: ${er.message}`, er.stack, `crash while fixing ${er.ruleId}`);
    }
    const err = parseError(fixed.output);
    if (err) {
      const fixers = [...new Set(messages.filter((x) => x.fix).map((x) => `${x.ruleId} ${x.messageId}`))].join(', ');
      fail(`the fixed output does not parse: ${err} (fixes from: ${fixers})`, fixed.output, `fix does not parse (${fixers})`);
    }
    let again: Linter.LintMessage[] = [];
    try {
      again = linter.verify(fixed.output, rules, { filename });
    } catch (e) {
      const er = e as Error & { ruleId?: string };
      fail(`a rule threw on the fixed output: ${er.message}`, `${fixed.output}\n${er.stack}`, `crash on fixed output ${er.ruleId}`);
    }
    const fixable = again.filter((x) => x.fix);
    if (fixable.length) {
      fail(
        `not idempotent: after verifyAndFix (${fixed.fixed ? 'fixed' : 'not fixed'}), ${fixable.length} fixable report(s) remain: ${fixable.map((x) => `${x.ruleId} ${x.line}:${x.column}`).join(', ')}`,
        fixed.output,
        `not idempotent ${[...new Set(fixable.map((x) => `${x.ruleId} ${x.messageId}`))].join(', ')}`,
      );
    }
  }
  return messages;
}

export { Linter };
