#!/usr/bin/env -S node --import tsx
/**
 * `npm run fuzz [-- --runs N] [--lookalike-runs N] [--modules N] [--seed S]`: the property-based robustness
 * check of test/robustness/gen.ts on many generated programs: by default 10,000 tfjs programs, plus 2,000
 * look-alike programs (where `tf` is brain.js, an undeclared global or a local object: nothing may be
 * reported there); then test/robustness/modules-gen.ts's multi-module projects on disk (`--modules N`,
 * default 2,000 tfjs projects and N / 2 look-alike projects whose value is not tfjs; `--modules 0` skips
 * them), with the count of reports that only exist because the other modules are on disk.
 *
 * Unlike the `npm test` version (test/robustness/fuzz.test.ts, which stops at the first failure), this
 * keeps going: it groups failures by signature (rule + what went wrong), then lets fast-check shrink one
 * counterexample per signature and prints it. Exit code 1 when any property failed.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import { checkProgram, Linter, newStats, programArb, PropertyFailure, type CheckStats } from '../test/robustness/gen.js';
import { checkProject, moduleLinter, newModuleStats, projectArb, projectRoot, type ModuleStats } from '../test/robustness/modules-gen.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const runs = arg('runs', 10_000);
const lookalikeRuns = arg('lookalike-runs', Math.round(runs / 5));
const modules = arg('modules', 2_000);
const seed = arg('seed', Date.now() % 2 ** 31);
const linter = new Linter({ configType: 'flat' });
const multiLinter = moduleLinter();
const root = projectRoot();
let failed = false;

/** One generated case checked against every property (a single-file program or a project on disk). */
type Check<T> = (x: T, stats: CheckStats) => void;
const single: Check<Parameters<typeof checkProgram>[1]> = (prog, stats) => checkProgram(linter, prog, stats);
const multi: Check<Parameters<typeof checkProject>[2]> = (proj, stats) => checkProject(multiLinter, root, proj, stats as ModuleStats);

const suites: [string, fc.Arbitrary<never>, number, Check<never>, () => CheckStats][] = [
  ['tfjs programs', programArb() as fc.Arbitrary<never>, runs, single, newStats],
  ['look-alike programs (tf is not tfjs: zero reports allowed)', programArb({ lookalike: true }) as fc.Arbitrary<never>, lookalikeRuns, single, newStats],
  ['multi-module tfjs projects', projectArb() as fc.Arbitrary<never>, modules, multi, newModuleStats],
  ['multi-module look-alike projects (the value is not tfjs: zero reports allowed)', projectArb({ lookalike: true }) as fc.Arbitrary<never>, Math.round(modules / 2), multi, newModuleStats],
];

for (const [label, arb, n, check, fresh] of suites) {
  if (n <= 0) continue;
  const stats = fresh();
  const failures = new Map<string, { count: number }>();
  const started = performance.now();
  fc.assert(
    fc.property(arb, (prog) => {
      try {
        check(prog, stats);
      } catch (e) {
        if (!(e instanceof PropertyFailure)) throw e;
        const f = failures.get(e.signature);
        if (f) f.count++;
        else failures.set(e.signature, { count: 1 });
      }
    }),
    { numRuns: n, seed },
  );
  const secs = (performance.now() - started) / 1000;
  console.log(`\n${label}: ${n} programs (seed ${seed}) in ${secs.toFixed(1)} s (${((secs * 1000) / n).toFixed(2)} ms/program, every rule + fix + re-lint)`);
  console.log(`  ${stats.programs} passed every property; ${stats.reports} reports, ${stats.fixed} programs autofixed and re-linted, ${stats.suggestions} suggestion outputs parsed`);
  if ('crossModule' in stats) {
    const m = stats as ModuleStats;
    console.log(`  ${m.files} files; ${m.crossModule} reports only because the other modules are on disk (${m.crossImporter} in importers), in ${m.projectsWithCross} projects`);
    for (const [shape, s] of Object.entries(m.byShape)) console.log(`    ${shape}: ${s.projects} projects, ${s.cross} cross-module reports`);
  }
  for (const [rule, count] of Object.entries(stats.byRule).sort((a, b) => b[1] - a[1])) console.log(`    ${rule}: ${count}`);
  if (failures.size === 0) continue;
  failed = true;
  console.log(`\n  ${failures.size} distinct failure(s):`);
  for (const [signature, { count }] of failures) {
    // shrink one counterexample for this signature only
    const shrunk = fc.check(
      fc.property(arb, (prog) => {
        try {
          check(prog, fresh());
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
rmSync(root, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
