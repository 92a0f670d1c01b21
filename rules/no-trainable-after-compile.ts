import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { enclosingFunction, inBranchOf } from '../src/engine/ast.js';
import { EventFlow, type FlowEvent } from '../src/engine/event-flow.js';
import { getFileIndex } from '../src/engine/resolver.js';
import {
  compileReceiver,
  compiledAtCreation,
  containsNestedModel,
  differentLayers,
  hasOnlyDirectLayers,
  initialTrainable,
  inLayerLoop,
  inWholeLayerLoop,
  isWeightless,
  layerOwner,
  compiledOwners,
  recompileInsertion,
  resolveValue,
  restoreTrainableInsertion,
  sameValue,
  trainableWrite,
  trainingCall,
  type Insertion,
  type ResolvedValue,
  type TrainableWrite,
} from '../src/engine/trainable.js';

type Data =
  | { type: 'compile'; model: ResolvedValue; call: TSESTree.CallExpression; receiver: TSESTree.Node }
  | { type: 'write'; w: TrainableWrite; target: ResolvedValue; owner: ResolvedValue | null }
  | { type: 'train'; model: ResolvedValue; method: string; call: TSESTree.CallExpression; receiver: TSESTree.Node };
type Event = FlowEvent<Data>;
type MessageId = 'freezeCompiledModel' | 'freezeCompiledModelLayers' | 'unfreezeCompiledModel' | 'freezeAfterCompile' | 'unfreezeAfterCompile' | 'recompile' | 'restoreTrainable';

