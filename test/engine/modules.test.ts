// The module resolver and foreign-module engine (src/engine/modules.ts, src/engine/module-resolve.ts):
// extensions, index files, barrels, CommonJS, cycles, missing / unparsable / huge files, the depth bound,
// mtime cache invalidation, parameters from importers, the gate, and "never throws".
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { walk } from '../../src/engine/ast.js';
import { cachedTextChars, importersOf, MAX_MODULE_BYTES, MAX_TEXT_CHARS, moduleReadStats, readModuleText, relativeSpecifiersOf, resolveModule } from '../../src/engine/module-resolve.js';
import { packageDirOf, projectConstructsModeDependent } from '../../src/engine/project-scan.js';
import { isNewTensorCall } from '../../src/engine/memory.js';
import { importedClass, importMayGiveModel, MAX_MODULE_DEPTH } from '../../src/engine/modules.js';
import { fileMayHoldModels } from '../../src/engine/called-module.js';
import { getFileIndex, type FileIndex, type ValueInfo } from '../../src/engine/resolver.js';

const ROOT = mkdtempSync(join(tmpdir(), 'torch2tf-modules-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

let project = 0;
/** Write a project (path → text) under a fresh directory with a package.json; returns its directory. */
function writeProject(files: Record<string, string>, type: 'module' | 'commonjs' = 'module'): string {
  const dir = join(ROOT, `p${project++}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', type }));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** Lint `path` of a project with a probe rule; `inspect` sees its FileIndex and every `probe(x)` argument. */
function probe(path: string, text: string, inspect: (file: FileIndex, args: TSESTree.Node[]) => void, settings: Record<string, unknown> = {}): void {
  const linter = new Linter({ cwd: '/', configType: 'flat' });
  const isTs = path.endsWith('.ts');
  let ran = false;
  const messages = linter.verify(
    text,
    [
      {
        files: ['**/*.js', '**/*.ts', '**/*.cjs', '**/*.mjs'],
        languageOptions: isTs ? { parser: tsParser as never } : { sourceType: path.endsWith('.cjs') ? 'commonjs' : 'module' },
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  const file = getFileIndex(context as never);
                  const args: TSESTree.Node[] = [];
                  walk(context.sourceCode.ast as never, context.sourceCode.visitorKeys as never, (n) => {
                    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'probe' && n.arguments[0]) args.push(n.arguments[0]);
                  });
                  inspect(file, args);
                  ran = true;
                  return {};
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
        settings,
      },
    ],
    path,
  );
  assert.deepEqual(messages, []);
  assert.ok(ran);
}

const MODEL = `tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [2] }), tf.layers.dropout({ rate: 0.5 })] })`;
const MODEL_MODULE = `import * as tf from '@tensorflow/tfjs';\nexport const model = ${MODEL};\nexport function createModel() { return ${MODEL}; }\n`;

/** The kinds of every probe() argument of `main` in a fresh project. */
function kindsIn(files: Record<string, string>, main: string, mainText: string, type: 'module' | 'commonjs' = 'module'): (ValueInfo | null)[] {
  const dir = writeProject({ ...files, [main]: mainText }, type);
  let kinds: (ValueInfo | null)[] = [];
  probe(join(dir, main), mainText, (file, args) => {
    kinds = args.map((a) => file.kindOf(a));
  });
  return kinds;
}

const kind = (k: ValueInfo | null): string | null => (k ? k.kind : null);

describe('module resolution', () => {
  it('resolves as written, without extension, .js → .ts, and index files; packages are not followed', () => {
    const dir = writeProject({ 'a.js': '', 'b.ts': '', 'lib/index.js': '', 'c.mjs': '' });
    const from = join(dir, 'main.js');
    assert.equal(resolveModule(from, './a.js'), join(dir, 'a.js'));
    assert.equal(resolveModule(from, './a'), join(dir, 'a.js'));
    assert.equal(resolveModule(from, './b.js'), join(dir, 'b.ts'));
    assert.equal(resolveModule(from, './lib'), join(dir, 'lib/index.js'));
    assert.equal(resolveModule(from, './c'), join(dir, 'c.mjs'));
    assert.equal(resolveModule(from, './missing'), null);
    assert.equal(resolveModule(from, '@tensorflow/tfjs'), null);
    assert.equal(resolveModule('relative/path.js', './a'), null, 'a file not on disk has no modules around it');
    // the directory itself and its parent: their index files (`import { x } from '.'`)
    assert.equal(resolveModule(join(dir, 'lib/model.js'), '.'), join(dir, 'lib/index.js'));
    assert.equal(resolveModule(join(dir, 'lib/sub/model.js'), '..'), join(dir, 'lib/index.js'));
  });

  it('finds relative specifiers of imports, re-exports, require and import()', () => {
    const text = `import a from './a';\nexport * from "../b";\nconst c = require('./c');\nimport('./d');\nimport 'pkg';\nexport { e } from './e.js';`;
    assert.deepEqual(relativeSpecifiersOf(text).sort(), ['../b', './a', './c', './d', './e.js']);
    // across lines, side-effect imports, and strings that are not module specifiers
    const more =
      `import {\n  f,\n} from\n  './f';\nimport './g';\nimport'./nospace';\nconst path = './not-a-module';\nlog("don't", './h');\n` +
      `const r = require ( './i' );\nexport * from './j' ;\nconst t = \`\${x}'./k'\`;\nfrom('./l');`;
    assert.deepEqual(relativeSpecifiersOf(more).sort(), ['./f', './g', './i', './j']);
    assert.deepEqual(relativeSpecifiersOf(`import { a } from '.';\nconst b = require('..');\nconst s = x.split('.');\n`).sort(), ['.', '..']);
  });
});

