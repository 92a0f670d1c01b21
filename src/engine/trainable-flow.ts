/**
 * `trainable` changes after a `compile()` (the analysis behind no-trainable-after-compile).
 *
 * The rule records three kinds of events on an `EventFlow` (`trainableCallData` for `compile()` and
 * training calls, `trainableWriteData` for `x.trainable = <v>`), and `afterCompileFindings` answers, once
 * the Program's code path ends, which writes change a compiled model's trainable weights before a
 * training call that uses the compile's snapshot. Each finding is plain data: the message to report, the
 * write, the training call, the compile, and the insertion a suggestion would make.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, inBranchOf } from './ast.js';
import type { EventFlow, FlowEvent } from './event-flow.js';
import type { FileIndex } from './resolver.js';
import {
  compileReceiver,
  compiledAtCreation,
  compiledOwners,
  containsNestedModel,
  differentLayers,
  freshModelBinding,
  hasOnlyDirectLayers,
  initialTrainable,
  inLayerLoop,
  inWholeLayerLoop,
  isWeightless,
  layerOwner,
  recompileInsertion,
  restoreTrainableInsertion,
  sameValue,
  someLayerFrozen,
  someLayerTrainable,
  resolvedTrainableWrite,
  trainingCall,
  type Insertion,
  type ResolvedValue,
  type TrainableWrite,
} from './trainable.js';

export interface CompileData {
  readonly type: 'compile';
  readonly model: ResolvedValue;
  readonly call: TSESTree.CallExpression;
  readonly receiver: TSESTree.Node;
}
export interface WriteData {
  readonly type: 'write';
  readonly w: TrainableWrite;
  readonly target: ResolvedValue;
  readonly owner: ResolvedValue | null;
}
export interface TrainData {
  readonly type: 'train';
  readonly model: ResolvedValue;
  readonly method: string;
  readonly call: TSESTree.CallExpression;
  readonly receiver: TSESTree.Node;
}
/** A declaration that binds a new model each time it runs (`freshModelBinding`): one run's writes are not the next model's. */
export interface CreateData {
  readonly type: 'create';
  readonly variable: Scope.Variable;
}
export type TrainableFlowData = CompileData | WriteData | TrainData | CreateData;
type Event = FlowEvent<TrainableFlowData>;

export type AfterCompileMessageId = 'freezeCompiledModel' | 'freezeCompiledModelLayers' | 'unfreezeCompiledModel' | 'freezeAfterCompile' | 'unfreezeAfterCompile';

/** A `trainable` write to report, on the training call it precedes. */
export interface AfterCompileFinding {
  readonly messageId: AfterCompileMessageId;
  readonly write: WriteData;
  readonly training: TrainData;
  /** The compile whose snapshot the training uses (null for a model compiled by another module's factory). */
  readonly compile: CompileData | null;
  /** The suggestion's edit, when one can be made safely. */
  readonly suggestion: { readonly messageId: 'restoreTrainable' | 'recompile'; readonly insertion: Insertion } | null;
}

/** The event a call records: a `compile()` of a tfjs model, or a training call (`fit()`, …). */
export function trainableCallData(file: FileIndex, node: TSESTree.CallExpression): CompileData | TrainData | null {
  const c = compileReceiver(file, node);
  if (c) return { type: 'compile', model: c, call: node, receiver: (node.callee as TSESTree.MemberExpression).object };
  const t = trainingCall(file, node);
  return t ? { type: 'train', model: t.model, method: t.method, call: node, receiver: t.receiver } : null;
}

/** The event a declaration records: `const model = buildCandidate(hp)` binds a new model each time it runs. */
export function trainableCreateData(file: FileIndex, node: TSESTree.VariableDeclarator): CreateData | null {
  const variable = freshModelBinding(file, node);
  return variable ? { type: 'create', variable } : null;
}

/** The event an assignment records: `x.trainable = <v>` on a value we can follow. */
export function trainableWriteData(file: FileIndex, node: TSESTree.AssignmentExpression): WriteData | null {
  const r = resolvedTrainableWrite(file, node);
  return r ? { type: 'write', ...r } : null;
}

/** One `trainable` write to judge, with the file's flow and its compile and other events. */
interface WriteQuestion {
  readonly file: FileIndex;
  readonly flow: EventFlow<TrainableFlowData>;
  readonly w: Event;
  readonly d: WriteData;
  readonly compiles: readonly Event[];
  readonly events: readonly Event[];
}

/** Every literal `trainable` write to report, in the order the writes were recorded. */
export function afterCompileFindings(file: FileIndex, flow: EventFlow<TrainableFlowData>): AfterCompileFinding[] {
  const events = flow.all;
  const compiles = events.filter((e) => e.data.type === 'compile');
  const out: AfterCompileFinding[] = [];
  for (const w of events) {
    if (w.data.type !== 'write' || w.data.w.value === null) continue;
    const q: WriteQuestion = { file, flow, w, d: w.data, compiles, events };
    const finding = (compiles.length > 0 ? analyse(q) : null) ?? analyseCompiledAtCreation(q);
    if (finding) out.push(finding);
  }
  return out;
}

