/**
 * A RuleTester with type information from the REAL @tensorflow/tfjs 4.22.0 declarations
 * (`projectService` over test/typed/fixture; cases are linted as fixture/file.ts).
 */
import { RuleTester } from '@typescript-eslint/rule-tester';
import { fileURLToPath } from 'node:url';

export const TYPED_FIXTURE_DIR = fileURLToPath(new URL('./fixture/', import.meta.url));

export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: TYPED_FIXTURE_DIR },
    },
  });
}
