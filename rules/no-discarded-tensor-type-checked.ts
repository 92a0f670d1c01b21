import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { callsValuelessFunction, createsFromLiterals, discardedOp, helperHasEffects, isConsole, isPromiseSettler } from '../src/engine/discarded.js';
import { NO_TENSOR_RESULT_METHODS } from '../src/facts/method-names.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { callMayYieldTensor, declaresOptionalResult, programUsesTfjs } from '../src/engine/type-info.js';

/**
 * Calls whose result is a by-product of a deliberate side effect: `tf.keep(t)` and `v.assign(t)` return
 * their tensor for chaining, and `dispose()` (tfjs declares it `void`) is the opposite of a discarded tensor.
 */
const SIDE_EFFECT_CALLS = new Set(['keep', 'assign', 'dispose']);

export default createRule({
  name: 'no-discarded-tensor-type-checked',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow discarding the tfjs tensor returned by any call, including helpers from other modules (uses type information)',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    messages: {
      discarded:
        'This call returns a new tfjs {{className}} that is thrown away: tfjs tensors are immutable, so nothing changed in place. Assign the result or remove the call.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    const typed = file.typed;
    if (!typed || !programUsesTfjs(typed)) return {};
    return {
      ExpressionStatement(node: TSESTree.ExpressionStatement) {
        let expr = unwrap(node.expression);
        const awaited = expr?.type === T.AwaitExpression;
        if (expr?.type === T.AwaitExpression) expr = unwrap(expr.argument);
        if (!expr || expr.type !== T.CallExpression) return;
        const callee = unwrap(expr.callee);
        // `super(...)` yields `this`: a constructor chaining up never discards a tensor
        if (callee?.type === T.Super) return;
        const member = calledMember(expr);
        const name = member?.name ?? (callee?.type === T.Identifier ? callee.name : null);
        if (name !== null && SIDE_EFFECT_CALLS.has(name)) return;
        // `xs.forEach(f)`, `map.set(k, t)`, `console.log(t)`, `resolve(t)` in a Promise executor: no tensor
        // result to drop, and no type question (the checker's first look at a receiver is the costly part)
        if (member && (NO_TENSOR_RESULT_METHODS.has(member.name) || isConsole(file, member.member.object))) return;
        if (callee?.type === T.Identifier && isPromiseSettler(file, callee)) return;
        // the untyped analysis already sees it: no-discarded-tensor owns that report
        // no-discarded-tensor reports tfjs ops and tensor methods without types (a user helper is left to this rule)
        if (discardedOp(file, expr) || createsFromLiterals(file, expr)) return;
        // a same-file function that returns nothing is `void` to the checker too: no type question for it
        if (callsValuelessFunction(file, expr)) return;
        // the callee's declared return types first: resolving the call itself is the costly question
        if (!callMayYieldTensor(typed, expr, awaited)) return;
        // `optimizer.minimize(f)` is declared `Scalar | null`: a result optional by design is not a discarded tensor
        if (declaresOptionalResult(typed, expr)) return;
        const kind = file.typedKindOf(node.expression);
        if (!kind || kind.kind !== 'tensor' || kind.promise) return;
        // `trainStep(xs, ys);` returning minimize(f, true)'s cost trained the model: not "nothing changed"
        if (helperHasEffects(file, expr)) return;
        context.report({ node: expr, messageId: 'discarded', data: { className: kind.name ?? 'Tensor' } });
      },
    };
  },
});
