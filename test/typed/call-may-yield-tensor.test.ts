// `callMayYieldTensor` (src/engine/type-info.ts) answers "no" from the callee's declared return types alone,
// before no-discarded-tensor-type-checked resolves a call (the costly question). Each case asserts the answer
// on the REAL @tensorflow/tfjs 4.22.0 declarations: "no" must be right (never a tensor), and the shapes the
// return types cannot settle must answer "maybe".
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../../src/create-rule.js';
import { getTypedServices, callMayYieldTensor } from '../../src/engine/type-info.js';
import { createTypedRuleTester } from './rule-tester-typed.js';

const probe = createRule({
  name: 'probe-call-may-yield-tensor',
  meta: { type: 'problem', docs: { description: 'test probe' }, messages: { maybe: 'maybe', no: 'no' }, schema: [] },
  create(context) {
    const typed = getTypedServices(context);
    return {
      ExpressionStatement(node: TSESTree.ExpressionStatement) {
        let expr = node.expression;
        const awaited = expr.type === T.AwaitExpression;
        if (expr.type === T.AwaitExpression) expr = expr.argument;
        if (expr.type === T.ChainExpression) expr = expr.expression;
        if (expr.type !== T.CallExpression || !typed) return;
        context.report({ node: expr, messageId: callMayYieldTensor(typed, expr, awaited) ? 'maybe' : 'no' });
      },
    };
  },
});

const head = `import * as tf from '@tensorflow/tfjs';\nconst x = tf.ones([2]);\n`;
const one = (code: string, answer: 'maybe' | 'no') => ({ code: head + code, errors: [{ messageId: answer }] });

createTypedRuleTester().run('callMayYieldTensor', probe as never, {
  valid: [],
  invalid: [
    // "no": every signature's declared return type rules a tensor out
    { name: 'console.log returns void', ...one('console.log(x);', 'no') },
    { name: 'Array#push returns a number', ...one('const a: number[] = [];\na.push(1);', 'no') },
    { name: 'a helper declared void', ...one('declare function show(t: tf.Tensor): void;\nshow(x);', 'no') },
    { name: 'a Promise that is not awaited', ...one('declare function load(): Promise<tf.Tensor>;\nload();', 'no') },
    { name: 'a tfjs value of another kind (a model)', ...one('declare function build(): tf.Sequential;\nbuild();', 'no') },
    { name: 'a callee typed any (the call proves nothing)', ...one('declare const lib: any;\nlib.run(x);', 'no') },
    { name: 'Array#map: an array is never a tensor, whatever its elements', ...one('[x].map((t) => t.add(1));', 'no') },
    // "maybe": the call must be resolved
    { name: 'a tfjs op', ...one('tf.add(x, 1);', 'maybe') },
    { name: 'a tensor method', ...one('x.square();', 'maybe') },
    { name: 'a generic signature (its return type is a type parameter)', ...one('declare function id<T>(v: T): T;\nid(x);', 'maybe') },
    { name: 'overloads, one of them returning a tensor', ...one('declare function f(v: number): number;\ndeclare function f(v: tf.Tensor): tf.Tensor;\nf(1);', 'maybe') },
    { name: 'an awaited Promise of a tensor', ...one('declare function load(): Promise<tf.Tensor>;\nasync function main() { await load(); }', 'maybe') },
    { name: 'an optional callee', ...one('declare const step: ((t: tf.Tensor) => tf.Tensor) | undefined;\nstep?.(x);', 'maybe') },
    { name: 'predict: Tensor | Tensor[]', ...one('declare const m: tf.LayersModel;\nm.predict(x);', 'maybe') },
  ],
});
