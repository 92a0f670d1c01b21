import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, literalValue, memberName, unwrap, walk, type FunctionNode, type Node } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { EventFlow, type FlowEvent } from '../src/engine/event-flow.js';
import { gradientSteps } from '../src/engine/gradient-context.js';
import { getFileIndex } from '../src/engine/resolver.js';
import {
  appliedValues,
  compileReceiver,
  constructorFrozenLayers,
  differentLayers,
  frozenAtConstruction,
  isSequential,
  layerOwner,
  modelHasLayer,
  resolveValue,
  sameValue,
  structureExprs,
  textMeansSameAt,
  trainableWrite,
  type ResolvedValue,
} from '../src/engine/trainable.js';

type Data =
  | { type: 'compile'; model: ResolvedValue }
  | { type: 'write'; value: boolean | null; target: ResolvedValue; owner: ResolvedValue | null; node: TSESTree.Expression };
type WriteEvent = FlowEvent<Extract<Data, { type: 'write' }>>;
const EFFECT_MINIMIZE = 'still updates the weights';
const EFFECT_GRADS = 'still returns gradients for the weights';
type MessageId = 'noVarList' | 'weightsVarList' | 'passTrainableWeights';

const CONSTRUCTOR = '`{trainable: false}` marks the layer, not its tf.Variables';
const COMPILE_RESET = "this Sequential model's `compile()` made its tf.Variables trainable again";

export default createRule<[], MessageId>({
  name: 'require-var-list-when-frozen',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an explicit var list of trainable weights in custom training steps over models with frozen layers',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      noVarList:
        '`{{api}}()` without a var list {{effect}} of `{{layer}}`: {{reason}}. Pass `{{model}}.trainableWeights.map((w) => w.read())`.',
      weightsVarList:
        'This var list from `.weights` includes `{{layer}}` ({{reason}}), so `{{api}}()` {{effect}} of that layer. Use `.trainableWeights`.',
      passTrainableWeights: 'Pass `{{list}}` as the var list.',
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
    /** Where each training API takes its var list (the gradient calls come from src/engine/gradient-context.ts). */
    const LIST_INDEX: Readonly<Record<string, number>> = { minimize: 2, computeGradients: 1, variableGrads: 1 };

    /** A layer of `model` frozen only in a way the variables do not see: why, and the layer's text. */
    function hiddenFreeze(node: Node, model: ResolvedValue): { layer: string; reason: string } | null {
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
        return frozenAtConstruction(file, model.info) && !writes.some((e) => sameValue(e.data.target, model)) ? { layer: src.getText(node), reason: CONSTRUCTOR } : null;
      }
      for (const e of structureExprs(file, model, node)) {
        const frozen = constructorFrozenLayers(file, e).find((l) => !touched(l));
        if (frozen) return { layer: shortText(frozen), reason: CONSTRUCTOR };
      }
      if (!isSequential(model)) return null;
      // D: a setter freeze of one of its layers, followed by a compile() with no freeze after it
      const events = flow.all;
      const isFreeze = (e: FlowEvent<Data>): e is WriteEvent =>
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
        if (reset) return { layer: src.getText(f.data.node), reason: COMPILE_RESET };
      }
      return null;
    }

    /** A layer's text for messages: an inline factory call becomes its API name, `tf.layers.dense(…)`. */
    function shortText(node: Node): string {
      const n = unwrap(node);
      const path = n?.type === T.CallExpression ? file.calleePath(n) : null;
      return path ? `tf.${path.join('.')}(…)` : src.getText(node);
    }

    /** No var list, or `x.weights.map(...)` (then `of` is `x`, whose weights are the only ones updated). */
    function varListState(call: TSESTree.CallExpression, index: number): { state: 'missing' } | { state: 'weights'; of: ResolvedValue } | null {
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

    function check(call: TSESTree.CallExpression, api: string, listIndex: number, fns: readonly FunctionNode[]): void {
      if (call.arguments.some((a) => a.type === T.SpreadElement)) return;
      const list = varListState(call, listIndex);
      if (!list) return;
      const state = list.state;
      const applied = fns.flatMap((fn) => appliedValues(file, fn));
      for (const a of applied) {
        // a `.weights` list updates only the weights of its own model
        if (list.state === 'weights' && !sameValue(list.of, a.value)) continue;
        const why = hiddenFreeze(a.node, a.value);
        if (!why) continue;
        context.report({
          node: state === 'missing' ? (call.callee.type === T.MemberExpression ? call.callee.property : call.callee) : call.arguments[listIndex]!,
          messageId: state === 'missing' ? 'noVarList' : 'weightsVarList',
          data: { api, layer: why.layer, reason: why.reason, model: src.getText(a.node), effect: api === 'minimize' ? EFFECT_MINIMIZE : EFFECT_GRADS },
          suggest: suggestion(call, listIndex, applied, fns),
        });
        return;
      }
    }

    function suggestion(
      call: TSESTree.CallExpression,
      listIndex: number,
      applied: readonly { node: Node; value: ResolvedValue }[],
      fns: readonly Node[],
    ): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      // the list must name every model the loss runs, and nothing else may hold variables (`tf.variable`)
      const distinct: Node[] = [];
      for (const a of applied) if (!distinct.some((d) => sameValue(resolveValue(file, d), a.value) || src.getText(d) === src.getText(a.node))) distinct.push(a.node);
      if (distinct.some((d) => !textMeansSameAt(file, d, call)) || fns.some((fn) => usesRawVariables(fn))) return [];
      const replaced = call.arguments[listIndex];
      if (replaced && src.getCommentsInside(replaced).length > 0) return []; // keep the user's comments
      const list =
        distinct.length === 1
          ? `${src.getText(distinct[0]!)}.trainableWeights.map((w) => w.read())`
          : `[${distinct.map((d) => `...${src.getText(d)}.trainableWeights`).join(', ')}].map((w) => w.read())`;
      const args = call.arguments;
      return [
        {
          messageId: 'passTrainableWeights',
          data: { list },
          fix: (fixer) => {
            if (args.length > listIndex) return fixer.replaceText(args[listIndex]!, list);
            const filler = listIndex === 2 && args.length === 1 ? ', false' : '';
            return fixer.insertTextAfter(args[args.length - 1]!, `${filler}, ${list}`);
          },
        },
      ];
    }

    function usesRawVariables(fn: Node): boolean {
      let found = false;
      walk(fn, src.visitorKeys, (n) => {
        if (found) return false;
        if (n.type === T.Identifier && file.kindOf(n)?.name === 'variable') found = true;
        return undefined;
      });
      return found;
    }

    flow.onEnd(() => {
      for (const g of gradientSteps(file).values()) {
        const index = LIST_INDEX[g.api];
        // the message states what a tfjs optimizer does: `x.minimize()` needs a proven optimizer here
        const m = g.api === 'variableGrads' ? null : calledMember(g.call);
        if (index === undefined || (m && file.kindOf(m.member.object)?.kind !== 'optimizer')) continue;
        check(g.call, g.api, index, g.fns);
      }
    });

    return {
      ...codePathListeners,
      CallExpression(node) {
        recordCall!(node as never);
        const c = compileReceiver(file, node);
        if (c) flow.record(node, { type: 'compile', model: c });
      },
      AssignmentExpression(node) {
        const w = trainableWrite(node);
        if (!w) return;
        const target = resolveValue(file, w.target);
        if (!target) return;
        const ownerExpr = layerOwner(file, w.target);
        flow.record(node, { type: 'write', value: w.value, target, owner: ownerExpr ? resolveValue(file, ownerExpr) : null, node: w.target });
      },
    };
  },
});
