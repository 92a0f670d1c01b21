import * as tf from '@tensorflow/tfjs';
import { createModel } from './model.js';
import { Trainer } from './trainer.js';

export const trainer = new Trainer(createModel(), tf.train.adam(1e-3));
