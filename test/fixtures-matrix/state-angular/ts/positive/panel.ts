import * as tf from '@tensorflow/tfjs';
import { computed, signal } from '@angular/core';
import { createNet } from './net.js';

// A component keeping the model in a signal set in ngOnInit; a computed reads it.
export class TrainingPanel {
  readonly model = signal<tf.Sequential | null>(null);
  readonly active = computed(() => this.model());

  ngOnInit() {
    this.model.set(createNet());
  }

  async fitAll(xs: tf.Tensor, ys: tf.Tensor) {
    const model = this.model();
    await model?.fit(xs, ys, { epochs: 2, batch_size: 16 }); // expect: no-unknown-options
  }

  pause() {
    this.active()?.eval(); // expect: no-torch-mode-switch
  }
}