describe('module text cache', () => {
  it('keeps at most MAX_TEXT_CHARS characters, dropping the oldest reads, and re-reads a dropped file', () => {
    const size = 200 * 1024;
    const count = Math.ceil(MAX_TEXT_CHARS / size) + 8;
    const body = `// ${'x'.repeat(size - 4)}\n`;
    const files: Record<string, string> = {};
    for (let i = 0; i < count; i++) files[`m${i}.js`] = body;
    const dir = writeProject(files);
    for (let i = 0; i < count; i++) assert.equal(readModuleText(join(dir, `m${i}.js`))?.length, body.length);
    assert.ok(cachedTextChars() <= MAX_TEXT_CHARS, `${cachedTextChars()} cached characters`);
    assert.ok(cachedTextChars() > MAX_TEXT_CHARS - 2 * size, 'the cache is used up to its bound');
    assert.equal(readModuleText(join(dir, 'm0.js')), body, 'a dropped file is read again');
  });
});

describe('imported values', () => {
  it('ESM named imports: an exported model value and a factory that builds one, with their home index', () => {
    const [value, built] = kindsIn(
      { 'model.js': MODEL_MODULE },
      'main.js',
      `import { model, createModel } from './model.js';\nprobe(model);\nprobe(createModel());`,
    );
    assert.equal(kind(value!), 'model');
    assert.equal(value!.name, 'Sequential');
    assert.ok(value!.home && value!.home.filename.endsWith('model.js'), 'the origin lives in model.js');
    assert.equal(kind(built!), 'model');
  });

  it('an imported function or class declaration is not a tfjs value, answered from a line scan without parsing its module', () => {
    const util = `import * as tf from '@tensorflow/tfjs';\nexport function normalize(x) { return tf.div(x, 255); }\n  export async function* batches() {}\nexport default class Trainer {}\nexport abstract class Base {}\n// export function model() {}\nexport const model = ${MODEL};\n`;
    const dir = writeProject({ 'util.ts': util });
    const main = `import Trainer, { normalize, batches, Base, model } from './util';\nprobe(normalize); probe(batches); probe(Trainer); probe(Base);\nprobe(model);`;
    probe(join(dir, 'main.ts'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.deepEqual(args.slice(0, 4).map((a) => file.kindOf(a)), [null, null, null, null]);
      assert.equal(moduleReadStats.parsed, before, 'no module was parsed for the four declarations');
      // a value export still needs the module: a commented-out declaration of the same name does not count
      assert.equal(kind(file.kindOf(args[4]!)), 'model');
      assert.equal(moduleReadStats.parsed, before + 1);
      // the call of an imported function still follows its body (the scan only answers "what is the binding")
      assert.equal(kind(file.kindOf(args[0]!)), null);
    });
  });

  it('exported arrow constants and `export *` barrels of declarations are answered by the scan too; a value is still read', () => {
    const util =
      `import * as tf from '@tensorflow/tfjs';\nexport const scale = (x) => tf.div(x, 255);\nexport const resize = async (img, size = [224, 224]) => img;\n` +
      `export const clip = x => x;\nexport const typed = (x: number): number => x;\nexport const net = (${MODEL});\nexport const named = (s = ')') => s;\n`;
    // (toInput lives in lib/toInput.ts, whose name the barrel's star line spells: that is not a binding of the barrel)
    const dir = writeProject({
      'lib/util.ts': util,
      'lib/index.ts': `export * from './util';\nexport * from './toInput';\nexport * as ns from './other';\n`,
      'lib/toInput.ts': `export function toInput(img) { return img; }\n`,
      'lib/other.ts': `export const other = 1;\n`,
      'shadow/index.ts': `import * as tf from '@tensorflow/tfjs';\nexport * from '../lib/util';\nexport const scale = ${MODEL};\n`,
    });
    const main =
      `import { scale, toInput, clip, typed, net, named, resize } from './lib';\nimport { scale as viaShadow } from './shadow';\n` +
      `probe(scale); probe(toInput); probe(clip); probe(typed);\nprobe(net); probe(named); probe(viaShadow); probe(resize);`;
    probe(join(dir, 'main.ts'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.deepEqual([...args.slice(0, 4), args[7]!].map((a) => file.kindOf(a)), [null, null, null, null, null]);
      assert.equal(moduleReadStats.parsed, before, 'no module was parsed for five functions, all through a barrel');
      // a parenthesised value is not an arrow: the module is read and the model found
      assert.equal(kind(file.kindOf(args[4]!)), 'model');
      assert.ok(moduleReadStats.parsed > before);
      // a string in the parameters makes the scan unsure: read as before (a function: not tfjs)
      assert.equal(file.kindOf(args[5]!), null);
      // a barrel that mentions the name may export its own binding of it: read, and it is a model
      assert.equal(kind(file.kindOf(args[6]!)), 'model');
    });
  });

  it('the line scan does not answer for barrels, `export { f }` and CommonJS: those modules are read as before', () => {
    const [viaBarrel, viaList, viaCjs] = kindsIn(
      {
        'lib/index.js': `export * from './model.js';\n`,
        'lib/model.js': MODEL_MODULE,
        'list.js': `import * as tf from '@tensorflow/tfjs';\nfunction model() { return 1; }\nconst net = ${MODEL};\nexport { net as model };\n`,
      },
      'main.js',
      `import { model } from './lib/index.js';\nimport { model as listed } from './list.js';\nprobe(model);\nprobe(listed);\nprobe(null);`,
    );
    assert.equal(kind(viaBarrel!), 'model');
    assert.equal(kind(viaList!), 'model');
    assert.equal(viaCjs, null);
  });

  it('a call of an imported user function is a new tensor when every return of the function makes one (no-leaked-tensor; one parse)', () => {
    const ops = `import * as tf from '@tensorflow/tfjs';\nconst k = 2;\nexport { scaled, same };\nfunction scaled(x) { return tf.mul(x, k); }\nfunction same(x) { return x; }\n`;
    const dir = writeProject({ 'ops.js': ops });
    const main = `import * as tf from '@tensorflow/tfjs';\nimport { scaled, same } from './ops.js';\nprobe(scaled(tf.ones([2])));\nprobe(tf.ones([2]).add(1));\nprobe(same(tf.ones([2])));`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.equal(isNewTensorCall(file, args[0] as TSESTree.CallExpression), true);
      assert.equal(moduleReadStats.parsed, before + 1, 'ops.js is parsed once for the question');
      assert.equal(isNewTensorCall(file, args[1] as TSESTree.CallExpression), true);
      // `same(x)` returns its argument: no new tensor of the call
      assert.equal(isNewTensorCall(file, args[2] as TSESTree.CallExpression), false);
      assert.equal(kind(file.kindOf(args[0]!)), 'tensor');
      assert.equal(moduleReadStats.parsed, before + 1);
    });
  });

  it("a class of another module has the same fields whichever module's index is asked", () => {
    const agent = `import * as tf from '@tensorflow/tfjs';\nexport class Agent {\n  constructor() { this.model = ${MODEL}; this.steps = 0; }\n  act(x) { return this.model.predict(x); }\n}\n`;
    const dir = writeProject({ 'agent.js': agent });
    probe(join(dir, 'main.js'), `import { Agent } from './agent.js';\nclass Local { constructor() { this.other = 1; } }\nprobe(Agent);`, (file, args) => {
      const c = importedClass(file, args[0] as TSESTree.Identifier);
      assert.ok(c && c.index !== file);
      const names = (m: Map<string, unknown>) => [...m.keys()].sort();
      // the importer's index answers with the class's own file (its `this.<x>` list is not the importer's)
      assert.deepEqual(names(file.fieldsOf(c.cls)), ['model', 'steps']);
      assert.deepEqual(names(file.fieldsOf(c.cls)), names(c.index.fieldsOf(c.cls)));
      assert.equal(file.fieldsOf(c.cls).get('model')!.writes.length, 1);
    });
  });

  it('TypeScript: ./model.js names model.ts, parsed with the linted file\'s parser', () => {
    const [value] = kindsIn({ 'model.ts': MODEL_MODULE.replace('export const model', 'export const model: tf.Sequential') }, 'main.ts', `import { model } from './model.js';\nprobe(model);`);
    assert.equal(kind(value!), 'model');
  });

  it('export default (function, expression) and index files', () => {
    const [fromFn, fromExpr] = kindsIn(
      {
        'lib/index.js': `import * as tf from '@tensorflow/tfjs';\nexport default function build() { return ${MODEL}; }`,
        'opt.js': `import * as tf from '@tensorflow/tfjs';\nexport default tf.train.adam(0.1);`,
      },
      'main.js',
      `import build from './lib';\nimport opt from './opt';\nprobe(build());\nprobe(opt);`,
    );
    assert.equal(kind(fromFn!), 'model');
    assert.equal(kind(fromExpr!), 'optimizer');
  });

  it('barrels: export * and export { x as y } from, through two levels', () => {
    const [a, b] = kindsIn(
      {
        'lib/model.js': MODEL_MODULE,
        'lib/inner.js': `export * from './model.js';`,
        'lib/index.js': `export * from './inner.js';\nexport { model as net } from './model.js';`,
      },
      'main.js',
      `import { createModel, net } from './lib/index.js';\nprobe(createModel());\nprobe(net);`,
    );
    assert.equal(kind(a!), 'model');
    assert.equal(kind(b!), 'model');
  });

  it('CommonJS: module.exports = {...}, exports.x, module.exports = value, destructured and member requires', () => {
    const [a, b, c, d] = kindsIn(
      {
        'model.js': `const tf = require('@tensorflow/tfjs');\nfunction createModel() { return ${MODEL}; }\nmodule.exports = { createModel };\n`,
        'opt.js': `const tf = require('@tensorflow/tfjs');\nexports.opt = tf.train.sgd(0.1);\n`,
        'single.js': `const tf = require('@tensorflow/tfjs');\nmodule.exports = ${MODEL};\n`,
      },
      'main.js',
      `const { createModel } = require('./model');\nconst opt = require('./opt').opt;\nconst single = require('./single');\nconst m = require('./model');\nprobe(createModel());\nprobe(opt);\nprobe(single);\nprobe(m);`,
      'commonjs',
    );
    assert.equal(kind(a!), 'model');
    assert.equal(kind(b!), 'optimizer');
    assert.equal(kind(c!), 'model');
    assert.equal(d, null, 'the module object itself is not a tfjs value');
  });

  it("CommonJS barrel spreading a binding of a require (`const tabular = require('./tabular'); module.exports = { ...tabular }`)", () => {
    const [a, b, c] = kindsIn(
      {
        'lib/tabular.js': `const tf = require('@tensorflow/tfjs');\nfunction createModel() { return ${MODEL}; }\nmodule.exports = { createModel };\n`,
        'lib/index.js': `const tabular = require('./tabular');\nlet other = require('./other');\nother = {};\nmodule.exports = { ...tabular, ...other, listModels() { return []; } };\n`,
        'lib/other.js': `const tf = require('@tensorflow/tfjs');\nmodule.exports = { optimizer: tf.train.adam() };\n`,
      },
      'main.js',
      `const { createModel, optimizer, listModels } = require('./lib');\nprobe(createModel());\nprobe(optimizer);\nprobe(listModels());`,
      'commonjs',
    );
    assert.equal(kind(a!), 'model');
    assert.equal(b, null, 'a binding written again may hold anything: not followed');
    assert.equal(c, null);
  });

  it('an imported class: a tfjs subclass is a model; a wrapper class\'s field built in its constructor is a model', () => {
    const [sub, field, other] = kindsIn(
      {
        'net.js': `import * as tf from '@tensorflow/tfjs';\nexport class Net extends tf.Sequential {}\nexport class Agent { constructor() { this.model = ${MODEL}; this.name = 'x'; } }`,
      },
      'main.js',
      `import { Net, Agent } from './net.js';\nconst agent = new Agent();\nprobe(new Net());\nprobe(agent.model);\nprobe(agent.name);`,
    );
    assert.equal(kind(sub!), 'model');
    assert.equal(kind(field!), 'model');
    assert.equal(other, null);
  });

  it('a user object exported under tfjs-like names is not tfjs', () => {
    const [m, o] = kindsIn(
      { 'model.js': `export const model = { predict: (x) => x };\nexport const optimizer = { minimize: (f, x0) => f(x0) };` },
      'main.js',
      `import { model, optimizer } from './model.js';\nprobe(model);\nprobe(optimizer);`,
    );
    assert.equal(m, null);
    assert.equal(o, null);
  });
});

