/**
 * JSDoc types in JavaScript files (issue 9, item 3): `@type {T}`, `@param {T} name`, `@returns {T}`,
 * and the names `@typedef` / `@import` declare.
 *
 * A small hand parser, not `comment-parser` / `@es-joy/jsdoccomment`: the engine only asks "which
 * type does this tag name", for three tags and a handful of type forms, and a dependency would add
 * weight to every JavaScript-only install for that. What it reads:
 *
 * - the JSDoc block directly before a declaration (`jsdocOf(sourceCode, node)`): the last `/** … *\/`
 *   comment between the previous token and the node (through `export`, the variable statement of a
 *   `const f = () => …`, the statement of `this.model = …`);
 * - tags `@type`, `@param` / `@arg` / `@argument` (with `[name]`, `[name=default]`, `name=` in the type),
 *   `@returns` / `@return`;
 * - file-level names (`jsdocAliasesOf`): `@typedef {T} Name` and TypeScript 5.5's
 *   `@import { A, B as C } from 'mod'` / `@import * as ns from 'mod'`;
 * - type expressions (`parseJsdocType`): dotted names (`tf.LayersModel`), `import('mod').A.B`, unions
 *   (`A|B`, parenthesised), `!T`, `?T`, `T=`, `T?`, generics `Promise<T>` / `Array.<T>`, `T[]`, and
 *   `null` / `undefined`. Anything else (`{a: T}` records, `function(…)`, `*`, string literals) is
 *   `other`, which the resolver treats as unknown.
 *
 * What a type means (tfjs or not) is decided by the resolver (`FileIndex.kindFromJsdoc`), which knows
 * the file's bindings: here we only turn text into a tree.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export type JsdocType =
  /** `tf.LayersModel` → path ['tf', 'LayersModel']; `import('@tensorflow/tfjs').Tensor` → module + ['Tensor']. */
  | { readonly type: 'name'; readonly path: readonly string[]; readonly module?: string }
  | { readonly type: 'union'; readonly types: readonly JsdocType[] }
  /** `Promise<T>`, `Array.<T>`, `Map<K, V>`: the base name and its arguments. */
  | { readonly type: 'generic'; readonly base: JsdocType; readonly args: readonly JsdocType[] }
  /** `T[]`. */
  | { readonly type: 'array'; readonly element: JsdocType }
  | { readonly type: 'null' }
  | { readonly type: 'undefined' }
  /** A form the engine does not read (`*`, `?` alone, records, function types, literals, `...T`). */
  | { readonly type: 'other' };

export interface JsdocTag {
  readonly tag: 'type' | 'param' | 'returns';
  /** The text between the braces, or null when the tag has none (`@param model the model`). */
  readonly typeText: string | null;
  /** `@param`'s name without brackets or default (`[opts.model=x]` → 'opts.model'). */
  readonly name?: string;
}

const TAG_NAMES: Readonly<Record<string, JsdocTag['tag']>> = {
  type: 'type',
  param: 'param',
  arg: 'param',
  argument: 'param',
  returns: 'returns',
  return: 'returns',
};

/** The tags of a JSDoc comment's text (the comment's `value`, starting with `*`). */
export function parseJsdocTags(value: string): JsdocTag[] {
  // strip the leading ` * ` of each line; keep line breaks so that a tag ends where its line does
  const text = value
    .replace(/^\*/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*(?!\/)\s?/, ''))
    .join('\n');
  const tags: JsdocTag[] = [];
  const re = /(?:^|[\s])@([A-Za-z]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tag = TAG_NAMES[m[1]!];
    if (!tag) continue;
    let i = m.index + m[0].length;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    let typeText: string | null = null;
    if (text[i] === '{') {
      // balanced braces: `{{a: number}}`, `{import('x').Y}`
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      if (depth !== 0) continue; // unterminated: ignore the tag
      typeText = text.slice(i + 1, j).replace(/\s*\n\s*/g, ' ').trim();
      i = j + 1;
    }
    if (tag !== 'param') {
      tags.push({ tag, typeText });
      continue;
    }
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    const nameMatch = /^(\[\s*([\w$.]+)\s*(?:=[^\]]*)?\]|[\w$.]+)/.exec(text.slice(i));
    if (!nameMatch) continue;
    tags.push({ tag, typeText, name: nameMatch[2] ?? nameMatch[1]! });
  }
  return tags;
}

// ------------------------------------------------------------------------------------------ type expressions

