// The `torch2tf` CLI end to end: the built dist/src/cli/cli.js run as a process, compared with the ESLint
// Node API run in the same test (so the assertions stay true as rules are added), plus the specific
// known findings of the template rule on fixtures/pytorch-port (src/evaluate.ts lines 6 and 9).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../src/index.js';
import { CLI, cli, runCli, IDIOMATIC_FIXTURE, PORT_FIXTURE, projectConfig, ROOT, sortFindings, tempDir, tempProject, type Finding } from '../fixtures-e2e/helpers.js';
import { sarifValidator } from '../fixtures-e2e/sarif.js';
import { DEFAULT_WIDTH } from '../../src/cli/report.js';

const FILES = ['**/*.{js,mjs,cjs,ts,tsx}'];
const PROJECT_PACKAGES = ['eslint-plugin-torch2tf', '@typescript-eslint/parser'];

/** The built-in config the CLI documents, built here independently through the ESLint API. */
function apiESLint(cwd: string, extra: Partial<ESLint.Options> = {}): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: FILES },
      { ...(plugin.configs.recommended as Linter.Config), files: FILES },
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser as Linter.Parser } },
    ],
    ...extra,
  });
}

function findingsOfResults(results: readonly ESLint.LintResult[], cwd: string): Finding[] {
  return sortFindings(
    results.flatMap((r) =>
      r.messages.map((m) => ({ ruleId: m.ruleId, file: relative(cwd, r.filePath).split(sep).join('/'), line: m.line, column: m.column })),
    ),
  );
}

function copyPort(): string {
  const dir = tempDir();
  cpSync(PORT_FIXTURE, dir, { recursive: true });
  return dir;
}

describe('torch2tf CLI: usage', () => {
  it('--help prints the usage and exits 0', () => {
    const r = cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^Usage: torch2tf \[options\] \[paths\.\.\.\]/);
    for (const flag of ['--fix', '--fix-dry-run', '--apply-suggestions', '--format', '--output', '--max-warnings', '--typed', '--config-mode']) {
      assert.ok(r.stdout.includes(flag), `help mentions ${flag}`);
    }
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(cli(['--version']).stdout.trim(), pkg.version);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['unknown flag', ['--bogus'], /unknown option "--bogus"/],
    ['bad --format', ['--format', 'xml', 'fixtures/pytorch-port'], /--format must be one of report, stylish, json, sarif, github/],
    ['missing path', ['no/such/dir'], /no such file or directory: no\/such\/dir/],
    ['unknown rule name', ['--apply-suggestions', 'no-such-rule', 'fixtures/pytorch-port'], /unknown rule "no-such-rule"/],
    ['flag without its value', ['--max-warnings'], /--max-warnings needs a value/],
    ['bad --max-warnings', ['--max-warnings', 'lots'], /non-negative integer/],
    ['--fix with --fix-dry-run', ['--fix', '--fix-dry-run'], /cannot be used together/],
    ['bad --config-mode', ['--config-mode', 'mine'], /--config-mode must be one of auto, project, builtin/],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`exits 2 on a usage error: ${name}`, async () => {
      const r = await runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }

  it('the process exits with status 2 on a usage error, and prints nothing on stdout', () => {
    const r = cli(['--bogus', 'fixtures/pytorch-port']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^torch2tf: unknown option "--bogus" \(see torch2tf --help\)\n$/);
    assert.equal(r.stdout, '');
  });

  it('exits 2 on a config error (--config-mode project without a config; a project config that throws)', async () => {
    const none = tempProject({ 'package.json': '{}', 'a.js': 'export {};\n' });
    const r = await runCli(['--config-mode', 'project', '.'], none);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no eslint\.config\.\* found/);
    const broken = tempProject({ 'eslint.config.js': 'throw new Error("broken config");\n', 'package.json': '{"type":"module"}', 'a.js': 'export {};\n' });
    const b = await runCli(['.'], broken);
    assert.equal(b.code, 2);
    assert.match(b.stderr, /broken config/);
  });
});