describe('local wrapper modules (settings.torch2tf.modules)', () => {
  it('a factory and a value exported by the wrapper next to its tfjs re-export', () => {
    const dir = writeProject({
      'tf.js': `import * as tf from '@tensorflow/tfjs';\nexport * from '@tensorflow/tfjs';\nexport function createModel() { return ${MODEL}; }\nexport const opt = tf.train.adam(0.1);\nexport const helper = { predict: (x) => x };`,
    });
    const text = `import * as tf from './tf.js';\nimport { createModel, opt, helper } from './tf.js';\nprobe(createModel());\nprobe(opt);\nprobe(tf.sequential());\nprobe(helper);`;
    probe(
      join(dir, 'main.js'),
      text,
      (file, args) => {
        assert.deepEqual(args.map((a) => kind(file.kindOf(a))), ['model', 'optimizer', 'model', null]);
      },
      { torch2tf: { modules: ['./tf.js'] } },
    );
  });
});

describe('robustness', () => {
  it('missing, unparsable and oversized modules are unknown', () => {
    const huge = `import * as tf from '@tensorflow/tfjs';\nexport const model = ${MODEL};\n` + `// ${'x'.repeat(100)}\n`.repeat(Math.ceil(MAX_MODULE_BYTES / 100));
    const kinds = kindsIn(
      { 'broken.js': `import * as tf from '@tensorflow/tfjs';\nexport const model = ${MODEL}\n}}} oops`, 'huge.js': huge },
      'main.js',
      `import { model as a } from './missing.js';\nimport { model as b } from './broken.js';\nimport { model as c } from './huge.js';\nprobe(a);\nprobe(b);\nprobe(c);`,
    );
    assert.deepEqual(kinds, [null, null, null]);
  });

  it('re-export cycles and value cycles end (unknown), without throwing', () => {
    const kinds = kindsIn(
      {
        'a.js': `export * from './b.js';\nexport { y as x } from './b.js';`,
        'b.js': `export * from './a.js';\nexport { x as y } from './a.js';`,
        'c.js': `import { d } from './d.js';\nexport const c = d;`,
        'd.js': `import { c } from './c.js';\nexport const d = c;`,
      },
      'main.js',
      `import { x, nothing } from './a.js';\nimport { c } from './c.js';\nprobe(x);\nprobe(nothing);\nprobe(c);`,
    );
    assert.deepEqual(kinds, [null, null, null]);
  });

  it(`stops after ${MAX_MODULE_DEPTH} modules of re-exports`, () => {
    const chain = (n: number): Record<string, string> => {
      const files: Record<string, string> = { 'm0.js': MODEL_MODULE };
      for (let i = 1; i <= n; i++) files[`m${i}.js`] = `export * from './m${i - 1}.js';`;
      return files;
    };
    const [near] = kindsIn(chain(2), 'main.js', `import { model } from './m2.js';\nprobe(model);`);
    assert.equal(kind(near!), 'model');
    const [far] = kindsIn(chain(MAX_MODULE_DEPTH + 3), 'main.js', `import { model } from './m${MAX_MODULE_DEPTH + 3}.js';\nprobe(model);`);
    assert.equal(far, null);
  });

  it('re-reads a module when its mtime changes', () => {
    const dir = writeProject({ 'model.js': MODEL_MODULE });
    const main = join(dir, 'main.js');
    const text = `import { model } from './model.js';\nprobe(model);`;
    let first: ValueInfo | null = null;
    probe(main, text, (file, [a]) => (first = file.kindOf(a)));
    assert.equal(kind(first), 'model');
    writeFileSync(join(dir, 'model.js'), `export const model = { predict: (x) => x };\n`);
    const later = new Date(Date.now() + 5000);
    utimesSync(join(dir, 'model.js'), later, later);
    let second: ValueInfo | null = { kind: 'model', via: 'factory' };
    probe(main, text, (file, [a]) => (second = file.kindOf(a)));
    assert.equal(second, null);
  });

  it('never throws on odd export and import shapes', () => {
    const files = {
      'odd.js': `export * as ns from './model.js';\nexport default 5;\nexport const [a, b] = [1, 2];\nexport { model as 'string name' } from './model.js';`,
      'cjs.js': `module.exports = 5;\nmodule.exports.x = undefined;\nexports['y'] = 1;\nObject.assign(module.exports, { z: 1 });`,
      'model.js': MODEL_MODULE,
      'dir.js/index.js': '',
    };
    const text = `import odd, { ns, a, nothing } from './odd.js';\nimport * as all from './model.js';\nconst cjs = require('./cjs.js');\nconst { x, y, z } = require('./cjs.js');\nimport d from './dir.js';\nprobe(odd); probe(ns); probe(a); probe(nothing); probe(all); probe(all.model); probe(cjs); probe(x); probe(y); probe(z); probe(d); probe(ns.model);`;
    const kinds = kindsIn(files, 'main.js', text);
    assert.equal(kinds.length, 12);
    // `all.model` of `import * as all` is the model its module exports; `export * as ns` is not followed
    assert.deepEqual(kinds.map(kind), [null, null, null, null, null, 'model', null, null, null, null, null, null]);
  });
});

