/**
 * The multi-module fuzz (issue 9): a fast-check generator of small projects on disk (2–4 files) where a tfjs
 * value crosses a module boundary, in the shapes the engine follows (src/engine/modules.ts,
 * module-resolve.ts; user-facing list in docs/modules.md):
 *   - value     an exported model / layer / tensor / optimizer / variable value (`export const`, `export { x as y }`,
 *               `module.exports = { … }`, `exports.x = …`);
 *               every named export may also be imported as a member of the module object
 *               (`import * as mineModule`, `const mineModule = require()`);
 *   - factory   an exported function returning the value (`export function`, arrow, `export { build as make }`);
 *   - default   `export default <value>`, `export default function`, `module.exports = …`;
 *   - class     an exported class whose constructor builds the value (`this.net = …`), used as `new C().net`;
 *   - parameter an exported function whose parameter gets its provenance from the importer's call
 *               (`use(this.model, x, xs, ys)`), the actions being in the exported function;
 *   - helper    an exported helper (`forward(net, xs)`) called inside the importer's training step, the model
 *               built locally or by an imported factory (a third file);
 *   - wrapper   a local wrapper module named in `settings.torch2tf.modules` (`./tf`: re-exports tfjs and
 *               defines its own value or factory);
 *   - injected  an exported class that stores its constructor's parameter (`this.net = net`), built by the
 *               importer as `new Holder(<value>)` and used as `.net`;
 *   - chain     an exported class whose field holds an instance of a class from a third module
 *               (`this.inner = new Holder()`, Holder building the value), used as `new Outer().inner.net`;
 * optionally through a barrel (`lib/index`: `export * from`, `export { x as y } from`, CommonJS
 * `module.exports = { ...require() }`), imported with and without the `.js` extension and through `./lib`
 * (an index file), in ES modules, CommonJS (`require`) and TypeScript. The importer uses the value with the
 * same ACTIONS, access forms and wrappers as the single-file generator (gen.ts), held directly, in a local, or
 * in a field of its own class.
 *
 * Look-alike projects have the same shapes with a value from a non-tfjs library (brain.js, ml5, a user's own
 * class with predict/train/eval/apply/dispose, a numeric library's `minimize`, mathjs / ml-matrix), the
 * module still importing tfjs for something else (so the engine's gate opens and it must look at the value):
 * nothing may be reported in any file.
 *
 * `checkProject` writes each project to a fresh directory (the engine caches modules by path + mtime),
 * checks every file with gen.ts's `checkFile` (no throw, suggestions parse, fixes parse and converge,
 * zero reports for look-alikes), and counts the reports that exist only because the other modules are on
 * disk (the same file linted from a directory where its imports do not exist reports fewer): the evidence
 * that the generator exercises the cross-module engine.
 *
 * Used by test/robustness/modules-fuzz.test.ts and `npm run fuzz -- --modules N` (scripts/fuzz.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { Linter } from 'eslint';
import { applyForm, IMPORT_FORMS, LOOKALIKE_FORMS, type ImportForm } from '../rule-tester.js';
import {
  actionCount,
  actionTemplates,
  allRules,
  checkFile,
  config,
  CREATORS,
  indent,
  newStats,
  term,
  WRAPPERS,
  type CheckedFile,
  type CheckStats,
  type Kind,
} from './gen.js';

export type Lang = 'esm' | 'cjs' | 'ts';

export const SHAPES = ['value', 'factory', 'default', 'class', 'parameter', 'helper', 'wrapper', 'injected', 'chain'] as const;
export type Shape = (typeof SHAPES)[number];

export interface ProjectFile {
  /** Relative to the project directory. */
  readonly path: string;
  readonly code: string;
}

export interface GenProject {
  readonly lang: Lang;
  readonly shape: Shape;
  readonly lookalike: boolean;
  readonly files: readonly ProjectFile[];
  /** The file that imports the value (the last of `files`). */
  readonly importer: string;
  readonly settings: Record<string, unknown>;
  /** Import forms of tfjs in the module and the importer, for the failure message. */
  readonly forms: string;
}

