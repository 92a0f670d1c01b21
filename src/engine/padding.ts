/**
 * Padding facts and the equivalence math between PyTorch's symmetric `padding=p` and tfjs padding
 * modes (test/semantics/padding.test.ts). `test/fixes/padding-fix.test.ts` checks every predicate here against real tfjs.
 *
 * PyTorch `padding=p` (zeros) is, by definition, `tf.pad(x, p on each side)` followed by `'valid'`.
 * tfjs `'same'` (`conv_util.ts:L447-457`): out = ⌈n/s⌉, P = max((out−1)·s + k_e − n, 0),
 * before = ⌊P/2⌋, after = P − before, with the effective kernel k_e = d(k−1)+1.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, literalValue, unwrap } from './ast.js';
import type { FileIndex } from './resolver.js';

export type PaddingFamily = 'conv' | 'transpose' | 'maxPool' | 'avgPool';

/** What `padding: 'causal'` does on a layer (measured, `test/semantics/padding.test.ts`). */
export type CausalBehaviour = 'valid' | 'throws-at-apply' | 'throws-at-construction';

export interface PaddingLayer {
  readonly family: PaddingFamily;
  /** Number of spatial dimensions. */
  readonly rank: 1 | 2 | 3;
  readonly causal: CausalBehaviour;
}

const entry = (family: PaddingFamily, rank: 1 | 2 | 3, causal: CausalBehaviour): PaddingLayer => ({ family, rank, causal });

/** `tf.layers.<name>` factories that take a `padding` mode, with their aliases (tfjs 4.22 exports). */
export const PADDING_LAYERS: ReadonlyMap<string, PaddingLayer> = new Map<string, PaddingLayer>([
  ['conv1d', entry('conv', 1, 'throws-at-apply')],
  ['conv2d', entry('conv', 2, 'throws-at-apply')],
  ['conv3d', entry('conv', 3, 'throws-at-apply')],
  ['depthwiseConv2d', entry('conv', 2, 'valid')],
  ['separableConv2d', entry('conv', 2, 'throws-at-construction')],
  ['conv2dTranspose', entry('transpose', 2, 'throws-at-construction')],
  ['conv3dTranspose', entry('transpose', 3, 'throws-at-construction')],
  ...(['maxPooling1d', 'maxPool1d'] as const).map((n) => [n, entry('maxPool', 1, 'valid')] as const),
  ...(['maxPooling2d', 'maxPool2d'] as const).map((n) => [n, entry('maxPool', 2, 'valid')] as const),
  ['maxPooling3d', entry('maxPool', 3, 'valid')],
  ...(['averagePooling1d', 'avgPool1d', 'avgPooling1d'] as const).map((n) => [n, entry('avgPool', 1, 'valid')] as const),
  ...(['averagePooling2d', 'avgPool2d', 'avgPooling2d'] as const).map((n) => [n, entry('avgPool', 2, 'valid')] as const),
  ...(['averagePooling3d', 'avgPool3d', 'avgPooling3d'] as const).map((n) => [n, entry('avgPool', 3, 'valid')] as const),
]);

/** The padding modes tfjs layers accept (`keras_format/common.ts:L31`). */
export const PADDING_MODES: ReadonlySet<string> = new Set(['valid', 'same', 'causal']);

/**
 * `tf.<op>(...)` ops and the index of their `pad` argument. All of them reject upper-case modes
 * ("Unknown padding parameter: SAME").
 */
export const PADDING_OPS: ReadonlyMap<string, number> = new Map([
  ['conv1d', 3],
  ['conv2d', 3],
  ['conv3d', 3],
  ['depthwiseConv2d', 3],
  ['separableConv2d', 4],
  ['conv2dTranspose', 4],
  ['conv3dTranspose', 4],
  ['maxPool', 3],
  ['avgPool', 3],
  ['maxPool3d', 3],
  ['avgPool3d', 3],
]);

// ------------------------------------------------------------------ the math, per spatial dimension

export const effectiveKernel = (k: number, d: number): number => d * (k - 1) + 1;

/** tfjs `'same'`: output size and the pads it adds before/after (`conv_util.ts:L447-457`). */
export function tfSamePads(n: number, k: number, s: number, d = 1): { out: number; before: number; after: number } {
  const out = Math.ceil(n / s);
  const total = Math.max((out - 1) * s + effectiveKernel(k, d) - n, 0);
  const before = Math.floor(total / 2);
  return { out, before, after: total - before };
}

