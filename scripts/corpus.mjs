#!/usr/bin/env node
/**
 * `npm run corpus`: lints ~200k lines of real published tfjs code with every rule of the plugin
 * (`configs.all`) and writes reports/corpus-report.{md,json}.
 *
 *   node scripts/corpus.mjs [--tiers user,lib,trap[,extra]] [--no-fix-check] [--no-build] [--rebuild]
 *
 * - The corpus is rebuilt from the npm registry by the shared `build-corpus.sh` (path: $TORCH2TF_CORPUS_SCRIPT,
 *   default /work/shared/corpus/build-corpus.sh) into node_modules/.cache/torch2tf-corpus/out, with the tarball
 *   cache in node_modules/.cache/torch2tf-corpus/tarballs (both outside git). It is only rebuilt when missing,
 *   when other tiers are asked for, or with --rebuild.
 * - Parsers: typescript-eslint for .ts/.tsx/.mts/.cts; espree (ecmaVersion latest) for .js/.mjs/.cjs, first as
 *   sourceType 'module' (or 'commonjs' for .cjs), then 'script' when the module parse fails (ES5 / sloppy-mode
 *   bundles). A file that parses in neither is a genuine parse failure, counted separately.
 * - A rule that throws is recorded with its stack, switched off for that file, and the file is linted again so
 *   the other rules still run. Any rule crash makes the script exit 1.
 * - Fix check (on by default): on every file with a fix, the fixes are applied in memory (Linter#verifyAndFix),
 *   the output must parse and a second lint must report nothing fixable; every suggestion's output must parse.
 *   Failures also exit 1.
 * - Work is spread over worker threads (one per core).
 *
 * Exports helpers reused by scripts/bench.mjs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'torch2tf-corpus');
export const CORPUS_DIR = join(CACHE_DIR, 'out');
const TARBALLS = join(CACHE_DIR, 'tarballs');
const BUILD_SCRIPT = process.env.TORCH2TF_CORPUS_SCRIPT ?? join(ROOT, '..', 'shared', 'corpus', 'build-corpus.sh');
const TS_EXT = /\.(ts|tsx|mts|cts)$/;
export const LINTABLE = /\.(js|mjs|cjs|ts|tsx|mts|cts)$/;

/** Builds (or reuses) the corpus for the given tiers. Returns the manifest rows. */
export function ensureCorpus(tiers, { rebuild = false } = {}) {
  const marker = join(CORPUS_DIR, '.tiers');
  const want = [...tiers].sort().join(',');
  const have = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
  const haveSet = new Set(have.split(',').filter(Boolean));
  if (rebuild || !existsSync(join(CORPUS_DIR, 'MANIFEST.tsv')) || !tiers.every((t) => haveSet.has(t))) {
    if (!existsSync(BUILD_SCRIPT)) throw new Error(`corpus builder not found at ${BUILD_SCRIPT} (set TORCH2TF_CORPUS_SCRIPT)`);
    mkdirSync(TARBALLS, { recursive: true });
    console.error(`corpus: building tiers ${want} into ${relative(ROOT, CORPUS_DIR)} (tarball cache ${relative(ROOT, TARBALLS)})`);
    const r = spawnSync('bash', [BUILD_SCRIPT, CORPUS_DIR, '--tiers', want, '--cache', TARBALLS], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) throw new Error(`build-corpus.sh failed with exit ${r.status}`);
    writeFileSync(marker, want + '\n');
  }
  return readManifest().filter((row) => tiers.includes(row.tier));
}

