// Facts behind no-torch-mode-switch, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf, zeroFraction } from './tf.js';

class Custom extends tf.layers.Layer {
  static className = 'Custom';
  call(x: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    return x;
  }
}

function makeObjects(): Record<string, object> {
  const input = tf.input({ shape: [4] });
  return {
    Sequential: tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4] })] }),
    LayersModel: tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor }),
    Dropout: tf.layers.dropout({ rate: 0.5 }),
    'custom Layer': new Custom({}),
  };
}

describe('no-torch-mode-switch: tfjs has no train()/eval()', () => {
  for (const [label, obj] of Object.entries(makeObjects())) {
    for (const method of ['eval', 'train']) {
      it(`${label}.${method}() throws TypeError "is not a function"`, () => {
        assert.equal(typeof (obj as Record<string, unknown>)[method], 'undefined');
        assert.throws(() => (obj as Record<string, () => void>)[method]!(), { name: 'TypeError', message: /is not a function/ });
      });
    }
  }

  it('assigning model.training = false is ignored: dropout still drops with {training: true} and never without', () => {
    const model = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.5, inputShape: [2000] })] });
    (model as unknown as Record<string, unknown>)['training'] = false;
    const x = tf.ones([1, 2000]);
    const trained = zeroFraction(model.apply(x, { training: true }) as tf.Tensor);
    assert.ok(trained > 0.4 && trained < 0.6, `zero fraction with training:true was ${trained}`);
    (model as unknown as Record<string, unknown>)['training'] = true;
    assert.equal(zeroFraction(model.apply(x) as tf.Tensor), 0, 'apply(x) without the kwarg stays in inference mode');
  });

  it('isTraining is fit() re-entrancy state, not a mode: setting it makes fit() refuse to start', async () => {
    const input = tf.input({ shape: [1] });
    const model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const open = model as unknown as { isTraining: boolean };
    assert.equal(open.isTraining, false);
    open.isTraining = true;
    await assert.rejects(model.fit(tf.ones([2, 1]), tf.ones([2, 1]), { epochs: 1, verbose: 0 }), /another fit\(\) call is ongoing/);
  });
});
