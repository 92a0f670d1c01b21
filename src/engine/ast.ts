/**
 * Small AST predicates shared by the engine and the rules.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expr = TSESTree.Expression;
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

/**
 * An assignment operator after which the target holds either its old value or the right-hand side:
 * `=`, and the logical assignments (`this.#model ??= await tf.loadLayersModel(url)`, `cache ||= build()`,
 * `x &&= y`). As an origin the right-hand side counts like a plain write (the old value's origins are the
 * other writes). Compound operators (`+=`, `*=`) compute a new value: not an origin.
 */
export function isValueWrite(operator: string): boolean {
  return operator === '=' || operator === '??=' || operator === '||=' || operator === '&&=';
}

/**
 * The Svelte 5 rune a callee names (`$state`, `$state.raw`, `$derived`, `$effect`, `$effect.pre`, …), or null.
 * Runes are compiler keywords, not bindings: the caller checks that the name is not declared in the file.
 */
export function runeName(callee: Node | null | undefined): string | null {
  const c = unwrap(callee);
  if (c?.type === T.Identifier) return c.name.startsWith('$') && RUNES.has(c.name) ? c.name : null;
  if (c?.type !== T.MemberExpression || c.computed || c.object.type !== T.Identifier || !RUNES.has(c.object.name)) return null;
  const name = `${c.object.name}.${memberName(c) ?? ''}`;
  return RUNES.has(name) ? name : null;
}
const RUNES: ReadonlySet<string> = new Set(['$state', '$state.raw', '$derived', '$derived.by', '$effect', '$effect.pre']);

/** `module.exports`, `module.exports.x`, `exports.x`: where a CommonJS module puts what it exports. */
export function isExportsTarget(n: Node): boolean {
  const u = unwrap(n);
  if (u?.type !== T.MemberExpression) return false;
  const o = unwrap(u.object);
  if (o?.type === T.Identifier) return o.name === 'exports' || (o.name === 'module' && memberName(u) === 'exports');
  return o?.type === T.MemberExpression && unwrap(o.object)?.type === T.Identifier && (unwrap(o.object) as TSESTree.Identifier).name === 'module' && memberName(o) === 'exports';
}

/** Is this reference of a name a CommonJS export of it: `module.exports = { Gate }`, `exports.Gate = Gate`, `module.exports = Gate`? */
export function isCommonJsExport(ref: Node): boolean {
  const p = ref.parent;
  if (p?.type === T.Property && p.value === ref && p.parent.type === T.ObjectExpression) {
    const q = p.parent.parent;
    return q?.type === T.AssignmentExpression && q.right === p.parent && isExportsTarget(q.left);
  }
  return p?.type === T.AssignmentExpression && p.right === ref && isExportsTarget(p.left);
}

/** Remove wrappers that do not change the runtime value: TS casts, `!`, `?.` chains. */
export function unwrap(node: Node | null | undefined): Node | null {
  let n: Node | null | undefined = node;
  while (n) {
    switch (n.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        n = n.expression;
        continue;
      case T.ChainExpression:
        n = n.expression;
        continue;
      default:
        return n;
    }
  }
  return null;
}

/**
 * The static name of a member property: `a.b`, `a['b']`, `a[`b`]`; `#b` for an ES private field `this.#b`
 * (never the same name as `b`, and never a name of a tfjs or PyTorch table).
 */
export function memberName(node: TSESTree.MemberExpression): string | null {
  const p = node.property;
  if (!node.computed) return p.type === T.Identifier ? p.name : p.type === T.PrivateIdentifier ? `#${p.name}` : null;
  if (p.type === T.Literal && typeof p.value === 'string') return p.value;
  if (p.type === T.TemplateLiteral && p.expressions.length === 0) return p.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The static key of an object property (`{a: 1}`, `{'a': 1}`). */
export function propertyKeyName(prop: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition): string | null {
  const k = prop.key;
  if (!prop.computed && k.type === T.Identifier) return k.name;
  if (k.type === T.PrivateIdentifier) return `#${k.name}`;
  if (k.type === T.Literal && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return null;
}

/** For `recv.name(...)` returns the member expression and name. */
export function calledMember(call: TSESTree.CallExpression | TSESTree.NewExpression): { member: TSESTree.MemberExpression; name: string } | null {
  const callee = unwrap(call.callee);
  if (!callee || callee.type !== T.MemberExpression) return null;
  const name = memberName(callee);
  return name === null ? null : { member: callee, name };
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.ArrowFunctionExpression || node.type === T.FunctionDeclaration || node.type === T.FunctionExpression)
  );
}

/** The object literal passed as a layer/compile config, when it is literal. */
export function objectArg(call: TSESTree.CallExpression | TSESTree.NewExpression, index = 0): TSESTree.ObjectExpression | null {
  const a = unwrap(call.arguments[index]);
  return a && a.type === T.ObjectExpression ? a : null;
}

/** The last `key: value` for a static key in an object literal (later keys win at runtime). */
export function findProperty(obj: TSESTree.ObjectExpression | null, key: string): TSESTree.Property | null {
  if (!obj) return null;
  let found: TSESTree.Property | null = null;
  for (const p of obj.properties) {
    if (p.type === T.Property && !p.method && propertyKeyName(p) === key) found = p;
    else if (p.type === T.SpreadElement) {
      // a later spread may override the key, unless it provably lacks it (`...(first ? { inputShape } : {})`)
      if (found && spreadMayHold(p.argument, key)) found = null;
    }
  }
  return found;
}

