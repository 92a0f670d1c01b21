/**
 * The one gate for type information. `getTypedServices` returns null (never throws) under espree,
 * oxlint, or typescript-eslint without a project, so every rule runs everywhere.
 *
 * Policy: types only narrow. `typeVerdict` tells whether the checker proves an expression is a
 * tfjs value (and which kind), proves it is NOT one, or proves nothing (`any`, `unknown`, error
 * types, unresolved tfjs declarations). The resolver uses `not-tfjs` to drop a receiver the untyped
 * analysis accepted; rules may use `tfjs` to upgrade a suggestion to a fix; typed-only rules
 * (`requiresTypeChecking`) may report from it.
 */
import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type * as ts from 'typescript';
import { textCallsModeDependentLayer } from './project-scan.js';
import type { ValueKind } from '../facts/tfjs-api.js';

export type TypedServices = ParserServicesWithTypeInformation;

export function getTypedServices(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): TypedServices | null {
  const services = context.sourceCode.parserServices as Partial<TypedServices> | undefined;
  if (!services || !services.program || !services.esTreeNodeToTSNodeMap) return null;
  return services as TypedServices;
}

export type TypeVerdict =
  | { readonly verdict: 'tfjs'; readonly kind: ValueKind; readonly className: string; readonly promise: boolean }
  | { readonly verdict: 'not-tfjs' }
  | { readonly verdict: 'unknown' };

const UNKNOWN: TypeVerdict = { verdict: 'unknown' };
const NOT_TFJS: TypeVerdict = { verdict: 'not-tfjs' };

/** tfjs root classes by declared name; the first match walking up the class hierarchy wins. */
const ROOTS: ReadonlyMap<string, ValueKind> = new Map<string, ValueKind>([
  ['Sequential', 'model'],
  ['LayersModel', 'model'],
  ['GraphModel', 'graph-model'],
  ['Layer', 'layer'],
  ['Tensor', 'tensor'],
  ['Variable', 'tensor'],
  ['LayerVariable', 'tensor-like'],
  ['Optimizer', 'optimizer'],
  ['SymbolicTensor', 'symbolic'],
]);

// TypeFlags values change between TypeScript majors (TS 6 renumbered them), so read them from the
// installed compiler, loaded only when a typed program exists (typescript is an optional peer).
let flags: { any: number; nullish: number; primitive: number; typeParameter: number } | null = null;
function typeFlags(): { any: number; nullish: number; primitive: number; typeParameter: number } {
  if (!flags) {
    const F = tsRuntime().TypeFlags;
    flags = {
      any: F.Any | F.Unknown,
      nullish: F.Undefined | F.Null | F.Void,
      primitive:
        F.String | F.Number | F.Boolean | F.BigInt | F.ESSymbol | F.StringLiteral | F.NumberLiteral | F.BooleanLiteral |
        F.BigIntLiteral | F.UniqueESSymbol | F.EnumLiteral | F.Enum | F.TemplateLiteral | F.StringMapping | F.Never,
      typeParameter: F.TypeParameter,
    };
  }
  return flags;
}

const TFJS_MODULE_NAME = /^@tensorflow\/tfjs(?:-[\w-]+)?$/;

/**
 * True when a declaration belongs to a `@tensorflow/*` package: it lives in the package, or in a
 * `declare module '@tensorflow/tfjs' { … }` block of the project (typings a project writes when it
 * cannot install tfjs, or an augmentation such as `interface Tensor { item(): number }`). For the
 * checker both are the tfjs module's own declarations.
 */
function isTfjsDeclaration(decl: ts.Declaration): boolean {
  const file = decl.getSourceFile().fileName.replace(/\\/g, '/');
  if (/\/node_modules\/@tensorflow\/tfjs[^/]*\//.test(file)) return true;
  return insideTfjsModuleBlock(decl);
}

function insideTfjsModuleBlock(node: ts.Node): boolean {
  const SK = syntaxKinds();
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (n.kind === SK.ModuleDeclaration) {
      const name = (n as ts.ModuleDeclaration).name;
      if (name.kind === SK.StringLiteral && TFJS_MODULE_NAME.test((name as ts.StringLiteral).text)) return true;
    }
  }
  return false;
}

