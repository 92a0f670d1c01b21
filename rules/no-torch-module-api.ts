import { isParenthesized } from '@eslint-community/eslint-utils';
import { AST_NODE_TYPES as T } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, memberName, unwrap } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { asiSafeStatementText, hasCommentInside, removeStatement, statementOf, textAsReceiver } from '../src/fix/edits.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { calledModuleKind } from '../src/engine/called-module.js';
import {
  assignedMembers,
  isPlainReference,
  isWriteTarget,
  literalArguments,
  missingMemberReceiver,
  textAsArgument,
  thisInsideMethod,
  MODULE_METHODS,
  MODULE_PROPERTIES,
  type ModuleApiGroup,
} from '../src/facts/torch-module-api.js';

type Suggestion = TSESLint.SuggestionReportDescriptor<'useApply' | 'useApplyTraining' | 'useProperty' | 'useMethod' | 'removeCall' | 'useTrainable'>;
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

    const rename = (fixer: TSESLint.RuleFixer, member: TSESTree.MemberExpression, name: string): TSESLint.RuleFix =>
      fixer.replaceText(member.property, member.computed ? `'${name}'` : name);
    /** `recv.method(args)` -> `recv.<text>` (drops the call; only for non-computed, non-parenthesized members). */
    const replaceCall = (member: TSESTree.MemberExpression, call: TSESTree.CallExpression, text: string) => (fixer: TSESLint.RuleFixer) =>
      fixer.replaceTextRange([member.property.range[0], call.range[1]], text);
    /** Remove the call: the whole statement (plain receivers), or the call keeping its receiver (`model.cuda().predict(x)`). */
    const removeCall = (member: TSESTree.MemberExpression, call: TSESTree.CallExpression) => (fixer: TSESLint.RuleFixer) => {
      const stmt = isPlainReference(member.object) ? statementOf(call) : null;
      return stmt ? removeStatement(fixer, sourceCode, stmt) : fixer.replaceText(call, textAsReceiver(sourceCode, member.object));
    };
    /** `apply(…)` and `apply(x, {training: true})`; `head` is the new callee text; the whole call is rewritten (callee parens included). */
    const applySuggestions = (call: TSESTree.CallExpression, head: string, useApply: (f: TSESLint.RuleFixer) => TSESLint.RuleFix): Suggestion[] => {
      const out: Suggestion[] = [{ messageId: 'useApply', fix: useApply }];
      const [arg] = call.arguments;
      if (call.arguments.length === 1 && arg && arg.type !== T.SpreadElement) {
        const text = `${head}(${textAsArgument(sourceCode, arg)}, {training: true})`;
        out.push({ messageId: 'useApplyTraining', fix: (fixer) => fixer.replaceText(call, text) });
      }
      return out;
    };

    function reportMethod(call: TSESTree.CallExpression, member: TSESTree.MemberExpression, method: string, group: ModuleApiGroup, kind: string): void {
      const data = { kind, method };
      const plain = !member.computed && !isParenthesized(member as never, sourceCode as never);
      const literal = literalArguments(call);
      const suggest: Suggestion[] = [];
      let fix: TSESLint.ReportFixFunction | null = null;
      switch (group) {
        case 'forward':
          // inside the layer's own call(), `this.apply(x)` would recurse forever: call() IS the forward pass
          if (!thisInsideMethod(member, 'call')) {
            const object = textAsReceiver(sourceCode, member.object);
            const head = member.computed ? `${object}${member.optional ? '?.' : ''}['apply']` : `${object}${member.optional ? '?.' : '.'}apply`;
            suggest.push(...applySuggestions(call, head, (f) => rename(f, member, 'apply')));
          }
          break;
        case 'parameters':
          if (plain && literal) {
            for (const replacement of ['trainableWeights', 'weights']) {
              suggest.push({ messageId: 'useProperty', data: { replacement }, fix: replaceCall(member, call, replacement) });
            }
          }
          break;
        case 'children':
          if (plain && literal && kind === 'model') suggest.push({ messageId: 'useProperty', data: { replacement: 'layers' }, fix: replaceCall(member, call, 'layers') });
          break;
        case 'stateDict':
        case 'numParameters':
          if (plain && call.arguments.length === 0) {
            const replacement = group === 'stateDict' ? 'getWeights' : 'countParams';
            suggest.push({ messageId: 'useMethod', data: { replacement }, fix: replaceCall(member, call, `${replacement}()`) });
          }
          break;
        case 'loadStateDict':
          suggest.push({ messageId: 'useMethod', data: { replacement: 'setWeights' }, fix: (f) => rename(f, member, 'setWeights') });
          break;
        case 'countParams':
          // always throws; countParams() is the exact Keras equivalent (see src/facts/torch-module-api.ts)
          if (call.arguments.length === 0) fix = (f) => rename(f, member, 'countParams');
          break;
        case 'device':
          // always throws; tfjs has no per-model device, so the exact equivalent is nothing
          if (literal && !hasCommentInside(sourceCode, call)) fix = removeCall(member, call);
          else suggest.push({ messageId: 'removeCall', data: { method }, fix: removeCall(member, call) });
          break;
        case 'zeroGrad':
          if (statementOf(call)) suggest.push({ messageId: 'removeCall', data: { method }, fix: removeCall(member, call) });
          break;
        case 'requiresGradCall': {
          const stmt = statementOf(call);
          const [arg] = call.arguments;
          if (stmt && literal && call.arguments.length <= 1) {
            const value = arg ? sourceCode.getText(arg) : 'true';
            const text = `${textAsReceiver(sourceCode, member.object)}.trainable = ${value}`;
            suggest.push({ messageId: 'useTrainable', fix: (f) => f.replaceText(stmt.expression, asiSafeStatementText(sourceCode, stmt, text)) });
          }
          break;
        }
      }
      const messageId = group === 'forward' && thisInsideMethod(member, 'call') ? 'forwardInCall' : group;
      context.report({ node: member.property, messageId, data, ...(fix ? { fix } : {}), suggest });
    }

    return {
      CallExpression(node) {
        const m = calledMember(node);
        const entry = m ? MODULE_METHODS.get(m.name) : undefined;
        if (m && entry) {
          // `model.cuda?.()` short-circuits on the missing method: it does not throw
          if (node.optional) return;
          const info = missingMemberReceiver(file, m.member.object, m.name, ['model', 'layer']);
          if (info) reportMethod(node, m.member, m.name, entry.group, info.kind);
          return;
        }
        // PyTorch `model(x)` / Keras `Dense(10)(x)`
        const callee = unwrap(node.callee);
        if (!callee) return;
        const kind = calledModuleKind(file, callee);
        if (!kind) return;
        const head = `${textAsReceiver(sourceCode, node.callee)}.apply`;
        // the `(` that opens the arguments (after any parens around the callee, and type arguments)
        const open = sourceCode.getTokenAfter(node.typeArguments ?? node.callee, (t) => t.value === '(' && t.type === 'Punctuator');
        context.report({
          node: node.callee,
          messageId: 'callModule',
          data: { kind, callee: sourceCode.getText(node.callee) },
          suggest: node.optional || !open ? [] : applySuggestions(node, head, (f) => f.replaceTextRange([node.range[0], open.range[0]], head)),
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
        const renamable = !isWrite || (node.parent.type === T.AssignmentExpression && node.parent.operator === '=');
        context.report({
          node: node.property,
          messageId: isWrite ? 'requiresGradWrite' : 'requiresGradRead',
          data: { kind: info.kind, property },
          suggest: renamable ? [{ messageId: 'useTrainable', fix: (f) => rename(f, node, 'trainable') }] : [],
        });
      },
    };
  },
});
