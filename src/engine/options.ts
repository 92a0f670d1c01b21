/**
 * Option objects of tfjs calls, for no-unknown-options and no-optimizer-options-object: which call takes
 * which declared args type (`src/facts/tfjs-options.ts`), the object literal an argument provably holds
 * (inline, a same-file `const`, known spreads), its static keys, and what an unknown key stands for
 * (`src/facts/torch-option-names.ts`).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, propertyKeyName, unwrap } from './ast.js';
import type { FileIndex } from './resolver.js';
import { importedBinding } from './modules.js';
import { OPTION_CALLS, OPTION_KEYS } from '../facts/tfjs-options.js';
import { NO_EQUIVALENT, OPTION_RENAMES, type NoEquivalent } from '../facts/torch-option-names.js';

type Call = TSESTree.CallExpression | TSESTree.NewExpression;

/** The methods of a LayersModel whose option argument is judged. */
const MODEL_METHODS = new Set(['compile', 'fit', 'evaluate', 'predict', 'fitDataset', 'evaluateDataset']);

export interface OptionCall {
  /** Table key: `layers.conv2d`, `new layers.RNN`, `sequential`, `model#fit`. */
  readonly key: string;
  /** How the call reads in messages: `conv2d()`, `fit()`. */
  readonly label: string;
  /** Index of the option argument. */
  readonly arg: number;
  readonly type: string;
  readonly allowed: ReadonlySet<string>;
}

const allowedSets = new Map<string, ReadonlySet<string>>();
function allowedOf(type: string): ReadonlySet<string> {
  let s = allowedSets.get(type);
  if (!s) allowedSets.set(type, (s = new Set(OPTION_KEYS[type] ?? [])));
  return s;
}