// ------------------------------------------------------------------------------------------ pieces

const ns = (name: string): string => `tf.${name}`;

/** How a file of this language brings `TF.` into scope (tfjs, or for look-alikes something else). */
function formsFor(lang: Lang, lookalike: boolean): readonly ImportForm[] {
  const notWrapper = (f: ImportForm) => !(f.settings as { torch2tf?: { modules?: unknown } } | undefined)?.torch2tf?.modules;
  if (lang === 'cjs') {
    if (lookalike) {
      return [
        { name: 'brain.js require', header: () => `const tf = require('brain.js');`, ref: ns },
        { name: 'undeclared global tf without settings', header: () => '', ref: ns },
        { name: 'local object shadowing tf', header: () => `const tfjs = require('@tensorflow/tfjs');\nconst tf = makeFakeTf(tfjs.version);`, ref: ns },
      ];
    }
    // import declarations do not parse in CommonJS
    return IMPORT_FORMS.filter((f) => notWrapper(f) && !f.tsOnly && !/\bimport\b/.test(f.header(['x'])));
  }
  if (lookalike) return LOOKALIKE_FORMS;
  return IMPORT_FORMS.filter((f) => notWrapper(f) && (lang === 'ts' || !f.tsOnly));
}

/** Values of look-alike libraries, with what they need in scope. */
const FAKES: readonly { esm?: string; cjs?: string; decl?: string; expr: string }[] = [
  { esm: `import brain from 'brain.js';`, cjs: `const brain = require('brain.js');`, expr: 'new brain.NeuralNetwork({ hiddenLayers: [3] })' },
  { esm: `import ml5 from 'ml5';`, cjs: `const ml5 = require('ml5');`, expr: 'ml5.neuralNetwork({ task: "classification", debug: true })' },
  {
    decl: [
      'class TinyNet {',
      '  constructor() { this.training = true; this.trainable = true; this.layers = [{ trainable: true }]; this.grad = null; }',
      '  predict(x) { return x; }',
      '  apply(x) { return x; }',
      '  train(mode = true) { this.training = mode; return this; }',
      '  eval() { return this.train(false); }',
      '  dispose() {}',
      '  forward(x) { return x; }',
      '}',
    ].join('\n'),
    expr: 'new TinyNet()',
  },
  { esm: `import { minimize } from 'numeric-optim';`, cjs: `const { minimize } = require('numeric-optim');`, expr: '{ minimize, step() {}, zeroGrad() {}, zero_grad() {} }' },
  { esm: `import * as math from 'mathjs';`, cjs: `const math = require('mathjs');`, expr: 'math.matrix([[1, 2], [3, 4]])' },
  { esm: `import { Matrix } from 'ml-matrix';`, cjs: `const { Matrix } = require('ml-matrix');`, expr: 'new Matrix(2, 2)' },
];

/** A look-alike module still imports tfjs for something else: the engine's gate opens on it. */
function gateOpener(lang: Lang): string[] {
  return lang === 'cjs'
    ? [`const tfjsReal = require('@tensorflow/tfjs');`, 'const backendName = () => tfjsReal.getBackend();']
    : [`import * as tfjsReal from '@tensorflow/tfjs';`, 'export const backendName = () => tfjsReal.getBackend();'];
}

interface Choice {
  lang: Lang;
  lookalike: boolean;
  shape: number;
  kind: Kind;
  creator: number;
  fake: number;
  actions: number[];
  barrel: number;
  ext: boolean;
  exportStyle: number;
  importStyle: number;
  via: number;
  moduleForm: number;
  importerForm: number;
  /** The tfjs importer imports tfjs itself (otherwise only when its code needs `TF.`). */
  importerTf: boolean;
  wrapper: number;
  semicolons: boolean;
  lintOrder: boolean;
  seed: number[];
}