export function readManifest() {
  const lines = readFileSync(join(CORPUS_DIR, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines
    .map((l) => {
      const [tier, pkg, mode, path, nlines, isTest] = l.split('\t');
      return { tier, pkg, mode, path, lines: Number(nlines), isTest: isTest === '1' };
    })
    .filter((r) => LINTABLE.test(r.path));
}

/** Compiles the plugin to dist/ (type errors in others' in-progress files do not stop tsc from emitting). */
export function buildDist() {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const errs = (r.stdout.match(/error TS\d+/g) ?? []).length;
    console.error(`corpus: tsc reported ${errs} type error(s) (emitted anyway); dist/ may include in-progress rules`);
  }
  if (!existsSync(join(ROOT, 'dist/src/index.js'))) throw new Error('dist/src/index.js missing after build');
}

export async function loadPlugin() {
  return (await import(pathToFileURL(join(ROOT, 'dist/src/index.js')).href)).default;
}

/**
 * The flat config used on the corpus for one parse mode. `rules` are the rules to run; `parser` the
 * typescript-eslint parser. sourceType: 'module' | 'script' | 'commonjs' (JS only).
 */
export function configFor({ ts, sourceType, rules, plugin, parser, jsx = false }) {
  return [
    {
      files: ['**/*.{js,mjs,cjs,jsx,ts,tsx,mts,cts}'],
      plugins: plugin ? { torch2tf: plugin } : {},
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      languageOptions: ts
        ? { parser, parserOptions: { ecmaFeatures: { jsx } }, sourceType: 'module' }
        : { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx } } },
      rules,
    },
  ];
}

// ------------------------------------------------------------------------------------------ worker

/** With `noInlineConfig` (so a corpus file's `eslint-disable` cannot hide our reports) ESLint notes each ignored comment. */
const isInlineConfigNotice = (m) => m.ruleId === null && !m.fatal && /has no effect because you have 'noInlineConfig'/.test(m.message);

