/**
 * tfjs 4.22 defaults that differ from PyTorch's, as data (one table per fact family). Every tfjs value
 * here is re-measured by `test/semantics/divergent-defaults.test.ts` on the real tfjs CPU backend, and
 * every suggestion built from it is executed by `test/fixes/divergent-defaults-fix.test.ts`.
 */

/** When a divergent default changes a port's result. */
export type Matters =
  /** the forward pass itself: wrong outputs even with PyTorch weights loaded */
  | 'forward'
  /** only the initial weights: matters when training from scratch, not when PyTorch weights are loaded */
  | 'init';

export interface LayerDefault {
  /** tfjs config key. */
  readonly key: string;
  /** Source text of the tfjs default (writing it keeps behaviour). */
  readonly tfjs: string;
  /** Source text of the PyTorch value, or `null` when it needs a tfjs reference (`torchInit`). */
  readonly torch: string | null;
  /** For initializers: `tf.initializers.<path>(<args>)` that reproduces PyTorch's initialization. */
  readonly torchInit?: { readonly path: readonly string[]; readonly args: string };
  /** PyTorch's name for the value, for messages: `sigmoid`, `eps=1e-5`. */
  readonly torchText: string;
  /** The PyTorch module the tfjs layer replaces. */
  readonly torchModule: string;
  readonly matters: Matters;
  /**
   * Keys that also set this value under a PyTorch / Python-Keras name (`eps`, `negative_slope`):
   * `no-unknown-options` reports those (tfjs ignores them), so this rule stays quiet when one is present.
   */
  readonly foreignKeys: readonly string[];
}

const recurrentActivation = (torchModule: string): LayerDefault => ({
  key: 'recurrentActivation',
  tfjs: `'hardSigmoid'`,
  torch: `'sigmoid'`,
  torchText: 'sigmoid gates',
  torchModule,
  matters: 'forward',
  foreignKeys: ['recurrent_activation'],
});

const epsilon = (torchModule: string): LayerDefault => ({
  key: 'epsilon',
  tfjs: '1e-3',
  torch: '1e-5',
  torchText: 'eps=1e-5',
  torchModule,
  matters: 'forward',
  foreignKeys: ['eps'],
});

/** PyTorch Linear/Conv `kaiming_uniform_(a=√5)`: U(±1/√fan_in) = VarianceScaling(1/3, fanIn, uniform). */
const kernelInitializer = (torchModule: string): LayerDefault => ({
  key: 'kernelInitializer',
  tfjs: `'glorotNormal'`,
  torch: null,
  torchInit: { path: ['initializers', 'varianceScaling'], args: `{scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'}` },
  torchText: 'kaiming_uniform(a=√5), U(±1/√fan_in)',
  torchModule,
  matters: 'init',
  foreignKeys: ['kernel_initializer'],
});

/** `tf.layers.<factory>` → the defaults it relies on that PyTorch's module does not share. */
export const LAYER_DEFAULTS: ReadonlyMap<string, readonly LayerDefault[]> = new Map([
  ['lstm', [recurrentActivation('nn.LSTM')]],
  ['lstmCell', [recurrentActivation('nn.LSTMCell')]],
  [
    'leakyReLU',
    [{ key: 'alpha', tfjs: '0.3', torch: '0.01', torchText: 'negative_slope=0.01', torchModule: 'nn.LeakyReLU', matters: 'forward', foreignKeys: ['negative_slope', 'negativeSlope'] }],
  ],
  ['batchNormalization', [epsilon('nn.BatchNorm*d')]],
  ['layerNormalization', [epsilon('nn.LayerNorm')]],
  ['dense', [kernelInitializer('nn.Linear')]],
  ['conv1d', [kernelInitializer('nn.Conv1d')]],
  ['conv2d', [kernelInitializer('nn.Conv2d')]],
  ['conv3d', [kernelInitializer('nn.Conv3d')]],
  [
    'embedding',
    [
      {
        key: 'embeddingsInitializer',
        tfjs: `'randomUniform'`,
        torch: null,
        torchInit: { path: ['initializers', 'randomNormal'], args: '{mean: 0, stddev: 1}' },
        torchText: 'normal(0, 1)',
        torchModule: 'nn.Embedding',
        matters: 'init',
        foreignKeys: ['embeddings_initializer'],
      },
    ],
  ],
]);

/**
 * GRU factories: tfjs applies the reset gate before the recurrent kernel (`resetAfter: true`, PyTorch's
 * formulation, throws in tfjs 4.22), so no config reproduces `nn.GRU`.
 */
export const GRU_LAYERS: ReadonlySet<string> = new Set(['gru', 'gruCell']);

export interface OptimizerDefault {
  /** Positional index of the parameter left to its default. */
  readonly index: number;
  readonly name: string;
  /** Source text of the tfjs defaults of every positional parameter up to `index` (the last is the divergent one). */
  readonly tfjsArgs: readonly string[];
  /** Source text of PyTorch's value of the divergent parameter. */
  readonly torch: string;
  readonly torchText: string;
  readonly torchModule: string;
}

/**
 * `tf.train.<factory>` → the positional default that differs from PyTorch's. tfjs reads Adam's
 * epsilon from the backend when omitted (`tf.backend().epsilon()`: 1e-7 on the CPU backend and on
 * float32 WebGL, 1e-4 on float16-only WebGL).
 */
export const OPTIMIZER_DEFAULTS: ReadonlyMap<string, OptimizerDefault> = new Map([
  ['adam', { index: 3, name: 'epsilon', tfjsArgs: ['0.001', '0.9', '0.999', '1e-7'], torch: '1e-8', torchText: 'eps=1e-8', torchModule: 'torch.optim.Adam' }],
]);
