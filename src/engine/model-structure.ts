/**
 * Model structure: which layers a model built within reach contains, so rules can ask
 * "does this model reach a mode-dependent layer?" (test/semantics/training-flag.test.ts, test/semantics/weightless-trainable.test.ts).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, hasSpread, literalValue, memberName, objectArg, unwrap, walk, type Node } from './ast.js';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { importerArgumentsOf } from './modules.js';
import { originsOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import { MODE_DEPENDENT_LAYERS, RECURRENT_LAYERS, WRAPPER_LAYERS } from '../facts/tfjs-api.js';

export interface LayerRef {
  /** The expression that denotes the layer in the model definition. */
  readonly node: Node;
  readonly info: ValueInfo | null;
}

export interface ModelStructure {
  readonly layers: readonly LayerRef[];
  /** False when part of the model is not visible (loaded, built elsewhere, spread into the list). */
  readonly complete: boolean;
  /** The creating call (`tf.sequential(...)`, `tf.model(...)`), when visible. */
  readonly origin: TSESTree.CallExpression | TSESTree.NewExpression | null;
}

export type Tri = 'yes' | 'no' | 'unknown';

const structures = new WeakMap<Node, ModelStructure | null>();

/** The layers of the model an expression holds, or null when it is not a visible tfjs model. */
export function modelStructure(file: FileIndex, modelExpr: Node): ModelStructure | null {
  const key = unwrap(modelExpr);
  if (!key) return null;
  if (structures.has(key)) return structures.get(key)!;
  structures.set(key, null); // recursion guard
  const result = computeStructure(file, key);
  structures.set(key, result);
  return result;
}

/**
 * Like `file.kindOf`, but when the kind only comes from a type annotation (`this.drop: tf.layers.Layer`,
 * `const m: tf.Sequential = ...`), the provenance of the one value actually written there, so that its
 * factory and config stay visible. Falls back to the annotation when there is not exactly one write.
 */
export function provenanceOf(file: FileIndex, expr: Node | null | undefined): ValueInfo | null {
  const info = file.kindOf(expr);
  if (!info || info.via !== 'annotation' || info.origins) return info;
  const e = unwrap(expr);
  const writes: Node[] = [];
  const eSelf = e?.type === T.MemberExpression ? file.thisOf(e.object) : null;
  if (e?.type === T.MemberExpression && eSelf) {
    const cls = thisClass(eSelf);
    const name = memberName(e);
    if (cls && name !== null) writes.push(...(file.fieldOf(cls, name)?.writes ?? []));
  } else if (e?.type === T.Identifier) {
    const v = file.variableOf(e);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    // `function step(projection: tf.LayersModel, …)`: the models its callers pass, in this file or in the
    // modules that import it (`contrastiveStep(this.projection, …)` with `projection = createProjection(128)`)
    if (v && def?.type === 'Parameter' && def.name.type === T.Identifier) return argumentProvenance(file, v, def.name, info) ?? info;
    if (v && def?.type === 'Variable' && def.node.id === def.name) {
      if (def.node.init) writes.push(def.node.init);
      for (const r of v.references) if (r.isWrite() && r.writeExpr && r.writeExpr !== def.node.init) writes.push(r.writeExpr);
    }
  }
  const meaningful = writes.filter((w) => {
    const u = unwrap(w);
    return !!u && !(u.type === T.Literal && u.value === null) && !(u.type === T.Identifier && u.name === 'undefined');
  });
  if (meaningful.length !== 1) return info;
  const k = file.kindOf(meaningful[0]);
  return k && k.kind === info.kind && k.via === 'factory' && !k.promise ? k : info;
}

/**
 * The union of what every call site passes to an annotated parameter, when each argument is a value of the
 * annotation's kind made by a factory (so its layers can be listed); null when a call site is unseen or an
 * argument is of unknown origin (then the annotation alone speaks).
 */
function argumentProvenance(file: FileIndex, v: Scope.Variable, param: TSESTree.Identifier, info: ValueInfo): ValueInfo | null {
  const local = file.sourcesOfVariable(v);
  const args = local ? local.map((arg) => ({ index: file, arg })) : importerArgumentsOf(file, param);
  if (!args || args.length === 0) return null;
  const origins: ValueInfo[] = [];
  for (const { index, arg } of args) {
    const k = provenanceOf(index, arg);
    if (!k || k.kind !== info.kind || k.promise) return null;
    for (const o of originsOf(k)) {
      if (o.via !== 'factory' || !o.origin) return null;
      const homed = o.home || index === file ? o : { ...o, home: index };
      if (!origins.some((x) => x.origin === homed.origin)) origins.push(homed);
    }
  }
  return origins.length === 1 ? origins[0]! : { ...origins[0]!, origins };
}

