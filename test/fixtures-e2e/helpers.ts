// Shared helpers of the end-to-end tests (test/e2e/): temporary projects that use the built plugin
// (dist/, built by `npm test` before the tests run) through node_modules symlinks, like an install.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after } from 'node:test';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(ROOT, 'dist/src/cli/cli.js');
export const PLUGIN = join(ROOT, 'dist/src/index.js');
export const PORT_FIXTURE = join(ROOT, 'fixtures/pytorch-port');
export const IDIOMATIC_FIXTURE = join(ROOT, 'fixtures/idiomatic');

if (!existsSync(CLI) || !existsSync(PLUGIN)) {
  throw new Error('test/e2e needs the built plugin: run `npm run build` (npm test does it first)');
}

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test file. */
export function tempDir(prefix = 'torch2tf-e2e-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  made.push(d);
  return d;
}

/**
 * A temporary project: `files` written (paths relative to the project), and `node_modules/<pkg>`
 * symlinks to this repository's installed packages (`eslint-plugin-torch2tf` links to the repo).
 */
export function tempProject(files: Record<string, string>, packages: readonly string[] = []): string {
  const dir = tempDir();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  for (const pkg of packages) {
    const target = pkg === 'eslint-plugin-torch2tf' ? ROOT : join(ROOT, 'node_modules', pkg);
    mkdirSync(dirname(join(dir, 'node_modules', pkg)), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', pkg), 'dir');
  }
  return dir;
}

/** An eslint.config.js that uses the plugin the way users do (`import torch2tf from 'eslint-plugin-torch2tf'`). */
export function projectConfig(extra = ''): string {
  return `import torch2tf from 'eslint-plugin-torch2tf';
import tsParser from '@typescript-eslint/parser';
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  torch2tf.configs.recommended,
  ${extra}
];
`;
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built `torch2tf` CLI in `cwd`. */
export function cli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type RunFn = (
  argv: readonly string[],
  io: { cwd: string; stdout: (s: string) => void; stderr: (s: string) => void; stderrIsTTY: boolean; env?: Record<string, string>; columns?: number },
) => Promise<number>;
let runFn: RunFn | undefined;

/**
 * Runs the built CLI's `run()` (dist/src/cli/cli.js, the code `torch2tf` executes) in this process:
 * the same behaviour as a spawned `torch2tf` minus process start-up, which dominates on a busy
 * 2-core CI machine. A few tests spawn the real process (exit status, the bin link).
 */
export async function runCli(args: readonly string[], cwd = ROOT, env: Record<string, string> = {}, columns?: number): Promise<Run> {
  runFn ??= ((await import(pathToFileURL(CLI).href)) as { run: RunFn }).run;
  let stdout = '';
  let stderr = '';
  const code = await runFn(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: false, env, ...(columns ? { columns } : {}) });
  return { code, stdout, stderr };
}

/** A finding reduced to what must agree between tools: rule, file (relative, posix), line, column. */
export interface Finding {
  readonly ruleId: string | null;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function sortFindings<T extends Finding>(fs: T[]): T[] {
  return fs.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
}
