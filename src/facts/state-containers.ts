/**
 * Front-end state containers that hold a tfjs model, optimizer or tensor between renders: zustand stores,
 * Solid signals, resources and stores, RxJS subjects and Angular signals (src/engine/state-containers.ts
 * follows the values through them).
 * A function counts only when it is imported (or required) from one of the modules named here: a user's own
 * `create()` or `createSignal()` proves nothing. Each table is keyed by module, then by exported name.
 */

/** Texts that a file must contain to import any of the modules below (the per-file gate). */
export const STATE_MODULE_WORDS: readonly string[] = ['zustand', 'solid-js', 'rxjs', '@angular/core'];

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

/**
 * RxJS subjects (`new BehaviorSubject<T>(initial)`): the position of the constructor argument that is the
 * initial value, or -1 when the constructor takes none (a `ReplaySubject`'s arguments are buffer sizes).
 */
export const SUBJECT_CLASSES: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'rxjs',
    new Map([
      ['BehaviorSubject', 0],
      ['ReplaySubject', -1],
      ['Subject', -1],
      ['AsyncSubject', -1],
    ]),
  ],
]);

/** Types whose argument is the value a subject, an observable or an Angular signal holds (`model$: BehaviorSubject<tf.LayersModel | null>`). */
export const VALUE_HOLDER_TYPES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['rxjs', new Set(['BehaviorSubject', 'ReplaySubject', 'Subject', 'AsyncSubject'])],
  ['@angular/core', new Set(['WritableSignal', 'Signal'])],
]);

/** Members of a `BehaviorSubject` that give its current value: `model$.getValue()` (a call), `model$.value`. */
export const SUBJECT_VALUE_METHODS: ReadonlySet<string> = new Set(['getValue']);
export const SUBJECT_VALUE_PROPERTIES: ReadonlySet<string> = new Set(['value']);

/** Methods of a subject that write its value: `model$.next(m)`. */
export const SUBJECT_WRITERS: ReadonlySet<string> = new Set(['next']);

/**
 * Members of a subject that neither write its value nor hand it to other code (any other use, passing
 * the subject to a helper for one, may write it: then only its declared type counts).
 */
export const SUBJECT_READ_ONLY_MEMBERS: ReadonlySet<string> = new Set([
  'getValue',
  'value',
  'pipe',
  'subscribe',
  'asObservable',
  'complete',
  'error',
  'unsubscribe',
  'observed',
  'closed',
]);

/** Functions that take an observable and give (a promise of) one of its values: `await firstValueFrom(model$)`. */
export const FIRST_VALUE_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['rxjs', new Set(['firstValueFrom', 'lastValueFrom'])]]);

/** Functions that read an observable or a signal without writing it (a subject passed to them stays closed). */
export const READING_FUNCTIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['rxjs', new Set(['firstValueFrom', 'lastValueFrom', 'combineLatest', 'merge', 'zip', 'forkJoin', 'race', 'concat', 'isObservable'])],
  ['@angular/core/rxjs-interop', new Set(['toSignal', 'toObservable'])],
]);

/**
 * Operators after which an observable still emits values of its source, unchanged (some of them). Also
 * exported by 'rxjs/operators', the RxJS 6 path.
 */
const KEEPING: ReadonlySet<string> = new Set([
  'filter',
  'take',
  'takeUntil',
  'takeWhile',
  'takeLast',
  'skip',
  'skipUntil',
  'skipWhile',
  'first',
  'last',
  'distinctUntilChanged',
  'debounceTime',
  'throttleTime',
  'auditTime',
  'sampleTime',
  'delay',
  'tap',
  'share',
  'shareReplay',
  'observeOn',
  'subscribeOn',
  'finalize',
  'retry',
]);
export const VALUE_KEEPING_OPERATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['rxjs', KEEPING],
  ['rxjs/operators', KEEPING],
  ['@angular/core/rxjs-interop', new Set(['takeUntilDestroyed'])],
]);

/**
 * Operators whose function argument receives each value as its first parameter (`map((m) => …)`). Those not
 * in VALUE_KEEPING_OPERATORS change the values: callbacks of later operators see something else.
 */
const CALLBACKS: ReadonlySet<string> = new Set(['map', 'switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'tap', 'filter', 'takeWhile', 'skipWhile', 'first', 'last', 'find']);
export const VALUE_CALLBACK_OPERATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['rxjs', CALLBACKS],
  ['rxjs/operators', CALLBACKS],
]);

/** The methods of an observable whose callback (or `{ next }` observer) receives each value: `model$.subscribe((m) => …)`. */
export const OBSERVABLE_LISTENERS: ReadonlySet<string> = new Set(['subscribe']);

/** Angular: `signal<T>(initial)`, whose getter call `model()` gives the value. */
export const NG_SIGNAL_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['@angular/core', new Set(['signal'])]]);

/** Angular: `computed(() => expr)`, whose getter call gives what the function returns. */
export const NG_COMPUTED_CREATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['@angular/core', new Set(['computed'])]]);

/** Methods of an Angular writable signal that write its value (`set(v)`, `update((v) => w)`). */
export const NG_SIGNAL_WRITERS: ReadonlySet<string> = new Set(['set', 'update']);

/** Members of an Angular signal that never write it. */
export const NG_SIGNAL_READ_ONLY_MEMBERS: ReadonlySet<string> = new Set(['asReadonly']);
