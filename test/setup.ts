// Preloaded with --import before every test file: wires @typescript-eslint/rule-tester to node:test.
// Must run before the first `new RuleTester()` (its constructor registers afterAll).
import { after, describe, it } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';

RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