describe('a shared state object of another module', () => {
  const STATE = `export const state = { model: null, training: false };\nexport const other = { model: null };\n`;
  const READ = `import { state, other } from './state.js';\nprobe(state.model);\nprobe(other.model);\nprobe(state.training);`;
  it("`state.model` holds what the package's modules write there (`state.model = createModel()`)", () => {
    const dir = writeProject({
      'state.js': STATE,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { state } from './state.js';\nconst cfg = { model: 'mlp' };\ncfg.model = 'cnn';\nexport function start() { state.model = ${MODEL}; state.training = true; }\n`,
      'ui.js': READ,
    });
    probe(join(dir, 'ui.js'), READ, (file, args) => {
      assert.equal(kind(file.kindOf(args[0]!)), 'model');
      // another object of the same module, and a local object's write of the same name, do not count
      assert.equal(file.kindOf(args[1]!), null);
      assert.equal(file.kindOf(args[2]!), null);
    });
  });
  it('unknown when one write is not a model', () => {
    const dir = writeProject({
      'state.js': STATE,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { state } from './state.js';\nexport function start() { state.model = ${MODEL}; }\n`,
      'reset.js': `import { state } from './state.js';\nimport { restore } from './store.js';\nexport function reset() { state.model = restore(); }\n`,
      'ui.js': READ,
    });
    probe(join(dir, 'ui.js'), READ, (file, args) => assert.equal(file.kindOf(args[0]!), null));
  });
  it('unknown when a barrel passes the object on (its importers are not read)', () => {
    const dir = writeProject({
      'state.js': STATE,
      'index.js': `export { state } from './state.js';\n`,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { state } from './state.js';\nexport function start() { state.model = ${MODEL}; }\n`,
      'ui.js': READ,
    });
    probe(join(dir, 'ui.js'), READ, (file, args) => assert.equal(file.kindOf(args[0]!), null));
  });
});

describe('parameters of exported functions (across modules)', () => {
  it('take the kind their importers pass, and stay unknown when importers disagree', () => {
    const dir = writeProject({
      'train.js': `export function train(model, opt) { probe(model); probe(opt); }`,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { train } from './train.js';\ntrain(${MODEL}, tf.train.adam());\n`,
      'other/train.js': `export function train(model) { probe(model); }`,
      'other/a.js': `import * as tf from '@tensorflow/tfjs';\nimport { train } from './train.js';\ntrain(${MODEL});\n`,
      'other/b.js': `import { train } from './train.js';\ntrain({ predict: (x) => x });\n`,
    });
    probe(join(dir, 'train.js'), `export function train(model, opt) { probe(model); probe(opt); }`, (file, [m, o]) => {
      assert.ok(file.touchesTfjs, 'the gate passes: an importer uses tfjs');
      assert.equal(kind(file.kindOf(m)), 'model');
      assert.equal(kind(file.kindOf(o)), 'optimizer');
    });
    probe(join(dir, 'other/train.js'), `export function train(model) { probe(model); }`, (file, [m]) => {
      assert.equal(file.kindOf(m), null, 'one importer passes a user object');
    });
  });
});

