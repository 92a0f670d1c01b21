/**
 * `settings.torch2tf`: the shared escape hatch for wrapper modules and script-tag globals.
 *
 *   settings: { torch2tf: { modules: ['./tf', '@my/tf-wrapper'], globals: ['tf'] } }
 */
import type { TSESLint } from '@typescript-eslint/utils';

/** Every module specifier whose exports are the tfjs API (or part of it). */
export const TF_MODULES: readonly string[] = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-data',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-webgl',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
];

export interface Torch2tfSettings {
  /** Extra import specifiers treated as tfjs, matched as written. */
  readonly modules: readonly string[];
  /** Global names bound to the tfjs namespace (script-tag pages). */
  readonly globals: readonly string[];
}

const EMPTY: Torch2tfSettings = { modules: [], globals: [] };

function stringList(value: unknown, key: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new TypeError(`settings.torch2tf.${key} must be an array of strings, got ${JSON.stringify(value)}`);
  }
  return value as string[];
}

/** Reads and validates `settings.torch2tf`. Throws a readable error on a malformed value. */
export function readSettings(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Torch2tfSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.['torch2tf'];
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new TypeError(`settings.torch2tf must be an object like { modules: string[], globals: string[] }, got ${JSON.stringify(raw)}`);
  }
  const r = raw as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    if (k !== 'modules' && k !== 'globals') {
      throw new TypeError(`settings.torch2tf has an unknown key "${k}"; allowed keys are "modules" and "globals"`);
    }
  }
  return { modules: stringList(r['modules'], 'modules'), globals: stringList(r['globals'], 'globals') };
}

export function isTfModule(specifier: string, settings: Torch2tfSettings): boolean {
  if (TF_MODULES.includes(specifier) || settings.modules.includes(specifier)) return true;
  const pkg = packageOfRemoteSpecifier(specifier);
  return pkg !== null && TF_MODULES.includes(pkg);
}

/**
 * Where the same packages are imported by URL or with a registry prefix: Deno's `npm:@tensorflow/tfjs@4.22.0`,
 * and the ES-module CDNs a browser page imports from (`https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm`,
 * `https://esm.sh/@tensorflow/tfjs`, `https://cdn.skypack.dev/…`, `https://unpkg.com/…?module`,
 * `https://ga.jspm.io/npm:…`).
 */
const REMOTE_PREFIX = /^(?:npm:|https:\/\/(?:cdn\.jsdelivr\.net\/npm\/|esm\.sh\/(?:v\d+\/)?|cdn\.skypack\.dev\/|unpkg\.com\/|ga\.jspm\.io\/npm:))(@tensorflow\/[\w.-]+?)(?:@[^/?#]*)?(?:[/?#].*)?$/;

/** The package a remote or prefixed specifier names (`@tensorflow/tfjs` for `npm:@tensorflow/tfjs@4`), or null. */
export function packageOfRemoteSpecifier(specifier: string): string | null {
  return REMOTE_PREFIX.exec(specifier)?.[1] ?? null;
}
