/**
 * no-divergent-defaults engine: does a file show it is a PyTorch port, and which tfjs defaults that
 * PyTorch does not share does a layer or optimizer call rely on (src/facts/torch-defaults.ts).
 */
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { calledMember, findProperty, memberName, propertyKeyName, unwrap, type Node } from './ast.js';
import { layerCallName } from './layer-config.js';
import type { FileIndex } from './resolver.js';
import { GRU_LAYERS, LAYER_DEFAULTS, OPTIMIZER_DEFAULTS, type LayerDefault, type OptimizerDefault } from '../facts/torch-defaults.js';

/**
 * PyTorch named in a comment or a string: `nn.LSTM`, `torch.load`, `state_dict`, a `.pt`/`.pth` file
 * (not followed by a path or a longer name, so `site.pt/page` and `x.pth.json` do not count).
 */
const TORCH_MENTION = /\bnn\.[A-Z][A-Za-z0-9]+|\btorch\.[a-z_]|\b(?:load_)?state_dict\b|\w\.pth?\b(?![\w/.-])/;

const mentions = new WeakMap<FileIndex, boolean>();

/** True when a comment or a string literal of the file names PyTorch (cached per file). */
export function mentionsTorch(file: FileIndex): boolean {
  let m = mentions.get(file);
  if (m === undefined) {
    const sc = file.sourceCode;
    m =
      TORCH_MENTION.test(sc.text) &&
      (sc.getAllComments().some((c) => TORCH_MENTION.test(c.value)) ||
        (sc.ast.tokens ?? []).some((t) => (t.type === 'String' || t.type === 'Template') && TORCH_MENTION.test(t.value)));
    mentions.set(file, m);
  }
  return m;
}

/**
 * `model.setWeights(w)` / `layer.setWeights(w)` / `model.loadWeights(map)` on a tfjs model or layer:
 * weights that come from outside. Copying another tfjs model's weights (`target.setWeights(model.getWeights())`,
 * common in reinforcement learning) does not count, and neither does `tf.io.loadWeights` (the
 * tfjs-converter format, in practice TensorFlow checkpoints: @magenta/music loads its GANSynth weights
 * that way, and Keras defaults are right for them).
 */
export function loadsWeightsFromOutside(file: FileIndex, call: TSESTree.CallExpression): boolean {
  const m = calledMember(call);
  if (m && (m.name === 'setWeights' || m.name === 'loadWeights')) {
    if (!file.isModelOrLayer(m.member.object)) return false;
    const arg = unwrap(call.arguments[0]);
    if (!arg) return false;
    const source = arg.type === T.Identifier ? constInit(file, arg) : arg;
    return !source || !file.sourceCode.getText(source).includes('getWeights');
  }
  return false;
}

/**
 * `layer.setWeights(pretrained.layers[i].getWeights())` with `pretrained` a loaded model
 * (`tf.loadLayersModel(…)`): the layer's initial weights are replaced by loaded ones, so its initializers do
 * not matter, even though copying between tfjs models says nothing about where the weights came from.
 */
export function copiesLoadedWeights(file: FileIndex, call: TSESTree.CallExpression): boolean {
  const m = calledMember(call);
  if (m?.name !== 'setWeights' || !file.isModelOrLayer(m.member.object)) return false;
  let arg = unwrap(call.arguments[0]);
  if (arg?.type === T.Identifier) arg = unwrap(constInit(file, arg) as Node | null);
  const read = arg?.type === T.CallExpression ? calledMember(arg) : null;
  if (read?.name !== 'getWeights') return false;
  // `pretrained`, `pretrained.layers[i]`, `pretrained.getLayer('conv1')`
  let root: Node | null | undefined = unwrap(read.member.object);
  for (let i = 0; i < 4 && root; i++) {
    if (root.type === T.MemberExpression && root.computed && unwrap(root.object)?.type === T.MemberExpression && memberName(unwrap(root.object) as TSESTree.MemberExpression) === 'layers') {
      root = unwrap((unwrap(root.object) as TSESTree.MemberExpression).object);
    } else if (root.type === T.CallExpression && calledMember(root)?.name === 'getLayer') {
      root = unwrap(calledMember(root)!.member.object);
    } else break;
  }
  const info = root ? file.kindOf(root) : null;
  return info?.kind === 'model' && (info.name === 'LayersModel' || info.name === 'GraphModel') && !!info.origin && LOADERS.has(file.calleePath(info.origin as TSESTree.CallExpression)?.join('.') ?? '');
}

const LOADERS: ReadonlySet<string> = new Set(['loadLayersModel', 'models.modelFromJSON']);

function constInit(file: FileIndex, id: TSESTree.Identifier): TSESTree.Node | null {
  const v = file.variableOf(id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id !== def.name) return null;
  return v!.references.some((r) => r.isWrite() && r.writeExpr !== def.node.init) ? null : def.node.init;
}

export type DefaultCandidate =
  | { readonly kind: 'layer'; readonly call: TSESTree.CallExpression; readonly factory: string; readonly config: TSESTree.ObjectExpression | null; readonly defaults: readonly LayerDefault[] }
  | { readonly kind: 'gru'; readonly call: TSESTree.CallExpression; readonly factory: string }
  | { readonly kind: 'optimizer'; readonly call: TSESTree.CallExpression; readonly factory: string; readonly default: OptimizerDefault };

/** Whether every key of a literal config is static and no spread hides keys. */
function staticKeys(config: TSESTree.ObjectExpression): boolean {
  return config.properties.every((p) => p.type === T.Property && propertyKeyName(p) !== null);
}

/** The divergent defaults a tfjs layer-factory or optimizer call relies on; null when none or unknown. */
export function divergentDefaults(file: FileIndex, call: TSESTree.CallExpression): DefaultCandidate | null {
  const args = call.arguments;
  if (args.some((a) => a.type === T.SpreadElement)) return null;
  const factory = layerCallName(file, call);
  if (factory !== null) {
    const defaults = LAYER_DEFAULTS.get(factory);
    if (!defaults && !GRU_LAYERS.has(factory)) return null;
    if (args.length > 1) return null; // positional PyTorch habits are no-unknown-options' job
    const arg = unwrap(args[0]);
    if (arg && arg.type !== T.ObjectExpression) return null; // a config held elsewhere: keys unknown
    const config = arg ?? null;
    if (config && !staticKeys(config)) return null;
    if (!defaults) return findProperty(config, 'resetAfter') ? null : { kind: 'gru', call, factory };
    const missing = defaults.filter((d) => ![d.key, ...d.foreignKeys].some((k) => findProperty(config, k)));
    return missing.length > 0 ? { kind: 'layer', call, factory, config, defaults: missing } : null;
  }
  const p = file.calleePath(call);
  if (!p || p.length !== 2 || p[0] !== 'train') return null;
  const d = OPTIMIZER_DEFAULTS.get(p[1]!);
  // an options object is no-optimizer-options-object's report
  if (!d || args.length > d.index || args.some((a) => unwrap(a)?.type === T.ObjectExpression)) return null;
  return { kind: 'optimizer', call, factory: p[1]!, default: d };
}
