import { useOwn, useTrainer } from './store.js';

export function paramCount() {
  const trainer = useTrainer((s) => s.trainer);
  useOwn.getState().optimizer.zero_grad();
  return trainer.parameters().length;
}
