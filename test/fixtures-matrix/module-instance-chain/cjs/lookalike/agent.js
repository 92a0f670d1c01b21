const { Critic } = require('./critic.js');

class Agent {
  constructor() {
    this.critic = new Critic();
    this.optimizer = { minimize: (f, x0) => x0.map(() => f()) };
  }
}
module.exports = { Agent };