describe('torch2tf CLI: the migration report', () => {
  it('fixtures/pytorch-port: the report (summary per rule with docs links, findings by file, needs a human) and exit 1', () => {
    const r = cli(['fixtures/pytorch-port']);
    assert.equal(r.code, 1, r.stderr);
    // this repository's own eslint.config.js ignores fixtures/**, so auto mode audits with the built-in config
    assert.match(r.stderr, /does not cover fixtures\/pytorch-port: using the built-in recommended config/);
    const out = r.stdout;
    assert.match(out, /^torch2tf migration report: \d+ files? linted with the built-in torch2tf recommended config/);
    const summary = out.indexOf('Summary by rule');
    const byFile = out.indexOf('Findings by file');
    const human = out.indexOf('Needs a human (no autofix, no suggestion');
    assert.ok(summary > 0 && byFile > summary && human > byFile, 'sections in order');
    // each rule's docs page once, on the line under its summary row
    assert.match(
      out,
      /\n {2}torch2tf\/no-torch-mode-switch +\d+ +\d+ +\d+ +\d+\n {4}https:\/\/github\.com\/torch2tf\/eslint-plugin-torch2tf\/blob\/v[\d.]+\/docs\/rules\/no-torch-mode-switch\.md\n/,
    );
    const url = /https:\/\/\S+\/no-torch-mode-switch\.md/g;
    assert.equal(out.match(url)?.length, 1, 'the docs URL is printed once');
    const evaluate = out.slice(out.indexOf('\nfixtures/pytorch-port/src/evaluate.ts\n'));
    assert.match(evaluate, /\n {2}6:9 +torch2tf\/no-torch-mode-switch \[suggestion\] tfjs models have no `eval\(\)`/);
    assert.match(evaluate, /\n {2}9:9 +torch2tf\/no-torch-mode-switch \[suggestion\] tfjs models have no `train\(\)`/);
    assert.match(out.replace(/\n(?!\n)/g, ' '), /\d+ findings? in \d+ files?: \d+ autofixable .*, \d+ with suggestions .*, \d+ needs? a human\. $/);
    // piped: wrapped to the default width; only unbreakable URLs may be longer
    for (const line of out.split('\n').slice(1)) if (!/^ +https:\/\//.test(line)) assert.ok(line.length <= DEFAULT_WIDTH, line);
  });

  it('the report wraps to the terminal width it is given (io.columns), with a floor of 80 columns', async () => {
    for (const columns of [80, 140]) {
      const r = await runCli(['fixtures/pytorch-port'], ROOT, {}, columns);
      const lines = r.stdout.split('\n').slice(1).filter((l) => !/^ +https:\/\//.test(l)); // the header names the config file: one line
      assert.ok(lines.every((l) => l.length <= columns), `${columns}: ${lines.find((l) => l.length > columns)}`);
      assert.ok(lines.some((l) => l.length > columns - 15), `${columns}: lines use the width`);
    }
  });

  it('--format json gives exactly the ESLint API findings for the same config', async () => {
    const r = await runCli(['--format', 'json', 'fixtures/pytorch-port', 'fixtures/idiomatic']);
    const json = JSON.parse(r.stdout) as ESLint.LintResult[];
    const api = await apiESLint(ROOT).lintFiles(['fixtures/pytorch-port', 'fixtures/idiomatic']);
    const cliFindings = findingsOfResults(json, ROOT);
    assert.deepEqual(cliFindings, findingsOfResults(api, ROOT));
    assert.deepEqual(
      cliFindings.filter((f) => f.ruleId === 'torch2tf/no-torch-mode-switch' && f.file === 'fixtures/pytorch-port/src/evaluate.ts').map((f) => f.line),
      [6, 9],
    );
    assert.equal(r.code, cliFindings.length > 0 ? 1 : 0);
    // every file the API lints, the CLI lints (nothing skipped, nothing extra)
    assert.deepEqual(json.map((x) => x.filePath).sort(), api.map((x) => x.filePath).sort());
  });

  it('fixtures/idiomatic: no findings, exit 0 (the package.json bin, executed as a program)', () => {
    const r = spawn(['torch2tf', IDIOMATIC_FIXTURE]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /No PyTorch habits found\./);
  });

  it('`npm start` (scripts/demo.mjs after the build): says the findings are expected and exits 0, so npm prints no error', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Demo: auditing fixtures\/pytorch-port[^\n]*\nThe findings below are expected\./);
    assert.match(r.stdout, /torch2tf migration report: \d+ files linted/);
    assert.match(r.stdout, /\nDemo done: these are the findings the port was written to show/);
  });

  it('--format stylish is ESLint\'s stylish formatter; --output writes the file and leaves stdout empty', async () => {
    const stylish = await runCli(['--format', 'stylish', 'fixtures/pytorch-port']);
    const api = apiESLint(ROOT);
    const expected = await (await api.loadFormatter('stylish')).format(await api.lintFiles(['fixtures/pytorch-port']));
    assert.equal(stylish.stdout, expected);
    const dir = tempDir();
    const file = join(dir, 'reports/torch2tf.json');
    const r = await runCli(['--format', 'json', '--output', file, 'fixtures/pytorch-port']);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.ok((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length > 0);
  });

  it('on a TTY, a large tree shows a progress line on stderr (run under a pseudo-terminal with `script`)', () => {
    const dir = tempDir();
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, `m${i}.js`), `import * as tf from '@tensorflow/tfjs';\nexport const m${i} = tf.sequential();\n`);
    // util-linux `script` gives the process a pty; stdout goes to a file so only stderr reaches the terminal
    const out = execFileSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} . > report.txt`, '/dev/null'], { cwd: dir, encoding: 'utf8' });
    assert.ok(out.includes('\r\x1b[Ktorch2tf: 400 files linted'), JSON.stringify(out));
    assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /^torch2tf migration report: 400 files linted/);
  });

  it('--progress shows the files-linted line on stderr (the default shows it on a TTY only)', async () => {
    const forced = await runCli(['--progress', 'fixtures/pytorch-port']);
    assert.match(forced.stderr, /torch2tf: \d+ files linted\n$/);
    const piped = await runCli(['fixtures/pytorch-port']);
    assert.doesNotMatch(piped.stderr, /files linted/);
  });
});

function spawn(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  // The file package.json's "bin" names, executed directly (shebang + executable bit), as the
  // node_modules/.bin link of an installed package would run it. (`npx --no-install torch2tf` inside
  // this repository depends on npx's cache, not on the package.)
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const [name, ...rest] = args;
  try {
    const stdout = execFileSync(join(ROOT, pkg.bin[name!]!), rest, { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, stdout, stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('torch2tf CLI: file discovery and robustness', () => {
  it('skips node_modules and .gitignore\'d files, lints .ts/.tsx/.mts/.cts/.js/.mjs/.cjs, reports unreadable and unparsable files and goes on', async () => {
    const bad = `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.eval();\n`;
    const dir = tempProject({
      'package.json': '{}',
      '.gitignore': '# build output\ndist/\n/coverage\n*.gen.js\n',
      'src/a.ts': bad,
      'src/b.tsx': `${bad}export const C = () => <div>{String(m)}</div>;\n`,
      'src/c.js': bad,
      'src/d.mjs': bad,
      'src/e.cjs': `const tf = require('@tensorflow/tfjs');\nconst m = tf.sequential();\nm.eval();\n`,
      'src/g.mts': bad,
      'src/h.cts': `import tf = require('@tensorflow/tfjs');\nconst m = tf.sequential();\nm.eval();\n`,
      'src/f.jsx.txt': bad,
      'src/broken-syntax.ts': 'const a = ;\n',
      'src/z.ts': bad,
      'node_modules/dep/index.js': bad,
      'dist/out.js': bad,
      'coverage/x.js': bad,
      'src/thing.gen.js': bad,
    });
    symlinkSync(join(dir, 'does-not-exist.ts'), join(dir, 'src/dangling.ts'));
    const r = await runCli(['--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const results = JSON.parse(r.stdout) as ESLint.LintResult[];
    const byFile = Object.fromEntries(results.map((x) => [relative(dir, x.filePath), x]));
    assert.deepEqual(Object.keys(byFile).sort(), ['src/a.ts', 'src/b.tsx', 'src/broken-syntax.ts', 'src/c.js', 'src/d.mjs', 'src/dangling.ts', 'src/e.cjs', 'src/g.mts', 'src/h.cts', 'src/z.ts']);
    for (const f of ['src/a.ts', 'src/b.tsx', 'src/c.js', 'src/d.mjs', 'src/e.cjs', 'src/g.mts', 'src/h.cts', 'src/z.ts']) {
      assert.deepEqual(byFile[f]!.messages.filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch').map((m) => m.line), [3], f);
    }
    assert.match(byFile['src/broken-syntax.ts']!.messages[0]!.message, /^Parsing error/);
    assert.equal(byFile['src/broken-syntax.ts']!.fatalErrorCount, 1);
    assert.match(byFile['src/dangling.ts']!.messages[0]!.message, /^Cannot read file: ENOENT/);
    // the human report lists both under "Could not be read or parsed"
    const report = (await runCli([], dir)).stdout;
    assert.match(report, /Could not be read or parsed: 2\n {2}src\/broken-syntax\.ts:1:\d+ {2}Parsing error[^\n]*\n {2}src\/dangling\.ts {2}Cannot read file: ENOENT/);
  });

  it('an empty directory: "Nothing audited" (never "No PyTorch habits found"), the reason on stderr, exit 2', async () => {
    const dir = tempProject({ 'README.md': '# not code\n' });
    const r = await runCli([], dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stdout, /^torch2tf migration report: 0 files linted/);
    assert.match(r.stdout, /\nNothing audited: no file was linted \(the reason is on stderr\)\.\n/);
    assert.doesNotMatch(r.stdout, /No PyTorch habits found|No findings/);
    assert.match(r.stderr, /^torch2tf: warning: 0 files linted: no \.js\/\.mjs\/\.cjs\/\.ts\/\.tsx\/\.mts\/\.cts\/\.html file under \. that is not ignored/m);
  });

  it('eslint-disable comments for rules of the project\'s own config make no noise under the built-in config', async () => {
    const dir = tempProject({
      'package.json': '{}',
      'a.ts': `// eslint-disable-next-line @typescript-eslint/no-explicit-any\nexport const x: any = 1;\n/* eslint-disable no-console */\nconsole.log(x);\n`,
      'b.js': `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\n// eslint-disable-next-line torch2tf/no-torch-mode-switch -- checked\nm.eval();\nm.train();\n`,
    });
    const r = await runCli(['--format', 'json'], dir);
    const results = JSON.parse(r.stdout) as ESLint.LintResult[];
    assert.deepEqual(findingsOfResults(results, dir), [{ ruleId: 'torch2tf/no-torch-mode-switch', file: 'b.js', line: 5, column: 3 }]);
    assert.equal(r.code, 1);
  });
});

