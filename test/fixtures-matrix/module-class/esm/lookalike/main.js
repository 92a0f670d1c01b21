import { Agent } from './agent.js';

const agent = new Agent();

export function act(state) {
  agent.model.eval();
  const q = agent.model.predict(state);
  return q.item();
}
