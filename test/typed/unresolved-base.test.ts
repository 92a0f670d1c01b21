// A TypeScript project linted with type information while the tfjs package it imports is not installed
// (or not resolvable from the linted file, such as `@tensorflow/tfjs-node` before `npm install`): a
// class that extends `tf.layers.Layer` has a base the checker cannot resolve. Before, the checker's "a
// class whose declarations are all visible and none is tfjs" made such a layer "not tfjs", and the typed
// configs dropped 4 of the 29 bugs of fixtures/blind/nlp-seq2seq-ts that the untyped ones report.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lintTypedProject } from './lint-typed-project.js';

// outside the repository, so that no @tensorflow package can be resolved
const root = mkdtempSync(join(tmpdir(), 'torch2tf-unresolved-base-'));
after(() => rmSync(root, { recursive: true, force: true }));

const ENCODER = `import * as tf from '@tensorflow/tfjs-node';
export class Encoder extends tf.layers.Layer {
  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] { return inputs; }
  static get className(): string { return 'Encoder'; }
}
`;
const OWN = `export class Scheduler { train(mode: boolean): void { void mode; } }\nexport class Base { eval(): void {} }\nexport class Derived extends Base {}\n`;
const MODEL = `import { Encoder } from './encoder.js';
import { Derived, Scheduler } from './own.js';
export class Seq2Seq {
  readonly encoder = new Encoder({});
  readonly scheduler = new Scheduler();
  readonly other = new Derived();
  train(mode = true): this {
    this.encoder.train(mode);
    this.scheduler.train(mode);
    this.other.eval();
    return this;
  }
}
`;

const lint = (dir: string): Promise<string[]> => lintTypedProject(dir, ['src/model.ts']);

describe('types: a class whose base the checker cannot resolve proves nothing', () => {
  it('`this.encoder.train(mode)` on a tf.layers.Layer subclass is reported with tfjs not installed; own classes stay quiet', async () => {
    const dir = join(root, 'p');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'p', type: 'module' }));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], noEmit: true }, include: ['src'] }));
    writeFileSync(join(dir, 'src', 'encoder.ts'), ENCODER);
    writeFileSync(join(dir, 'src', 'own.ts'), OWN);
    writeFileSync(join(dir, 'src', 'model.ts'), MODEL);
    assert.deepEqual(await lint(dir), ['torch2tf/no-torch-mode-switch 8']);
  });
});
