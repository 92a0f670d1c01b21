import brain from 'brain.js';
import { BehaviorSubject } from 'rxjs';
import { BehaviorSubject as LocalSubject } from './subjects.js';
import { createNet } from './net.js';

// A number and a brain.js network in subjects, a subject handed to other code, and the project's own BehaviorSubject.
export class ModelRegistry {
  constructor(loader) {
    this.epoch$ = new BehaviorSubject(0);
    this.net$ = new BehaviorSubject(new brain.NeuralNetwork());
    this.model$ = new BehaviorSubject(null);
    this.local$ = new LocalSubject(createNet());
    loader.onReady(this.model$);
  }

  load() {
    this.model$.next(createNet());
  }
}
