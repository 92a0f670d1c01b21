/**
 * Event flow: "can event A run before event B, with no blocking event in between?" across the
 * functions of one file, on ESLint's code-path graph.
 *
 * A rule records events (a `compile()`, a `.trainable` write, a `fit()`) while ESLint walks the file,
 * and asks ordering questions once the Program's code path ends. Inside one function the answer comes
 * from the segments (branches, loops, early returns). Across functions it follows same-file call sites
 * (`f(...)`, `this.m(...)`, and inline callbacks such as `layers.forEach((l) => ...)`, taken to run at
 * the call that receives them), and a class's constructor runs before its other methods. Calls to an
 * unknown function do nothing; a call to a same-file function that contains the target on some path
 * carries it; one that passes a blocking event on every path blocks.
 *
 * Usage: `const flow = new EventFlow<D>(tf)`, spread `flow.listeners` into the rule's listeners
 * (it needs `onCodePath*` and `CallExpression`), call `flow.record(node, data)` from node handlers,
 * and ask `flow.mayPrecede(a, b, blocks)` in `flow.onEnd(() => ...)`.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunction, memberName, unwrap, type FunctionNode, type Node } from './ast.js';
import { callTarget } from './gradient-context.js';
import { es5MemberOf, type ClassNode, type FileIndex } from './resolver.js';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface FlowEvent<D> {
  readonly node: Node;
  readonly data: D;
  /** The node owning the code path the event runs in (a function, or the Program). */
  readonly owner: Node;
  readonly segments: readonly Segment[];
  readonly order: number;
}

interface CallSite {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly owner: Node;
  readonly segments: readonly Segment[];
  readonly order: number;
  /** Resolved on first query (most files never ask one). */
  targets?: readonly FunctionNode[];
}

interface PathInfo {
  readonly owner: Node;
  readonly initial: Segment;
  /** Events and call sites per segment, in source order. */
  readonly items: Map<Segment, Item[]>;
  final: readonly Segment[];
  returned: readonly Segment[];
}

type Item = { readonly kind: 'event'; readonly e: FlowEvent<unknown> } | { readonly kind: 'call'; readonly c: CallSite };

export interface FlowOptions {
  /**
   * Whether one method of a class may run before another (non-constructor) method of the same class.
   * Their order is unknown: say `true` where a possible order should count (default), `false` where
   * only a known order (constructor first) may.
   */
  readonly methodsInAnyOrder?: boolean;
}

/** A recorded event whose position is filled when the steps are replayed. */
interface MutableEvent<D> {
  readonly node: Node;
  readonly data: D;
  owner: Node;
  segments: readonly Segment[];
  order: number;
}

/** One of ESLint's traversal steps: a node entered (phase 1) or left (2), or a code-path event (kind 2). */
interface Step {
  readonly kind: number;
  readonly phase?: number;
  readonly target: unknown;
  readonly args: readonly unknown[];
}

/** The linted file's traversal steps when ESLint keeps them and they look as expected, else null. */
function traversalSteps(file: FileIndex): readonly Step[] | null {
  if (!file.linted) return null;
  const sc = file.sourceCode as unknown as { traverse?: () => unknown };
  const steps = typeof sc.traverse === 'function' ? sc.traverse() : null;
  if (!Array.isArray(steps)) return null;
  const first = (steps as Step[]).find((s) => s.kind === 1);
  const hasPaths = (steps as Step[]).some((s) => s.kind === 2 && s.target === 'onCodePathStart');
  return first && first.target === file.sourceCode.ast && hasPaths ? (steps as Step[]) : null;
}

/** A predicate over recorded events: the events that block a path. */
export type Blocks<D> = (e: FlowEvent<D>) => boolean;

const MAX_DEPTH = 4;

export class EventFlow<D> {
  private readonly file: FileIndex;
  private readonly stack: { path: PathInfo; current: Set<Segment> }[] = [];
  private readonly paths = new Map<Node, PathInfo>();
  private callersMap: Map<FunctionNode, CallSite[]> | null = null;
  private readonly calls: CallSite[] = [];
  private readonly events: FlowEvent<D>[] = [];
  private order = 0;
  private readonly endCallbacks: (() => void)[] = [];

