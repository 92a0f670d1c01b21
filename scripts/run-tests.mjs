#!/usr/bin/env node
// Runs every test file under test/ with node:test (Node 20 has no globs and ignores .ts on its own),
// two files at a time, each in its own process; fails if any file fails or runs zero tests
// (a test file that silently runs nothing is a failure to us). Ends with "N passed, N failed".
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);

function collect(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'fixtures' ? [] : collect(p);
    return name.endsWith('.test.ts') ? [p] : [];
  });
}

const files = (only.length ? only.map((f) => join(root, f)) : collect(join(root, 'test'))).sort();
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(1);
}

function runOne(file) {
  return new Promise((resolve) => {
    const rel = relative(root, file);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './test/setup.ts', '--test', '--test-reporter=spec', rel],
      { cwd: root, env: { ...process.env, TORCH2TF_TESTING: '1', FORCE_COLOR: '0' } },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const num = (label) => Number(out.match(new RegExp(`^ℹ ${label} (\\d+)$`, 'm'))?.[1] ?? 0);
      resolve({ rel, code, out, pass: num('pass'), fail: num('fail'), tests: num('tests') });
    });
  });
}

const queue = [...files];
const results = [];
const workers = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, async () => {
  while (queue.length > 0) {
    const r = await runOne(queue.shift());
    process.stdout.write(`\n=== ${r.rel}: ${r.pass} passed, ${r.fail} failed (exit ${r.code})\n`);
    if (r.code !== 0 || r.fail > 0 || r.tests === 0 || process.env.VERBOSE) process.stdout.write(r.out);
    results.push(r);
  }
});
await Promise.all(workers);

const pass = results.reduce((s, r) => s + r.pass, 0);
const fail = results.reduce((s, r) => s + r.fail, 0);
const empty = results.filter((r) => r.tests === 0);
const crashed = results.filter((r) => r.code !== 0 && r.fail === 0);
console.log('');
for (const r of results.sort((a, b) => a.rel.localeCompare(b.rel))) console.log(`  ${r.rel}: ${r.pass}/${r.tests}`);
if (empty.length) console.error(`run-tests: these test files ran no test:\n  ${empty.map((r) => r.rel).join('\n  ')}`);
if (crashed.length) console.error(`run-tests: these test files exited non-zero:\n  ${crashed.map((r) => r.rel).join('\n  ')}`);
console.log(`${pass} passed, ${fail + empty.length + crashed.length} failed`);
process.exit(fail > 0 || empty.length > 0 || crashed.length > 0 ? 1 : 0);
