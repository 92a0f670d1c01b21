// require-training-flag across modules: the reports of a file do not depend on which other files the
// process has linted before it. A GAN whose step function lives in its own module (step.ts) is linted
// first, so the engine parses main.ts and gan.ts itself; then in ESLint's usual order.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import rule from '../../rules/require-training-flag.js';

const ROOT = mkdtempSync(join(tmpdir(), 'torch2tf-rtf-modules-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

const FILES: Record<string, string> = {
  'gan.ts': `import * as tf from '@tensorflow/tfjs';
export class GAN {
  generator = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 4 })] });
  discriminator = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dense({ units: 1 })] });
  gOpt = tf.train.adam(2e-4);
}
`,
  'step.ts': `import * as tf from '@tensorflow/tfjs';
export function trainStep(generator, discriminator, gOpt, noise) {
  gOpt.minimize(() => {
    const dFake = discriminator.apply(generator.apply(noise));
    return tf.losses.sigmoidCrossEntropy(tf.onesLike(dFake), dFake);
  }, false, generator.trainableWeights);
}
`,
  'main.ts': `import * as tf from '@tensorflow/tfjs';
import { GAN } from './gan';
import { trainStep } from './step';
const gan = new GAN();
export function loop() {
  trainStep(gan.generator, gan.discriminator, gan.gOpt, tf.randomNormal([8, 4]));
}
`,
};

function writeProject(name: string): string {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }));
  for (const [f, text] of Object.entries(FILES)) writeFileSync(join(dir, f), text);
  return dir;
}

/** Lint the files in `order`, one at a time in this process; the lines reported in step.ts. */
function stepReports(dir: string, order: string[]): number[] {
  const linter = new Linter({ cwd: '/', configType: 'flat' });
  let lines: number[] = [];
  for (const f of order) {
    const messages = linter.verify(
      readFileSync(join(dir, f), 'utf8'),
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': 'error' } }],
      join(dir, f),
    );
    if (f === 'step.ts') lines = messages.map((m) => m.line);
  }
  return lines;
}

describe('require-training-flag: reports do not depend on the lint order', () => {
  // generator.apply(noise) runs the generator (BatchNormalization) in inference mode in its own step
  it('step.ts linted first (the engine parses its importer and the GAN module)', () => {
    assert.deepEqual(stepReports(writeProject('first'), ['step.ts']), [4]);
  });
  it('step.ts linted after gan.ts and main.ts', () => {
    assert.deepEqual(stepReports(writeProject('last'), ['gan.ts', 'main.ts', 'step.ts']), [4]);
  });
});