/** The other writes that may set `w`'s target: the same layer, or layers of the same model's list (`for (const l of m.layers)`). */
function targetWrites(w: Event, d: WriteData): (e: Event) => boolean {
  return (e) => e !== w && e.data.type === 'write' && (sameValue(e.data.target, d.target) || (sameValue(e.data.owner, d.owner) && !differentLayers(e.data.target, d.target)));
}

/**
 * A new model bound where the written model comes from (`const model = buildCandidate(hp)` again, in the next
 * loop iteration): writes, compiles and training calls on either side of it concern different models.
 */
function recreates(...values: (ResolvedValue | null)[]): (e: Event) => boolean {
  return (e) => e.data.type === 'create' && values.some((v) => !!v && v.keys.has((e.data as CreateData).variable));
}

/**
 * Can the later write `e` undo all of `w`? Not when `w` sets every layer of a model in a loop and `e` one
 * layer: `for (const l of model.layers) l.trainable = false; model.getLayer('logits').trainable = true;`
 * leaves every other layer frozen for the training call that follows.
 */
function undoes(e: Event, w: Event): boolean {
  return !inWholeLayerLoop(w.node) || inWholeLayerLoop(e.node);
}

/**
 * A layer of a model that a factory of another module compiled before returning it (`compiledAtCreation`),
 * with no compile of this file that may run before the write: that compile saw the layer's construction-time
 * state, and the write comes after it (a recompile later, after a training call, does not undo that call). No suggestion: the compile's arguments are the other module's text.
 */
function analyseCompiledAtCreation(q: WriteQuestion): AfterCompileFinding | null {
  const { file, flow, w, d, compiles, events } = q;
  const value = d.w.value!;
  if (d.target.kind === 'model') return freezeOfCompiledAtCreation(q);
  const model = d.owner;
  const ownerExpr = layerOwner(file, d.w.target);
  if (d.target.kind !== 'layer' || !model || !ownerExpr || isWeightless(d.target.info) || containsNestedModel(file, model, ownerExpr)) return null;
  const isCompile = (e: Event): boolean => e.data.type === 'compile' && sameValue(e.data.model, model);
  const fresh = recreates(model, d.target);
  // a compile of this file that may run before the write took the snapshot fit uses (analysed above)
  if (compiles.some((c) => isCompile(c) && flow.mayPrecede(c, w, fresh)) || !compiledAtCreation(file, model)) return null;
  const isTargetWrite = targetWrites(w, d);
  // the state the factory's compile saw, unless a write of this file may already have changed it
  // (a loop over every layer changes each one: one layer known trainable at construction is the state a freeze changes)
  const initial = initialTrainable(file, d.target, d.w.target, d.owner) ?? (inWholeLayerLoop(d.w.node) ? (value ? someLayerFrozen : someLayerTrainable)(file, model, ownerExpr) : null);
  if (initial !== !value || events.some((e) => isTargetWrite(e) && flow.mayPrecede(e, w, (b) => isTargetWrite(b) || fresh(b)))) return null;
  const training = events.find(
    (t) => t.data.type === 'train' && sameValue(t.data.model, model) && (value || t.data.method === 'fit') && flow.mayPrecede(w, t, (e) => isCompile(e) || fresh(e) || (isTargetWrite(e) && undoes(e, w)), { methodsInAnyOrder: false }),
  );
  if (training?.data.type !== 'train') return null;
  return { messageId: value ? 'unfreezeAfterCompile' : 'freezeAfterCompile', write: d, training: training.data, compile: null, suggestion: null };
}

/**
 * `model.trainable = false` on a model a factory of another module compiled before returning it (the Keras GAN
 * idiom, `this.discriminator = createDiscriminator(); this.discriminator.trainable = false;`), with no compile of
 * this file before the write: a training call of that model that follows with no unfreeze in between is the
 * compiled-model freeze the same-file analysis reports (test/semantics/trainable-after-compile.test.ts).
 */
function freezeOfCompiledAtCreation(q: WriteQuestion): AfterCompileFinding | null {
  const { file, flow, w, d, compiles, events } = q;
  const model = d.target;
  if (d.w.value !== false || !compiledAtCreation(file, model)) return null;
  const isCompile = (e: Event): boolean => e.data.type === 'compile' && sameValue(e.data.model, model);
  const fresh = recreates(model);
  if (compiles.some((c) => isCompile(c) && flow.mayPrecede(c, w, fresh))) return null;
  const isTargetWrite = targetWrites(w, d);
  // the factory's model is trainable as built; an earlier freeze of this file may already have changed that
  if (events.some((e) => isTargetWrite(e) && flow.mayPrecede(e, w, (b) => isTargetWrite(b) || fresh(b)))) return null;
  const training = events.find(
    (t) => t.data.type === 'train' && sameValue(t.data.model, model) && flow.mayPrecede(w, t, (e) => isTargetWrite(e) || fresh(e), { methodsInAnyOrder: false }),
  );
  if (training?.data.type !== 'train') return null;
  const t = training.data;
  const insertion = restoreTrainableInsertion(file, t.call, t.receiver);
  return {
    messageId: hasOnlyDirectLayers(file, model, d.w.target) ? 'freezeCompiledModel' : 'freezeCompiledModelLayers',
    write: d,
    training: t,
    compile: null,
    suggestion: insertion ? { messageId: 'restoreTrainable', insertion } : null,
  };
}

