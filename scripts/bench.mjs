#!/usr/bin/env node
/**
 * `npm run bench [-- --reps N] [--tiers user,lib] [--no-build] [--modules]`: what the plugin costs on real code.
 * `--modules` runs only the multi-module tree section (see `writeModuleTree`).
 *
 * On the corpus (`user` + `lib` tiers, built by scripts/corpus.mjs), runs interleaved, repeated ESLint
 * passes over the same files, each in a fresh Node process (`--worker`):
 *   (a) ESLint with one near-free core rule (`no-debugger`)
 *   (b) (a) + the plugin's `all` config
 *   (c) (a) + ESLint's `js.configs.recommended`, as a yardstick for what a rule set usually costs
 * and prints the median wall time (whole process) and CPU time of each, the ratios (b)/(a) and (c)/(a),
 * peak memory (max RSS), and, from one extra pass of (b) with ESLint's `stats: true`, the time of every
 * plugin rule as a share of the total, split between files that mention `@tensorflow/` and files that
 * do not (there the per-file gate `isTfFile` must make the plugin almost free).
 * Writes reports/bench.json (gitignored). Numbers for the docs: docs/performance.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildDist, CACHE_DIR, CORPUS_DIR, ensureCorpus, loadPlugin, ROOT } from './corpus.mjs';

const FILES_JSON = join(CACHE_DIR, 'bench-files.json');
const VARIANTS = {
  a: 'no-debugger only',
  b: 'no-debugger + torch2tf all',
  c: 'no-debugger + @eslint/js recommended',
  d: 'typed: TS files, projectService, no-debugger',
  e: 'typed: (d) + torch2tf all (typed rules on)',
};
/**
 * (f), a stats pass only: (a) + one plugin rule that does nothing but read literal layer options of
 * resolved tfjs calls. What it costs is the floor under any rule set built on the engine: the per-file gate
 * (which must read a file's relative modules to let in a file that uses tfjs only through them), the file
 * index, and the callee paths of the file's calls.
 */
const FLOOR_RULE = 'no-numeric-padding';
const TYPED = new Set(['d', 'e']);
const TS_FILE = /\.(ts|tsx|mts|cts)$/;
const PATTERN = '**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}';

// ------------------------------------------------------------------------------------------ worker

/**
 * A generated multi-module source tree (ESM, CommonJS and TypeScript packages): model factories, an
 * exported model and optimizer, barrels (`export *`, `export {x} from`, index files), wrapper classes,
 * exported training functions called with models from other modules, forward helpers, and files that
 * import nothing from tfjs. Every training file makes the engine read other modules, so (mb)/(ma) on
 * this tree is the cost of following values across modules. Two more flavours import the same modules by
 * bare specifiers: `alias` through tsconfig.json `paths` (`@/g0/model`), `ws` as packages of an npm workspace
 * (`@ws/g0`, with an `exports` map).
 */
// outside node_modules: the engine never applies a project's aliases or workspace packages to code under it
export const MODULE_TREE = join(tmpdir(), 'torch2tf-bench-modules');
const TREE_GROUPS = 40;
const TREE_FLAVOURS = ['esm', 'cjs', 'ts', 'alias', 'ws'];

