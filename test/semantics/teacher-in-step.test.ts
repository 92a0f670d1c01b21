// Facts behind require-training-flag's `teacherUpdated` report: a model run only for its outputs inside
// another model's training step (a distillation teacher, a DQN target network) is trained too when
// `minimize()` gets no var list, and is left alone with the student's trainable weights as var list.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

const x = tf.randomNormal([8, 4], 0, 1, 'float32', 3);

function setup(): { teacher: tf.Sequential; student: tf.Sequential; loss: () => tf.Scalar; snapshot: (m: tf.LayersModel) => Float32Array[] } {
  const teacher = tf.sequential({
    layers: [tf.layers.dense({ units: 6, inputShape: [4], activation: 'relu' }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 3 })],
  });
  const student = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });
  const loss = (): tf.Scalar =>
    tf.losses.meanSquaredError(teacher.predict(x) as tf.Tensor, student.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
  const snapshot = (m: tf.LayersModel): Float32Array[] => m.getWeights().map((w) => w.dataSync() as Float32Array);
  return { teacher, student, loss, snapshot };
}

const changed = (a: Float32Array, b: Float32Array): boolean => a.some((v, i) => v !== b[i]);

describe("a teacher's predict() inside the student's minimize() step", () => {
  it('without a var list, minimize() updates every weight tensor of the teacher too', () => {
    const { teacher, student, loss, snapshot } = setup();
    const t0 = snapshot(teacher);
    const s0 = snapshot(student);
    tf.train.adam(0.01).minimize(loss);
    const t1 = snapshot(teacher);
    assert.equal(t0.length, 4);
    assert.deepEqual(t0.map((w, i) => changed(w, t1[i]!)), [true, true, true, true], 'all four teacher tensors moved');
    assert.ok(snapshot(student).every((w, i) => changed(w, s0[i]!)), 'the student trains');
  });

  it('with the student trainable weights as var list (student.trainableWeights.map((w) => w.read())), the teacher is untouched', () => {
    const { teacher, student, loss, snapshot } = setup();
    const t0 = snapshot(teacher);
    const s0 = snapshot(student);
    const r = tf.train.adam(0.01).minimize(loss, false, student.trainableWeights.map((w) => w.read() as tf.Variable));
    assert.equal(r, null);
    assert.ok(snapshot(teacher).every((w, i) => !changed(w, t0[i]!)), 'no teacher tensor moved');
    assert.ok(snapshot(student).every((w, i) => changed(w, s0[i]!)), 'the student trains');
  });

  it('predict() runs the teacher in inference mode (no dropout noise on the targets); apply(x, {training: true}) would add it', () => {
    const { teacher } = setup();
    const a = (teacher.predict(x) as tf.Tensor).dataSync();
    const b = (teacher.predict(x) as tf.Tensor).dataSync();
    assert.deepEqual(a, b, 'predict is deterministic');
    const c = (teacher.apply(x, { training: true }) as tf.Tensor).dataSync();
    assert.ok(changed(a as Float32Array, c as Float32Array), 'training mode drops units');
  });
});
