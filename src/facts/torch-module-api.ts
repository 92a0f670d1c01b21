/**
 * PyTorch `nn.Module` / optimizer member names that do not exist on tfjs objects, as data, plus the
 * guards every "missing member" rule needs so a user's own definitions are never reported:
 *
 * - `MODULE_METHODS`: each PyTorch module method (snake_case and the camelCase spelling JS ports use),
 *   its tfjs replacement and its fix tier, with the reason for the tier. `test/semantics/module-api.test.ts`
 *   checks every name is undefined on a real Sequential, LayersModel, built-in layer and Layer subclass.
 * - `missingMemberReceiver(tf, recv, name, kinds)`: the receiver is PROVEN a tfjs value of one of `kinds`
 *   (through `file.kindOf`, or `this` inside a tfjs subclass), and `name` is not defined by the user's
 *   class (or its same-file ancestors), nor monkey-patched anywhere in the file.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, enclosingFunction, isFunction, literalValue, memberName, methodOf, propertyKeyName, unwrap, walk, type Node } from '../engine/ast.js';
import { isEs5Class, superClassOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from '../engine/resolver.js';
import type { ValueKind } from './tfjs-api.js';

/** What the rule offers for a PyTorch module method. */
export type ModuleFixTier =
  /** Autofix: the call always throws and its exact tfjs equivalent is known (see `why`). */
  | 'fix'
  /** Suggestion(s) only: the replacement changes behaviour or is not exactly equivalent. */
  | 'suggest';

export type ModuleApiGroup =
  | 'forward'
  | 'parameters'
  | 'stateDict'
  | 'loadStateDict'
  | 'device'
  | 'zeroGrad'
  | 'children'
  | 'countParams'
  | 'numParameters'
  | 'requiresGradCall';

export interface ModuleApiEntry {
  readonly group: ModuleApiGroup;
  /** The tfjs member to write instead (`null`: remove the call). */
  readonly replacement: string | null;
  readonly tier: ModuleFixTier;
  /** Why this tier: quoted by the docs' "Fix safety" section. */
  readonly why: string;
}

const entry = (group: ModuleApiGroup, replacement: string | null, tier: ModuleFixTier, why: string): ModuleApiEntry => ({
  group,
  replacement,
  tier,
  why,
});

const FORWARD = entry('forward', 'apply', 'suggest', 'apply(x) runs in inference mode; PyTorch forward() follows the module mode, so the right training flag is the user\'s choice');
const PARAMETERS = entry('parameters', 'trainableWeights', 'suggest', 'a property, not a method; it holds LayerVariables (`.read()` gives the tf.Variable) and tfjs `weights` also lists non-trainable weights such as BatchNorm moving stats');
const STATE_DICT = entry('stateDict', 'getWeights', 'suggest', 'getWeights() returns an ordered list of tensors, not a name-keyed dictionary');
const LOAD_STATE_DICT = entry('loadStateDict', 'setWeights', 'suggest', 'setWeights() takes an ordered list of tensors, not a name-keyed dictionary');
const DEVICE = entry('device', null, 'fix', 'the call always throws and tfjs has no per-model device (the backend is global: tf.setBackend), so the exact equivalent is nothing; only with no or literal arguments and no comments inside');
const ZERO_GRAD = entry('zeroGrad', null, 'suggest', 'tfjs never accumulates gradients so removing it is exact, but the surrounding backward()/step() loop needs a manual rewrite, and the report stays visible until then');
const CHILDREN = entry('children', 'layers', 'suggest', 'model.layers lists the direct layers only (PyTorch modules() is recursive and includes the module itself)');
const COUNT_PARAMS = entry('countParams', 'countParams', 'fix', 'Keras count_params() and tfjs countParams() both count every weight scalar (trainable and not) and both throw on an unbuilt layer');
const NUM_PARAMETERS = entry('numParameters', 'countParams', 'suggest', 'countParams() also counts non-trainable weights (BatchNorm moving stats), which PyTorch keeps as buffers');
const REQUIRES_GRAD_CALL = entry('requiresGradCall', 'trainable', 'suggest', 'setting trainable changes which weights train, which is the intent but a behaviour change');

