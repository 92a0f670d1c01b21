const { Agent } = require('./agent');

const agent = new Agent();

function act(state) {
  agent.model.eval();
  const q = agent.model.predict(state);
  return q.item();
}
exports.act = act;
