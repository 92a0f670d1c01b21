/**
 * Front-end state containers that hold a tfjs model, optimizer or tensor between renders: zustand stores
 * and Solid signals, resources and stores (src/engine/state-containers.ts follows the values through them).
 * A function counts only when it is imported (or required) from one of the modules named here: a user's own
 * `create()` or `createSignal()` proves nothing. Each table is keyed by module, then by exported name.
 */

/** Texts that a file must contain to import any of the modules below (the per-file gate). */
export const STATE_MODULE_WORDS: readonly string[] = ['zustand', 'solid-js'];

/**
 * zustand: functions that make a store from a creator `(set, get, api) => ({ … })`, called directly
 * (`create(fn)`) or curried with the state type (`create<State>()(fn)`). `default` is zustand 3's default export.
 */
export const STORE_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['zustand', new Set(['create', 'createStore', 'default'])],
  ['zustand/vanilla', new Set(['createStore', 'default'])],
  ['zustand/traditional', new Set(['createWithEqualityFn'])],
]);

/** zustand's type of a creator written apart (`const creator: StateCreator<State> = (set, get) => …`): its argument is the state type. */
export const STATE_CREATOR_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['zustand', new Set(['StateCreator'])],
  ['zustand/vanilla', new Set(['StateCreator'])],
]);

/**
 * zustand middlewares that wrap a creator and keep its state: the position of the creator among their
 * arguments (`devtools(persist(fn, { name }))`, `immer(fn)`).
 */
export const STORE_MIDDLEWARES: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'zustand/middleware',
    new Map([
      ['devtools', 0],
      ['persist', 0],
      ['subscribeWithSelector', 0],
      ['combine', 1],
    ]),
  ],
  ['zustand/middleware/immer', new Map([['immer', 0]])],
]);

/** zustand middlewares whose first argument is part of the initial state (`combine({ model: null }, fn)`). */
export const STATE_MERGING_MIDDLEWARES: ReadonlyMap<string, ReadonlySet<string>> = new Map([['zustand/middleware', new Set(['combine'])]]);

/** zustand hooks that read a vanilla store through a selector: `useStore(store, (s) => s.model)`. */
export const STORE_READING_HOOKS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['zustand', new Set(['useStore'])],
  ['zustand/traditional', new Set(['useStoreWithEqualityFn'])],
]);

/** Methods of a zustand store (`useTrainer.getState()`) and of the creator's `api` that return the whole state. */
export const STATE_GETTERS: ReadonlySet<string> = new Set(['getState', 'getInitialState']);

/** Methods of a zustand store and of the creator's `api` that merge new values into the state, like `set`. */
export const STATE_SETTERS: ReadonlySet<string> = new Set(['setState']);

/** Methods of a zustand store whose callback receives the state and the previous state (`useTrainer.subscribe((s, prev) => …)`). */
export const STATE_LISTENERS: ReadonlySet<string> = new Set(['subscribe']);

/**
 * Methods of the creator's `api` that never write the state: any other use of `api` (passing it to a helper)
 * may write it, so the writes the engine sees are no longer all of them.
 */
export const STORE_READ_ONLY_METHODS: ReadonlySet<string> = new Set(['getState', 'getInitialState', 'subscribe', 'destroy']);

/** Solid: `const [value, setValue] = createSignal<T>(initial)`, whose getter `value()` returns the value. */
export const SIGNAL_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['solid-js', new Set(['createSignal'])]]);

/** Solid: `const [data, { mutate }] = createResource(source?, fetcher)`, whose getter returns the awaited fetcher result. */
export const RESOURCE_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['solid-js', new Set(['createResource'])]]);

/** Solid stores: `const [state, setState] = createStore({ … })`, and `createMutable({ … })` written directly. */
export const SOLID_STORE_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['solid-js/store', new Set(['createStore', 'createMutable'])]]);

/** Solid store helpers whose function argument mutates a draft of the state: `setState(produce((s) => { s.model = m; }))`. */
export const DRAFT_PRODUCERS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['solid-js/store', new Set(['produce'])]]);

/**
 * tfjs loaders that a resource may take as its fetcher by reference (`createResource(url, tf.loadLayersModel)`):
 * what the awaited call gives (the same facts as the resolver's `kindOfTfCall` for a call of them).
 */
export const LOADER_FETCHERS: ReadonlyMap<string, { readonly kind: 'model' | 'graph-model'; readonly name: string }> = new Map([
  ['loadLayersModel', { kind: 'model', name: 'LayersModel' }],
  ['loadGraphModel', { kind: 'graph-model', name: 'GraphModel' }],
]);
