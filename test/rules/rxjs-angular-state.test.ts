// The rules on values kept in RxJS subjects and Angular signals (src/engine/state-containers.ts): a
// `BehaviorSubject` read with `getValue()`, `.value`, `await firstValueFrom(…)`, a subscriber or an operator
// callback of `pipe(…)`, written by its constructor argument and `next(v)`, typed by its type argument; an
// Angular `signal()` read by calling it, written by `set(v)` / `update(fn)`, and `computed(() => …)`. Each rule
// sees the held model or optimizer across the import forms of tfjs; look-alikes stay quiet: a user's own
// `BehaviorSubject` or `signal()`, a subject holding a number or a brain.js network, a subject handed to
// other code, a callback after a `map`, an explicit `{training: false}`. The field of an injected service of
// another module: test/engine/state-containers.test.ts.
import modeRule from '../../rules/no-torch-mode-switch.js';
import moduleRule from '../../rules/no-torch-module-api.js';
import trainingRule from '../../rules/require-training-flag.js';
import optionsRule from '../../rules/no-unknown-options.js';
import { createRuleTester, invalidAcross, LOOKALIKE_FORMS, validAcross } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** A service whose `model$` subject starts with a Sequential with Dropout and is only ever given another. */
const SUBJECT = `import { BehaviorSubject, filter, firstValueFrom, map } from 'rxjs';
const build = () => TF.sequential({ layers: [TF.layers.dense({ units: 4, inputShape: [2] }), TF.layers.dropout({ rate: 0.5 })] });
class TrainingService {
  model$ = new BehaviorSubject(build());
  optimizer = TF.train.adam(1e-3);
  reset() { this.model$.next(build()); }
`;
const SUBJECT_END = `}`;

/** An Angular component whose `model` signal is null at first and set to a Sequential. */
const NG_SIGNAL = `import { computed, signal } from '@angular/core';
class Panel {
  model = signal(null);
  head = computed(() => this.model());
  init() { this.model.set(TF.sequential({ layers: [TF.layers.dense({ units: 4, inputShape: [2] })] })); }
`;

/** Look-alikes every rule must leave alone. */
const LOOKALIKES = [
  {
    name: "a user's own BehaviorSubject class is not RxJS's",
    // its getValue() is not RxJS's: it hands out a user object, not what the constructor was given
    code: `class BehaviorSubject { constructor(v) { this.v = v; } getValue() { return { eval() {}, parameters() { return []; } }; } }\nconst model$ = new BehaviorSubject(TF.sequential());\nmodel$.getValue().eval();\nmodel$.getValue().parameters();`,
  },
  {
    name: "signal() of the project's own module is not Angular's",
    code: `import { signal } from './signals';\nclass P { model = signal(TF.sequential()); run() { this.model().eval(); this.model().parameters(); this.model().fit(xs, ys, { batch_size: 8 }); } }`,
  },
  {
    name: 'a subject holding a number',
    code: `import { BehaviorSubject } from 'rxjs';\nconst epoch$ = new BehaviorSubject(0);\nepoch$.next(epoch$.getValue() + 1);\nepoch$.getValue().eval();\nepoch$.subscribe((e) => e.parameters());`,
  },
  {
    name: 'a subject holding a brain.js network',
    code: `import { BehaviorSubject } from 'rxjs';\nimport brain from 'brain.js';\nclass S { net$ = new BehaviorSubject(new brain.NeuralNetwork()); run() { const net = this.net$.value; net.train(data); net.eval(); net.parameters(); } }`,
  },
  {
    name: 'a subject handed to other code: its writes are not all visible',
    code: `import { BehaviorSubject } from 'rxjs';\nconst model$ = new BehaviorSubject(null);\nmodel$.next(TF.sequential());\nregisterSource(model$);\nmodel$.getValue().eval();\nmodel$.getValue().parameters();`,
  },
  {
    name: 'an operator callback after a map sees the mapped value, not the model',
    code: `import { BehaviorSubject, map, tap } from 'rxjs';\nconst model$ = new BehaviorSubject(TF.sequential());\nmodel$.pipe(map((m) => m.summary), tap((s) => s.eval()), map((s) => s.parameters())).subscribe((s) => s.train());`,
  },
  {
    name: 'an Angular signal holding a plain trainer object',
    code: `import { signal } from '@angular/core';\nclass P { t = signal({ train() {}, eval() {}, parameters() { return []; } }); run() { this.t().train(); this.t().eval(); this.t().parameters(); } }`,
  },
];

