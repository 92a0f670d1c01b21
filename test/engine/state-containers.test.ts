// Values kept in state containers across modules (src/engine/state-containers.ts): a zustand store created
// in one module, re-exported by a barrel and read in components that never mention zustand or tfjs; Solid
// signals and stores exported by a module and read by another; RxJS subjects and Angular signals kept in the
// fields of an injected service of another module; the look-alikes that must stay quiet; and the
// cost bound (a module whose text never names a state package is not parsed to look for a store). The rules'
// own cases, in one file: test/rules/state-containers.test.ts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { moduleReadStats } from '../../src/engine/module-resolve.js';
import type { FileIndex } from '../../src/engine/resolver.js';
import { statePart } from '../../src/engine/state-containers.js';
import { lintOnDisk, NET, projectRoot } from './disk-project.js';
import { probedAll, withFileOnDisk } from './probe.js';

const writeProject = projectRoot('torch2tf-state-containers-');

/** `line: rule` of every report in `path`, with the recommended config. */
function reports(files: Record<string, string>, path: string): string[] {
  return lintOnDisk(writeProject(files), path, files);
}

const TRAINER_TS = `import * as tf from '@tensorflow/tfjs';
import { create } from 'zustand';
import { devtools } from 'zustand/middleware';
import { createNet } from '../net';

interface TrainerState { model: tf.Sequential | null; optimizer: tf.Optimizer; init(): void }
export const useTrainer = create<TrainerState>()(devtools((set) => ({
  model: null,
  optimizer: tf.train.adam(1e-3),
  init: () => set({ model: createNet() }),
})));
`;

/** A component that never mentions zustand or tfjs: every tfjs value reaches it through the store. */
const STATS = `import { useTrainer } from '../stores';
export function stats() {
  const model = useTrainer((s) => s.model);
  useTrainer.getState().optimizer.zero_grad();
  return model ? model.parameters().length : 0;
}
export function step(xs, ys) {
  const { model, optimizer } = useTrainer.getState();
  optimizer.minimize(() => model.predict(xs).sub(ys).square().mean());
}
export function pause() {
  const { model } = useTrainer();
  model.eval();
}
`;

describe('a zustand store of another module, through a barrel', () => {
  it('TypeScript: the store and its readers (selector, getState(), the hook) see the model and the optimizer', () => {
    const files = { 'src/net.ts': NET, 'src/stores/trainer.ts': TRAINER_TS, 'src/stores/index.ts': `export * from './trainer';\n`, 'src/components/stats.ts': STATS };
    assert.deepEqual(reports(files, 'src/components/stats.ts'), ['4: no-torch-optimizer-api', '5: no-torch-module-api', '9: require-training-flag', '13: no-torch-mode-switch']);
  });

  it('JavaScript: a store without a type, model written by set() in an action', () => {
    const store = `import * as tf from '@tensorflow/tfjs';\nimport { create } from 'zustand';\nimport { createNet } from '../net.js';\nexport const useTrainer = create((set, get) => ({\n  model: null,\n  optimizer: tf.train.adam(1e-3),\n  init: () => set({ model: createNet() }),\n}));\n`;
    const files = { 'src/net.js': NET, 'src/stores/trainer.js': store, 'src/stores/index.js': `export * from './trainer.js';\n`, 'src/components/stats.js': STATS.replace("'../stores'", "'../stores/index.js'") };
    assert.deepEqual(reports(files, 'src/components/stats.js'), ['4: no-torch-optimizer-api', '5: no-torch-module-api', '9: require-training-flag', '13: no-torch-mode-switch']);
  });

  it("stays quiet for a user's own create() and for a store holding a brain.js network", () => {
    const own = `import * as tf from '@tensorflow/tfjs';\nimport { create } from './my-store.js';\nexport const useTrainer = create((set) => ({ model: tf.sequential(), optimizer: tf.train.adam() }));\n`;
    const myStore = `export function create(fn) { const s = fn(() => {}); const use = (sel) => sel(s); use.getState = () => s; return use; }\n`;
    const brain = `import * as tf from '@tensorflow/tfjs';\nimport { create } from 'zustand';\nimport brain from 'brain.js';\nexport const useTrainer = create(() => ({ model: new brain.NeuralNetwork(), optimizer: { zero_grad() {}, minimize(f) { f(); } } }));\n`;
    for (const trainer of [own, brain]) {
      const files = { 'src/net.js': NET, 'src/my-store.js': myStore, 'src/stores/trainer.js': trainer, 'src/stores/index.js': `export * from './trainer.js';\n`, 'src/components/stats.js': STATS.replace("'../stores'", "'../stores/index.js'") };
      assert.deepEqual(reports(files, 'src/components/stats.js'), []);
    }
  });
});