function computeStructure(file: FileIndex, modelExpr: Node): ModelStructure | null {
  const info = provenanceOf(file, modelExpr);
  if (!info || info.kind !== 'model') return null;
  if (info.origins) {
    // the union over every origin that can reach the value (a field written in two branches, …)
    const layers: LayerRef[] = [];
    let complete = true;
    for (const o of info.origins) {
      const s = o.origin ? modelStructure(o.home ?? file, o.origin) : null;
      if (!s) complete = false;
      else {
        layers.push(...s.layers);
        complete = complete && s.complete;
      }
    }
    return { layers, complete, origin: info.origin ?? null };
  }
  const origin = info.origin ?? null;
  const layers: LayerRef[] = [];
  let complete = true;
  if (!origin) return { layers, complete: false, origin };
  const path = origin.type === T.CallExpression ? file.calleePath(origin) : null;
  const key = path?.join('.');
  if (key === 'sequential') {
    const cfg = objectArg(origin);
    const list = unwrap(findProperty(cfg, 'layers')?.value);
    if (cfg && list?.type === T.ArrayExpression) {
      for (const el of list.elements) {
        // `...convBlock({ filters })`: the layers a block builder returns (same file or imported)
        const spread = el?.type === T.SpreadElement ? file.spreadElements(el.argument) : null;
        if (spread) for (const s of spread) layers.push({ node: s, info: file.kindOf(s) });
        else if (!el || el.type === T.SpreadElement) complete = false;
        else layers.push({ node: el, info: file.kindOf(el) });
      }
    } else if (list || (origin.arguments.length > 0 && (!cfg || hasSpread(cfg)))) {
      complete = false; // layers from a variable, or a config we cannot read
    }
  } else if (key === 'model') {
    const outputs = findProperty(objectArg(origin), 'outputs')?.value;
    if (!outputs) complete = false;
    else complete = traceSymbolic(file, outputs as Node, layers, new Set()) && complete;
  } else if (info.userClass) {
    complete = false; // a LayersModel subclass: its graph is not visible here
  } else {
    complete = false; // loadLayersModel and friends
  }
  // model.add(layer) on the binding that holds the model (the origin's and the queried expression's)
  for (const add of addCalls(file, origin, modelExpr)) {
    const arg = add.arguments[0];
    if (!arg || arg.type === T.SpreadElement) complete = false;
    else layers.push({ node: arg, info: file.kindOf(arg) });
  }
  for (const l of layers) if (!l.info || (l.info.kind !== 'layer' && l.info.kind !== 'model')) complete = false;
  return { layers, complete, origin };
}

/** Follow `layer.apply(prev)` chains back from a functional model's outputs. */
function traceSymbolic(file: FileIndex, expr: Node, out: LayerRef[], seen: Set<Node>): boolean {
  const e = unwrap(expr);
  if (!e || seen.has(e) || seen.size > 500) return e ? seen.has(e) : false;
  seen.add(e);
  if (e.type === T.ArrayExpression) {
    let ok = true;
    for (const el of e.elements) ok = (!!el && el.type !== T.SpreadElement && traceSymbolic(file, el, out, seen)) && ok;
    return ok;
  }
  const info = file.kindOf(e);
  // what `tf.model({outputs})` is given is symbolic whatever the engine made of its root: a layer applied to
  // a value of unknown kind (`dense.apply(model.getLayer('fc1').output)` on a parameter `model`) is a graph node
  if (!info || !info.origin || (info.kind !== 'symbolic' && !(info.kind === 'tensor' && isLayerApply(file, info.origin)))) return false;
  // `let h = a.apply(x); h = bn.apply(h); …`: every write of the variable is part of the graph
  const origins = info.origins ? info.origins.map((o) => o.origin) : [info.origin];
  let ok = true;
  for (const o of origins) {
    if (!o) ok = false;
    else if (o === e || !seen.has(o)) {
      // a write already traced is skipped (each reference of `h` lists them all)
      seen.add(o);
      ok = traceSymbolicCall(file, o, out, seen) && ok;
    }
  }
  return ok;
}

function isLayerApply(file: FileIndex, o: Node): boolean {
  const m = o.type === T.CallExpression ? calledMember(o) : null;
  const k = m?.name === 'apply' ? file.kindOf(m.member.object)?.kind : null;
  return k === 'layer' || k === 'model';
}

function traceSymbolicCall(file: FileIndex, o: Node, out: LayerRef[], seen: Set<Node>): boolean {
  if (o.type === T.CallExpression && file.isTfCall(o, 'input', 'layers.input')) return true;
  const m = o.type === T.CallExpression ? calledMember(o) : null;
  if (!m || m.name !== 'apply') return false;
  out.push({ node: m.member.object, info: file.kindOf(m.member.object) });
  const arg = (o as TSESTree.CallExpression).arguments[0];
  return !!arg && arg.type !== T.SpreadElement && traceSymbolic(file, arg, out, seen);
}