/** PyTorch `nn.Module` methods (called as methods) that tfjs models and layers do not have. */
export const MODULE_METHODS: ReadonlyMap<string, ModuleApiEntry> = new Map<string, ModuleApiEntry>([
  ['forward', FORWARD],
  ['parameters', PARAMETERS],
  ['named_parameters', PARAMETERS],
  ['namedParameters', PARAMETERS],
  ['state_dict', STATE_DICT],
  ['stateDict', STATE_DICT],
  ['load_state_dict', LOAD_STATE_DICT],
  ['loadStateDict', LOAD_STATE_DICT],
  ['cuda', DEVICE],
  ['cpu', DEVICE],
  ['to', DEVICE],
  ['zero_grad', ZERO_GRAD],
  ['zeroGrad', ZERO_GRAD],
  ['children', CHILDREN],
  ['modules', CHILDREN],
  ['named_children', CHILDREN],
  ['named_modules', CHILDREN],
  ['namedChildren', CHILDREN],
  ['namedModules', CHILDREN],
  ['count_params', COUNT_PARAMS],
  ['num_parameters', NUM_PARAMETERS],
  ['numParameters', NUM_PARAMETERS],
  ['requires_grad_', REQUIRES_GRAD_CALL],
]);

/** PyTorch properties that tfjs models, layers and tensors do not have, and the tfjs property. */
export const MODULE_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['requires_grad', 'trainable'],
  ['requiresGrad', 'trainable'],
]);

/** PyTorch optimizer methods tfjs optimizers do not have (test/semantics/optimizer-api.test.ts). */
export const OPTIMIZER_METHODS: ReadonlySet<string> = new Set(['zeroGrad', 'zero_grad', 'step']);

/** PyTorch tensor autograd members tfjs tensors do not have (test/semantics/tensor-api.test.ts, test/semantics/optimizer-api.test.ts). */
export const TENSOR_AUTOGRAD_METHODS: ReadonlySet<string> = new Set(['backward']);
export const TENSOR_AUTOGRAD_PROPERTIES: ReadonlySet<string> = new Set(['grad']);

// ---------------------------------------------------------------- user definitions

/** True when the user's class, or a same-file class it extends, defines member `name`. */
export function classDefinesMember(file: FileIndex, cls: ClassNode, name: string): boolean {
  const seen = new Set<ClassNode>();
  let c: ClassNode | null = cls;
  while (c && !seen.has(c)) {
    seen.add(c);
    if (isEs5Class(c) && file.es5.method(c, name)) return true;
    for (const el of c.body.body) {
      if ((el.type === T.MethodDefinition || el.type === T.PropertyDefinition || el.type === T.TSAbstractMethodDefinition) && !el.static) {
        if (propertyKeyName(el as TSESTree.MethodDefinition) === name) return true;
      }
    }
    if ((file.fieldsOf(c).get(name)?.writes.length ?? 0) > 0) return true;
    const sup = superClassOf(c);
    c = sup?.type === T.Identifier ? file.classOfIdentifier(sup) : null;
  }
  return false;
}

const patchedByFile = new WeakMap<FileIndex, ReadonlySet<string>>();
const assignedByFile = new WeakMap<FileIndex, ReadonlySet<string>>();

/** Member names assigned anywhere in the file (`x.name = …`, any value): reads of them are not `undefined`. */
export function assignedMembers(file: FileIndex): ReadonlySet<string> {
  patchedMembers(file);
  return assignedByFile.get(file)!;
}

/**
 * Member names the file defines on some object at run time: `x.name = <non-literal>`,
 * `X.prototype.name = …`, `Object.defineProperty(x, 'name', …)`, `Object.assign(x, {name})`.
 * A call to such a name may be the user's own patch, so rules never report it.
 */
export function patchedMembers(file: FileIndex): ReadonlySet<string> {
  let set = patchedByFile.get(file);
  if (set) return set;
  const names = new Set<string>();
  const assigned = new Set<string>();
  walk(file.sourceCode.ast, file.sourceCode.visitorKeys, (node) => {
    if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression) {
      const name = memberName(node.left);
      if (name !== null) assigned.add(name);
      if (name !== null && !isLiteralValue(node.right)) names.add(name);
    } else if (node.type === T.CallExpression) {
      const m = calledMember(node);
      const obj = m ? unwrap(m.member.object) : null;
      if (!m || obj?.type !== T.Identifier || obj.name !== 'Object') return undefined;
      if (m.name === 'defineProperty') {
        const key = literalValue(node.arguments[1]);
        if (typeof key === 'string') names.add(key);
      } else if (m.name === 'assign' || m.name === 'defineProperties') {
        for (const a of node.arguments.slice(1)) {
          const o = unwrap(a);
          if (o?.type !== T.ObjectExpression) continue;
          for (const p of o.properties) {
            const key = p.type === T.Property ? propertyKeyName(p) : null;
            if (key !== null) names.add(key);
          }
        }
      }
    }
    return undefined;
  });
  set = names;
  patchedByFile.set(file, set);
  assignedByFile.set(file, assigned);
  return set;
}