/** Can spreading this expression set `key`? Only object literals without it (under `?:`, `&&`, `||`, `??`) and empty values cannot. */
function spreadMayHold(expr: Node, key: string): boolean {
  const e = unwrap(expr);
  if (!e) return true;
  switch (e.type) {
    case T.ObjectExpression:
      return e.properties.some((q) => (q.type === T.SpreadElement ? spreadMayHold(q.argument, key) : q.computed || propertyKeyName(q) === null || propertyKeyName(q) === key));
    case T.ConditionalExpression:
      return spreadMayHold(e.consequent, key) || spreadMayHold(e.alternate, key);
    case T.LogicalExpression:
      // `cond && { … }` spreads nothing when cond is falsy
      return (e.operator !== '&&' && spreadMayHold(e.left, key)) || spreadMayHold(e.right, key);
    case T.Literal:
      return false;
    case T.Identifier:
      return e.name !== 'undefined';
    default:
      return true;
  }
}

/** True if a spread element appears in the object literal (values unknown). */
export function hasSpread(obj: TSESTree.ObjectExpression): boolean {
  return obj.properties.some((p) => p.type === T.SpreadElement);
}

/** A literal boolean, number or string value, else undefined. */
export function literalValue(node: Node | null | undefined): string | number | boolean | null | undefined {
  const n = unwrap(node);
  if (!n) return undefined;
  if (n.type === T.Literal) {
    const v = n.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
    return undefined;
  }
  if (n.type === T.UnaryExpression && n.operator === '-' && n.argument.type === T.Literal && typeof n.argument.value === 'number') {
    return -n.argument.value;
  }
  if (n.type === T.TemplateLiteral && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  if (n.type === T.Identifier && n.name === 'undefined') return undefined;
  return undefined;
}

/**
 * Visit every node of a linted file in source order (pre-order), with no way to skip children. ESLint ≥ 9
 * has already walked the file before any rule listener runs and keeps the steps it took
 * (`SourceCode#traverse()`, cached per file): reading that list is several times cheaper than walking the
 * AST again. Elsewhere (a module we parsed ourselves, whose SourceCode would build its steps and code paths
 * on demand; oxlint) this falls back to `walk`.
 */
export function forEachNode(
  sourceCode: { readonly ast: Node; readonly visitorKeys: Readonly<Record<string, readonly string[] | undefined>>; traverse?: () => unknown },
  linted: boolean,
  visit: (node: Node) => void,
): void {
  const steps = linted && typeof sourceCode.traverse === 'function' ? sourceCode.traverse() : null;
  // the list starts with the Program's visit (after the code-path events that precede it)
  const first = Array.isArray(steps) ? (steps as { kind?: number }[]).find((s) => s.kind === 1) : undefined;
  if (first && (first as { target?: unknown }).target === sourceCode.ast) {
    for (const step of steps as { kind: number; phase?: number; target: unknown }[]) {
      if (step.kind === 1 && step.phase === 1) visit(step.target as Node);
    }
    return;
  }
  walk(sourceCode.ast, sourceCode.visitorKeys, (n) => void visit(n));
}

/** Generic depth-first walk using the parser's visitor keys. `visit` returns false to skip children. */
export function walk(root: Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, visit: (node: Node) => boolean | void): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[keys[i]!];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const c = child[j] as Node | null;
          if (c && typeof c.type === 'string') stack.push(c);
        }
      } else if (child && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
}

/** The nearest enclosing function of a node (not the node itself). */
export function enclosingFunction(node: Node): FunctionNode | null {
  let n = node.parent;
  while (n) {
    if (isFunction(n)) return n;
    n = n.parent;
  }
  return null;
}

/** The nearest enclosing class of a node. */
export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  let n = node.parent;
  while (n) {
    if (n.type === T.ClassDeclaration || n.type === T.ClassExpression) return n;
    n = n.parent;
  }
  return null;
}

/** The class member (method) a function belongs to, if any. */
export function methodOf(fn: FunctionNode): TSESTree.MethodDefinition | TSESTree.PropertyDefinition | null {
  const p = fn.parent;
  if (p && (p.type === T.MethodDefinition || p.type === T.PropertyDefinition) && p.value === fn) return p;
  return null;
}

/** Name of a named function: declaration, `const f = () => {}`, method, or object property. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.type === T.FunctionDeclaration || fn.type === T.FunctionExpression) {
    if (fn.id) return fn.id.name;
  }
  const p = fn.parent;
  if (!p) return null;
  if (p.type === T.VariableDeclarator && p.id.type === T.Identifier) return p.id.name;
  if ((p.type === T.MethodDefinition || p.type === T.PropertyDefinition || p.type === T.Property) && p.value === fn) {
    return propertyKeyName(p);
  }
  return null;
}

/** `fn` is the executor of `new Promise(fn)`: it runs right there, and its first two parameters settle the Promise. */
export function isPromiseExecutor(fn: Node): boolean {
  const p = fn.parent;
  if (p?.type !== T.NewExpression || p.arguments[0] !== fn) return false;
  const callee = unwrap(p.callee);
  return callee?.type === T.Identifier && callee.name === 'Promise';
}

/** Is `node` inside a branch (`if`, `?:`, `&&`/`||`/`??`, `switch`, `catch`) of `fn`'s body? */
export function inBranchOf(node: Node, fn: Node): boolean {
  for (let n: Node | undefined = node; n && n !== fn; n = n.parent) {
    const p: Node | undefined = n.parent;
    if (!p) return false;
    if (p.type === T.IfStatement && p.test !== n) return true;
    if (p.type === T.ConditionalExpression && p.test !== n) return true;
    if (p.type === T.LogicalExpression && p.right === n) return true;
    if (p.type === T.SwitchCase || p.type === T.CatchClause) return true;
  }
  return false;
}