describe('torch2tf CLI: machine formats', () => {
  it('--format sarif validates against the SARIF 2.1.0 schema, with a help URI for every rule', async () => {
    const r = await runCli(['--format', 'sarif', 'fixtures/pytorch-port', 'fixtures/idiomatic']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; ruleIndex: number; properties: { autofix: boolean; suggestions: number }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.deepEqual(sarifValidator()(log), []);
    const run = log.runs[0]!;
    assert.equal(run.tool.driver.name, 'torch2tf');
    for (const name of Object.keys(plugin.rules)) {
      const rule = run.tool.driver.rules.find((x) => x.id === `torch2tf/${name}`);
      assert.equal(rule?.helpUri, (plugin.rules[name]!.meta!.docs as { url: string }).url, name);
    }
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex]!.id, res.ruleId);
    const lines = run.results
      .filter((x) => x.ruleId === 'torch2tf/no-torch-mode-switch' && x.locations[0]!.physicalLocation.artifactLocation.uri === 'fixtures/pytorch-port/src/evaluate.ts')
      .map((x) => [x.locations[0]!.physicalLocation.region.startLine, x.properties.autofix, x.properties.suggestions]);
    assert.deepEqual(lines, [[6, false, 1], [9, false, 1]]);
  });

  it('--format sarif: unparsable files become tool execution notifications and the log still validates', async () => {
    const dir = tempProject({ 'package.json': '{}', 'src/x y.ts': 'const = ;\n', 'src/ok.js': `import * as tf from '@tensorflow/tfjs';\ntf.sequential().eval();\n` });
    const r = await runCli(['-f', 'sarif'], dir);
    const log = JSON.parse(r.stdout) as { runs: { results: unknown[]; invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    assert.deepEqual(sarifValidator()(log), []);
    assert.equal(log.runs[0]!.results.length, 1);
    assert.match(log.runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.message.text, /Parsing error/);
    assert.match(r.stdout, /"uri": "src\/x%20y\.ts"/);
  });

  it('--format github emits one workflow annotation per finding, and a per-rule summary to $GITHUB_STEP_SUMMARY', async () => {
    const summary = join(tempDir(), 'step-summary.md');
    const r = await runCli(['--format', 'github', 'fixtures/pytorch-port'], ROOT, { GITHUB_STEP_SUMMARY: summary });
    const md = readFileSync(summary, 'utf8');
    assert.match(md, /^### torch2tf: \d+ findings?\n\n\| rule \| findings \| autofix \| suggestion \| needs a human \|\n/);
    assert.match(md, /\n\| \[torch2tf\/no-torch-mode-switch\]\(https:\/\/github\.com\/torch2tf\/eslint-plugin-torch2tf\/blob\/v[\d.]+\/docs\/rules\/no-torch-mode-switch\.md\) \| \d+ \| \d+ \| \d+ \| \d+ \|\n/);
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const api = await apiESLint(ROOT).lintFiles(['fixtures/pytorch-port']);
    assert.equal(lines.length, api.reduce((n, x) => n + x.messages.length, 0));
    for (const l of lines) assert.match(l, /^::(error|warning) file=[^,]+,line=\d+,endLine=\d+,col=\d+(,endColumn=\d+)?,title=[^,]+::\S.*$/);
    assert.ok(
      lines.some((l) =>
        l.startsWith('::error file=fixtures/pytorch-port/src/evaluate.ts,line=6,endLine=6,col=9,endColumn=13,title=torch2tf/no-torch-mode-switch::tfjs models have no `eval()`'),
      ),
    );
  });
});

describe('torch2tf CLI: fixing', () => {
  // A project with its own config: torch2tf's recommended rules plus core `no-var` (autofixable), so
  // the --fix machinery is exercised whatever fixes the plugin's rules offer today.
  const source = `import * as tf from '@tensorflow/tfjs';\nvar model = tf.sequential(); // keep me\nmodel.eval();\nvar n = 1;\nexport { model, n };\n`;
  const makeProject = () =>
    tempProject({ 'eslint.config.js': projectConfig(`{ rules: { 'no-var': 'error' } },`), 'package.json': '{"type":"module"}', 'src/train.js': source }, PROJECT_PACKAGES);

  it('auto mode uses the project config when it covers the paths', async () => {
    const dir = makeProject();
    const r = await runCli(['--format', 'json'], dir);
    const results = JSON.parse(r.stdout) as ESLint.LintResult[];
    const train = (rs: ESLint.LintResult[]) => rs.find((x) => x.filePath.endsWith('train.js'))!;
    assert.deepEqual(train(results).messages.map((m) => m.ruleId).sort(), ['no-var', 'no-var', 'torch2tf/no-torch-mode-switch']);
    assert.match((await runCli([], dir)).stdout, /linted with the project config .*eslint\.config\.js/);
    // and --config-mode builtin ignores it
    const b = JSON.parse((await runCli(['--format', 'json', '--config-mode', 'builtin'], dir)).stdout) as ESLint.LintResult[];
    assert.deepEqual(train(b).messages.map((m) => m.ruleId), ['torch2tf/no-torch-mode-switch']);
  });

  it('auto mode falls back to the built-in config when the project config ignores the audited path', async () => {
    const dir = tempProject(
      { 'eslint.config.js': `export default [{ ignores: ['legacy/**'] }];\n`, 'package.json': '{"type":"module"}', 'legacy/m.js': source },
      PROJECT_PACKAGES,
    );
    const r = await runCli(['legacy'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /does not cover .*legacy: using the built-in recommended config/);
    assert.match(r.stdout, /torch2tf\/no-torch-mode-switch/);
  });

  it('--fix-dry-run prints a unified diff of exactly the ESLint API fixes and writes nothing', async () => {
    const dir = makeProject();
    const file = join(dir, 'src/train.js');
    const r = await runCli(['--fix-dry-run'], dir);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(file, 'utf8'), source, 'nothing written');
    const [api] = await new ESLint({ cwd: dir, fix: true }).lintFiles(['src/train.js']);
    assert.ok(api!.output && api!.output !== source);
    const diff = r.stdout.slice(r.stdout.indexOf('--- a/'), r.stdout.indexOf('torch2tf migration report'));
    assert.match(diff, /^--- a\/src\/train\.js\n\+\+\+ b\/src\/train\.js\n@@ -1,5 \+1,5 @@\n/);
    // the diff applies (git apply) and gives the API's fixed output
    const repo = tempDir();
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src/train.js'), source);
    writeFileSync(join(repo, 'fix.diff'), diff);
    execFileSync('git', ['apply', 'fix.diff'], { cwd: repo });
    assert.equal(readFileSync(join(repo, 'src/train.js'), 'utf8'), api!.output);
    assert.match(r.stdout, /Would change 1 file: src\/train\.js/);
  });

  it('--fix writes exactly the ESLint API fixes (comments kept); a second run has nothing left to fix', async () => {
    const dir = makeProject();
    const [api] = await new ESLint({ cwd: dir, fix: true }).lintFiles(['src/train.js']);
    const r = await runCli(['--fix', '--format', 'json'], dir);
    assert.equal(r.code, 1, 'the mode-switch finding remains (suggestion only)');
    const fixed = readFileSync(join(dir, 'src/train.js'), 'utf8');
    assert.equal(fixed, api!.output);
    assert.match(fixed, /let model = tf\.sequential\(\); \/\/ keep me/);
    const again = (JSON.parse((await runCli(['--fix', '--format', 'json'], dir)).stdout) as ESLint.LintResult[]).find((x) => x.filePath.endsWith('train.js'))!;
    assert.equal(again.output, undefined);
    assert.deepEqual(again.messages.map((m) => m.ruleId), ['torch2tf/no-torch-mode-switch']);
  });

  it('--fix-dry-run with --apply-suggestions: one diff per file with both the autofixes and the suggestions', async () => {
    const dir = makeProject();
    const r = await runCli(['--fix-dry-run', '--apply-suggestions', 'no-torch-mode-switch'], dir);
    assert.equal(readFileSync(join(dir, 'src/train.js'), 'utf8'), source, 'nothing written');
    const diff = r.stdout.slice(r.stdout.indexOf('--- a/'), r.stdout.indexOf('torch2tf migration report'));
    assert.equal(diff.match(/^--- a\/src\/train\.js$/gm)?.length, 1);
    const repo = tempDir();
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src/train.js'), source);
    writeFileSync(join(repo, 'all.diff'), diff);
    execFileSync('git', ['apply', 'all.diff'], { cwd: repo });
    assert.equal(
      readFileSync(join(repo, 'src/train.js'), 'utf8'),
      `import * as tf from '@tensorflow/tfjs';\nlet model = tf.sequential(); // keep me\nlet n = 1;\nexport { model, n };\n`,
    );
    assert.match(r.stdout, /No PyTorch habits found\./);
  });

  it('--apply-suggestions RULE applies the first suggestion of each finding, shows the diff, and re-lints', async () => {
    const dir = copyPort();
    const file = join(dir, 'src/evaluate.ts');
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['--apply-suggestions', 'torch2tf/no-torch-mode-switch', '--format', 'json', '.'], dir);
    const after = readFileSync(file, 'utf8');
    assert.doesNotMatch(after, /model\.(eval|train)\(\);/);
    assert.match(after, /\/\/ PyTorch: switch BatchNorm\/Dropout to inference/);
    assert.match(r.stderr, /--- a\/src\/evaluate\.ts\n\+\+\+ b\/src\/evaluate\.ts\n/, 'diff on stderr next to a machine format');
    assert.match(r.stderr, /applied suggestions: 2 × torch2tf\/no-torch-mode-switch/);
    const results = JSON.parse(r.stdout) as ESLint.LintResult[];
    const left = results.flatMap((x) => x.messages).filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch');
    assert.deepEqual(left, []);
    // only the two statements changed
    const changed = before.split('\n').filter((l, i) => after.split('\n')[i] !== l);
    assert.deepEqual(changed.map((l) => l.trim().split(' //')[0]), ['model.eval();', 'model.train();']);
    // a fresh run agrees: nothing of that rule left in the file
    const fresh = JSON.parse((await runCli(['--format', 'json', '.'], dir)).stdout) as ESLint.LintResult[];
    assert.deepEqual(fresh.flatMap((x) => x.messages).filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch'), []);
  });

  it('--apply-suggestions with --fix-dry-run shows the diff and writes nothing', async () => {
    const dir = copyPort();
    const file = join(dir, 'src/evaluate.ts');
    const before = readFileSync(file, 'utf8');
    const r = await runCli(['--fix-dry-run', '--apply-suggestions', 'no-torch-mode-switch'], dir);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(r.stdout, /^--- a\/src\/evaluate\.ts\n/m);
    assert.match(r.stdout, /\n- {2}model\.eval\(\); \/\/ PyTorch/);
    assert.match(r.stderr, /would apply suggestions: 2 × torch2tf\/no-torch-mode-switch/);
  });
});

describe('torch2tf CLI: exit codes and --typed', () => {
  it('--max-warnings: warnings pass up to N, errors always fail', async () => {
    const dir = tempProject(
      {
        'eslint.config.js': `import torch2tf from 'eslint-plugin-torch2tf';\nexport default [{ plugins: { torch2tf }, rules: { 'torch2tf/no-torch-mode-switch': 'warn' } }];\n`,
        'package.json': '{"type":"module"}',
        'm.js': `import * as tf from '@tensorflow/tfjs';\nconst m = tf.sequential();\nm.eval();\nm.train();\n`,
      },
      PROJECT_PACKAGES,
    );
    assert.equal((await runCli([], dir)).code, 1, 'any finding fails by default');
    assert.equal((await runCli(['--max-warnings', '2'], dir)).code, 0);
    assert.equal((await runCli(['--max-warnings=1'], dir)).code, 1);
    assert.equal((await runCli(['--max-warnings', '5', '--config-mode', 'builtin'], dir)).code, 1, 'built-in rules are errors');
  });

  it('--typed lints with type information from the nearest tsconfig.json', async () => {
    const dir = tempProject({
      'package.json': '{"type":"module"}',
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true, noEmit: true }, include: ['src'] }),
      'src/evaluate.ts': readFileSync(join(PORT_FIXTURE, 'src/evaluate.ts'), 'utf8'),
      'scripts/build.js': `import * as tf from '@tensorflow/tfjs';\ntf.sequential().eval();\n`,
    }, ['@tensorflow/tfjs']);
    const r = await runCli(['--typed', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const results = JSON.parse(r.stdout) as ESLint.LintResult[];
    const ts = results.find((x) => x.filePath.endsWith('evaluate.ts'))!;
    assert.equal(ts.fatalErrorCount, 0, JSON.stringify(ts.messages));
    assert.deepEqual(ts.messages.filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch').map((m) => m.line), [6, 9]);
    const js = results.find((x) => x.filePath.endsWith('build.js'))!;
    assert.deepEqual(js.messages.map((m) => m.ruleId), ['torch2tf/no-torch-mode-switch'], 'JS files lint without type information');
    assert.match((await runCli(['--typed'], dir)).stdout, /recommended-type-checked config/);
  });

  it('--typed without a tsconfig.json is a config error', async () => {
    const dir = tempDir('torch2tf-notsconfig-');
    writeFileSync(join(dir, 'a.ts'), 'export {};\n');
    assert.equal(existsSync(join(dir, '..', 'tsconfig.json')), false, 'no tsconfig.json above the temp dir');
    const r = await runCli(['--typed'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--typed needs a tsconfig\.json/);
  });
});

describe('unified diffs (--fix-dry-run, --apply-suggestions)', () => {
  it('every diff applies with `git apply` and gives the new text (random line edits, missing final newlines)', async () => {
    const { unifiedDiff } = (await import(pathToFileURL(join(ROOT, 'dist/src/cli/diff.js')).href)) as typeof import('../../src/cli/diff.js');
    const dir = tempDir();
    const text = fc
      .tuple(fc.array(fc.constantFrom('a', 'b', 'c', '', '  x();', '// c'), { maxLength: 14 }), fc.boolean())
      .map(([lines, eol]) => (lines.length === 0 ? '' : lines.join('\n') + (eol ? '\n' : '')));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = unifiedDiff('f.txt', before, after);
        if (before === after) return diff === '';
        writeFileSync(join(dir, 'f.txt'), before);
        writeFileSync(join(dir, 'p.diff'), diff);
        execFileSync('git', ['apply', 'p.diff'], { cwd: dir, stdio: 'pipe' });
        return readFileSync(join(dir, 'f.txt'), 'utf8') === after;
      }),
      { numRuns: 60 },
    );
  });
});