  /** Whether same-file call sites are recorded (the cross-function questions need them). */
  private readonly trackCalls: boolean;
  /**
   * ESLint's traversal steps of the file, when it keeps them (ESLint >= 9, the linted file): the code paths
   * are then rebuilt from them at the end of the file, and only when an event was recorded, instead of
   * listening to every code-path segment of every file.
   */
  private readonly steps: readonly Step[] | null;
  /** Replay mode: the events recorded during the walk, by the node (and phase) where they happen. */
  private readonly pending = new Map<Node, { enter: MutableEvent<D>[]; exit: MutableEvent<D>[] }>();

  /**
   * `calls: false` for a rule that only asks `mayReturnWithout` about events whose blocking events are in the
   * same function: call sites are then never consulted, and recording them costs on every call of the file.
   * `replay: false` forces the listener mode (tests compare both).
   */
  constructor(file: FileIndex, options: { readonly calls?: boolean; readonly replay?: boolean } = {}) {
    this.file = file;
    this.trackCalls = options.calls !== false;
    this.steps = options.replay === false ? null : traversalSteps(file);
  }

  /** Register a callback that runs when the whole file has been walked (all code paths are complete). */
  onEnd(cb: () => void): void {
    this.endCallbacks.push(cb);
  }

  /**
   * Listeners to merge into the rule's (they must not be overridden). A rule with its own `CallExpression`
   * listener calls this one's first (call sites are recorded before the rule's events at the same call).
   */
  get listeners(): Record<string, (...args: never[]) => void> {
    if (this.steps) {
      return {
        CallExpression: () => undefined,
        'Program:exit': () => {
          if (this.pending.size > 0) this.replay(this.steps!);
          for (const cb of this.endCallbacks) cb();
        },
      };
    }
    return {
      onCodePathStart: (codePath: CodePath, node: Node) => this.pathStart(codePath, node),
      onCodePathEnd: (codePath: CodePath, node: Node) => {
        this.pathEnd(codePath);
        if (node.type === T.Program) for (const cb of this.endCallbacks) cb();
      },
      onCodePathSegmentStart: (segment: Segment) => void this.top()?.current.add(segment),
      onCodePathSegmentEnd: (segment: Segment) => void this.top()?.current.delete(segment),
      onUnreachableCodePathSegmentStart: (segment: Segment) => void this.top()?.current.add(segment),
      onUnreachableCodePathSegmentEnd: (segment: Segment) => void this.top()?.current.delete(segment),
      ...(this.trackCalls
        ? {
            CallExpression: (node: TSESTree.CallExpression) => this.recordCall(node),
            // `new Critic()` runs Critic's constructor there
            NewExpression: (node: TSESTree.NewExpression) => this.recordCall(node),
          }
        : {}),
    };
  }

  private pathStart(codePath: CodePath, node: Node): void {
    const path: PathInfo = { owner: node, initial: codePath.initialSegment, items: new Map(), final: [], returned: [] };
    this.paths.set(node, path);
    this.stack.push({ path, current: new Set() });
  }

  private pathEnd(codePath: CodePath): void {
    const top = this.stack.pop();
    if (top) {
      top.path.final = codePath.finalSegments;
      top.path.returned = codePath.returnedSegments;
    }
  }

  /**
   * Rebuild the code paths from ESLint's steps, the same events in the same order as the listeners would
   * have seen them, and place the recorded events (and, with `calls`, the call sites) where they ran.
   */
  private replay(steps: readonly Step[]): void {
    for (const step of steps) {
      if (step.kind === 2) {
        const [a, b] = step.args as [unknown, unknown];
        switch (step.target) {
          case 'onCodePathStart':
            this.pathStart(a as CodePath, b as Node);
            break;
          case 'onCodePathEnd':
            this.pathEnd(a as CodePath);
            break;
          case 'onCodePathSegmentStart':
          case 'onUnreachableCodePathSegmentStart':
            this.top()?.current.add(a as Segment);
            break;
          case 'onCodePathSegmentEnd':
          case 'onUnreachableCodePathSegmentEnd':
            this.top()?.current.delete(a as Segment);
            break;
          default:
            break;
        }
        continue;
      }
      const node = step.target as Node;
      if (step.phase === 1 && this.trackCalls && (node.type === T.CallExpression || node.type === T.NewExpression)) this.recordCall(node);
      const at = this.pending.get(node);
      if (!at) continue;
      for (const e of step.phase === 1 ? at.enter : at.exit) this.place(e);
    }
  }

