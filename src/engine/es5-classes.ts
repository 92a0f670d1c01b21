/**
 * Constructor functions used as classes, the way ES5 code and older tfjs examples write them:
 *
 *   function Agent(opts) { this.model = createModel(opts); }
 *   Agent.prototype.act = function (obs) { var self = this; … self.model.predict(x) … };
 *
 * `this` inside `Agent` and inside its prototype methods (`Agent.prototype.m = function`, `Agent.prototype =
 * { m: function }`, `Object.assign(Agent.prototype, { m: function })`) is an `Agent`, whose fields are the
 * `this.<x> = …` writes of all of them. A function counts as a constructor when its prototype gets methods,
 * or when it is named with a capital and called with `new`. Filled by the per-file walk (FileIndex#calls).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { unwrap, type FunctionNode } from './ast.js';

export type Es5Constructor = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export class Es5Registry {
  /** Named functions of the file (`function A() {}`, `var A = function () {}`); null when a name is declared twice. */
  private readonly functions = new Map<string, FunctionNode | null>();
  /** Prototype methods per constructor name. */
  private readonly methods = new Map<string, Map<string, TSESTree.FunctionExpression>>();
  private readonly owners = new Map<FunctionNode, string>();
  /** Identifiers called with `new`. */
  readonly newNames = new Set<string>();
  /** Names bound to `this` somewhere (`var self = this`): their members are collected with `this.<x>`. */
  readonly aliases = new Set<string>();
  /** `util.inherits(Child, Parent)`, `Child.prototype = Object.create(Parent.prototype)`: Child → Parent. */
  private readonly parents = new Map<string, TSESTree.Identifier | null>();

  addParent(child: string, parent: TSESTree.Identifier): void {
    this.parents.set(child, this.parents.has(child) ? null : parent);
  }

  /** The superclass a constructor function inherits from (the `Parent` identifier), if any. */
  parentOf(cls: Es5Constructor): TSESTree.Identifier | null {
    const name = nameOf(cls);
    return name === null ? null : (this.parents.get(name) ?? null);
  }

  addFunction(name: string, fn: FunctionNode): void {
    this.functions.set(name, this.functions.has(name) ? null : fn);
  }

  addMethod(cls: string, key: string, fn: TSESTree.FunctionExpression): void {
    let byName = this.methods.get(cls);
    if (!byName) this.methods.set(cls, (byName = new Map()));
    byName.set(key, fn);
    this.owners.set(fn, cls);
  }

  /** The constructor a plain function belongs to: itself, or the one whose prototype method it is. */
  classOf(fn: FunctionNode): Es5Constructor | null {
    const owner = this.owners.get(fn);
    if (owner !== undefined) return this.constructorNamed(owner);
    const name = nameOf(fn);
    if (name === null || this.functions.get(name) !== fn) return null;
    return this.methods.has(name) || (this.newNames.has(name) && /^[A-Z]/.test(name)) ? this.constructorNamed(name) : null;
  }

  /** The constructor a plain function belongs to and its role: `constructor`, or the prototype method's name. */
  memberOf(fn: FunctionNode): { readonly cls: Es5Constructor; readonly name: string } | null {
    const cls = this.classOf(fn);
    if (!cls) return null;
    if (cls === fn) return { cls, name: 'constructor' };
    const owner = this.owners.get(fn);
    const byName = owner === undefined ? undefined : this.methods.get(owner);
    for (const [key, m] of byName ?? []) if (m === fn) return { cls, name: key };
    return null;
  }

  /** The constructor function declared under `name`, when it is one (see classOf). */
  constructorNamed(name: string): Es5Constructor | null {
    const f = this.functions.get(name);
    if (!f || (f.type !== T.FunctionDeclaration && f.type !== T.FunctionExpression)) return null;
    return this.methods.has(name) || (this.newNames.has(name) && /^[A-Z]/.test(name)) ? f : null;
  }

  /** The prototype method `key` of a constructor. */
  method(cls: Es5Constructor, key: string): TSESTree.FunctionExpression | null {
    const name = nameOf(cls);
    return name === null ? null : (this.methods.get(name)?.get(key) ?? null);
  }
}

/** `function A() {}` → A; `var A = function () {}` → A. */
function nameOf(fn: FunctionNode): string | null {
  if (fn.type === T.FunctionDeclaration) return fn.id?.name ?? null;
  const p = fn.parent;
  if (p?.type === T.VariableDeclarator && unwrap(p.init) === fn && p.id.type === T.Identifier) return p.id.name;
  return null;
}