export default createRule<[], MessageId>({
  name: 'no-trainable-after-compile',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing `trainable` on a compiled tfjs model or its layers without compiling again before training',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      freezeCompiledModel:
        '`{{target}}.trainable = false` makes every weight of this compiled model non-trainable, so `{{model}}.{{method}}()` (line {{line}}) throws, even after a recompile. Set `trainable = true` before it.',
      freezeCompiledModelLayers:
        "`{{target}}.trainable = false` freezes this compiled model's own layers, so `{{model}}.{{method}}()` (line {{line}}) stops updating them (or throws if none is left). Set `trainable = true` before it.",
      unfreezeCompiledModel:
        '`{{target}}` was compiled while frozen, so compile() collected no trainable weights and `{{model}}.{{method}}()` (line {{line}}) throws despite this unfreeze. Call `compile()` again after it.',
      freezeAfterCompile:
        'This freeze applies at once, but `{{model}}` was compiled before it: `{{method}}()` (line {{line}}) only warns, and `minimize()` with its Adam-like optimizer then throws. Recompile with a new optimizer.',
      unfreezeAfterCompile:
        '`{{model}}.{{method}}()` (line {{line}}) ignores this unfreeze of a {{kind}}: it trains only the weights collected by the last `compile()`. Call `{{model}}.compile()` again, with a new optimizer.',
      recompile: 'Compile `{{model}}` again right after this change, with the same arguments.',
      restoreTrainable: 'Set `{{model}}.trainable = true` before `{{model}}.{{method}}()`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const flow = new EventFlow<Data>(file);
    const { CallExpression: recordCall, ...codePathListeners } = flow.listeners;
    const src = context.sourceCode;

    flow.onEnd(() => {
      const events = flow.all;
      const compiles = events.filter((e) => e.data.type === 'compile');
      for (const w of events) {
        if (w.data.type !== 'write' || w.data.w.value === null) continue;
        const report = (compiles.length > 0 ? analyse(w, w.data, compiles, events) : null) ?? analyseCompiledAtCreation(w, w.data, compiles, events);
        if (report) context.report(report);
      }
    });

    /**
     * A layer of a model that a factory of another module compiled before returning it (`compiledAtCreation`),
     * with no compile of this file that may run before the write: that compile saw the layer's construction-time
     * state, and the write comes after it (a recompile later, after a training call, does not undo that call). No suggestion: the compile's arguments are the other module's text.
     */
    function analyseCompiledAtCreation(w: Event, d: Extract<Data, { type: 'write' }>, compiles: readonly Event[], events: readonly Event[]): TSESLint.ReportDescriptor<MessageId> | null {
      const model = d.owner;
      const value = d.w.value!;
      const ownerExpr = layerOwner(file, d.w.target);
      if (d.target.kind !== 'layer' || !model || !ownerExpr || isWeightless(d.target.info) || containsNestedModel(file, model, ownerExpr)) return null;
      const isCompile = (e: Event): boolean => e.data.type === 'compile' && sameValue(e.data.model, model);
      // a compile of this file that may run before the write took the snapshot fit uses (analysed above)
      if (compiles.some((c) => isCompile(c) && flow.mayPrecede(c, w, () => false)) || !compiledAtCreation(file, model)) return null;
      const isTargetWrite = (e: Event): boolean =>
        e !== w && e.data.type === 'write' && (sameValue(e.data.target, d.target) || (sameValue(e.data.owner, d.owner) && !differentLayers(e.data.target, d.target)));
      // the state the factory's compile saw, unless a write of this file may already have changed it
      if (initialTrainable(file, d.target, d.w.target, d.owner) !== !value || events.some((e) => isTargetWrite(e) && flow.mayPrecede(e, w, isTargetWrite))) return null;
      const training = events.find(
        (t) => t.data.type === 'train' && sameValue(t.data.model, model) && (value || t.data.method === 'fit') && flow.mayPrecede(w, t, (e) => isCompile(e) || isTargetWrite(e), { methodsInAnyOrder: false }),
      );
      if (training?.data.type !== 'train') return null;
      return descriptor(d, value ? 'unfreezeAfterCompile' : 'freezeAfterCompile', training.data, []);
    }

    /** The report on the `trainable` property of a write, naming the training call it precedes. */
    function descriptor(d: Extract<Data, { type: 'write' }>, messageId: MessageId, t: Extract<Data, { type: 'train' }>, suggest: TSESLint.SuggestionReportDescriptor<MessageId>[]): TSESLint.ReportDescriptor<MessageId> {
      const data = { target: src.getText(d.w.target), model: src.getText(t.receiver), method: t.method, line: String(t.call.loc.start.line), kind: d.target.kind };
      return { node: (d.w.node.left as TSESTree.MemberExpression).property, messageId, data, suggest };
    }

    function analyse(
      w: Event,
      d: Extract<Data, { type: 'write' }>,
      compiles: readonly Event[],
      events: readonly Event[],
    ): TSESLint.ReportDescriptor<MessageId> | null {
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
      // writes to the same layer, or to layers of the same model's list (`for (const l of m.layers)`)
      const isTargetWrite = (e: Event): boolean =>
        e !== w && e.data.type === 'write' && (sameValue(e.data.target, d.target) || (sameValue(e.data.owner, d.owner) && !differentLayers(e.data.target, d.target)));
      for (const model of owners) {
        const isCompile = (e: Event): boolean => e.data.type === 'compile' && sameValue(e.data.model, model);
        // only a known order counts (not two methods that are called from elsewhere)
        const before = compiles.filter((c) => isCompile(c) && flow.mayPrecede(c, w, isCompile, { methodsInAnyOrder: false }));
        if (before.length === 0) continue;
        // the target's state when those compiles took the trainable snapshot
        const states = new Set<boolean | null>();
        const written = new Set<boolean | null>();
        let branched = false;
        for (const c of before) {
          const reaching = events.filter((e) => isTargetWrite(e) && flow.mayPrecede(e, c, isTargetWrite));
          for (const r of reaching) {
            states.add((r.data as Extract<Data, { type: 'write' }>).w.value);
            written.add((r.data as Extract<Data, { type: 'write' }>).w.value);
            branched ||= inBranchOf(r.node, enclosingFunction(r.node) ?? src.ast);
          }
          // the layer's first state also reaches the compile when a freeze is conditional (not when it
          // only skips a loop over the model's layers, which are never empty)
          const initialReaches =
            reaching.length === 0 ||
            (reaching.every((r) => r.owner === c.owner && !inLayerLoop(r.node)) && flow.reachableFromStart(c, isTargetWrite));
          if (initialReaches) {
            states.add(initialTrainable(file, d.target, d.w.target, d.owner));
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
            flow.mayPrecede(w, t, (e) => isCompile(e) || isTargetWrite(e), { methodsInAnyOrder: false }),
        );
        if (!training || training.data.type !== 'train') continue;
        const t = training.data;
        const compile = before[0]!.data as Extract<Data, { type: 'compile' }>;
        const messageId: MessageId = compiledSelf
          ? value
            ? 'unfreezeCompiledModel'
            : hasOnlyDirectLayers(file, model, d.w.target)
              ? 'freezeCompiledModel'
              : 'freezeCompiledModelLayers'
          : value
            ? 'unfreezeAfterCompile'
            : 'freezeAfterCompile';
        return descriptor(d, messageId, t,
          compiledSelf && !value
            ? suggestion('restoreTrainable', restoreTrainableInsertion(file, t.call, t.receiver), t.method)
            : suggestion('recompile', recompileInsertion(file, d.w, d.target, model, compile.call, compile.receiver), t.method),
        );
      }
      return null;
    }

    function suggestion(messageId: 'restoreTrainable' | 'recompile', edit: Insertion | null, method: string): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      if (!edit) return [];
      return [
        {
          messageId,
          data: { model: edit.model, method },
          fix: (fixer) => (edit.where === 'before' ? fixer.insertTextBefore(edit.at, edit.text) : fixer.insertTextAfter(edit.at, edit.text)),
        },
      ];
    }

    return {
      ...codePathListeners,
      CallExpression(node) {
        recordCall!(node as never);
        const c = compileReceiver(file, node);
        if (c) {
          flow.record(node, { type: 'compile', model: c, call: node, receiver: (node.callee as TSESTree.MemberExpression).object });
          return;
        }
        const t = trainingCall(file, node);
        if (t) flow.record(node, { type: 'train', model: t.model, method: t.method, call: node, receiver: t.receiver });
      },
      AssignmentExpression(node) {
        const w = trainableWrite(node);
        if (!w) return;
        const target = resolveValue(file, w.target);
        if (!target) return;
        const ownerExpr = layerOwner(file, w.target);
        flow.record(node, { type: 'write', w, target, owner: ownerExpr ? resolveValue(file, ownerExpr) : null });
      },
    };
  },
});
