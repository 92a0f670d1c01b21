export * from './model.js';
export { bias as offset } from './tensors.js';
