#!/usr/bin/env node
// Writes src/facts/tfjs-options.ts: the option keys tfjs 4.22 declares for every option object the
// no-unknown-options rule judges, and the positional parameters of the tf.train optimizer factories,
// read with the TypeScript compiler API from the installed @tensorflow/tfjs declarations
// (inherited keys included: `LayerArgs`' `name`, `inputShape`, … come with every layer's args type).
// `test/facts/tfjs-options.test.ts` regenerates it in memory and fails on any difference, so a tfjs
// upgrade shows exactly which keys changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ts = require('typescript');

/** Methods of a LayersModel whose option object is judged, with the index of that argument. */
const MODEL_METHODS = { compile: 0, fit: 2, evaluate: 2, predict: 1, fitDataset: 1, evaluateDataset: 1 };
/** Top-level factories / classes taking an option object as argument 0. */
const TOP_LEVEL = ['input', 'sequential', 'model', 'Sequential', 'LayersModel'];
/**
 * Where a declaration is narrower than what the runtime reads: `SpatialDropout1DLayerConfig` extends
 * `LayerConfig`, but the class passes its args to Dropout → Layer, which read every `DropoutLayerArgs`
 * key (`test/semantics/unknown-options.test.ts` records the keys each constructor reads).
 */
const RUNTIME_TYPES = { 'layers.spatialDropout1d': 'DropoutLayerArgs' };
/** Keys a constructor reads although its declared args type lacks them (same test): GRU throws on `resetAfter: true`. */
const RUNTIME_KEYS = { GRULayerArgs: ['resetAfter'] };
const OPTIMIZERS = ['sgd', 'momentum', 'adagrad', 'adadelta', 'adam', 'adamax', 'rmsprop'];

