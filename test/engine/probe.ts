// Test helper for engine unit tests: lint a snippet with a probe rule and inspect the per-file FileIndex.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { walk, type Node } from '../../src/engine/ast.js';
import { getFileIndex, type FileIndex } from '../../src/engine/resolver.js';

/** Lint `code` with a probe rule and hand its FileIndex and AST to `inspect`. */
export function withTf(code: string, inspect: (file: FileIndex, ast: TSESTree.Program) => void, filename = 'probe.ts'): void {
  const linter = new Linter({ configType: 'flat' });
  let ran = false;
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never },
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  const file = getFileIndex(context as never);
                  inspect(file, context.sourceCode.ast as unknown as TSESTree.Program);
                  ran = true;
                  return {};
                },
              },
            },
          },
        },
        rules: { 'probe/probe': 'error' },
      },
    ],
    filename,
  );
  assert.deepEqual(messages, []);
  assert.ok(ran);
}

/** The first call (in source order) whose text starts with `text`. */
export function nodeStarting(file: FileIndex, ast: TSESTree.Program, text: string): Node {
  let found: Node | null = null;
  walk(ast, file.sourceCode.visitorKeys, (n) => {
    if (!found && n.type === 'CallExpression' && file.sourceCode.getText(n).startsWith(text)) found = n;
  });
  assert.ok(found, `no call starting with ${text}`);
  return found;
}


/** The argument of the first `probe(<expr>)` call in the snippet. */
export function probed(file: FileIndex, ast: TSESTree.Program, index = 0): Node {
  const calls: TSESTree.CallExpression[] = [];
  walk(ast, file.sourceCode.visitorKeys, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'probe') calls.push(n);
  });
  const arg = calls[index]?.arguments[0];
  assert.ok(arg, `no probe() call #${index}`);
  return arg;
}