describe('parameters passed on through a module in between', () => {
  it('take the kind two importers up, and the gate lets the last module in (main.js -> loop.js -> step.js)', () => {
    const STEP = `export function step(model, opt) { opt.minimize(() => model.predict(1)); probe(model); probe(opt); }`;
    const dir = writeProject({
      'step.js': STEP,
      'loop.js': `import { step } from './step.js';\nexport function trainLoop(model, opt, batches) { for (const b of batches) step(model, opt); }\n`,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { trainLoop } from './loop.js';\ntrainLoop(${MODEL}, tf.train.adam(), []);\n`,
      // a barrel that re-exports step without calling it: never parsed for its calls
      'index.js': `import * as tf from '@tensorflow/tfjs';\nexport { step } from './step.js';\nexport const version = tf.version;\n`,
    });
    probe(join(dir, 'step.js'), STEP, (file, [m, o]) => {
      assert.ok(file.touchesTfjs, 'the gate passes: an importer of an importer uses tfjs');
      const before = moduleReadStats.parsed;
      assert.equal(kind(file.kindOf(m)), 'model');
      assert.equal(moduleReadStats.parsed - before, 2, 'loop.js and main.js are parsed; index.js only re-exports step');
      assert.equal(kind(file.kindOf(o)), 'optimizer');
    });
  });
});

describe('members of module objects (namespace imports, whole-module requires)', () => {
  const MODELS_ESM = `import * as tf from '@tensorflow/tfjs';\nexport function createModel() { return ${MODEL}; }\nexport const shared = createModel();\nexport class Net extends tf.Sequential {}\nexport const options = { units: 2 };\n`;
  it('give each export as a member: values, factory results, classes; a function itself is no tfjs value', () => {
    const esm = writeProject({ 'models.js': MODELS_ESM });
    const mainText = `import * as models from './models.js';\nprobe(models.shared);\nprobe(models.createModel());\nprobe(new models.Net());\nprobe(models.createModel);\nprobe(models.options);\nprobe(models);\n`;
    probe(join(esm, 'main.js'), mainText, (file, args) => {
      assert.deepEqual(
        args.map((a) => kind(file.kindOf(a))),
        ['model', 'model', 'model', null, null, null],
      );
    });
    const cjs = writeProject(
      { 'models.js': `const tf = require('@tensorflow/tfjs');\nfunction createModel() { return ${MODEL}; }\nmodule.exports = { createModel, optimizer: tf.train.adam() };\n` },
      'commonjs',
    );
    const mainCjs = `const models = require('./models');\nprobe(models.createModel());\nprobe(models.optimizer);\nprobe(models.missing);\n`;
    probe(join(cjs, 'main.cjs'), mainCjs, (file, args) => {
      assert.deepEqual(args.map((a) => kind(file.kindOf(a))), ['model', 'optimizer', null]);
    });
    // the exports object of a CommonJS module can be written: then the member may hold anything
    const replaced = `const models = require('./models');\nmodels.optimizer = { minimize() {} };\nprobe(models.optimizer);\n`;
    probe(join(cjs, 'other.cjs'), replaced, (file, [o]) => assert.equal(kind(file.kindOf(o)), null));
  });
});

describe('members of CommonJS module objects that are functions', () => {
  it('are answered from a text scan, without parsing the module (`exports.f = f`, `exports.g = function`)', () => {
    const util = `const tf = require('@tensorflow/tfjs');\nfunction scale(x) { return tf.mul(x, 2); }\nexports.scale = scale;\nexports.norm = function (x) { return x; };\nexports.model = ${MODEL};\n`;
    const dir = writeProject({ 'util.js': util }, 'commonjs');
    const main = `const util = require('./util');\nprobe(util.scale);\nprobe(util.norm);\nprobe(util.model);\n`;
    probe(join(dir, 'main.cjs'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.deepEqual([kind(file.kindOf(args[0]!)), kind(file.kindOf(args[1]!))], [null, null]);
      assert.equal(moduleReadStats.parsed, before, 'no parse for a declared function');
      assert.equal(kind(file.kindOf(args[2]!)), 'model');
    });
  });
});

describe('instances of imported classes, field by field', () => {
  const CRITIC = `import * as tf from '@tensorflow/tfjs';\nexport class Critic {\n  constructor() { this.model = ${MODEL}; this.name = 'critic'; }\n  buildTarget() { return ${MODEL}; }\n  label() { return 'x'; }\n}\n`;
  const AGENT = `import * as tf from '@tensorflow/tfjs';\nimport { Critic } from './critic.js';\nexport class Agent { constructor() { this.critic = new Critic(); this.optimizer = tf.train.adam(); } }\n`;
  it('follow a field holding another imported class instance, and methods returning models', () => {
    const dir = writeProject({ 'critic.js': CRITIC, 'agent.js': AGENT });
    const main = `import { Agent } from './agent.js';\nconst agent = new Agent();\nprobe(agent.critic.model);\nprobe(agent.optimizer);\nprobe(agent.critic.buildTarget());\nprobe(agent.critic.label());\nprobe(agent.critic.name);\nprobe(agent.critic);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      assert.deepEqual(args.map((a) => kind(file.kindOf(a))), ['model', 'optimizer', 'model', null, null, null]);
    });
  });

  it('ignore null writes and follow both branches of a conditional (`this.critic = null` then `= new Critic()`)', () => {
    const agent = `import { Critic } from './critic.js';\nexport class Agent {\n  constructor(cfg) { this.critic = null; this.backup = cfg ? new Critic() : undefined; this.spare = cfg.critic ?? new Critic(); }\n  init() { this.critic = new Critic(); }\n}\n`;
    const dir = writeProject({ 'critic.js': CRITIC, 'agent.js': agent });
    const main = `import { Agent } from './agent.js';\nconst a = new Agent({});\nprobe(a.critic.model);\nprobe(a.backup.model);\nprobe(a.spare.model);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      // cfg.critic may be anything: `??` keeps the field unknown unless both sides agree
      assert.deepEqual(args.map((x) => kind(file.kindOf(x))), ['model', 'model', null]);
    });
  });

  it('stay unknown where a module writes the field from outside the class (it may hold anything then)', () => {
    const dir = writeProject({ 'critic.js': CRITIC, 'agent.js': AGENT });
    const main = `import { Agent } from './agent.js';\nconst a = new Agent();\na.critic = { model: { eval() {} } };\nprobe(a.critic.model);\nconst b = new Agent();\nb.optimizer = { minimize() {} };\nprobe(b.optimizer);\nconst c = new Agent();\nc.critic.model = { eval() {} };\nprobe(c.critic.model);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      assert.deepEqual(args.map((x) => kind(file.kindOf(x))), [null, null, null]);
    });
    const inClassModule = writeProject({ 'critic.js': CRITIC, 'agent.js': `${AGENT}export function reset(agent) { agent.critic = null; }\n` });
    const main2 = `import { Agent } from './agent.js';\nprobe(new Agent().critic.model);\n`;
    probe(join(inClassModule, 'main.js'), main2, (file, [m]) => assert.equal(kind(file.kindOf(m)), null));
  });

  it('stay unknown when a field holds different classes, and parse no module that never assigns the field', () => {
    const dir = writeProject({
      'critic.js': CRITIC,
      'other.js': `import * as tf from '@tensorflow/tfjs';\nexport class Other {\n  constructor() { this.weights = tf.zeros([1]); }\n  model() { return this.weights; }\n}\n`,
      'agent.js': `import { Critic } from './critic.js';\nimport { Other } from './other.js';\nexport class Agent { constructor(a) { this.critic = a ? new Critic() : null; this.part = a ? new Critic() : new Other(); } }\n`,
    });
    const main = `import { Agent } from './agent.js';\nimport { Other } from './other.js';\nconst agent = new Agent(true);\nprobe(agent.part.model);\nprobe(new Other().model);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.equal(kind(file.kindOf(args[1]!)), null);
      assert.equal(moduleReadStats.parsed, before, 'other.js never assigns a field `model` (only a method has the name): not parsed');
      assert.equal(kind(file.kindOf(args[0]!)), null, 'Critic or Other: no single class');
    });
  });
});

describe('text scans that spare a parse', () => {
  it("a TypeScript `public name(…)` method is no field `name`; a parameter property and a getter are", () => {
    const dir = writeProject({
      'holder.ts': `import * as tf from '@tensorflow/tfjs';
export class Holder {
  constructor(private readonly net: tf.LayersModel) {}
  public toBatch(x: number[]) { return tf.tensor(x); }
  public get model(): tf.LayersModel { return this.net; }
}
`,
    });
    const main = `import * as tf from '@tensorflow/tfjs';\nimport { Holder } from './holder';\nexport function run(h: Holder) {\n  probe(h.toBatch);\n  probe(h.model);\n}\nrun(new Holder(tf.sequential()));\n`;
    probe(join(dir, 'main.ts'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.equal(kind(file.kindOf(args[0]!)), null);
      assert.equal(moduleReadStats.parsed, before, 'holder.ts has no field `toBatch` (a public method has the name): not parsed');
      assert.equal(kind(file.kindOf(args[1]!)), 'model', 'the getter is read like a field of its declared type');
    });
  });

  it("a field of a class behind a barrel: read only when a re-exported module assigns that field", () => {
    const dir = writeProject({
      'classes/index.js': `export * from './Box.js';\nexport * from './Holder.js';\n`,
      'classes/Box.js': `import * as tf from '@tensorflow/tfjs';\nexport class Box {\n  constructor(w) { this.w = w; }\n  toSquare() { return tf.scalar(this.w); }\n}\n`,
      'classes/Holder.js': `import * as tf from '@tensorflow/tfjs';\nexport class Holder {\n  constructor() { this.net = ${MODEL}; }\n}\n`,
    });
    const main = `import { Box, Holder } from './classes/index.js';\nprobe(new Box(2).toSquare);\nprobe(new Holder().net);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.equal(kind(file.kindOf(args[0]!)), null);
      assert.equal(moduleReadStats.parsed, before, 'no module behind the barrel assigns a field `toSquare`: nothing parsed');
      assert.equal(kind(file.kindOf(args[1]!)), 'model');
    });
  });

  it('importMayGiveModel: a factory result or namespace member of a module that never makes a model or layer', () => {
    const dir = writeProject({
      'weights.js': `import * as tf from '@tensorflow/tfjs';\nexport function extractorFactory(w) { return (n) => tf.tensor(w.slice(0, n)); }\n`,
      'nets.js': `import * as tf from '@tensorflow/tfjs';\nexport function buildNet() { return ${MODEL}; }\n`,
      'state.js': `export let net = null;\nexport function setNet(m) { net = m; }\n`,
      'reexport.js': `export { buildNet } from './nets.js';\n`,
    });
    const main = `import { extractorFactory } from './weights.js';\nimport { buildNet } from './reexport.js';\nimport * as w from './weights.js';\nimport { net } from './state.js';\nvar extract = extractorFactory([1, 2]);\nconst model = buildNet();\nprobe(extract);\nprobe(model);\nprobe(w.extractorFactory);\nprobe(net);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.deepEqual(args.map((a) => importMayGiveModel(file, a)), [false, true, false, true], 'buildNet reaches nets.js through the re-export; state.js reassigns net');
      assert.equal(moduleReadStats.parsed, before, 'a text scan only');
      assert.equal(kind(file.kindOf(args[1]!)), 'model');
    });
  });

  it('an `export *` target whose text never mentions the name and re-exports nothing is not parsed', () => {
    const dir = writeProject({
      'index.js': `export * from './boxes.js';\nexport * from './nets.js';\n`,
      'boxes.js': `import * as tf from '@tensorflow/tfjs';\nexport function iou(a, b) { return tf.minimum(a, b); }\n`,
      'nets.js': `import * as tf from '@tensorflow/tfjs';\nexport const shared = ${MODEL};\n`,
    });
    const main = `import { shared } from './index.js';\nprobe(shared);\n`;
    probe(join(dir, 'main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.equal(kind(file.kindOf(args[0]!)), 'model');
      assert.equal(moduleReadStats.parsed, before + 2, 'index.js and nets.js, not boxes.js');
    });
  });
});

describe('constructor parameters of exported classes (across modules)', () => {
  const TRAINER = `export class Trainer { constructor(model, opt) { this.model = model; this.opt = opt; } step() { probe(this.model); probe(this.opt); } }`;
  it('take the kind of the arguments of `new` in the importers (ESM and CommonJS)', () => {
    const esm = writeProject({
      'trainer.js': TRAINER,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer.js';\nexport const t = new Trainer(${MODEL}, tf.train.adam());\n`,
    });
    probe(join(esm, 'trainer.js'), TRAINER, (file, [m, o]) => {
      assert.equal(kind(file.kindOf(m)), 'model');
      assert.equal(kind(file.kindOf(o)), 'optimizer');
    });
    const cjsText = `class Trainer { constructor(model) { this.model = model; } step() { probe(this.model); } }\nmodule.exports = Trainer;`;
    const cjs = writeProject(
      {
        'trainer.cjs': cjsText,
        'main.cjs': `const tf = require('@tensorflow/tfjs');\nconst Trainer = require('./trainer.cjs');\nnew Trainer(${MODEL});\n`,
      },
      'commonjs',
    );
    probe(join(cjs, 'trainer.cjs'), cjsText, (file, [m]) => assert.equal(kind(file.kindOf(m)), 'model'));
  });

  it("are followed from the importer too: a field that stores the constructor's argument, in a module without tfjs", () => {
    const main = `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer.js';\nconst t = new Trainer(${MODEL}, tf.train.adam());\nprobe(t.model);\nprobe(t.opt);\nprobe(t.step);\n`;
    const dir = writeProject({ 'trainer.js': TRAINER, 'main.js': main });
    probe(join(dir, 'main.js'), main, (file, args) => {
      assert.deepEqual(args.map((a) => kind(file.kindOf(a))), ['model', 'optimizer', null]);
    });
  });

  it('stay unknown when an importer subclasses the class (super(…) arguments are not followed) or passes a user object', () => {
    const sub = writeProject({
      'trainer.js': TRAINER,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer.js';\nnew Trainer(${MODEL}, tf.train.adam());\nexport class Custom extends Trainer { constructor() { super({ predict: (x) => x }, null); } }\n`,
    });
    probe(join(sub, 'trainer.js'), TRAINER, (file, [m]) => assert.equal(file.kindOf(m), null));
    const user = writeProject({
      'trainer.js': TRAINER,
      'a.js': `import * as tf from '@tensorflow/tfjs';\nimport { Trainer } from './trainer.js';\nnew Trainer(${MODEL}, tf.train.adam());\n`,
      'b.js': `import { Trainer } from './trainer.js';\nnew Trainer({ predict: (x) => x }, { minimize: () => 0 });\n`,
    });
    probe(join(user, 'trainer.js'), TRAINER, (file, [m, o]) => {
      assert.equal(file.kindOf(m), null);
      assert.equal(file.kindOf(o), null);
    });
  });
});

