#!/usr/bin/env node
// `npm start`: the audit of fixtures/pytorch-port, a small PyTorch-style port written with the habits
// the rules catch. Its findings are the point of the demo, so exit 1 ("findings") ends the script
// with 0 and no npm error; exit 2 (a broken setup) still fails.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/src/cli/cli.js', import.meta.url));
const say = (s) => process.stdout.write(`${s}\n`);

say('Demo: auditing fixtures/pytorch-port, a PyTorch-style port written with the habits this plugin catches.');
say('The findings below are expected. On your own code: npx --no-install torch2tf (see README.md).\n');
const r = spawnSync(process.execPath, [cli, '--config-mode', 'builtin', 'fixtures/pytorch-port'], { cwd: root, stdio: 'inherit' });
if (r.status === 1) {
  say('\nDemo done: these are the findings the port was written to show (torch2tf exits 1 on findings).');
  process.exit(0);
}
process.exit(r.status ?? 2);
