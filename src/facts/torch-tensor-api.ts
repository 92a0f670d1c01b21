/**
 * PyTorch tensor API names and their tfjs 4.22 replacements: THE data tables behind
 * `no-torch-tensor-api`. The questions asked about the code live in src/engine/tensor-api.ts, the
 * planner that turns an entry into edits in src/fix/tensor-api.ts.
 *
 * Every name in `TORCH_TENSOR_METHODS` is `undefined` on a real tfjs tensor (or, for the `signature`
 * entries, throws / misbehaves with the PyTorch argument form); `test/semantics/tensor-api.test.ts`
 * checks each one, and `test/fixes/tensor-api-fix.test.ts` executes every autofix.
 *
 * Tiers: `fix` = autofix when the arguments are literal (else downgraded to a suggestion);
 * `suggest` = suggestions only; `report` = no edit (the replacement needs a human).
 */

export type FixTier = 'fix' | 'suggest' | 'report';

export type Edit =
  /** `t.m(args)` -> `t.to(args)`; `arity` lists accepted argument counts. */
  | { readonly type: 'rename'; readonly to: string; readonly arity: readonly number[] }
  /** `t.m(a, b)` / `t.m([a, b])` -> `t.to([a, b])` (PyTorch varargs shape -> one tfjs array). */
  | { readonly type: 'dims'; readonly to: string }
  /** `t.m(...)` -> `t` (device moves and layout no-ops). */
  | { readonly type: 'remove' }
  /** `t.m()` -> `t.to`; `t.m(d)` -> `t.to[d]` when `indexed`. */
  | { readonly type: 'property'; readonly to: string; readonly indexed?: boolean }
  /** Suggestions: `$r` is the receiver text, `$a` the argument texts. */
  | { readonly type: 'templates'; readonly texts: readonly string[]; readonly arity: readonly number[] };

export interface TorchTensorMethod {
  /** What to write in tfjs, for the message. */
  readonly advice: string;
  readonly tier: FixTier;
  readonly edit?: Edit;
  /** The call returns a tensor in PyTorch (so a chained call on it is still on a tensor). */
  readonly returnsTensor?: boolean;
}

const DEVICE_ADVICE = 'tfjs tensors have no device (the backend is global): remove the call';
const cast = (dtype: string, note = ''): TorchTensorMethod => ({
  advice: `Use \`cast('${dtype}')\`${note}`,
  tier: 'suggest',
  edit: { type: 'templates', texts: [`$r.cast('${dtype}')`], arity: [0] },
  returnsTensor: true,
});

/**
 * PyTorch tensor methods that do not exist on a tfjs tensor (test/semantics/tensor-api.test.ts). Autograd on tensors
 * (`backward()`, `.grad`) belongs to no-torch-optimizer-api (`TENSOR_AUTOGRAD_*` in
 * src/facts/torch-module-api.ts); the rule tests check the tables stay disjoint.
 */
