/**
 * What `no-torch-tensor-api` (and `no-discarded-tensor`) ask about the code, on top of the tables in
 * src/facts/torch-tensor-api.ts: which names are in-place PyTorch methods, literal arguments, whether a
 * receiver is a proven tfjs tensor (through PyTorch call chains), what the checker proves about numbers,
 * which PyTorch argument form a real tfjs method got, and whether a result can be kept
 * (`let` binding, `tf.Variable`). The edits themselves are planned in src/fix/tensor-api.ts.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { calledMember, unwrap, type Node } from './ast.js';
import type { FileIndex } from './resolver.js';
import { TENSOR_METHODS } from '../facts/tfjs-api.js';
import { REDUCTIONS, TORCH_TENSOR_METHODS } from '../facts/torch-tensor-api.js';

/** An in-place PyTorch method name (`add_`, `zero_`), not a dunder. */
export function inPlaceBase(name: string): string | null {
  return /^[a-z][A-Za-z0-9]*(?:_[a-z0-9]+)*_$/.test(name) && !name.startsWith('_') ? name.slice(0, -1) : null;
}

// ---------------------------------------------------------------- literal helpers

/** A numeric literal (with an optional unary minus). */
export function numericLiteral(node: Node | null | undefined): number | null {
  const n = unwrap(node);
  if (!n) return null;
  if (n.type === T.Literal && typeof n.value === 'number') return n.value;
  if (n.type === T.UnaryExpression && n.operator === '-') {
    const a = unwrap(n.argument);
    if (a?.type === T.Literal && typeof a.value === 'number') return -a.value;
  }
  return null;
}

export const isIntLiteral = (node: Node | null | undefined): boolean => Number.isInteger(numericLiteral(node));

/** All call arguments are integer literals (a spread never is). */
export function allIntLiterals(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  return args.every((a) => a.type !== T.SpreadElement && isIntLiteral(a));
}

// ---------------------------------------------------------------- tensors through PyTorch chains

const chainCache = new WeakMap<FileIndex, WeakMap<Node, boolean>>();

/**
 * The expression is a proven tfjs tensor: `file.kindOf` says so, or it is a PyTorch-style call on one
 * whose PyTorch result is a tensor (`t.view(2, 3)` in `t.view(2, 3).permute(1, 0)`), a tfjs chained
 * op on such a call, or a `const` bound to one, so a chain of PyTorch calls is reported in one pass.
 * Only this rule family uses it: `kindOf` itself stays strict (those PyTorch calls throw at run time).
 */
export function isProvenTensor(file: FileIndex, node: Node | null | undefined): boolean {
  const n = unwrap(node);
  if (!n) return false;
  let cache = chainCache.get(file);
  if (!cache) chainCache.set(file, (cache = new WeakMap()));
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  cache.set(n, false);
  const k = file.kindOf(n);
  let result = !!k && k.kind === 'tensor' && !k.promise;
  if (!result && n.type === T.CallExpression) {
    // `t.view(6).sum()`: PyTorch calls and tfjs chained ops on a proven tensor return tensors
    const m = calledMember(n);
    if (m && (TORCH_TENSOR_METHODS.get(m.name)?.returnsTensor || TENSOR_METHODS.has(m.name))) result = isProvenTensor(file, m.member.object);
  }
  if (!result && n.type === T.Identifier) {
    // `const flat = t.view(-1)`: a const bound to such a chain
    const v = file.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type === 'Variable' && def.node.id === def.name && def.node.init && def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const') {
      result = isProvenTensor(file, def.node.init);
    }
  }
  cache.set(n, result);
  return result;
}

// ---------------------------------------------------------------- what the checker proves about numbers

/** What the TypeScript checker proves about an argument (types only narrow: never adds a report). */
export interface NumberTypes {
  /** A `number` (or numeric literal type); `any`/`unknown` are not. */
  readonly isNumber: (n: Node) => boolean;
  /** An array or tuple of numbers. */
  readonly isNumberArray: (n: Node) => boolean;
}

