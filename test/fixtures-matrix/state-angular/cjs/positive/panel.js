const { computed, signal } = require('@angular/core');
const { createNet } = require('./net.js');

// A component keeping the model in a signal set in ngOnInit; a computed reads it.
class TrainingPanel {
  model = signal(null);
  active = computed(() => this.model());

  ngOnInit() {
    this.model.set(createNet());
  }

  async fitAll(xs, ys) {
    const model = this.model();
    await model.fit(xs, ys, { epochs: 2, batch_size: 16 }); // expect: no-unknown-options
  }

  pause() {
    this.active().eval(); // expect: no-torch-mode-switch
  }
}
module.exports = { TrainingPanel };