function writeModuleTree() {
  rmSync(MODULE_TREE, { recursive: true, force: true });
  const model = (layer) => `tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.${layer}(), tf.layers.dense({ units: 1 })] })`;
  const files = {};
  for (const flavour of TREE_FLAVOURS) {
    const ext = flavour === 'ts' || flavour === 'alias' ? 'ts' : 'js';
    const root = `${flavour}/`;
    files[`${root}package.json`] = JSON.stringify({ name: `tree-${flavour}`, type: flavour === 'cjs' ? 'commonjs' : 'module', ...(flavour === 'ws' ? { private: true, workspaces: ['packages/*'] } : {}) });
    if (flavour === 'alias') files[`${root}tsconfig.json`] = JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } });
    for (let g = 0; g < TREE_GROUPS; g++) {
      let d = `${root}g${g}/`;
      if (flavour === 'ws') {
        d = `${root}packages/g${g}/`;
        files[`${d}package.json`] = JSON.stringify({ name: `@ws/g${g}`, type: 'module', exports: { '.': './index.js', './train': './train.js' } });
      }
      const layer = g % 2 ? 'dropout' : 'batchNormalization';
      if (flavour === 'cjs') {
        files[`${d}model.js`] = `const tf = require('@tensorflow/tfjs');\nfunction createModel() { return ${model(layer === 'dropout' ? 'dropout' : layer)}; }\nconst shared = createModel();\nconst optimizer = tf.train.adam(1e-3);\nclass Agent { constructor() { this.model = createModel(); } }\nmodule.exports = { createModel, shared, optimizer, Agent };\n`;
        files[`${d}index.js`] = `module.exports = { ...require('./model'), forward: require('./forward').forward };\n`;
        files[`${d}forward.js`] = `function forward(model, xs) { return model.predict(xs); }\nexports.forward = forward;\n`;
        files[`${d}train.js`] = `function train(model, optimizer, xs, ys, loss) { optimizer.minimize(() => loss(ys, model.predict(xs))); }\nexports.train = train;\n`;
        files[`${d}main.js`] = `const tf = require('@tensorflow/tfjs');\nconst { createModel, shared, optimizer, Agent, forward } = require('./index');\nconst { train } = require('./train');\nconst model = createModel();\nfunction step(xs, ys) { optimizer.minimize(() => tf.losses.meanSquaredError(ys, forward(model, xs))); }\nfunction fit(xs, ys) { train(shared, optimizer, xs, ys, tf.losses.meanSquaredError); new Agent().model.predict(xs).dispose(); }\nmodule.exports = { step, fit };\n`;
        files[`${d}util.js`] = `const { shared } = require('./model');\nfunction summary() { return shared.layers.length; }\nmodule.exports = { summary };\n`;
      } else {
        // ts: extensionless relative; alias: `@/g0/model`; ws: the package's own exports by name (`@ws/g0`)
        const spec = (m) => (flavour === 'ts' ? `./${m}` : flavour === 'alias' ? `@/g${g}/${m}` : flavour === 'ws' && m === 'train' ? `@ws/g${g}/train` : `./${m}.js`);
        const barrel = flavour === 'ts' ? '.' : flavour === 'alias' ? `@/g${g}` : flavour === 'ws' ? `@ws/g${g}` : './index.js';
        files[`${d}model.${ext}`] = `import * as tf from '@tensorflow/tfjs';\nexport function createModel() { return ${model(layer)}; }\nexport const shared = createModel();\nexport const optimizer = tf.train.adam(1e-3);\nexport class Agent { model = createModel(); }\n`;
        files[`${d}index.${ext}`] = `export * from '${spec('model')}';\nexport { forward } from '${spec('forward')}';\n`;
        files[`${d}forward.${ext}`] = `export function forward(model${flavour === 'ts' ? ': any' : ''}, xs${flavour === 'ts' ? ': any' : ''}) { return model.predict(xs); }\n`;
        files[`${d}train.${ext}`] = `export default function train(model, optimizer, xs, ys, loss) { optimizer.minimize(() => loss(ys, model.predict(xs))); }\n`;
        files[`${d}main.${ext}`] = `import * as tf from '@tensorflow/tfjs';\nimport { createModel, shared, optimizer, Agent, forward } from '${barrel}';\nimport train from '${spec('train')}';\nconst model = createModel();\nexport function step(xs, ys) { optimizer.minimize(() => tf.losses.meanSquaredError(ys, forward(model, xs))); }\nexport function fit(xs, ys) { train(shared, optimizer, xs, ys, tf.losses.meanSquaredError); new Agent().model.predict(xs).dispose(); }\n`;
        files[`${d}util.${ext}`] = `import { shared } from '${spec('model')}';\nexport function summary() { return shared.layers.length; }\n`;
      }
    }
  }
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(MODULE_TREE, p)), { recursive: true });
    writeFileSync(join(MODULE_TREE, p), text);
  }
  return Object.keys(files).filter((p) => !p.endsWith('.json')).length;
}