export const TORCH_TENSOR_METHODS: ReadonlyMap<string, TorchTensorMethod> = new Map<string, TorchTensorMethod>([
  ['view', { advice: 'Use `reshape([...])` with the shape as one array', tier: 'fix', edit: { type: 'dims', to: 'reshape' }, returnsTensor: true }],
  ['permute', { advice: 'Use `transpose([...])` with the permutation as one array', tier: 'fix', edit: { type: 'dims', to: 'transpose' }, returnsTensor: true }],
  ['unsqueeze', { advice: 'Use `expandDims(axis)`', tier: 'fix', edit: { type: 'rename', to: 'expandDims', arity: [1] }, returnsTensor: true }],
  ['matmul', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['mm', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['bmm', { advice: 'Use `matMul(other)`', tier: 'fix', edit: { type: 'rename', to: 'matMul', arity: [1] }, returnsTensor: true }],
  ['clamp', { advice: 'Use `clipByValue(min, max)` (both bounds), or `maximum(min)` for a lower bound only', tier: 'fix', edit: { type: 'rename', to: 'clipByValue', arity: [2] }, returnsTensor: true }],
  ['clip', { advice: 'Use `clipByValue(min, max)` (both bounds), or `maximum(min)` for a lower bound only', tier: 'fix', edit: { type: 'rename', to: 'clipByValue', arity: [2] }, returnsTensor: true }],
  ['t', { advice: 'Use `transpose()`', tier: 'fix', edit: { type: 'rename', to: 'transpose', arity: [0] }, returnsTensor: true }],
  ['size', { advice: 'Use the `shape` property (`shape[d]` for `size(d)`); tfjs `size` is the element count', tier: 'fix', edit: { type: 'property', to: 'shape', indexed: true } }],
  ['dim', { advice: 'Use the `rank` property', tier: 'fix', edit: { type: 'property', to: 'rank' } }],
  ['ndimension', { advice: 'Use the `rank` property', tier: 'fix', edit: { type: 'property', to: 'rank' } }],
  ['numel', { advice: 'Use the `size` property (a number)', tier: 'fix', edit: { type: 'property', to: 'size' } }],
  ['nelement', { advice: 'Use the `size` property (a number)', tier: 'fix', edit: { type: 'property', to: 'size' } }],
  ['cpu', { advice: DEVICE_ADVICE, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['cuda', { advice: DEVICE_ADVICE, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['to', { advice: `${DEVICE_ADVICE} (or \`cast(dtype)\` for a dtype)`, tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['contiguous', { advice: 'tfjs tensors are always contiguous: remove the call', tier: 'fix', edit: { type: 'remove' }, returnsTensor: true }],
  ['detach', { advice: 'tfjs records gradients only inside `tf.grad`/`minimize`: remove the call', tier: 'suggest', edit: { type: 'remove' }, returnsTensor: true }],
  ['item', { advice: 'Use `dataSync()[0]` or `(await t.data())[0]`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.dataSync()[0]', '(await $r.data())[0]'], arity: [0] } }],
  ['numpy', { advice: 'Use `arraySync()` or `await t.array()`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.arraySync()', '(await $r.array())'], arity: [0] } }],
  ['tolist', { advice: 'Use `arraySync()` or `await t.array()`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.arraySync()', '(await $r.array())'], arity: [0] } }],
  ['float', { advice: "Use `cast('float32')` or `toFloat()`", tier: 'suggest', edit: { type: 'templates', texts: ["$r.cast('float32')", '$r.toFloat()'], arity: [0] }, returnsTensor: true }],
  ['int', cast('int32')],
  ['long', cast('int32', ' (tfjs has no int64)')],
  ['double', cast('float32', ' (tfjs has no float64)')],
  ['bool', cast('bool')],
  ['half', { advice: 'tfjs has no float16 dtype: keep float32', tier: 'report' }],
  ['type', { advice: 'Use `cast(dtype)`; read the dtype from the `dtype` property', tier: 'report' }],
  ['argmax', { advice: 'Use `argMax(axis)` (without an axis tfjs uses axis 0, PyTorch the flattened tensor)', tier: 'suggest', edit: { type: 'templates', texts: ['$r.argMax($a)'], arity: [1] }, returnsTensor: true }],
  ['argmin', { advice: 'Use `argMin(axis)` (without an axis tfjs uses axis 0, PyTorch the flattened tensor)', tier: 'suggest', edit: { type: 'templates', texts: ['$r.argMin($a)'], arity: [1] }, returnsTensor: true }],
  ['std', { advice: 'Use `tf.moments(t, axis).variance.sqrt()` (biased; PyTorch `std` is unbiased)', tier: 'report' }],
  ['var', { advice: 'Use `tf.moments(t, axis).variance` (biased; PyTorch `var` is unbiased)', tier: 'report' }],
  ['repeat', { advice: 'Use `tile([...])` (the reps array must have one entry per dimension)', tier: 'suggest', edit: { type: 'dims', to: 'tile' }, returnsTensor: true }],
  ['expand', { advice: 'Use `broadcastTo([...])` with the full target shape (no -1)', tier: 'suggest', edit: { type: 'dims', to: 'broadcastTo' }, returnsTensor: true }],
  ['flip', { advice: 'Use `reverse(axes)`', tier: 'suggest', edit: { type: 'templates', texts: ['$r.reverse($a)'], arity: [1] }, returnsTensor: true }],
  ['cat', { advice: 'Use `tf.concat([a, b], axis)`', tier: 'report' }],
  ['chunk', { advice: 'Use `split(n, axis)` (tfjs needs the size to divide evenly)', tier: 'report' }],
  ['index_select', { advice: 'Use `gather(indices, axis)` (arguments in the other order)', tier: 'report' }],
  ['masked_fill', { advice: 'Use `tf.where(mask, tf.fill(t.shape, value), t)`', tier: 'report' }],
]);

/**
 * tfjs methods that exist but where the PyTorch argument form is wrong (test/semantics/tensor-api.test.ts and
 * `test/semantics/tensor-api.test.ts`). Keyed by method; handled by the rule's signature checks.
 */
export const REDUCTIONS: ReadonlySet<string> = new Set(['sum', 'mean', 'max', 'min', 'prod', 'any', 'all', 'logSumExp']);

/** Methods whose PyTorch form `t.max(dim)` returns (values, indices); tfjs returns values only. */
export const TUPLE_REDUCTIONS: ReadonlyMap<string, string> = new Map([
  ['max', 'argMax'],
  ['min', 'argMin'],
]);

/** PyTorch tensor properties that are `undefined` on a tfjs tensor. */
export const TORCH_TENSOR_PROPERTIES: ReadonlyMap<string, { readonly advice: string; readonly replacement?: string }> = new Map([
  ['ndim', { advice: 'Use `rank`', replacement: 'rank' }],
  ['T', { advice: 'Use `transpose()`', replacement: 'transpose()' }],
  ['mT', { advice: 'Use `transpose(perm)` swapping the last two axes' }],
  ['requires_grad', { advice: 'Use `tf.variable(t, trainable)`; gradients come from `tf.grad`/`optimizer.minimize`' }],
  ['is_cuda', { advice: 'tfjs tensors have no device; use `tf.getBackend()`' }],
  ['device', { advice: 'tfjs tensors have no device; use `tf.getBackend()`' }],
]);

/**
 * PyTorch module-level functions written on the tfjs namespace (`tf.cat(...)`): `undefined` in tfjs,
 * and the argument order matches the tfjs function, so a rename is exact.
 */
export const TORCH_FUNCTIONS: ReadonlyMap<string, { readonly to: string; readonly arity: readonly number[] }> = new Map([
  ['cat', { to: 'concat', arity: [1, 2] }],
  ['matmul', { to: 'matMul', arity: [2] }],
  ['mm', { to: 'matMul', arity: [2] }],
  ['bmm', { to: 'matMul', arity: [2] }],
  ['unsqueeze', { to: 'expandDims', arity: [2] }],
  ['clamp', { to: 'clipByValue', arity: [3] }],
  ['permute', { to: 'transpose', arity: [2] }],
]);

/** Advice for in-place PyTorch methods that are not an op on the tensor's values. */
export const IN_PLACE_ADVICE: ReadonlyMap<string, string> = new Map([
  ['requires_grad_', 'Make a variable instead: `tf.variable(t, trainable)`'],
  ['detach_', 'tfjs records gradients only inside `tf.grad`/`minimize`: remove the call'],
  ['copy_', 'Use `v.assign(src)` on a tf.Variable, or keep `src` itself (tensors are immutable)'],
]);

/** PyTorch device strings: `t.to(<one of these>)` is a pure device move (anything else may be a dtype). */
export const TORCH_DEVICE_STRING = /^(cpu|cuda(:\d+)?|mps|xla|meta)$/;
