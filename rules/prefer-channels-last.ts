import type { TSESTree } from '@typescript-eslint/utils';
import { findProperty, hasSpread, literalValue, objectArg } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { CHANNELS_FIRST_IGNORED, CHANNELS_FIRST_TRANSPOSING, channelsFirstProducer, layerCallName } from '../src/engine/layer-config.js';
import { getFileIndex } from '../src/engine/resolver.js';

export default createRule({
  name: 'prefer-channels-last',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Prefer tfjs's native channels-last layout over PyTorch-style `dataFormat: 'channelsFirst'` in layers",
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      transposes:
        "`{{layer}}` with `dataFormat: 'channelsFirst'` transposes its input and its output on every call in tfjs. Transpose the input once to channels-last (NHWC) and drop `dataFormat`.",
      separableThrows:
        "`separableConv2d` with `dataFormat: 'channelsFirst'` and a bias throws a broadcast error when called in tfjs 4.22. Transpose the input once to NHWC and drop `dataFormat`.",
      conv1dOutput:
        "`conv1d` with `dataFormat: 'channelsFirst'` reads NCW input but returns channels-last (NWC) output in tfjs 4.22, unlike PyTorch's `Conv1d`. Transpose the input once to NWC and drop `dataFormat`.",
      ignored:
        "`{{layer}}` ignores `dataFormat` in tfjs 4.22: it always pools over axis 1, which is the channel axis of PyTorch NCW data. Transpose the input to NWC and drop `dataFormat`.",
      batchNormAxis:
        'This `batchNormalization` follows a channelsFirst `{{layer}}`, but tfjs normalises `axis: -1` by default (W of NCHW data), not the channels. Pass `axis: 1`, or use channels-last.',
      addAxis: 'Normalise the channel axis: `axis: 1`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    /** BatchNormalization right after a channelsFirst layer, without `axis` (or with `axis: -1`). */
    const checkBatchNormAxis = (node: TSESTree.CallExpression): void => {
      const cfg = objectArg(node);
      if (node.arguments.length > 1 || (node.arguments.length === 1 && (!cfg || hasSpread(cfg)))) return;
      const axis = findProperty(cfg, 'axis');
      if (axis && literalValue(axis.value) !== -1) return;
      const producer = channelsFirstProducer(file, node);
      if (!producer) return;
      context.report({
        node: axis ? axis.value : node.callee,
        messageId: 'batchNormAxis',
        data: { layer: producer.layer },
        suggest: [
          {
            messageId: 'addAxis',
            fix: (fixer) => {
              if (axis) return fixer.replaceText(axis.value, '1');
              if (cfg && cfg.properties.length > 0) return fixer.insertTextBefore(cfg.properties[0]!, 'axis: 1, ');
              if (cfg) return fixer.insertTextAfter(sourceCode.getFirstToken(cfg)!, 'axis: 1');
              return fixer.insertTextBefore(sourceCode.getLastToken(node)!, '{axis: 1}');
            },
          },
        ],
      });
    };
    return {
      CallExpression(node) {
        const layer = layerCallName(file, node);
        if (layer === null) return;
        if (layer === 'batchNormalization') {
          checkBatchNormAxis(node);
          return;
        }
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
