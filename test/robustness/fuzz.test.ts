// Property-based robustness (fast-check): on generated tfjs programs in every import form and odd-but-valid
// syntax, no rule throws, every suggestion's output parses, all fixes applied together parse and converge
// (re-linting the fixed output reports nothing fixable); on look-alike programs (tf is not tfjs) nothing is
// reported. `npm run fuzz` runs the same properties on ≥ 10,000 programs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProgram, Linter, newStats, programArb } from './gen.js';

// Fixed seeds: a failure here is reproducible with the printed program (fast-check shrinks it first).
const RUNS = 300;
const LOOKALIKE_RUNS = 100;

describe('robustness: generated programs', () => {
  const linter = new Linter({ configType: 'flat' });

  it(`${RUNS} tfjs programs: no crash, suggestions parse, fixes parse and converge`, () => {
    const stats = newStats();
    fc.assert(fc.property(programArb(), (prog) => checkProgram(linter, prog, stats)), { numRuns: RUNS, seed: 20261127 });
    assert.equal(stats.programs, RUNS);
    // the generator must actually exercise the rules and their fixes, or this test proves nothing
    assert.ok(stats.reports > RUNS, `only ${stats.reports} reports over ${RUNS} programs`);
    assert.ok(stats.fixed > 0 && stats.suggestions > 0, `fixed ${stats.fixed}, suggestions ${stats.suggestions}`);
  });

  it(`${LOOKALIKE_RUNS} look-alike programs (brain.js tf, undeclared tf, local tf object): zero reports`, () => {
    const stats = newStats();
    fc.assert(fc.property(programArb({ lookalike: true }), (prog) => checkProgram(linter, prog, stats)), {
      numRuns: LOOKALIKE_RUNS,
      seed: 20261127,
    });
    assert.equal(stats.programs, LOOKALIKE_RUNS);
    assert.equal(stats.reports, 0);
  });

  it('the harness itself detects a broken fix (a rule whose fix does not parse is caught)', () => {
    // guards against a checker that can never fail
    const broken = {
      meta: { type: 'problem' as const, fixable: 'code' as const, schema: [], messages: { m: 'm' } },
      create: (context: { report: (d: unknown) => void }) => ({
        Identifier(node: { range: [number, number] }) {
          context.report({ node, messageId: 'm', fix: (f: { replaceTextRange: (r: [number, number], t: string) => unknown }) => f.replaceTextRange(node.range, '(') });
        },
      }),
    };
    const l = new Linter({ configType: 'flat' });
    const cfg = [{ files: ['**/*.js'], plugins: { b: { rules: { r: broken } } }, rules: { 'b/r': 'error' } }] as never;
    const out = l.verifyAndFix('foo;\n', cfg, { filename: 'x.js' });
    assert.ok(l.verify(out.output, [{ files: ['**/*.js'] }], { filename: 'x.js' }).some((m) => m.fatal));
  });
});
