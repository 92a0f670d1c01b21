import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { dirname, relative, sep } from 'node:path';
import { calledMember, enclosingFunction, findProperty, inBranchOf, literalValue, memberName, objectArg, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { containsBatchNorm, distinctBuilderInstances, importerTrainerOf, layerCallName, layerFactoryName, mayRunAfter, reachesOrigin, trainerOf, type Trainer } from '../src/engine/layer-config.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { TRAINING_METHODS } from '../src/facts/tfjs-api.js';

interface Freeze {
  /** The `trainable` option or the `.trainable` of the write: where the report goes. */
  readonly node: TSESTree.Node;
  /** The factory call / `new` that created the frozen value (its identity). */
  readonly origin: TSESTree.CallExpression | TSESTree.NewExpression;
  /** `null` for the BatchNormalization itself, else what contains it ("model", a class name). */
  readonly parent: string | null;
  /** The frozen expression (`x` of `x.trainable = false`), when the freeze is a write. */
  readonly holder?: TSESTree.Node;
}

export default createRule({
  name: 'no-frozen-batchnorm-in-training',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow relying on `trainable: false` to freeze a tfjs BatchNormalization that is then trained',
      recommended: 'recommended',
    },
    messages: {
      frozenBatchNorm:
        '`trainable: false` does not stop this BatchNormalization: under `{{trainer}}()` it still uses batch statistics and updates its moving averages. Run it with `{training: false}` instead.',
      frozenParent:
        'Freezing this {{parent}} does not freeze its BatchNormalization: under `{{trainer}}()` it still uses batch statistics and updates its moving averages. Run it with `{training: false}` instead.',
      frozenBatchNormInImporter:
        '`trainable: false` does not stop this BatchNormalization under `{{trainer}}()` in {{file}}: it still uses batch statistics and updates its moving averages. Run it with `{training: false}`.',
      frozenParentInImporter:
        'Freezing this {{parent}} does not freeze its BatchNormalization under `{{trainer}}()` in {{file}}: it still uses batch statistics and updates its moving averages. Run it with `{training: false}`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const freezes: Freeze[] = [];
    /** Calls that may train (resolved only when the file freezes something). */
    const candidates: TSESTree.CallExpression[] = [];

    const trains = (t: Trainer, f: Freeze): boolean => {
      if (!mayRunAfter(f.node, t.call) || !reachesOrigin(file, t.receiver, f.origin)) return false;
      // two models from one builder (`online = createQNet(); target = createQNet()`) share the origin only
      if (f.holder && file.kindOf(t.receiver)?.origin === f.origin && distinctBuilderInstances(file, f.holder, t.receiver)) return false;
      // fit() on the frozen model itself throws (no trainable weights): another problem, not this one
      return !(f.parent !== null && t.method !== 'apply' && file.kindOf(t.receiver)?.origin === f.origin);
    };

    return {
      CallExpression(node) {
        const m = calledMember(node);
        if (m && (m.name === 'apply' || TRAINING_METHODS.has(m.name))) candidates.push(node);
        // cheap syntactic filters before resolving the callee: a literal `trainable: false`, on
        // `x.batchNormalization(…)` or a bare name
        const prop = findProperty(objectArg(node), 'trainable');
        if (!prop || literalValue(prop.value) !== false) return;
        const callee = unwrap(node.callee);
        if (callee?.type === T.MemberExpression && memberName(callee) !== 'batchNormalization') return;
        if (layerCallName(file, node) === 'batchNormalization') freezes.push({ node: prop, origin: node, parent: null });
      },
      'AssignmentExpression[operator="="]'(node: TSESTree.AssignmentExpression) {
        const left = node.left;
        if (left.type !== T.MemberExpression || memberName(left) !== 'trainable') return;
        if (literalValue(node.right) !== false) return;
        const info = file.kindOf(left.object);
        if (!info?.origin || info.promise) return;
        if (info.kind === 'layer' && layerFactoryName(file, info) === 'batchNormalization') {
          freezes.push({ node: left.property, origin: info.origin, parent: null, holder: left.object });
        } else if ((info.kind === 'model' || info.userClass) && containsBatchNorm(file, left.object)) {
          const parent = info.kind === 'model' ? 'model' : `\`${info.userClass?.id?.name ?? 'layer'}\` layer`;
          freezes.push({ node: left.property, origin: info.origin, parent, holder: left.object });
        }
      },
      'Program:exit'() {
        if (freezes.length === 0) return;
        const trainers = candidates.map((c) => trainerOf(file, c)).filter((t): t is Trainer => t !== null);
        for (const f of freezes) {
          const t = trainers.find((tr) => trains(tr, f));
          if (t) {
            context.report({ node: f.node, messageId: f.parent === null ? 'frozenBatchNorm' : 'frozenParent', data: { trainer: t.method, parent: f.parent ?? '' } });
            continue;
          }
          // frozen inside an exported factory whose models another module trains
          // (unconditionally: a freeze under `if (cfg.freezeBn)` may not be in the instances trained there)
          const factory = enclosingFunction(f.node);
          const elsewhere = factory && file.filename && !inBranchOf(f.node, factory) ? importerTrainerOf(file, factory, f.origin) : null;
          if (!elsewhere?.index.filename) continue;
          // as above: fit() on the frozen model itself throws, another problem
          if (f.parent !== null && elsewhere.method !== 'apply' && elsewhere.index.kindOf(elsewhere.receiver)?.origin === f.origin) continue;
          const where = relative(dirname(file.filename), elsewhere.index.filename).split(sep).join('/');
          context.report({
            node: f.node,
            messageId: f.parent === null ? 'frozenBatchNormInImporter' : 'frozenParentInImporter',
            data: { trainer: elsewhere.method, parent: f.parent ?? '', file: where.startsWith('.') ? where : `./${where}` },
          });
        }
      },
    };
  },
});

