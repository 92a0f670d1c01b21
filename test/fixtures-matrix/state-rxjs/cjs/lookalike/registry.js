const brain = require('brain.js');
const { BehaviorSubject } = require('rxjs');
const { BehaviorSubject: LocalSubject } = require('./subjects.js');
const { createNet } = require('./net.js');

// A number and a brain.js network in subjects, a subject handed to other code, and the project's own BehaviorSubject.
class ModelRegistry {
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
module.exports = { ModelRegistry };
