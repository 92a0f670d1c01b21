// Facts behind no-torch-module-api, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MODULE_METHODS, MODULE_PROPERTIES } from '../../src/facts/torch-module-api.js';
import { tf, zeroFraction } from './tf.js';

class Custom extends tf.layers.Layer {
  static className = 'CustomModuleApi';
  call(x: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
    return x;
  }
}

type Open = Record<string, unknown>;

function objects(): Record<string, object> {
  const input = tf.input({ shape: [4] });
  return {
    Sequential: tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4] })] }),
    LayersModel: tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2 }).apply(input) as tf.SymbolicTensor }),
    Dense: tf.layers.dense({ units: 2 }),
    'custom Layer': new Custom({}),
  };
}

function bnModel(): tf.Sequential {
  return tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [2] }), tf.layers.batchNormalization()] });
}

describe('no-torch-module-api: PyTorch module members do not exist on tfjs models and layers', () => {
  for (const [label, obj] of Object.entries(objects())) {
    it(`${label}: every PyTorch method in the table is undefined and throws TypeError when called`, () => {
      for (const name of MODULE_METHODS.keys()) {
        assert.equal(typeof (obj as Open)[name], 'undefined', name);
        assert.throws(() => (obj as Record<string, () => void>)[name]!(), { name: 'TypeError', message: /is not a function/ }, name);
      }
    });
    it(`${label}: requires_grad is undefined; trainable is the boolean tfjs property`, () => {
      for (const name of MODULE_PROPERTIES.keys()) assert.equal((obj as Open)[name], undefined, name);
      assert.equal(typeof (obj as Open)['trainable'], 'boolean');
    });
    it(`${label}: is not callable like a PyTorch module`, () => {
      assert.throws(() => (obj as unknown as (x: tf.Tensor) => void)(tf.ones([1, 4])), { name: 'TypeError', message: /is not a function/ });
    });
  }

  it('a tf.variable has no requires_grad but a boolean trainable (true by default)', () => {
    const v = tf.variable(tf.scalar(1));
    assert.equal((v as unknown as Open)['requires_grad'], undefined);
    assert.equal(v.trainable, true);
  });
});

describe('no-torch-module-api: the tfjs replacements', () => {
  it('apply(x) runs in inference mode; apply(x, {training: true}) in training mode', () => {
    const model = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.5, inputShape: [2000] })] });
    const x = tf.ones([1, 2000]);
    assert.equal(zeroFraction(model.apply(x) as tf.Tensor), 0);
    const z = zeroFraction(model.apply(x, { training: true }) as tf.Tensor);
    assert.ok(z > 0.4 && z < 0.6, `zero fraction with training:true was ${z}`);
  });

  it('trainableWeights excludes and weights includes BatchNorm moving stats; both hold LayerVariables whose read() is a tf.Variable', () => {
    const m = bnModel();
    assert.equal(m.trainableWeights.length, 4);
    assert.equal(m.weights.length, 6);
    assert.deepEqual(m.nonTrainableWeights.map((w) => w.name.split('/').pop()), ['moving_mean', 'moving_variance']);
    assert.ok(m.weights.every((w) => !(w instanceof tf.Variable) && w.read() instanceof tf.Variable));
  });

  it('getWeights() returns the tensors in weights order; setWeights() takes such a list, not a name-keyed dict', () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    const ws = m.getWeights();
    assert.deepEqual(ws.map((w) => w.shape), m.weights.map((w) => w.shape));
    m.setWeights([tf.ones([3, 2]), tf.fill([2], 7)]);
    assert.deepEqual(Array.from(m.getWeights()[1]!.dataSync()), [7, 7]);
    assert.throws(() => m.setWeights({ kernel: tf.ones([3, 2]) } as unknown as tf.Tensor[]), /weight list of length undefined/);
  });

  it('model.save() + tf.loadLayersModel() persist a model (layers have no save())', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await m.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts!));
    assert.deepEqual(Array.from(loaded.getWeights()[0]!.dataSync()), Array.from(m.getWeights()[0]!.dataSync()));
    assert.equal(typeof (tf.layers.dense({ units: 1 }) as unknown as Open)['save'], 'undefined');
  });

  it('layer.trainable = false removes its weights from trainableWeights', () => {
    const m = bnModel();
    m.layers[0]!.trainable = false;
    assert.equal(m.trainableWeights.length, 2);
    assert.equal(m.weights.length, 6);
  });

  it('variable.trainable = false stops training; writing requires_grad = false does not', () => {
    const frozen = tf.variable(tf.scalar(1));
    const pytorchStyle = tf.variable(tf.scalar(1));
    frozen.trainable = false;
    (pytorchStyle as unknown as Open)['requires_grad'] = false;
    tf.train.sgd(0.1).minimize(() => frozen.mul(pytorchStyle).square() as tf.Scalar);
    assert.equal(frozen.dataSync()[0], 1, 'trainable = false froze it');
    assert.notEqual(pytorchStyle.dataSync()[0], 1, 'requires_grad = false froze nothing');
  });

  it('layer.requires_grad = false freezes nothing: its weights stay in trainableWeights', () => {
    const m = bnModel();
    (m.layers[0] as unknown as Open)['requires_grad'] = false;
    assert.equal(m.trainableWeights.length, 4);
  });

  it('inside a Layer subclass, call() is the forward pass: calling this.apply() from call() recurses forever', () => {
    class Recursing extends tf.layers.Layer {
      static className = 'RecursingModuleApi';
      call(x: tf.Tensor | tf.Tensor[]): tf.Tensor | tf.Tensor[] {
        return this.apply(x) as tf.Tensor;
      }
    }
    assert.throws(() => new Recursing({}).apply(tf.ones([1, 2])), { name: 'RangeError', message: /Maximum call stack size exceeded/ });
    assert.deepEqual(Array.from((new Custom({}).apply(tf.ones([1, 2])) as tf.Tensor).dataSync()), [1, 1], 'call(x) is what apply(x) runs');
  });

  it('tf.grad(f)(x) differentiates with respect to a plain tensor', () => {
    assert.equal(tf.grad((x: tf.Tensor) => x.square())(tf.scalar(3)).dataSync()[0], 6);
  });

  it('countParams() counts every weight scalar, non-trainable ones included (Keras count_params)', () => {
    const m = bnModel();
    const all = m.weights.reduce((s, w) => s + w.shape.reduce((a, b) => a! * b!, 1)!, 0);
    assert.equal(m.countParams(), all);
    assert.equal(all, 21);
    assert.throws(() => tf.layers.dense({ units: 2 }).countParams(), /not built yet/);
  });

  it('model.layers lists the direct layers: not recursive, and without the model itself', () => {
    const inner = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.dense({ units: 2 })] });
    const outer = tf.sequential({ layers: [inner, tf.layers.dense({ units: 1 })] });
    assert.equal(outer.layers.length, 2);
    assert.equal(outer.layers[0], inner);
    assert.ok(!outer.layers.includes(outer as unknown as tf.layers.Layer));
  });

  it('the backend is one global choice (tf.setBackend / tf.getBackend), not a per-model device', async () => {
    assert.equal(tf.getBackend(), 'cpu');
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    for (const name of ['cuda', 'cpu', 'to', 'device']) assert.equal(typeof (m as unknown as Open)[name], 'undefined');
    assert.equal(typeof tf.setBackend, 'function');
    assert.equal(await tf.setBackend('cpu'), true);
  });
});
