// The option table is a fact generated from the installed tfjs declarations: regenerating it must
// give exactly the checked-in file (a tfjs upgrade then shows, key by key, what changed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
// @ts-expect-error: plain .mjs script without declarations
import { renderOptionTable } from '../../scripts/gen-option-table.mjs';
import { OPTION_CALLS, OPTION_KEYS, OPTIMIZER_PARAMS } from '../../src/facts/tfjs-options.js';

describe('src/facts/tfjs-options.ts', () => {
  it('is exactly what scripts/gen-option-table.mjs generates from the installed @tensorflow/tfjs declarations', () => {
    const checkedIn = readFileSync(new URL('../../src/facts/tfjs-options.ts', import.meta.url), 'utf8');
    assert.equal((renderOptionTable as () => string)(), checkedIn);
  });

  it('includes inherited LayerArgs keys in every layer args type', () => {
    for (const [call, { type }] of Object.entries(OPTION_CALLS)) {
      if (!call.includes('layers.') || type === 'InputConfig' || type === 'InputLayerArgs') continue; // inputs are not LayerArgs
      for (const k of ['name', 'inputShape', 'batchInputShape', 'trainable', 'dtype', 'weights']) {
        assert.ok(OPTION_KEYS[type]!.includes(k), `${call} (${type}) lacks ${k}`);
      }
    }
  });

  it('maps the factories, classes and model methods the rule judges', () => {
    assert.equal(OPTION_CALLS['layers.conv2d']!.type, 'ConvLayerArgs');
    assert.equal(OPTION_CALLS['layers.maxPool2d']!.type, 'Pooling2DLayerArgs');
    assert.equal(OPTION_CALLS['new layers.RNN']!.type, 'RNNLayerArgs');
    assert.deepEqual(OPTION_CALLS['model#fit'], { arg: 2, type: 'ModelFitArgs' });
    assert.deepEqual(OPTION_KEYS['ModelCompileArgs'], ['loss', 'metrics', 'optimizer']);
    assert.ok(!OPTION_KEYS['ConvLayerArgs']!.includes('stride'));
    assert.deepEqual(OPTIMIZER_PARAMS['adam']!.map((p) => p.name), ['learningRate', 'beta1', 'beta2', 'epsilon']);
  });
});
