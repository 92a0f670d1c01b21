// Derives the `cjs/` and `ts/` variants of each holder-shape matrix cell from its hand-written `esm/`
// variant (test/fixtures-matrix/<shape>/esm/{positive,lookalike}/*.js), so the three stay the same
// program in three module systems: `npm run gen:matrix`. A variant directory that contains a file
// named `HANDWRITTEN` is left alone (the seed cell `class-field` is hand-written in all three forms).
// The conversion is deliberately small: only the import/export forms the cells use.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('../test/fixtures-matrix/', import.meta.url).pathname;

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

for (const shape of readdirSync(ROOT)) {
  const esm = join(ROOT, shape, 'esm');
  if (!existsSync(esm)) continue;
  for (const variant of ['cjs', 'ts']) {
    const vdir = join(ROOT, shape, variant);
    if (existsSync(join(vdir, 'HANDWRITTEN'))) continue;
    rmSync(vdir, { recursive: true, force: true });
    for (const side of readdirSync(esm)) {
      const from = join(esm, side);
      if (!statSync(from).isDirectory()) continue;
      const to = join(vdir, side);
      mkdirSync(to, { recursive: true });
      for (const f of readdirSync(from)) {
        const src = readFileSync(join(from, f), 'utf8');
        if (f === 'package.json') {
          if (variant === 'cjs') writeFileSync(join(to, f), '{ "name": "cell", "version": "1.0.0", "type": "commonjs" }\n');
          continue; // ts: no package.json
        }
        if (!f.endsWith('.js')) continue;
        if (variant === 'cjs') writeFileSync(join(to, f), toCjs(src));
        else writeFileSync(join(to, f.replace(/\.js$/, '.ts')), src);
      }
    }
  }
}
