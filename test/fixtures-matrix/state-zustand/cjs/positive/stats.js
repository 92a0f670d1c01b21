const { useTrainer } = require('./store.js');

// A component reading the store through a selector and getState(): it never mentions tfjs or zustand.
function paramCount() {
  const model = useTrainer((s) => s.model);
  return model.parameters().length; // expect: no-torch-module-api
}

function resetOptimizer() {
  useTrainer.getState().optimizer.zero_grad(); // expect: no-torch-optimizer-api
}
module.exports = { paramCount, resetOptimizer };
