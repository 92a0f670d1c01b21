/**
 * What an argument provably holds when it is passed where tfjs expects a variable list or a flag:
 * `optimizer.minimize(f, returnCost?, varList?)` takes the list THIRD (test/semantics/misplaced-var-list.test.ts).
 *
 * `varListShape(tf, expr)` answers only for expressions that are provably not booleans:
 * - `'layer-variables'`: `.trainableWeights` / `.weights` / `.nonTrainableWeights` of a proven tfjs
 *   model or layer. These are LayerVariables, which `minimize`/`variableGrads` reject ("must be an array
 *   of variables"); `.map((v) => v.read())` gives the tf.Variables.
 * - `'maybe-layer-variables'`: the same property names on a receiver we cannot see.
 * - `'array'`: an array literal, `.getWeights()` (tf.Variables for models and layers), array-returning
 *   methods (`map`, `filter`, `slice`, `concat`, …), `Array.from`, `Object.values`.
 * - `'tensor'`: one tfjs tensor / variable (a truthy object, not a list).
 * Identifiers resolve through `const` (or single-assignment) bindings and `this.<field>` writes.
 * Anything else, including every boolean-looking expression, is `null` (never reported).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import { calledMember, memberName, unwrap, type Node } from './ast.js';
import { thisClass, type FileIndex } from './resolver.js';

export type VarListShape = 'layer-variables' | 'maybe-layer-variables' | 'array' | 'tensor';

const LAYER_VARIABLE_LISTS: ReadonlySet<string> = new Set(['trainableWeights', 'weights', 'nonTrainableWeights']);
const ARRAY_METHODS: ReadonlySet<string> = new Set(['map', 'filter', 'slice', 'concat', 'flat', 'flatMap', 'toSorted', 'toReversed', 'getWeights']);

export function varListShape(file: FileIndex, expr: Node | null | undefined, depth = 0): VarListShape | null {
  const n = unwrap(expr);
  if (!n || depth > 4) return null;
  switch (n.type) {
    case T.ArrayExpression:
      return 'array';
    case T.MemberExpression: {
      const name = memberName(n);
      if (name === null || !LAYER_VARIABLE_LISTS.has(name)) break;
      const k = file.kindOf(n.object);
      if (k && !k.promise && (k.kind === 'model' || k.kind === 'layer')) return 'layer-variables';
      if (k) return null; // a known tfjs value of another kind: not a weight list
      // a user class's own `this.weights = [...]` field
      const obj = unwrap(n.object);
      if (obj?.type === T.ThisExpression) {
        const cls = thisClass(obj);
        const writes = cls ? (file.fieldOf(cls, name)?.writes ?? []) : [];
        if (writes.length > 0) return agree(writes.map((w) => varListShape(file, w, depth + 1)));
        const ck = cls ? file.classKind(cls) : null;
        if (ck && (ck.kind === 'model' || ck.kind === 'layer')) return 'layer-variables';
      }
      return 'maybe-layer-variables';
    }
    case T.CallExpression: {
      const m = calledMember(n);
      if (m && ARRAY_METHODS.has(m.name)) {
        if (m.name === 'getWeights') {
          const k = file.kindOf(m.member.object);
          return !k || k.kind === 'model' || k.kind === 'layer' ? 'array' : null;
        }
        return 'array';
      }
      const obj = m ? unwrap(m.member.object) : null;
      const global = obj?.type === T.Identifier ? file.variableOf(obj) : undefined;
      if (m && obj?.type === T.Identifier && (global === null || global?.defs.length === 0)) {
        if ((obj.name === 'Array' && (m.name === 'from' || m.name === 'of')) || (obj.name === 'Object' && m.name === 'values')) {
          return 'array';
        }
      }
      break;
    }
    case T.Identifier: {
      const v = file.variableOf(n);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!v || !def || def.type !== 'Variable' || def.node.id !== def.name) break;
      const writes = v.references.filter((r) => r.isWrite());
      const isConst = def.node.parent?.type === T.VariableDeclaration && def.node.parent.kind === 'const';
      if (!def.node.init || (!isConst && writes.length !== 1)) break;
      return varListShape(file, def.node.init, depth + 1);
    }
    default:
      break;
  }
  const k = file.kindOf(n);
  return k && !k.promise && k.kind === 'tensor' ? 'tensor' : null;
}

function agree(shapes: readonly (VarListShape | null)[]): VarListShape | null {
  const first = shapes[0] ?? null;
  return shapes.every((s) => s === first) ? first : null;
}
