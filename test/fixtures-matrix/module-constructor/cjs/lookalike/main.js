const { Minimizer, Net } = require('./net.js');
const { Trainer } = require('./trainer.js');

const trainer = new Trainer(new Net(), new Minimizer());
module.exports = { trainer };
