/**
 * Training-mode facts shared by the rules about the `training` kwarg (test/semantics/training-flag.test.ts, test/semantics/forward-kwargs.test.ts):
 * what a call passes as kwargs, which mode-dependent layers a model reaches (for messages),
 * whether a model is frozen, and the project-scan fallback for models whose layers are not visible.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, hasSpread, isFunction, literalValue, memberName, methodOf, propertyKeyName, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { callTarget, gradientContextOf } from './gradient-context.js';
import { layerModeDependence, modelStructure, provenanceOf } from './model-structure.js';
import { isRelativeSpecifier, projectConstructsModeDependent } from './project-scan.js';
import { resolveModule } from './module-resolve.js';
import { thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import { DROPOUT_FAMILY, RECURRENT_LAYERS, WRAPPER_LAYERS } from '../facts/tfjs-api.js';

/**
 * What the kwargs argument at `index` says about `training`:
 * - `missing`: no argument (tfjs then uses `{}`: inference mode);
 * - `literal`: an object literal without a `training` key and without spreads;
 * - `explicit`: an object literal with a `training` key (whatever its value: a choice);
 * - `unknown`: a variable, a spread, anything else.
 */
export type KwargsState = 'missing' | 'literal' | 'explicit' | 'unknown';

export function kwargsState(call: TSESTree.CallExpression, index: number): KwargsState {
  if (call.arguments.slice(0, index + 1).some((a) => a.type === T.SpreadElement)) return 'unknown';
  const arg = unwrap(call.arguments[index]);
  if (!arg) return 'missing';
  if (arg.type !== T.ObjectExpression) return 'unknown';
  if (findProperty(arg, 'training')) return 'explicit';
  return hasSpread(arg) ? 'unknown' : 'literal';
}

/**
 * Where `node` runs in a custom layer's forward pass: inside the `call()` method of a tfjs Layer subclass, or
 * inside a method of the same class that only `call()` calls (`this.feedForward(h)`, a PyTorch port's
 * `forward(x, kwargs)`): `call()`'s kwargs reach it only through that call's arguments. `method` is the
 * function `node` is in, `sites` the calls of a helper (empty for `call()` itself). Null elsewhere.
 */
export function forwardPassOf(
  file: FileIndex,
  node: Node,
): { readonly call: FunctionNode; readonly method: FunctionNode; readonly sites: readonly TSESTree.CallExpression[] } | null {
  for (let n: Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === T.ClassBody || n.type === T.Program) return null;
    if (!isFunction(n)) continue;
    const member = methodOf(n);
    if (!member) continue;
    if (member.static || (member.type === T.MethodDefinition && member.kind !== 'method')) return null;
    const cls = member.parent.parent as ClassNode;
    if (file.classKind(cls)?.kind !== 'layer') return null;
    const name = propertyKeyName(member);
    if (name === 'call') return { call: n, method: n, sites: [] };
    const helper = name === null ? null : calledOnlyFromCall(file, cls, name);
    return helper ? { call: helper.call, method: n, sites: helper.sites } : null;
  }
  return null;
}

/** Every `this.<name>` of the class is a call made inside its `call()` method (through callbacks such as `tf.tidy`). */
function calledOnlyFromCall(file: FileIndex, cls: ClassNode, name: string): { call: FunctionNode; sites: TSESTree.CallExpression[] } | null {
  const uses = file.fieldOf(cls, name)?.uses ?? [];
  let call: FunctionNode | null = null;
  const sites: TSESTree.CallExpression[] = [];
  for (const u of uses) {
    const site = u.parent;
    if (site?.type !== T.CallExpression || site.callee !== u) return null;
    let method: FunctionNode | null = null;
    for (let n: Node | undefined = u.parent; n && !method; n = n.parent) {
      if (n.type === T.ClassBody) return null;
      if (isFunction(n) && methodOf(n)) method = n;
    }
    const m = method ? methodOf(method)! : null;
    if (!method || !m || m.parent.parent !== cls || propertyKeyName(m) !== 'call' || (call && call !== method)) return null;
    call = method;
    sites.push(site);
  }
  return call ? { call, sites } : null;
}

