/**
 * Losses and output activations (test/semantics/logits-loss.test.ts): which compile losses assume probabilities, which
 * assume logits, and what activation a visible model ends with.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, hasSpread, isFunction, literalValue, memberName, objectArg, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { modelStructure, type LayerRef } from './model-structure.js';
import { thisClass, type FileIndex } from './resolver.js';

/** `probability`: the loss clips/normalises its input (no softmax); `logits`: it applies softmax/sigmoid itself. */
export interface LossInfo {
  readonly name: string;
  readonly expects: 'probability' | 'logits';
  /** The activation that turns logits into what a probability loss expects (or that a logits loss applies). */
  readonly activation: 'softmax' | 'sigmoid';
}

const prob = (name: string, activation: 'softmax' | 'sigmoid'): LossInfo => ({ name, expects: 'probability', activation });

/** compile string names (`tfjs-layers/src/losses.ts`) that take probabilities. */
const STRING_LOSSES: ReadonlyMap<string, LossInfo> = new Map([
  ['categoricalCrossentropy', prob('categoricalCrossentropy', 'softmax')],
  ['sparseCategoricalCrossentropy', prob('sparseCategoricalCrossentropy', 'softmax')],
  ['binaryCrossentropy', prob('binaryCrossentropy', 'sigmoid')],
]);

/** tfjs loss functions by API path (tfjs 4.22 has no `tf.metrics.sparseCategoricalCrossentropy`). */
const FUNCTION_LOSSES: ReadonlyMap<string, LossInfo> = new Map([
  ['metrics.categoricalCrossentropy', prob('tf.metrics.categoricalCrossentropy', 'softmax')],
  ['metrics.binaryCrossentropy', prob('tf.metrics.binaryCrossentropy', 'sigmoid')],
  ['losses.logLoss', prob('tf.losses.logLoss', 'sigmoid')],
  ['losses.softmaxCrossEntropy', { name: 'tf.losses.softmaxCrossEntropy', expects: 'logits', activation: 'softmax' }],
  ['losses.sigmoidCrossEntropy', { name: 'tf.losses.sigmoidCrossEntropy', expects: 'logits', activation: 'sigmoid' }],
]);

/**
 * The loss a compile `loss` value denotes: a string name, a tfjs loss function, or
 * `(yt, yp) => tf.losses.x(yt, yp)` forwarding both arguments in order. Null when unknown.
 */
export function lossInfo(file: FileIndex, node: Node | null | undefined): LossInfo | null {
  const n = unwrap(node);
  if (!n) return null;
  const v = literalValue(n);
  if (typeof v === 'string') return STRING_LOSSES.get(v) ?? null;
  if (isFunction(n)) {
    const body = n.body.type === T.BlockStatement ? singleReturn(n.body) : n.body;
    const call = unwrap(body);
    const [a, b] = n.params;
    if (call?.type !== T.CallExpression || n.params.length !== 2 || a?.type !== T.Identifier || b?.type !== T.Identifier) return null;
    const args = call.arguments.map((x) => unwrap(x));
    if (args.length !== 2 || args[0]?.type !== T.Identifier || args[0].name !== a.name || args[1]?.type !== T.Identifier || args[1].name !== b.name) return null;
    return lossInfo(file, call.callee);
  }
  const p = file.pathOf(n);
  return p ? (FUNCTION_LOSSES.get(p.join('.')) ?? null) : null;
}

function singleReturn(block: TSESTree.BlockStatement): Node | null {
  const [only] = block.body;
  return block.body.length === 1 && only?.type === T.ReturnStatement ? only.argument : null;
}

/** Layers that keep the previous layer's activation visible (shape-only or inference-identity). */
const PASS_THROUGH: ReadonlySet<string> = new Set(['dropout', 'flatten', 'reshape', 'permute']);
/** Layers whose `activation` defaults to linear. */
const LINEAR_BY_DEFAULT: ReadonlySet<string> = new Set([
  'dense',
  'conv1d',
  'conv2d',
  'conv3d',
  'depthwiseConv2d',
  'separableConv2d',
  'conv2dTranspose',
  'conv3dTranspose',
]);

