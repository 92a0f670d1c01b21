// A project that declares tfjs itself (`declare module '@tensorflow/tfjs' { … }`: typings written where
// the package cannot be installed, or augmentations such as `interface Tensor { item(): number }`): for
// the checker those declarations are the tfjs module's, so types must keep proving tfjs values there.
// Before, a type declared outside node_modules/@tensorflow was taken as "not tfjs", and the typed
// configs reported 10 of the 28 bugs of fixtures/blind/ts-hierarchy that the untyped ones report.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { lintTypedProject } from './lint-typed-project.js';

// outside the repository, so that the real @tensorflow/tfjs cannot be resolved: the shim is all there is
const root = mkdtempSync(join(tmpdir(), 'torch2tf-ambient-'));
after(() => rmSync(root, { recursive: true, force: true }));

const SHIM = `declare module '@tensorflow/tfjs' {
  export class Tensor { dispose(): void; }
  export class LayersModel { apply(x: Tensor, kwargs?: { training?: boolean }): Tensor; predict(x: Tensor): Tensor; }
  export class Optimizer { minimize(f: () => Tensor, returnCost?: boolean): Tensor | null; }
  export namespace train { function adam(lr?: number): Optimizer; }
  export namespace losses { function meanSquaredError(a: Tensor, b: Tensor): Tensor; }
  export namespace layers { function dropout(config: { rate: number }): unknown; }
}
`;
// the model arrives through a declaration file only the checker reads: only types can prove it
const ZOO = `import type * as tf from '@tensorflow/tfjs';\nexport declare const zoo: { get(name: string): tf.LayersModel };\n`;
const TRAIN = `import * as tf from '@tensorflow/tfjs';
import { zoo } from './zoo.js';
export const drop = tf.layers.dropout({ rate: 0.1 });
const opt = tf.train.adam(1e-3);
export function step(xs: tf.Tensor, ys: tf.Tensor): void {
  const net = zoo.get('policy');
  opt.minimize(() => tf.losses.meanSquaredError(ys, net.apply(xs)));
}
`;

function write(name: string, shim: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src', 'types'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'ambient', type: 'module' }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], noEmit: true }, include: ['src'] }));
  writeFileSync(join(dir, 'src', 'types', 'tfjs.d.ts'), shim);
  writeFileSync(join(dir, 'src', 'zoo.d.ts'), ZOO);
  writeFileSync(join(dir, 'src', 'train.ts'), TRAIN);
  return dir;
}

const lint = (dir: string): Promise<string[]> => lintTypedProject(dir, ['src/train.ts']);

describe("types declared in `declare module '@tensorflow/tfjs'`", () => {
  it('prove a model: `apply()` without {training: true} in a minimize() step is reported', async () => {
    assert.deepEqual(await lint(write('shim', SHIM)), ['torch2tf/require-training-flag-type-checked 7']);
  });

  it('a look-alike module of another name proves nothing', async () => {
    const dir = write('lookalike', SHIM.replace("'@tensorflow/tfjs'", "'@acme/tensors'"));
    // train.ts still imports '@tensorflow/tfjs', now unresolved (any): nothing is proven either way
    assert.deepEqual(await lint(dir), []);
  });
});