/** The kinds of mode-dependent layers a model (or a layer) reaches, for messages. */
export interface ModeEffects {
  dropout: boolean;
  noise: boolean;
  batchNorm: boolean;
  recurrent: boolean;
  /** Names of user Layer subclasses that read `training` or build mode-dependent sublayers. */
  custom: string[];
}

export function modeEffects(file: FileIndex, expr: Node): ModeEffects {
  const out: ModeEffects = { dropout: false, noise: false, batchNorm: false, recurrent: false, custom: [] };
  collect(file, expr, out, new Set());
  return out;
}

function collect(file: FileIndex, expr: Node, out: ModeEffects, seen: Set<Node>): void {
  if (seen.has(expr) || seen.size > 200) return;
  seen.add(expr);
  const info = provenanceOf(file, expr);
  if (info?.kind === 'layer') return layerEffects(file, info, out, 0);
  const s = modelStructure(file, expr);
  if (!s) return;
  for (const l of s.layers) {
    if (l.info?.kind === 'model') collect(file, l.node, out, seen);
    else layerEffects(file, provenanceOf(file, l.node) ?? l.info, out, 0);
  }
}

function layerEffects(file: FileIndex, info: ValueInfo | null, out: ModeEffects, depth: number): void {
  if (!info || depth > 3 || layerModeDependence(file, info) !== 'yes') return;
  const name = info.name ?? '';
  if (info.userClass) {
    const n = info.userClass.id?.name ?? 'custom layer';
    if (!out.custom.includes(n)) out.custom.push(n);
  } else if (name === 'gaussianNoise') out.noise = true;
  else if (DROPOUT_FAMILY.has(name)) out.dropout = true;
  else if (name === 'batchNormalization') out.batchNorm = true;
  else if (RECURRENT_LAYERS.has(name)) out.recurrent = true;
  else if (WRAPPER_LAYERS.has(name)) {
    const inner = findProperty(file.configOf(info), 'layer');
    if (inner) layerEffects(file, file.kindOf(inner.value), out, depth + 1);
  }
}

/** "Dropout does not drop, BatchNormalization …": what inference mode means for these layers. */
export function describeEffects(e: ModeEffects | null): string {
  const parts: string[] = [];
  if (!e) return 'Dropout does not drop and BatchNormalization normalizes with moving statistics that never update';
  if (e.dropout) parts.push('Dropout does not drop');
  if (e.recurrent) parts.push('recurrent dropout is off');
  if (e.noise) parts.push('GaussianNoise adds no noise');
  if (e.batchNorm) parts.push('BatchNormalization normalizes with moving statistics that never update');
  for (const c of e.custom) parts.push(`\`${c}\` gets no \`training\` flag`);
  if (parts.length === 0) return 'its mode-dependent layers run as in inference';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * A frozen model or layer: `{trainable: false}` in its config, or a `.trainable = false` write on the
 * binding that holds it (the variable, the class field, or the builder's local variable), directly or
 * on each of its `.layers` (`forEach` / `for…of`).
 */
export function isFrozen(file: FileIndex, expr: Node): boolean {
  const info = provenanceOf(file, expr);
  if (literalValue(file.optionOf(info, 'trainable')?.value) === false) return true;
  const holders: Node[] = [expr];
  const origin = info?.origin;
  let p: Node | undefined = origin?.parent;
  if (p?.type === T.AwaitExpression) p = p.parent;
  if (p?.type === T.VariableDeclarator) holders.push(p.id);
  else if (p?.type === T.AssignmentExpression) holders.push(p.left);
  return holders.some((h) => usesOf(file, h).some((ref) => isFreezeWrite(ref) || freezesEveryLayer(file, ref)));
}

/** `<ref>.layers.forEach((l) => { l.trainable = false; })` or `for (const l of <ref>.layers) l.trainable = false;` */
function freezesEveryLayer(file: FileIndex, ref: Node): boolean {
  const layers = ref.parent;
  if (layers?.type !== T.MemberExpression || layers.object !== ref || memberName(layers) !== 'layers') return false;
  const p = layers.parent;
  let param: Node | undefined;
  let body: Node | undefined;
  if (p?.type === T.MemberExpression && p.object === layers && memberName(p) === 'forEach' && p.parent?.type === T.CallExpression) {
    const fn = unwrap(p.parent.arguments[0]);
    if (fn && (fn.type === T.ArrowFunctionExpression || fn.type === T.FunctionExpression)) {
      param = fn.params[0];
      body = fn.body;
    }
  } else if (p?.type === T.ForOfStatement && p.right === layers && p.left.type === T.VariableDeclaration) {
    param = p.left.declarations[0]?.id;
    body = p.body;
  }
  if (param?.type !== T.Identifier || !body) return false;
  const name = param.name;
  let found = false;
  walk(body, file.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && n.name === name && isFreezeWrite(n)) found = true;
    return undefined;
  });
  return found;
}