export interface OutputActivation {
  /** `'linear'`, `'softmax'`, `'sigmoid'`, or another literal activation name. */
  readonly activation: string;
  /** The layer that decides it (the output layer, or an earlier one behind dropout/flatten/reshape). */
  readonly layer: LayerRef;
  /** The decider's literal config, and its `activation` property when written. */
  readonly config: TSESTree.ObjectExpression | null;
  readonly property: TSESTree.Property | null;
  /** True when the decider is the model's last layer. */
  readonly isLast: boolean;
}

/** Layers of a visible model from its output backwards, as far as they are known; null when the output is unknown. */
export function layersFromOutput(file: FileIndex, modelExpr: Node): LayerRef[] | null {
  const s = modelStructure(file, modelExpr);
  if (!s?.origin || s.origin.type !== T.CallExpression) return null;
  if (file.isTfCall(s.origin, 'sequential')) {
    // a Sequential handed to other code (addHead(model)) may get more layers there
    if (escapes(file, modelExpr) || escapes(file, bindingOf(s.origin))) return null;
    const list = unwrap(findProperty(objectArg(s.origin), 'layers')?.value);
    const adds = s.layers.filter((l) => isAddArgument(l.node));
    if (adds.length > 0) {
      const last = adds.reduce((a, b) => (b.node.range[0] > a.node.range[0] ? b : a));
      const stmt = last.node.parent?.parent;
      if (stmt?.type !== T.ExpressionStatement || (stmt.parent?.type !== T.BlockStatement && stmt.parent?.type !== T.Program)) return null;
      return [last];
    }
    if (list?.type !== T.ArrayExpression) return null;
    const out: LayerRef[] = [];
    for (let i = list.elements.length - 1; i >= 0; i--) {
      const el = list.elements[i];
      if (!el || el.type === T.SpreadElement) break;
      out.push({ node: el, info: file.kindOf(el) });
    }
    return out.length > 0 ? out : null;
  }
  if (file.isTfCall(s.origin, 'model')) {
    const outputs = unwrap(findProperty(objectArg(s.origin), 'outputs')?.value);
    if (!outputs || outputs.type === T.ArrayExpression) return null; // several outputs: out of scope
    const first = s.layers[0];
    const o = file.kindOf(outputs)?.origin;
    const m = o?.type === T.CallExpression ? calledMember(o) : null;
    return first && m?.name === 'apply' && m.member.object === first.node ? [...s.layers] : null;
  }
  return null;
}

/** The identifier or `this.<field>` a creating call is stored into. */
function bindingOf(origin: Node): Node | null {
  let n: Node = origin;
  if (n.parent?.type === T.AwaitExpression) n = n.parent;
  const p = n.parent;
  if (p?.type === T.VariableDeclarator && p.init === n) return p.id;
  if (p?.type === T.AssignmentExpression && p.right === n) return p.left;
  return null;
}

/** True when the binding's value is passed to other code (a call argument, an array, an object…). */
function escapes(file: FileIndex, holder: Node | null): boolean {
  const h = unwrap(holder);
  const uses: Node[] = [];
  if (h?.type === T.Identifier) {
    for (const r of file.variableOf(h)?.references ?? []) if (!r.isWrite()) uses.push(r.identifier);
  } else if (h?.type === T.MemberExpression && unwrap(h.object)?.type === T.ThisExpression) {
    const cls = thisClass(h.object);
    const name = memberName(h);
    if (cls && name !== null) uses.push(...(file.fieldOf(cls, name)?.uses ?? []).filter((u) => !(u.parent?.type === T.AssignmentExpression && u.parent.left === u)));
  }
  return uses.some((u) => {
    let n: Node = u;
    while (n.parent && (n.parent.type === T.TSAsExpression || n.parent.type === T.TSNonNullExpression || n.parent.type === T.AwaitExpression)) n = n.parent;
    const p = n.parent;
    if (p?.type === T.MemberExpression && p.object === n) return false; // model.add(…), model.compile(…)
    if (p?.type === T.ReturnStatement || (p?.type === T.ArrowFunctionExpression && p.body === n)) return false;
    // `return { model, trunk }`: returned like a bare `return model`
    const o = p?.type === T.Property && p.value === n ? p.parent : null;
    const q = o?.type === T.ObjectExpression ? o.parent : null;
    if (q?.type === T.ReturnStatement || (q?.type === T.ArrowFunctionExpression && q.body === o)) return false;
    if (p?.type === T.VariableDeclarator && p.init === n) return false;
    if (p?.type === T.AssignmentExpression && p.right === n) return false;
    return true;
  });
}

