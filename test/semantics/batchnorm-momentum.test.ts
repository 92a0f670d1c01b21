// Facts behind no-torch-batchnorm-momentum, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

/** moving_mean / moving_var after one training call on x=[1,2,3,4] (batch mean 2.5, biased var 1.25). */
function oneStep(config: object): { mean: number; variance: number } {
  const bn = tf.layers.batchNormalization(config);
  bn.apply(tf.tensor2d([[1], [2], [3], [4]]), { training: true });
  const [, , mm, mv] = bn.getWeights().map((w) => w.dataSync()[0]!);
  return { mean: mm!, variance: mv! };
}

const close = (a: number, b: number, msg: string) => assert.ok(Math.abs(a - b) < 1e-6, `${msg}: ${a} vs ${b}`);

describe('no-torch-batchnorm-momentum: tfjs momentum keeps the OLD average', () => {
  it('momentum 0.9: one step from moving_mean 0 gives 0.25 (= 0.9·0 + 0.1·2.5) and moving_var 1.025', () => {
    const s = oneStep({ momentum: 0.9 });
    close(s.mean, 0.25, 'moving_mean');
    close(s.variance, 1.025, 'moving_var');
  });

  it('momentum 0.1: one step gives moving_mean 2.25 (= 0.1·0 + 0.9·2.5): the batch dominates', () => {
    const s = oneStep({ momentum: 0.1 });
    close(s.mean, 2.25, 'moving_mean');
    close(s.variance, 1.225, 'moving_var');
  });

  it('the default momentum is 0.99', () => {
    assert.equal((tf.layers.batchNormalization() as unknown as { momentum: number }).momentum, 0.99);
  });

  it('tfjs momentum 1 - m reproduces the PyTorch update rule with momentum m over several steps', () => {
    const mTorch = 0.1;
    const bn = tf.layers.batchNormalization({ momentum: 1 - mTorch });
    let running = 0; // PyTorch: running = (1 - m)·running + m·batch_mean
    for (let step = 0; step < 5; step++) {
      const x = tf.tensor2d([[1 + step], [2 + step], [3 + step], [4 + step]]);
      bn.apply(x, { training: true });
      running = (1 - mTorch) * running + mTorch * (2.5 + step);
    }
    close(bn.getWeights()[2]!.dataSync()[0]!, running, 'moving_mean after 5 steps');
  });

  it('using the PyTorch value directly (momentum 0.1) does not reproduce PyTorch', () => {
    const bn = tf.layers.batchNormalization({ momentum: 0.1 });
    bn.apply(tf.tensor2d([[1], [2], [3], [4]]), { training: true });
    const pytorch = 0.1 * 2.5; // PyTorch momentum=0.1 after one step from 0
    assert.ok(Math.abs(bn.getWeights()[2]!.dataSync()[0]! - pytorch) > 1);
  });
});
