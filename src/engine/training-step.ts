/**
 * The shared core of the training-flag rules (`require-training-flag` and its typed companion):
 * which calls inside a custom training step run a model in inference mode
 * (test/semantics/training-flag.test.ts). The suggestions that switch them to training mode are in
 * src/fix/training.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, enclosingFunction, isFunction, unwrap, walk, type Node } from './ast.js';
import { callTarget, gradientContextOf, type GradientContext } from './gradient-context.js';
import type { FileIndex } from './resolver.js';
import { INFERENCE_METHODS, TENSOR_METHODS, VAR_LIST_POSITION } from '../facts/tfjs-api.js';
import { importerArgumentsOf, indexOfNode, isForeignNode } from './modules.js';
import { calledOutsideGradientContexts, isFrozen, kwargsState } from './training-mode.js';

export { INFERENCE_METHODS };

/** APIs that differentiate with respect to their explicit inputs (saliency maps, adversarial examples): nothing trains. */
const INPUT_GRADIENT_APIS = new Set(['grad', 'grads', 'valueAndGrad', 'valueAndGrads']);


/**
 * A step that optimizes only explicit `tf.variable`s (`minimize(f, false, [image])`: style transfer,
 * input optimization) uses the model as a fixed feature extractor: inference mode is intended.
 */
function optimizesOnlyOwnVariables(file: FileIndex, ctx: GradientContext): boolean {
  // a list misplaced in `minimize`'s `returnCost` slot (no-misplaced-var-list) still tells the intent
  const misplaced = ctx.api === 'minimize' && ctx.call.arguments.length === 2 ? ctx.call.arguments[1] : undefined;
  const list = unwrap(ctx.call.arguments[VAR_LIST_POSITION[ctx.api] ?? -1] ?? misplaced);
  return (
    list?.type === T.ArrayExpression &&
    list.elements.length > 0 &&
    list.elements.every((e) => !!e && e.type !== T.SpreadElement && file.kindOf(e)?.kind === 'tensor')
  );
}

/**
 * The models and layers a step's `varList` names (`head.trainableWeights`, `[...enc.getWeights()]`),
 * by source text, or null when there is no such list. Other models run in that step are fixed
 * feature extractors, for which inference mode is intended. For `minimize`, a list misplaced in the
 * `returnCost` position (reported by no-misplaced-var-list) still tells which model the step trains.
 */
function modelsInVarList(file: FileIndex, ctx: GradientContext, isModel: (n: Node) => boolean): Set<string> | null {
  const index = VAR_LIST_POSITION[ctx.api] ?? -1;
  const lists = [ctx.call.arguments[index]];
  if (ctx.api === 'minimize') lists.push(ctx.call.arguments[1]);
  const names = new Set<string>();
  const followed = new Set<Node>();
  const visit = (root: Node): void =>
    walk(root, file.sourceCode.visitorKeys, (n) => {
      // `minimize(f, true, this.studentVars())`: what a same-file helper returns
      const fn = n.type === T.CallExpression && followed.size <= 8 ? callTarget(indexOfNode(file, n), n) : null;
      if (fn && !followed.has(fn)) {
        followed.add(fn);
        if (fn.body.type !== T.BlockStatement) visit(fn.body);
        else {
          walk(fn.body, file.sourceCode.visitorKeys, (r) => {
            if (r !== fn.body && isFunction(r)) return false;
            if (r.type === T.ReturnStatement && r.argument) visit(r.argument);
            return undefined;
          });
        }
      }
      if (n.type !== T.Identifier && n.type !== T.MemberExpression) return undefined;
      const home = indexOfNode(file, n);
      if (isModel(n)) {
        names.add(home.sourceCode.getText(n));
        return false;
      }
      // `const varList = online.trainableWeights.map((w) => w.read()); variableGrads(f, varList)`
      const v = n.type === T.Identifier ? home.variableOf(n) : null;
      if (v && v.defs.every((d) => d.type === 'Variable')) {
        for (const source of home.sourcesOfVariable(v) ?? []) {
          if (followed.has(source) || followed.size > 8) continue;
          followed.add(source);
          visit(source);
        }
      }
      return undefined;
    });
  for (const list of lists) if (list && list.type !== T.SpreadElement) visit(list);
  return names.size > 0 ? names : null;
}

/**
 * A helper of this module run inside another module's step that has a var list
 * (`minimize(() => loss(forward(actor, xs)), true, actor.trainableWeights)`): its receiver is trained when
 * it is the helper's parameter and every argument the step passes there is a model the var list names.
 */