/** PyTorch conv / pool output size for symmetric `padding=p` (ceil_mode=False). */
export const torchOutSize = (n: number, k: number, s: number, p: number, d = 1): number =>
  Math.floor((n + 2 * p - effectiveKernel(k, d)) / s) + 1;

/** PyTorch `padding=p` gives exactly tfjs `'same'` for input size n (conv and max pooling). */
export function torchPadIsSame(n: number, k: number, s: number, p: number, d = 1): boolean {
  const same = tfSamePads(n, k, s, d);
  return same.before === p && torchOutSize(n, k, s, p, d) === same.out;
}

/** `padding=p` equals `'same'` whatever the input size: stride 1, odd effective kernel, p = (k_e−1)/2. */
export function sameForEverySize(k: number, s: number, p: number, d = 1): boolean {
  const ke = effectiveKernel(k, d);
  return s === 1 && ke % 2 === 1 && p === (ke - 1) / 2;
}

/**
 * Same output size as `'same'` for every n, but with s > 1 and p ≥ 1 equal only when n mod s = 1
 * (TF puts the extra pad row after). With p = 0 the answer is `'valid'` anyway.
 */
export function sameUpToAlignment(k: number, s: number, p: number, d = 1): boolean {
  const ke = effectiveKernel(k, d);
  return s > 1 && p >= 1 && ke % 2 === 1 && p === (ke - 1) / 2;
}

/** PyTorch ConvTranspose `padding=p` (crop p each side of the full output) equals tfjs `'same'` (dilation 1). */
export const transposeSameExact = (k: number, s: number, p: number): boolean => 2 * p === k - s;

/** PyTorch ConvTranspose `padding=0` equals tfjs `'valid'` (dilation 1): tfjs adds max(k−s,0), PyTorch k−s. */
export const transposeValidExact = (k: number, s: number): boolean => k >= s;

// ------------------------------------------------------------------ reading a layer config

export interface LayerDims {
  readonly kernel: readonly number[];
  readonly strides: readonly number[];
  readonly dilation: readonly number[];
}

/** A literal non-negative integer, or a literal array of them (`3`, `[3, 3]`), expanded to `rank` dims. */
export function literalDims(node: TSESTree.Node | null | undefined, rank: number): number[] | null {
  const n = unwrap(node);
  if (!n) return null;
  const isDim = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (n.type === T.ArrayExpression) {
    const vals = n.elements.map((e) => (e && e.type !== T.SpreadElement ? literalValue(e) : undefined));
    if (!vals.every(isDim)) return null;
    if (vals.length === rank) return vals;
    return vals.length === 1 ? Array<number>(rank).fill(vals[0]) : null;
  }
  const v = literalValue(n);
  return isDim(v) ? Array<number>(rank).fill(v) : null;
}

/**
 * Kernel, strides and dilation of a layer config, with tfjs defaults (conv: strides 1, dilation 1;
 * pooling: poolSize 2, strides = poolSize). Null when a value is present but not literal.
 */
export function layerDims(cfg: TSESTree.ObjectExpression, layer: PaddingLayer): LayerDims | null {
  const pool = layer.family === 'maxPool' || layer.family === 'avgPool';
  const read = (key: string, dflt: readonly number[] | null): readonly number[] | null => {
    const p = findProperty(cfg, key);
    if (!p) return cfg.properties.some((q) => q.type === T.SpreadElement) ? null : dflt;
    return literalDims(p.value, layer.rank);
  };
  const ones = Array<number>(layer.rank).fill(1);
  const kernel = read(pool ? 'poolSize' : 'kernelSize', pool ? Array<number>(layer.rank).fill(2) : null);
  if (!kernel) return null;
  const strides = read('strides', pool ? kernel : ones);
  const dilation = pool ? ones : read('dilationRate', ones);
  if (!strides || !dilation) return null;
  return { kernel, strides, dilation };
}

/** Symmetric per-dimension pads from a literal `padding` (`1`, `[1, 2]`), or null. */
export function literalPads(node: TSESTree.Node, rank: number): number[] | null {
  return literalDims(node, rank);
}

export type SameCaveat = 'stride' | 'avgPool' | 'avgPoolStride';

export interface PaddingAdvice {
  /** An exactly equivalent mode (autofix). */
  readonly fix: 'same' | 'valid' | null;
  /** `'same'` as a suggestion, with what differs from PyTorch. */
  readonly same: SameCaveat | null;
  /** `zeroPadding2d({padding: p})` + `'valid'`: exact, or exact only for non-negative inputs (max pooling). */
  readonly zeroPad: 'exact' | 'nonNegative' | null;
}