/** Every reference to the binding an expression names: a variable or `this.<field>`. */
function usesOf(file: FileIndex, holder: Node): Node[] {
  const h = unwrap(holder);
  if (h?.type === T.Identifier) return file.variableOf(h)?.references.map((r) => r.identifier) ?? [];
  const self = h?.type === T.MemberExpression ? file.thisOf(h.object) : null;
  if (h?.type === T.MemberExpression && self) {
    const cls = thisClass(self);
    const name = memberName(h);
    return cls && name !== null ? (file.fieldOf(cls, name)?.uses ?? []) : [];
  }
  return [];
}

/** `<ref>.trainable = false` */
function isFreezeWrite(ref: Node): boolean {
  const member = ref.parent;
  if (member?.type !== T.MemberExpression || member.object !== ref || memberName(member) !== 'trainable') return false;
  const assign = member.parent;
  return assign?.type === T.AssignmentExpression && assign.left === member && assign.operator === '=' && literalValue(assign.right) === false;
}

const relativeImportCache = new WeakMap<FileIndex, string[]>();

/** Module specifiers of project files (relative, or aliases) the file imports, requires, re-exports or dynamically imports. */
export function relativeImports(file: FileIndex): string[] {
  let list = relativeImportCache.get(file);
  if (list) return list;
  const found = new Set<string>();
  // from the file's shared index (the walk behind `calls()`), not a walk of its own
  for (const n of file.moduleSpecifierNodes()) {
    const v = literalValue(n);
    // relative, or an alias of the project's tsconfig.json / jsconfig.json (`@/models/net`)
    if (typeof v === 'string' && (isRelativeSpecifier(v) || resolveModule(file.filename, v) !== null)) found.add(v);
  }
  list = [...found];
  relativeImportCache.set(file, list);
  return list;
}

/**
 * The fallback when a model's layers are not visible in this file: does the project (the file's relative
 * imports, or any source file of its package) construct Dropout / BatchNormalization / noise layers?
 */
export function projectMayBeModeDependent(file: FileIndex, filename: string): boolean {
  // a page that loads tfjs with a script tag names it by its global (`tf.layers.dropout(`): `tf.` marks tfjs text
  const markers = [...file.settings.modules, ...file.settings.globals.map((g) => `${g}.`)];
  return projectConstructsModeDependent(filename, relativeImports(file), { modules: markers });
}

const sharedHelpers = new WeakMap<FileIndex, Set<FunctionNode>>();

/**
 * True when a same-file function is also called outside every gradient context (a `getLogits(x)` used by
 * both the training step and `predict()`): hard-coding `{training: true}` inside it would change inference too.
 */
export function calledOutsideGradientContexts(file: FileIndex, fn: FunctionNode): boolean {
  // one walk per file collects every same-file function called from outside a training step
  let called = sharedHelpers.get(file);
  if (!called) {
    const found = new Set<FunctionNode>();
    for (const n of file.calls()) {
      const target = callTarget(file, n);
      if (target && !found.has(target) && !gradientContextOf(file, n)) found.add(target);
    }
    sharedHelpers.set(file, (called = found));
  }
  return called.has(fn);
}
