const { map, tap } = require('rxjs');
const { ModelRegistry } = require('./registry.js');

// Reads that must stay quiet: the values are no tfjs model, not all writes are visible, or a map changed them.
const registry = new ModelRegistry(loader);

function pause() {
  registry.model$.getValue().eval();
  registry.local$.getValue().eval();
  registry.net$.getValue().train(data);
  registry.epoch$.subscribe((e) => e.step());
  registry.model$.pipe(map((m) => m.summary), tap((s) => s.eval())).subscribe((s) => s.train());
}
module.exports = { pause };