describe('the gate', () => {
  it('passes a file that reaches tfjs only through its relative imports, and not one whose modules never do', () => {
    const dir = writeProject({ 'model.js': MODEL_MODULE, 'util.js': `export const add = (a, b) => a + b;` });
    probe(join(dir, 'main.js'), `import { model } from './model.js';\nprobe(model);`, (file) => assert.equal(file.touchesTfjs, true));
    probe(join(dir, 'other.js'), `import { add } from './util.js';\nprobe(add);`, (file) => assert.equal(file.touchesTfjs, false));
  });
});

describe('the callee gate (fileMayHoldModels)', () => {
  const TRAIN = `export function train(net, xs) {\n  return probe(net);\n}\n`;
  it('passes a file whose parameters receive models from an importer that builds them through its own import', () => {
    const dir = writeProject({
      'model.js': `import * as tf from '@tensorflow/tfjs';\nexport function createModel() { return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] }); }\n`,
      'main.js': `import { createModel } from './model.js';\nimport { train } from './train.js';\ntrain(createModel(), null);\n`,
      'train.js': TRAIN,
    });
    probe(join(dir, 'train.js'), TRAIN, (file, [net]) => {
      assert.equal(fileMayHoldModels(file), true);
      assert.equal(kind(file.kindOf(net)), 'model', 'the gate must not hide what the resolver finds');
    });
  });

  it('stops a file whose text, imports and importers never make, load or declare a model or layer', () => {
    const util = `import { clamp } from './math.js';\nexport function scale(f, x) { return probe(f)(clamp(x)); }\n`;
    const dir = writeProject({
      'math.js': `export const clamp = (x) => Math.min(1, Math.max(0, x));\n`,
      'util.js': util,
      'main.js': `import * as tf from '@tensorflow/tfjs';\nimport { scale } from './util.js';\nscale((x) => tf.scalar(x), 2);\n`,
    });
    probe(join(dir, 'util.js'), util, (file) => assert.equal(fileMayHoldModels(file), false, 'main.js uses tfjs but makes no model'));
    // the same file without exports gets nothing from importers; with a model type named, it may hold one
    probe(join(dir, 'local.js'), `function run(f) { return probe(f)(1); }\n`, (file) => assert.equal(fileMayHoldModels(file), false));
    probe(join(dir, 'typed.js'), `/** @param {tf.LayersModel} f */\nfunction run(f) { return probe(f)(1); }\n`, (file) => assert.equal(fileMayHoldModels(file), true));
    probe(join(dir, 'alias.js'), `import { layers as L } from '@tensorflow/tfjs';\nconst d = L.dense({ units: 1 });\nprobe(d);\n`, (file, [d]) => {
      assert.equal(fileMayHoldModels(file), true);
      assert.equal(kind(file.kindOf(d)), 'layer');
    });
  });

  it('knows the factories that the resolver knows (modelFromJSON is a model maker)', () => {
    const dir = writeProject({
      'load.js': `import * as tf from '@tensorflow/tfjs';\nexport const restore = (json) => tf.models.modelFromJSON(json);\n`,
      'use.js': `import { restore } from './load.js';\nexport async function run(json, x) { const m = await restore(json); return probe(m); }\n`,
    });
    const text = `import { restore } from './load.js';\nexport async function run(json, x) { const m = await restore(json); return probe(m); }\n`;
    probe(join(dir, 'use.js'), text, (file, [m]) => {
      assert.equal(fileMayHoldModels(file), true);
      assert.equal(kind(file.kindOf(m)), 'model');
    });
  });
});

