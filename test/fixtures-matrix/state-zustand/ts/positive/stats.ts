import { useTrainer } from './store.js';

// A component reading the store through a selector and getState(): it never mentions tfjs or zustand.
export function paramCount() {
  const model = useTrainer((s) => s.model);
  return model.parameters().length; // expect: no-torch-module-api
}

export function resetOptimizer() {
  useTrainer.getState().optimizer.zero_grad(); // expect: no-torch-optimizer-api
}