async function worker(variant, withStats) {
  const cpu0 = process.cpuUsage();
  if (variant === 'ma' || variant === 'mb') return treeWorker(variant);
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const allFiles = JSON.parse(readFileSync(FILES_JSON, 'utf8'));
  // typed passes: the corpus' TypeScript files, each program from the nearest tsconfig (a generated
  // one at the corpus root unless a package ships its own), with the real @tensorflow declarations
  const files = TYPED.has(variant) ? allFiles.filter((f) => TS_FILE.test(f)) : allFiles;
  const config = [
    {
      files: [PATTERN],
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
      rules: { 'no-debugger': 'error' },
    },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
    { files: ['**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  ];
  if (TYPED.has(variant)) {
    config.push({ files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: CORPUS_DIR } } });
  }
  if (variant === 'b' || variant === 'e') config.push({ ...(await loadPlugin()).configs.all, files: [PATTERN] });
  if (variant === 'f') {
    const { plugins } = (await loadPlugin()).configs.all;
    config.push({ files: [PATTERN], plugins, rules: { [`torch2tf/${FLOOR_RULE}`]: 'error' } });
  }
  if (variant === 'c') config.push({ ...(await import('@eslint/js')).default.configs.recommended, files: [PATTERN] });
  const eslint = new ESLint({ cwd: CORPUS_DIR, overrideConfigFile: true, overrideConfig: config, cache: false, stats: withStats });
  const t0 = performance.now();
  const results = await eslint.lintFiles(files);
  const lintMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const out = {
    variant,
    files: results.length,
    fatal: results.filter((r) => r.messages.some((m) => m.fatal)).length,
    lintMs,
    processMs: performance.now(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  if (variant === 'b' || variant === 'e') {
    // other modules the engine parsed to follow imported values (the linted files are parsed by ESLint)
    const { moduleReadStats } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'engine', 'module-resolve.js')).href);
    out.modules = { parsed: moduleReadStats.parsed, parseMs: moduleReadStats.parseMs };
  }
  if (withStats) {
    // per-rule time, split by what the per-file gate (FileIndex.touchesTfjs) does with the file: it mentions
    // tfjs; it does not, but reaches tfjs through its relative modules (the gate lets it in, as it must:
    // `import { model } from './model'`); or the gate stops it (there the plugin must be almost free)
    const { relativeImportsTouchTfjs, importedByTfjsModule } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'engine', 'module-resolve.js')).href);
    const bucketOf = () => ({ files: 0, total: 0, parse: 0, rules: {} });
    const agg = { tf: bucketOf(), reach: bucketOf(), other: bucketOf() };
    for (const r of results) {
      const text = readFileSync(r.filePath, 'utf8');
      const reaches = () => relativeImportsTouchTfjs(r.filePath, text, []) || importedByTfjsModule(r.filePath, text, []);
      const bucket = text.includes('@tensorflow/') ? agg.tf : reaches() ? agg.reach : agg.other;
      bucket.files++;
      for (const pass of r.stats?.times?.passes ?? []) {
        bucket.total += pass.total ?? 0;
        bucket.parse += pass.parse?.total ?? 0;
        for (const [id, t] of Object.entries(pass.rules ?? {})) bucket.rules[id] = (bucket.rules[id] ?? 0) + t.total;
      }
    }
    out.stats = agg;
  }
  process.stdout.write(JSON.stringify(out));
}