function addCalls(file: FileIndex, origin: Node, modelExpr: Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const seen = new Set<Node>();
  const fromBinding = (holder: Node | null | undefined): void => {
    const h = unwrap(holder);
    if (!h) return;
    if (h.type === T.Identifier) {
      const v = file.variableOf(h);
      if (!v) return;
      for (const r of v.references) pushIfAdd(r.identifier);
    } else if (h.type === T.MemberExpression && file.thisOf(h.object)) {
      const cls = thisClass(file.thisOf(h.object)!);
      const name = memberName(h);
      if (!cls || name === null) return;
      for (const use of file.fieldOf(cls, name)?.uses ?? []) pushIfAdd(use);
    }
  };
  const pushIfAdd = (ref: Node): void => {
    const member = ref.parent;
    if (member?.type !== T.MemberExpression || member.object !== ref || memberName(member) !== 'add') return;
    const call = member.parent;
    if (call?.type === T.CallExpression && call.callee === member && !seen.has(call)) {
      seen.add(call);
      calls.push(call);
    }
  };
  const p = origin.parent;
  if (p?.type === T.VariableDeclarator && p.init === origin) fromBinding(p.id);
  else if (p?.type === T.AssignmentExpression && p.right === origin) fromBinding(p.left);
  else if (p?.type === T.AwaitExpression) {
    const pp = p.parent;
    if (pp?.type === T.VariableDeclarator) fromBinding(pp.id);
    else if (pp?.type === T.AssignmentExpression) fromBinding(pp.left);
  }
  fromBinding(modelExpr);
  return calls;
}

const customLayerModes = new WeakMap<ClassNode, Tri>();

/** Whether one layer behaves differently with `training: true`. */
export function layerModeDependence(file: FileIndex, info: ValueInfo | null): Tri {
  if (!info || info.kind !== 'layer') return 'unknown';
  if (info.userClass) return customLayerMode(file, info.userClass);
  if (info.via === 'annotation') return 'unknown'; // a type says nothing about which layer or its config
  const name = info.name ?? '';
  if (MODE_DEPENDENT_LAYERS.has(name)) return 'yes';
  if (RECURRENT_LAYERS.has(name)) {
    const cfg = file.configOf(info);
    if (!cfg && info.origin && info.origin.arguments.length > 0) return 'unknown';
    let result: Tri = 'no';
    for (const opt of ['dropout', 'recurrentDropout']) {
      const p = findProperty(cfg, opt);
      if (!p) continue;
      const v = literalValue(p.value);
      if (typeof v === 'number') {
        if (v > 0) return 'yes';
      } else result = 'unknown';
    }
    return result;
  }
  if (WRAPPER_LAYERS.has(name)) {
    const inner = findProperty(file.configOf(info), 'layer');
    return inner ? layerModeDependence(file, file.kindOf(inner.value)) : 'unknown';
  }
  if (!info.name) return 'unknown'; // e.g. model.layers[i]
  return 'no';
}

/** A custom Layer subclass is mode-dependent when it builds such sublayers or reads `training`. */
function customLayerMode(file: FileIndex, cls: ClassNode): Tri {
  const cached = customLayerModes.get(cls);
  if (cached) return cached;
  customLayerModes.set(cls, 'unknown');
  let result: Tri = 'no';
  walk(cls.body, file.sourceCode.visitorKeys, (node) => {
    if (result === 'yes') return false;
    if (node.type === T.CallExpression) {
      const k = file.kindOf(node);
      if (k?.kind === 'layer' && layerModeDependence(file, k) === 'yes') result = 'yes';
      else if (file.isTfCall(node, 'dropout')) result = 'yes';
    } else if (node.type === T.MemberExpression && memberName(node) === 'training') {
      result = 'yes';
    }
    return undefined;
  });
  customLayerModes.set(cls, result);
  return result;
}

/** Does the model held by `modelExpr` contain a layer whose output depends on the training flag? */
export function modelReachesModeDependent(file: FileIndex, modelExpr: Node): Tri {
  const info = provenanceOf(file, modelExpr);
  if (info?.kind === 'layer') return layerModeDependence(file, info);
  const s = modelStructure(file, modelExpr);
  if (!s) return 'unknown';
  let unknown = !s.complete;
  for (const l of s.layers) {
    const m = l.info?.kind === 'model' ? modelReachesModeDependent(file, l.node) : layerModeDependence(file, l.info);
    if (m === 'yes') return 'yes';
    if (m === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}
