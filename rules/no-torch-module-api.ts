import { calledMember, memberName, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { calledModuleKind } from '../src/engine/called-module.js';
import { assignedMembers, isWriteTarget, missingMemberReceiver, thisInsideMethod } from '../src/engine/module-api.js';
import { MODULE_METHODS, MODULE_PROPERTIES } from '../src/facts/torch-module-api.js';
import { callModuleSuggestions, moduleApiRepair, useTrainableSuggestions } from '../src/fix/module-api.js';

const THROWS = 'tfjs {{kind}}s have no `{{method}}()`: this call throws "TypeError: … is not a function".';

export default createRule({
  name: 'no-torch-module-api',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow PyTorch `nn.Module` methods (`forward()`, `parameters()`, `state_dict()`, `cuda()`, `requires_grad`, …) on tfjs models and layers',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      forward:
        `${THROWS} Call \`apply(x)\` (inference mode), or \`apply(x, {training: true})\` where PyTorch was in train mode.`,
      forwardInCall:
        `${THROWS} In a Layer subclass the forward pass is \`call(inputs, kwargs)\`: move this body into \`call()\`.`,
      callModule:
        'tfjs {{kind}}s are not callable: `{{callee}}(…)` throws "TypeError: … is not a function". Call `{{callee}}.apply(x)` (inference mode) or `apply(x, {training: true})` where you train.',
      parameters:
        `${THROWS} Use \`trainableWeights\` (or \`weights\` to include non-trainable ones); \`.read()\` gives each tf.Variable.`,
      stateDict:
        `${THROWS} Use \`getWeights()\` (a list in \`weights\` order, not a dict), or \`model.save(url)\`.`,
      loadStateDict:
        `${THROWS} Use \`setWeights(tensors)\` (a list in \`weights\` order, not a dict), or \`tf.loadLayersModel(url)\`.`,
      device:
        `${THROWS} The tfjs backend is global (\`tf.setBackend('webgl')\`): remove the call.`,
      zeroGrad:
        `${THROWS} tfjs never accumulates gradients, so there is nothing to zero: remove the call.`,
      children:
        `${THROWS} Use the model's \`layers\` property (its direct layers, not recursive).`,
      countParams: `${THROWS} Keras \`count_params()\` is \`countParams()\` in tfjs.`,
      numParameters:
        `${THROWS} Use \`countParams()\` (it also counts non-trainable weights such as BatchNorm moving stats).`,
      requiresGradCall: `${THROWS} Set the \`trainable\` property instead: \`trainable = false\` freezes the {{kind}}'s weights.`,
      requiresGradWrite:
        'tfjs {{kind}}s have no `{{property}}`: assigning it only creates an unused property, and nothing is frozen or unfrozen. Set `trainable` instead.',
      requiresGradRead: 'tfjs {{kind}}s have no `{{property}}`: it is always `undefined`. Read `trainable` instead.',
      useApply: 'Replace with `apply(…)` (inference mode).',
      useApplyTraining: 'Replace with `apply(…, {training: true})` (training mode).',
      useProperty: 'Replace with the `{{replacement}}` property.',
      useMethod: 'Replace with `{{replacement}}(…)`.',
      removeCall: 'Remove the `{{method}}()` call.',
      useTrainable: 'Use `trainable` instead.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;

    return {
      CallExpression(node) {
        const m = calledMember(node);
        const entry = m ? MODULE_METHODS.get(m.name) : undefined;
        if (m && entry) {
          // `model.cuda?.()` short-circuits on the missing method: it does not throw
          if (node.optional) return;
          const info = missingMemberReceiver(file, m.member.object, m.name, ['model', 'layer']);
          if (!info) return;
          const { fix, suggest } = moduleApiRepair(sourceCode, node, m.member, m.name, entry.group, info.kind);
          const messageId = entry.group === 'forward' && thisInsideMethod(m.member, 'call') ? 'forwardInCall' : entry.group;
          context.report({ node: m.member.property, messageId, data: { kind: info.kind, method: m.name }, ...(fix ? { fix } : {}), suggest });
          return;
        }
        // PyTorch `model(x)` / Keras `Dense(10)(x)`
        const callee = unwrap(node.callee);
        if (!callee) return;
        const kind = calledModuleKind(file, callee);
        if (!kind) return;
        context.report({
          node: node.callee,
          messageId: 'callModule',
          data: { kind, callee: sourceCode.getText(node.callee) },
          suggest: callModuleSuggestions(sourceCode, node),
        });
      },
      MemberExpression(node) {
        const property = memberName(node);
        if (property === null || !MODULE_PROPERTIES.has(property)) return;
        const isWrite = isWriteTarget(node);
        // every write is the PyTorch habit (tfjs never reads it); a read is `undefined` only if nothing assigns the name
        if (!isWrite && assignedMembers(file).has(property)) return;
        // tensors and variables: no-torch-tensor-api reports `requires_grad` there (no double reports)
        const info = missingMemberReceiver(file, node.object, property, ['model', 'layer'], { ignorePatched: true });
        if (!info) return;
        context.report({
          node: node.property,
          messageId: isWrite ? 'requiresGradWrite' : 'requiresGradRead',
          data: { kind: info.kind, property },
          suggest: useTrainableSuggestions(node, isWrite),
        });
      },
    };
  },
});