function analyse(q: WriteQuestion): AfterCompileFinding | null {
  const { file, flow, w, d, compiles, events } = q;
  const value = d.w.value!;
  const compiledSelf = d.target.kind === 'model' && compiles.some((c) => c.data.type === 'compile' && sameValue(c.data.model, d.target));
  // a nested model that is not compiled itself: before the outer compile(), or unfrozen after it, tfjs
  // treats it differently per outer model type; a freeze after it applies at once like a layer's
  // (test/semantics/trainable-after-compile.test.ts, "a nested sub-model frozen after the outer compile()")
  if (d.target.kind === 'model' && !compiledSelf && value) return null;
  if (isWeightless(d.target.info)) return null; // no weights: nothing to collect or to warn about
  // `m.layers[i]` of a model holding sub-models may be one of them (see above)
  const ownerExpr = layerOwner(file, d.w.target);
  if (d.owner && ownerExpr && containsNestedModel(file, d.owner, ownerExpr)) return null;
  // the compiled models whose trainable list this write changes
  const compiled = compiles.flatMap((c) => (c.data.type === 'compile' ? [{ model: c.data.model, receiver: c.data.receiver }] : []));
  const owners = compiledSelf ? [d.target] : compiledOwners(file, compiled, d.target, d.owner, value);
  const isTargetWrite = targetWrites(w, d);
  for (const model of owners) {
    const isCompile = (e: Event): boolean => e.data.type === 'compile' && sameValue(e.data.model, model);
    const fresh = recreates(model, d.owner ?? d.target);
    // only a known order counts (not two methods that are called from elsewhere)
    const before = compiles.filter((c) => isCompile(c) && flow.mayPrecede(c, w, (e) => isCompile(e) || fresh(e), { methodsInAnyOrder: false }));
    if (before.length === 0) continue;
    // the target's state when those compiles took the trainable snapshot
    const states = new Set<boolean | null>();
    const written = new Set<boolean | null>();
    let branched = false;
    for (const c of before) {
      // (a write on the model of an earlier loop iteration does not reach the compile of a new one)
      const reaching = events.filter((e) => isTargetWrite(e) && flow.mayPrecede(e, c, (b) => isTargetWrite(b) || fresh(b)));
      for (const r of reaching) {
        states.add((r.data as WriteData).w.value);
        written.add((r.data as WriteData).w.value);
        branched ||= inBranchOf(r.node, enclosingFunction(r.node) ?? file.sourceCode.ast);
      }
      // the layer's first state also reaches the compile when a freeze is conditional (not when it
      // only skips a loop over the model's layers, which are never empty)
      const initialReaches =
        reaching.length === 0 ||
        (reaching.every((r) => r.owner === c.owner && !inLayerLoop(r.node)) && flow.reachableFromStart(c, isTargetWrite));
      if (initialReaches) {
        const layerOwnerExpr = d.owner && inWholeLayerLoop(d.w.node) ? layerOwner(file, d.w.target) : null;
        states.add(initialTrainable(file, d.target, d.w.target, d.owner) ?? (layerOwnerExpr ? (value ? someLayerFrozen : someLayerTrainable)(file, d.owner!, layerOwnerExpr) : null));
      }
    }
    // `for (const l of model.layers) l.trainable = true` after a compile that only freezes reached (the
    // fine-tuning recipe, the freezes unconditional): the layers frozen then stay frozen for fit, whatever the others were
    const unfreezesFrozen = value && !compiledSelf && !branched && written.size === 1 && written.has(false) && inWholeLayerLoop(d.w.node);
    if (!unfreezesFrozen && (states.size !== 1 || !states.has(!value))) continue;
    const training = events.find(
      (t) =>
        t.data.type === 'train' &&
        sameValue(t.data.model, model) &&
        (value || compiledSelf || t.data.method === 'fit') &&
        flow.mayPrecede(w, t, (e) => isCompile(e) || fresh(e) || (isTargetWrite(e) && undoes(e, w)), { methodsInAnyOrder: false }),
    );
    if (!training || training.data.type !== 'train') continue;
    const t = training.data;
    const compile = before[0]!.data as CompileData;
    const messageId: AfterCompileMessageId = compiledSelf
      ? value
        ? 'unfreezeCompiledModel'
        : hasOnlyDirectLayers(file, model, d.w.target)
          ? 'freezeCompiledModel'
          : 'freezeCompiledModelLayers'
      : value
        ? 'unfreezeAfterCompile'
        : 'freezeAfterCompile';
    const restore = compiledSelf && !value;
    const insertion = restore
      ? restoreTrainableInsertion(file, t.call, t.receiver)
      : recompileInsertion(file, d.w, d.target, model, compile.call, compile.receiver);
    return { messageId, write: d, training: t, compile, suggestion: insertion ? { messageId: restore ? 'restoreTrainable' : 'recompile', insertion } : null };
  }
  return null;
}
