// The project's own tiny store helper, named like zustand's.
export function create(fn) {
  let state = {};
  const set = (part) => {
    state = { ...state, ...part };
  };
  state = fn(set, () => state);
  const use = (selector) => selector(state);
  use.getState = () => state;
  return use;
}