ruleTester.run('no-torch-mode-switch (RxJS subjects, Angular signals)', modeRule, {
  valid: [...validAcross(LOOKALIKES), ...validAcross([{ name: 'look-alike tf: a subject model', code: `${SUBJECT}  run() { this.model$.getValue().train(); }\n${SUBJECT_END}` }], LOOKALIKE_FORMS)],
  invalid: [
    ...invalidAcross([
      {
        name: 'RxJS: getValue() of a BehaviorSubject field made and next()ed with a model',
        code: `${SUBJECT}  run() { const model = this.model$.getValue(); model.train(); }\n${SUBJECT_END}`,
        errors: [
          {
            messageId: 'modeCall',
            line: 7,
            column: 55,
            endColumn: 60,
            suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `${SUBJECT}  run() { const model = this.model$.getValue();  }\n${SUBJECT_END}` }],
          },
        ],
        output: null,
      },
      {
        name: 'Angular: the getter call of a signal set with a model',
        code: `${NG_SIGNAL}  pause() { this.model().eval(); }\n}`,
        errors: [{ messageId: 'modeCall', line: 6, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `${NG_SIGNAL}  pause() {  }\n}` }] }],
        output: null,
      },
    ]),
    {
      name: 'RxJS (TS): .value of a subject declared BehaviorSubject<tf.LayersModel | null>, null at first',
      code: `import * as tf from '@tensorflow/tfjs';
import { BehaviorSubject } from 'rxjs';
export class Registry {
  readonly model$ = new BehaviorSubject<tf.LayersModel | null>(null);
  activate(model: tf.LayersModel) { this.model$.next(model); }
  pause() { this.model$.value?.eval(); }
}`,
      errors: [
        {
          messageId: 'modeCall',
          line: 6,
          suggestions: [
            {
              messageId: 'removeCall',
              data: { method: 'eval' },
              output: `import * as tf from '@tensorflow/tfjs';
import { BehaviorSubject } from 'rxjs';
export class Registry {
  readonly model$ = new BehaviorSubject<tf.LayersModel | null>(null);
  activate(model: tf.LayersModel) { this.model$.next(model); }
  pause() {  }
}`,
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'RxJS (TS): the annotation of the field gives the held type (Subject<tf.Sequential>), a computed gives what it returns',
      code: `import * as tf from '@tensorflow/tfjs';
import { Subject } from 'rxjs';
import { computed, signal, type WritableSignal } from '@angular/core';
export class Trainer {
  readonly done$: Subject<tf.Sequential> = new Subject();
  readonly net: WritableSignal<tf.Sequential | null> = signal(null);
  readonly current = computed(() => this.net());
  watch() { this.done$.subscribe((m) => m.train()); }
  stop() { this.current()?.eval(); }
}`,
      errors: [
        { messageId: 'modeCall', line: 8, suggestions: [{ messageId: 'removeCall', data: { method: 'train' }, output: `import * as tf from '@tensorflow/tfjs';
import { Subject } from 'rxjs';
import { computed, signal, type WritableSignal } from '@angular/core';
export class Trainer {
  readonly done$: Subject<tf.Sequential> = new Subject();
  readonly net: WritableSignal<tf.Sequential | null> = signal(null);
  readonly current = computed(() => this.net());
  watch() { this.done$.subscribe((m) => m); }
  stop() { this.current()?.eval(); }
}` }] },
        { messageId: 'modeCall', line: 9, suggestions: [{ messageId: 'removeCall', data: { method: 'eval' }, output: `import * as tf from '@tensorflow/tfjs';
import { Subject } from 'rxjs';
import { computed, signal, type WritableSignal } from '@angular/core';
export class Trainer {
  readonly done$: Subject<tf.Sequential> = new Subject();
  readonly net: WritableSignal<tf.Sequential | null> = signal(null);
  readonly current = computed(() => this.net());
  watch() { this.done$.subscribe((m) => m.train()); }
  stop() {  }
}` }] },
      ],
      output: null,
    },
  ],
});

ruleTester.run('no-torch-module-api (RxJS subjects, Angular signals)', moduleRule, {
  valid: validAcross(LOOKALIKES),
  invalid: invalidAcross([
    {
      name: 'RxJS: the callback of the first value-changing operator after filter(Boolean)',
      code: `${SUBJECT}  count() { return this.model$.pipe(filter(Boolean), map((m) => m.parameters().length)); }\n${SUBJECT_END}`,
      errors: [
        {
          messageId: 'parameters',
          line: 7,
          suggestions: [
            { messageId: 'useProperty', output: `${SUBJECT}  count() { return this.model$.pipe(filter(Boolean), map((m) => m.trainableWeights.length)); }\n${SUBJECT_END}` },
            { messageId: 'useProperty', output: `${SUBJECT}  count() { return this.model$.pipe(filter(Boolean), map((m) => m.weights.length)); }\n${SUBJECT_END}` },
          ],
        },
      ],
      output: null,
    },
  ]),
});

ruleTester.run('require-training-flag (RxJS subjects, Angular signals)', trainingRule, {
  valid: [
    ...validAcross(LOOKALIKES),
    ...validAcross([
      {
        name: 'an explicit {training: false} on the awaited value of the subject',
        code: `${SUBJECT}  async step(xs, ys) { const model = await firstValueFrom(this.model$); this.optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.apply(xs, { training: false }))); }\n${SUBJECT_END}`,
      },
    ]),
  ],
  invalid: invalidAcross([
    {
      name: 'RxJS: a custom step on the awaited firstValueFrom() of the subject (Dropout)',
      code: `${SUBJECT}  async step(xs, ys) { const model = await firstValueFrom(this.model$); this.optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.predict(xs))); }\n${SUBJECT_END}`,
      errors: [
        {
          messageId: 'inferenceInTrainingStep',
          line: 7,
          suggestions: [
            {
              messageId: 'useApplyWithTraining',
              output: `${SUBJECT}  async step(xs, ys) { const model = await firstValueFrom(this.model$); this.optimizer.minimize(() => TF.losses.meanSquaredError(ys, model.apply(xs, {training: true}))); }\n${SUBJECT_END}`,
            },
          ],
        },
      ],
      output: null,
    },
  ]),
});

ruleTester.run('no-unknown-options (RxJS subjects, Angular signals)', optionsRule, {
  valid: validAcross(LOOKALIKES),
  invalid: [
    {
      name: 'Angular (TS): fit() on signal<tf.Sequential | null> set in ngOnInit, through update() too',
      code: `import * as tf from '@tensorflow/tfjs';
import { signal } from '@angular/core';
export class Panel {
  readonly model = signal<tf.Sequential | null>(null);
  ngOnInit() { this.model.set(tf.sequential()); this.model.update((m) => m ?? tf.sequential()); }
  async fitAll(xs: tf.Tensor, ys: tf.Tensor) { const model = this.model(); await model?.fit(xs, ys, { batch_size: 64 }); }
}`,
      errors: [
        {
          messageId: 'renamed',
          line: 6,
          suggestions: [
            {
              messageId: 'renameTo',
              output: `import * as tf from '@tensorflow/tfjs';
import { signal } from '@angular/core';
export class Panel {
  readonly model = signal<tf.Sequential | null>(null);
  ngOnInit() { this.model.set(tf.sequential()); this.model.update((m) => m ?? tf.sequential()); }
  async fitAll(xs: tf.Tensor, ys: tf.Tensor) { const model = this.model(); await model?.fit(xs, ys, { batchSize: 64 }); }
}`,
            },
          ],
        },
      ],
      output: null,
    },
  ],
});
