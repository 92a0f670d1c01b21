import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, isFunction, walk, type Node } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { EventFlow, type FlowEvent } from '../src/engine/event-flow.js';
import { tfReference } from '../src/engine/loss.js';
import { callerMayScope, FREQUENCY_PHRASES, inDisposingScope, repeatFrequency } from '../src/engine/memory.js';
import { boundTensor, intermediateChain, isDisposalCall, type BoundTensor } from '../src/engine/memory-leaks.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { disposeAfterLastUse, tidyWrapText } from '../src/fix/memory.js';

type Options = [{ onlyRepeated?: boolean }];
type MessageIds = 'intermediate' | 'bound' | 'somePaths' | 'wrapInTidy' | 'disposeAfterLastUse';
type Event = { readonly bound?: BoundTensor };

export default createRule<Options, MessageIds>({
  name: 'no-leaked-tensor',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow tensors that are never disposed in code that runs again and again (tfjs frees no tensor by itself)',
      recommended: 'recommended',
      strictOptions: [{ onlyRepeated: false }],
    },
    hasSuggestions: true,
    messages: {
      intermediate:
        'Nothing can dispose the {{ops}} tensor{{s}} made in this expression, so {{leak}} {{freq}}. Wrap it in `tf.tidy(() => …)`.',
      bound:
        '`{{name}}` holds a tensor that is never disposed, returned, stored or kept, so it leaks {{freq}}. Call `{{name}}.dispose()` after its last use.',
      somePaths:
        '`{{name}}` is disposed on some paths only: when the function leaves another way (return, break, continue) its tensor leaks {{freq}}. Dispose it in a `finally`.',
      wrapInTidy: 'Wrap in `tf.tidy(() => …)`: the intermediates are disposed, the value is the same.',
      disposeAfterLastUse: 'Add `{{name}}.dispose()` after its last use.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          onlyRepeated: {
            type: 'boolean',
            description:
              'Report only code that runs again and again (loops, animation frames, timers, listeners, fit callbacks, per-element callbacks, and the functions they call). `false` also reports code that runs once.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ onlyRepeated: true }],
    languages: ['js/js'],
  },
  create(context, [options]) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const onlyRepeated = options.onlyRepeated !== false;
    const sourceCode = context.sourceCode;
    // the code paths are only needed when something may be disposed; disposals count only in the tensor's
    // own function, so call sites are never consulted (not recorded)
    const flow = sourceCode.text.includes('dispose') ? new EventFlow<Event>(file, { calls: false }) : null;
    const flowListeners = flow?.listeners ?? {};
    const chains = new Map<TSESTree.CallExpression, { wrap: Node | null; leaked: TSESTree.CallExpression[] }>();
    const bound: { b: BoundTensor; e: FlowEvent<Event> | null }[] = [];

    /** How often `node` leaks, or null when it must not be reported (in a scope, or once with onlyRepeated). */
    const frequency = (node: Node): string | null => {
      const f = repeatFrequency(file, node);
      if (onlyRepeated && !f) return null;
      if (inDisposingScope(file, node)) return null;
      // by default, only code that provably runs outside any scope (a caller in another module may tidy it)
      if (onlyRepeated && callerMayScope(file, node)) return null;
      return FREQUENCY_PHRASES[f ?? 'once'];
    };

    // by default only code that runs again and again is reported: elsewhere nothing needs resolving
    const worth = (node: Node): boolean => !onlyRepeated || repeatFrequency(file, node) !== null;

    const inFinalizer = (node: Node): boolean => {
      for (let n: Node = node; n.parent && !isFunction(n); n = n.parent) if (n.parent.type === T.TryStatement && n.parent.finalizer === n) return true;
      return false;
    };
    const opName = (call: TSESTree.CallExpression): string =>
      file.calleePath(call)?.join('.') ?? calledMember(call)?.name ?? (call.callee.type === T.Identifier ? call.callee.name : 'call');

    const onEnd = (): void => {
      for (const [top, { wrap, leaked }] of chains) {
        const freq = frequency(top);
        if (!freq) continue;
        leaked.sort((a, b) => a.range[1] - b.range[1]);
        const names = leaked.map((c) => `\`${opName(c)}()\``);
        const ops = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
        const ref = wrap ? tfReference(file, wrap, ['tidy']) : null;
        const text = wrap && ref ? tidyWrapText(sourceCode, ref, wrap) : null;
        context.report({
          node: wrap ?? top,
          messageId: 'intermediate',
          data: { ops, s: leaked.length === 1 ? '' : 's', leak: leaked.length === 1 ? 'it leaks' : 'they leak', freq },
          suggest: text && wrap ? [{ messageId: 'wrapInTidy', fix: (f) => f.replaceText(wrap, text) }] : [],
        });
      }
      for (const { b, e } of bound) {
        const freq = frequency(b.declarator);
        if (!freq) continue;
        const name = b.id.name;
        if (b.disposals.length === 0) {
          const ins = disposeAfterLastUse(sourceCode, b.declarator, name, b.uses);
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = ins
            ? [{ messageId: 'disposeAfterLastUse', data: { name }, fix: (f) => f.insertTextAfter(ins.after, ins.text) }]
            : [];
          context.report({ node: b.id, messageId: 'bound', data: { name, freq }, suggest });
        } else {
          const disposals = new Set<Node>(b.disposals);
          if (flow && e && flow.mayReturnWithout(e, (x) => disposals.has(x.node))) {
            context.report({ node: b.id, messageId: 'somePaths', data: { name, freq } });
          }
        }
      }
    };
    if (flow) flow.onEnd(onEnd);

    return {
      ...flowListeners,
      ...(flow ? {} : { 'Program:exit': onEnd }),
      CallExpression(node: TSESTree.CallExpression) {
        if (flow && isDisposalCall(file, node) && !inFinalizer(node)) flow.record(node, {});
        const chain = intermediateChain(file, node, worth);
        if (!chain) return;
        const entry = chains.get(chain.top) ?? { wrap: chain.wrap, leaked: [] };
        entry.leaked.push(node);
        chains.set(chain.top, entry);
      },
      // a disposal in `finally` runs on every way out of the `try`: record it where the `try` starts
      TryStatement(node: TSESTree.TryStatement) {
        if (!node.finalizer || !flow) return;
        walk(node.finalizer, sourceCode.visitorKeys, (n) => {
          if (isFunction(n)) return false;
          if (n.type === T.CallExpression && isDisposalCall(file, n)) flow.record(n, {}, { node });
          return undefined;
        });
      },
      'VariableDeclarator:exit'(node: TSESTree.VariableDeclarator) {
        if (node.init?.type !== T.CallExpression && node.init?.type !== T.TSAsExpression && node.init?.type !== T.TSNonNullExpression) return;
        const b = boundTensor(file, node, worth);
        if (!b) return;
        bound.push({ b, e: flow ? flow.record(node, {}, { exit: true }) : null });
      },
    };
  },
});
