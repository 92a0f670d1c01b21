// The rules on values kept in front-end state containers (src/engine/state-containers.ts): a zustand store
// (`get()`, `getState()`, selectors, the declared state type, middlewares) and Solid signals, resources and
// stores. Each rule sees the container's value as the tfjs model or optimizer it holds, across the import
// forms of tfjs; look-alikes stay quiet: a user's own `create()` and `createSignal()`, a store holding a
// brain.js network or a plain object with `train()`, a signal holding a number, a setter handed to other
// code, an explicit `{training: false}`. The store imported from another module: test/engine/state-containers.test.ts.
import modeRule from '../../rules/no-torch-mode-switch.js';
import optimizerRule from '../../rules/no-torch-optimizer-api.js';
import moduleRule from '../../rules/no-torch-module-api.js';
import trainingRule from '../../rules/require-training-flag.js';
import optionsRule from '../../rules/no-unknown-options.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** A zustand store whose creator sets a model with Dropout and keeps an optimizer; `step` is left open. */
const ZUSTAND = `import { create } from 'zustand';
const build = () => TF.sequential({ layers: [TF.layers.dense({ units: 4, inputShape: [2] }), TF.layers.dropout({ rate: 0.5 })] });
const useTrainer = create((set, get) => ({
  model: null,
  optimizer: TF.train.adam(1e-3),
  init() { set({ model: build() }); },
  step(xs, ys) {
    const { model, optimizer } = get();
`;
const ZUSTAND_END = `  },\n}));`;

/** A Solid signal, null at first, that the file writes with a Sequential. */
const SIGNAL = `import { createSignal } from 'solid-js';
const [model, setModel] = createSignal(null);
export function load() { setModel(TF.sequential({ layers: [TF.layers.dense({ units: 4, inputShape: [2] }), TF.layers.dropout({ rate: 0.5 })] })); }
`;

/** Look-alikes every rule must leave alone. */
const LOOKALIKES = [
  {
    name: "a user's own create(): its state is not followed",
    code: `function create(fn) { return fn(() => {}, () => ({})); }\nconst store = create(() => ({ model: TF.sequential(), optimizer: TF.train.adam() }));\nstore.model.eval();\nstore.model.parameters();\nstore.optimizer.zero_grad();`,
  },
  {
    name: "createSignal of the project's own module is not Solid's",
    code: `import { createSignal } from './signals';\nconst [model] = createSignal(TF.sequential());\nmodel().eval();\nmodel().parameters();`,
  },
  {
    name: 'a signal setter handed to other code: the value is unknown',
    code: `import { createSignal } from 'solid-js';\nconst [model, setModel] = createSignal(null);\nsetModel(TF.sequential());\nloadInto(setModel);\nmodel().eval();`,
  },
  {
    name: 'a zustand store holding a brain.js network',
    code: `import { create } from 'zustand';\nimport brain from 'brain.js';\nconst useNet = create(() => ({ net: new brain.NeuralNetwork(), step: 0 }));\nuseNet.getState().net.train(data);\nconst net = useNet((s) => s.net);\nnet.eval();\nnet.parameters();`,
  },
  {
    name: 'a zustand store holding a plain object with train(), eval() and parameters()',
    code: `import { create } from 'zustand';\nconst useT = create((set) => ({ trainer: null, init() { set({ trainer: { train() {}, eval() {}, parameters() { return []; }, step() {} } }); } }));\nconst t = useT((s) => s.trainer);\nt.train();\nt.eval();\nt.parameters();\nt.step();`,
  },
  {
    name: 'a Solid signal holding a number',
    code: `import { createSignal } from 'solid-js';\nconst [epoch, setEpoch] = createSignal(0);\nsetEpoch((e) => e + 1);\nepoch().step();\nepoch().eval();`,
  },
  {
    name: 'a store key written with something else than a model',
    code: `import { createStore } from 'solid-js/store';\nconst [state, setState] = createStore({ model: TF.sequential() });\nsetState('model', { eval() {} });\nstate.model.eval();`,
  },
];

