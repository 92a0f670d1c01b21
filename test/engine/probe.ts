// Test helper for engine unit tests: lint a snippet with a probe rule and inspect the per-file FileIndex.
import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { walk, type Node } from '../../src/engine/ast.js';
import { getFileIndex, type FileIndex } from '../../src/engine/resolver.js';

type Inspect = (file: FileIndex, ast: TSESTree.Program) => void;

/** Lint `code` as `filename` with a probe rule that hands its FileIndex and AST to `inspect`. */
function runProbe(code: string, filename: string, inspect: Inspect, cwd?: string): void {
  const linter = new Linter({ configType: 'flat', ...(cwd ? { cwd } : {}) });
  let ran = false;
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx}'],
        ...(/\.tsx?$/.test(filename) ? { languageOptions: { parser: tsParser as never } } : {}),
        plugins: {
          probe: {
            rules: {
              probe: {
                create(context) {
                  inspect(getFileIndex(context as never), context.sourceCode.ast as unknown as TSESTree.Program);
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

/** Lint `code` with a probe rule and hand its FileIndex and AST to `inspect`. */
export function withTf(code: string, inspect: Inspect, filename = 'probe.ts'): void {
  runProbe(code, filename, inspect);
}

/** The same for a file on disk (any absolute path, so that the engine reads the modules around it). */
export function withFileOnDisk(path: string, code: string, inspect: Inspect): void {
  runProbe(code, path, inspect, '/');
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


/** The arguments of every `probe(<expr>)` call in the snippet, in source order. */
export function probedAll(file: FileIndex, ast: TSESTree.Program): Node[] {
  const args: Node[] = [];
  walk(ast, file.sourceCode.visitorKeys, (n) => {
    if (n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'probe' && n.arguments[0]) args.push(n.arguments[0]);
  });
  return args;
}

/** The argument of the first `probe(<expr>)` call in the snippet. */
export function probed(file: FileIndex, ast: TSESTree.Program, index = 0): Node {
  const arg = probedAll(file, ast)[index];
  assert.ok(arg, `no probe() call #${index}`);
  return arg;
}
