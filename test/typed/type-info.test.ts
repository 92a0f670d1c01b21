// The checker-side predicates of src/engine/type-info.ts against the REAL @tensorflow/tfjs 4.22.0 declarations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { verdictOfType, type TypeVerdict } from '../../src/engine/type-info.js';

const dir = fileURLToPath(new URL('./fixture/', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(`${dir}tsconfig.json`, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();
const source = program.getSourceFile(`${dir}verdicts.ts`)!;

function probe(name: string): TypeVerdict {
  let found: ts.Identifier | undefined;
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.name.text === `probe_${name}`) found = n.name;
    ts.forEachChild(n, visit);
  };
  visit(source);
  assert.ok(found, `probe_${name} not found`);
  return verdictOfType(checker, checker.getTypeAtLocation(found));
}

const tfjs = (kind: string, promise = false) => ({ verdict: 'tfjs', kind, promise });
const strip = (v: TypeVerdict) => (v.verdict === 'tfjs' ? { verdict: v.verdict, kind: v.kind, promise: v.promise } : v);

describe('type-info: tfjs verdicts from the checker (real tfjs declarations)', () => {
  it('the fixture type-checks against the real @tensorflow/tfjs declarations', () => {
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
    assert.deepEqual(diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), []);
    assert.ok(program.getSourceFiles().some((f) => f.fileName.includes('/@tensorflow/tfjs-layers/')));
  });
  const cases: [string, object][] = [
    ['sequential', tfjs('model')],
    ['functional', tfjs('model')],
    ['returned', tfjs('model')],
    ['wrapper', tfjs('model')],
    ['wrapperTensor', tfjs('tensor')],
    ['dense', tfjs('layer')],
    ['dropout', tfjs('layer')],
    ['customLayer', tfjs('layer')],
    ['customModel', tfjs('model')],
    ['tensor', tfjs('tensor')],
    ['variable', tfjs('tensor')],
    ['nullableTensor', tfjs('tensor')],
    ['mixedUnion', { verdict: 'unknown' }],
    ['optimizer', tfjs('optimizer')],
    ['symbolic', tfjs('symbolic')],
    ['promise', tfjs('model', true)],
    ['generic', tfjs('tensor')],
    ['userTensor', { verdict: 'not-tfjs' }],
    ['any', { verdict: 'unknown' }],
    ['number', { verdict: 'not-tfjs' }],
    ['array', { verdict: 'not-tfjs' }],
  ];
  for (const [name, want] of cases) {
    it(`probe_${name} → ${JSON.stringify(want)}`, () => assert.deepEqual(strip(probe(name)), want));
  }
  it('names the tfjs class for messages (Dropout, Sequential)', () => {
    const d = probe('dropout');
    const s = probe('sequential');
    assert.equal(d.verdict === 'tfjs' && d.className, 'Dropout');
    assert.equal(s.verdict === 'tfjs' && s.className, 'Sequential');
  });
});