describe('Solid signals and stores of another module', () => {
  const SIGNALS = `import * as tf from '@tensorflow/tfjs';
import { createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import { createNet } from './net';
export const [encoder, setEncoder] = createSignal<tf.LayersModel>();
export const [plain, setPlain] = createSignal(createNet());
const [state, setState] = createStore({ model: null as tf.Sequential | null });
export function build() { setState('model', createNet()); }
export { state };
`;
  const USE = `import { encoder, plain, state } from './signals';
export function go(xs, ys) {
  encoder().eval();
  plain().eval();
  state.model?.train();
  return encoder().fit(xs, ys, { validation_split: 0.2 });
}
`;
  it('an exported getter declared to hold a model, and the state of an exported store', () => {
    const files = { 'src/net.ts': NET, 'src/signals.ts': SIGNALS, 'src/use.ts': USE };
    assert.deepEqual(reports(files, 'src/use.ts'), ['3: no-torch-mode-switch', '5: no-torch-mode-switch', '6: no-unknown-options']);
  });

  it('an exported setter may be called anywhere: without a declared type, the value stays unknown', () => {
    const signals = `import { createSignal } from 'solid-js';\nimport { createNet } from './net.js';\nexport const [plain, setPlain] = createSignal(createNet());\nconst [own, setOwn] = createSignal(createNet());\nexport { own, setOwn };\n`;
    const use = `import { plain, own } from './signals.js';\nplain().eval();\nown().eval();\n`;
    const files = { 'src/net.js': NET, 'src/signals.js': signals, 'src/use.js': use };
    assert.deepEqual(reports(files, 'src/use.js'), []);
  });
});

describe('RxJS subjects and Angular signals of an injected service of another module', () => {
  const REGISTRY = `import * as tf from '@tensorflow/tfjs';
import { Injectable, signal } from '@angular/core';
import { BehaviorSubject } from 'rxjs';
import { createNet } from './net';
@Injectable({ providedIn: 'root' })
export class ModelRegistry {
  readonly model$ = new BehaviorSubject<tf.LayersModel | null>(null);
  readonly plain$ = new BehaviorSubject(createNet());
  readonly current = signal(createNet());
  activate(model: tf.LayersModel) { this.model$.next(model); }
}
`;
  const USE = `import { Injectable } from '@angular/core';
import { filter, firstValueFrom, map } from 'rxjs';
import { ModelRegistry } from './registry';
@Injectable({ providedIn: 'root' })
export class Inference {
  constructor(private readonly registry: ModelRegistry) {}
  pause() { this.registry.model$.value?.eval(); }
  count() { return this.registry.plain$.pipe(filter(Boolean), map((m) => m.parameters().length)); }
  async step(xs, ys) {
    const model = await firstValueFrom(this.registry.plain$);
    model.train();
    this.registry.current().eval();
  }
}
`;
  it('this.registry.model$.value, a pipe() callback, an awaited firstValueFrom() and a signal getter', () => {
    const files = { 'src/net.ts': NET, 'src/registry.ts': REGISTRY, 'src/use.ts': USE };
    assert.deepEqual(reports(files, 'src/use.ts'), ['7: no-torch-mode-switch', '8: no-torch-module-api', '11: no-torch-mode-switch', '12: no-torch-mode-switch']);
  });

  it("stays quiet for a user's own BehaviorSubject and for a subject holding a brain.js network", () => {
    const own = REGISTRY.replace("import { BehaviorSubject } from 'rxjs';", "import { BehaviorSubject } from './subjects';").replace("import { Injectable, signal } from '@angular/core';", "import { Injectable } from '@angular/core';\nimport { signal } from './subjects';");
    const subjects = `export class BehaviorSubject { constructor(v) { this.v = v; } getValue() { return this.v; } get value() { return this.v; } next(v) { this.v = v; } }\nexport function signal(v) { return () => v; }\n`;
    const brain = REGISTRY.replace("import { createNet } from './net';", "import brain from 'brain.js';\nconst createNet = () => new brain.NeuralNetwork();").replace('BehaviorSubject<tf.LayersModel | null>(null)', 'BehaviorSubject(createNet())').replace('activate(model: tf.LayersModel)', 'activate(model)');
    for (const registry of [own, brain]) {
      const files = { 'src/net.ts': NET, 'src/subjects.ts': subjects, 'src/registry.ts': registry, 'src/use.ts': USE };
      assert.deepEqual(reports(files, 'src/use.ts'), []);
    }
  });
});

describe('cost', () => {
  it('an import of a module whose text never names a state package is not parsed to look for a store', () => {
    const util = `import * as tf from '@tensorflow/tfjs';\nexport function helper() { return { x: tf.scalar(1) }; }\nexport const config = { x: 1 };\n`;
    const main = `import { helper, config } from './util.js';\nprobe(helper().x);\nprobe(config.x);\nprobe(useLocal().model);\n`;
    const dir = writeProject({ 'src/util.js': util, 'src/main.js': main });
    lintProbe(join(dir, 'src/main.js'), main, (file, args) => {
      const before = moduleReadStats.parsed;
      assert.deepEqual(
        args.map((a) => statePart(file, (a as TSESTree.MemberExpression).object, 'x')),
        [undefined, undefined, undefined],
      );
      assert.equal(moduleReadStats.parsed, before);
    });
  });
});

/** Lint `path` with a probe rule; `inspect` sees its FileIndex and every `probe(x)` argument. */
function lintProbe(path: string, text: string, inspect: (file: FileIndex, args: TSESTree.Node[]) => void): void {
  withFileOnDisk(path, text, (file, ast) => inspect(file, probedAll(file, ast)));
}
