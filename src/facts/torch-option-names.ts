/**
 * PyTorch and Python-Keras option names → tfjs option names, per option family, and the names with no
 * tfjs equivalent. Used by no-unknown-options (layers, inputs, models, compile/fit/…) and
 * no-optimizer-options-object (tf.train factories). The keys tfjs accepts come from the generated
 * `tfjs-options.ts`; every effect quoted here is measured in `test/semantics/unknown-options.test.ts`
 * and every rename is executed (training included) in `test/fixes/unknown-options-fix.test.ts`.
 */

/** A rename: the tfjs key (or keys, for `affine: false` → `center`/`scale`) an ignored key stands for. */
export interface OptionRename {
  /** The tfjs key(s). A rename is offered only where the target is a key of the call's args type. */
  readonly to: readonly string[];
  /** Only for a literal value (`affine: false` maps; `affine: true` is the tfjs default already). */
  readonly onlyValue?: boolean | number | string;
}

/**
 * Explicit PyTorch / Python-Keras names. Applied in order; the first whose target keys all belong to
 * the call's args type wins. snake_case keys whose camelCase form is a tfjs key need no entry here
 * (`kernel_initializer` → `kernelInitializer`, `batch_size` → `batchSize`, …).
 */
export const OPTION_RENAMES: Readonly<Record<string, readonly OptionRename[]>> = {
  stride: [{ to: ['strides'] }],
  p: [{ to: ['rate'] }],
  bias: [{ to: ['useBias'] }],
  dilation: [{ to: ['dilationRate'] }],
  eps: [{ to: ['epsilon'] }],
  negative_slope: [{ to: ['alpha'] }],
  negativeSlope: [{ to: ['alpha'] }],
  kernel_size: [{ to: ['kernelSize'] }, { to: ['poolSize'] }],
  kernelSize: [{ to: ['poolSize'] }],
  pool_size: [{ to: ['poolSize'] }],
  affine: [{ to: ['center', 'scale'], onlyValue: false }],
  out_channels: [{ to: ['filters'] }],
  out_features: [{ to: ['units'] }],
  hidden_size: [{ to: ['units'] }],
  num_embeddings: [{ to: ['inputDim'] }],
  embedding_dim: [{ to: ['outputDim'] }],
  dim: [{ to: ['axis'] }],
  input_shape: [{ to: ['inputShape'] }, { to: ['shape'] }],
  inputShape: [{ to: ['shape'] }],
  batch_shape: [{ to: ['batchShape'] }],
  nb_epoch: [{ to: ['epochs'] }],
};

/** Names with no tfjs equivalent, and what to do instead. `removable`: tfjs already does what the value asks. */
export interface NoEquivalent {
  readonly advice: string;
  /** Removing the key changes nothing and loses no intent: an autofix. `true` for any value, or only this literal. */
  readonly removable?: true | string;
  /** Only in these args types (the learning-rate names mean something else outside `compile`). */
  readonly types?: readonly string[];
}

export const NO_EQUIVALENT: Readonly<Record<string, NoEquivalent>> = {
  num_layers: { advice: 'stack that many recurrent layers (`returnSequences: true` on all but the last)' },
  bidirectional: { advice: 'wrap the layer: `tf.layers.bidirectional({layer: …})`' },
  batch_first: { advice: 'tfjs recurrent layers always take [batch, time, features]', removable: true },
  padding_mode: { advice: "tfjs layers pad with zeros only: for 'reflect' pad the input with tf.mirrorPad", removable: 'zeros' },
  in_features: { advice: 'tfjs infers the input size from the input', removable: true },
  in_channels: { advice: 'tfjs infers the input channels from the input', removable: true },
  num_features: { advice: 'tfjs infers the feature count from the input', removable: true },
  input_size: { advice: 'tfjs infers the input size from the input', removable: true },
  inplace: { advice: 'tfjs never computes in place', removable: true },
  track_running_stats: { advice: 'tfjs always tracks the moving statistics', removable: true },
  padding_idx: { advice: 'tfjs has no padding index; `maskZero: true` masks index 0 in later layers but still trains its vector' },
  groups: { advice: 'tfjs convolutions are never grouped: use depthwiseConv2d for groups = channels' },
  lr: { advice: "an optimizer name keeps its default learning rate (0.01 for 'sgd'): pass an optimizer such as `tf.train.sgd(0.5)`", types: ['ModelCompileArgs'] },
  learning_rate: { advice: "an optimizer name keeps its default learning rate (0.01 for 'sgd'): pass an optimizer such as `tf.train.sgd(0.5)`", types: ['ModelCompileArgs'] },
  learningRate: { advice: "an optimizer name keeps its default learning rate (0.01 for 'sgd'): pass an optimizer such as `tf.train.sgd(0.5)`", types: ['ModelCompileArgs'] },
};

/**
 * What tfjs does instead when the key a PyTorch name stands for is missing, per target key (for messages).
 * Measured in `test/semantics/unknown-options.test.ts`.
 */
export const MISSING_EFFECT: Readonly<Record<string, string>> = {
  rate: 'rate stays NaN, so nothing is ever dropped',
  strides: 'the stride stays the default (1 for convolutions, poolSize for pooling)',
  useBias: 'the bias is kept',
  dilationRate: 'the dilation stays 1',
  epsilon: 'epsilon stays 1e-3',
  alpha: 'alpha stays 0.3',
  poolSize: 'it pools 2×2 (2 in 1D)',
  center: 'beta and gamma are kept and trained',
  validationSplit: 'there is no validation at all',
  validationData: 'there is no validation at all',
  batchSize: 'batches of 32 are used',
  epochs: 'it trains for 1 epoch',
  axis: 'the axis stays the default (-1, channels-last)',
  kernelInitializer: 'the default initializer is used',
  returnSequences: 'only the last step is returned',
  kernelSize: "the layer throws \"required key 'kernelSize' not in config\"",
  filters: 'the layer throws "expected config.filters to be a \'number\' > 0"',
  units: 'the layer throws "Expected units to be a positive integer"',
  inputDim: 'the layer throws "Expected inputDim to be a positive integer"',
  outputDim: 'the layer throws "Expected outputDim to be a positive integer"',
  shape: 'tf.input throws "Please provide to Input either a `shape` or a `batchShape`"',
  inputShape: 'a first Sequential layer throws "must get an `inputShape` or `batchInputShape` argument"',
};