/** (ma) no-debugger / (mb) + the plugin's `all` config, on the generated multi-module tree. */
async function treeWorker(variant) {
  const cpu0 = process.cpuUsage();
  const { ESLint } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const config = [
    { files: [PATTERN], languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, rules: { 'no-debugger': 'error' } },
    { files: ['cjs/**/*.js'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  ];
  if (variant === 'mb') config.push({ ...(await loadPlugin()).configs.all, files: [PATTERN] });
  const eslint = new ESLint({ cwd: MODULE_TREE, overrideConfigFile: true, overrideConfig: config, cache: false, stats: variant === 'mb' });
  const t0 = performance.now();
  const results = await eslint.lintFiles(['.']);
  const lintMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  let pluginMs = 0;
  let totalMs = 0;
  for (const r of results) {
    for (const pass of r.stats?.times?.passes ?? []) {
      totalMs += pass.total ?? 0;
      for (const [id, t] of Object.entries(pass.rules ?? {})) if (id.startsWith('torch2tf/')) pluginMs += t.total;
    }
  }
  const { moduleReadStats } = await import(pathToFileURL(join(ROOT, 'dist', 'src', 'engine', 'module-resolve.js')).href);
  process.stdout.write(
    JSON.stringify({
      variant,
      files: results.length,
      fatal: results.filter((r) => r.messages.some((m) => m.fatal)).length,
      reports: results.reduce((n, r) => n + r.messages.filter((m) => m.ruleId?.startsWith('torch2tf/')).length, 0),
      lintMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      pluginMs,
      totalMs,
      modules: moduleReadStats,
    }),
  );
}

/** `--modules`: the multi-module tree section alone (also part of the full bench). */
function benchModuleTree(reps) {
  const n = writeModuleTree();
  console.log(`\nmulti-module tree: ${n} files in ${MODULE_TREE} (${TREE_FLAVOURS.join(', ')}; ${TREE_GROUPS} groups each); ${reps} interleaved rep(s)`);
  const runs = { ma: [], mb: [] };
  for (let i = 0; i < reps; i++) {
    for (const v of i % 2 ? ['mb', 'ma'] : ['ma', 'mb']) {
      const r = runWorker(v);
      runs[v].push(r);
      console.log(`  rep ${i + 1} ${v}: wall ${(r.wallMs / 1000).toFixed(2)} s, lint ${(r.lintMs / 1000).toFixed(2)} s, cpu ${(r.cpuMs / 1000).toFixed(2)} s${v === 'mb' ? `, plugin rules ${r.pluginMs.toFixed(0)} ms of ${r.totalMs.toFixed(0)} ms, ${r.reports} reports, modules parsed ${r.modules.parsed} (${r.modules.failed} unreadable) in ${r.modules.parseMs.toFixed(0)} ms` : ''}`);
    }
  }
  const med = (v, k) => median(runs[v].map((r) => r[k]));
  const mb = runs.mb[0];
  const result = {
    files: n,
    cpuRatio: med('mb', 'cpuMs') / med('ma', 'cpuMs'),
    lintRatio: med('mb', 'lintMs') / med('ma', 'lintMs'),
    pluginShare: med('mb', 'pluginMs') / med('mb', 'totalMs'),
    moduleParseMs: mb.modules.parseMs,
    modulesParsed: mb.modules.parsed,
    reports: mb.reports,
    runs,
  };
  result.moduleParseShare = mb.modules.parseMs / mb.totalMs;
  console.log(
    `  tree (mb)/(ma): cpu ${result.cpuRatio.toFixed(3)}, lint wall ${result.lintRatio.toFixed(3)}; plugin rules ${(result.pluginShare * 100).toFixed(1)}% of lint time, of which parsing other modules ${mb.modules.parseMs.toFixed(0)} ms (${(result.moduleParseShare * 100).toFixed(1)}% of lint time, ${mb.modules.parsed} modules); ${mb.reports} reports`,
  );
  return result;
}

// ------------------------------------------------------------------------------------------ main

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function runWorker(variant, withStats = false) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', variant, ...(withStats ? ['--stats'] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`bench worker ${variant} failed (exit ${r.status}):\n${r.stderr}`);
  return { ...JSON.parse(r.stdout), wallMs };
}

async function main(argv) {
  const get = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const reps = Number(get('reps', '5'));
  if (argv.includes('--modules')) {
    if (!argv.includes('--no-build')) buildDist();
    const tree = benchModuleTree(reps);
    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(join(ROOT, 'reports', 'bench-modules.json'), JSON.stringify(tree, null, 2) + '\n');
    console.log('\nwrote reports/bench-modules.json');
    return;
  }
  const tiers = get('tiers', 'user,lib').split(',');
  const rows = ensureCorpus(tiers);
  if (!argv.includes('--no-build')) buildDist();
  const plugin = await loadPlugin();
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(FILES_JSON, JSON.stringify(rows.map((r) => r.path)));
  writeFileSync(
    join(CORPUS_DIR, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true, noEmit: true, types: [], strict: false },
      include: ['**/*.ts', '**/*.tsx'],
    }),
  );
  const lines = rows.reduce((s, r) => s + r.lines, 0);
  console.log(`bench: ${rows.length} files, ${lines} lines (tiers ${tiers.join(', ')}); ${reps} interleaved rep(s) of ${Object.keys(VARIANTS).length} variants, each a fresh process`);
  console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; plugin rules: ${Object.keys(plugin.configs.all.rules).length}`);

  const runs = { a: [], b: [], c: [], d: [], e: [] };
  const order = ['a', 'b', 'c', 'd', 'e'];
  for (let i = 0; i < reps; i++) {
    // rotate the order so no variant always runs first (or right after the same neighbour)
    const rot = order.map((_, k) => order[(k + i) % order.length]);
    for (const v of rot) {
      const r = runWorker(v);
      runs[v].push(r);
      console.log(`  rep ${i + 1} ${v}: wall ${(r.wallMs / 1000).toFixed(2)} s, lint ${(r.lintMs / 1000).toFixed(2)} s, cpu ${(r.cpuMs / 1000).toFixed(2)} s, rss ${r.maxRssMb.toFixed(0)} MB`);
    }
  }
  const summary = Object.fromEntries(
    Object.keys(VARIANTS).map((v) => [
      v,
      {
        label: VARIANTS[v],
        wallMs: median(runs[v].map((r) => r.wallMs)),
        lintMs: median(runs[v].map((r) => r.lintMs)),
        cpuMs: median(runs[v].map((r) => r.cpuMs)),
        maxRssMb: Math.max(...runs[v].map((r) => r.maxRssMb)),
        fatal: runs[v][0].fatal,
      },
    ]),
  );
  console.log('\nmedians:');
  for (const [v, s] of Object.entries(summary)) {
    console.log(`  (${v}) ${s.label.padEnd(40)} wall ${(s.wallMs / 1000).toFixed(2)} s  lint ${(s.lintMs / 1000).toFixed(2)} s  cpu ${(s.cpuMs / 1000).toFixed(2)} s  peak rss ${s.maxRssMb.toFixed(0)} MB`);
  }
  const ratio = (x, y, k) => summary[x][k] / summary[y][k];
  const ratios = {
    wall: { ba: ratio('b', 'a', 'wallMs'), ca: ratio('c', 'a', 'wallMs') },
    lint: { ba: ratio('b', 'a', 'lintMs'), ca: ratio('c', 'a', 'lintMs') },
    cpu: { ba: ratio('b', 'a', 'cpuMs'), ca: ratio('c', 'a', 'cpuMs') },
  };
  for (const [k, r] of Object.entries(ratios)) {
    console.log(`  ${k.padEnd(4)} (b)/(a) = ${r.ba.toFixed(3)} ${r.ba <= 1.03 ? '(target ≤ 1.03 met)' : '(target ≤ 1.03 MISSED)'}   (c)/(a) = ${r.ca.toFixed(3)}`);
  }
  ratios.typed = { wall: ratio('e', 'd', 'wallMs'), cpu: ratio('e', 'd', 'cpuMs') };
  console.log(
    `  typed (e)/(d): cpu ${ratios.typed.cpu.toFixed(3)}, wall ${ratios.typed.wall.toFixed(3)} ${ratios.typed.cpu <= 1.1 ? '(target ≤ 1.10 met)' : '(target ≤ 1.10 MISSED)'} on ${runs.d[0].files} TypeScript files`,
  );

  console.log('\nper-rule time, one extra pass of (b) with stats: true');
  const statsRun = runWorker('b', true);
  const st = statsRun.stats;
  const total = st.tf.total + st.reach.total + st.other.total;
  const ruleIds = [...new Set([...Object.keys(st.tf.rules), ...Object.keys(st.reach.rules), ...Object.keys(st.other.rules)])];
  const perRule = ruleIds
    .map((id) => {
      const tf = st.tf.rules[id] ?? 0;
      const reach = st.reach.rules[id] ?? 0;
      const other = st.other.rules[id] ?? 0;
      return { id, ms: tf + reach + other, share: (tf + reach + other) / total, tfMs: tf, reachMs: reach, otherMs: other };
    })
    .sort((x, y) => y.ms - x.ms);
  console.log(
    `  total ${(total / 1000).toFixed(2)} s (parse ${(((st.tf.parse + st.reach.parse + st.other.parse) / total) * 100).toFixed(1)}%); files mentioning @tensorflow/: ${st.tf.files}; reaching it through their modules: ${st.reach.files}; stopped by the gate: ${st.other.files}`,
  );
  for (const r of perRule) {
    const flag = r.id.startsWith('torch2tf/') && r.share > 0.01 ? '  ABOVE 1%' : '';
    console.log(
      `  ${r.id.padEnd(48)} ${r.ms.toFixed(1).padStart(8)} ms  ${(r.share * 100).toFixed(2).padStart(5)}%   (tf ${r.tfMs.toFixed(1)}, through modules ${r.reachMs.toFixed(1)}, stopped ${r.otherMs.toFixed(2)} ms)${flag}`,
    );
  }
  const sum = (k) => perRule.filter((r) => r.id.startsWith('torch2tf/')).reduce((s, r) => s + r[k], 0);
  const pluginTf = sum('tfMs');
  const pluginReach = sum('reachMs');
  const pluginOther = sum('otherMs');
  const pluginAll = pluginTf + pluginReach + pluginOther;
  console.log(
    `  plugin total: ${pluginAll.toFixed(0)} ms = ${((pluginAll / total) * 100).toFixed(2)}% of lint time; on files reaching tfjs through their modules ${pluginReach.toFixed(0)} ms; on the files the gate stops ${pluginOther.toFixed(1)} ms = ${((pluginOther / Math.max(1, st.other.total)) * 100).toFixed(3)}% of their ${(st.other.total / 1000).toFixed(2)} s (the cost of the gate itself)`,
  );
  if (statsRun.modules) {
    console.log(`  other modules parsed by the engine: ${statsRun.modules.parsed} in ${statsRun.modules.parseMs.toFixed(0)} ms; peak RSS of the pass ${statsRun.maxRssMb.toFixed(0)} MB`);
  }
  const floorRun = runWorker('f', true);
  const fst = floorRun.stats;
  const floorTotal = fst.tf.total + fst.reach.total + fst.other.total;
  const floorMs = ['tf', 'reach', 'other'].reduce((s, k) => s + (fst[k].rules[`torch2tf/${FLOOR_RULE}`] ?? 0), 0);
  const floor = { rule: FLOOR_RULE, ms: floorMs, share: floorMs / floorTotal, otherMs: fst.other.rules[`torch2tf/${FLOOR_RULE}`] ?? 0 };
  console.log(
    `  floor, one extra stats pass of (a) + ${FLOOR_RULE} alone: ${floorMs.toFixed(0)} ms = ${(floor.share * 100).toFixed(2)}% of lint time (gate, file index, callee paths; ${floor.otherMs.toFixed(0)} ms of it on the files the gate stops)`,
  );

  const moduleTree = benchModuleTree(reps);

  const out = {
    moduleTree,
    generatedAt: new Date().toISOString(),
    node: process.version,
    cores: availableParallelism(),
    cpu: cpus()[0]?.model,
    files: rows.length,
    lines,
    tiers,
    reps,
    summary,
    ratios,
    perRule,
    floor,
    statsPass: {
      total,
      tfFiles: st.tf.files,
      reachFiles: st.reach.files,
      otherFiles: st.other.files,
      pluginTfMs: pluginTf,
      pluginReachMs: pluginReach,
      pluginOtherMs: pluginOther,
      otherFilesTotalMs: st.other.total,
      modules: statsRun.modules ?? null,
    },
    runs,
  };
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(join(ROOT, 'reports', 'bench.json'), JSON.stringify(out, null, 2) + '\n');
  console.log('\nwrote reports/bench.json');
}

const argv = process.argv.slice(2);
if (argv[0] === '--worker') {
  worker(argv[1], argv.includes('--stats')).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main(argv).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
