import { findProperty, literalValue, objectArg } from '../src/ast.js';
import { createRule } from '../src/create-rule.js';
import { CHANNELS_FIRST_IGNORED, CHANNELS_FIRST_TRANSPOSING, layerCallName } from '../src/layer-config.js';
import { getTfFile } from '../src/resolver.js';

export default createRule({
  name: 'prefer-channels-last',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Prefer tfjs's native channels-last layout over PyTorch-style `dataFormat: 'channelsFirst'` in layers",
      recommended: 'strict',
    },
    messages: {
      transposes:
        "`{{layer}}` with `dataFormat: 'channelsFirst'` works in tfjs but transposes its input to channels-last and its output back on every call (two full-tensor transposes per layer). Keep PyTorch's NCHW only at the boundary: transpose the input once to NHWC and drop `dataFormat` (BatchNormalization then keeps its default `axis: -1`).",
      separableThrows:
        "`separableConv2d` with `dataFormat: 'channelsFirst'` and a bias throws a broadcast error when called in tfjs 4.22. Transpose the input once to NHWC and drop `dataFormat`.",
      conv1dOutput:
        "`conv1d` with `dataFormat: 'channelsFirst'` reads NCW input but returns channels-last (NWC) output in tfjs 4.22, unlike PyTorch's `Conv1d`. Transpose the input once to NWC and drop `dataFormat`.",
      ignored:
        "`{{layer}}` ignores `dataFormat` in tfjs 4.22: it always pools over axis 1, which is the channel axis of PyTorch NCW data. Transpose the input to NWC and drop `dataFormat`.",
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const tf = getTfFile(context);
    if (!tf.isTfFile) return {};
    return {
      CallExpression(node) {
        const layer = layerCallName(tf, node);
        if (layer === null) return;
        const cfg = objectArg(node);
        const prop = findProperty(cfg, 'dataFormat');
        if (!prop || literalValue(prop.value) !== 'channelsFirst') return;
        let messageId: 'transposes' | 'separableThrows' | 'conv1dOutput' | 'ignored';
        if (layer === 'conv1d') messageId = 'conv1dOutput';
        else if (CHANNELS_FIRST_IGNORED.has(layer)) messageId = 'ignored';
        else if (!CHANNELS_FIRST_TRANSPOSING.has(layer)) return;
        else if (layer === 'separableConv2d') {
          const useBias = findProperty(cfg, 'useBias');
          const bias = useBias ? literalValue(useBias.value) : true;
          if (bias !== true && bias !== false) return; // decided at run time
          messageId = bias ? 'separableThrows' : 'transposes';
        } else messageId = 'transposes';
        context.report({ node: prop.value, messageId, data: { layer } });
      },
    };
  },
});
