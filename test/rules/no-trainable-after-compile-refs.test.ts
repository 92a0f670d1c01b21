// no-trainable-after-compile on a model kept in a Vue ref (`classifier.value`): the compile, the freeze and
// the training call all name the ref's one slot, so they are one model (src/engine/trainable.ts, `RefKey`).
// The tfjs fact is the rule's own (test/semantics/trainable-after-compile.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintOnDisk, projectRoot } from '../engine/disk-project.js';

const writeProject = projectRoot('torch2tf-tac-refs-');

const store = (second: string): string => `import * as tf from '@tensorflow/tfjs';
import { shallowRef } from 'vue';
const classifier = shallowRef(null);
const other = shallowRef(null);
function build() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dense({ units: 2 })] });
}
export async function train(xs, ys) {
  classifier.value = build();
  other.value = build();
  classifier.value.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  await classifier.value.fit(xs, ys, { epochs: 2 });
  ${second}.value.layers[0].trainable = false;
  await classifier.value.fit(xs, ys, { epochs: 2 });
}
`;

function reports(text: string): string[] {
  const files = { 'src/store.js': text };
  return lintOnDisk(writeProject(files), 'src/store.js', files).filter((r) => r.endsWith('no-trainable-after-compile'));
}

describe('no-trainable-after-compile: a model in a Vue ref', () => {
  it('reports a freeze of a layer of the compiled model the ref holds, before the next fit()', () => {
    assert.deepEqual(reports(store('classifier')), ['13: no-trainable-after-compile']);
  });

  it('stays quiet when the freeze is on another ref, whose model is never compiled', () => {
    assert.deepEqual(reports(store('other')), []);
  });
});
