import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, isFunction, unwrap, walk, type FunctionNode, type Node } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { callTarget, gradientContexts } from '../src/engine/gradient-context.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { TENSOR_ASYNC_READS } from '../src/facts/tfjs-api.js';
import { awaitAfterTidyText } from '../src/fix/memory.js';

type MessageIds = 'asyncTidy' | 'promiseInTidy' | 'asyncGradient' | 'awaitAfterTidy';

export default createRule<[], MessageIds>({
  name: 'no-async-tidy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow async functions, awaits and Promises inside `tf.tidy()` and the gradient functions',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      asyncTidy:
        '`tf.tidy()` is synchronous: with an async function it logs an error and returns the Promise; tensors made before the first `await` get disposed, later ones leak. Await outside the tidy.',
      promiseInTidy:
        '{{what}} inside `tf.tidy()` runs after tidy has returned: its tensors are not disposed (they leak) and the tensors it reads may already be disposed. Await outside the tidy.',
      asyncGradient:
        '`{{api}}()` needs a synchronous function: given an async one it throws "The result y returned by f() must be a tensor." Compute the loss without `await`.',
      awaitAfterTidy: 'Compute the tensor in `tf.tidy()`, then `await` its `{{method}}()` and dispose it.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    // cheap gates: no `tidy` anywhere (any import form names it), no `async` function for the gradient APIs
    const hasTidy = sourceCode.text.includes('tidy');
    const hasAsync = sourceCode.text.includes('async');
    if (!hasTidy && !hasAsync) return {};

    /** `t.data()` / `t.array()` on a tfjs tensor: a Promise. */
    const asyncRead = (n: Node | null): { call: TSESTree.CallExpression; tensor: Node; method: string } | null => {
      const c = unwrap(n);
      if (c?.type !== T.CallExpression) return null;
      const m = calledMember(c);
      if (!m || !TENSOR_ASYNC_READS.has(m.name) || file.kindOf(m.member.object)?.kind !== 'tensor') return null;
      return { call: c, tensor: m.member.object, method: m.name };
    };

    /** What in `fn`'s own body makes it return before its work is done (`.then(...)`, a returned Promise, an async helper). */
    const promiseIn = (fn: FunctionNode, depth: number): { node: Node; what: string } | null => {
      let found: { node: Node; what: string } | null = null;
      const returned = (e: Node | null): void => {
        if (!found && asyncRead(e)) found = { node: e!, what: 'A returned Promise' };
      };
      if (fn.body.type !== T.BlockStatement) returned(fn.body);
      walk(fn.body, sourceCode.visitorKeys, (n) => {
        if (found || (n !== fn.body && isFunction(n))) return false;
        if (n.type === T.ReturnStatement) returned(n.argument);
        if (n.type === T.CallExpression) {
          if (calledMember(n)?.name === 'then') found = { node: n, what: '`.then(…)`' };
          const target = callTarget(file, n);
          if (target?.async) found = { node: n, what: 'An async helper' };
          else if (target && depth < 2 && target !== fn && promiseIn(target, depth + 1)) found = { node: n, what: 'A helper returning a Promise' };
        }
        return undefined;
      });
      return found;
    };

    const suggestion = (call: TSESTree.CallExpression, fn: FunctionNode): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
      if (unwrap(call.arguments[call.arguments.length - 1]) !== fn) return [];
      const ret = fn.body.type === T.BlockStatement ? lastReturn(fn.body) : fn.body;
      if (!ret) return [];
      const read = asyncRead(ret.type === T.AwaitExpression ? ret.argument : ret);
      if (!read) return [];
      const text = awaitAfterTidyText(sourceCode, call, fn, { ...read, ret });
      return text ? [{ messageId: 'awaitAfterTidy', data: { method: read.method }, fix: (f) => f.replaceText(call, text) }] : [];
    };

    return {
      CallExpression(node) {
        if (!hasTidy) return;
        const callee = unwrap(node.callee);
        if (callee?.type === T.MemberExpression ? calledMember(node)?.name !== 'tidy' : callee?.type !== T.Identifier) return;
        const p = file.calleePath(node);
        if (p?.length !== 1 || p[0] !== 'tidy') return;
        const arg = unwrap(node.arguments[node.arguments.length - 1]);
        const fn = isFunction(arg) ? arg : arg?.type === T.Identifier ? file.functionOfIdentifier(arg) : null;
        if (!fn || !arg) return;
        if (fn.async) {
          const head = isFunction(arg) ? sourceCode.getFirstToken(arg) : null;
          context.report({ node: arg, ...(head ? { loc: head.loc } : {}), messageId: 'asyncTidy', suggest: suggestion(node, fn) });
          return;
        }
        const inner = promiseIn(fn, 0);
        if (inner) context.report({ node: inner.node, messageId: 'promiseInTidy', data: { what: inner.what } });
      },
      'Program:exit'() {
        if (!hasAsync) return;
        for (const ctx of gradientContexts(file).values()) {
          if (ctx.depth !== 0 || !ctx.fn.async) continue;
          // `minimize` / `computeGradients`: only on a proven optimizer (the context map also admits unknown receivers)
          const m = calledMember(ctx.call);
          if (!file.calleePath(ctx.call) && (!m || file.kindOf(m.member.object)?.kind !== 'optimizer')) continue;
          const head = sourceCode.getFirstToken(ctx.fn);
          context.report({ node: ctx.fn, ...(head ? { loc: head.loc } : {}), messageId: 'asyncGradient', data: { api: ctx.api } });
        }
      },
    };
  },
});

/** The final `return <expr>` of a block, as the expression (await included). */
function lastReturn(body: TSESTree.BlockStatement): Node | null {
  const last = body.body[body.body.length - 1];
  return last?.type === T.ReturnStatement && last.argument ? last.argument : null;
}
