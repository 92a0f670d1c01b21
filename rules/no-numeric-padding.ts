import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findProperty, literalValue, objectArg, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { hasCommentInside } from '../src/fix/edits.js';
import { removeProperty } from '../src/fix/properties.js';
import {
  adviseNumericPadding,
  layerDims,
  layerSlot,
  literalPads,
  PADDING_LAYERS,
  PADDING_MODES,
  PADDING_OPS,
  type PaddingAdvice,
  type PaddingLayer,
} from '../src/engine/padding.js';
import { getFileIndex } from '../src/engine/resolver.js';

const SAME_CAVEATS = {
  stride:
    'same output size, but with a stride above 1 tfjs puts the extra pad row/column at the bottom/right, so the windows shift unless the input size mod the stride is 1',
  avgPool: "tfjs averages only the real inputs at the borders (PyTorch's count_include_pad=False), where PyTorch's default also counts the zeros",
  avgPoolStride:
    "tfjs averages only the real inputs at the borders (PyTorch's count_include_pad=False), and with a stride above 1 puts the extra pad at the bottom/right",
} as const;
/** Layer options that must move to the inserted first layer of a Sequential model. */
const INPUT_OPTIONS = ['inputShape', 'batchInputShape', 'batchSize'];

function adviceText(advice: PaddingAdvice, slotted: boolean, rank: number): string {
  if (advice.fix) return `Here '${advice.fix}' pads exactly like PyTorch.`;
  if (advice.zeroPad && slotted) return `Put a zeroPadding2d layer before it and use 'valid'${advice.zeroPad === 'nonNegative' ? ' (exact for non-negative inputs)' : " (PyTorch's result)"}.`;
  if (rank !== 2) return "tfjs has no zeroPadding1d/3d layer: pad the input with tf.pad and use 'valid'.";
  return "Pad the input with a zeroPadding2d layer or tf.pad and use 'valid'.";
}