/** The module text holding the value (`V`) for the shapes value / factory / default / class. */
function holdingExports(shape: 'value' | 'factory' | 'default' | 'class', style: number, V: string, lang: Lang): { lines: string[]; exported: string; use: 'value' | 'call' | 'new' } {
  const s = style % 3;
  const cls = (head: string) => [head, ...(lang === 'ts' ? ['  net: any;'] : []), '  constructor() {', `    this.net = ${V};`, '  }', '}'];
  if (lang === 'cjs') {
    switch (shape) {
      case 'value':
        return { exported: 'held', use: 'value', lines: [[`module.exports = { held: ${V} };`], [`exports.held = ${V};`], [`const held = ${V};`, 'module.exports = { held };']][s]! };
      case 'factory':
        return {
          exported: 'makeHeld',
          use: 'call',
          lines: [['function makeHeld() {', `  return ${V};`, '}', 'module.exports = { makeHeld };'], [`exports.makeHeld = () => (${V});`], ['module.exports.makeHeld = function () {', `  return ${V};`, '};']][s]!,
        };
      case 'default':
        return s === 1
          ? { exported: 'default', use: 'call', lines: ['module.exports = function makeHeld() {', `  return ${V};`, '};'] }
          : { exported: 'default', use: 'value', lines: s === 0 ? [`module.exports = ${V};`] : [`const held = ${V};`, 'module.exports = held;'] };
      default:
        return s === 2
          ? { exported: 'default', use: 'new', lines: [...cls('class Holder {'), 'module.exports = Holder;'] }
          : { exported: 'Holder', use: 'new', lines: [...cls('class Holder {'), s === 0 ? 'module.exports = { Holder };' : 'exports.Holder = Holder;'] };
    }
  }
  switch (shape) {
    case 'value':
      return { exported: 'held', use: 'value', lines: [[`export const held = ${V};`], [`const inner = ${V};`, 'export { inner as held };'], ['let held;', `held = ${V};`, 'export { held };']][s]! };
    case 'factory':
      return {
        exported: 'makeHeld',
        use: 'call',
        lines: [['export function makeHeld() {', `  return ${V};`, '}'], [`export const makeHeld = () => (${V});`], ['function build() {', `  const m = ${V};`, '  return m;', '}', 'export { build as makeHeld };']][s]!,
      };
    case 'default':
      return s === 1
        ? { exported: 'default', use: 'call', lines: ['export default function makeHeld() {', `  return ${V};`, '}'] }
        : { exported: 'default', use: 'value', lines: s === 0 ? [`export default ${V};`] : [`const held = ${V};`, 'export default held;'] };
    default:
      return s === 2
        ? { exported: 'default', use: 'new', lines: cls('export default class Holder {') }
        : { exported: 'Holder', use: 'new', lines: s === 0 ? cls('export class Holder {') : [...cls('class Holder {'), 'export { Holder };'] };
  }
}

/** `import { x } from` / `require` of `name` (or the default export) from `spec`; returns the local name. */
function importOf(lang: Lang, name: string, spec: string, style: number, defaultLocal: string, alias = 'mine'): { line: string; local: string } {
  const s = style % 4;
  // style 3: the module object (`import * as m`, `const m = require()`), the export used as `m.name`
  if (s === 3 && name !== 'default') {
    const mod = `${alias}Module`;
    return { line: lang === 'cjs' ? `const ${mod} = require('${spec}');` : `import * as ${mod} from '${spec}';`, local: `${mod}.${name}` };
  }
  if (lang === 'cjs') {
    if (name === 'default') return { line: `const ${defaultLocal} = require('${spec}');`, local: defaultLocal };
    if (s === 0) return { line: `const { ${name} } = require('${spec}');`, local: name };
    if (s === 1) return { line: `const ${alias} = require('${spec}').${name};`, local: alias };
    return { line: `const { ${name}: ${alias} } = require('${spec}');`, local: alias };
  }
  if (name === 'default') {
    // TS import-equals of a module's default export (CommonJS interop as TypeScript compiles it)
    if (lang === 'ts' && s === 2) return { line: `import ${defaultLocal} = require('${spec}');`, local: defaultLocal };
    return { line: `import ${defaultLocal} from '${spec}';`, local: defaultLocal };
  }
  if (s === 1) return { line: `import { ${name} as ${alias} } from '${spec}';`, local: alias };
  return { line: `import { ${name} } from '${spec}';`, local: name };
}

