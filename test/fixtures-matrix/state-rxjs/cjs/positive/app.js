const { filter, firstValueFrom, map } = require('rxjs');
const { ModelRegistry } = require('./registry.js');

// Another module reads the subject: getValue(), an operator callback, an awaited firstValueFrom(), a subscriber.
const registry = new ModelRegistry();

function pause() {
  registry.model$.getValue().eval(); // expect: no-torch-mode-switch
}

function count() {
  return registry.model$.pipe(filter(Boolean), map((m) => m.parameters().length)); // expect: no-torch-module-api
}

async function guess(x) {
  const model = await firstValueFrom(registry.model$);
  return model.predict(x).argMax(-1).item(); // expect: no-torch-tensor-api
}

function watch() {
  registry.model$.subscribe((m) => m.train()); // expect: no-torch-mode-switch
}
module.exports = { pause, count, guess, watch };