let kinds: { ModuleDeclaration: number; StringLiteral: number } | null = null;
function syntaxKinds(): { ModuleDeclaration: number; StringLiteral: number } {
  if (!kinds) {
    const t = createRequire(import.meta.url)('typescript') as typeof ts;
    kinds = { ModuleDeclaration: t.SyntaxKind.ModuleDeclaration, StringLiteral: t.SyntaxKind.StringLiteral };
  }
  return kinds;
}

const verdicts = new WeakMap<ts.Type, TypeVerdict>();

/** What the checker knows about a type: a tfjs value (which kind), not one, or nothing. */
export function verdictOfType(checker: ts.TypeChecker, type: ts.Type, depth = 0): TypeVerdict {
  const cached = verdicts.get(type);
  if (cached) return cached;
  const v = computeVerdict(checker, type, depth);
  verdicts.set(type, v);
  return v;
}

function computeVerdict(checker: ts.TypeChecker, type: ts.Type, depth: number): TypeVerdict {
  if (depth > 8) return UNKNOWN;
  const F = typeFlags();
  if (type.flags & F.any) return UNKNOWN;
  // a type parameter (`M extends tf.LayersModel`) is what its constraint proves; unconstrained: nothing
  if (type.flags & F.typeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? verdictOfType(checker, constraint, depth + 1) : UNKNOWN;
  }
  if (type.isUnion()) {
    let found: TypeVerdict | null = null;
    for (const t of type.types) {
      if (t.flags & F.nullish) continue;
      const v = verdictOfType(checker, t, depth + 1);
      if (v.verdict === 'unknown') return UNKNOWN;
      if (!found) found = v;
      else if (found.verdict !== v.verdict || (v.verdict === 'tfjs' && found.verdict === 'tfjs' && v.kind !== found.kind)) return UNKNOWN;
    }
    return found ?? UNKNOWN;
  }
  if (type.isIntersection()) return UNKNOWN;
  if (type.flags & F.primitive) return NOT_TFJS;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (!symbol) return UNKNOWN;
  // Promise<T>
  if (symbol.getName() === 'Promise') {
    const args = checker.getTypeArguments(type as ts.TypeReference);
    const inner = args[0] ? verdictOfType(checker, args[0], depth + 1) : UNKNOWN;
    return inner.verdict === 'tfjs' ? { ...inner, promise: true } : inner.verdict === 'not-tfjs' ? NOT_TFJS : UNKNOWN;
  }
  const kind = classKindOf(checker, type, 0);
  if (kind) return { verdict: 'tfjs', kind: kind.kind, className: kind.name, promise: false };
  // A type with declarations we can see, none of them tfjs: proven not tfjs.
  const decls = symbol.getDeclarations() ?? [];
  if (decls.length === 0) return UNKNOWN;
  if (decls.some(isTfjsDeclaration)) return UNKNOWN; // a tfjs type we do not classify (e.g. a config interface)
  // `class Encoder extends tf.layers.Layer` with the tfjs package not installed: its ancestry is unknown
  if (hasUnresolvedBase(checker, type, 0)) return UNKNOWN;
  return NOT_TFJS;
}

/**
 * A class or interface with an `extends` the checker cannot resolve (a base from a package that is not
 * installed, or an `any`-typed expression), itself or in an ancestor: nothing proves it is not tfjs.
 */
function hasUnresolvedBase(checker: ts.TypeChecker, type: ts.Type, depth: number): boolean {
  if (depth > 12) return false;
  const target = ((type as ts.TypeReference).target ?? type) as ts.InterfaceType;
  if (!target.isClassOrInterface?.()) return false;
  const bases = checker.getBaseTypes(target);
  if (bases.some((b) => b.flags & typeFlags().any)) return true;
  const extendsKeyword = tsRuntime().SyntaxKind.ExtendsKeyword;
  let declared = 0;
  for (const d of target.getSymbol()?.getDeclarations() ?? []) {
    for (const h of (d as ts.ClassLikeDeclaration | ts.InterfaceDeclaration).heritageClauses ?? []) if (h.token === extendsKeyword) declared += h.types.length;
  }
  return bases.length < declared || bases.some((b) => hasUnresolvedBase(checker, b, depth + 1));
}

