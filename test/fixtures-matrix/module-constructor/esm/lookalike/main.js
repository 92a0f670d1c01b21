import { Minimizer, Net } from './net.js';
import { Trainer } from './trainer.js';

export const trainer = new Trainer(new Net(), new Minimizer());
