/**
 * Real @tensorflow/tfjs 4.22.0 on the pure-JS CPU backend, for semantics tests (never tfjs-node).
 */
import * as tf from '@tensorflow/tfjs';

const origWarn = console.warn;
const origLog = console.log;
// tfjs prints a "looks like you are running TensorFlow.js in Node.js" banner; keep test output readable
console.log = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('TensorFlow.js in Node.js')) return;
  origLog(...args);
};
await tf.setBackend('cpu');
await tf.ready();
console.log = origLog;

export { tf };

/** Captures console.warn output while `fn` runs (tfjs reports some discrepancies only as warnings). */
export async function captureWarnings<T>(fn: () => T | Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  try {
    return { result: await fn(), warnings };
  } finally {
    console.warn = origWarn;
  }
}

/** Fraction of exact zeros in a tensor. */
export function zeroFraction(t: tf.Tensor): number {
  const d = t.dataSync();
  let z = 0;
  for (const v of d) if (v === 0) z++;
  return z / d.length;
}
