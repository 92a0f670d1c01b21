// Rule messages as a user reads them: every `meta.messages` template of every rule with its
// `{{placeholders}}` filled by a typical value (what the rule passes in the common case), so the
// length limit of CONVENTIONS ("one or two sentences, at most ~200 characters") can be measured and
// enforced (test/messages.test.ts). Also runnable on its own for the before/after numbers:
//   node --import tsx test/message-length.ts
import plugin from '../src/index.js';

export const MESSAGE_LIMIT = 200;

/**
 * Typical values per placeholder: `rule:name` first, then `name`. A placeholder missing here makes
 * the test fail, so a new rule's messages are measured with real-looking data, not with nothing.
 */
export const TYPICAL: Readonly<Record<string, string>> = {
  file: '../training/finetune.js',
  sublayer: 'this.dropout',
  effects: 'Dropout does not drop',
  kwargs: 'kwargs',
  op: 'add',
  text: 'x = x.reshape([2, -1])',
  className: 'LayersModel',
  'no-discarded-tensor-type-checked:className': 'Tensor',
  trainer: 'fit',
  parent: 'model',
  layer: 'conv2d()',
  'prefer-channels-last:layer': 'conv2d',
  'no-ineffective-trainable:layer': 'tf.layers.dropout',
  'require-var-list-when-frozen:layer': 'embedding',
  loss: 'categoricalCrossentropy',
  activation: 'softmax',
  logitsLoss: 'tf.losses.softmaxCrossEntropy',
  probabilityLoss: "'categoricalCrossentropy'",
  code: '(yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)',
  returnCost: 'false',
  flag: 'true',
  list: 'model.trainableWeights.map((w) => w.read())',
  value: '1',
  'no-numeric-padding:value': '1',
  advice: 'Use `reshape([...])` with the shape as one array',
  'no-numeric-padding:advice': "Here 'same' pads exactly like PyTorch.",
  error: '"is not a valid PaddingMode"',
  fixed: "'same'",
  when: 'when the layer is built',
  caveat: "exactly PyTorch's zero padding",
  call: 'tf.layers.zeroPadding2d({ padding: 1 })',
  pad: '1',
  momentum: '0.1',
  complement: '0.9',
  replacement: 'apply',
  'no-torch-batchnorm-momentum:replacement': '0.9',
  kind: 'model',
  method: 'forward',
  'no-torch-tensor-api:method': 'view',
  'require-training-flag:method': 'predict',
  'require-training-flag-type-checked:method': 'predict',
  'no-trainable-after-compile:method': 'fit',
  property: 'training',
  callee: 'model',
  args: '2, -1',
  arg: '1',
  indexMethod: 'argMax',
  name: 'cat',
  to: 'concat',
  target: 'model.layers[0]',
  model: 'model',
  line: '42',
  api: 'minimize',
  reason: '`{trainable: false}` marks the layer, not its tf.Variables',
  effect: 'still updates the weights',
  // no-async-tidy: what makes the tidy callback return early; the async read awaited after the tidy
  'no-async-tidy:what': 'A helper returning a Promise',
  'no-async-tidy:method': 'data',
  // no-divergent-defaults: the most common layer (dense/conv2d kernel initializer) and Adam's epsilon
  'no-divergent-defaults:factory': 'conv2d',
  'no-divergent-defaults:key': 'kernelInitializer',
  'no-divergent-defaults:tfjs': "'glorotNormal'",
  'no-divergent-defaults:torchModule': 'nn.Conv2d',
  'no-divergent-defaults:torchText': 'kaiming_uniform(a=√5), U(±1/√fan_in)',
  'no-divergent-defaults:name': 'epsilon',
  'no-divergent-defaults:text': "kernelInitializer: tf.initializers.varianceScaling({scale: 1 / 3, mode: 'fanIn', distribution: 'uniform'})",
  // no-leaked-tensor: a preprocessing chain in a loop (the rule lists at most three ops, then "and N more")
  'no-leaked-tensor:ops': '`browser.fromPixels()`, `toFloat()`, `div()` and 2 more',
  'no-leaked-tensor:s': 's',
  'no-leaked-tensor:leak': 'they leak',
  'no-leaked-tensor:freq': 'on every loop iteration',
  'no-leaked-tensor:name': 'prediction',
  // no-optimizer-options-object: PyTorch's `{lr, weight_decay}` habit on Adam
  'no-optimizer-options-object:name': 'adam',
  'no-optimizer-options-object:params': 'learningRate, beta1, beta2, epsilon',
  'no-optimizer-options-object:count': '4',
  'no-optimizer-options-object:effect': 'every weight turns NaN after the first step',
  'no-optimizer-options-object:call': '`tf.train.adam(1e-3, 0.9, 0.999)`',
  'no-optimizer-options-object:advice': '`weight_decay`: tfjs has no weight decay: add an L2 `kernelRegularizer` to the layers.',
  'no-optimizer-options-object:extra': '`1e-4`',
  'no-optimizer-options-object:dropped': '`weight_decay`',
  'no-optimizer-options-object:args': '0.01, 0.9',
  // no-swapped-loss-arguments: `losses.<name>` as the rule names it, PyTorch-order parameter names
  'no-swapped-loss-arguments:loss': 'losses.softmaxCrossEntropy',
  'no-swapped-loss-arguments:prediction': 'output',
  'no-swapped-loss-arguments:target': 'target',
  // no-unknown-options: PyTorch's `stride` on a conv layer; `in_channels`; `nn.Dropout(0.5)`
  'no-unknown-options:key': 'stride',
  'no-unknown-options:callee': 'conv2d()',
  'no-unknown-options:effect': 'the stride stays the default (1 for convolutions, poolSize for pooling)',
  'no-unknown-options:to': '`strides`',
  'no-unknown-options:advice': 'tfjs infers the input channels from the input',
  'no-unknown-options:hint': '; did you mean `kernelSize`?',
  'no-unknown-options:value': '0.5',
  'no-unknown-options:config': '{rate: 0.5}',
};

