/**
 * Layer-config facts and edits for the layer-option rules (test/semantics/frozen-batchnorm.test.ts, test/semantics/weightless-trainable.test.ts, test/semantics/batchnorm-momentum.test.ts, test/semantics/channels-first.test.ts):
 * which layers are weightless (tfjs factories and conservative user Layer subclasses), which layers
 * implement `channelsFirst` with transposes, where a model is trained and whether it contains a given
 * layer, the `1 - momentum` literal, and a comment-aware removal of one config property.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, enclosingFunction, findProperty, literalValue, memberName, objectArg, propertyKeyName, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import { homeOfNode, readableImporterCallsOf } from './modules.js';
import { callTarget, gradientContextOf } from './gradient-context.js';
import { modelStructure } from './model-structure.js';
import { superClassOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import { TRAINING_METHODS, WEIGHTLESS_LAYERS } from '../facts/tfjs-api.js';

type Origin = TSESTree.CallExpression | TSESTree.NewExpression;

/**
 * `tf.layers.*` factories whose `dataFormat: 'channelsFirst'` is implemented as
 * Transpose(NCHW→NHWC) → kernel → Transpose(back) on every call (`test/semantics/channels-first.test.ts`).
 * conv1d / pooling1d are absent on purpose: they do not honour channelsFirst correctly in 4.22.
 * separableConv2d transposes too, but throws with a bias (the default).
 */
export const CHANNELS_FIRST_TRANSPOSING: ReadonlySet<string> = new Set([
  'conv2d',
  'conv2dTranspose',
  'conv3d',
  'conv3dTranspose',
  'depthwiseConv2d',
  'separableConv2d',
  'maxPooling2d',
  'maxPool2d',
  'maxPooling3d',
  'averagePooling2d',
  'avgPool2d',
  'avgPooling2d',
  'averagePooling3d',
  'avgPool3d',
  'avgPooling3d',
  'upSampling2d',
]);

/** 1D pooling factories that ignore `dataFormat` entirely in 4.22 (they always pool over axis 1). */
export const CHANNELS_FIRST_IGNORED: ReadonlySet<string> = new Set(['maxPooling1d', 'maxPool1d', 'averagePooling1d', 'avgPool1d', 'avgPooling1d']);

/** The `tf.layers.<name>` factory a value comes from, when it was created by a visible tfjs factory call. */
export function layerFactoryName(file: FileIndex, info: ValueInfo | null): string | null {
  if (!info || info.kind !== 'layer' || info.userClass || !info.origin || info.origin.type !== T.CallExpression) return null;
  const p = file.calleePath(info.origin);
  return p && p.length === 2 && p[0] === 'layers' ? p[1]! : null;
}

/** The factory name of a `tf.layers.<name>(...)` call. */
export function layerCallName(file: FileIndex, call: Origin): string | null {
  const p = file.calleePath(call);
  return call.type === T.CallExpression && p && p.length === 2 && p[0] === 'layers' ? p[1]! : null;
}

// ---------------------------------------------------------------- weightless layers

const WEIGHT_MEMBERS = new Set(['addWeight', 'trainableWeights', 'nonTrainableWeights', 'weights', 'getWeights', 'setWeights', 'trainable', 'trainable_', 'build']);
const weightlessClasses = new WeakMap<ClassNode, boolean>();

/**
 * A user Layer subclass provably without weights: it extends `tf.layers.Layer` directly (or a same-file
 * class that is itself weightless), never mentions `addWeight`, `build`, the weight getters or `trainable`,
 * and every `this.<field>` it stores cannot hold a layer (primitives, functions, tensors).
 */
export function isWeightlessUserLayer(file: FileIndex, cls: ClassNode): boolean {
  const cached = weightlessClasses.get(cls);
  if (cached !== undefined) return cached;
  weightlessClasses.set(cls, false);
  const k = file.classKind(cls);
  let ok = !!k && k.kind === 'layer';
  const sup = superClassOf(cls);
  if (ok && sup) {
    const p = file.pathOf(sup);
    if (p) ok = p.join('.') === 'layers.Layer';
    else {
      const parent = sup.type === T.Identifier ? file.classOfIdentifier(sup) : null;
      ok = !!parent && isWeightlessUserLayer(file, parent);
    }
  }
  if (ok) {
    walk(cls.body, file.sourceCode.visitorKeys, (node) => {
      if (!ok) return false;
      if (node.type === T.MemberExpression && WEIGHT_MEMBERS.has(memberName(node) ?? '')) ok = false;
      else if ((node.type === T.MethodDefinition || node.type === T.PropertyDefinition) && WEIGHT_MEMBERS.has(propertyKeyName(node) ?? '')) ok = false;
      else if (node.type === T.Identifier && node.name === 'addWeight') ok = false;
      else if (node.type === T.PropertyDefinition && node.value && !cannotHoldLayer(file, node.value)) ok = false;
      else if (
        node.type === T.AssignmentExpression &&
        node.left.type === T.MemberExpression &&
        unwrap(node.left.object)?.type === T.ThisExpression &&
        !cannotHoldLayer(file, node.right)
      ) {
        ok = false;
      }
      return undefined;
    });
  }
  weightlessClasses.set(cls, ok);
  return ok;
}