async function workerMain() {
  const { files, fixCheck } = workerData;
  const { Linter } = await import('eslint');
  const parser = (await import('@typescript-eslint/parser')).default;
  const plugin = await loadPlugin();
  const allRules = plugin.configs.all.rules;
  const linter = new Linter({ configType: 'flat' });
  const configCache = new Map();
  const cfg = (ts, sourceType, jsx, rules) => {
    const key = `${ts}|${sourceType}|${jsx}|${Object.keys(rules).join(',')}`;
    if (!configCache.has(key)) configCache.set(key, configFor({ ts, sourceType, jsx, rules, plugin, parser }));
    return configCache.get(key);
  };

  // canary: the harness must see a report on a known PyTorch habit, or a silent config mistake would
  // make the whole corpus look clean
  const canary = `import * as tf from '@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.eval();\n`;
  for (const [ts, name] of [[false, 'corpus/canary.js'], [true, 'corpus/canary.ts']]) {
    const got = linter.verify(canary, cfg(ts, 'module', false, allRules), { filename: name });
    if (!got.some((m) => m.ruleId?.startsWith('torch2tf/'))) throw new Error(`harness canary ${name} got no report: ${JSON.stringify(got)}`);
  }

  for (const f of files) {
    const text = readFileSync(join(CORPUS_DIR, f.path), 'utf8');
    const filename = join('corpus', f.path); // virtual, relative to cwd: the real path is under node_modules (ignored)
    const ts = TS_EXT.test(f.path);
    const jsx = /\.(tsx|jsx)$/.test(f.path);
    const started = performance.now();
    const out = { ...f, parse: null, parseError: null, messages: [], crashes: [], fixProblems: [], ms: 0, fixable: 0 };

    // 1. lint with every rule, in the first parse mode that works. A crashing rule is recorded and switched
    //    off, then the file is linted again so the other rules still run.
    const modes = ts ? ['module'] : f.path.endsWith('.cjs') ? ['commonjs', 'script'] : f.path.endsWith('.mjs') ? ['module'] : ['module', 'script'];
    const rules = { ...allRules };
    let mode = null;
    let firstError = null;
    let messages = [];
    for (const m of modes) {
      for (;;) {
        try {
          messages = linter.verify(text, cfg(ts, m, jsx, rules), { filename });
          break;
        } catch (err) {
          const ruleId = err.ruleId ?? null;
          out.crashes.push({ ruleId: ruleId ?? '(unknown)', message: String(err.message).split('\n')[0], stack: String(err.stack) });
          if (!ruleId || !(ruleId in rules)) break;
          delete rules[ruleId];
        }
      }
      const fatal = messages.find((x) => x.fatal);
      if (!fatal) {
        mode = m;
        break;
      }
      firstError ??= `${fatal.line}:${fatal.column} ${fatal.message}`;
    }
    if (!mode) {
      out.parse = 'failed';
      out.parseError = firstError;
      out.ms = performance.now() - started;
      parentPort.postMessage(out);
      continue;
    }
    out.parse = ts ? 'ts' : mode;
    const lines = text.split(/\r?\n/);
    out.messages = messages
      .filter((m) => m.ruleId?.startsWith('torch2tf/'))
      .map((m) => ({
        ruleId: m.ruleId,
        messageId: m.messageId,
        line: m.line,
        column: m.column,
        source: (lines[m.line - 1] ?? '').trim().slice(0, 240),
        message: m.message,
        fix: !!m.fix,
        suggestions: (m.suggestions ?? []).length,
      }));
    const other = messages.filter((m) => !m.ruleId?.startsWith('torch2tf/') && !isInlineConfigNotice(m));
    // anything else (a fatal error on the second parse, "no matching configuration") is a harness failure
    for (const m of other) out.crashes.push({ ruleId: '(harness)', message: m.message, stack: '' });

    // 3. fix check (in memory)
    if (fixCheck && out.crashes.length === 0) {
      const parses = (code) => {
        const fatal = linter.verify(code, cfg(ts, mode, jsx, {}), { filename }).find((x) => x.fatal);
        return fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : null;
      };
      for (const m of messages) {
        for (const s of m.suggestions ?? []) {
          const code = text.slice(0, s.fix.range[0]) + s.fix.text + text.slice(s.fix.range[1]);
          const err = parses(code);
          if (err) out.fixProblems.push({ kind: 'suggestion output does not parse', ruleId: m.ruleId, line: m.line, detail: `${s.desc}: ${err}` });
        }
      }
      if (messages.some((m) => m.fix)) {
        out.fixable = messages.filter((m) => m.fix).length;
        try {
          const fixed = linter.verifyAndFix(text, cfg(ts, mode, jsx, rules), { filename });
          const err = parses(fixed.output);
          if (err) {
            out.fixProblems.push({ kind: 'fixed output does not parse', ruleId: '(all fixes)', line: 0, detail: err });
          } else {
            const again = linter.verify(fixed.output, cfg(ts, mode, jsx, rules), { filename }).filter((m) => m.fix);
            for (const m of again) {
              out.fixProblems.push({ kind: 'still fixable after verifyAndFix (not idempotent / no convergence)', ruleId: m.ruleId, line: m.line, detail: m.message });
            }
          }
        } catch (e) {
          out.fixProblems.push({ kind: 'rule crashed on fixed output', ruleId: e.ruleId ?? '(unknown)', line: 0, detail: String(e.stack) });
        }
      }
    }
    out.ms = performance.now() - started;
    parentPort.postMessage(out);
  }
  parentPort.postMessage({ done: true });
}

// ------------------------------------------------------------------------------------------ main

