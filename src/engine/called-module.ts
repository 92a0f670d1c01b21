/**
 * PyTorch's `model(x)` / Keras's `Dense(10)(x)` in tfjs: is a callee a tfjs model or layer? The cheap
 * answers come first, so that the resolution behind the last one runs only for callees that may be one:
 * a method of the class itself (`this.helper(x)`), a name that is a method of JavaScript built-ins or tfjs
 * objects (`o.concat(x)`, `o.predict(x)`: src/facts/method-names.ts), and a value from a module that never
 * makes a model or layer (`importMayGiveModel`). On the corpus these spared a third of the plugin's time
 * (docs/performance.md, "Night of 6 Dec").
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, type Node } from './ast.js';
import { importMayGiveModel } from './modules.js';
import type { FileIndex } from './resolver.js';
import { METHOD_ONLY_NAMES } from '../facts/method-names.js';

/** The kind of a callee that is a tfjs model or layer (not a Promise of one), or null. */
export function calledModuleKind(file: FileIndex, callee: Node): 'model' | 'layer' | null {
  const self = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
  const name = callee.type === T.MemberExpression ? memberName(callee as TSESTree.MemberExpression) : null;
  // `this.model = this.model()` with a `model()` method of the class: the call runs the user's method
  if (self?.type === T.ThisExpression && name !== null && file.methodOfThis(self, name)) return null;
  if (name !== null && METHOD_ONLY_NAMES.has(name)) return null;
  if (!importMayGiveModel(file, callee)) return null;
  const info = file.kindOf(callee);
  return info && !info.promise && (info.kind === 'model' || info.kind === 'layer') ? info.kind : null;
}
