/**
 * Declared TypeScript types without a type checker: what the file's own annotations say a value is.
 *
 * The untyped engine reads a direct annotation (`model: tf.LayersModel`) itself; this module follows
 * the annotation into the parts of a structured type, so a tensor kept in a typed batch object or array
 * is known where it is used:
 * - a member of an annotated value: `batch.xs` for `batch: { xs: tf.Tensor }`, a same-file interface
 *   or type alias, `this.batch.xs` for an annotated class field;
 * - an element: `xs[0]`, `for (const x of xs)`, `xs.forEach((x) => …)` for `xs: tf.Tensor[]`,
 *   `Array<tf.Tensor>`, `readonly tf.Tensor[]`, and tuple positions (`[tf.Tensor, tf.Tensor]`);
 * - names destructured from any of those: `for (const { xs, ys } of batches)`, `([x, y]: Pair) => …`;
 * - a React ref's `current`: `ref: MutableRefObject<tf.LayersModel | null>`, `useRef<tf.Tensor>(…)`
 *   (src/facts/react-refs.ts).
 *
 * Only same-file declarations are read (interfaces, type aliases without type parameters); a type
 * imported from another module, a generic, an intersection, a mapped or conditional type stays unknown.
 * The kind itself comes from `FileIndex#kindFromAnnotation`, the same reading as a direct annotation.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calledMember, isFunction, literalValue, memberName, propertyKeyName, unwrap, type Node } from './ast.js';
import { ELEMENT_CALLBACKS } from '../facts/tfjs-api.js';
import { REACT_MODULES, REF_HOOKS, REF_TYPES } from '../facts/react-refs.js';
import { thisClass, type FileIndex } from './resolver.js';

type Type = TSESTree.TypeNode;
const MAX_DEPTH = 8;

/** The declared type of an expression, or null when the file's annotations do not say. */
export function declaredType(file: FileIndex, expr: Node | null | undefined, depth = 0): Type | null {
  const n = unwrap(expr);
  if (!n || depth > MAX_DEPTH) return null;
  if (n.type === T.Identifier) {
    const v = file.variableOf(n);
    return v ? declaredTypeOfVariable(file, v, depth + 1) : null;
  }
  if (n.type !== T.MemberExpression) return null;
  const obj = unwrap(n.object);
  const name = memberName(n);
  if (obj?.type === T.ThisExpression && name !== null && !n.computed) {
    const cls = thisClass(obj);
    const annotations = cls ? file.fieldOf(cls, name)?.annotations : undefined;
    return annotations?.length === 1 ? annotations[0]! : null;
  }
  // `const modelRef = useRef<tf.LayersModel | null>(null); modelRef.current`
  if (name === 'current' && !n.computed) {
    const hook = refHookTypeArgument(file, obj);
    if (hook) return hook;
  }
  const base = declaredType(file, obj, depth + 1);
  if (!base) return null;
  if (!n.computed) return name === null ? null : memberType(file, base, name);
  const key = literalValue(n.property);
  if (typeof key === 'string') return memberType(file, base, key);
  return typeof key === 'number' ? elementType(file, base, key) : elementType(file, base, null);
}