function renderProject(c: Choice): GenProject {
  let k = 0;
  const pick = (n: number) => c.seed[k++ % c.seed.length]! % n;
  const { lang, lookalike } = c;
  const ts = lang === 'ts';
  const cjs = lang === 'cjs';
  const ext = ts ? '.ts' : '.js';
  const shape = SHAPES[c.shape % SHAPES.length]!;
  const kind: Kind = shape === 'helper' ? 'model' : c.kind;
  const forms = formsFor(lang, lookalike);
  const moduleForm = forms[c.moduleForm % forms.length]!;
  let importerForm = forms[c.importerForm % forms.length]!;
  const T = (s: string) => term(s, c.semicolons);
  const spec = (p: string) => (c.ext ? `${p}.js` : p);
  const fake = FAKES[c.fake % FAKES.length]!;
  const fakePrelude = lookalike ? [cjs ? fake.cjs : fake.esm, fake.decl].filter((x): x is string => !!x) : [];
  const tfCreators = CREATORS[kind];
  // the value: a tfjs creator (with TF. placeholders; no top-level await in a module's initialiser) or a look-alike
  const V = lookalike ? fake.expr : tfCreators[c.creator % tfCreators.length]!.replace(/AWAIT /g, '');
  let templates = actionTemplates(kind, c.actions, ts, pick);
  // a tfjs importer that does not import tfjs itself (the value is its only tfjs): no action spelling TF.
  const holding = shape !== 'parameter' && shape !== 'helper';
  const withoutTf = templates.filter((t) => !t.includes('TF.'));
  const importerWithoutTf = !lookalike && holding && !c.importerTf && withoutTf.length > 0;
  if (importerWithoutTf) templates = withoutTf;
  // a look-alike importer that imports real tfjs for itself (its rules are on): the actions that do not spell
  // TF. run on the module's non-tfjs value
  const realTfImporter = lookalike && holding && c.importerTf && withoutTf.length > 0;
  if (realTfImporter) {
    templates = withoutTf;
    const real = formsFor(lang, false);
    importerForm = real[c.importerForm % real.length]!;
  }
  const wrappers = WRAPPERS.filter((w) => (ts || !w.ts) && !(cjs && w.make(['x'], { ts, id: 0 }).join('\n').includes('export')));
  const wrapper = wrappers[c.wrapper % wrappers.length]!;
  const ctx = { ts, id: 0 };
  const acts = (recv: string) => templates.map((t) => T(t.split('$R').join(recv)));
  const settings: { torch2tf: { modules: string[]; globals: string[] } } = { torch2tf: { modules: [], globals: [] } };
  const finish = (form: ImportForm | null, lines: string[]): string => {
    const text = lines.join('\n');
    if (!form) return `${text}\n`;
    const applied = applyForm(form, text);
    const more = (applied.settings as { torch2tf?: { modules?: string[]; globals?: string[] } } | undefined)?.torch2tf;
    settings.torch2tf.modules.push(...(more?.modules ?? []));
    settings.torch2tf.globals.push(...(more?.globals ?? []));
    return `${applied.code}\n`;
  };
  /** How the importer holds `E` (the imported value, or an expression building it) and runs the actions on it. */
  const useLines = (E: string, isIdent: boolean, suffix: string): string[] => {
    switch (c.via % 3) {
      case 0:
        return isIdent && !suffix ? wrapper.make(acts(E), ctx) : wrapper.make([T(`const held0 = ${E}`), ...acts(`held0${suffix}`)], ctx);
      case 1:
        return [T(`${pick(2) ? 'let' : 'const'} local = ${E}`), ...wrapper.make(acts(`local${suffix}`), ctx)];
      default:
        return [
          'class Runner {',
          ...(ts ? ['  inner: any;'] : []),
          `  constructor() { this.inner = ${E}; }`,
          `  ${wrapper.async && !cjs ? 'async ' : ''}step(x, xs, ys) {`,
          ...acts(`this.inner${suffix}`).map((a) => indent(indent(a))),
          '  }',
          '}',
          T('new Runner().step(x, xs, ys)'),
        ];
    }
  };
  const files: ProjectFile[] = [];
  const importer = `main${ext}`;
  let importerLines: string[];

  if (shape === 'parameter') {
    // the actions run on a parameter of an exported function; the value comes from the importer's call
    const fnHead = '(net, x, xs, ys)';
    const body = acts('net').map(indent);
    const s = c.exportStyle % 3;
    const lines = cjs
      ? [[`function use${fnHead} {`, ...body, '}', 'module.exports = { use };'], [`exports.use = function use${fnHead} {`, ...body, '};'], [`module.exports.use = ${fnHead} => {`, ...body, '};']][s]!
      : [[`export function use${fnHead} {`, ...body, '}'], [`export const use = ${fnHead} => {`, ...body, '};'], [`function use${fnHead} {`, ...body, '}', 'export { use };']][s]!;
    const needsTf = lookalike || templates.some((t) => t.includes('TF.')) || pick(2) === 0;
    files.push({ path: `train${ext}`, code: finish(needsTf ? moduleForm : null, [...(lookalike ? gateOpener(lang) : []), ...lines]) });
    const imp = importOf(lang, 'use', spec('./train'), c.importStyle, 'use');
    const call = (arg: string) => T(`${imp.local}(${arg}, x, xs, ys)`);
    importerLines = [imp.line, ...fakePrelude];
    switch (c.via % 3) {
      case 0:
        importerLines.push(...wrapper.make([call(V)], ctx));
        break;
      case 1:
        importerLines.push(T(`const policy = ${V}`), ...wrapper.make([call('policy')], ctx));
        break;
      default:
        importerLines.push('class Agent {', ...(ts ? ['  model: any;'] : []), `  constructor() { this.model = ${V}; }`, `  fit(x, xs, ys) { ${call('this.model')} }`, '}');
    }
  } else if (shape === 'helper') {
    // an exported forward helper called in the importer's training step
    const s = c.exportStyle % 3;
    const body = [['  return net.predict(xs);'], ['  return net.apply(xs);'], ['  const out = net.predict(xs, { batchSize: 32 });', '  return out;']][s]!;
    const lines = cjs
      ? pick(2)
        ? ['function forward(net, xs) {', ...body, '}', 'module.exports = { forward };']
        : ['exports.forward = function forward(net, xs) {', ...body, '};']
      : ['export function forward(net, xs) {', ...body, '}'];
    files.push({ path: `forward${ext}`, code: finish(null, [...(lookalike ? gateOpener(lang) : []), ...lines]) });
    const fwd = importOf(lang, 'forward', spec('./forward'), c.importStyle, 'forward');
    importerLines = [fwd.line];
    let model = V;
    if (c.barrel % 2 === 1) {
      // the model from an imported factory (a third file)
      const held = holdingExports('factory', c.exportStyle, V, lang);
      files.push({ path: `model${ext}`, code: finish(lookalike ? null : moduleForm, [...(lookalike ? [...fakePrelude, ...gateOpener(lang)] : []), ...held.lines]) });
      const mk = importOf(lang, 'makeHeld', spec('./model'), c.importStyle + 1, 'makeHeld', 'build');
      importerLines.push(mk.line);
      model = `${mk.local}()`;
    } else {
      importerLines.push(...fakePrelude);
    }
    importerLines.push(
      T(`const policy = ${model}`),
      T('const optimizer = TF.train.adam(1e-3)'),
      ...wrapper.make([T(`optimizer.minimize(() => TF.losses.meanSquaredError(ys, ${fwd.local}(policy, xs)))`), ...acts('policy')], ctx),
    );
  } else if (shape === 'injected' || shape === 'chain') {
    const tsField = (n: string) => (ts ? [`  ${n}: any;`] : []);
    const exportClass = (name: string, body: string[]): string[] =>
      cjs ? [`class ${name} {`, ...body, '}', c.exportStyle % 2 ? `exports.${name} = ${name};` : `module.exports = { ${name} };`] : [`export class ${name} {`, ...body, '}'];
    const moduleHead = lookalike ? [...fakePrelude, ...gateOpener(lang)] : [];
    let E: string;
    let suffix: string;
    if (shape === 'injected') {
      // the module never builds the value: it stores what the importer's `new Holder(<value>)` passes
      const body = [...tsField('net'), '  constructor(net) {', '    this.net = net;', '  }'];
      files.push({ path: `holder${ext}`, code: finish(null, [...(lookalike ? gateOpener(lang) : []), ...exportClass('Holder', body)]) });
      const imp = importOf(lang, 'Holder', spec('./holder'), c.importStyle, 'Holder');
      importerLines = [imp.line, ...fakePrelude];
      E = `new ${imp.local}(${V})`;
      suffix = '.net';
    } else {
      // holder.js builds the value in Holder; outer.js keeps a Holder in a field of Outer
      const holderBody = [...tsField('net'), '  constructor() {', `    this.net = ${V};`, '  }'];
      files.push({ path: `holder${ext}`, code: finish(lookalike ? null : moduleForm, [...moduleHead, ...exportClass('Holder', holderBody)]) });
      const hold = importOf(lang, 'Holder', spec('./holder'), c.importStyle + 1, 'Holder', 'Kept');
      const outerBody = [...tsField('inner'), '  constructor() {', `    this.inner = new ${hold.local}();`, '  }'];
      files.push({ path: `outer${ext}`, code: finish(null, [hold.line, ...exportClass('Outer', outerBody)]) });
      const imp = importOf(lang, 'Outer', spec('./outer'), c.importStyle, 'Outer');
      importerLines = [imp.line, ...(lookalike ? fakePrelude : [])];
      E = `new ${imp.local}()`;
      suffix = '.inner.net';
    }
    importerLines.push(...useLines(E, false, suffix));
  } else if (shape === 'wrapper') {
    // ./tf: a local wrapper module listed in settings.torch2tf.modules, re-exporting tfjs and adding its own value
    settings.torch2tf.modules.push('./tf');
    const factory = c.exportStyle % 2 === 1;
    const own = cjs
      ? [factory ? `module.exports.makeHeld = function () {\n  return ${V};\n};` : `module.exports.held = ${V};`]
      : [factory ? `export function makeHeld() {\n  return ${V};\n}` : `export const held = ${V};`];
    const head = cjs
      ? [`const tfjs = require('@tensorflow/tfjs');`, 'module.exports = { ...tfjs };']
      : [`import * as tfjs from '@tensorflow/tfjs';`, `export * from '@tensorflow/tfjs';`];
    const local: ImportForm = { name: 'wrapper module', header: () => '', ref: (n) => `tfjs.${n}` };
    files.push({ path: `tf${ext}`, code: finish(local, [...head, ...(lookalike ? fakePrelude : []), ...own]) });
    const name = factory ? 'makeHeld' : 'held';
    const imp = importOf(lang, name, './tf', c.importStyle, name);
    if (!lookalike) {
      importerForm = { name: 'settings.torch2tf.modules wrapper on disk', header: () => (cjs ? `const tf = require('./tf');` : `import * as tf from './tf';`), ref: ns };
    }
    importerLines = [imp.line, ...useLines(factory ? `${imp.local}()` : imp.local, !factory, '')];
  } else {
    // value / factory / default / class, optionally through a barrel
    const held = holdingExports(shape, c.exportStyle, V, lang);
    const barrel = shape === 'class' || shape === 'default' || shape === 'value' || shape === 'factory' ? c.barrel % 3 : 0;
    const modulePath = barrel ? `lib/model${ext}` : `model${ext}`;
    const moduleLines = [...(lookalike ? [...fakePrelude, ...gateOpener(lang)] : []), ...held.lines];
    files.push({ path: modulePath, code: finish(lookalike ? null : moduleForm, moduleLines) });
    let exported = held.exported;
    if (barrel) {
      const from = spec('./model');
      const out = exported === 'default' ? 'heldOut' : `${exported}Out`;
      const text =
        barrel === 1
          ? cjs
            ? exported === 'default'
              ? `module.exports = require('${from}');`
              : `module.exports = { ...require('${from}') };`
            : exported === 'default'
              ? `export { default } from '${from}';`
              : `export * from '${from}';`
          : cjs
            ? exported === 'default'
              ? `exports.${out} = require('${from}');`
              : `exports.${out} = require('${from}').${exported};`
            : `export { ${exported} as ${out} } from '${from}';`;
      files.push({ path: `lib/index${ext}`, code: `${text}\n` });
      if (barrel === 2) exported = out;
    }
    const where = barrel ? (c.ext ? './lib/index.js' : './lib') : spec('./model');
    const defaultLocal = held.use === 'new' ? 'Holder' : held.use === 'call' ? 'makeHeld' : 'held';
    const imp = importOf(lang, exported, where, c.importStyle, defaultLocal);
    const E = held.use === 'value' ? imp.local : held.use === 'call' ? `${imp.local}()` : `new ${imp.local}()`;
    importerLines = [imp.line, ...useLines(E, held.use === 'value', held.use === 'new' ? '.net' : '')];
  }

  // the importer brings tfjs (or, for look-alikes, its stand-in) into scope unless chosen not to
  if (importerWithoutTf && !importerLines.some((l) => l.includes('TF.'))) importerForm = { name: 'no tfjs import', header: () => '', ref: ns };
  files.push({ path: importer, code: finish(importerForm, importerLines) });
  const order = c.lintOrder ? files : [files[files.length - 1]!, ...files.slice(0, -1)];
  return {
    lang,
    shape,
    lookalike,
    files: order,
    importer,
    settings: settings.torch2tf.modules.length || settings.torch2tf.globals.length ? settings : {},
    forms: `module: ${moduleForm.name}, importer: ${importerForm.name}`,
  };
}

