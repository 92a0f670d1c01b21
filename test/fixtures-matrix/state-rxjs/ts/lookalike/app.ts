import { map, tap } from 'rxjs';
import { ModelRegistry } from './registry.js';

declare const loader: { onReady(s: unknown): void };
declare const data: number[];

// Reads that must stay quiet: the values are no tfjs model, not all writes are visible, or a map changed them.
const registry = new ModelRegistry(loader);

export function pause() {
  registry.model$.getValue().eval();
  registry.local$.getValue().eval();
  registry.net$.getValue().train(data);
  registry.epoch$.subscribe((e) => e.step());
  registry.model$.pipe(map((m) => m.summary), tap((s) => s.eval())).subscribe((s) => s.train());
}