/** The declared type of a variable: its annotation, or the part of an annotated value it is bound to. */
export function declaredTypeOfVariable(file: FileIndex, v: Scope.Variable, depth = 0): Type | null {
  if (v.defs.length !== 1 || depth > MAX_DEPTH) return null;
  const def = v.defs[0]!;
  const name = def.name as Node;
  if (def.type === 'Variable') {
    const declarator = def.node;
    const own = annotationOf(name);
    if (own) return own;
    const loop = declarator.parent?.parent;
    let base: Type | null;
    if (loop?.type === T.ForOfStatement && loop.left === declarator.parent) {
      const iterated = declaredType(file, loop.right, depth + 1);
      base = iterated ? elementType(file, iterated, null) : null;
    } else {
      // only `const`: a `let` may be written again with anything
      if (declarator.parent?.type !== T.VariableDeclaration || declarator.parent.kind !== 'const') return null;
      base = annotationOf(declarator.id) ?? declaredType(file, declarator.init, depth + 1);
    }
    return base ? partOf(file, base, name, declarator.id) : null;
  }
  if (def.type === 'Parameter') {
    const fn = def.node;
    if (!isFunction(fn)) return null;
    let root: Node = name;
    while (root.parent && root.parent !== fn) root = root.parent;
    const index = fn.params.indexOf(root as TSESTree.Parameter);
    if (index < 0) return null;
    const own = root === name ? annotationOf(name) : null;
    if (own) return own;
    let base = root.type === T.AssignmentPattern ? annotationOf(root.left) : annotationOf(root);
    // `xs.forEach((x) => …)`, `xs.map(({ a }) => …)`: the element of an annotated array
    if (!base && index === 0 && fn.parent?.type === T.CallExpression && fn.parent.arguments[0] === fn) {
      const m = calledMember(fn.parent);
      const iterated = m && ELEMENT_CALLBACKS.has(m.name) ? declaredType(file, m.member.object, depth + 1) : null;
      base = iterated ? elementType(file, iterated, null) : null;
    }
    if (!base) return null;
    return partOf(file, base, name, root.type === T.AssignmentPattern ? root.left : root);
  }
  return null;
}

/** The declared type of member `key` of a type literal, or of a same-file interface / type alias. */
export function memberType(file: FileIndex, type: Type, key: string, depth = 0): Type | null {
  const t = resolveAlias(file, type);
  if (!t || depth > 4) return null;
  // `ref: MutableRefObject<tf.LayersModel | null>`: `ref.current`
  if (key === 'current' && t.type === T.TSTypeReference && t.typeArguments?.params.length === 1 && isReactName(file, t.typeName, REF_TYPES)) {
    return t.typeArguments.params[0]!;
  }
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (t.type === T.TSTypeLiteral) members = t.members;
  else if (t.type === T.TSTypeReference && t.typeName.type === T.Identifier && !t.typeArguments) {
    const decl = file.variableOf(t.typeName)?.defs[0]?.node;
    if (decl?.type === T.TSInterfaceDeclaration && !decl.typeParameters) members = decl.body.body;
  }
  for (const m of members ?? []) {
    if (m.type === T.TSPropertySignature && !m.computed && propertyKeyName(m as never) === key) return m.typeAnnotation?.typeAnnotation ?? null;
  }
  return null;
}

/** `X` or `React.X` with `X` in `names`, imported from React (src/facts/react-refs.ts). */
function isReactName(file: FileIndex, name: TSESTree.EntityName | TSESTree.Expression, names: ReadonlySet<string>): boolean {
  let local: TSESTree.Identifier;
  let imported: string | null = null;
  if (name.type === T.Identifier) local = name;
  else if ((name.type === T.TSQualifiedName || name.type === T.MemberExpression) && !('computed' in name && name.computed)) {
    const left = name.type === T.TSQualifiedName ? name.left : name.object;
    const right = name.type === T.TSQualifiedName ? name.right : name.property;
    if (left.type !== T.Identifier || right.type !== T.Identifier || !names.has(right.name)) return false;
    local = left;
    imported = '*';
  } else return false;
  const def = file.variableOf(local)?.defs[0];
  if (def?.type !== 'ImportBinding' || def.parent?.type !== T.ImportDeclaration || !REACT_MODULES.has(def.parent.source.value)) return false;
  if (imported === '*') return def.node.type === T.ImportNamespaceSpecifier || def.node.type === T.ImportDefaultSpecifier;
  return def.node.type === T.ImportSpecifier && def.node.imported.type === T.Identifier && names.has(def.node.imported.name);
}