const TOKEN = /\s*(import\s*\(\s*(?:'[^']*'|"[^"]*"|`[^`]*`)\s*\)|[A-Za-z_$][\w$]*|\.<|\.\.\.|[.<>,|!?=()[\]]|\S)/y;

/** Parses a JSDoc type expression; never throws (an unreadable form is `other`). */
export function parseJsdocType(text: string): JsdocType {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push(m[1]!);
  let pos = 0;
  const peek = (): string | undefined => tokens[pos];
  const eat = (t: string): boolean => (tokens[pos] === t ? (pos++, true) : false);

  const union = (): JsdocType => {
    const types = [postfix()];
    while (eat('|')) types.push(postfix());
    return types.length === 1 ? types[0]! : { type: 'union', types };
  };
  const postfix = (): JsdocType => {
    let t = prefix();
    for (;;) {
      if (peek() === '[' && tokens[pos + 1] === ']') {
        pos += 2;
        t = { type: 'array', element: t };
      } else if (eat('=') || eat('?') || eat('!')) {
        // optional parameter / nullable / non-null suffixes: the value's type stays T
      } else return t;
    }
  };
  const prefix = (): JsdocType => {
    if (eat('!') || eat('?')) {
      // `?` alone (the unknown type) is followed by nothing a type starts with
      const next = peek();
      if (next === undefined || next === '|' || next === ',' || next === '>' || next === ')' || next === '=') return OTHER;
      return prefix();
    }
    if (eat('...')) {
      prefix();
      return OTHER; // a rest parameter: an array of T, not T
    }
    return primary();
  };
  const primary = (): JsdocType => {
    const t = peek();
    if (t === undefined) return OTHER;
    if (eat('(')) {
      const inner = union();
      return eat(')') ? inner : skipRest();
    }
    let base: JsdocType;
    if (t.startsWith('import')) {
      const m = /^import\s*\(\s*(['"`])(.*)\1\s*\)$/.exec(t);
      if (!m) return skipRest();
      pos++;
      const path: string[] = [];
      while (eat('.')) {
        const id = peek();
        if (!id || !/^[A-Za-z_$]/.test(id)) return skipRest();
        path.push(id);
        pos++;
      }
      base = { type: 'name', path, module: m[2]! };
    } else if (/^[A-Za-z_$]/.test(t)) {
      if (t === 'function') return skipRest();
      pos++;
      const path = [t];
      while (peek() === '.' && /^[A-Za-z_$]/.test(tokens[pos + 1] ?? '')) {
        path.push(tokens[pos + 1]!);
        pos += 2;
      }
      if (path.length === 1 && t === 'null') base = { type: 'null' };
      else if (path.length === 1 && (t === 'undefined' || t === 'void')) base = { type: 'undefined' };
      else base = { type: 'name', path };
    } else {
      return skipRest();
    }
    if (eat('<') || eat('.<')) {
      const args = [union()];
      while (eat(',')) args.push(union());
      if (!eat('>')) return skipRest();
      return { type: 'generic', base, args };
    }
    return base;
  };
  /** An unreadable form: consume everything, so that nothing after it is misread. */
  const skipRest = (): JsdocType => {
    pos = tokens.length;
    return OTHER;
  };

  const result = union();
  return pos === tokens.length ? result : OTHER;
}

const OTHER: JsdocType = { type: 'other' };

// ------------------------------------------------------------------------------------------ attachment

type Comment = TSESTree.Comment;

/**
 * The JSDoc block directly before `node`: the last `/** … *\/` comment between the previous token and
 * the node, with only whitespace and other comments in between. Null when there is none.
 */
export function jsdocBefore(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): Comment | null {
  return jsdocIndexOf(sourceCode).get(node.range[0]) ?? null;
}

const isJsdoc = (c: Comment): boolean => c.type === 'Block' && c.value.startsWith('*') && !c.value.startsWith('**');
const jsdocIndexes = new WeakMap<TSESLint.SourceCode, ReadonlyMap<number, Comment>>();
const NO_JSDOC: ReadonlyMap<number, Comment> = new Map();

/**
 * The file's JSDoc blocks keyed by where the next token starts: the block a declaration may carry is the
 * last one among the comments between the previous token and the declaration's first token (what
 * `getCommentsBefore` lists). Built once per file from its comments, so the engine's many questions
 * ("has this variable a `@type`?", asked of nearly every variable) are map lookups, not token searches.
 */
function jsdocIndexOf(sourceCode: TSESLint.SourceCode): ReadonlyMap<number, Comment> {
  let index = jsdocIndexes.get(sourceCode);
  if (index) return index;
  const comments = sourceCode.getAllComments() as Comment[];
  if (!comments.some(isJsdoc)) index = NO_JSDOC;
  else {
    const map = new Map<number, Comment>();
    for (const c of comments) {
      if (!isJsdoc(c)) continue;
      const next = sourceCode.getTokenAfter(c as never, { includeComments: false });
      // later blocks before the same token replace earlier ones (the last one is the declaration's)
      if (next) map.set(next.range[0], c);
    }
    index = map;
  }
  jsdocIndexes.set(sourceCode, index);
  return index;
}

/**
 * The nodes a JSDoc block for a declaration may sit before, innermost first: the node itself, then
 * the declarator's statement (single declarator), `export`, a `x = …` / `this.x = …` statement.
 */
export function jsdocHolders(node: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [node];
  let n: TSESTree.Node = node;
  for (let depth = 0; depth < 4; depth++) {
    const p: TSESTree.Node | undefined = n.parent;
    if (!p) break;
    if (p.type === 'VariableDeclarator' && p.init === n) n = p;
    else if (p.type === 'VariableDeclaration' && p.declarations.length === 1) n = p;
    else if ((p.type === 'ExportNamedDeclaration' || p.type === 'ExportDefaultDeclaration') && p.declaration === n) n = p;
    else if (p.type === 'AssignmentExpression' && p.right === n && p.operator === '=') n = p;
    else if (p.type === 'ExpressionStatement' && p.expression === n) n = p;
    else if ((p.type === 'Property' || p.type === 'MethodDefinition' || p.type === 'PropertyDefinition') && p.value === n) n = p;
    else break;
    // a declarator is never the first token of its statement: only the statement carries the comment
    if (n.type !== 'VariableDeclarator' && n.type !== 'AssignmentExpression') out.push(n);
  }
  return out;
}

const parsedTags = new WeakMap<Comment, JsdocTag[]>();

/** The tags of the JSDoc block attached to `node` (see `jsdocHolders`), parsed once per comment. */
export function jsdocTagsOf(sourceCode: TSESLint.SourceCode, node: TSESTree.Node): JsdocTag[] {
  for (const holder of jsdocHolders(node)) {
    const c = jsdocBefore(sourceCode, holder);
    if (!c) continue;
    let tags = parsedTags.get(c);
    if (!tags) parsedTags.set(c, (tags = parseJsdocTags(c.value)));
    return tags;
  }
  return [];
}

// ------------------------------------------------------------------------------------------ file-level names

/**
 * A name a file's JSDoc declares for types: `@typedef {T} Name` (the type it stands for), or
 * `@import { A, B as C } from 'mod'` / `@import * as ns from 'mod'` (TypeScript 5.5's JSDoc import: the
 * module, and the path inside it: `['A']` for a named import, `[]` for a namespace).
 */
export type JsdocAlias = { readonly type: 'typedef'; readonly target: JsdocType } | { readonly type: 'import'; readonly module: string; readonly path: readonly string[] };

const aliasCache = new WeakMap<TSESLint.SourceCode, ReadonlyMap<string, JsdocAlias>>();
const NO_ALIASES: ReadonlyMap<string, JsdocAlias> = new Map();
const IMPORT_TAG = /@import\s+(\{[^}]*\}|\*\s*as\s+[A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"]+)\2/g;

/**
 * The `@typedef` and `@import` names declared anywhere in the file's JSDoc comments, read once per file
 * (a file without either word costs one text search). A name declared twice keeps its first declaration.
 */
export function jsdocAliasesOf(sourceCode: TSESLint.SourceCode): ReadonlyMap<string, JsdocAlias> {
  const cached = aliasCache.get(sourceCode);
  if (cached) return cached;
  let aliases = NO_ALIASES;
  const text = sourceCode.text;
  if (text.includes('@typedef') || text.includes('@import')) {
    const map = new Map<string, JsdocAlias>();
    for (const c of sourceCode.getAllComments()) {
      if (c.type !== 'Block' || !c.value.startsWith('*')) continue;
      const value = c.value.replace(/^\s*\*(?!\/)\s?/gm, '');
      if (value.includes('@typedef')) readTypedefs(value, map);
      if (value.includes('@import')) readImports(value, map);
    }
    aliases = map;
  }
  aliasCache.set(sourceCode, aliases);
  return aliases;
}

function readTypedefs(value: string, map: Map<string, JsdocAlias>): void {
  const re = /@typedef\s*\{/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    // balanced braces, as in parseJsdocTags
    let depth = 0;
    let j = m.index + m[0].length - 1;
    for (; j < value.length; j++) {
      if (value[j] === '{') depth++;
      else if (value[j] === '}' && --depth === 0) break;
    }
    if (depth !== 0) return;
    const typeText = value.slice(m.index + m[0].length, j).replace(/\s*\n\s*/g, ' ').trim();
    const name = /^\s*([A-Za-z_$][\w$]*)/.exec(value.slice(j + 1))?.[1];
    if (name && !map.has(name)) map.set(name, { type: 'typedef', target: parseJsdocType(typeText) });
    re.lastIndex = j + 1;
  }
}

function readImports(value: string, map: Map<string, JsdocAlias>): void {
  IMPORT_TAG.lastIndex = 0;
  for (let m = IMPORT_TAG.exec(value); m; m = IMPORT_TAG.exec(value)) {
    const clause = m[1]!;
    const module = m[3]!;
    if (clause.startsWith('*')) {
      const local = /as\s+([A-Za-z_$][\w$]*)/.exec(clause)![1]!;
      if (!map.has(local)) map.set(local, { type: 'import', module, path: [] });
      continue;
    }
    for (const part of clause.slice(1, -1).split(',')) {
      const spec = /^\s*(?:type\s+)?([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?\s*$/.exec(part);
      if (!spec) continue;
      const local = spec[2] ?? spec[1]!;
      if (!map.has(local)) map.set(local, { type: 'import', module, path: [spec[1]!] });
    }
  }
}
