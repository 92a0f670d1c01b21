/**
 * PyTorch's `model(x)` / Keras's `Dense(10)(x)` in tfjs: is a callee a tfjs model or layer? The cheap
 * answers come first, so that the resolution behind the last one runs only for callees that may be one:
 * a method of the class itself (`this.helper(x)`), a name that is a method of JavaScript built-ins or tfjs
 * objects (`o.concat(x)`, `o.predict(x)`: src/facts/method-names.ts), and a value from a module that never
 * makes a model or layer (`importMayGiveModel`). On the corpus these spared a third of the plugin's time
 * (docs/performance.md, "Night of 6 Dec"). Before all of them, once per file: a file where no model or
 * layer can arrive (`fileMayHoldModels`) asks nothing.
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrap, type Node } from './ast.js';
import { isAbsolute } from 'node:path';
import { importMayGiveModel } from './modules.js';
import { EXPORT_TEXT, importersOf, moduleMakesModels, resolveModule, specifiersOfFile, textMayHoldModels } from './module-resolve.js';
import type { FileIndex } from './resolver.js';
import { METHOD_ONLY_NAMES } from '../facts/method-names.js';

/** The kind of a callee that is a tfjs model or layer (not a Promise of one), or null. */
export function calledModuleKind(file: FileIndex, callee: Node): 'model' | 'layer' | null {
  if (!fileMayHoldModels(file)) return null;
  const self = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
  const name = callee.type === T.MemberExpression ? memberName(callee as TSESTree.MemberExpression) : null;
  // `this.model = this.model()` with a `model()` method of the class: the call runs the user's method
  if (self?.type === T.ThisExpression && name !== null && file.methodOfThis(self, name)) return null;
  if (name !== null && METHOD_ONLY_NAMES.has(name)) return null;
  // `tf.loadGraphModel(url)`, `tf.layers.dense(cfg)`: a function of the tfjs API (paths are computed once per node)
  if (file.pathOf(callee) !== null) return null;
  if (!importMayGiveModel(file, callee)) return null;
  const info = file.kindOf(callee);
  return info && !info.promise && (info.kind === 'model' || info.kind === 'layer') ? info.kind : null;
}

const mayHold = new WeakMap<FileIndex, boolean>();

/**
 * Can any value of this file be a tfjs model or layer, as far as the engine can follow values? Only if
 * one is made, loaded, picked or declared here (`textMayHoldModels`: `tf.sequential(`, `tf.layers`,
 * `: tf.LayersModel`, …), a configured wrapper module is named, a module it imports relatively may give
 * one (`moduleMakesModels`: its text or its own imports, two levels), or a module that imports it may
 * (its parameters and constructor arguments come from there). Anything else the resolver could follow
 * starts at one of those, so `kindOf` would answer null for every callee of the file.
 */
export function fileMayHoldModels(file: FileIndex): boolean {
  let result = mayHold.get(file);
  if (result === undefined) mayHold.set(file, (result = computeMayHold(file)));
  return result;
}

function computeMayHold(file: FileIndex): boolean {
  const text = file.sourceCode.text;
  if (textMayHoldModels(text) || file.settings.modules.some((m) => text.includes(m))) return true;
  const path = file.filename;
  // without a path on disk no other module is read: the text is all the resolver sees
  if (!path || !isAbsolute(path)) return false;
  for (const s of specifiersOfFile(path, text)) {
    const target = resolveModule(path, s);
    if (target && target !== path && moduleMakesModels(target)) return true;
  }
  // a module that exports nothing gets no arguments from other modules
  return EXPORT_TEXT.test(text) && importersOf(path).some((p) => p !== path && moduleMakesModels(p));
}
