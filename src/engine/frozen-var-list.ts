/**
 * Custom training steps that update frozen layers (the analysis behind require-var-list-when-frozen).
 *
 * `optimizer.minimize()`, `computeGradients()` and `tf.variableGrads()` without a var list (or with one
 * from `.weights`) update every trainable tf.Variable. A layer can be frozen in ways its variables do not
 * see: `{trainable: false}` in its constructor config, or a setter freeze followed by a Sequential model's
 * `compile()`, which makes the variables trainable again. The rule records `compile()` calls and
 * `trainable` writes on an `EventFlow` (`frozenFlowCallData`, `frozenFlowWriteData`), and
 * `frozenVarListFindings` answers, once the Program's code path ends, which training steps to report.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, literalValue, memberName, unwrap, walk, type FunctionNode, type Node } from './ast.js';
import type { EventFlow, FlowEvent } from './event-flow.js';
import { gradientSteps } from './gradient-context.js';
import type { FileIndex } from './resolver.js';
import { VAR_LIST_POSITION } from '../facts/tfjs-api.js';
import {
  appliedValues,
  compileReceiver,
  constructorFrozenLayers,
  differentLayers,
  frozenAtConstruction,
  isSequential,
  modelHasLayer,
  resolveValue,
  sameValue,
  structureExprs,
  textMeansSameAt,
  resolvedTrainableWrite,
  type ResolvedValue,
} from './trainable.js';

export type FrozenFlowData =
  | { type: 'compile'; model: ResolvedValue }
  | { type: 'write'; value: boolean | null; target: ResolvedValue; owner: ResolvedValue | null; node: TSESTree.Expression };
type WriteEvent = FlowEvent<Extract<FrozenFlowData, { type: 'write' }>>;

/** Why a layer is frozen in a way its tf.Variables do not see. */
export type HiddenFreezeReason = 'constructor' | 'compileReset';

/** A training step whose var list misses a hidden freeze. */
export interface FrozenVarListFinding {
  readonly call: TSESTree.CallExpression;
  /** `minimize`, `computeGradients` or `variableGrads`. */
  readonly api: string;
  /** Where the API takes its var list. */
  readonly listIndex: number;
  /** No var list, or one from `.weights`. */
  readonly state: 'missing' | 'weights';
  /** The model (or layer) expression the loss applies, whose frozen layer is named. */
  readonly model: Node;
  /** The frozen layer's text for messages. */
  readonly layer: string;
  readonly reason: HiddenFreezeReason;
  /**
   * The var list of every model the loss runs (`m.trainableWeights.map((w) => w.read())`), or null when no
   * such list is safe here (a model's text means something else at the call, raw `tf.variable`s in the loss).
   */
  readonly list: string | null;
}


/** The event a call records: a `compile()` of a tfjs model. */
export function frozenFlowCallData(file: FileIndex, node: TSESTree.CallExpression): FrozenFlowData | null {
  const c = compileReceiver(file, node);
  return c ? { type: 'compile', model: c } : null;
}

/** The event an assignment records: `x.trainable = <v>` on a value we can follow. */
export function frozenFlowWriteData(file: FileIndex, node: TSESTree.AssignmentExpression): FrozenFlowData | null {
  const r = resolvedTrainableWrite(file, node);
  return r ? { type: 'write', value: r.w.value, target: r.target, owner: r.owner, node: r.w.target } : null;
}

/** The training steps to report, in the order of `gradientSteps`. */
export function frozenVarListFindings(file: FileIndex, flow: EventFlow<FrozenFlowData>): FrozenVarListFinding[] {
  const out: FrozenVarListFinding[] = [];
  for (const g of gradientSteps(file).values()) {
    const index = VAR_LIST_POSITION[g.api];
    // the message states what a tfjs optimizer does: `x.minimize()` needs a proven optimizer here
    const m = g.api === 'variableGrads' ? null : calledMember(g.call);
    if (index === undefined || (m && file.kindOf(m.member.object)?.kind !== 'optimizer')) continue;
    const finding = check(file, flow, g.call, g.api, index, g.fns);
    if (finding) out.push(finding);
  }
  return out;
}

function check(
  file: FileIndex,
  flow: EventFlow<FrozenFlowData>,
  call: TSESTree.CallExpression,
  api: string,
  listIndex: number,
  fns: readonly FunctionNode[],
): FrozenVarListFinding | null {
  if (call.arguments.some((a) => a.type === T.SpreadElement)) return null;
  const list = varListState(file, call, listIndex);
  if (!list) return null;
  const applied = fns.flatMap((fn) => appliedValues(file, fn));
  for (const a of applied) {
    // a `.weights` list updates only the weights of its own model
    if (list.state === 'weights' && !sameValue(list.of, a.value)) continue;
    const why = hiddenFreeze(file, flow, a.node, a.value);
    if (!why) continue;
    return { call, api, listIndex, state: list.state, model: a.node, layer: why.layer, reason: why.reason, list: trainableList(file, call, applied, fns) };
  }
  return null;
}

