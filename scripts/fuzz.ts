#!/usr/bin/env -S node --import tsx
/**
 * `npm run fuzz [-- --runs N] [--lookalike-runs N] [--seed S]`: the property-based robustness check of
 * test/robustness/gen.ts on many generated programs: by default 10,000 tfjs programs, plus 2,000
 * look-alike programs (where `tf` is brain.js, an undeclared global or a local object: nothing may be
 * reported there).
 *
 * Unlike the `npm test` version (test/robustness/fuzz.test.ts, which stops at the first failure), this
 * keeps going: it groups failures by signature (rule + what went wrong), then lets fast-check shrink one
 * counterexample per signature and prints it. Exit code 1 when any property failed.
 */
import fc from 'fast-check';
import { checkProgram, Linter, newStats, programArb, PropertyFailure, type GenProgram } from '../test/robustness/gen.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 10_000);
const lookalikeRuns = arg('lookalike-runs', Math.round(runs / 5));
const seed = arg('seed', Date.now() % 2 ** 31);
const linter = new Linter({ configType: 'flat' });
let failed = false;

for (const [label, arb, n] of [
  ['tfjs programs', programArb(), runs],
  ['look-alike programs (tf is not tfjs: zero reports allowed)', programArb({ lookalike: true }), lookalikeRuns],
] as const) {
  const stats = newStats();
  const failures = new Map<string, { count: number; first: GenProgram }>();
  const started = performance.now();
  fc.assert(
    fc.property(arb, (prog) => {
      try {
        checkProgram(linter, prog, stats);
      } catch (e) {
        if (!(e instanceof PropertyFailure)) throw e;
        const f = failures.get(e.signature);
        if (f) f.count++;
        else failures.set(e.signature, { count: 1, first: prog });
      }
    }),
    { numRuns: n, seed },
  );
  const secs = (performance.now() - started) / 1000;
  console.log(`\n${label}: ${n} programs (seed ${seed}) in ${secs.toFixed(1)} s (${((secs * 1000) / n).toFixed(2)} ms/program, every rule + fix + re-lint)`);
  console.log(`  ${stats.programs} passed every property; ${stats.reports} reports, ${stats.fixed} programs autofixed and re-linted, ${stats.suggestions} suggestion outputs parsed`);
  for (const [rule, count] of Object.entries(stats.byRule).sort((a, b) => b[1] - a[1])) console.log(`    ${rule}: ${count}`);
  if (failures.size === 0) continue;
  failed = true;
  console.log(`\n  ${failures.size} distinct failure(s):`);
  for (const [signature, { count }] of failures) {
    // shrink one counterexample for this signature only
    const shrunk = fc.check(
      fc.property(arb, (prog) => {
        try {
          checkProgram(linter, prog);
        } catch (e) {
          if (e instanceof PropertyFailure && e.signature === signature) throw e;
        }
      }),
      { numRuns: n, seed },
    );
    console.log(`\n  ✗ ${signature} (${count} of ${n} programs)`);
    const msg = shrunk.failed && shrunk.errorInstance instanceof Error ? shrunk.errorInstance.message : '(not reproduced while shrinking)';
    console.log(msg.replace(/^/gm, '    '));
  }
}
process.exitCode = failed ? 1 : 0;
