// Bad input: invalid rule options, malformed settings.torch2tf, files that do not parse, very large and
// very deeply nested files. Generic over every rule in plugin.rules, so new rules are covered automatically.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint, Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../../src/index.js';

const ruleNames = Object.keys(plugin.rules).sort();
const allRules = (plugin.configs.all as { rules: Record<string, 'error'> }).rules;
const linter = new Linter({ configType: 'flat' });

function cfg(rules: Linter.RulesRecord, opts: { ts?: boolean; settings?: Record<string, unknown> } = {}): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { torch2tf: plugin as never },
      ...(opts.ts ? { languageOptions: { parser: tsParser as never } } : {}),
      ...(opts.settings ? { settings: opts.settings } : {}),
      rules,
    },
  ];
}

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return assert.fail('expected an error');
}

const TF_CODE = `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.eval();\n`;

describe('invalid rule options are rejected by the schema with a readable message', () => {
  assert.ok(ruleNames.length > 0);
  for (const name of ruleNames) {
    const rule = plugin.rules[name] as { meta: { schema?: unknown; defaultOptions?: unknown[] } };
    const schema = rule.meta.schema;
    it(`${name}: ${Array.isArray(schema) && schema.length === 0 ? 'schema [] rejects any option' : 'an unknown property is rejected'}`, () => {
      assert.ok(schema !== undefined && schema !== false, `${name} must declare meta.schema`);
      const id = `torch2tf/${name}`;
      if (Array.isArray(schema) && schema.length === 0) {
        for (const bad of [{ foo: true }, 'always', 1]) {
          const msg = thrown(() => linter.verify(TF_CODE, cfg({ [id]: ['error', bad] }), { filename: 'a.js' }));
          assert.match(msg, new RegExp(`"${id}"`), msg);
          assert.match(msg, /should NOT have more than 0 items/, msg);
        }
        // through the ESLint class too (what users hit): the message names the rule and the problem
        return new ESLint({ overrideConfigFile: true, overrideConfig: cfg({ [id]: ['error', { foo: true }] }) })
          .lintText(TF_CODE, { filePath: 'a.js' })
          .then(
            () => assert.fail('ESLint accepted an invalid option'),
            (e: Error) => {
              assert.match(e.message, new RegExp(`"${id}"`));
              assert.match(e.message, /should NOT have more than 0 items/);
            },
          );
      }
      // an options schema: every object option must reject an unknown property
      const msg = thrown(() =>
        linter.verify(TF_CODE, cfg({ [id]: ['error', { thisOptionDoesNotExist__: true }] }), { filename: 'a.js' }),
      );
      assert.match(msg, new RegExp(`"${id}"`), msg);
      assert.match(msg, /thisOptionDoesNotExist__|additional properties|should be|must be/, msg);
      return undefined;
    });
  }
});

describe('the options check above works for a rule with an options schema (none of ours has one yet)', () => {
  it('an unknown property and a wrong type are rejected with the rule name and the problem', () => {
    const rule = {
      meta: {
        type: 'problem' as const,
        schema: [
          {
            type: 'object',
            properties: { allowInTests: { type: 'boolean', description: 'x' } },
            additionalProperties: false,
          },
        ],
        messages: {},
      },
      create: () => ({}),
    };
    const config = (opt: unknown): Linter.Config[] => [
      { files: ['**/*.js'], plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': ['error', opt] as never } },
    ];
    const unknown = thrown(() => linter.verify('x', config({ thisOptionDoesNotExist__: true }), { filename: 'a.js' }));
    assert.match(unknown, /"t\/r"/);
    assert.match(unknown, /thisOptionDoesNotExist__/);
    const wrongType = thrown(() => linter.verify('x', config({ allowInTests: 'yes' }), { filename: 'a.js' }));
    assert.match(wrongType, /"t\/r"/);
    assert.match(wrongType, /allowInTests|boolean/);
    assert.doesNotThrow(() => linter.verify('x', config({ allowInTests: true }), { filename: 'a.js' }));
  });
});

describe('malformed settings.torch2tf gives a readable error naming the rule and the setting', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a string', 'tf', /settings\.torch2tf must be an object/],
    ['an array', ['tf'], /settings\.torch2tf must be an object/],
    ['modules not an array of strings', { modules: '@my/tf' }, /settings\.torch2tf\.modules must be an array of strings/],
    ['globals with a number', { globals: ['tf', 1] }, /settings\.torch2tf\.globals must be an array of strings/],
    ['an unknown key', { module: ['x'] }, /settings\.torch2tf has an unknown key "module"/],
  ];
  for (const name of ruleNames) {
    it(`${name}`, () => {
      for (const [label, value, re] of cases) {
        const msg = thrown(() =>
          linter.verify(TF_CODE, cfg({ [`torch2tf/${name}`]: 'error' }, { settings: { torch2tf: value } }), { filename: 'a.js' }),
        );
        assert.match(msg, re, `${label}: ${msg}`);
        assert.match(msg, new RegExp(`torch2tf/${name}`), `${label}: ${msg}`);
      }
    });
  }
  it('a well-formed settings.torch2tf (and null) is accepted by every rule', () => {
    for (const torch2tf of [{ modules: ['./tf'], globals: ['tf'] }, {}, null]) {
      const msgs = linter.verify(TF_CODE, cfg(allRules, { settings: { torch2tf } }), { filename: 'a.js' });
      assert.ok(msgs.every((m) => !m.fatal));
    }
  });
});