export interface MeasuredMessage {
  readonly rule: string;
  readonly id: string;
  readonly template: string;
  readonly filled: string;
  readonly missing: readonly string[];
}

export function fill(rule: string, template: string, values: Readonly<Record<string, string>> = {}): { filled: string; missing: string[] } {
  const missing: string[] = [];
  const filled = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const v = values[name] ?? TYPICAL[`${rule}:${name}`] ?? TYPICAL[name];
    if (v === undefined) {
      missing.push(name);
      return `{{${name}}}`;
    }
    return v;
  });
  return { filled, missing };
}

export function measuredMessages(rules: Readonly<Record<string, { meta: { messages: Record<string, string> } }>> = plugin.rules as never): MeasuredMessage[] {
  return Object.entries(rules).flatMap(([rule, r]) =>
    Object.entries(r.meta.messages).map(([id, template]) => ({ rule, id, template, ...fill(rule, template) })),
  );
}

export function stats(lengths: readonly number[]): { max: number; median: number; over: number } {
  const s = [...lengths].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { max: s[s.length - 1] ?? 0, median: s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2, over: s.filter((n) => n > MESSAGE_LIMIT).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const rules = file ? Object.fromEntries(Object.entries(JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')) as Record<string, Record<string, string>>).map(([k, m]) => [k, { meta: { messages: m } }])) : undefined;
  const all = measuredMessages(rules as never);
  for (const m of all.sort((a, b) => b.filled.length - a.filled.length).slice(0, 15)) console.log(m.filled.length, `${m.rule}.${m.id}`, m.missing.length ? `missing ${m.missing}` : '');
  console.log('all messages', all.length, stats(all.map((m) => m.filled.length)));
  // Suggestion descriptions start with an imperative verb; the rest are what a finding prints.
  const findings = all.filter((m) => !/^(Use|Replace|Remove|Keep|Pass|Call|Add|Set|Swap|Forward|Insert|Write|Compile|Normalise|Move)\b/.test(m.template));
  console.log('finding messages', findings.length, stats(findings.map((m) => m.filled.length)));
}
