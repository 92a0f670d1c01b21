const { Agent } = require('./agent');

const agent = new Agent();

function act(state) {
  agent.model.eval(); // expect: no-torch-mode-switch
  const q = agent.model.predict(state);
  return q.item(); // expect: no-torch-tensor-api
}
exports.act = act;
