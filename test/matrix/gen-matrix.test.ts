// The derived matrix variants stay what `npm run gen:matrix` writes from each cell's esm/ source,
// so an edit of an esm/ cell without regenerating (or a generator change that would rewrite or
// delete committed cells) fails here instead of silently testing two different programs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function runCheck(repo: string) {
  return spawnSync(process.execPath, [join(repo, 'scripts/gen-matrix.mjs'), '--check'], { encoding: 'utf8' });
}

describe('gen:matrix', () => {
  it('--check: every derived cell on disk is what the generator writes', () => {
    const r = runCheck(REPO);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('--check fails and names the file when an esm/ cell changes without regenerating', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gen-matrix-'));
    try {
      cpSync(join(REPO, 'scripts/gen-matrix.mjs'), join(copy, 'scripts/gen-matrix.mjs'));
      cpSync(join(REPO, 'test/fixtures-matrix'), join(copy, 'test/fixtures-matrix'), { recursive: true });
      const file = join(copy, 'test/fixtures-matrix/branch-writes/esm/positive/train.js');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n// edited\n`);
      const r = runCheck(copy);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /differs: branch-writes\/cjs\/positive\/train\.js/);
      assert.match(r.stdout, /differs: branch-writes\/ts\/positive\/train\.ts/);
      // regenerating (no --check) brings the derived variants back in line
      assert.equal(spawnSync(process.execPath, [join(copy, 'scripts/gen-matrix.mjs')]).status, 0);
      assert.equal(runCheck(copy).status, 0);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