describe('packages: code inside node_modules is never the project', () => {
  it('gives a file below node_modules without a package.json of its own no package, so no importers and no project scan', () => {
    const dir = writeProject({
      // the project builds Dropout, and its own file imports the vendored one by a relative path
      'src/model.js': `import * as tf from '@tensorflow/tfjs';\nimport { step } from '../node_modules/vendored/lib/step.js';\nconst m = tf.sequential();\nm.add(tf.layers.dropout({ rate: 0.5 }));\nstep(m);\n`,
      'node_modules/vendored/lib/step.js': `export function step(model) { return model; }\n`,
      'node_modules/packaged/package.json': JSON.stringify({ name: 'packaged' }),
      'node_modules/packaged/lib/util.js': `export const one = 1;\n`,
    });
    assert.equal(packageDirOf(join(dir, 'src')), dir);
    assert.equal(packageDirOf(join(dir, 'node_modules', 'vendored', 'lib')), null);
    assert.equal(packageDirOf(join(dir, 'node_modules', 'packaged', 'lib')), join(dir, 'node_modules', 'packaged'));
    const vendored = join(dir, 'node_modules', 'vendored', 'lib', 'step.js');
    assert.deepEqual(importersOf(vendored), []);
    assert.equal(projectConstructsModeDependent(vendored, []), false);
    // the project's own file still has its package and its scan
    assert.equal(projectConstructsModeDependent(join(dir, 'src', 'model.js'), []), true);
  });
});

