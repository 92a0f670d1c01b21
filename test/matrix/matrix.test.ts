// The holder-shape matrix (issue 9): how real projects hold tfjs values (wrapper classes, other
// modules, parameters, containers, …) × the rules that must see through them.
//
// Every cell is a small multi-file project on disk under test/fixtures-matrix/<shape>/<variant>/,
// variant = esm | cjs | ts (TypeScript parsed without type information), with two sub-projects:
// - positive/: each line that must be reported carries a trailing `// expect: <rule>[, <rule>…]`
//   marker; the plugin's reports (every untyped rule, at 'error') must be exactly those markers;
// - lookalike/: the same shape with values that are NOT the tfjs habit (user classes with their own
//   predict/train/eval, Function.prototype.apply, brain.js/ml5-style objects, a numeric minimize,
//   explicit {training: false}, frozen target networks, …): no marker, and no report at all.
// A `.js` file's sourceType follows the nearest package.json "type" (commonjs by default, as
// `npm init -y` writes it), like Node and ESLint users expect.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';

const ROOT = fileURLToPath(new URL('../fixtures-matrix/', import.meta.url));
const SOURCE = /\.(?:js|mjs|cjs|ts|mts|cts)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return n === 'node_modules' ? [] : filesUnder(p);
    return SOURCE.test(n) ? [p] : [];
  });
}

function packageType(file: string, stop: string): 'module' | 'commonjs' {
  for (let d = dirname(file); d.startsWith(stop); d = dirname(d)) {
    const pj = join(d, 'package.json');
    if (existsSync(pj)) return (JSON.parse(readFileSync(pj, 'utf8')) as { type?: string }).type === 'module' ? 'module' : 'commonjs';
  }
  return 'commonjs';
}

const untypedRules = Object.fromEntries(
  Object.entries(plugin.rules)
    .filter(([, r]) => !(r.meta?.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking)
    .map(([name]) => [`torch2tf/${name}`, 'error' as const]),
);

function configFor(project: string): Linter.Config[] {
  const cjsJs = filesUnder(project)
    .filter((f) => f.endsWith('.js') && packageType(f, project) === 'commonjs')
    .map((f) => relative(project, f));
  return [
    { files: ['**/*.{js,mjs,cjs,ts,mts,cts}'], plugins: { torch2tf: plugin }, rules: untypedRules },
    { files: ['**/*.{ts,mts,cts}'], languageOptions: { parser: tsParser } },
    ...(cjsJs.length ? [{ files: cjsJs, languageOptions: { sourceType: 'commonjs' as const } }] : []),
  ];
}

/** `file:line rule` for each `// expect:` marker. */
function expected(project: string): string[] {
  return filesUnder(project).flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const m = /\/\/\s*expect:\s*([\w\-, ]+)$/.exec(line.trimEnd());
        return m ? m[1]!.split(',').map((r) => `${relative(project, f)}:${i + 1} ${r.trim()}`) : [];
      }),
  );
}

async function reported(project: string, order: 'eslint' | 'reverse' = 'eslint'): Promise<string[]> {
  const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: configFor(project), ignore: false });
  // ESLint's own order, or one file at a time from the last path to the first: importers before the
  // modules they import, so those are parsed by the engine before they are linted (reports must not
  // depend on which files the process has linted already)
  const results =
    order === 'eslint'
      ? await eslint.lintFiles(['.'])
      : await lintOneByOne(eslint, filesUnder(project).sort().reverse());
  return results.flatMap((r) =>
    r.messages.map((m) => {
      if (!m.ruleId) throw new Error(`${relative(project, r.filePath)}:${m.line} ${m.message}`);
      return `${relative(project, r.filePath)}:${m.line} ${m.ruleId.replace(/^torch2tf\//, '')}`;
    }),
  );
}

async function lintOneByOne(eslint: ESLint, files: string[]): Promise<ESLint.LintResult[]> {
  const out: ESLint.LintResult[] = [];
  for (const f of files) out.push(...(await eslint.lintText(readFileSync(f, 'utf8'), { filePath: f })));
  return out;
}

const shapes = existsSync(ROOT) ? readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort() : [];

describe('holder-shape matrix', () => {
  it('has cells', () => assert.ok(shapes.length > 0, 'no shapes under test/fixtures-matrix'));
  for (const shape of shapes) {
    for (const variant of readdirSync(join(ROOT, shape)).filter((n) => statSync(join(ROOT, shape, n)).isDirectory()).sort()) {
      const cell = join(ROOT, shape, variant);
      it(`${shape} / ${variant}: positive reports exactly its markers`, async () => {
        const project = join(cell, 'positive');
        const want = expected(project).sort();
        assert.ok(want.length > 0, `${relative(ROOT, project)} has no // expect: marker`);
        assert.deepEqual((await reported(project)).sort(), want);
      });
      it(`${shape} / ${variant}: positive reports exactly its markers with its files linted in reverse order`, async () => {
        const project = join(cell, 'positive');
        assert.deepEqual((await reported(project, 'reverse')).sort(), expected(project).sort());
      });
      it(`${shape} / ${variant}: look-alike stays quiet`, async () => {
        const project = join(cell, 'lookalike');
        assert.ok(existsSync(project) && filesUnder(project).length > 0, `${relative(ROOT, cell)} has no lookalike/`);
        assert.deepEqual(expected(project), [], 'a look-alike carries no // expect: marker');
        assert.deepEqual(await reported(project), []);
      });
    }
  }
});
