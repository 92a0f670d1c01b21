// Property-based robustness across modules (issue 9): generated projects of 2–4 files on disk (ES modules,
// CommonJS, TypeScript) where the tfjs value lives in another module: an exported value, a factory,
// `export default`, a class building it in its constructor, an exported function's parameter fed by the
// importer's call, a forward helper called in the importer's training step, a settings.torch2tf.modules
// wrapper, through barrels and index files, named imports or members of the module object
// (test/robustness/modules-gen.ts). On every file: no rule throws,
// every suggestion's output parses, all fixes applied parse and converge. Look-alike projects (the value is
// brain.js, ml5, a user's class, a numeric minimize, a matrix library) get zero reports. And the generator
// must exercise the cross-module engine: reports that exist only because the other modules are on disk are
// counted and must be frequent. `npm run fuzz -- --modules N` runs the same properties on more projects.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { checkProject, moduleLinter, newModuleStats, projectArb, projectRoot, SHAPES } from './modules-gen.js';

// Fixed seed: a failure is reproducible with the printed project (fast-check shrinks it first). 400 + 160
// projects take about 11 s on an idle 2-core machine (about 5x that under the usual shared load).
const RUNS = 400;
const LOOKALIKE_RUNS = 160;

describe('robustness: generated multi-module projects', () => {
  const root = projectRoot();
  after(() => rmSync(root, { recursive: true, force: true }));
  const linter = moduleLinter();

  it(`${RUNS} tfjs projects: no crash, suggestions parse, fixes parse and converge; the engine follows the imports`, (t) => {
    const stats = newModuleStats();
    fc.assert(fc.property(projectArb(), (proj) => checkProject(linter, root, proj, stats)), { numRuns: RUNS, seed: 20261205 });
    assert.equal(stats.programs, RUNS);
    t.diagnostic(`${stats.files} files, ${stats.reports} reports, ${stats.crossModule} only because the other modules are on disk (${stats.crossImporter} in importers, ${stats.namespaceCross} of them through a module object, ${stats.projectsWithCross} projects)`);
    assert.ok(stats.fixed > 0 && stats.suggestions > 0, `fixed ${stats.fixed}, suggestions ${stats.suggestions}`);
    // not vacuous: reports that only exist because the value's module is on disk, in the importer and overall
    assert.ok(stats.crossImporter > RUNS / 2, `only ${stats.crossImporter} cross-module reports in importers over ${RUNS} projects`);
    assert.ok(stats.projectsWithCross > RUNS / 3, `only ${stats.projectsWithCross} of ${RUNS} projects have a cross-module report`);
    // about one importer in six uses a module object: their cross-module reports must be frequent too
    assert.ok(stats.namespaceCross > RUNS / 20, `only ${stats.namespaceCross} cross-module reports through a module object (import * as m / require())`);
    for (const shape of SHAPES) {
      assert.ok((stats.byShape[shape]?.cross ?? 0) > 0, `shape ${shape}: no cross-module report (${JSON.stringify(stats.byShape[shape])})`);
    }
  });

  it(`${LOOKALIKE_RUNS} look-alike projects (brain.js, ml5, a user's class, a numeric minimize in the module): zero reports`, () => {
    const stats = newModuleStats();
    fc.assert(fc.property(projectArb({ lookalike: true }), (proj) => checkProject(linter, root, proj, stats)), {
      numRuns: LOOKALIKE_RUNS,
      seed: 20261205,
    });
    assert.equal(stats.programs, LOOKALIKE_RUNS);
    assert.equal(stats.reports, 0);
  });
});
