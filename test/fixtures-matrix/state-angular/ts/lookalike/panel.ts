import { signal } from '@angular/core';
import { signal as localSignal } from './signals.js';
import { createNet } from './net.js';

// A number and a user object in signals, a signal handed to other code, and the project's own signal().
export class TrainingPanel {
  epoch = signal(0);
  trainer = signal({ train() {}, eval() {} });
  model = signal(null);
  local = localSignal(createNet());

  ngOnInit(host: { bind(s: unknown): void }) {
    this.model.set(createNet());
    host.bind(this.model);
    this.epoch.update((e) => e + 1);
  }

  pause() {
    this.trainer().eval();
    this.model().eval();
    this.local().eval();
    return this.epoch().step;
  }
}