export default createRule({
  name: 'no-numeric-padding',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow PyTorch-style numeric, array or upper-case `padding` on tfjs conv and pooling layers, and `'causal'` where tfjs ignores or rejects it",
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      numericPadding:
        "tfjs `padding` is a mode ('valid' or 'same'), not a pad size: `padding: {{value}}` on {{layer}} throws \"is not a valid PaddingMode\" when built. {{advice}}",
      wrongCase: "tfjs padding modes are lower case: {{value}} throws {{error}}. Write {{fixed}}.",
      unknownMode: "{{value}} is not a tfjs padding mode and throws \"is not a valid PaddingMode\" when the layer is built; tfjs layers take 'valid' or 'same' (zero padding only).",
      causalIgnored:
        "{{layer}} silently treats `padding: 'causal'` as 'valid': nothing is padded and the output is shorter than the input. Pad the input on the left yourself and write 'valid'.",
      causalThrows: "`padding: 'causal'` on {{layer}} throws {{when}} in tfjs 4.22. Pad the input on the left yourself and use 'valid'.",
      conv1dPad:
        "tf.conv1d with a numeric pad is broken in tfjs 4.22: 0 keeps the input length and any other pad throws \"Size(…) must match the product of shape\". Pad with tf.pad and use 'valid'.",
      useSame: "Use 'same' ({{caveat}}).",
      insertZeroPadding: "Insert `{{call}}` before this layer and use 'valid' ({{caveat}}).",
      useValid: "Write 'valid' (what tfjs does now).",
      padThenValid: "Pad the input with `{{call}}` and use 'valid' (PyTorch's padding={{pad}}).",
      zeroThenValid: "Write 'valid' (PyTorch's padding=0).",
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const quoteOf = (node: TSESTree.Node): string => (node.type === T.Literal && node.raw.startsWith('"') ? '"' : "'");
    const replaceMode = (node: TSESTree.Node, mode: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(node, `${quoteOf(node)}${mode}${quoteOf(node)}`);

    function checkLayer(call: TSESTree.CallExpression, name: string, layer: PaddingLayer): void {
      const cfg = objectArg(call);
      const prop = findProperty(cfg, 'padding');
      const value = unwrap(prop?.value);
      if (!cfg || !prop || !value) return;
      const v = literalValue(value);
      const layerName = `${name}()`;
      if (typeof v === 'string') {
        if (v === 'causal') {
          if (layer.causal === 'valid') {
            context.report({ node: value, messageId: 'causalIgnored', data: { layer: layerName }, suggest: [{ messageId: 'useValid', fix: replaceMode(value, 'valid') }] });
          } else {
            const when = layer.causal === 'throws-at-apply' ? 'NotImplementedError when the layer is applied' : 'ValueError when the layer is built';
            context.report({ node: value, messageId: 'causalThrows', data: { layer: layerName, when } });
          }
          return;
        }
        if (PADDING_MODES.has(v)) return;
        const lower = v.toLowerCase();
        if (lower === 'same' || lower === 'valid') {
          context.report({
            node: value,
            messageId: 'wrongCase',
            data: { value: JSON.stringify(v), fixed: `'${lower}'`, error: '"is not a valid PaddingMode" when the layer is built' },
            fix: replaceMode(value, lower),
          });
        } else context.report({ node: value, messageId: 'unknownMode', data: { value: JSON.stringify(v) } });
        return;
      }
      if (typeof v !== 'number' && value.type !== T.ArrayExpression) return;
      const valueText = sourceCode.getText(value);
      const pads = literalPads(value, layer.rank);
      const advice: PaddingAdvice = pads ? adviseNumericPadding(layer, pads, layerDims(cfg, layer)) : { fix: null, same: null, zeroPad: null };
      const slot = advice.zeroPad && layer.rank === 2 ? layerSlot(file, sourceCode, call) : null;
      const callee = unwrap(call.callee);
      const ns = callee?.type === T.MemberExpression && file.pathOf(callee.object)?.join('.') === 'layers' ? sourceCode.getText(callee.object) : null;
      const suggest: TSESLint.SuggestionReportDescriptor<'useSame' | 'insertZeroPadding'>[] = [];
      if (slot && ns && !hasCommentInside(sourceCode, cfg)) {
        const moved = INPUT_OPTIONS.map((k) => findProperty(cfg, k)).filter((p): p is TSESTree.Property => !!p);
        const dataFormat = findProperty(cfg, 'dataFormat');
        const inner = [...moved.map((p) => sourceCode.getText(p)), `padding: ${valueText}`, ...(dataFormat ? [sourceCode.getText(dataFormat)] : [])].join(', ');
        const zpCall = /^\{\s/.test(sourceCode.getText(cfg)) ? `${ns}.zeroPadding2d({ ${inner} })` : `${ns}.zeroPadding2d({${inner}})`; // the file's brace spacing
        suggest.push({
          messageId: 'insertZeroPadding',
          data: {
            call: zpCall,
            caveat: advice.zeroPad === 'exact' ? "exactly PyTorch's zero padding" : 'exact for non-negative inputs such as ReLU outputs; PyTorch pads max pooling with -inf',
          },
          fix: (fixer) => [
            fixer.insertTextBefore(slot.before, slot.wrap(zpCall)),
            replaceMode(value, 'valid')(fixer),
            ...moved.flatMap((p) => removeProperty(fixer, sourceCode, p)),
          ],
        });
      }
      if (advice.same) suggest.push({ messageId: 'useSame', data: { caveat: SAME_CAVEATS[advice.same] }, fix: replaceMode(value, 'same') });
      const canFix = advice.fix && !hasCommentInside(sourceCode, value);
      context.report({
        node: value,
        messageId: 'numericPadding',
        data: { value: valueText, layer: layerName, advice: adviceText(advice, !!slot && !!ns, layer.rank) },
        ...(canFix ? { fix: replaceMode(value, advice.fix!) } : {}),
        suggest,
      });
    }

    function checkOp(call: TSESTree.CallExpression, name: string, index: number): void {
      const arg = call.arguments[index];
      if (!arg || arg.type === T.SpreadElement || call.arguments.slice(0, index).some((a) => a.type === T.SpreadElement)) return;
      const value = unwrap(arg)!;
      const v = literalValue(value);
      if (typeof v === 'string') {
        const lower = v.toLowerCase();
        if ((lower === 'same' || lower === 'valid') && v !== lower) {
          context.report({ node: value, messageId: 'wrongCase', data: { value: JSON.stringify(v), fixed: `'${lower}'`, error: `"Unknown padding parameter: ${v}"` }, fix: replaceMode(value, lower) });
        }
        return;
      }
      if (name !== 'conv1d' || (typeof v !== 'number' && value.type !== T.ArrayExpression)) return;
      const suggest: TSESLint.SuggestionReportDescriptor<'padThenValid' | 'zeroThenValid'>[] = [];
      const x = call.arguments[0];
      const callee = unwrap(call.callee);
      const format = call.arguments[4] ? literalValue(call.arguments[4]) : 'NWC';
      const p = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
      if (p === 0) suggest.push({ messageId: 'zeroThenValid', fix: replaceMode(value, 'valid') });
      else if (p !== null && x && x.type !== T.SpreadElement && format === 'NWC' && callee?.type === T.MemberExpression && file.pathOf(callee.object)?.length === 0) {
        const padCall = `${sourceCode.getText(callee.object)}.pad(${sourceCode.getText(x)}, [[0, 0], [${p}, ${p}], [0, 0]])`;
        suggest.push({
          messageId: 'padThenValid',
          data: { call: padCall, pad: String(p) },
          fix: (fixer) => [fixer.replaceText(x, padCall), replaceMode(value, 'valid')(fixer)],
        });
      }
      context.report({ node: value, messageId: 'conv1dPad', suggest });
    }

    return {
      CallExpression(node) {
        const a0 = node.arguments[0];
        if (a0?.type === T.ObjectExpression) {
          const path = file.calleePath(node);
          const layer = path?.length === 2 && path[0] === 'layers' ? PADDING_LAYERS.get(path[1]!) : undefined;
          if (layer) checkLayer(node, path![1]!, layer);
        } else if (node.arguments.length >= 4) {
          const path = file.calleePath(node);
          const index = path?.length === 1 ? PADDING_OPS.get(path[0]!) : undefined;
          if (index !== undefined) checkOp(node, path![0]!, index);
        }
      },
    };
  },
});