function isAddArgument(node: Node): boolean {
  const call = node.parent;
  return call?.type === T.CallExpression && call.arguments[0] === node && calledMember(call)?.name === 'add';
}

/** The activation a visible model's output ends with, or null when it cannot be known. */
export function outputActivation(file: FileIndex, modelExpr: Node): OutputActivation | null {
  const layers = layersFromOutput(file, modelExpr);
  if (!layers) return null;
  for (let i = 0; i < layers.length; i++) {
    const layer = layers[i]!;
    const info = layer.info;
    if (!info || info.kind !== 'layer' || info.userClass || !info.name || !info.origin) return null;
    const config = objectArg(info.origin);
    if (config && hasSpread(config)) return null;
    const decided = (activation: string, property: TSESTree.Property | null): OutputActivation => ({ activation, layer, config, property, isLast: i === 0 });
    if (PASS_THROUGH.has(info.name)) continue;
    if (info.name === 'softmax') return decided('softmax', null);
    if (info.name === 'activation' || LINEAR_BY_DEFAULT.has(info.name)) {
      const property = findProperty(config, 'activation');
      if (!property) return info.name === 'activation' || (!config && info.origin.arguments.length > 0) ? null : decided('linear', null);
      const v = literalValue(property.value);
      return typeof v === 'string' ? decided(v, property) : null;
    }
    return decided(info.name, null); // batchNormalization, lstm, …: not a linear output we can reason about
  }
  return null;
}

/** Every `<model>.compile(...)` call on the binding that holds `modelExpr` (identifier or `this.<field>`). */
export function compileCallsOf(file: FileIndex, modelExpr: Node): TSESTree.CallExpression[] {
  const e = unwrap(modelExpr);
  const uses: Node[] = [];
  if (e?.type === T.Identifier) {
    for (const r of file.variableOf(e)?.references ?? []) uses.push(r.identifier);
  } else if (e?.type === T.MemberExpression && unwrap(e.object)?.type === T.ThisExpression) {
    const cls = thisClass(e.object);
    const name = memberName(e);
    if (cls && name !== null) uses.push(...(file.fieldOf(cls, name)?.uses ?? []));
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const u of uses) {
    const member = u.parent;
    const call = member?.parent;
    if (member?.type === T.MemberExpression && member.object === u && memberName(member) === 'compile' && call?.type === T.CallExpression && call.callee === member) calls.push(call);
  }
  return calls;
}

/**
 * Source text that reaches the tfjs API `path` from `at`: through a visible namespace binding
 * (`tf`, `tfAll.losses`, a configured global). Null when the file imports only other names.
 */
export function tfReference(file: FileIndex, at: Node, path: readonly string[]): string | null {
  for (let scope: ReturnType<FileIndex['sourceCode']['getScope']> | null = file.sourceCode.getScope(at); scope; scope = scope.upper) {
    for (const v of scope.variables) {
      if (v.defs.length === 0) continue;
      const p = file.pathOfVariable(v);
      if (p && p.length <= path.length && p.every((s, i) => s === path[i])) return [v.name, ...path.slice(p.length)].join('.');
    }
  }
  for (const g of file.settings.globals) {
    const scope = file.sourceCode.getScope(at);
    let shadowed = false;
    for (let s: typeof scope | null = scope; s; s = s.upper) if (s.set.get(g)?.defs.length) shadowed = true;
    if (!shadowed) return [g, ...path].join('.');
  }
  return null;
}