function passedFromVarList(file: FileIndex, ctx: GradientContext, receiver: Node, trained: ReadonlySet<string>): boolean {
  if (receiver.type !== T.Identifier) return false;
  const def = file.variableOf(receiver)?.defs[0];
  if (def?.type !== 'Parameter' || def.node !== ctx.fn || def.name.type !== T.Identifier) return false;
  // the call sites inside that step (its loss function, or the call itself); others serve other paths
  const inStep = (importerArgumentsOf(file, def.name) ?? []).filter(({ index, arg }) => gradientContextOf(index, arg)?.call === ctx.call);
  return inStep.length > 0 && inStep.every(({ index, arg }) => trained.has(index.sourceCode.getText(arg)));
}

export interface InferenceCall {
  readonly method: string;
  readonly member: TSESTree.MemberExpression;
  readonly receiver: Node;
  readonly ctx: GradientContext;
}

/**
 * `apply(x)` without a `training` kwarg, or `predict()` / `predictOnBatch()` / `execute()`, on a
 * receiver `isModelOrLayer` accepts, inside a custom training step that trains it. Null otherwise.
 * `kindOfReceiver` says whether the receiver is a model or a layer (null: not a tfjs model/layer).
 */
export function inferenceCallInStep(
  file: FileIndex,
  node: TSESTree.CallExpression,
  kindOfReceiver: (n: Node) => 'model' | 'layer' | null,
): (InferenceCall & { kind: 'model' | 'layer' }) | null {
  const m = calledMember(node);
  if (!m || (m.name !== 'apply' && !INFERENCE_METHODS.has(m.name))) return null;
  // the syntactic checks and the gradient context (computed once per file) before resolving the receiver:
  // most `apply`/`predict` calls run outside any training step
  const first = node.arguments[0];
  if (!first || first.type === T.SpreadElement) return null;
  const kwargs = m.name === 'apply' ? kwargsState(node, 1) : 'missing';
  if (kwargs === 'explicit' || kwargs === 'unknown') return null;
  const ctx = gradientContextOf(file, node);
  if (!ctx) return null;
  const receiver = unwrap(m.member.object)!;
  const kind = kindOfReceiver(receiver);
  if (!kind) return null;
  if (m.name !== 'apply' && kind !== 'model') return null;
  if (m.name === 'apply' && file.kindOf(first)?.kind === 'symbolic') return null; // building a graph, not running it
  if (INPUT_GRADIENT_APIS.has(ctx.api) || optimizesOnlyOwnVariables(file, ctx)) return null;
  if (isFrozen(file, receiver)) return null;
  const trained = modelsInVarList(file, ctx, (n) => kindOfReceiver(n) !== null);
  if (trained && !(isForeignNode(file, ctx.call) ? passedFromVarList(file, ctx, receiver, trained) : trained.has(file.sourceCode.getText(receiver)))) return null;
  return { method: m.name, member: m.member, receiver, ctx, kind };
}

/**
 * The step's code may also serve inference paths: a helper (depth 1) called from another module's step,
 * which we do not see whole, or a same-file helper also called outside every training step (`getLogits`
 * used by `predict()` too). A hard-coded `{training: true}` there would change those paths as well (the
 * docs recommend a `training` parameter), so no suggestion adds one.
 */
export function mayServeInference(file: FileIndex, call: InferenceCall): boolean {
  return call.ctx.depth === 1 && (isForeignNode(file, call.ctx.call) || calledOutsideGradientContexts(file, call.ctx.fn));
}

/**
 * A model run only for its outputs inside another model's step (a distillation teacher's `predict()`,
 * a DQN target network): its output reaches only the labels side of the loss (the first argument of a
 * `tf.losses.*` / `tf.metrics.*` call, or what is subtracted in `student.sub(teacher)`), through tensor
 * methods, tfjs ops and local `const`s, while the other side runs another model (the student). Null
 * when that is not clear: the caller then keeps the training-flag report.
 */