/**
 * tfjs 4.22 has no gradient for dilation > 1 in these layers' kernels: with `dilationRate` they build
 * and predict, then throw in the first training step.
 */
/** Layers whose `dilationRate` tfjs 4.22 never applies (the output is the undilated one, so they train). */
export const DILATION_IGNORED: ReadonlySet<string> = new Set(['depthwiseConv2d', 'conv2dTranspose', 'conv3dTranspose']);

export const DILATION_UNTRAINABLE: ReadonlySet<string> = new Set(['conv1d', 'conv2d', 'conv3d', 'separableConv2d', 'convLstm2d']);

// ---------------------------------------------------------------- positional arguments

/**
 * Layer factories that stay silent when given a number instead of their config object (PyTorch's
 * `nn.Dropout(0.2)` habit): the number is never read and every option keeps its default. `key`: the
 * option the PyTorch positional argument stands for, when tfjs has it under the same meaning; `effect`:
 * what tfjs does instead. Every other factory throws on a number (loud, not reported). Measured for every
 * factory in `test/semantics/unknown-options.test.ts`.
 */
export const SILENT_POSITIONAL: Readonly<Record<string, { readonly key?: string; readonly effect?: string }>> = {
  activation: {},
  add: {},
  alphaDropout: { key: 'rate', effect: 'rate stays undefined' },
  average: {},
  batchNormalization: { effect: 'tfjs infers the feature count from the input' },
  categoryEncoding: {},
  centerCrop: {},
  concatenate: { effect: 'the axis stays -1 (channels-last: PyTorch dim=1 on images is tfjs axis -1)' },
  dot: {},
  dropout: { key: 'rate', effect: 'rate stays NaN, so nothing is ever dropped' },
  elu: { key: 'alpha', effect: 'alpha stays 1' },
  flatten: { effect: 'tfjs always flattens every axis but the batch axis' },
  gaussianDropout: { key: 'rate', effect: 'rate stays undefined' },
  gaussianNoise: { key: 'stddev', effect: 'stddev stays undefined' },
  globalAveragePooling1d: {},
  globalAveragePooling2d: {},
  globalMaxPool1d: {},
  globalMaxPool2d: {},
  globalMaxPooling1d: {},
  globalMaxPooling2d: {},
  layerNormalization: { effect: 'tfjs infers the normalized shape from the input' },
  leakyReLU: { key: 'alpha', effect: 'alpha stays 0.3' },
  masking: {},
  maximum: {},
  minimum: {},
  multiply: {},
  prelu: {},
  reLU: {},
  repeatVector: {},
  rescaling: {},
  resizing: {},
  softmax: { effect: 'the axis stays the default' },
  spatialDropout1d: { key: 'rate', effect: 'rate stays NaN, so nothing is ever dropped' },
  stackedRNNCells: {},
  thresholdedReLU: { key: 'theta', effect: 'theta stays 1' },
  timeDistributed: {},
  upSampling2d: {},
  zeroPadding2d: {},
};

// ---------------------------------------------------------------- optimizers

/** PyTorch / Keras names of optimizer options → the tfjs positional parameter name. */
export const OPTIMIZER_KEY_ALIASES: Readonly<Record<string, string>> = {
  lr: 'learningRate',
  learning_rate: 'learningRate',
  eps: 'epsilon',
  beta_1: 'beta1',
  beta_2: 'beta2',
  nesterov: 'useNesterov',
  use_nesterov: 'useNesterov',
  initial_accumulator_value: 'initialAccumulatorValue',
};

/**
 * Optimizer options with no tfjs equivalent, and what to do instead. Spliced into a rule message after
 * its first sentence: test/messages.test.ts keeps every entry within the message limit.
 */
export const OPTIMIZER_NO_EQUIVALENT: Readonly<Record<string, string>> = {
  weight_decay: 'tfjs has no weight decay: add an L2 `kernelRegularizer` to the layers',
  weightDecay: 'tfjs has no weight decay: add an L2 `kernelRegularizer` to the layers',
  decay: 'tfjs has no learning-rate decay: change the learning rate in a callback',
  amsgrad: 'tfjs has no AMSGrad variant of adam',
  clipnorm: 'tfjs does not clip: clip the gradients yourself before applyGradients',
  clipvalue: 'tfjs does not clip: clip the gradients (tf.clipByValue) before applyGradients',
  global_clipnorm: 'tfjs does not clip: clip the gradients yourself before applyGradients',
  dampening: 'tfjs momentum has no dampening',
  maximize: 'tfjs optimizers always minimize: negate the loss',
  foreach: 'tfjs has no foreach implementation switch',
  capturable: 'tfjs has no capturable switch',
  differentiable: 'tfjs has no differentiable switch',
  fused: 'tfjs has no fused switch',
  lr_decay: 'tfjs adagrad has no learning-rate decay',
  alpha: "tfjs rmsprop calls PyTorch's smoothing constant `decay`",
};

/** PyTorch's `betas: [b1, b2]` pair → tfjs `beta1`, `beta2`. */
export const BETAS_KEY = 'betas';
