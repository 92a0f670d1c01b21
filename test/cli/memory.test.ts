// The CLI report's memory line, from real ESLint results of the memory rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import plugin from '../../src/index.js';
import { memoryCounts, memorySummary } from '../../src/cli/memory.js';
import { formatReport } from '../../src/cli/report.js';

async function lint(code: string): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.js'], ...plugin.configs.recommended } as never],
  });
  return eslint.lintText(code, { filePath: 'app.js' });
}

const CODE = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
function frame() {
  const q = model.predict(state);
  act(q.dataSync()[0]);
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
await model.fit(xs, ys, { callbacks: { onBatchEnd: () => log(model.predict(xs).mean().dataSync()) } });
for (const x of inputs) show(model.predict(x).argMax(-1).dataSync());
tf.tidy(async () => model.predict(xs));
`;

describe('CLI memory summary', () => {
  it('counts leak sites, those per frame and per batch/epoch, and async tidy functions', async () => {
    const results = await lint(CODE);
    assert.deepEqual(memoryCounts(results), { leaks: 3, perFrame: 1, perBatch: 1, asyncTidy: 1 });
    assert.deepEqual(memorySummary(results), [
      'Memory: 3 tensor leak sites (1 per frame, 1 per batch or epoch, 1 other); 1 async function in tf.tidy or a gradient function.',
      '',
    ]);
  });

  it('says nothing when the memory rules found nothing', async () => {
    const results = await lint(`import * as tf from '@tensorflow/tfjs';\nfor (const x of xs) tf.tidy(() => tf.tensor1d(x).square().dataSync());\n`);
    assert.deepEqual(memorySummary(results), []);
  });

  it('appears in the report under the summary by rule', async () => {
    const results = await lint(CODE);
    const text = formatReport(results, { cwd: process.cwd(), configDescription: 'recommended config', rulesMeta: {} });
    const lines = text.split('\n');
    const memory = lines.findIndex((l) => l.startsWith('Memory: 3 tensor leak sites'));
    assert.ok(memory > lines.indexOf('Summary by rule'), text);
    assert.ok(memory < lines.indexOf('Findings by file'), text);
  });
});