  private place(e: MutableEvent<D>): void {
    const top = this.top();
    if (!top) return;
    e.owner = top.path.owner;
    e.segments = [...top.current];
    e.order = this.order++;
    for (const s of e.segments) this.itemsOf(top.path, s).push({ kind: 'event', e: e as FlowEvent<unknown> });
    this.events.push(e);
  }

  private top(): { path: PathInfo; current: Set<Segment> } | undefined {
    return this.stack[this.stack.length - 1];
  }

  /**
   * Record an event at the current position of the walk: the enter of `node`, unless `at` says where the
   * listener calling this runs (`{ exit: true }` from a `…:exit` listener of `node`, `{ node: other }` from a
   * listener of another node). In replay mode the event is placed when the steps are replayed, so its
   * position fields are filled at the end of the file.
   */
  record(node: Node, data: D, at: { readonly node?: Node; readonly exit?: boolean } = {}): FlowEvent<D> | null {
    if (this.steps) {
      const e: MutableEvent<D> = { node, data, owner: node, segments: [], order: -1 };
      const where = at.node ?? node;
      let list = this.pending.get(where);
      if (!list) this.pending.set(where, (list = { enter: [], exit: [] }));
      (at.exit ? list.exit : list.enter).push(e);
      return e;
    }
    const top = this.top();
    if (!top) return null;
    const e: FlowEvent<D> = { node, data, owner: top.path.owner, segments: [...top.current], order: this.order++ };
    for (const s of e.segments) this.itemsOf(top.path, s).push({ kind: 'event', e: e as FlowEvent<unknown> });
    this.events.push(e);
    return e;
  }

  get all(): readonly FlowEvent<D>[] {
    return this.events;
  }

  private itemsOf(path: PathInfo, s: Segment): Item[] {
    let list = path.items.get(s);
    if (!list) path.items.set(s, (list = []));
    return list;
  }

  private recordCall(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const top = this.top();
    if (!top) return;
    // cheap syntactic filter; the targets are resolved only if a query needs them
    const callee = unwrap(node.callee);
    const mayTarget =
      callee?.type === T.Identifier ||
      (callee?.type === T.MemberExpression &&
        (unwrap(callee.object)?.type === T.ThisExpression || this.file.userMethodNames().has(memberNameOf(callee)))) ||
      node.arguments.some((a) => isFunction(unwrap(a)));
    if (!mayTarget) return;
    const c: CallSite = { node, owner: top.path.owner, segments: [...top.current], order: this.order++ };
    for (const s of c.segments) this.itemsOf(top.path, s).push({ kind: 'call', c });
    this.calls.push(c);
  }

  /** Same-file functions a call runs: its target (`f()`, `this.m()`) and inline callbacks (`xs.forEach((x) => …)`). */
  private targetsOf(c: CallSite): readonly FunctionNode[] {
    if (c.targets) return c.targets;
    const targets: FunctionNode[] = [];
    const direct = c.node.type === T.NewExpression ? this.file.constructorOf(c.node) : callTarget(this.file, c.node);
    if (direct) targets.push(direct);
    for (const a of c.node.arguments) {
      const u = unwrap(a);
      if (isFunction(u)) targets.push(u);
    }
    c.targets = targets;
    return targets;
  }

  private callersOf(fn: FunctionNode): readonly CallSite[] {
    if (!this.callersMap) {
      const map = new Map<FunctionNode, CallSite[]>();
      for (const c of this.calls) {
        for (const t of this.targetsOf(c)) {
          let list = map.get(t);
          if (!list) map.set(t, (list = []));
          list.push(c);
        }
      }
      this.callersMap = map;
    }
    return this.callersMap.get(fn) ?? [];
  }

  // ------------------------------------------------------------------ queries

  /**
   * Can `b` run after `a` on some execution, with no blocking event in between?
   * Within one function this is exact on the code-path graph; across functions it follows
   * same-file call sites up from `a` (and constructor-before-methods).
   */
  mayPrecede(a: FlowEvent<D>, b: FlowEvent<D>, blocks: Blocks<D>, options: FlowOptions = {}): boolean {
    if (this.fromPoint(a.owner, a.segments, a.order, b, blocks, 0, new Set(), options.methodsInAnyOrder !== false)) return true;
    // a function created after `a` in `a`'s function and not called there (a method of the object it returns,
    // `return { fitPainted() { … } }`): every run of it comes after `a`
    const created = createdLater(a, b);
    if (!created || this.callersOf(created).length > 0) return false;
    const path = this.paths.get(b.owner);
    return !!path && (b.owner === created || contains(created, b.owner)) && this.search(path, [path.initial], -1, true, b, blocks, 0).found;
  }