/**
 * What replaces PyTorch `padding=pads` on a layer: an exact mode, or suggestions.
 * `dims` is null when kernel/strides/dilation are not all literal.
 */
export function adviseNumericPadding(layer: PaddingLayer, pads: readonly number[], dims: LayerDims | null): PaddingAdvice {
  const every = (f: (k: number, s: number, p: number, d: number) => boolean): boolean =>
    !!dims && pads.every((p, i) => f(dims.kernel[i]!, dims.strides[i]!, p, dims.dilation[i]!));
  if (layer.family === 'transpose') {
    const d1 = !!dims && dims.dilation.every((d) => d === 1);
    if (d1 && pads.every((p) => p === 0) && every((k, s) => transposeValidExact(k, s))) return { fix: 'valid', same: null, zeroPad: null };
    if (d1 && every((k, s, p) => transposeSameExact(k, s, p))) return { fix: 'same', same: null, zeroPad: null };
    return { fix: null, same: null, zeroPad: null };
  }
  const zeroPad = layer.rank !== 2 ? null : layer.family === 'maxPool' ? 'nonNegative' : 'exact';
  if (pads.every((p) => p === 0)) return { fix: 'valid', same: null, zeroPad: null };
  const exactSame = every((k, s, p, d) => sameForEverySize(k, s, p, d));
  const aligned = every((k, s, p, d) => sameForEverySize(k, s, p, d) || sameUpToAlignment(k, s, p, d));
  const strided = !!dims && dims.strides.some((s) => s > 1);
  if (layer.family === 'avgPool') {
    return { fix: null, same: aligned ? (strided ? 'avgPoolStride' : 'avgPool') : null, zeroPad };
  }
  if (exactSame) return { fix: 'same', same: null, zeroPad: null };
  return { fix: null, same: aligned ? 'stride' : null, zeroPad };
}

// ------------------------------------------------------------------ inserting a layer before another

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Where a layer call sits in a visible model definition, so another layer can be put before it. */
export interface LayerSlot {
  /** The node to insert before (the array element, or the `model.add(...)` statement). */
  readonly before: TSESTree.Node;
  /** Text that turns a layer expression into an inserted element/statement. */
  readonly wrap: (layerText: string) => string;
}

/**
 * The slot of `layerCall` when it is an element of `tf.sequential({layers: [...]})` or the
 * argument of a `model.add(layer);` statement on a proven tfjs model; null otherwise.
 */
export function layerSlot(file: FileIndex, sourceCode: SourceCode, layerCall: TSESTree.CallExpression): LayerSlot | null {
  const parent = layerCall.parent;
  const indentBefore = (node: TSESTree.Node): string | null => {
    const lineStart = sourceCode.text.lastIndexOf('\n', node.range[0] - 1) + 1;
    const lead = sourceCode.text.slice(lineStart, node.range[0]);
    return /^[ \t]*$/.test(lead) ? lead : null;
  };
  if (parent?.type === T.ArrayExpression) {
    const prop = parent.parent;
    const cfg = prop?.parent;
    const seq = cfg?.parent;
    if (
      prop?.type === T.Property &&
      prop.value === parent &&
      cfg?.type === T.ObjectExpression &&
      findProperty(cfg, 'layers') === prop &&
      seq?.type === T.CallExpression &&
      seq.arguments[0] === cfg &&
      file.isTfCall(seq, 'sequential')
    ) {
      const indent = indentBefore(layerCall);
      return { before: layerCall, wrap: (t) => (indent === null ? `${t}, ` : `${t},\n${indent}`) };
    }
    return null;
  }
  if (parent?.type === T.CallExpression && parent.arguments.length === 1 && parent.arguments[0] === layerCall) {
    const m = calledMember(parent);
    const stmt = parent.parent;
    if (!m || m.name !== 'add' || m.member.optional || stmt?.type !== T.ExpressionStatement || stmt.expression !== parent) return null;
    const k = file.kindOf(m.member.object);
    if (k?.kind !== 'model' || k.promise) return null;
    const recv = sourceCode.getText(m.member.object);
    const indent = indentBefore(stmt);
    return { before: stmt, wrap: (t) => `${recv}.add(${t});${indent === null ? ' ' : `\n${indent}`}` };
  }
  return null;
}

