/**
 * Property names that are methods wherever they appear: the methods of JavaScript's built-in objects
 * (arrays, strings, promises, iterators, `console`, `Object`, the DOM, test frameworks) and of tfjs models,
 * layers, optimizers and tensors that are not layer-like names. `o.concat(x)`, `o.then(f)`, `o.predict(x)`
 * call a method; none of them is a model or layer kept in a field, so no-torch-module-api's check for a
 * model called like a function (`this.fc1(x)`) does not resolve such callees.
 *
 * Names a port may give a layer field (`this.pool`, `this.flatten`, `this.norm`, `this.relu`, `this.max`) are
 * left out: every tensor op (TENSOR_METHODS) is removed from the list, and so are names like `normalize`.
 */
import { TENSOR_METHODS } from './tfjs-api.js';

const JS_METHODS =
  // Array, String, Number, Object.prototype, Function.prototype
  'push pop shift unshift splice concat join sort indexOf lastIndexOf includes find findIndex findLast findLastIndex filter map ' +
  'forEach reduce reduceRight some every flat flatMap fill keys values entries at toString toFixed toPrecision toLowerCase ' +
  'toUpperCase trim trimStart trimEnd split replace replaceAll match matchAll search startsWith endsWith padStart padEnd charAt ' +
  'charCodeAt codePointAt substring substr localeCompare repeat hasOwnProperty isPrototypeOf propertyIsEnumerable valueOf ' +
  'toLocaleString call bind ' +
  // Promise, iterators and generators (and tslib's `_a.sent()`), Map / Set / WeakMap
  'then catch finally next throw sent get set has delete clear ' +
  // statics: Object, Array, JSON, Promise, Number, Reflect, Date
  'assign create defineProperty defineProperties freeze getPrototypeOf setPrototypeOf getOwnPropertyNames getOwnPropertyDescriptor ' +
  'fromEntries isArray from of stringify parse resolve reject race allSettled isInteger isFinite parseFloat parseInt now getTime ' +
  'toISOString test exec ' +
  // console
  'log warn error info debug trace time timeEnd table dir group groupEnd ' +
  // DOM, canvas, media, workers, events, Node's fs / path
  'addEventListener removeEventListener dispatchEvent postMessage querySelector querySelectorAll getElementById createElement ' +
  'appendChild removeChild setAttribute getAttribute getContext drawImage putImageData getImageData fillRect clearRect ' +
  'strokeRect fillText toDataURL play emit once off readFileSync writeFileSync existsSync mkdirSync readdirSync dirname ' +
  // test frameworks
  'expect toEqual toBe toBeCloseTo toThrow toHaveBeenCalled toHaveBeenCalledWith toBeDefined toBeTruthy toBeFalsy toContain';

const TFJS_METHODS =
  // models, layers, optimizers, tensors and variables (names that are never a layer-like field)
  'predict predictOnBatch execute executeAsync fit fitDataset trainOnBatch evaluate evaluateDataset compile summary getLayer ' +
  'getWeights setWeights save dispose countParams apply build computeOutputShape getConfig minimize computeGradients ' +
  'applyGradients dataSync arraySync data array buffer bufferSync bytes print assign read';

export const METHOD_ONLY_NAMES: ReadonlySet<string> = new Set(
  `${JS_METHODS} ${TFJS_METHODS}`.split(' ').filter((name) => name !== '' && !TENSOR_METHODS.has(name)),
);

/**
 * Method names whose call, as a statement, never drops a tensor: JavaScript built-ins that return nothing,
 * a number, a string, a boolean, the receiver or a Promise (`forEach`, `push`, `set`, `then`,
 * `addEventListener`), and test matchers. No tfjs method of these names returns a tensor
 * (test/facts/method-names.test.ts checks them against real tensors, variables, models, layers, optimizers,
 * datasets and buffers). no-discarded-tensor-type-checked skips such calls without asking the type checker,
 * whose first question about a receiver is where typed linting spends its time. Element-returning methods
 * (`pop`, `shift`, `find`, `at`, `reduce`, `get`) are not here: an array or map of tensors gives a tensor.
 */
export const NO_TENSOR_RESULT_METHODS: ReadonlySet<string> = new Set(
  (
    'forEach push unshift splice sort fill indexOf lastIndexOf includes join keys values entries toString toFixed ' +
    'then catch finally set has delete clear defineProperty freeze ' +
    'addEventListener removeEventListener dispatchEvent postMessage appendChild removeChild setAttribute drawImage putImageData ' +
    'fillRect clearRect strokeRect fillText emit once off writeFileSync mkdirSync ' +
    'toEqual toBe toBeCloseTo toThrow toHaveBeenCalled toHaveBeenCalledWith toBeDefined toBeTruthy toBeFalsy toContain'
  ).split(' '),
);