/** A small project: 2–4 files, `lookalike` for non-tfjs values (nothing may be reported). */
export function projectArb(options: { lookalike?: boolean } = {}): fc.Arbitrary<GenProject> {
  const kinds: Kind[] = ['model', 'layer', 'tensor', 'optimizer', 'variable'];
  return fc
    .record({
      lang: fc.constantFrom<Lang>('esm', 'cjs', 'ts'),
      shape: fc.nat(SHAPES.length - 1),
      kind: fc.constantFrom(...kinds, ...(options.lookalike ? (['other'] as Kind[]) : [])),
      creator: fc.nat(50),
      fake: fc.nat(FAKES.length - 1),
      actionSeed: fc.array(fc.nat(200), { minLength: 1, maxLength: 3 }),
      barrel: fc.nat(5),
      ext: fc.boolean(),
      exportStyle: fc.nat(5),
      importStyle: fc.nat(5),
      via: fc.nat(2),
      moduleForm: fc.nat(20),
      importerForm: fc.nat(20),
      importerTf: fc.boolean(),
      wrapper: fc.nat(WRAPPERS.length - 1),
      semicolons: fc.boolean(),
      lintOrder: fc.boolean(),
      seed: fc.array(fc.nat(1000), { minLength: 32, maxLength: 32 }),
    })
    .map(({ actionSeed, ...r }) => {
      const kind = r.shape % SHAPES.length === SHAPES.indexOf('helper') ? 'model' : r.kind;
      return renderProject({ ...r, kind, lookalike: !!options.lookalike, actions: actionSeed.map((a) => a % actionCount(kind)) });
    });
}

