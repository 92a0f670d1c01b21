const tf = require('@tensorflow/tfjs');
const { createModel } = require('./model.js');
const { Trainer } = require('./trainer.js');

const trainer = new Trainer(createModel(), tf.train.adam(1e-3));
module.exports = { trainer };