describe('torch2tf CLI: HTML pages (eslint-plugin-html installed)', () => {
  const page = (src: string) => `<!doctype html>
<html>
<head>
  <script src="${src}"></script>
</head>
<body>
  <script>
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
    model.eval();
  </script>
</body>
</html>
`;

  it('audits inline <script> blocks of a page that loads tfjs with a script tag (`tf` is its global), and not a page that does not', async () => {
    const dir = tempProject({
      'index.html': page('https://cdn.jsdelivr.net/npm/@tensorflow/tfjs@4.22.0/dist/tf.min.js'),
      'other.html': page('js/app.js'),
    });
    const r = await runCli(['--format', 'json', '.'], dir);
    const json = JSON.parse(r.stdout) as ESLint.LintResult[];
    const byFile = Object.fromEntries(json.map((x) => [relative(dir, x.filePath), x.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)]));
    // line 9 of the page, column of `eval` inside the inline script
    assert.deepEqual(byFile, { 'index.html': ['torch2tf/no-torch-mode-switch@9:11'], 'other.html': [] });
    assert.equal(r.code, 1, r.stderr);
    const report = await runCli(['.'], dir);
    assert.match(report.stdout, /^torch2tf migration report: 2 files linted/);
    assert.match(report.stdout, /\nindex\.html\n {2}9:11 +torch2tf\/no-torch-mode-switch/);
  });
});