describe('a file that does not parse', () => {
  const broken = [
    { ts: false, code: `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential(;\nm.eval();\n` },
    { ts: true, code: `import * as tf from '@tensorflow/tfjs';\nconst m: tf.LayersModel = tf.sequential(\nm.eval();\n` },
    { ts: false, code: `import * as tf from '@tensorflow/tfjs';\nclass A extends tf.layers.Layer { call(x) { return x.apply( } }\n` },
    { ts: false, code: `import * as tf from '@tensorflow/tfjs'\n\u0000\u0001 tf.tensor([1]).view(-1)` },
  ];
  for (const [i, b] of broken.entries()) {
    it(`gives exactly one parse error and no rule crash (${b.ts ? 'TS' : 'JS'} #${i + 1})`, () => {
      const msgs = linter.verify(b.code, cfg(allRules, { ts: b.ts }), { filename: b.ts ? 'a.ts' : 'a.js' });
      assert.equal(msgs.length, 1, JSON.stringify(msgs));
      assert.equal(msgs[0]!.fatal, true);
      assert.equal(msgs[0]!.ruleId, null);
      assert.match(msgs[0]!.message, /Parsing error/);
    });
  }
});

/** ~1.05 MB of realistic tfjs code with PyTorch habits every few lines. */
function largeFile(): string {
  const block = (i: number) => `
export class Block${i} extends tf.layers.Layer {
  constructor(config) {
    super(config);
    this.conv = tf.layers.conv2d({filters: 16, kernelSize: 3, padding: 1});
    this.bn = tf.layers.batchNormalization({momentum: 0.1});
    this.drop = tf.layers.dropout({rate: 0.1});
  }
  call(inputs, kwargs) {
    return tf.tidy(() => this.drop.apply(this.bn.apply(this.conv.apply(inputs)), kwargs));
  }
  static get className() { return 'Block${i}'; }
}
const model${i} = tf.sequential({layers: [tf.layers.dense({units: ${i % 17 + 1}, inputShape: [4]})]});
model${i}.eval();
const t${i} = tf.tensor([1, 2, 3]).view(-1, 1);
const opt${i} = tf.train.adam(0.001);
opt${i}.zeroGrad();
async function train${i}(xs, ys) {
  for (let e = 0; e < 3; e++) {
    opt${i}.minimize(() => tf.losses.meanSquaredError(ys, model${i}.apply(xs)));
  }
  await model${i}.fit(xs, ys, {epochs: 1});
}
`;
  let out = `import * as tf from '@tensorflow/tfjs';\n`;
  for (let i = 0; out.length < 1_050_000; i++) out += block(i);
  return out;
}

describe('very large and deeply nested files finish without a crash', () => {
  const timed = (label: string, code: string, ts = false) => {
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    const msgs = linter.verify(code, cfg(allRules, { ts }), { filename: ts ? 'big.ts' : 'big.js' });
    const cpu = process.cpuUsage(cpu0);
    const ms = performance.now() - started;
    console.log(
      `  [robustness] ${label}: ${(code.length / 1e6).toFixed(2)} MB, ${code.split('\n').length} lines, ${msgs.length} reports, ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
    );
    return msgs;
  };

  it('a 1.05 MB tfjs file (JS and TS parser)', () => {
    const code = largeFile();
    assert.ok(code.length >= 1_000_000);
    for (const ts of [false, true]) {
      const msgs = timed(`large file (${ts ? 'TS' : 'JS'})`, code, ts);
      assert.ok(msgs.every((m) => !m.fatal), JSON.stringify(msgs.find((m) => m.fatal)));
      // the plugin really ran on it (it is a tfjs file full of PyTorch habits)
      assert.ok(msgs.length > 1000, `${msgs.length} reports`);
    }
  });

  // For each shape: if ESLint itself (no rules) gets through, every rule of the plugin must too.
  const header = `import * as tf from '@tensorflow/tfjs';\n`;
  const shapes: [string, () => string][] = [
    ['2,000-deep tensor method chain', () => `${header}const y = tf.tensor([1])${'.add(1)'.repeat(2000)}.view(-1);\n`],
    ['3,000-deep member chain on tf', () => `${header}const z = tf${'.layers'.repeat(3000)};\n`],
    ['500 nested arrow functions', () => `${header}const f = ${'() => '.repeat(500)}tf.sequential().eval();\n`],
    ['400 nested blocks and ifs', () => `${header}${'if (a) {'.repeat(400)}tf.sequential().eval();${'}'.repeat(400)}\n`],
    ['300 nested parentheses', () => `${header}const p = ${'('.repeat(300)}tf.sequential()${')'.repeat(300)};\np.eval();\n`],
    ['300 nested classes in functions', () => `${header}${'function g() { class C extends tf.layers.Layer { call(x) { '.repeat(300)}this.d.apply(x);${' } } }'.repeat(300)}\n`],
    ['5,000 chained assignments to one model', () => `${header}let m = tf.sequential();\n${'m = m;\n'.repeat(5000)}m.eval();\n`],
    ['2,000-term binary expression of tensors', () => `${header}const s = ${Array.from({ length: 2000 }, () => 'tf.scalar(1)').join(' + ')};\n`],
    ['500 nested tf.tidy calls', () => `${header}const r = ${'tf.tidy(() => '.repeat(500)}tf.scalar(1)${')'.repeat(500)}.item();\n`],
  ];
  for (const [label, make] of shapes) {
    it(label, () => {
      const code = make();
      let coreOk: boolean;
      try {
        // the parser or ESLint's own traversal may run out of stack: nothing the plugin can do then
        coreOk = !linter.verify(code, cfg({}), { filename: 'deep.js' }).some((m) => m.fatal);
      } catch {
        coreOk = false;
      }
      if (!coreOk) {
        console.log(`  [robustness] ${label}: ESLint core itself fails on this input (skipped plugin check)`);
        return;
      }
      const msgs = timed(label, code);
      assert.ok(!msgs.some((m) => m.fatal), JSON.stringify(msgs.find((m) => m.fatal)));
    });
  }
});