/** A layer of `model` frozen only in a way the variables do not see: why, and the layer's text. */
function hiddenFreeze(file: FileIndex, flow: EventFlow<FrozenFlowData>, node: Node, model: ResolvedValue): { layer: string; reason: HiddenFreezeReason } | null {
  const src = file.sourceCode;
  const writes = flow.all.filter((e): e is WriteEvent => e.data.type === 'write');
  // any setter write on the layer or its model also sets the variables' flags: then we cannot tell
  // (a write through the model's list, `model.layers[0]` / `getLayer('adapter')`, that names another layer does not count)
  const touched = (layerNode: Node): boolean => {
    const layer = resolveValue(file, layerNode);
    return writes.some(
      (e) => sameValue(e.data.target, layer) || sameValue(e.data.target, model) || (sameValue(e.data.owner, model) && !differentLayers(e.data.target, layer, layerNode)),
    );
  };
  if (model.kind === 'layer') {
    return frozenAtConstruction(file, model.info) && !writes.some((e) => sameValue(e.data.target, model)) ? { layer: src.getText(node), reason: 'constructor' } : null;
  }
  for (const e of structureExprs(file, model, node)) {
    const frozen = constructorFrozenLayers(file, e).find((l) => !touched(l));
    if (frozen) return { layer: shortText(file, frozen), reason: 'constructor' };
  }
  if (!isSequential(model)) return null;
  // D: a setter freeze of one of its layers, followed by a compile() with no freeze after it
  const events = flow.all;
  const isFreeze = (e: FlowEvent<FrozenFlowData>): e is WriteEvent =>
    e.data.type === 'write' &&
    e.data.value === false &&
    e.data.target.kind === 'layer' &&
    (sameValue(e.data.owner, model) || structureExprs(file, model, node).some((s) => modelHasLayer(file, s, (e.data as { target: ResolvedValue }).target)));
  const compiles = events.filter((e) => e.data.type === 'compile' && sameValue(e.data.model, model));
  if (compiles.length === 0) return null;
  // classify each event once (isFreeze resolves model structure): the nested loops stayed linear in it
  const freezes = events.filter(isFreeze);
  for (const f of freezes) {
    const reset = compiles.some(
      (c) => flow.mayPrecede(f, c, () => false, { methodsInAnyOrder: false }) && !freezes.some((g) => flow.mayPrecede(c, g, () => false)),
    );
    if (reset) return { layer: src.getText(f.data.node), reason: 'compileReset' };
  }
  return null;
}

/** A layer's text for messages: an inline factory call becomes its API name, `tf.layers.dense(…)`. */
function shortText(file: FileIndex, node: Node): string {
  const n = unwrap(node);
  const path = n?.type === T.CallExpression ? file.calleePath(n) : null;
  return path ? `tf.${path.join('.')}(…)` : file.sourceCode.getText(node);
}

/** No var list, or `x.weights.map(...)` (then `of` is `x`, whose weights are the only ones updated). */
function varListState(file: FileIndex, call: TSESTree.CallExpression, index: number): { state: 'missing' } | { state: 'weights'; of: ResolvedValue } | null {
  const arg = call.arguments[index];
  if (!arg) return { state: 'missing' };
  const a = unwrap(arg);
  if ((a?.type === T.Identifier && a.name === 'undefined') || literalValue(a) === null) return { state: 'missing' };
  if (a?.type !== T.CallExpression) return null;
  const m = calledMember(a);
  const list = m && m.name === 'map' ? unwrap(m.member.object) : null;
  if (list?.type !== T.MemberExpression || memberName(list) !== 'weights') return null;
  const of = resolveValue(file, list.object);
  return of ? { state: 'weights', of } : null;
}

/** The trainable weights of every model the loss runs, read as tf.Variables, or null (see `FrozenVarListFinding.list`). */
function trainableList(file: FileIndex, call: TSESTree.CallExpression, applied: readonly { node: Node; value: ResolvedValue }[], fns: readonly Node[]): string | null {
  const src = file.sourceCode;
  // the list must name every model the loss runs, and nothing else may hold variables (`tf.variable`)
  const distinct: Node[] = [];
  for (const a of applied) if (!distinct.some((d) => sameValue(resolveValue(file, d), a.value) || src.getText(d) === src.getText(a.node))) distinct.push(a.node);
  if (distinct.some((d) => !textMeansSameAt(file, d, call)) || fns.some((fn) => usesRawVariables(file, fn))) return null;
  return distinct.length === 1
    ? `${src.getText(distinct[0]!)}.trainableWeights.map((w) => w.read())`
    : `[${distinct.map((d) => `...${src.getText(d)}.trainableWeights`).join(', ')}].map((w) => w.read())`;
}

function usesRawVariables(file: FileIndex, fn: Node): boolean {
  let found = false;
  walk(fn, file.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === T.Identifier && file.kindOf(n)?.name === 'variable') found = true;
    return undefined;
  });
  return found;
}