/** Answers that prove nothing (no type information). */
export const NO_TYPES: NumberTypes = { isNumber: () => false, isNumberArray: () => false };

/** `NumberTypes` from the file's type information, or answers that prove nothing without it. */
export function numberTypes(file: FileIndex): NumberTypes {
  const services = file.typed;
  if (!services) return NO_TYPES;
  const checker = services.program.getTypeChecker();
  const num = checker.getNumberType();
  const str = checker.getStringType();
  const typeOf = (n: Node): ts.Type | null => {
    try {
      return services.getTypeAtLocation(n);
    } catch {
      return null;
    }
  };
  // `any`, `unknown` and `never` accept a string; a real number type does not
  const isNum = (t: ts.Type): boolean => checker.isTypeAssignableTo(t, num) && !checker.isTypeAssignableTo(str, t) && !checker.isTypeAssignableTo(t, str);
  return {
    isNumber: (n) => {
      const t = typeOf(n);
      return !!t && isNum(t);
    },
    isNumberArray: (n) => {
      const t = typeOf(n);
      if (!t || !(checker.isArrayType(t) || checker.isTupleType(t))) return false;
      const elems = checker.getTypeArguments(t as ts.TypeReference);
      return elems.length > 0 && elems.every(isNum);
    },
  };
}

/** `await` is valid here: inside an async function, or at module top level. */
export function isAwaitAllowed(node: Node): boolean {
  let n: Node | undefined = node.parent;
  while (n) {
    if (n.type === T.ArrowFunctionExpression || n.type === T.FunctionExpression || n.type === T.FunctionDeclaration) return n.async;
    // class static blocks and field initializers are function-like scopes without await
    if (n.type === T.StaticBlock || n.type === T.PropertyDefinition || n.type === T.AccessorProperty) return false;
    if (n.type === T.Program) return n.sourceType === 'module';
    n = n.parent;
  }
  return false;
}

// ---------------------------------------------------------------- keeping a result

/** A `let`/`var` binding or a parameter, so `x = x.add(y)` is legal. */
export function reassignableBinding(file: FileIndex, n: Node): boolean {
  if (n.type !== T.Identifier) return false;
  const v = file.variableOf(n);
  if (!v || v.defs.length !== 1) return false;
  const def = v.defs[0]!;
  if (def.type === 'Parameter') return true;
  return def.type === 'Variable' && def.node.id === def.name && def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind !== 'const';
}

/** The value is a `tf.Variable` (`tf.variable(...)`, `new tf.Variable`, a `tf.Variable` annotation): `assign` updates it in place. */
export function isVariableValue(file: FileIndex, n: Node): boolean {
  const info = file.kindOf(n);
  return info?.kind === 'tensor' && !info.promise && (info.name === 'variable' || info.name === 'Variable');
}

export type TorchSignature = 'reshapeVarargs' | 'transposeVarargs' | 'reduceOptions' | 'flattenStartDim';

/**
 * A PyTorch argument form on a real tfjs method, from the call's shape alone (cheap: checked before
 * the receiver is resolved). `reshape(3, 2)`, `transpose(0, 1)`, `sum({dim: 1})`, `flatten(1)`.
 */
export function torchSignature(call: TSESTree.CallExpression, name: string): TorchSignature | null {
  const args = call.arguments;
  const first = unwrap(args[0]);
  if (name === 'reshape') return args.length >= 2 || (args.length === 1 && numericLiteral(first) !== null) ? 'reshapeVarargs' : null;
  if (name === 'transpose') return args.length >= 2 && allIntLiterals(args) ? 'transposeVarargs' : null;
  if (REDUCTIONS.has(name)) return first?.type === T.ObjectExpression ? 'reduceOptions' : null;
  if (name === 'flatten') return args.length > 0 && !(args.length === 1 && numericLiteral(first) === 0) ? 'flattenStartDim' : null;
  return null;
}