// ------------------------------------------------------------------------------------------ checking

export interface ModuleStats extends CheckStats {
  files: number;
  /** Reports that exist only because the other modules are on disk (any file of the project). */
  crossModule: number;
  /** The same, in the importing file only. */
  crossImporter: number;
  /** Projects with at least one cross-module report. */
  projectsWithCross: number;
  byShape: Record<string, { projects: number; cross: number }>;
  /** Cross-module reports in importers that use a module object (`import * as m`, `const m = require()`). */
  namespaceCross: number;
}

export function newModuleStats(): ModuleStats {
  return { ...newStats(), files: 0, crossModule: 0, crossImporter: 0, projectsWithCross: 0, byShape: {}, namespaceCross: 0 };
}

/** A Linter that sees files anywhere on disk (the projects live in the OS temp directory). */
export function moduleLinter(): Linter {
  return new Linter({ cwd: '/', configType: 'flat' });
}

/** A fresh root directory for projects; remove it with `rmSync(root, { recursive: true, force: true })`. */
export function projectRoot(): string {
  return mkdtempSync(join(tmpdir(), 'torch2tf-modfuzz-'));
}

let projectCount = 0;

const key = (m: Linter.LintMessage) => `${m.line}:${m.column} ${m.ruleId}`;

/**
 * Writes `proj` to a new directory under `root`, checks every file (gen.ts's checkFile: no throw, suggestions
 * parse, fixes parse and converge, zero reports for look-alikes) and counts the cross-module reports. Throws
 * PropertyFailure (with every file of the project in the message) when a property is violated.
 */