/**
 * The tfjs value a receiver provably holds, when it is one of `kinds` and `name` is missing on it:
 * not a Promise, not defined by the user's subclass, not patched in the file (unless `ignorePatched`:
 * for properties whose writes are themselves the PyTorch habit). `this` inside a class
 * extending a tfjs class counts as that class's kind.
 */
export function missingMemberReceiver(
  file: FileIndex,
  receiver: Node,
  name: string,
  kinds: readonly ValueKind[],
  { ignorePatched = false }: { ignorePatched?: boolean } = {},
): ValueInfo | null {
  const recv = unwrap(receiver);
  if (!recv) return null;
  let info: ValueInfo | null;
  if (recv.type === T.ThisExpression) {
    const cls = thisClass(recv);
    info = cls ? file.classKind(cls) : null;
  } else {
    info = file.kindOf(recv);
  }
  if (!info || info.promise || !kinds.includes(info.kind)) return null;
  if (info.userClass && classDefinesMember(file, info.userClass, name)) return null;
  if (!ignorePatched && patchedMembers(file).has(name)) return null;
  return info;
}

/** A literal value (`null`, `0`, `false`, `'x'`, `undefined`, `!x`): an assignment of it is not a definition. */
export function isLiteralValue(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === T.Identifier) return n.name === 'undefined';
  if (n.type === T.UnaryExpression && (n.operator === '!' || n.operator === 'void')) return true;
  return literalValue(n) !== undefined;
}

/** True when a member expression is written: `x.p = v`, `x.p += v`, `x.p++`, `for (x.p of …)`, `[x.p] = …`. */
export function isWriteTarget(node: TSESTree.MemberExpression): boolean {
  let n: Node = node;
  for (;;) {
    const p: Node | undefined = n.parent;
    if (!p) return false;
    switch (p.type) {
      case T.AssignmentExpression:
        return p.left === n;
      case T.UpdateExpression:
        return true;
      case T.ForOfStatement:
      case T.ForInStatement:
        return p.left === n;
      case T.ArrayPattern:
      case T.RestElement:
      case T.ObjectPattern:
        n = p;
        continue;
      case T.Property:
        if (p.value !== n || p.parent?.type !== T.ObjectPattern) return false;
        n = p;
        continue;
      case T.AssignmentPattern:
        if (p.left !== n) return false;
        n = p;
        continue;
      default:
        return false;
    }
  }
}

/** True when the call's value is used (not a bare expression statement or `void`). */
export function resultIsUsed(call: TSESTree.CallExpression): boolean {
  let n: Node = call;
  while (n.parent && (n.parent.type === T.ChainExpression || n.parent.type === T.TSNonNullExpression)) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (p.type === T.ExpressionStatement) return false;
  if (p.type === T.UnaryExpression && p.operator === 'void') return false;
  return true;
}

/** An identifier, `this`, or a non-computed member chain of those: evaluating it has no side effect. */
export function isPlainReference(node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  if (n.type === T.Identifier || n.type === T.ThisExpression) return true;
  return n.type === T.MemberExpression && !n.computed && isPlainReference(n.object);
}

/** `this.<m>` written inside method `name` of the class `this` belongs to (through arrow functions). */
export function thisInsideMethod(member: TSESTree.MemberExpression, name: string): boolean {
  if (unwrap(member.object)?.type !== T.ThisExpression) return false;
  let fn = enclosingFunction(member);
  while (fn?.type === T.ArrowFunctionExpression) fn = enclosingFunction(fn); // arrows keep `this`
  const method = fn ? methodOf(fn) : null;
  return !!method && propertyKeyName(method) === name;
}

/** An argument's source text, keeping the parentheses a sequence expression needs when moved. */
export function textAsArgument(sourceCode: Readonly<TSESLint.SourceCode>, arg: Node): string {
  return arg.type === T.SequenceExpression ? `(${sourceCode.getText(arg)})` : sourceCode.getText(arg);
}

/** True when every argument is absent or a literal (numbers, strings, booleans, null). */
export function literalArguments(call: TSESTree.CallExpression): boolean {
  return call.arguments.every((a) => {
    const u = unwrap(a);
    return !!u && (u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0)) && !isFunction(u);
  });
}
