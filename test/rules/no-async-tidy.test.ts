import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-async-tidy.js';
import { checkSuggestionsResolve, createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

type MessageIds = 'asyncTidy' | 'promiseInTidy' | 'asyncGradient' | 'awaitAfterTidy';
type Case = InvalidTestCase<MessageIds, []>;

const ruleTester = createRuleTester();
const M = `const model = TF.sequential();\nconst opt = TF.train.adam(0.01);\n`;

const valid = [
  { name: 'synchronous tidy, await after it (the fixed shape)', code: `${M}async function f(x) {\n  const t = TF.tidy(() => model.predict(x).softmax());\n  const v = await t.data();\n  t.dispose();\n  return v;\n}` },
  { name: 'an async function defined inside tidy but not returned or called there', code: `${M}TF.tidy(() => { const later = async () => 1; return model.predict(x); });` },
  { name: 'dataSync inside tidy is synchronous', code: `${M}const v = TF.tidy(() => model.predict(x).dataSync());` },
  { name: 'synchronous loss function in minimize', code: `${M}opt.minimize(() => model.predict(x).sum());` },
  { name: "a user's own tidy and a non-tfjs then()", code: `const z = TF.zeros([1]);\nfunction tidy(f) { return f(); }\ntidy(async () => 1);\nfetch(u).then((r) => r);` },
  { name: 'minimize on an object that is not an optimizer', code: `const z = TF.zeros([1]);\nconst layout = { minimize() {} };\nlayout.minimize(async () => 1);` },
];

const invalid: Case[] = [
  {
    name: 'tf.tidy(async () => …): suggest awaiting data() after the tidy',
    code: `${M}async function classify(x) {\n  return await TF.tidy(async () => {\n    const p = model.predict(x).softmax();\n    return await p.data();\n  });\n}`,
    output: null,
    errors: [
      {
        messageId: 'asyncTidy',
        line: 4,
        suggestions: [
          {
            messageId: 'awaitAfterTidy',
            data: { method: 'data' },
            output: `${M}async function classify(x) {\n  return await (async () => { const result = TF.tidy(() => {\n    const p = model.predict(x).softmax();\n    return p;\n  }); try { return await result.data(); } finally { result.dispose(); } })();\n}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an async arrow body returning array(): suggestion',
    code: `${M}const v = TF.tidy(async () => model.predict(x).array());`,
    output: null,
    errors: [
      {
        messageId: 'asyncTidy',
        line: 3,
        suggestions: [
          {
            messageId: 'awaitAfterTidy',
            data: { method: 'array' },
            output: `${M}const v = (async () => { const result = TF.tidy(() => model.predict(x)); try { return await result.array(); } finally { result.dispose(); } })();`,
          },
        ],
      },
    ],
  },
  {
    name: 'awaits in the middle: report only',
    code: `${M}TF.tidy(async () => {\n  const a = TF.ones([2]);\n  await TF.nextFrame();\n  return a.add(1);\n});`,
    output: null,
    errors: [{ messageId: 'asyncTidy', line: 3, suggestions: [] }],
  },
  {
    name: 'a named async function passed to tidy',
    code: `${M}async function step() { return model.predict(x); }\nTF.tidy(step);`,
    output: null,
    errors: [{ messageId: 'asyncTidy', line: 4, suggestions: [] }],
  },
  {
    name: '.then(), a returned data() Promise and an async helper inside a sync tidy',
    code: `${M}async function load() { return 1; }\nTF.tidy(() => { model.predict(x).data().then(show); });\nTF.tidy(() => model.predict(x).data());\nTF.tidy(() => { load(); return model.predict(x); });`,
    output: null,
    errors: [
      { messageId: 'promiseInTidy', data: { what: '`.then(…)`' }, line: 4 },
      { messageId: 'promiseInTidy', data: { what: 'A returned Promise' }, line: 5 },
      { messageId: 'promiseInTidy', data: { what: 'An async helper' }, line: 6 },
    ],
  },
  {
    name: 'async loss functions in minimize and tf.variableGrads',
    code: `${M}opt.minimize(async () => model.predict(await load()).sum());\nTF.variableGrads(async function () { return model.predict(x).sum(); });`,
    output: null,
    errors: [
      { messageId: 'asyncGradient', data: { api: 'minimize' }, line: 3, column: 14 },
      { messageId: 'asyncGradient', data: { api: 'variableGrads' }, line: 4 },
    ],
  },
];

ruleTester.run('no-async-tidy', rule, {
  valid: [
    ...validAcross<[]>(valid),
    ...validAcross<[]>([{ name: 'look-alike tf.tidy(async …)', code: `TF.tidy(async () => { await x; });\nconst o = TF.train.adam();\no.minimize(async () => 1);` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross<MessageIds, []>(invalid),
});

checkSuggestionsResolve('no-async-tidy', rule, invalid.filter((c) => c.errors.length === 1));
