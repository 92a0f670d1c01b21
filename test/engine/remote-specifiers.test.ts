// tfjs imported by URL or with a registry prefix: Deno's `npm:` specifiers and the ES-module CDNs a browser
// page imports from. The engine takes them for the package they name (src/engine/settings.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { packageOfRemoteSpecifier } from '../../src/engine/settings.js';

const TFJS_URLS = [
  'npm:@tensorflow/tfjs@4.22.0',
  'npm:@tensorflow/tfjs',
  'https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/+esm',
  'https://esm.sh/@tensorflow/tfjs@4.22.0',
  'https://esm.sh/v135/@tensorflow/tfjs@4.22.0/es2022/tfjs.mjs',
  'https://cdn.skypack.dev/@tensorflow/tfjs',
  'https://unpkg.com/@tensorflow/tfjs@4.22.0?module',
  'https://ga.jspm.io/npm:@tensorflow/tfjs@4.22.0/dist/index.js',
];

function lint(code: string): string[] {
  const linter = new Linter({ cwd: '/', configType: 'flat' });
  return linter
    .verify(code, [{ files: ['**/*.js'], plugins: { torch2tf: plugin as never }, rules: { 'torch2tf/no-torch-mode-switch': 'error' } }], '/virtual/app.js')
    .map((m) => `${m.line}: ${m.messageId ?? m.message}`);
}

describe('tfjs imported from a CDN or with a registry prefix', () => {
  it('packageOfRemoteSpecifier names the package of each form, and nothing else', () => {
    for (const url of TFJS_URLS) assert.equal(packageOfRemoteSpecifier(url), '@tensorflow/tfjs', url);
    assert.equal(packageOfRemoteSpecifier('https://esm.sh/@tensorflow/tfjs-core@4.22.0'), '@tensorflow/tfjs-core');
    assert.equal(packageOfRemoteSpecifier('https://example.com/npm/@tensorflow/tfjs'), null);
    assert.equal(packageOfRemoteSpecifier('npm:@tensorflow-models/coco-ssd'), null);
    assert.equal(packageOfRemoteSpecifier('@tensorflow/tfjs'), null, 'a bare specifier is matched as it is');
  });

  for (const url of TFJS_URLS) {
    it(`a model from \`${url}\` is a tfjs model`, () => {
      assert.deepEqual(lint(`import * as tf from '${url}';\nconst model = tf.sequential();\nmodel.eval();\n`), ['3: modeCall']);
    });
  }

  it('a package of the same shape that is not tfjs stays unknown', () => {
    assert.deepEqual(lint(`import * as tf from 'https://esm.sh/@tensorflow-models/pose-detection';\nconst model = tf.sequential();\nmodel.eval();\n`), []);
    assert.deepEqual(lint(`import * as tf from 'https://example.com/@tensorflow/tfjs';\nconst model = tf.sequential();\nmodel.eval();\n`), []);
  });
});