export function teacherRole(file: FileIndex, node: TSESTree.CallExpression, call: InferenceCall): { student: Node } | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  const receiver = file.sourceCode.getText(call.receiver);
  let student: Node | null = null;
  const sinks = (expr: Node, depth: number): boolean => {
    if (depth > 6) return false;
    let n: Node = expr;
    for (;;) {
      const p: Node | undefined = n.parent;
      if (!p) return false;
      if (p.type === T.TSAsExpression || p.type === T.TSNonNullExpression || p.type === T.TSTypeAssertion) {
        n = p;
        continue;
      }
      if (p.type === T.VariableDeclarator && p.init === n && p.id.type === T.Identifier && p.parent?.type === T.VariableDeclaration && p.parent.kind === 'const') {
        const refs = file.variableOf(p.id)?.references.filter((r) => r.identifier !== p.id) ?? [];
        return refs.length > 0 && refs.every((r) => enclosingFunction(r.identifier) === fn && sinks(r.identifier, depth + 1));
      }
      if (p.type === T.MemberExpression && p.object === n && p.parent?.type === T.CallExpression && p.parent.callee === p) {
        n = p.parent; // a tensor method on the output: `next.max(1)`
        continue;
      }
      if (p.type !== T.CallExpression || p.callee === n) return false;
      const index = p.arguments.indexOf(n as TSESTree.CallExpressionArgument);
      const path = file.calleePath(p);
      const m = calledMember(p);
      if (path && path.length === 2 && (path[0] === 'losses' || path[0] === 'metrics')) {
        // (labels, predictions): the teacher gives the labels, the student the predictions
        return index === 0 && otherSide(p.arguments[1]);
      }
      if (path?.join('.') === 'sub' || path?.join('.') === 'squaredDifference') {
        if (index === 1) return otherSide(p.arguments[0]);
      } else if (!path && m && (m.name === 'sub' || m.name === 'squaredDifference') && index === 0) {
        return otherSide(m.member.object);
      }
      // `r.add(next.max(1).mul(gamma))`, `tf.add(r, next)`: still a target being built
      if ((path && path.length === 1) || (!path && m && TENSOR_METHODS.has(m.name))) {
        n = p;
        continue;
      }
      return false;
    }
  };
  /** The predictions side runs another model (followed through local `const`s). */
  const otherSide = (side: Node | undefined, depth = 0): boolean => {
    if (!side || depth > 4) return false;
    let found = false;
    walk(side, file.sourceCode.visitorKeys, (n) => {
      if (found) return false;
      if (n.type === T.Identifier && !(n.parent?.type === T.MemberExpression && n.parent.property === n && !n.parent.computed)) {
        const def = file.variableOf(n)?.defs[0];
        if (def?.type === 'Variable' && def.node.id === def.name && def.node.init && enclosingFunction(def.node) === fn && otherSide(def.node.init, depth + 1)) found = true;
      }
      const m = n.type === T.CallExpression ? calledMember(n) : null;
      if (m && (m.name === 'apply' || m.name === 'predict') && file.sourceCode.getText(m.member.object) !== receiver) {
        const k = file.kindOf(m.member.object)?.kind;
        if (k === 'model' || k === 'layer') {
          student = m.member.object;
          found = true;
        }
      }
      return undefined;
    });
    return found;
  };
  return sinks(node, 0) && student ? { student } : null;
}


/**
 * A receiver of `apply(t)` / `predict(t)` that the engine cannot resolve, inside a training step that is
 * provably tfjs's (the gradient API is resolved: `tf.variableGrads(…)`, or `minimize` on a tfjs
 * optimizer): a model of unknown origin. Only when every origin of the receiver lies outside the file
 * (a parameter no same-file call passes, an import from another module); never a function
 * (`fn.apply(null, args)`), a user class instance, or a value of a non-tfjs package.
 */
export function isUnknownModelInStep(file: FileIndex, receiver: Node): boolean {
  const member = receiver.parent;
  const call = member?.parent;
  if (member?.type !== T.MemberExpression || call?.type !== T.CallExpression || call.callee !== member) return false;
  const m = calledMember(call);
  if (!m || (m.name !== 'apply' && m.name !== 'predict')) return false;
  if (m.name === 'apply' && isFunctionApply(call)) return false;
  const ctx = gradientContextOf(file, call);
  if (!ctx || !isProvenTfjsStep(file, ctx)) return false;
  return file.hasOnlyOutsideOrigins(receiver);
}

/** `fn.apply(thisArg, args)`: Function.prototype.apply, not a tfjs `apply(inputs, kwargs)`. */
function isFunctionApply(call: TSESTree.CallExpression): boolean {
  const a0 = unwrap(call.arguments[0]);
  const a1 = unwrap(call.arguments[1]);
  if (!a0) return true;
  if ((a0.type === T.Literal && a0.value === null) || a0.type === T.ThisExpression) return true;
  if (a0.type === T.Identifier && a0.name === 'undefined') return true;
  return !!a1 && (a1.type === T.ArrayExpression || (a1.type === T.Identifier && a1.name === 'arguments'));
}

/** The step's gradient API is tfjs's own: `tf.variableGrads(…)`, or `minimize` / `computeGradients` of a tfjs optimizer. */
function isProvenTfjsStep(file: FileIndex, ctx: GradientContext): boolean {
  if (file.calleePath(ctx.call)) return true;
  const m = calledMember(ctx.call);
  return !!m && file.kindOf(m.member.object)?.kind === 'optimizer';
}