/** Last path segments of every option-taking call: a member callee with another name is skipped unresolved. */
const CALL_NAMES: ReadonlySet<string> = new Set([...Object.keys(OPTION_CALLS).map((k) => k.split(/[.# ]/).pop()!)]);

/** Cheap syntactic pre-filter: `x.name(…)` can only matter when `name` is a judged factory or method. */
export function mayTakeOptions(call: Call, names: ReadonlySet<string> = CALL_NAMES): boolean {
  const callee = unwrap(call.callee);
  if (!callee || callee.type === T.Identifier) return true;
  if (callee.type !== T.MemberExpression) return false;
  const name = memberName(callee);
  return name !== null && names.has(name);
}

/** The option-taking tfjs call a call expression is, or null (unknown receivers are never judged). */
export function optionCallOf(file: FileIndex, call: Call): OptionCall | null {
  if (!mayTakeOptions(call)) return null;
  const path = file.calleePath(call);
  if (path && path.length > 0) {
    const key = call.type === T.NewExpression ? `new ${path.join('.')}` : path.join('.');
    const entry = OPTION_CALLS[key];
    return entry ? { key, label: `${path[path.length - 1]}()`, arg: entry.arg, type: entry.type, allowed: allowedOf(entry.type) } : null;
  }
  if (call.type !== T.CallExpression) return null;
  const m = calledMember(call);
  if (!m || !MODEL_METHODS.has(m.name) || call.arguments.length <= (OPTION_CALLS[`model#${m.name}`]?.arg ?? 99)) return null;
  const recv = file.kindOf(m.member.object);
  // a user subclass may override the method with its own options; a Promise has no methods yet
  if (!recv || recv.kind !== 'model' || recv.userClass || recv.promise) return null;
  const entry = OPTION_CALLS[`model#${m.name}`]!;
  return { key: `model#${m.name}`, label: `${m.name}()`, arg: entry.arg, type: entry.type, allowed: allowedOf(entry.type) };
}

export interface ResolvedObject {
  readonly object: TSESTree.ObjectExpression;
  /** The argument is the literal itself, or a same-file `const` read only here: edits stay local. */
  readonly local: boolean;
}

/** A `const x = {…}` of this file whose object is never mutated through `x` (`x.k = …`, `delete x.k`, `Object.assign(x, …)`). */
function constObject(file: FileIndex, id: TSESTree.Identifier): { object: TSESTree.ObjectExpression; uses: number } | null {
  const v = file.variableOf(id);
  const def = v?.defs.length === 1 ? v.defs[0] : null;
  if (!v || !def || def.type !== 'Variable' || def.parent.kind !== 'const' || def.node.id.type !== T.Identifier) return null;
  const init = unwrap(def.node.init);
  if (!init || init.type !== T.ObjectExpression) return null;
  for (const ref of v.references) {
    const p = ref.identifier.parent;
    if (p?.type === T.MemberExpression && p.object === ref.identifier) {
      const gp = p.parent;
      if ((gp?.type === T.AssignmentExpression && gp.left === p) || (gp?.type === T.UnaryExpression && gp.operator === 'delete') || gp?.type === T.UpdateExpression) return null;
    }
    if (p?.type === T.CallExpression && p.arguments[0] === ref.identifier) {
      const c = unwrap(p.callee);
      if (c?.type === T.MemberExpression && c.object.type === T.Identifier && c.object.name === 'Object') return null;
    }
  }
  return { object: init, uses: v.references.filter((r) => r.isRead()).length };
}

/** The object literal an argument provably holds: inline, or a same-file `const`. */
export function resolveObject(file: FileIndex, arg: TSESTree.Node | undefined): ResolvedObject | null {
  const a = unwrap(arg);
  if (!a) return null;
  if (a.type === T.ObjectExpression) return { object: a, local: true };
  if (a.type === T.Identifier) {
    const c = constObject(file, a);
    return c ? { object: c.object, local: c.uses === 1 } : null;
  }
  return null;
}

export interface KeyedProperty {
  readonly prop: TSESTree.Property;
  readonly key: string;
  /** The property sits in the argument's own object (not in a spread source). */
  readonly own: boolean;
  /**
   * For a key of an object another module exports (`{ ...FIT_DEFAULTS, epochs }` with `FIT_DEFAULTS` from
   * `./config.js`): the spread of this file to report at, and the module's source (for the property's text).
   */
  readonly via?: { readonly spread: TSESTree.SpreadElement; readonly sourceCode: FileIndex['sourceCode'] };
}

/** `{ ...FIT_DEFAULTS }` where `FIT_DEFAULTS` is an imported `const` object literal: that object, in its module. */
function importedObject(file: FileIndex, arg: TSESTree.Node): { index: FileIndex; object: TSESTree.ObjectExpression } | null {
  const a = unwrap(arg);
  if (a?.type !== T.Identifier || !file.filename) return null;
  // bound by an import or a require of a module of the project (src/engine/modules.ts), else null
  const t = importedBinding(file, a);
  if (!t) return null;
  const n = unwrap(t.node);
  if (n?.type === T.ObjectExpression) return { index: t.index, object: n };
  const c = n?.type === T.Identifier ? constObject(t.index, n) : null;
  return c ? { index: t.index, object: c.object } : null;
}

/**
 * The static keys of an object literal, with the keys of spreads it provably knows (inline objects,
 * same-file consts). Keys of unknown spreads are not judged (they are not in the literal).
 */
export function staticKeys(file: FileIndex, obj: TSESTree.ObjectExpression, own = true, depth = 0): KeyedProperty[] {
  const out: KeyedProperty[] = [];
  for (const p of obj.properties) {
    if (p.type === T.Property) {
      if (p.kind !== 'init' || (p.computed && p.key.type !== T.Literal)) continue;
      const key = propertyKeyName(p);
      if (key !== null) out.push({ prop: p, key, own });
    } else if (p.type === T.SpreadElement && depth < 4) {
      const src = resolveObject(file, p.argument);
      if (src && src.object !== obj) out.push(...staticKeys(file, src.object, false, depth + 1));
      else if (!src && own) {
        // the keys of an object of another module, reported at this spread (its own text is elsewhere)
        const other = importedObject(file, p.argument);
        if (other) for (const k of staticKeys(other.index, other.object, false, depth + 1)) out.push({ ...k, via: k.via ?? { spread: p, sourceCode: other.index.sourceCode } });
      }
    }
  }
  return out;
}

const camel = (k: string): string => k.replace(/_+([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export type KeyVerdict =
  | { readonly kind: 'rename'; readonly to: readonly string[]; readonly onlyValue?: boolean | number | string }
  | { readonly kind: 'noEquivalent'; readonly info: NoEquivalent }
  | { readonly kind: 'unknown'; readonly nearest: string | null };

/** What an ignored key stands for in a given args type. */
export function classifyKey(key: string, type: string, allowed: ReadonlySet<string>): KeyVerdict {
  for (const r of OPTION_RENAMES[key] ?? []) {
    if (r.to.every((t) => allowed.has(t))) return { kind: 'rename', to: r.to, ...(r.onlyValue !== undefined ? { onlyValue: r.onlyValue } : {}) };
  }
  const c = camel(key);
  if (c !== key && allowed.has(c)) return { kind: 'rename', to: [c] };
  const ne = NO_EQUIVALENT[key];
  if (ne && (!ne.types || ne.types.includes(type))) return { kind: 'noEquivalent', info: ne };
  return { kind: 'unknown', nearest: nearestName(key, allowed) };
}

/** Levenshtein distance, giving up (returning `max + 1`) as soon as it must exceed `max`. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** The allowed key closest to a misspelt one (case and `_` ignored; at most 2 edits, and at most a third of its length). */
export function nearestName(key: string, allowed: ReadonlySet<string>): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/_/g, '');
  const k = norm(key);
  const max = Math.min(2, Math.floor(k.length / 3));
  let best: string | null = null;
  let bestD = max + 1;
  for (const a of allowed) {
    const d = boundedDistance(k, norm(a), max);
    if (d < bestD) {
      best = a;
      bestD = d;
    }
  }
  return bestD <= max ? best : null;
}
