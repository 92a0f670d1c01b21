/**
 * The plugin's own package.json, found by walking up from this module (works from `src/` under tsx
 * and from `dist/src/` once built).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly homepage?: string;
}

function findPackage(): { pkg: PackageInfo; root: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    try {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as PackageInfo;
      if (pkg.name === 'eslint-plugin-torch2tf') return { pkg, root: dir };
    } catch {
      // keep walking up
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('eslint-plugin-torch2tf: cannot find its own package.json');
    dir = up;
  }
}

const found = findPackage();
export const PACKAGE: PackageInfo = found.pkg;
/** The package root directory (where package.json lives). */
export const PACKAGE_ROOT: string = found.root;
