import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { calledMember, literalValue } from '../src/engine/ast.js';
import { createRule } from '../src/create-rule.js';
import { textAsReceiver } from '../src/fix/edits.js';
import { getFileIndex } from '../src/engine/resolver.js';
import { missingMemberReceiver, resultIsUsed } from '../src/engine/module-api.js';
import { varListShape } from '../src/engine/var-list.js';

type MessageId = 'misplacedVarList' | 'swappedArguments' | 'moveToVarList' | 'moveToVarListRead' | 'swapArguments';

export default createRule({
  name: 'no-misplaced-var-list',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passing a variable list as the second argument of `optimizer.minimize()`, which is `returnCost`',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      misplacedVarList:
        'The second argument of `minimize()` is `returnCost`, not the variables to train, so every trainable variable `f` touches is updated. Pass them third: `minimize(f, {{returnCost}}, varList)`.',
      swappedArguments:
        '`minimize(f, returnCost, varList)` takes the var list third: with `{{flag}}` there, it throws "The varList passed in variableGrads(f, varList) must be an array of variables". Swap them.',
      moveToVarList: 'Pass it as the varList: `minimize(f, {{returnCost}}, {{list}})` (only these variables train).',
      moveToVarListRead:
        'Pass the tf.Variables behind these LayerVariables as the varList: `minimize(f, {{returnCost}}, {{list}})` (minimize() rejects LayerVariables).',
      swapArguments: 'Swap the arguments: `minimize(f, {{flag}}, …)`.',
    },
    schema: [],
    languages: ['js/js'],
  },
  create(context) {
    const file = getFileIndex(context);
    if (!file.touchesTfjs) return {};
    const sourceCode = context.sourceCode;
    const READ = '.map((v) => v.read())';
    /** The list as minimize() accepts it: tf.Variables in an array. */
    const asVarList = (arg: TSESTree.Node, shape: string): string => {
      const text = sourceCode.getText(arg);
      if (shape === 'tensor') return `[${text}]`;
      return shape === 'layer-variables' ? `${textAsReceiver(sourceCode, arg)}${READ}` : text;
    };

    return {
      CallExpression(node) {
        const m = calledMember(node);
        if (!m || m.name !== 'minimize' || node.arguments.length < 2 || node.arguments.length > 3) return;
        const [, second, third] = node.arguments;
        if (!second || second.type === 'SpreadElement' || third?.type === 'SpreadElement') return;
        const shape = varListShape(file, second);
        if (!shape || !missingMemberReceiver(file, m.member.object, 'minimize', ['optimizer'], { ignorePatched: true })) return;

        const flag = literalValue(third);
        if (third && typeof flag === 'boolean') {
          context.report({
            node: second,
            messageId: 'swappedArguments',
            data: { flag: String(flag) },
            suggest: [
              {
                messageId: 'swapArguments',
                data: { flag: String(flag) },
                fix: (fixer) => [
                  fixer.replaceText(second, sourceCode.getText(third)),
                  fixer.replaceText(third, asVarList(second, shape)),
                ],
              },
            ],
          });
          return;
        }

        // keep what the call returned: a truthy second argument made minimize() return the cost
        const returnCost = resultIsUsed(node) ? 'true' : 'false';
        const lists: { messageId: MessageId; list: string }[] = [];
        if (shape !== 'layer-variables') lists.push({ messageId: 'moveToVarList', list: asVarList(second, shape) });
        if (shape === 'layer-variables' || shape === 'maybe-layer-variables') {
          lists.push({ messageId: 'moveToVarListRead', list: asVarList(second, 'layer-variables') });
        }
        context.report({
          node: second,
          messageId: 'misplacedVarList',
          data: { returnCost },
          // with a third argument already present, which list was meant is unclear: report only
          suggest: third
            ? []
            : lists.map(({ messageId, list }) => ({
                messageId,
                data: { returnCost, list },
                fix: (fixer: TSESLint.RuleFixer) => fixer.replaceText(second as TSESTree.Node, `${returnCost}, ${list}`),
              })),
        });
      },
    };
  },
});