  /** Is `b` reachable from the start of its own function with no blocking event on the way? */
  reachableFromStart(b: FlowEvent<D>, blocks: Blocks<D>): boolean {
    const path = this.paths.get(b.owner);
    return !!path && this.search(path, [path.initial], -1, true, b, blocks, 0).found;
  }

  /**
   * Can `a`'s function return (or fall off its end; throws do not count) after `a` with no blocking
   * event in between? Calls to same-file functions that block on every path block.
   */
  mayReturnWithout(a: FlowEvent<D>, blocks: Blocks<D>): boolean {
    const path = this.paths.get(a.owner);
    if (!path) return false;
    const never = { node: a.owner, data: undefined as D, owner: a.owner, segments: [], order: -2 } as FlowEvent<D>;
    return this.search(path, a.segments, a.order, false, never, blocks, 0, new Set(path.returned)).exits;
  }

  private fromPoint(
    owner: Node,
    segments: readonly Segment[],
    order: number,
    b: FlowEvent<D>,
    blocks: Blocks<D>,
    depth: number,
    seen: Set<Node>,
    anyOrder: boolean,
  ): boolean {
    const path = this.paths.get(owner);
    if (!path || depth > MAX_DEPTH) return false;
    const r = this.search(path, segments, order, false, b, blocks, depth);
    if (r.found) return true;
    if (!r.exits || seen.has(owner)) return false;
    seen.add(owner);
    // lift: continue after every call site of this function
    if (isFunction(owner)) {
      for (const c of this.callersOf(owner)) {
        if (this.fromPoint(c.owner, c.segments, c.order, b, blocks, depth + 1, seen, anyOrder)) return true;
      }
    }
    // a class's methods run after its constructor, and in an unknown order among themselves
    const member = classMemberOf(owner);
    if (member) {
      const bMember = classMemberOf(b.owner) ?? classMemberOfNode(b.node);
      const ordered = member.name === 'constructor' || anyOrder;
      if (ordered && bMember && bMember.cls === member.cls && bMember.fn !== member.fn && bMember.name !== 'constructor') {
        if (this.reachableWithinMember(bMember.fn, b, blocks)) return true;
      }
    }
    return false;
  }

  /** `b` runs in `memberFn` (directly or in a function it reaches) with no block from its start. */
  private reachableWithinMember(memberFn: FunctionNode, b: FlowEvent<D>, blocks: Blocks<D>): boolean {
    const path = this.paths.get(memberFn);
    return !!path && this.search(path, [path.initial], -1, true, b, blocks, 0).found;
  }

  /**
   * Search forward in one code path from (segments, after `order`) for `b` or a call that carries it.
   * `exits` tells whether the end of the function is reachable without a block.
   */
  private search(
    path: PathInfo,
    start: readonly Segment[],
    order: number,
    fromEntry: boolean,
    b: FlowEvent<D>,
    blocks: Blocks<D>,
    depth: number,
    exitsAt?: ReadonlySet<Segment>,
  ): { found: boolean; exits: boolean } {
    const visited = new Set<Segment>();
    const queue: { s: Segment; after: number }[] = start.map((s) => ({ s, after: fromEntry ? -1 : order }));
    let exits = false;
    const finals = exitsAt ?? new Set(path.final);
    while (queue.length > 0) {
      const { s, after } = queue.shift()!;
      if (after === -1) {
        if (visited.has(s)) continue;
        visited.add(s);
      }
      let blocked = false;
      for (const item of path.items.get(s) ?? []) {
        const o = item.kind === 'event' ? item.e.order : item.c.order;
        if (o <= after) continue;
        if (item.kind === 'event') {
          if (item.e === (b as FlowEvent<unknown>)) return { found: true, exits };
          if (blocks(item.e as FlowEvent<D>)) {
            blocked = true;
            break;
          }
        } else {
          const targets = this.targetsOf(item.c);
          if (targets.some((t) => this.carries(t, b, blocks, depth + 1, new Set()))) return { found: true, exits };
          if (targets.length === 1 && targets[0] && this.alwaysBlocks(targets[0], blocks, depth + 1, new Set())) {
            blocked = true;
            break;
          }
        }
      }
      if (blocked) continue;
      if (finals.has(s) || (!exitsAt && s.nextSegments.length === 0)) exits = true;
      for (const n of s.nextSegments) queue.push({ s: n, after: -1 });
    }
    return { found: false, exits };
  }

