import rule from '../../rules/no-misplaced-var-list.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

const OPT = `const opt = TF.train.adam(0.01);\n`;

const valid = [
  { name: 'no second argument', code: `${OPT}opt.minimize(() => loss());` },
  { name: 'literal true returnCost', code: `${OPT}const cost = opt.minimize(() => loss(), true);` },
  { name: 'returnCost and varList in the right places', code: `${OPT}opt.minimize(() => loss(), false, [w1, w2]);` },
  { name: 'varList of read LayerVariables, third', code: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(), true, model.trainableWeights.map((v) => v.read()));` },
  { name: 'negated flag', code: `${OPT}opt.minimize(() => loss(), !quiet);` },
  { name: 'comparison', code: `${OPT}opt.minimize(() => loss(), step % 10 === 0);` },
  { name: 'a flag variable with a boolean init', code: `${OPT}const logCost = true;\nopt.minimize(() => loss(), logCost);` },
  { name: 'an unknown identifier (could be a boolean)', code: `${OPT}function go(returnCost) { return opt.minimize(() => loss(), returnCost); }` },
  { name: 'a member that is not a weight list', code: `${OPT}opt.minimize(() => loss(), cfg.returnCost);` },
  { name: 'computeGradients(f, varList) takes the list second', code: `${OPT}opt.computeGradients(() => loss(), [w]);` },
  { name: 'tf.variableGrads(f, varList) takes the list second', code: `const r = TF.variableGrads(() => loss(), [w]);` },
  { name: 'unknown receiver: minimize of an optimizer passed in', code: `function step(opt, w) { opt.minimize(() => loss(), [w]); }` },
  { name: 'scipy-like minimize(f, x0) on a non-tfjs object', code: `const x = optimize.minimize(f, [1, 2]);` },
  { name: 'brain.js-like trainer.minimize(f, list)', code: `const trainer = new brain.Trainer();\ntrainer.minimize(f, [w]);` },
  { name: 'user optimizer subclass that overrides minimize(f, vars)', code: `class MyOpt extends TF.Optimizer {\n  minimize(f, vars) { return super.minimize(f, false, vars); }\n}\nconst o = new MyOpt();\no.minimize(f, [w]);` },
  { name: 'spread arguments', code: `${OPT}opt.minimize(...args);` },
  { name: 'optimizer getWeights() is async, not a var list', code: `${OPT}opt.minimize(f, opt.getWeights());` },
];

ruleTester.run('no-misplaced-var-list', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross([{ name: 'look-alike tf: minimize(f, [w])', code: `${OPT}opt.minimize(() => loss(), [w]);` }], LOOKALIKE_FORMS),
  ],
  invalid: invalidAcross([
    {
      name: 'array literal as the second argument, result discarded',
      code: `${OPT}opt.minimize(() => loss(), [w1]);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          data: { returnCost: 'false' },
          line: 2,
          column: 28,
          endColumn: 32,
          suggestions: [{ messageId: 'moveToVarList', data: { returnCost: 'false', list: '[w1]' }, output: `${OPT}opt.minimize(() => loss(), false, [w1]);` }],
        },
      ],
      output: null,
    },
    {
      name: 'array as the second argument, cost used: keep returnCost true',
      code: `${OPT}const cost = opt.minimize(() => loss(), [w, b]);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          data: { returnCost: 'true' },
          line: 2,
          suggestions: [{ messageId: 'moveToVarList', data: { returnCost: 'true', list: '[w, b]' }, output: `${OPT}const cost = opt.minimize(() => loss(), true, [w, b]);` }],
        },
      ],
      output: null,
    },
    {
      name: 'model.trainableWeights: LayerVariables must be read()',
      code: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(model), model.trainableWeights);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          line: 3,
          suggestions: [
            {
              messageId: 'moveToVarListRead',
              data: { returnCost: 'false', list: 'model.trainableWeights.map((v) => v.read())' },
              output: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(model), false, model.trainableWeights.map((v) => v.read()));`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'model.getWeights() already holds tf.Variables',
      code: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(model), model.getWeights());`,
      errors: [
        {
          messageId: 'misplacedVarList',
          line: 3,
          suggestions: [{ messageId: 'moveToVarList', output: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(model), false, model.getWeights());` }],
        },
      ],
      output: null,
    },
    {
      name: 'weights of an unseen object: both readings are offered',
      code: `${OPT}opt.minimize(() => loss(), encoder.weights);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          line: 2,
          suggestions: [
            { messageId: 'moveToVarList', output: `${OPT}opt.minimize(() => loss(), false, encoder.weights);` },
            { messageId: 'moveToVarListRead', output: `${OPT}opt.minimize(() => loss(), false, encoder.weights.map((v) => v.read()));` },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a const bound to a .map(...) result, on model.optimizer',
      code: `const model = TF.sequential();\nconst vars = model.trainableWeights.map((v) => v.read());\nmodel.optimizer.minimize(() => loss(), vars);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          line: 3,
          suggestions: [{ messageId: 'moveToVarList', output: `const model = TF.sequential();\nconst vars = model.trainableWeights.map((v) => v.read());\nmodel.optimizer.minimize(() => loss(), false, vars);` }],
        },
      ],
      output: null,
    },
    {
      name: 'a single tf.variable is wrapped in a list',
      code: `const w = TF.variable(TF.scalar(5));\nconst opt = new TF.SGDOptimizer(0.1);\nopt.minimize(() => w.square(), w);`,
      errors: [
        {
          messageId: 'misplacedVarList',
          line: 3,
          suggestions: [{ messageId: 'moveToVarList', data: { returnCost: 'false', list: '[w]' }, output: `const w = TF.variable(TF.scalar(5));\nconst opt = new TF.SGDOptimizer(0.1);\nopt.minimize(() => w.square(), false, [w]);` }],
        },
      ],
      output: null,
    },
    {
      name: 'swapped arguments: list second, boolean third (always throws)',
      code: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(), model.weights, true);`,
      errors: [
        {
          messageId: 'swappedArguments',
          data: { flag: 'true' },
          line: 3,
          suggestions: [
            {
              messageId: 'swapArguments',
              data: { flag: 'true' },
              output: `${OPT}const model = TF.sequential();\nopt.minimize(() => loss(), true, model.weights.map((v) => v.read()));`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Array.from(...) result, cost disposed',
      code: `${OPT}opt.minimize(() => loss(), Array.from(vars))?.dispose();`,
      errors: [{ messageId: 'misplacedVarList', data: { returnCost: 'true' }, line: 2, suggestions: [{ messageId: 'moveToVarList', output: `${OPT}opt.minimize(() => loss(), true, Array.from(vars))?.dispose();` }] }],
      output: null,
    },
    {
      name: 'two lists: reported without a suggestion',
      code: `${OPT}opt.minimize(() => loss(), [a], [b]);`,
      errors: [{ messageId: 'misplacedVarList', line: 2, suggestions: [] }],
      output: null,
    },
    {
      name: 'annotated optimizer parameter, this.weights of a user class',
      code: `class Net {\n  constructor() { this.weights = [TF.variable(TF.zeros([2]))]; }\n  fit(opt: TF.Optimizer) { opt.minimize(() => this.loss(), this.weights); }\n}`,
      errors: [{ messageId: 'misplacedVarList', line: 3, suggestions: [{ messageId: 'moveToVarList', output: `class Net {\n  constructor() { this.weights = [TF.variable(TF.zeros([2]))]; }\n  fit(opt: TF.Optimizer) { opt.minimize(() => this.loss(), false, this.weights); }\n}` }] }],
      output: null,
    },
  ]),
});
