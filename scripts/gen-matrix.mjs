// Derives the `cjs/` and `ts/` variants of each holder-shape matrix cell from its hand-written `esm/`
// variant (test/fixtures-matrix/<shape>/esm/{positive,lookalike}/**/*.js), so the three stay the same
// program in three module systems: `npm run gen:matrix`. A variant directory that contains a file
// named `HANDWRITTEN` is left alone (cells whose forms cannot be converted line by line, e.g. an
// `export *` barrel in CommonJS, are written by hand in all three forms).
// `npm run gen:matrix -- --check` writes nothing: it lists every derived file that differs from what
// the generator would write, and exits 1 if there is one (test/matrix/gen-matrix.test.ts runs it).
// The conversion is deliberately small: only the import/export forms the cells use.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('../test/fixtures-matrix/', import.meta.url).pathname;
const check = process.argv.includes('--check');

function toCjs(src) {
  const exported = [];
  let out = src
    .replace(/^import \* as (\w+) from ('[^']+');$/gm, 'const $1 = require($2);')
    .replace(/^import \{([^}]+)\} from ('[^']+');$/gm, (_, names, from) => `const {${names.replace(/ as /g, ': ')}} = require(${from});`)
    .replace(/^import (\w+) from ('[^']+');$/gm, 'const $1 = require($2);')
    .replace(/^export (async function|function|class|const|let) (\w+)/gm, (_, kw, name) => {
      exported.push(name);
      return `${kw} ${name}`;
    })
    .replace(/^export default (\w+);$/gm, 'module.exports = $1;');
  if (exported.length) out = `${out.trimEnd()}\nmodule.exports = { ${exported.join(', ')} };\n`;
  return out;
}

/** Every file the generator would write for one variant: relative path → contents. */
function derive(esmSide, variant, rel = '', out = new Map()) {
  for (const f of readdirSync(join(esmSide, rel))) {
    const path = join(rel, f);
    if (statSync(join(esmSide, path)).isDirectory()) {
      derive(esmSide, variant, path, out);
      continue;
    }
    if (f === 'package.json') {
      // each variant is its own package, like a real project (without one, the engine's package scans
      // would walk up to this repository and depend on whatever else it holds)
      out.set(path, `{ "name": "cell", "version": "1.0.0", "type": "${variant === 'cjs' ? 'commonjs' : 'module'}" }\n`);
      continue;
    }
    if (!f.endsWith('.js')) continue;
    const src = readFileSync(join(esmSide, path), 'utf8');
    if (variant === 'cjs') out.set(path, toCjs(src));
    else out.set(path.replace(/\.js$/, '.ts'), src);
  }
  return out;
}

/** Files present under dir (relative paths). */
function listFiles(dir, rel = '', out = []) {
  if (!existsSync(join(dir, rel))) return out;
  for (const f of readdirSync(join(dir, rel))) {
    const path = join(rel, f);
    if (statSync(join(dir, path)).isDirectory()) listFiles(dir, path, out);
    else out.push(path);
  }
  return out;
}

const differences = [];
for (const shape of readdirSync(ROOT).sort()) {
  const esm = join(ROOT, shape, 'esm');
  if (!existsSync(esm)) continue;
  for (const variant of ['cjs', 'ts']) {
    const vdir = join(ROOT, shape, variant);
    if (existsSync(join(vdir, 'HANDWRITTEN'))) continue;
    const want = new Map();
    for (const side of readdirSync(esm)) {
      if (!statSync(join(esm, side)).isDirectory()) continue;
      for (const [path, text] of derive(join(esm, side), variant)) want.set(join(side, path), text);
    }
    if (check) {
      const have = new Set(listFiles(vdir));
      for (const [path, text] of want) {
        const file = join(vdir, path);
        if (!have.has(path)) differences.push(`missing: ${relative(ROOT, file)}`);
        else if (readFileSync(file, 'utf8') !== text) differences.push(`differs: ${relative(ROOT, file)}`);
      }
      for (const path of have) if (!want.has(path)) differences.push(`extra: ${relative(ROOT, join(vdir, path))}`);
      continue;
    }
    rmSync(vdir, { recursive: true, force: true });
    for (const [path, text] of want) {
      mkdirSync(join(vdir, path, '..'), { recursive: true });
      writeFileSync(join(vdir, path), text);
    }
  }
}
if (check) {
  for (const d of differences) console.log(d);
  if (differences.length) {
    console.log(`${differences.length} derived matrix file(s) differ from their esm/ source: run \`npm run gen:matrix\`, or mark a hand-written variant with a HANDWRITTEN file.`);
    process.exitCode = 1;
  }
}
