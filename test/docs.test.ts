// Rule docs are executable: every ❌ code block must report the rule, every ✅ block must not.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

const docsDir = new URL('../docs/rules/', import.meta.url);

interface Block {
  kind: 'bad' | 'good';
  lang: string;
  code: string;
}

function blocks(md: string): Block[] {
  const out: Block[] = [];
  let kind: Block['kind'] | null = null;
  const re = /(❌|✅)|```(\w+)\n([\s\S]*?)```/g;
  for (const m of md.matchAll(re)) {
    if (m[1]) kind = m[1] === '❌' ? 'bad' : 'good';
    else if (kind && m[2] && ['js', 'jsx', 'ts', 'javascript', 'typescript'].includes(m[2])) out.push({ kind, lang: m[2], code: m[3]! });
  }
  return out;
}

const typedDir = fileURLToPath(new URL('./typed/fixture/', import.meta.url));

async function lint(rule: string, block: Block): Promise<string[]> {
  const ts = block.lang.startsWith('t');
  const jsx = block.lang === 'jsx';
  // rules that need type information run their examples as the typed fixture's file.ts
  const typed = (plugin.rules[rule]?.meta?.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking === true;
  const eslint = new ESLint({
    cwd: typed ? typedDir : process.cwd(),
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,jsx,ts,tsx}'],
        plugins: { torch2tf: plugin },
        rules: { [`torch2tf/${rule}`]: 'error' },
        ...(ts || typed
          ? { languageOptions: { parser: tsParser, parserOptions: typed ? { projectService: true, tsconfigRootDir: typedDir } : {} } }
          : jsx
            ? { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }
            : {}),
      },
    ],
  });
  const [res] = await eslint.lintText(block.code, { filePath: typed ? `${typedDir}file.ts` : ts ? 'example.ts' : jsx ? 'example.jsx' : 'example.js' });
  const fatal = res!.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], `example does not parse:\n${block.code}`);
  return res!.messages.map((m) => m.ruleId ?? '');
}

describe('rule docs', () => {
  for (const file of readdirSync(docsDir)) {
    const rule = file.replace(/\.md$/, '');
    const md = readFileSync(new URL(file, docsDir), 'utf8');
    it(`${rule}: has the required sections`, () => {
      for (const h of ['## Examples', '## Fix safety', '## When Not To Use It', '<!-- end auto-generated rule header -->']) {
        assert.ok(md.includes(h), `${file} lacks "${h}"`);
      }
    });
    const bs = blocks(md);
    it(`${rule}: has at least one ❌ and one ✅ example`, () => {
      assert.ok(bs.some((b) => b.kind === 'bad') && bs.some((b) => b.kind === 'good'));
    });
    bs.forEach((b, i) => {
      it(`${rule}: ${b.kind === 'bad' ? '❌' : '✅'} example #${i + 1} ${b.kind === 'bad' ? 'reports' : 'does not report'}`, async () => {
        const ids = await lint(rule, b);
        if (b.kind === 'bad') assert.ok(ids.includes(`torch2tf/${rule}`), `expected a report in:\n${b.code}`);
        else assert.deepEqual(ids, [], `expected no report in:\n${b.code}`);
      });
    });
  }
});