describe('a class field also written outside the class in its module', () => {
  it('`net.model = await tf.loadLayersModel(…)` in a static load() next to the constructor\'s model: still a model', () => {
    const [a, b] = kindsIn(
      {
        'net.js': `const tf = require('@tensorflow/tfjs');\nclass ChurnNet {\n  constructor() { this.model = tf.sequential(); this.name = 'n'; }\n  static async load(dir) {\n    const net = Object.create(ChurnNet.prototype);\n    net.model = await tf.loadLayersModel(dir);\n    net.name = 42;\n    return net;\n  }\n}\nmodule.exports = { ChurnNet };\n`,
      },
      'main.js',
      `const { ChurnNet } = require('./net');\nconst net = new ChurnNet();\nprobe(net.model);\nprobe(net.name);`,
      'commonjs',
    );
    assert.equal(kind(a!), 'model');
    assert.equal(b, null);
  });

  it('not when the outside write is something else (`net.model = null` aside)', () => {
    const [a] = kindsIn(
      {
        'net.js': `const tf = require('@tensorflow/tfjs');\nclass Net {\n  constructor() { this.model = tf.sequential(); }\n  reset() { const other = this; other.model = null; }\n}\nfunction swap(n) { n.model = { predict: (x) => x }; }\nmodule.exports = { Net, swap };\n`,
      },
      'main.js',
      `const { Net } = require('./net');\nprobe(new Net().model);`,
      'commonjs',
    );
    assert.equal(a, null);
  });
});
