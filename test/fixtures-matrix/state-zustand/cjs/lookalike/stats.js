const { useOwn, useTrainer } = require('./store.js');

function paramCount() {
  const trainer = useTrainer((s) => s.trainer);
  useOwn.getState().optimizer.zero_grad();
  return trainer.parameters().length;
}
module.exports = { paramCount };