function cannotHoldLayer(file: FileIndex, expr: Node): boolean {
  const e = unwrap(expr);
  if (!e) return true;
  switch (e.type) {
    case T.Literal:
    case T.TemplateLiteral:
    case T.UnaryExpression:
    case T.BinaryExpression:
    case T.UpdateExpression:
    case T.ArrowFunctionExpression:
    case T.FunctionExpression:
      return true;
    default: {
      const k = file.kindOf(e)?.kind;
      return k === 'tensor' || k === 'optimizer' || k === 'symbolic';
    }
  }
}

/**
 * The config argument of `new UserLayer(config)` reaches `tf.layers.Layer` unchanged: the class chain
 * has no constructor, or each constructor passes its first parameter straight to `super(param)`.
 */
export function configReachesLayerBase(file: FileIndex, cls: ClassNode, depth = 0): boolean {
  if (depth > 8) return false;
  const ctor = cls.body.body.find((el): el is TSESTree.MethodDefinition => el.type === T.MethodDefinition && el.kind === 'constructor');
  if (ctor) {
    const param = ctor.value.params[0];
    if (param?.type !== T.Identifier) return false;
    const forwards = ctor.value.body?.body.some(
      (st) =>
        st.type === T.ExpressionStatement &&
        st.expression.type === T.CallExpression &&
        st.expression.callee.type === T.Super &&
        unwrap(st.expression.arguments[0])?.type === T.Identifier &&
        (unwrap(st.expression.arguments[0]) as TSESTree.Identifier).name === param.name,
    );
    if (!forwards) return false;
  }
  const sup = superClassOf(cls);
  if (!sup) return false;
  if (file.pathOf(sup)?.join('.') === 'layers.Layer') return true;
  const parent = sup.type === T.Identifier ? file.classOfIdentifier(sup) : null;
  return !!parent && configReachesLayerBase(file, parent, depth + 1);
}

/** The value is a layer with no weights: a weightless tfjs factory, or a provably weightless user class. */
export function weightlessLayerName(file: FileIndex, info: ValueInfo | null): string | null {
  if (!info || info.kind !== 'layer' || info.promise) return null;
  if (info.userClass) return isWeightlessUserLayer(file, info.userClass) ? (info.userClass.id?.name ?? 'this Layer subclass') : null;
  const name = layerFactoryName(file, info);
  return name !== null && WEIGHTLESS_LAYERS.has(name) ? name : null;
}

// ---------------------------------------------------------------- training calls and containment

export interface Trainer {
  /** The call that trains: `model.fit(...)`, or `model.apply(x, {training: true})` in a gradient context. */
  readonly call: TSESTree.CallExpression;
  /** The model or layer being trained. */
  readonly receiver: Node;
  /** `fit`, `fitDataset`, `trainOnBatch` or `apply`. */
  readonly method: string;
}

/** A call that runs `receiver` in training mode while gradients are recorded or weights are fitted. */
export function trainerOf(file: FileIndex, call: TSESTree.CallExpression): Trainer | null {
  const m = calledMember(call);
  if (!m) return null;
  const info = file.kindOf(m.member.object);
  if (!info || info.promise) return null;
  const receiver = unwrap(m.member.object)!;
  if (TRAINING_METHODS.has(m.name)) return info.kind === 'model' ? { call, receiver, method: m.name } : null;
  if (m.name !== 'apply' || (info.kind !== 'model' && info.kind !== 'layer')) return null;
  const training = findProperty(objectArg(call, 1), 'training');
  if (!training || literalValue(training.value) !== true) return null;
  return gradientContextOf(file, call) ? { call, receiver, method: 'apply' } : null;
}

/**
 * A training call in a module importing the exported function `fn` (a model factory) that trains a model
 * containing the value `origin` creates: `const model = createConvHead(); await model.fit(…)` in another
 * file, for a BatchNormalization frozen inside `createConvHead`. Every model the factory builds contains it,
 * so any instance trained there counts. Null when no importer does, or the importers cannot all be read.
 */
