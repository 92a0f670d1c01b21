import { Agent } from './agent';

const agent = new Agent();

export function act(state) {
  agent.model.eval(); // expect: no-torch-mode-switch
  const q = agent.model.predict(state);
  return q.item(); // expect: no-torch-tensor-api
}