  /** Does calling `fn` run `b` (in `fn` or a same-file function it calls) on some path with no block first? */
  private carries(fn: FunctionNode, b: FlowEvent<D>, blocks: Blocks<D>, depth: number, seen: Set<FunctionNode>): boolean {
    if (depth > MAX_DEPTH || seen.has(fn) || !contains(fn, b.node)) return false;
    seen.add(fn);
    const path = this.paths.get(fn);
    return !!path && this.search(path, [path.initial], -1, true, b, blocks, depth).found;
  }

  /** Does every path through `fn` pass a blocking event (so a call to it blocks)? */
  private alwaysBlocks(fn: FunctionNode, blocks: Blocks<D>, depth: number, seen: Set<FunctionNode>): boolean {
    if (depth > MAX_DEPTH || seen.has(fn)) return false;
    seen.add(fn);
    const path = this.paths.get(fn);
    if (!path) return false;
    const never = { node: fn, data: undefined as D, owner: fn, segments: [], order: -2 } as FlowEvent<D>;
    return !this.search(path, [path.initial], -1, true, never, blocks, depth).exits;
  }
}

/**
 * The function that holds `b` and is defined directly in `a`'s function, after `a` in the source and outside
 * any loop there (so a run of it follows `a` on the path that created it), when it is a property value of an
 * object literal or a returned function; null otherwise.
 */
function createdLater<D>(a: FlowEvent<D>, b: FlowEvent<D>): FunctionNode | null {
  let fn: FunctionNode | null = null;
  for (let n: Node | undefined = b.node.parent; n && n !== a.owner; n = n.parent) if (isFunction(n)) fn = n;
  if (!fn || !isFunction(a.owner) || !contains(a.owner, fn) || fn.range[0] <= a.node.range[1]) return null;
  for (let n: Node | undefined = fn.parent; n && n !== a.owner; n = n.parent) {
    if (isFunction(n) || n.type === T.ForStatement || n.type === T.ForInStatement || n.type === T.ForOfStatement || n.type === T.WhileStatement || n.type === T.DoWhileStatement) return null;
  }
  const p = fn.parent;
  const inLiteral = p?.type === T.Property && p.value === fn && p.parent?.type === T.ObjectExpression;
  const returned = p?.type === T.ReturnStatement || (p?.type === T.ArrowFunctionExpression && p.body === fn);
  return inLiteral || returned ? fn : null;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

interface MemberInfo {
  readonly cls: ClassNode;
  readonly fn: FunctionNode;
  readonly name: string | null;
}

/** The class method a function is (directly), with its class. */
function classMemberOf(owner: Node): MemberInfo | null {
  if (!isFunction(owner)) return null;
  const p = owner.parent;
  if (!p || (p.type !== T.MethodDefinition && p.type !== T.PropertyDefinition) || p.value !== owner || p.static) {
    // a constructor function and its prototype methods (src/engine/es5-classes.ts)
    const es5 = es5MemberOf(owner);
    return es5 ? { cls: es5.cls, fn: owner, name: es5.name } : null;
  }
  const cls = p.parent?.parent;
  if (!cls || (cls.type !== T.ClassDeclaration && cls.type !== T.ClassExpression)) return null;
  const name = p.key.type === T.Identifier && !p.computed ? p.key.name : null;
  return { cls, fn: owner, name };
}

/** The class method that (lexically) contains a node, through nested arrows and callbacks. */
function classMemberOfNode(node: Node): MemberInfo | null {
  let n: Node | undefined = node.parent;
  while (n) {
    const m = classMemberOf(n);
    if (m) return m;
    n = n.parent;
  }
  return null;
}

function memberNameOf(m: TSESTree.MemberExpression): string {
  return memberName(m) ?? '';
}
