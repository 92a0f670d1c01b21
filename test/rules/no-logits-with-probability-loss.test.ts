import rule from '../../rules/no-logits-with-probability-loss.js';
import { createRuleTester, IMPORT_FORMS, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** Forms where `tf` is a namespace in scope, so `tf.losses.*` can be written. */
const NAMESPACE_FORMS = IMPORT_FORMS.filter((f) => f.ref('sequential') === 'tf.sequential');
/** Named imports only: no namespace to reach `tf.losses`. */
const NAMED_FORMS = IMPORT_FORMS.filter((f) => ['named imports', 'renamed imports', 'destructured require'].includes(f.name));
const ALIAS_FORM = IMPORT_FORMS.filter((f) => f.name === 'member alias');

const DENSE = `TF.layers.dense({units: 16, inputShape: [4], activation: 'relu'})`;

const valid = [
  { name: 'a transfer head on a loaded model ending in softmax', code: `async function build() {\n  const base = await TF.loadLayersModel('base.json');\n  const h = TF.layers.dense({units: 16, activation: 'relu'}).apply(base.getLayer('embedding').output);\n  const logits = TF.layers.dense({units: 3, activation: 'softmax'}).apply(TF.layers.dropout({rate: 0.2}).apply(h));\n  const net = TF.model({inputs: base.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}` },
  { name: 'a head on base.outputs[0] ending in softmax', code: `async function build() {\n  const base = await TF.loadLayersModel('base.json');\n  const out = TF.layers.dense({units: 3, activation: 'softmax'}).apply(base.outputs[0]);\n  const net = TF.model({inputs: base.inputs, outputs: out});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}` },
  { name: 'softmax output with categoricalCrossentropy', code: `const m = TF.sequential({layers: [${DENSE}, TF.layers.dense({units: 3, activation: 'softmax'})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'sigmoid output with binaryCrossentropy', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4], activation: 'sigmoid'})]});\nm.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});` },
  { name: 'linear logits with a logits loss', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nm.compile({optimizer: 'adam', loss: (yt, yp) => TF.losses.softmaxCrossEntropy(yt, yp)});` },
  { name: 'linear output for regression', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\nm.compile({optimizer: 'sgd', loss: 'meanSquaredError'});` },
  { name: 'a separate softmax activation layer', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.activation({activation: 'softmax'})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'a tf.layers.softmax() layer', code: `const m = TF.sequential();\nm.add(TF.layers.dense({units: 3, inputShape: [4]}));\nm.add(TF.layers.softmax());\nm.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});` },
  { name: 'softmax followed by dropout still outputs probabilities to the loss', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4], activation: 'softmax'}), TF.layers.dropout({rate: 0.1})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'the loss is replaced by a logits loss in a later compile()', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\nm.compile({optimizer: 'adam', loss: TF.losses.softmaxCrossEntropy});` },
  { name: 'unknown receiver: a model parameter', code: `function train(model) { model.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'}); }\nTF.sequential();` },
  { name: 'a loaded model: its layers are not visible', code: `async function go() { const m = await TF.loadLayersModel('m.json'); m.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'}); }` },
  { name: 'activation from a variable is unknown', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4], activation: act})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'the last layers come from a spread', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), ...head]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'the last layer is added conditionally', code: `const m = TF.sequential();\nm.add(TF.layers.dense({units: 3, inputShape: [4]}));\nif (probs) { m.add(TF.layers.softmax()); }\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'an LSTM output layer is not a linear layer', code: `const m = TF.sequential({layers: [TF.layers.lstm({units: 3, inputShape: [5, 4]})]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: 'a custom loss function is not judged', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nm.compile({optimizer: 'adam', loss: (yt, yp) => myLoss(yt, yp)});` },
  { name: 'several outputs are out of scope', code: `const i = TF.input({shape: [4]});\nconst a = TF.layers.dense({units: 3}).apply(i);\nconst b = TF.layers.dense({units: 1}).apply(i);\nconst m = TF.model({inputs: i, outputs: [a, b]});\nm.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
  { name: "a user's own class with compile()", code: `class Trainer { compile(cfg) { return cfg; } }\nnew Trainer().compile({loss: 'categoricalCrossentropy', fromLogits: true});\nTF.sequential();` },
  { name: 'a spread after loss may replace it', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nm.compile({loss: 'categoricalCrossentropy', ...opts});` },
  { name: 'a reassigned model binding is unknown', code: `let m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nm = other;\nm.compile({loss: 'categoricalCrossentropy'});` },
  { name: 'an output layer config from a variable is unknown', code: `const m = TF.sequential({layers: [TF.layers.dense(cfg)]});\nm.compile({loss: 'categoricalCrossentropy'});` },
  { name: 'a Sequential passed to a helper may get its softmax there', code: `const m = TF.sequential();\nm.add(TF.layers.dense({units: 3, inputShape: [4]}));\naddSoftmaxHead(m);\nm.compile({loss: 'categoricalCrossentropy'});` },
  { name: 'a Sequential stored in a list of models is not followed', code: `const m = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]});\nregistry.push(m);\nm.compile({loss: 'categoricalCrossentropy'});` },
  { name: 'brain.js and danfojs look-alikes', code: `const net = new brain.NeuralNetwork();\nnet.compile({loss: 'categoricalCrossentropy'});\nconst df = new dfd.DataFrame(rows);\ndf.apply(fn);\nTF.sequential();` },
];

const SEQ = `const model = TF.sequential({layers: [${DENSE}, TF.layers.dense({units: 3})]});`;
const SEQ_SOFTMAX = `const model = TF.sequential({layers: [${DENSE}, TF.layers.dense({units: 3, activation: 'softmax'})]});`;

ruleTester.run('no-logits-with-probability-loss', rule, {
  valid: [
    ...validAcross(valid),
    ...validAcross(
      [{ name: 'look-alike tf: linear model with categoricalCrossentropy', code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', fromLogits: true});` }],
      LOOKALIKE_FORMS,
    ),
  ],
  invalid: [
    ...invalidAcross([
      {
        name: 'sparseCategoricalCrossentropy on logits: add softmax (no sparse logits loss in tfjs)',
        code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [
          {
            messageId: 'logitsWithProbabilityLoss',
            data: { loss: 'sparseCategoricalCrossentropy', activation: 'softmax', logitsLoss: 'tf.losses.softmaxCrossEntropy' },
            line: 2,
            column: 41,
            suggestions: [
              { messageId: 'addActivation', data: { activation: 'softmax' }, output: `const model = TF.sequential({layers: [${DENSE}, TF.layers.dense({units: 3, activation: 'softmax'})]});\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});` },
            ],
          },
        ],
      },
      {
        name: "explicit activation: 'linear' is replaced; model.add() chain",
        code: `const model = TF.sequential();\nmodel.add(${DENSE});\nmodel.add(TF.layers.dense({\n  units: 3,\n  activation: 'linear',\n}));\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [
          {
            messageId: 'logitsWithProbabilityLoss',
            line: 7,
            suggestions: [
              { messageId: 'addActivation', output: `const model = TF.sequential();\nmodel.add(${DENSE});\nmodel.add(TF.layers.dense({\n  units: 3,\n  activation: 'softmax',\n}));\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});` },
            ],
          },
        ],
      },
      {
        name: 'a trailing comma in the output layer config',
        code: `const model = TF.sequential();\nmodel.add(TF.layers.dense({\n  inputShape: [4],\n  units: 3,\n}));\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [
          {
            messageId: 'logitsWithProbabilityLoss',
            line: 6,
            suggestions: [
              { messageId: 'addActivation', output: `const model = TF.sequential();\nmodel.add(TF.layers.dense({\n  inputShape: [4],\n  units: 3, activation: 'softmax',\n}));\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});` },
            ],
          },
        ],
      },
      {
        name: 'a linear layer behind dropout: reported, but adding softmax before dropout is not suggested',
        code: `const model = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.dropout({rate: 0.2})]});\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [{ messageId: 'logitsWithProbabilityLoss', line: 2, suggestions: [] }],
      },
      {
        name: 'categoricalCrossentropy on a single unit: softmax would be constant, not suggested',
        code: `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [{ messageId: 'logitsWithProbabilityLoss', suggestions: [] }],
      },
      {
        name: 'a tf.layers.activation linear layer at the end',
        code: `const model = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.activation({activation: 'linear'})]});\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});`,
        output: null,
        errors: [{ messageId: 'logitsWithProbabilityLoss', suggestions: [{ messageId: 'addActivation', output: `const model = TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]}), TF.layers.activation({activation: 'softmax'})]});\nmodel.compile({optimizer: 'adam', loss: 'sparseCategoricalCrossentropy'});` }] }],
      },
      {
        name: 'fromLogits at the top of compile() is ignored',
        code: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy', fromLogits: true});`,
        output: null,
        errors: [
          {
            messageId: 'fromLogitsIgnored',
            line: 2,
            column: 68,
            endColumn: 78,
            suggestions: [{ messageId: 'removeFromLogits', output: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` }],
          },
        ],
      },
      {
        name: 'fromLogits inside a loss object throws',
        code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: {fromLogits: true}});`,
        output: null,
        errors: [{ messageId: 'fromLogitsThrows', line: 2, column: 42 }],
      },
    ]),
    ...invalidAcross(
      [
        {
          name: 'categoricalCrossentropy on a linear Sequential output',
          code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
          output: null,
          errors: [
            {
              messageId: 'logitsWithProbabilityLoss',
              data: { loss: 'categoricalCrossentropy', activation: 'softmax', logitsLoss: 'tf.losses.softmaxCrossEntropy' },
              line: 2,
              suggestions: [
                { messageId: 'addActivation', output: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
                { messageId: 'useLogitsLoss', data: { code: '(yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)' }, output: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)});` },
              ],
            },
          ],
        },
        {
          name: 'binaryCrossentropy on a linear unit of a functional model',
          code: `const inp = TF.input({shape: [4]});\nconst h = TF.layers.dense({units: 8, activation: 'relu'}).apply(inp);\nconst logit = TF.layers.dense({units: 1}).apply(h);\nconst model = TF.model({inputs: inp, outputs: logit});\nmodel.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});`,
          output: null,
          errors: [
            {
              messageId: 'logitsWithProbabilityLoss',
              data: { loss: 'binaryCrossentropy', activation: 'sigmoid', logitsLoss: 'tf.losses.sigmoidCrossEntropy' },
              line: 5,
              suggestions: [
                { messageId: 'addActivation', output: `const inp = TF.input({shape: [4]});\nconst h = TF.layers.dense({units: 8, activation: 'relu'}).apply(inp);\nconst logit = TF.layers.dense({units: 1, activation: 'sigmoid'}).apply(h);\nconst model = TF.model({inputs: inp, outputs: logit});\nmodel.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});` },
                { messageId: 'useLogitsLoss', output: `const inp = TF.input({shape: [4]});\nconst h = TF.layers.dense({units: 8, activation: 'relu'}).apply(inp);\nconst logit = TF.layers.dense({units: 1}).apply(h);\nconst model = TF.model({inputs: inp, outputs: logit});\nmodel.compile({optimizer: 'adam', loss: (yt, yp) => tf.losses.sigmoidCrossEntropy(yt, yp)});` },
              ],
            },
          ],
        },
        {
          name: 'tf.metrics.categoricalCrossentropy as the loss, on a class field model built in a method',
          code: `class Classifier {\n  constructor() { this.model = this.build(); }\n  build() { return TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]}); }\n  prepare() { this.model.compile({optimizer: 'adam', loss: TF.metrics.categoricalCrossentropy}); }\n}`,
          output: null,
          errors: [
            {
              messageId: 'logitsWithProbabilityLoss',
              data: { loss: 'tf.metrics.categoricalCrossentropy', activation: 'softmax', logitsLoss: 'tf.losses.softmaxCrossEntropy' },
              line: 4,
              suggestions: [
                { messageId: 'addActivation', output: `class Classifier {\n  constructor() { this.model = this.build(); }\n  build() { return TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4], activation: 'softmax'})]}); }\n  prepare() { this.model.compile({optimizer: 'adam', loss: TF.metrics.categoricalCrossentropy}); }\n}` },
                { messageId: 'useLogitsLoss', output: `class Classifier {\n  constructor() { this.model = this.build(); }\n  build() { return TF.sequential({layers: [TF.layers.dense({units: 3, inputShape: [4]})]}); }\n  prepare() { this.model.compile({optimizer: 'adam', loss: (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)}); }\n}` },
              ],
            },
          ],
        },
        {
          name: 'double softmax: softmax output fed to tf.losses.softmaxCrossEntropy',
          code: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: (labels, preds) => TF.losses.softmaxCrossEntropy(labels, preds)});`,
          output: null,
          errors: [
            {
              messageId: 'activationTwice',
              data: { loss: 'tf.losses.softmaxCrossEntropy', activation: 'softmax', probabilityLoss: "'categoricalCrossentropy'" },
              line: 2,
              suggestions: [
                { messageId: 'removeActivation', output: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: (labels, preds) => TF.losses.softmaxCrossEntropy(labels, preds)});` },
                { messageId: 'useProbabilityLoss', data: { loss: 'categoricalCrossentropy' }, output: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
              ],
            },
          ],
        },
        {
          name: 'double sigmoid through a direct tf.losses.sigmoidCrossEntropy reference',
          code: `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4], activation: 'sigmoid'})]});\nmodel.compile({optimizer: 'adam', loss: TF.losses.sigmoidCrossEntropy});`,
          output: null,
          errors: [
            {
              messageId: 'activationTwice',
              data: { loss: 'tf.losses.sigmoidCrossEntropy', activation: 'sigmoid', probabilityLoss: "'binaryCrossentropy'" },
              suggestions: [
                { messageId: 'removeActivation', output: `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4]})]});\nmodel.compile({optimizer: 'adam', loss: TF.losses.sigmoidCrossEntropy});` },
                { messageId: 'useProbabilityLoss', output: `const model = TF.sequential({layers: [TF.layers.dense({units: 1, inputShape: [4], activation: 'sigmoid'})]});\nmodel.compile({optimizer: 'adam', loss: 'binaryCrossentropy'});` },
              ],
            },
          ],
        },
      {
        name: 'a new head on a model passed as a parameter (getLayer(…).output of an unknown model is still a graph node in tf.model)',
        code: `function withNewHead(model, n) {\n  const logits = TF.layers.dense({units: n}).apply(model.getLayer('fc1').output);\n  const net = TF.model({inputs: model.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}`,
        output: null,
        errors: [
          {
            messageId: 'logitsWithProbabilityLoss',
            data: { loss: 'categoricalCrossentropy', activation: 'softmax', logitsLoss: 'tf.losses.softmaxCrossEntropy' },
            line: 4,
            suggestions: [
              { messageId: 'addActivation', data: { activation: 'softmax' }, output: `function withNewHead(model, n) {\n  const logits = TF.layers.dense({units: n, activation: 'softmax'}).apply(model.getLayer('fc1').output);\n  const net = TF.model({inputs: model.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}` },
              { messageId: 'useLogitsLoss', data: { code: '(yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)' }, output: `function withNewHead(model, n) {\n  const logits = TF.layers.dense({units: n}).apply(model.getLayer('fc1').output);\n  const net = TF.model({inputs: model.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)});\n}` },
            ],
          },
        ],
      },
      {
        name: 'a transfer head built on a loaded model (getLayer(…).output): the head ends linear',
        code: `async function build() {\n  const base = await TF.loadLayersModel('base.json');\n  const h = TF.layers.dense({units: 16, activation: 'relu'}).apply(base.getLayer('embedding').output);\n  const logits = TF.layers.dense({units: 3}).apply(TF.layers.dropout({rate: 0.2}).apply(h));\n  const net = TF.model({inputs: base.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}`,
        output: null,
        errors: [
          {
            messageId: 'logitsWithProbabilityLoss',
            data: { loss: 'categoricalCrossentropy', activation: 'softmax', logitsLoss: 'tf.losses.softmaxCrossEntropy' },
            line: 6,
            suggestions: [{ messageId: 'addActivation', data: { activation: 'softmax' }, output: `async function build() {\n  const base = await TF.loadLayersModel('base.json');\n  const h = TF.layers.dense({units: 16, activation: 'relu'}).apply(base.getLayer('embedding').output);\n  const logits = TF.layers.dense({units: 3, activation: 'softmax'}).apply(TF.layers.dropout({rate: 0.2}).apply(h));\n  const net = TF.model({inputs: base.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});\n}` },
              { messageId: 'useLogitsLoss', data: { code: '(yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)' }, output: `async function build() {\n  const base = await TF.loadLayersModel('base.json');\n  const h = TF.layers.dense({units: 16, activation: 'relu'}).apply(base.getLayer('embedding').output);\n  const logits = TF.layers.dense({units: 3}).apply(TF.layers.dropout({rate: 0.2}).apply(h));\n  const net = TF.model({inputs: base.inputs, outputs: logits});\n  net.compile({optimizer: 'adam', loss: (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp)});\n}` },
            ],
          },
        ],
      },
      ],
      NAMESPACE_FORMS,
    ),
    ...invalidAcross(
      [
        {
          name: 'named imports only: tf.losses is not in scope, so only the activation suggestion',
          code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
          output: null,
          errors: [{ messageId: 'logitsWithProbabilityLoss', suggestions: [{ messageId: 'addActivation', output: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` }] }],
        },
      ],
      NAMED_FORMS,
    ),
    ...invalidAcross(
      [
        {
          name: 'member alias: the logits loss goes through the namespace binding',
          code: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});`,
          output: null,
          errors: [
            {
              messageId: 'logitsWithProbabilityLoss',
              suggestions: [
                { messageId: 'addActivation', output: `${SEQ_SOFTMAX}\nmodel.compile({optimizer: 'adam', loss: 'categoricalCrossentropy'});` },
                { messageId: 'useLogitsLoss', output: `${SEQ}\nmodel.compile({optimizer: 'adam', loss: (yt, yp) => tfAll.losses.softmaxCrossEntropy(yt, yp)});` },
              ],
            },
          ],
        },
      ],
      ALIAS_FORM,
    ),
  ],
});