/** The type argument of the `useRef<T>(…)` / `createRef<T>()` call an expression (or its `const`) holds. */
function refHookTypeArgument(file: FileIndex, expr: Node | null): Type | null {
  let e = unwrap(expr);
  if (e?.type === T.Identifier) {
    const def = file.variableOf(e)?.defs[0];
    if (def?.type !== 'Variable' || def.node.id !== def.name || def.node.parent?.type !== T.VariableDeclaration || def.node.parent.kind !== 'const') return null;
    e = unwrap(def.node.init);
  }
  if (e?.type !== T.CallExpression || e.typeArguments?.params.length !== 1) return null;
  return isReactName(file, e.callee, REF_HOOKS) ? e.typeArguments.params[0]! : null;
}

/** The element type of an array or tuple type (`index` null: any element, which a tuple answers only when all agree by text). */
export function elementType(file: FileIndex, type: Type, index: number | null): Type | null {
  const t = resolveAlias(file, type);
  if (!t) return null;
  if (t.type === T.TSArrayType) return t.elementType;
  if (t.type === T.TSTypeReference && t.typeName.type === T.Identifier && (t.typeName.name === 'Array' || t.typeName.name === 'ReadonlyArray')) {
    // a user type named Array would be declared in the file
    if (file.variableOf(t.typeName)?.defs.length) return null;
    return t.typeArguments?.params.length === 1 ? t.typeArguments.params[0]! : null;
  }
  if (t.type === T.TSTupleType) {
    const elements = t.elementTypes.map((e) => (e.type === T.TSNamedTupleMember ? (e.optional ? null : e.elementType) : e));
    if (index !== null) {
      const e = elements[index];
      return e && e.type !== T.TSRestType && e.type !== T.TSOptionalType ? e : null;
    }
    const text = (e: Type | null) => (e ? file.sourceCode.getText(e) : null);
    const first = text(elements[0] ?? null);
    return first !== null && elements.every((e) => e && e.type !== T.TSRestType && e.type !== T.TSOptionalType && text(e) === first) ? elements[0]! : null;
  }
  return null;
}

/** A same-file type alias without type parameters, read through; `readonly T[]` as `T[]`. */
function resolveAlias(file: FileIndex, type: Type | null): Type | null {
  let t = type;
  for (let i = 0; t && i < 5; i++) {
    if (t.type === T.TSTypeOperator && t.operator === 'readonly' && t.typeAnnotation) {
      t = t.typeAnnotation;
      continue;
    }
    if (t.type !== T.TSTypeReference || t.typeName.type !== T.Identifier || t.typeArguments) return t;
    const decl = file.variableOf(t.typeName)?.defs[0]?.node;
    if (decl?.type !== T.TSTypeAliasDeclaration || decl.typeParameters) return t;
    t = decl.typeAnnotation;
  }
  return t;
}

function annotationOf(node: Node | undefined): Type | null {
  if (!node || !('typeAnnotation' in node)) return null;
  const a = (node as { typeAnnotation?: TSESTree.TSTypeAnnotation | Type }).typeAnnotation;
  return a?.type === T.TSTypeAnnotation ? a.typeAnnotation : null;
}

/** The part of a value of type `base` that `name`, inside the destructuring pattern `root`, is bound to. */
function partOf(file: FileIndex, base: Type, name: Node, root: Node): Type | null {
  const steps: (string | number)[] = [];
  for (let n: Node = name; n !== root; ) {
    const parent: Node | undefined = n.parent;
    if (!parent) return null;
    if (parent.type === T.Property && parent.value === n) {
      const key = propertyKeyName(parent);
      if (key === null) return null;
      steps.unshift(key);
      n = parent.parent!;
      continue;
    }
    if (parent.type === T.ArrayPattern) {
      const i = parent.elements.indexOf(n as TSESTree.DestructuringPattern);
      if (i < 0 || parent.elements.slice(0, i).some((e) => e?.type === T.RestElement)) return null;
      steps.unshift(i);
    } else if (parent.type !== T.AssignmentPattern || parent.left !== n) {
      return null; // rest elements
    }
    n = parent;
  }
  let t: Type | null = base;
  for (const s of steps) {
    if (!t) return null;
    t = typeof s === 'string' ? memberType(file, t, s) : elementType(file, t, s);
  }
  return t;
}
