// The project's own signal helper, named like Angular's.
function signal(value) {
  return () => value;
}
module.exports = { signal };
