/**
 * The guards every "missing member" rule needs so a user's own definitions are never reported, over the
 * PyTorch tables of src/facts/torch-module-api.ts:
 *
 * - `missingMemberReceiver(file, recv, name, kinds)`: the receiver is PROVEN a tfjs value of one of `kinds`
 *   (through `file.kindOf`, or `this` inside a tfjs subclass), and `name` is not defined by the user's
 *   class (or its same-file ancestors), nor monkey-patched anywhere in the file.
 * - what a member expression or call is used for: written (`isWriteTarget`), its result kept
 *   (`resultIsUsed`), a side-effect-free reference (`isPlainReference`), `this.<m>` inside method `<m>`
 *   (`thisInsideMethod`), literal arguments (`literalArguments`, `isLiteralValue`).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, enclosingFunction, isFunction, literalValue, memberName, methodOf, propertyKeyName, unwrap, walk, type Node } from './ast.js';
import { isEs5Class, superClassOf, thisClass, type ClassNode, type FileIndex, type ValueInfo } from './resolver.js';
import type { ValueKind } from '../facts/tfjs-api.js';

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

/** True when every argument is absent or a literal (numbers, strings, booleans, null). */
export function literalArguments(call: TSESTree.CallExpression): boolean {
  return call.arguments.every((a) => {
    const u = unwrap(a);
    return !!u && (u.type === T.Literal || (u.type === T.TemplateLiteral && u.expressions.length === 0)) && !isFunction(u);
  });
}