ruleTester.run('no-torch-mode-switch (state containers)', modeRule, {
  valid: [...validAcross(LOOKALIKES), ...validAcross([{ name: 'look-alike tf: a store model', code: `${ZUSTAND}    model.train();\n${ZUSTAND_END}` }], LOOKALIKE_FORMS)],
  invalid: [
    ...invalidAcross([
      {
        name: 'zustand: a model read with get() inside the creator',
        code: `${ZUSTAND}    model.train();\n${ZUSTAND_END}`,
        errors: [{ messageId: 'modeCall', line: 9, column: 11, endColumn: 16, suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `${ZUSTAND}${ZUSTAND_END}` }] }],
        output: null,
      },
      {
        name: 'Solid: the getter of a signal the file writes with a model',
        code: `${SIGNAL}export function pause() { model().eval(); }`,
        errors: [{ messageId: 'modeCall', line: 4, column: 35, endColumn: 39, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `${SIGNAL}export function pause() {  }` }] }],
        output: null,
      },
    ]),
    {
      name: 'zustand (TS): the declared state type, through devtools(persist(…)), read with getState()',
      code: `import * as tf from '@tensorflow/tfjs';
import { create } from 'zustand';
import { devtools, persist } from 'zustand/middleware';
interface TrainerState { model: tf.LayersModel | null; load(url: string): Promise<void> }
export const useTrainer = create<TrainerState>()(devtools(persist((set) => ({
  model: null,
  async load(url) { set({ model: await restore(url) }); },
}), { name: 'trainer' })));
useTrainer.getState().model?.eval();`,
      errors: [
        {
          messageId: 'modeCall',
          line: 9,
          column: 30,
          suggestions: [
            {
              messageId: 'removeCall',
              data: { method: 'eval' },
              output: `import * as tf from '@tensorflow/tfjs';
import { create } from 'zustand';
import { devtools, persist } from 'zustand/middleware';
interface TrainerState { model: tf.LayersModel | null; load(url: string): Promise<void> }
export const useTrainer = create<TrainerState>()(devtools(persist((set) => ({
  model: null,
  async load(url) { set({ model: await restore(url) }); },
}), { name: 'trainer' })));
`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'zustand (TS): a creator written apart, typed StateCreator<State>, its get() read in an action',
      code: `import * as tf from '@tensorflow/tfjs';
import { create, type StateCreator } from 'zustand';
interface S { model: tf.LayersModel | null; pause(): void }
const creator: StateCreator<S> = (set, get) => ({
  model: null,
  pause() { get().model?.eval(); },
});
export const useS = create(creator);`,
      errors: [
        {
          messageId: 'modeCall',
          line: 6,
          column: 26,
          suggestions: [
            {
              messageId: 'removeCall',
              data: { method: 'eval' },
              output: `import * as tf from '@tensorflow/tfjs';
import { create, type StateCreator } from 'zustand';
interface S { model: tf.LayersModel | null; pause(): void }
const creator: StateCreator<S> = (set, get) => ({
  model: null,
  pause() {  },
});
export const useS = create(creator);`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'Solid: createMutable written directly, and an immer draft write in a zustand set()',
      code: `import * as tf from '@tensorflow/tfjs';
import { createMutable } from 'solid-js/store';
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
const state = createMutable({ net: null });
state.net = tf.sequential();
state.net.train();
const useNet = create(immer((set) => ({ net: null, load() { set((s) => { s.net = tf.sequential(); }); } })));
useNet.getState().net.train();`,
      errors: [
        { messageId: 'modeCall', line: 7, suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `import * as tf from '@tensorflow/tfjs';
import { createMutable } from 'solid-js/store';
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
const state = createMutable({ net: null });
state.net = tf.sequential();
const useNet = create(immer((set) => ({ net: null, load() { set((s) => { s.net = tf.sequential(); }); } })));
useNet.getState().net.train();` }] },
        { messageId: 'modeCall', line: 9, suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `import * as tf from '@tensorflow/tfjs';
import { createMutable } from 'solid-js/store';
import { create } from 'zustand';
import { immer } from 'zustand/middleware/immer';
const state = createMutable({ net: null });
state.net = tf.sequential();
state.net.train();
const useNet = create(immer((set) => ({ net: null, load() { set((s) => { s.net = tf.sequential(); }); } })));
` }] },
      ],
      output: null,
    },
    {
      name: 'Solid (TS): a store property cast on its null initial value, written by setState',
      code: `import * as tf from '@tensorflow/tfjs';
import { createStore } from 'solid-js/store';
const [state, setState] = createStore({ model: null as tf.Sequential | null, status: 'idle' });
export function build() { setState('model', tf.sequential()); setState({ status: 'ready' }); }
export function pause() { state.model?.eval(); }`,
      errors: [
        {
          messageId: 'modeCall',
          line: 5,
          column: 40,
          suggestions: [
            {
              messageId: 'removeCall',
              data: { method: 'eval' },
              output: `import * as tf from '@tensorflow/tfjs';
import { createStore } from 'solid-js/store';
const [state, setState] = createStore({ model: null as tf.Sequential | null, status: 'idle' });
export function build() { setState('model', tf.sequential()); setState({ status: 'ready' }); }
export function pause() {  }`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

ruleTester.run('no-torch-optimizer-api (state containers)', optimizerRule, {
  valid: validAcross(LOOKALIKES),
  invalid: [
    ...invalidAcross([
      {
        name: 'zustand: an optimizer read with getState() outside the store',
        code: `${ZUSTAND}${ZUSTAND_END}\nexport function reset() { useTrainer.getState().optimizer.zero_grad(); }`,
        errors: [
          {
            messageId: 'zeroGrad',
            line: 11,
            column: 59,
            suggestions: [{ messageId: 'removeZeroGrad', data: { method: 'zero_grad' }, output: `${ZUSTAND}${ZUSTAND_END}\nexport function reset() {  }` }],
          },
        ],
        output: null,
      },
    ]),
    {
      name: 'Solid: a signal holding an optimizer',
      code: `import * as tf from '@tensorflow/tfjs';\nimport { createSignal } from 'solid-js';\nconst [opt] = createSignal(tf.train.adam(1e-3));\nexport function after() { opt().step(); }`,
      errors: [{ messageId: 'step', line: 4, column: 33, suggestions: [] }],
      output: null,
    },
  ],
});

ruleTester.run('no-torch-module-api (state containers)', moduleRule, {
  valid: validAcross(LOOKALIKES),
  invalid: [
    ...invalidAcross([
      {
        name: 'zustand: a model picked by a selector',
        code: `${ZUSTAND}${ZUSTAND_END}\nexport function Stats() {\n  const model = useTrainer((s) => s.model);\n  return model.parameters().length;\n}`,
        errors: [
          {
            messageId: 'parameters',
            line: 13,
            column: 16,
            suggestions: [
              { messageId: 'useProperty', output: `${ZUSTAND}${ZUSTAND_END}\nexport function Stats() {\n  const model = useTrainer((s) => s.model);\n  return model.trainableWeights.length;\n}` },
              { messageId: 'useProperty', output: `${ZUSTAND}${ZUSTAND_END}\nexport function Stats() {\n  const model = useTrainer((s) => s.model);\n  return model.weights.length;\n}` },
            ],
          },
        ],
        output: null,
      },
    ]),
    {
      name: 'Solid: a resource whose fetcher loads a model',
      code: `import * as tf from '@tensorflow/tfjs';\nimport { createResource } from 'solid-js';\nconst [net] = createResource(() => tf.loadLayersModel('/model.json'));\nexport function save() { return net().state_dict(); }`,
      errors: [
        {
          messageId: 'stateDict',
          line: 4,
          column: 39,
          suggestions: [
            {
              messageId: 'useMethod',
              output: `import * as tf from '@tensorflow/tfjs';\nimport { createResource } from 'solid-js';\nconst [net] = createResource(() => tf.loadLayersModel('/model.json'));\nexport function save() { return net().getWeights(); }`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});

ruleTester.run('require-training-flag (state containers)', trainingRule, {
  valid: [
    ...validAcross(LOOKALIKES),
    ...validAcross([
      {
        name: 'an explicit {training: false} in the step of a store model',
        code: `${ZUSTAND}    optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.apply(xs, { training: false })));\n${ZUSTAND_END}`,
      },
    ]),
  ],
  invalid: invalidAcross([
    {
      name: 'zustand: a custom step on the model of the store (Dropout)',
      code: `${ZUSTAND}    optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.predict(xs)));\n${ZUSTAND_END}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          line: 9,
          suggestions: [
            {
              messageId: 'useApplyWithTraining',
              output: `${ZUSTAND}    optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.apply(xs, {training: true})));\n${ZUSTAND_END}`,
            },
          ],
        },
      ],
      output: null,
    },
  ]),
});

ruleTester.run('no-unknown-options (state containers)', optionsRule, {
  valid: [
    ...validAcross(LOOKALIKES),
    {
      name: 'fit() on a signal holding a user object',
      code: `import { createSignal } from 'solid-js';\nconst [trainer] = createSignal({ fit(xs, ys, opts) {} });\ntrainer().fit(xs, ys, { validation_split: 0.2 });`,
    },
  ],
  invalid: [
    {
      name: 'Solid (TS): fit() on a signal declared to hold a model',
      code: `import * as tf from '@tensorflow/tfjs';
import { createSignal } from 'solid-js';
const [encoder] = createSignal<tf.LayersModel>(makeEncoder());
export async function retrain(xs: tf.Tensor, ys: tf.Tensor) { await encoder().fit(xs, ys, { epochs: 5, validation_split: 0.2 }); }`,
      errors: [
        {
          messageId: 'renamed',
          line: 4,
          column: 104,
          suggestions: [
            {
              messageId: 'renameTo',
              output: `import * as tf from '@tensorflow/tfjs';
import { createSignal } from 'solid-js';
const [encoder] = createSignal<tf.LayersModel>(makeEncoder());
export async function retrain(xs: tf.Tensor, ys: tf.Tensor) { await encoder().fit(xs, ys, { epochs: 5, validationSplit: 0.2 }); }`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
