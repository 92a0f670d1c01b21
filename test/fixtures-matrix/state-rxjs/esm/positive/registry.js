import * as tf from '@tensorflow/tfjs';
import { BehaviorSubject } from 'rxjs';
import { createNet } from './net.js';

// A service keeping the live model in a subject, replaced with next().
export class ModelRegistry {
  constructor() {
    this.model$ = new BehaviorSubject(createNet());
    this.optimizer = tf.train.adam(1e-3);
  }

  reset() {
    this.model$.next(createNet());
  }
}
