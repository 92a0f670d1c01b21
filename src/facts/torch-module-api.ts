/**
 * PyTorch `nn.Module` / optimizer member names that do not exist on tfjs objects, as data:
 *
 * - `MODULE_METHODS`: each PyTorch module method (snake_case and the camelCase spelling JS ports use),
 *   its tfjs replacement and its fix tier, with the reason for the tier. `test/semantics/module-api.test.ts`
 *   checks every name is undefined on a real Sequential, LayersModel, built-in layer and Layer subclass.
 *
 * The guards every "missing member" rule needs (so a user's own definitions are never reported) live in
 * src/engine/module-api.ts; the fixes and suggestions in src/fix/module-api.ts.
 */

/** What the rule offers for a PyTorch module method. */
export type ModuleFixTier =
  /** Autofix: the call always throws and its exact tfjs equivalent is known (see `why`). */
  | 'fix'
  /** Suggestion(s) only: the replacement changes behaviour or is not exactly equivalent. */
  | 'suggest';

export type ModuleApiGroup =
  | 'forward'
  | 'parameters'
  | 'stateDict'
  | 'loadStateDict'
  | 'device'
  | 'zeroGrad'
  | 'children'
  | 'countParams'
  | 'numParameters'
  | 'requiresGradCall';

export interface ModuleApiEntry {
  readonly group: ModuleApiGroup;
  /** The tfjs member to write instead (`null`: remove the call). */
  readonly replacement: string | null;
  readonly tier: ModuleFixTier;
  /** Why this tier: quoted by the docs' "Fix safety" section. */
  readonly why: string;
}

const entry = (group: ModuleApiGroup, replacement: string | null, tier: ModuleFixTier, why: string): ModuleApiEntry => ({
  group,
  replacement,
  tier,
  why,
});

const FORWARD = entry('forward', 'apply', 'suggest', 'apply(x) runs in inference mode; PyTorch forward() follows the module mode, so the right training flag is the user\'s choice');
const PARAMETERS = entry('parameters', 'trainableWeights', 'suggest', 'a property, not a method; it holds LayerVariables (`.read()` gives the tf.Variable) and tfjs `weights` also lists non-trainable weights such as BatchNorm moving stats');
const STATE_DICT = entry('stateDict', 'getWeights', 'suggest', 'getWeights() returns an ordered list of tensors, not a name-keyed dictionary');
const LOAD_STATE_DICT = entry('loadStateDict', 'setWeights', 'suggest', 'setWeights() takes an ordered list of tensors, not a name-keyed dictionary');
const DEVICE = entry('device', null, 'fix', 'the call always throws and tfjs has no per-model device (the backend is global: tf.setBackend), so the exact equivalent is nothing; only with no or literal arguments and no comments inside');
const ZERO_GRAD = entry('zeroGrad', null, 'suggest', 'tfjs never accumulates gradients so removing it is exact, but the surrounding backward()/step() loop needs a manual rewrite, and the report stays visible until then');
const CHILDREN = entry('children', 'layers', 'suggest', 'model.layers lists the direct layers only (PyTorch modules() is recursive and includes the module itself)');
const COUNT_PARAMS = entry('countParams', 'countParams', 'fix', 'Keras count_params() and tfjs countParams() both count every weight scalar (trainable and not) and both throw on an unbuilt layer');
const NUM_PARAMETERS = entry('numParameters', 'countParams', 'suggest', 'countParams() also counts non-trainable weights (BatchNorm moving stats), which PyTorch keeps as buffers');
const REQUIRES_GRAD_CALL = entry('requiresGradCall', 'trainable', 'suggest', 'setting trainable changes which weights train, which is the intent but a behaviour change');

/** PyTorch `nn.Module` methods (called as methods) that tfjs models and layers do not have. */
export const MODULE_METHODS: ReadonlyMap<string, ModuleApiEntry> = new Map<string, ModuleApiEntry>([
  ['forward', FORWARD],
  ['parameters', PARAMETERS],
  ['named_parameters', PARAMETERS],
  ['namedParameters', PARAMETERS],
  ['state_dict', STATE_DICT],
  ['stateDict', STATE_DICT],
  ['load_state_dict', LOAD_STATE_DICT],
  ['loadStateDict', LOAD_STATE_DICT],
  ['cuda', DEVICE],
  ['cpu', DEVICE],
  ['to', DEVICE],
  ['zero_grad', ZERO_GRAD],
  ['zeroGrad', ZERO_GRAD],
  ['children', CHILDREN],
  ['modules', CHILDREN],
  ['named_children', CHILDREN],
  ['named_modules', CHILDREN],
  ['namedChildren', CHILDREN],
  ['namedModules', CHILDREN],
  ['count_params', COUNT_PARAMS],
  ['num_parameters', NUM_PARAMETERS],
  ['numParameters', NUM_PARAMETERS],
  ['requires_grad_', REQUIRES_GRAD_CALL],
]);

/** PyTorch properties that tfjs models, layers and tensors do not have, and the tfjs property. */
export const MODULE_PROPERTIES: ReadonlyMap<string, string> = new Map([
  ['requires_grad', 'trainable'],
  ['requiresGrad', 'trainable'],
]);

/** PyTorch optimizer methods tfjs optimizers do not have (test/semantics/optimizer-api.test.ts). */
export const OPTIMIZER_METHODS: ReadonlySet<string> = new Set(['zeroGrad', 'zero_grad', 'step']);

/** PyTorch tensor autograd members tfjs tensors do not have (test/semantics/tensor-api.test.ts, test/semantics/optimizer-api.test.ts). */
export const TENSOR_AUTOGRAD_METHODS: ReadonlySet<string> = new Set(['backward']);
export const TENSOR_AUTOGRAD_PROPERTIES: ReadonlySet<string> = new Set(['grad']);
