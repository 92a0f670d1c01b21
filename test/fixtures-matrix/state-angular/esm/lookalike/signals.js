// The project's own signal helper, named like Angular's.
export function signal(value) {
  return () => value;
}