function parseArgs(argv) {
  const args = { tiers: ['user', 'lib', 'trap'], fixCheck: true, build: true, rebuild: false, workers: availableParallelism() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tiers') args.tiers = argv[++i].split(',').map((t) => t.trim()).filter(Boolean);
    else if (a.startsWith('--tiers=')) args.tiers = a.slice(8).split(',');
    else if (a === '--no-fix-check') args.fixCheck = false;
    else if (a === '--fix-check') args.fixCheck = true;
    else if (a === '--no-build') args.build = false;
    else if (a === '--rebuild') args.rebuild = true;
    else if (a === '--workers') args.workers = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

const md = (s) => String(s).replace(/\|/g, '\\|').replace(/`/g, 'ˋ');

function writeReport(args, results, elapsed, plugin) {
  const tiers = args.tiers;
  const ruleNames = Object.keys(plugin.configs.all.rules).sort();
  const byTier = Object.fromEntries(tiers.map((t) => [t, results.filter((r) => r.tier === t)]));
  const summary = tiers.map((t) => {
    const rs = byTier[t];
    const count = (p) => rs.filter((r) => r.parse === p).length;
    return {
      tier: t,
      files: rs.length,
      lines: rs.reduce((s, r) => s + r.lines, 0),
      parsedAs: { module: count('module'), commonjs: count('commonjs'), script: count('script'), ts: count('ts') },
      parseFailures: count('failed'),
      reports: rs.reduce((s, r) => s + r.messages.length, 0),
      crashes: rs.reduce((s, r) => s + r.crashes.length, 0),
      fixProblems: rs.reduce((s, r) => s + r.fixProblems.length, 0),
      lintMs: Math.round(rs.reduce((s, r) => s + r.ms, 0)),
    };
  });
  const perRule = ruleNames.map((rule) => ({
    rule,
    ...Object.fromEntries(tiers.map((t) => [t, byTier[t].reduce((s, r) => s + r.messages.filter((m) => m.ruleId === `torch2tf/${rule}`).length, 0)])),
  }));
  const reports = results.flatMap((r) => r.messages.map((m) => ({ tier: r.tier, pkg: r.pkg, file: r.path, isTest: r.isTest, ...m })));
  const crashes = results.flatMap((r) => r.crashes.map((c) => ({ tier: r.tier, file: r.path, ...c })));
  const fixProblems = results.flatMap((r) => r.fixProblems.map((p) => ({ tier: r.tier, file: r.path, ...p })));
  const parseFailures = results.filter((r) => r.parse === 'failed').map((r) => ({ tier: r.tier, file: r.path, error: r.parseError }));
  const json = {
    generatedAt: new Date().toISOString(),
    plugin: { name: plugin.meta.name, version: plugin.meta.version, rules: ruleNames },
    node: process.version,
    workers: args.workers,
    tiers,
    elapsedMs: Math.round(elapsed),
    fixCheck: args.fixCheck,
    fixedFiles: results.filter((r) => r.fixable > 0).length,
    summary,
    perRule,
    reports,
    crashes,
    fixProblems,
    parseFailures,
  };
  const dir = join(ROOT, 'reports');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'corpus-report.json'), JSON.stringify(json, null, 2) + '\n');

  const o = [];
  o.push(`# Corpus report`, '');
  o.push(`Generated ${json.generatedAt} by \`npm run corpus\` (${process.version}, ${args.workers} worker thread(s)); wall time ${(elapsed / 1000).toFixed(1)} s.`);
  o.push(`Plugin ${plugin.meta.name}@${plugin.meta.version}, config \`all\` (${ruleNames.length} rules): ${ruleNames.map((r) => `\`${r}\``).join(', ')}.`);
  o.push(`Fix check: ${args.fixCheck ? `on (${json.fixedFiles} file(s) had fixes applied in memory)` : 'off'}.`, '');
  o.push('Every report below is a false positive until shown otherwise (`lib`: tfjs itself; `trap`: look-alike libraries, every report is wrong).', '');
  o.push('## Summary', '', '| tier | files | lines | module / commonjs / script / ts | parse failures | reports | rule crashes | fix-check problems | lint time (s, summed over workers) |', '|---|---:|---:|---|---:|---:|---:|---:|---:|');
  for (const s of summary) {
    o.push(`| ${s.tier} | ${s.files} | ${s.lines} | ${s.parsedAs.module} / ${s.parsedAs.commonjs} / ${s.parsedAs.script} / ${s.parsedAs.ts} | ${s.parseFailures} | ${s.reports} | ${s.crashes} | ${s.fixProblems} | ${(s.lintMs / 1000).toFixed(1)} |`);
  }
  o.push('', '## Reports per rule per tier', '', `| rule | ${tiers.join(' | ')} |`, `|---|${tiers.map(() => '---:').join('|')}|`);
  for (const r of perRule) o.push(`| ${r.rule} | ${tiers.map((t) => r[t]).join(' | ')} |`);
  o.push('', `## Rule crashes (${crashes.length})`, '');
  for (const c of crashes) o.push(`### ${c.ruleId} on ${c.tier} ${c.file}`, '', '```', c.stack || c.message, '```', '');
  o.push('', `## Fix-check problems (${fixProblems.length})`, '');
  for (const p of fixProblems) o.push(`- ${p.tier} \`${p.file}:${p.line}\` ${p.ruleId}: ${p.kind}: ${md(p.detail).slice(0, 400)}`);
  o.push('', `## Parse failures (${parseFailures.length})`, '');
  for (const p of parseFailures) o.push(`- ${p.tier} \`${p.file}\`: ${md(p.error)}`);
  o.push('', `## Every report (${reports.length})`, '');
  for (const t of tiers) {
    const rs = reports.filter((r) => r.tier === t);
    o.push(`### ${t} (${rs.length})`, '');
    for (const r of rs) {
      o.push(`- **${r.ruleId}** (${r.messageId}${r.fix ? ', fix' : ''}${r.suggestions ? `, ${r.suggestions} suggestion(s)` : ''}) \`${r.file}:${r.line}:${r.column}\`${r.isTest ? ' (test file)' : ''}`);
      o.push(`  \`${md(r.source)}\``);
    }
    o.push('');
  }
  writeFileSync(join(dir, 'corpus-report.md'), o.join('\n') + '\n');
  return json;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const files = ensureCorpus(args.tiers, { rebuild: args.rebuild });
  if (args.build) buildDist();
  const plugin = await loadPlugin();
  // biggest files first, dealt round-robin: keeps the workers evenly loaded
  const sorted = [...files].sort((a, b) => b.lines - a.lines);
  const n = Math.max(1, Math.min(args.workers, sorted.length));
  const results = [];
  const lintStarted = performance.now();
  let seen = 0;
  await Promise.all(
    Array.from({ length: n }, (_, w) => {
      const slice = sorted.filter((_, i) => i % n === w);
      return new Promise((resolve, reject) => {
        const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { files: slice, fixCheck: args.fixCheck } });
        worker.on('message', (m) => {
          if (m.done) return;
          results.push(m);
          if (++seen % 250 === 0) console.error(`corpus: ${seen}/${sorted.length} files`);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      });
    }),
  );
  const lintMs = performance.now() - lintStarted;
  results.sort((a, b) => a.tier.localeCompare(b.tier) || a.path.localeCompare(b.path));
  const json = writeReport(args, results, performance.now() - started, plugin);
  for (const s of json.summary) {
    console.log(
      `${s.tier.padEnd(6)} ${String(s.files).padStart(5)} files ${String(s.lines).padStart(7)} lines  reports ${String(s.reports).padStart(4)}  crashes ${s.crashes}  fix-check ${s.fixProblems}  parse failures ${s.parseFailures}`,
    );
  }
  for (const r of json.perRule) {
    const counts = args.tiers.map((t) => `${t}=${r[t]}`).join(' ');
    if (args.tiers.some((t) => r[t] > 0)) console.log(`  ${r.rule}: ${counts}`);
  }
  console.log(`lint ${(lintMs / 1000).toFixed(1)} s, total ${(json.elapsedMs / 1000).toFixed(1)} s; report: reports/corpus-report.md (+ .json)`);
  if (json.crashes.length > 0) console.error(`corpus: ${json.crashes.length} rule crash(es), see reports/corpus-report.md`);
  if (json.fixProblems.length > 0) console.error(`corpus: ${json.fixProblems.length} fix-check problem(s), see reports/corpus-report.md`);
  process.exitCode = json.crashes.length > 0 || json.fixProblems.length > 0 ? 1 : 0;
}

if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((err) => {
    console.error(err);
    process.exitCode = 2;
  });
} else if (!isMainThread) {
  workerMain().catch((err) => {
    console.error(err);
    process.exit(3);
  });
}