let runtime: typeof ts | null = null;
function tsRuntime(): typeof ts {
  return (runtime ??= createRequire(import.meta.url)('typescript') as typeof ts);
}

function classKindOf(checker: ts.TypeChecker, type: ts.Type, depth: number): { kind: ValueKind; name: string } | null {
  if (depth > 12) return null;
  const symbol = type.getSymbol();
  if (!symbol) return null;
  const decls = symbol.getDeclarations() ?? [];
  if (decls.some(isTfjsDeclaration)) {
    const kind = ROOTS.get(symbol.getName());
    if (kind) return { kind, name: symbol.getName() };
  }
  const target = (type as ts.TypeReference).target ?? type;
  const bases = (target as ts.InterfaceType).isClassOrInterface?.() ? checker.getBaseTypes(target as ts.InterfaceType) : [];
  let first: { kind: ValueKind; name: string } | null = null;
  for (const b of bases) {
    const k = classKindOf(checker, b, depth + 1);
    if (k) {
      // a subclass keeps the tfjs root's kind; report the subclass name for messages
      first = { kind: k.kind, name: decls.some(isTfjsDeclaration) ? symbol.getName() : k.name };
      break;
    }
  }
  return first;
}

/** The checker's verdict on an ESTree expression. */
export function typeVerdict(services: TypedServices, node: TSESTree.Node): TypeVerdict {
  try {
    const type = services.getTypeAtLocation(node);
    return verdictOfType(services.program.getTypeChecker(), type);
  } catch {
    return UNKNOWN; // synthetic nodes without a TS counterpart
  }
}

const programsUsingTfjs = new WeakMap<ts.Program, boolean>();

/**
 * The typed-mode gate: does the program see any @tensorflow declaration at all? (Files that reach
 * tfjs only through a local wrapper never mention `@tensorflow/`, so the text gate cannot be used.)
 */
export function programUsesTfjs(services: TypedServices): boolean {
  const program = services.program;
  let v = programsUsingTfjs.get(program);
  if (v === undefined) {
    v =
      program.getSourceFiles().some((f) => /[\\/]@tensorflow[\\/]tfjs/.test(f.fileName)) ||
      // the project's own `declare module '@tensorflow/tfjs' { … }` typings
      program.getTypeChecker().getAmbientModules().some((m) => TFJS_MODULE_NAME.test(m.getName().replace(/^"|"$/g, '')));
    programsUsingTfjs.set(program, v);
  }
  return v;
}

const programsBuildingModeDependent = new WeakMap<ts.Program, boolean>();

/**
 * Does any source file of the program (not declarations, not node_modules) construct Dropout,
 * BatchNormalization, noise or recurrent-dropout layers? The typed fallback for a model whose layers
 * live in another module; computed once per program.
 */
export function programBuildsModeDependentLayers(services: TypedServices): boolean {
  const program = services.program;
  let v = programsBuildingModeDependent.get(program);
  if (v === undefined) {
    v = program
      .getSourceFiles()
      .some((f) => !f.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(f.fileName) && textCallsModeDependentLayer(f.text));
    programsBuildingModeDependent.set(program, v);
  }
  return v;
}

/**
 * Can this call's value (awaited when `awaited`) be a tfjs tensor at all, judged from the declared return
 * types of the callee's signatures? False only when every signature proves it cannot: a return type that
 * is void, primitive, `any`, a non-tfjs object, a tfjs value of another kind, or (not awaited) a Promise.
 * A type parameter in a return type (generic signatures, `this` types), a union holding a possible tensor,
 * or a callee without signatures keeps the answer true, and the caller resolves the call.
 *
 * Why: resolving a call (`getResolvedSignature`, `getTypeAtLocation` of the call) checks its arguments
 * against every overload, which cost `no-discarded-tensor-type-checked` 2.9 s of the typed bench for every
 * call statement of every file; the callee's type needs none of that.
 */