export function importerTrainerOf(file: FileIndex, fn: FunctionNode, origin: Origin): (Trainer & { readonly index: FileIndex }) | null {
  const calls = readableImporterCallsOf(file, fn);
  // an importer linted earlier in the run read this module from disk: its copy of `origin` is another node
  // at the same place of the same file
  const same = (n: Node | undefined): boolean =>
    n === origin || (!!n && n.type === origin.type && n.range[0] === origin.range[0] && n.range[1] === origin.range[1] && homeOfNode(n)?.filename === file.filename);
  const seen = new Set<FileIndex>();
  for (const { index } of calls) {
    if (seen.has(index)) continue;
    seen.add(index);
    for (const name of [...TRAINING_METHODS, 'apply']) {
      for (const c of index.callsNamed(name)) {
        const t = trainerOf(index, c);
        if (t && reachesOrigin(index, t.receiver, origin, 0, same)) return { ...t, index };
      }
    }
  }
  return null;
}

/** `expr` (a model or layer) is, or contains through visible model structure, the value created by `origin`. */
export function reachesOrigin(file: FileIndex, expr: Node, origin: Origin, depth = 0, same: (n: Node | undefined) => boolean = (n) => n === origin): boolean {
  if (depth > 8) return false;
  const info = file.kindOf(expr);
  if (!info) return false;
  if (same(info.origin)) return true;
  if (info.kind !== 'model') return false;
  const s = modelStructure(file, expr);
  return !!s && s.layers.some((l) => same(l.info?.origin) || (l.info?.kind === 'model' && reachesOrigin(file, l.node, origin, depth + 1, same)));
}

/** A model (or user layer) that visibly contains a BatchNormalization which it runs in training mode. */
/**
 * True when two expressions provably hold different instances of the same factory-built model:
 * each is bound (a `const`, a single-write `let`, or a single-write `this.<field>`) to its own call of a
 * same-file builder that creates a fresh model on every call (`const online = createQNet(); const
 * target = createQNet();`). Both share the factory's origin node, yet freezing one does not touch the other.
 */
export function distinctBuilderInstances(file: FileIndex, a: Node, b: Node): boolean {
  const ca = builderCallOf(file, a, 0);
  const cb = builderCallOf(file, b, 0);
  return !!ca && !!cb && ca !== cb;
}

/** The builder call an expression's value comes from, when the builder makes a new model per call. */
function builderCallOf(file: FileIndex, expr: Node | null | undefined, depth: number): TSESTree.CallExpression | null {
  let n = unwrap(expr);
  if (n?.type === T.AwaitExpression) n = unwrap(n.argument);
  if (!n || depth > 4) return null;
  if (n.type === T.CallExpression) {
    const fn = callTarget(file, n);
    const origin = file.kindOf(n)?.origin;
    if (!fn || !origin || origin.range[0] < fn.range[0] || origin.range[1] > fn.range[1]) return null;
    // a fresh model per call: returned directly or through a local `const` of the builder
    let p = origin.parent;
    while (p && (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression)) p = p.parent;
    if (p?.type === T.ReturnStatement || p === fn) return n;
    if (p?.type === T.VariableDeclarator && p.parent?.type === T.VariableDeclaration && p.parent.kind === 'const' && enclosingFunction(p) === fn) return n;
    return null;
  }
  if (n.type === T.Identifier) {
    const v = file.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!v || def?.type !== 'Variable' || def.node.id !== def.name) return null;
    if (v.references.filter((r) => r.isWrite()).length !== 1) return null;
    return builderCallOf(file, def.node.init, depth + 1);
  }
  if (n.type === T.MemberExpression && unwrap(n.object)?.type === T.ThisExpression) {
    const cls = thisClass(n.object);
    const name = memberName(n);
    const writes = cls && name !== null ? file.fieldOf(cls, name)?.writes : undefined;
    return writes?.length === 1 ? builderCallOf(file, writes[0], depth + 1) : null;
  }
  return null;
}

export function containsBatchNorm(file: FileIndex, expr: Node, depth = 0): boolean {
  if (depth > 8) return false;
  const info = file.kindOf(expr);
  if (!info) return false;
  if (info.kind === 'layer') {
    if (info.userClass) return userLayerTrainsBatchNorm(file, info.userClass);
    return layerFactoryName(file, info) === 'batchNormalization';
  }
  if (info.kind !== 'model') return false;
  const s = modelStructure(file, expr);
  return !!s && s.layers.some((l) => containsBatchNorm(file, l.node, depth + 1));
}

