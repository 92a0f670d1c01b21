import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';
import { memberName, unwrap } from '../src/engine/ast.js';
import { GRU_LAYERS, LAYER_DEFAULTS, OPTIMIZER_DEFAULTS } from '../src/facts/torch-defaults.js';
import { createRule } from '../src/create-rule.js';
import { tfReference } from '../src/engine/loss.js';
import { copiesLoadedWeights, divergentDefaults, loadsWeightsFromOutside, mentionsTorch, type DefaultCandidate } from '../src/engine/port-defaults.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { addConfigProperty, appendArguments } from '../src/fix/arguments.js';

type Options = [{ always?: boolean }];

const GATE_NAMES: ReadonlySet<string> = new Set([...LAYER_DEFAULTS.keys(), ...GRU_LAYERS, ...OPTIMIZER_DEFAULTS.keys(), 'setWeights', 'loadWeights']);
type MessageIds = 'layerDefault' | 'gruCannotMatch' | 'optimizerDefault' | 'keepDefault' | 'usePytorch';

export default createRule<Options, MessageIds>({
  name: 'no-divergent-defaults',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow relying on tfjs defaults that differ from PyTorch (recurrent gates, epsilons, slopes, initializers) in code ported from PyTorch',
      recommended: 'strict',
    },
    hasSuggestions: true,
    messages: {
      layerDefault: '`{{factory}}` relies on the tfjs default `{{key}}: {{tfjs}}`, but PyTorch `{{torchModule}}` uses {{torchText}}. Write the value this port needs explicitly.',
      gruCannotMatch:
        'tfjs `{{factory}}` applies the reset gate before the recurrent kernel and `resetAfter: true` throws in tfjs 4.22: no config reproduces PyTorch `nn.GRU` or its weights.',
      optimizerDefault:
        '`tf.train.{{factory}}` relies on the tfjs default {{name}} {{tfjs}}, but PyTorch `{{torchModule}}` uses {{torchText}}. Pass the value this port needs explicitly.',
      keepDefault: 'Write the tfjs default `{{text}}` explicitly (keeps the current behaviour).',
      usePytorch: "Use PyTorch's value `{{text}}` (changes what the model computes, as in PyTorch).",
    },
    schema: [
      {
        type: 'object',
        properties: {
          always: {
            type: 'boolean',
            description: 'Report in every file, not only in files that show they port PyTorch code (PyTorch named in comments or strings, or weights loaded with `setWeights`/`loadWeights`).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ always: false }],
    languages: ['js/js'],
  },
  create(context, [options]) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const candidates: DefaultCandidate[] = [];
    let loadsWeights = false;
    /** Weights copied from a loaded model (`setWeights(pretrained.layers[i].getWeights())`): initializers do not matter either. */
    let copiesLoaded = false;

    function report(c: DefaultCandidate): void {
      const node = c.call.callee;
      if (c.kind === 'gru') {
        context.report({ node, messageId: 'gruCannotMatch', data: { factory: c.factory } });
        return;
      }
      if (c.kind === 'optimizer') {
        const d = c.default;
        const given = c.call.arguments.length;
        const keep = d.tfjsArgs.slice(given);
        const torch = [...keep.slice(0, -1), d.torch];
        context.report({
          node,
          messageId: 'optimizerDefault',
          data: { factory: c.factory, name: d.name, tfjs: d.tfjsArgs[d.index]!, torchModule: d.torchModule, torchText: d.torchText },
          suggest: [
            { messageId: 'keepDefault', data: { text: `${d.name} ${d.tfjsArgs[d.index]!}` }, fix: appendArguments(sourceCode, c.call, keep) },
            { messageId: 'usePytorch', data: { text: `${d.name} ${d.torch}` }, fix: appendArguments(sourceCode, c.call, torch) },
          ],
        });
        return;
      }
      for (const d of c.defaults) {
        // initial weights do not matter when the port loads its weights
        if (d.matters === 'init' && (loadsWeights || copiesLoaded)) continue;
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
        const keepText = `${d.key}: ${d.tfjs}`;
        suggest.push({ messageId: 'keepDefault', data: { text: keepText }, fix: addConfigProperty(sourceCode, c.call, c.config, keepText) });
        const ref = d.torchInit ? tfReference(file, c.call, d.torchInit.path) : null;
        const torchValue = d.torch ?? (ref && d.torchInit ? `${ref}(${d.torchInit.args})` : null);
        if (torchValue) {
          const text = `${d.key}: ${torchValue}`;
          suggest.push({ messageId: 'usePytorch', data: { text }, fix: addConfigProperty(sourceCode, c.call, c.config, text) });
        }
        context.report({
          node,
          messageId: 'layerDefault',
          data: { factory: c.factory, key: d.key, tfjs: d.tfjs, torchModule: d.torchModule, torchText: d.torchText },
          suggest,
        });
      }
    }

    return {
      CallExpression(node) {
        // cheap syntactic gate before any resolution: the called name must be one the rule knows
        const callee = unwrap(node.callee);
        const name = callee?.type === T.MemberExpression ? memberName(callee) : callee?.type === T.Identifier ? callee.name : null;
        if (name === null || !GATE_NAMES.has(name)) return;
        if (!loadsWeights && loadsWeightsFromOutside(file, node)) loadsWeights = true;
        if (!copiesLoaded && copiesLoadedWeights(file, node)) copiesLoaded = true;
        const c = divergentDefaults(file, node);
        if (c) candidates.push(c);
      },
      'Program:exit'() {
        if (candidates.length === 0) return;
        if (!options.always && !loadsWeights && !mentionsTorch(file)) return;
        for (const c of candidates) report(c);
      },
    };
  },
});