export function callMayYieldTensor(services: TypedServices, call: TSESTree.CallExpression, awaited: boolean): boolean {
  try {
    const checker = services.program.getTypeChecker();
    const calleeType = services.getTypeAtLocation(call.callee);
    // a call of `any` has type `any`, which proves nothing (the rule never reports it)
    if (calleeType.flags & typeFlags().any) return false;
    const signatures = checker.getNonNullableType(calleeType).getCallSignatures();
    if (signatures.length === 0) return true;
    // a generic signature's type parameters appear in its return type, where they answer "maybe"
    return signatures.some((sig) => mayBeTensor(checker, checker.getReturnTypeOfSignature(sig), awaited, 0));
  } catch {
    return true;
  }
}

function mayBeTensor(checker: ts.TypeChecker, type: ts.Type, awaited: boolean, depth: number): boolean {
  if (depth > 8) return true;
  const F = typeFlags();
  if (type.flags & F.any) return false; // the call's type is then `any` too: proves nothing
  if (type.flags & (F.nullish | F.primitive)) return false;
  if (type.flags & F.typeParameter) return true; // `this` types, and type parameters of an outer scope
  if (type.isUnionOrIntersection()) return type.types.some((m) => mayBeTensor(checker, m, awaited, depth + 1));
  if (type.getSymbol()?.getName() === 'Promise') {
    if (!awaited) return false; // an un-awaited Promise is never a discarded tensor
    const [inner] = checker.getTypeArguments(type as ts.TypeReference);
    return !inner || mayBeTensor(checker, inner, false, depth + 1);
  }
  if (awaited && type.getProperty('then')) return true; // another thenable: its awaited type decides
  const v = verdictOfType(checker, type);
  if (v.verdict === 'not-tfjs') return false;
  if (v.verdict === 'tfjs') return v.kind === 'tensor' && !v.promise;
  return true;
}

/**
 * The name of the tfjs function a call resolves to through the checker (`tf.variableGrads` with `tf`
 * imported from a local module that re-exports tfjs), or null when its declaration is not in
 * `@tensorflow/*`.
 */
export function tfjsFunctionName(services: TypedServices, call: TSESTree.CallExpression): string | null {
  try {
    const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    const decl = services.program.getTypeChecker().getResolvedSignature(tsCall)?.declaration;
    if (!decl || !isTfjsDeclaration(decl as ts.Declaration)) return null;
    const name = (decl as ts.SignatureDeclaration).name;
    return name && 'text' in name ? (name.text as string) : null;
  } catch {
    return null;
  }
}

/**
 * True when the called signature declares its result optional (`Scalar | null`, `T | undefined`):
 * `optimizer.minimize(f)` returns null unless `returnCost` is true (test/semantics/optional-results.test.ts),
 * so a statement that drops it discards nothing. Read from the declaration, so it holds without
 * `strictNullChecks` too.
 */
export function declaresOptionalResult(services: TypedServices, call: TSESTree.CallExpression): boolean {
  try {
    const t = createRequire(import.meta.url)('typescript') as typeof ts;
    const tsCall = services.esTreeNodeToTSNodeMap.get(call) as ts.CallExpression;
    const decl = services.program.getTypeChecker().getResolvedSignature(tsCall)?.declaration;
    const type = decl && 'type' in decl ? (decl.type as ts.TypeNode | undefined) : undefined;
    if (!type || !t.isUnionTypeNode(type)) return false;
    return type.types.some(
      (m) =>
        m.kind === t.SyntaxKind.UndefinedKeyword ||
        m.kind === t.SyntaxKind.VoidKeyword ||
        (t.isLiteralTypeNode(m) && m.literal.kind === t.SyntaxKind.NullKeyword),
    );
  } catch {
    return false;
  }
}
