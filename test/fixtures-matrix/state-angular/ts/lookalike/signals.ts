// The project's own signal helper, named like Angular's.
export function signal<T>(value: T): () => T {
  return () => value;
}