export function renderOptionTable() {
  const entry = join(root, '.gen-option-table-entry.ts');
  const source = `import * as tf from '@tensorflow/tfjs';\nexport { tf };\n`;
  const options = { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, types: [], noEmit: true, skipLibCheck: true };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (name === entry ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === entry || fileExists(name);
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(entry);
  const tfModule = checker.getSymbolAtLocation(sf.statements[0].moduleSpecifier);
  const alias = (s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const tfExports = new Map(checker.getExportsOfModule(tfModule).map((s) => [s.name, alias(s)]));
  const membersOf = (sym) => new Map(checker.getExportsOfModule(sym).map((s) => [s.name, alias(s)]));

  const types = new Map(); // type name -> sorted keys
  function keysOf(type) {
    const t = checker.getNonNullableType(type);
    const name = checker.typeToString(t, undefined, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    if (!types.has(name)) {
      const keys = checker.getPropertiesOfType(checker.getApparentType(t)).map((p) => p.name);
      types.set(name, [...new Set([...keys, ...(RUNTIME_KEYS[name] ?? [])])].sort());
    }
    return name;
  }
  const typeOfSymbol = (sym) => checker.getTypeOfSymbolAtLocation(sym, sf);
  function paramType(signatures, index) {
    // the widest declared parameter type over all overloads that have one at `index`
    for (const sig of signatures) {
      const p = sig.getParameters()[index];
      if (p) {
        const t = checker.getNonNullableType(typeOfSymbol(p));
        if (t.flags & ts.TypeFlags.Object || t.isIntersection()) return keysOf(t);
      }
    }
    return null;
  }

  const calls = {}; // 'layers.conv2d' | 'new layers.RNN' | 'model#fit' -> { arg, type }
  const layers = membersOf(tfExports.get('layers'));
  for (const [name, sym] of [...layers].sort(([a], [b]) => a.localeCompare(b))) {
    const t = typeOfSymbol(sym);
    const callType = paramType(t.getCallSignatures(), 0);
    if (callType && /^[a-z]/.test(name)) calls[`layers.${name}`] = { arg: 0, type: callType };
    if (RUNTIME_TYPES[`layers.${name}`]) {
      if (!types.has(RUNTIME_TYPES[`layers.${name}`])) throw new Error(`RUNTIME_TYPES: ${RUNTIME_TYPES[`layers.${name}`]} not declared`);
      calls[`layers.${name}`] = { arg: 0, type: RUNTIME_TYPES[`layers.${name}`] };
    }
    const newType = paramType(t.getConstructSignatures(), 0);
    if (newType) calls[`new layers.${name}`] = { arg: 0, type: newType };
  }
  for (const name of TOP_LEVEL) {
    const t = typeOfSymbol(tfExports.get(name));
    const callType = paramType(t.getCallSignatures(), 0);
    if (callType) calls[name] = { arg: 0, type: callType };
    const newType = paramType(t.getConstructSignatures(), 0);
    if (newType) calls[`new ${name}`] = { arg: 0, type: newType };
  }
  const modelType = checker.getDeclaredTypeOfSymbol(tfExports.get('LayersModel'));
  for (const [method, index] of Object.entries(MODEL_METHODS)) {
    const m = checker.getPropertyOfType(modelType, method);
    const type = paramType(typeOfSymbol(m).getCallSignatures(), index);
    if (!type) throw new Error(`LayersModel.${method}: no option type at argument ${index}`);
    calls[`model#${method}`] = { arg: index, type };
  }
  const train = typeOfSymbol(tfExports.get('train'));
  const optimizers = {};
  for (const name of OPTIMIZERS) {
    const sig = checker.getPropertyOfType(train, name) && typeOfSymbol(checker.getPropertyOfType(train, name)).getCallSignatures()[0];
    if (!sig) throw new Error(`tf.train.${name} not found`);
    optimizers[name] = sig.getParameters().map((p) => ({ name: p.name, optional: !!(p.valueDeclaration?.questionToken || p.valueDeclaration?.initializer) }));
  }
  const version = JSON.parse(readFileSync(require.resolve('@tensorflow/tfjs/package.json'), 'utf8')).version;
  const typeNames = [...new Set(Object.values(calls).map((c) => c.type))].sort();
  const q = (s) => `'${s}'`;
  const lines = [
    `// Generated by scripts/gen-option-table.mjs from the @tensorflow/tfjs ${version} type declarations`,
    '// (TypeScript compiler API, inherited keys included; two runtime corrections listed in the script). Do not edit by hand: run `node scripts/gen-option-table.mjs`.',
    '// test/facts/tfjs-options.test.ts regenerates it and fails on any difference.',
    '',
    `export const TFJS_OPTIONS_VERSION = '${version}';`,
    '',
    '/** Every key each declared option type accepts. */',
    'export const OPTION_KEYS: Readonly<Record<string, readonly string[]>> = {',
    ...typeNames.map((n) => `  ${q(n)}: [${types.get(n).map(q).join(', ')}],`),
    '};',
    '',
    "/** Option-taking calls: `layers.<factory>`, `new layers.<Class>`, top-level factories/classes, `model#<method>` of a LayersModel. */",
    'export const OPTION_CALLS: Readonly<Record<string, { readonly arg: number; readonly type: string }>> = {',
    ...Object.entries(calls).map(([k, v]) => `  ${q(k)}: { arg: ${v.arg}, type: ${q(v.type)} },`),
    '};',
    '',
    '/** Positional parameters of the `tf.train` optimizer factories (none takes an option object). */',
    'export const OPTIMIZER_PARAMS: Readonly<Record<string, readonly { readonly name: string; readonly optional: boolean }[]>> = {',
    ...Object.entries(optimizers).map(([k, ps]) => `  ${k}: [${ps.map((p) => `{ name: ${q(p.name)}, optional: ${p.optional} }`).join(', ')}],`),
    '};',
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(root, 'src', 'facts', 'tfjs-options.ts');
  const next = renderOptionTable();
  const prev = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (prev !== next) writeFileSync(file, next);
}
