// Projects written to a temporary directory and one file of them linted with the recommended config,
// for engine tests whose subject is how files find each other on disk (aliases, workspaces).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';

/** A factory of another module: a Sequential with Dropout (so a missing training flag matters). */
export const NET = `import * as tf from '@tensorflow/tfjs';
export function createNet() {
  const m = tf.sequential();
  m.add(tf.layers.dense({ units: 8, inputShape: [4] }));
  m.add(tf.layers.dropout({ rate: 0.5 }));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}
`;
/** An exported tfjs optimizer. */
export const OPT = `import * as tf from '@tensorflow/tfjs';\nexport const opt = tf.train.adam(1e-3);\n`;
/** A step module that never imports tfjs: the model and the optimizer reach it only through `models` and `opt`. */
export const STEP = (models: string, opt: string): string => `import { createNet } from '${models}';
import { opt } from '${opt}';
const net = createNet();
export function step(xs, ys) {
  return opt.minimize(() => net.predict(xs).sub(ys).square().mean());
}
export function pause() {
  net.eval();
}
`;
/** What the recommended config reports in `STEP` when both imports are followed. */
export const STEP_REPORTS = ['5: require-training-flag', '8: no-torch-mode-switch'];

/** A fresh temporary root for one test file's projects, removed after the file's tests. */
export function projectRoot(prefix: string): (files: Record<string, string>) => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  return (files) => {
    const dir = join(root, `p${count++}`);
    for (const [p, text] of Object.entries({ 'package.json': JSON.stringify({ name: 'app', type: 'module' }), ...files })) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    return dir;
  };
}

/** Lint one file of a project on disk with the recommended config: `line: rule` of each report. */
export function lintOnDisk(dir: string, path: string, files: Record<string, string>): string[] {
  const linter = new Linter({ cwd: dir, configType: 'flat' });
  const recommended = plugin.configs.recommended as Linter.Config;
  return linter
    .verify(
      files[path]!,
      [
        { ...recommended, files: ['**/*.{js,ts}'] },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
      ],
      join(dir, path),
    )
    .map((m) => `${m.line}: ${m.ruleId?.replace('torch2tf/', '') ?? m.message}`);
}