// ---------------------------------------------------------------- argument order (no-swapped-loss-arguments)

const MODEL_OUTPUT_METHODS: ReadonlySet<string> = new Set(['predict', 'apply', 'predictOnBatch', 'execute']);

/**
 * The expression is provably what a tfjs model computed: `model.predict(x)` / `model.apply(x)` /
 * `predictOnBatch` / `execute` on a proven tfjs model, directly or through a `const` (or never
 * reassigned) binding.
 */
export function isModelOutput(file: FileIndex, node: Node | null | undefined, depth = 0): boolean {
  const n = unwrap(node);
  if (!n || depth > 4) return false;
  if (n.type === T.Identifier) {
    const v = file.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init) return false;
    if (v!.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init)) return false;
    return isModelOutput(file, def.node.init, depth + 1);
  }
  if (n.type !== T.CallExpression) return false;
  const m = calledMember(n);
  if (!m || !MODEL_OUTPUT_METHODS.has(m.name)) return false;
  const k = file.kindOf(m.member.object);
  return !!k && !k.promise && (k.kind === 'model' || k.kind === 'graph-model');
}

/** Parameter names that say "prediction" / "target" (PyTorch's `(input, target)` order and its variants). */
const PREDICTION_NAME = /^(?:y_?)?(?:pred|preds|prediction|predictions|predicted|output|outputs|out|logits?|input|inputs|hat|scores?)$/i;
const TARGET_NAME = /^(?:y_?)?(?:target|targets|label|labels|true|truth|gt|ground_?truth|y)$/i;

export interface SwappedCustomLoss {
  readonly fn: FunctionNode;
  /** The parameter named as the prediction but first, so tfjs puts `yTrue` in it. */
  readonly prediction: TSESTree.Identifier;
  readonly target: TSESTree.Identifier;
  /** The asymmetric tfjs loss call that receives them as `(target, prediction)`. */
  readonly call: TSESTree.CallExpression;
}

/**
 * A custom compile loss `(pred, target) => tf.losses.x(target, pred)`: named in PyTorch's order and used
 * that way, while tfjs calls it as `loss(yTrue, yPred)` (`test/semantics/loss-symmetry.test.ts`), so the
 * tfjs loss receives (yPred, yTrue). `(pred, target) => tf.losses.x(pred, target)` computes the right
 * thing under misleading names and is not returned.
 */
export function swappedCustomLoss(file: FileIndex, value: Node | null | undefined, isAsymmetric: (path: string) => boolean): SwappedCustomLoss | null {
  let fn: Node | null = unwrap(value);
  if (fn?.type === T.Identifier) fn = file.functionOfIdentifier(fn);
  if (!isFunction(fn) || fn.params.length !== 2) return null;
  const [a, b] = fn.params.map((p) => (p.type === T.Identifier ? p : null));
  if (!a || !b || !PREDICTION_NAME.test(a.name) || !TARGET_NAME.test(b.name)) return null;
  const va = file.variableOf(a);
  const vb = file.variableOf(b);
  if (!va || !vb || [va, vb].some((v) => v.references.some((r) => r.isWrite()))) return null; // reassigned: unclear
  const isParam = (e: Node | null | undefined, v: typeof va): boolean => e?.type === T.Identifier && file.variableOf(e) === v;
  let found: TSESTree.CallExpression | null = null;
  let conflicting = false;
  walk(fn.body, file.sourceCode.visitorKeys, (node) => {
    if (node.type !== T.CallExpression || node.arguments.length < 2) return;
    const [x, y] = node.arguments.map((arg) => unwrap(arg));
    const swapped = isParam(x, vb) && isParam(y, va);
    if (!swapped && !(isParam(x, va) && isParam(y, vb))) return;
    const p = file.calleePath(node);
    if (!p || !isAsymmetric(p.join('.'))) return;
    if (swapped) found = found ?? node;
    else conflicting = true; // used both ways: unclear
  });
  return found && !conflicting ? { fn, prediction: a, target: b, call: found } : null;
}