/** A user Layer subclass that applies a BatchNormalization sublayer with forwarded kwargs (`this.bn.apply(x, kwargs)`). */
function userLayerTrainsBatchNorm(file: FileIndex, cls: ClassNode): boolean {
  let found = false;
  walk(cls.body, file.sourceCode.visitorKeys, (node) => {
    if (found) return false;
    if (node.type === T.CallExpression && node.arguments.length >= 2 && forwardsTraining(node.arguments[1]!)) {
      const m = calledMember(node);
      if (m?.name === 'apply' && layerFactoryName(file, file.kindOf(m.member.object)) === 'batchNormalization') found = true;
    }
    return undefined;
  });
  return found;
}

/** kwargs that may carry `training: true`: `kwargs`, `{...kwargs}`, `{training: kwargs.training}`; not `{training: false}`, not `{}`. */
function forwardsTraining(arg: Node): boolean {
  const a = unwrap(arg);
  if (!a) return false;
  if (a.type === T.Identifier) return true;
  if (a.type !== T.ObjectExpression) return false;
  const training = findProperty(a, 'training');
  if (training) return literalValue(training.value) !== false;
  return a.properties.some((p) => p.type === T.SpreadElement);
}

/** False only when both nodes sit in the same function (or both at top level) and `later` comes first. */
export function mayRunAfter(earlier: Node, later: Node): boolean {
  if (enclosingFunction(earlier) !== enclosingFunction(later)) return true;
  return later.range[0] > earlier.range[1];
}

// ---------------------------------------------------------------- literals and edits

/** The number a `const NAME = <number literal>` identifier holds (never reassigned: it is const). */
export function constNumber(file: FileIndex, id: TSESTree.Identifier): number | null {
  const v = file.variableOf(id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.parent?.kind !== 'const') return null;
  const init = unwrap(def.node.init);
  return init?.type === T.Literal && typeof init.value === 'number' ? init.value : null;
}

/** The number of decimal places a finite number needs (`0.01` → 2, `1e-7` → 7). */
function decimals(n: number): number {
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  const mantissa = s.replace(/e.*$/, '');
  const frac = mantissa.includes('.') ? mantissa.split('.')[1]!.length : 0;
  return frac + (e ? Number(e[1]) : 0);
}

/** `1 - m` as the clean literal a person would write (`0.1` → `'0.9'`, `0.01` → `'0.99'`), no float noise. */
export function complementLiteral(m: number): string {
  const d = Math.min(decimals(m), 20);
  return String(Number((1 - m).toFixed(d)));
}


// ---------------------------------------------------------------- channels-first models

/**
 * 2D layers whose channelsFirst output is still NCHW: a BatchNormalization after them needs `axis: 1`.
 * (3D layers are left out: tfjs 4.22 BatchNormalization throws on rank-5 input whatever the axis.)
 */
export const CHANNELS_FIRST_OUTPUT: ReadonlySet<string> = new Set(
  [...CHANNELS_FIRST_TRANSPOSING, 'zeroPadding2d', 'cropping2D'].filter((n) => !/3d(Transpose)?$/i.test(n)),
);

/** Element-wise layers that keep the layout of their input. */
export const LAYOUT_PRESERVING: ReadonlySet<string> = new Set([
  'activation',
  'reLU',
  'leakyReLU',
  'elu',
  'thresholdedReLU',
  'dropout',
  'gaussianNoise',
  'gaussianDropout',
  'alphaDropout',
]);

/**
 * For a `tf.layers.batchNormalization(...)` call that is an element of a layer list, the preceding
 * channels-first layer call whose NC… output it normalises (skipping element-wise layers), or null.
 */
export function channelsFirstProducer(file: FileIndex, bn: TSESTree.CallExpression): { call: TSESTree.CallExpression; layer: string } | null {
  const list = bn.parent;
  if (list?.type !== T.ArrayExpression) return null;
  for (let i = list.elements.indexOf(bn) - 1; i >= 0; i--) {
    const el = unwrap(list.elements[i]);
    if (!el || el.type !== T.CallExpression) return null;
    const layer = layerCallName(file, el);
    if (layer === null) return null;
    if (LAYOUT_PRESERVING.has(layer)) continue;
    if (!CHANNELS_FIRST_OUTPUT.has(layer)) return null;
    return literalValue(findProperty(objectArg(el), 'dataFormat')?.value) === 'channelsFirst' ? { call: el, layer } : null;
  }
  return null;
}
