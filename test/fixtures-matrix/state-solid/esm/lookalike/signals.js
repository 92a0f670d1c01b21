// The project's own signal helper, named like Solid's.
export function createSignal(value) {
  return [() => value, (v) => (value = v)];
}