export function checkProject(linter: Linter, root: string, proj: GenProject, stats: ModuleStats = newModuleStats()): void {
  const dir = join(root, `p${projectCount++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fuzzed', version: '1.0.0', type: proj.lang === 'cjs' ? 'commonjs' : 'module' }));
  for (const f of proj.files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.code);
  }
  const shape = (stats.byShape[proj.shape] ??= { projects: 0, cross: 0 });
  let cross = 0;
  try {
    for (const f of proj.files) {
      const others = proj.files.filter((o) => o !== f).map((o) => `--- ${o.path} ---\n${o.code}`);
      const file: CheckedFile = {
        code: f.code,
        filename: join(dir, f.path),
        ts: proj.lang === 'ts',
        sourceType: proj.lang === 'cjs' ? 'commonjs' : 'module',
        settings: proj.settings,
        lookalike: proj.lookalike,
        label: `${proj.lang}, shape: ${proj.shape}, ${proj.forms}; file ${f.path}`,
        context: `${others.join('\n')}\n--- settings: ${JSON.stringify(proj.settings)}`,
      };
      const messages = checkFile(linter, file, stats);
      stats.files++;
      // the same text linted where its imports do not exist: what is left is what the file shows on its own
      const alone = linter.verify(f.code, config(file, allRules), { filename: join(root, 'detached', `p${projectCount}`, f.path) });
      const count = new Map<string, number>();
      for (const m of alone) count.set(key(m), (count.get(key(m)) ?? 0) + 1);
      let here = 0;
      for (const m of messages) {
        const n = count.get(key(m)) ?? 0;
        if (n > 0) count.set(key(m), n - 1);
        else here++;
      }
      cross += here;
      if (f.path === proj.importer) {
        stats.crossImporter += here;
        // the importer reaches the other module through its module object (`import * as mineModule`, `require()`)
        if (/\b\w+Module\./.test(f.code)) stats.namespaceCross += here;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  stats.crossModule += cross;
  if (cross > 0) stats.projectsWithCross++;
  shape.projects++;
  shape.cross += cross;
  stats.programs++;
}
