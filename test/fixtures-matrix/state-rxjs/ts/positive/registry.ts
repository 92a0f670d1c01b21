import * as tf from '@tensorflow/tfjs';
import { BehaviorSubject } from 'rxjs';
import { createNet } from './net.js';

// A service keeping the live model in a subject, null until load() and replaced with next().
export class ModelRegistry {
  readonly model$ = new BehaviorSubject<tf.Sequential | null>(null);
  readonly optimizer = tf.train.adam(1e-3);

  load() {
    this.model$.next(createNet());
  }
}
