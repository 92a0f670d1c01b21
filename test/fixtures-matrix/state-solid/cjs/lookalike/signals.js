// The project's own signal helper, named like Solid's.
function createSignal(value) {
  return [() => value, (v) => (value = v)];
}
module.exports = { createSignal };
