/**
 * Facts about the tfjs 4.22 API as data. Every list here was read off the real
 * `@tensorflow/tfjs@4.22.0` exports; `test/semantics/api-tables.test.ts` re-checks them against it.
 */

/** `tf.<name>(...)` functions that return a new Tensor (creators and ops). */
export const TENSOR_OPS: ReadonlySet<string> = new Set(
  (
    'abs acos acosh add addN all any argMax argMin asin asinh atan atan2 atanh avgPool avgPool3d batchNorm batchNorm2d ' +
    'batchNorm3d batchNorm4d batchToSpaceND bincount bitwiseAnd broadcastArgs broadcastTo cast ceil clipByValue clone ' +
    'complex concat concat1d concat2d concat3d concat4d conv1d conv2d conv2dTranspose conv3d conv3dTranspose cosineWindow ' +
    'cos cosh cumprod cumsum denseBincount depthToSpace depthwiseConv2d diag dilation2d div divNoNan dot dropout einsum elu ' +
    'ensureShape equal erf euclideanNorm exp expandDims expm1 eye fft fill floor floorDiv gather gatherND greater ' +
    'greaterEqual ifft imag irfft isFinite isInf isNaN leakyRelu less lessEqual linspace localResponseNormalization log ' +
    'log1p logSigmoid logSoftmax logSumExp logicalAnd logicalNot logicalOr logicalXor lowerBound matMul max maxPool ' +
    'maxPool3d maximum mean min minimum mirrorPad mod mul multinomial neg norm notEqual oneHot ones onesLike outerProduct pad ' +
    'pad1d pad2d pad3d pad4d pool pow prelu prod rand randomGamma randomNormal randomStandardNormal randomUniform ' +
    'randomUniformInt range real reciprocal relu relu6 reshape reverse reverse1d reverse2d reverse3d reverse4d rfft round ' +
    'rsqrt scalar scatterND searchSorted selu separableConv2d sigmoid sign sin sinh slice slice1d slice2d slice3d slice4d ' +
    'softmax softplus spaceToBatchND sparseToDense sqrt square squaredDifference squeeze stack step stridedSlice sub sum tan ' +
    'tanh tensor tensor1d tensor2d tensor3d tensor4d tensor5d tensor6d tensorScatterUpdate tile transpose truncatedNormal ' +
    'unsortedSegmentSum upperBound variable where zeros zerosLike'
  ).split(' '),
);

/**
 * Ops that create a tensor from plain data (`tf.tensor([1, 2])`, `tf.zeros([2])`, `tf.randomNormal([3])`):
 * called on literals they have no input tensor that a PyTorch in-place op could have meant to change.
 */
export const TENSOR_CREATION_OPS: ReadonlySet<string> = new Set(
  (
    'tensor tensor1d tensor2d tensor3d tensor4d tensor5d tensor6d scalar zeros ones fill range linspace eye oneHot ' +
    'randomNormal randomStandardNormal randomUniform randomUniformInt randomGamma truncatedNormal'
  ).split(' '),
);

/** Namespaced tensor-returning functions: `tf.losses.*`, `tf.image.*`, `tf.metrics.*`, `tf.browser.fromPixels`. */
export const TENSOR_NAMESPACES: ReadonlySet<string> = new Set(['losses', 'image', 'metrics', 'signal', 'linalg', 'spectral', 'math']);

/** Tensor methods (chained ops) that return a new Tensor. */
export const TENSOR_METHODS: ReadonlySet<string> = new Set(
  (
    'abs acos acosh add all any argMax argMin as1D as2D as3D as4D as5D asScalar asType asin asinh atan atan2 atanh avgPool ' +
    'batchNorm batchToSpaceND broadcastTo cast ceil clipByValue clone concat conv1d conv2d conv2dTranspose cos cosh cumprod ' +
    'cumsum depthToSpace depthwiseConv2d dilation2d div divNoNan dot elu equal erf euclideanNorm exp expandDims expm1 fft ' +
    'flatten floor floorDiv gather greater greaterEqual ifft irfft isFinite isInf isNaN leakyRelu less lessEqual ' +
    'localResponseNormalization log log1p logSigmoid logSoftmax logSumExp logicalAnd logicalNot logicalOr logicalXor matMul ' +
    'max maxPool maximum mean min minimum mirrorPad mod mul neg norm notEqual oneHot onesLike pad pool pow prelu prod ' +
    'reciprocal relu relu6 reshape reshapeAs resizeBilinear resizeNearestNeighbor reverse rfft round rsqrt selu ' +
    'separableConv2d sigmoid sign sin sinh slice softmax softplus spaceToBatchND sqrt square squaredDifference squeeze step ' +
    'stridedSlice sub sum tan tanh tile toBool toFloat toInt transpose unsortedSegmentSum zerosLike'
  ).split(' '),
);

/** `tf.train.<name>()` optimizer factories. */
export const OPTIMIZER_FACTORIES: ReadonlySet<string> = new Set(['sgd', 'momentum', 'rmsprop', 'adam', 'adadelta', 'adamax', 'adagrad']);

/** tfjs classes (as exported, by path) and the kind of value `new` gives. */
export const CLASS_KINDS: ReadonlyMap<string, ValueKind> = new Map<string, ValueKind>([
  ['Sequential', 'model'],
  ['LayersModel', 'model'],
  ['layers.Layer', 'layer'],
  ['layers.RNN', 'layer'],
  ['RNN', 'layer'],
  ['Optimizer', 'optimizer'],
  ['SGDOptimizer', 'optimizer'],
  ['MomentumOptimizer', 'optimizer'],
  ['AdamOptimizer', 'optimizer'],
  ['AdamaxOptimizer', 'optimizer'],
  ['AdagradOptimizer', 'optimizer'],
  ['AdadeltaOptimizer', 'optimizer'],
  ['RMSPropOptimizer', 'optimizer'],
  ['Tensor', 'tensor'],
  ['Variable', 'tensor'],
  ['SymbolicTensor', 'symbolic'],
  ['GraphModel', 'graph-model'],
]);

/** tfjs type names usable in annotations (`model: tf.LayersModel`) and the kind they denote. */
export const TYPE_KINDS: ReadonlyMap<string, ValueKind> = new Map<string, ValueKind>([
  ...CLASS_KINDS,
  ['Layer', 'layer'],
  ['Tensor1D', 'tensor'],
  ['Tensor2D', 'tensor'],
  ['Tensor3D', 'tensor'],
  ['Tensor4D', 'tensor'],
  ['Tensor5D', 'tensor'],
  ['Tensor6D', 'tensor'],
  ['Scalar', 'tensor'],
  ['TensorLike', 'tensor-like'],
]);

export type ValueKind = 'model' | 'graph-model' | 'layer' | 'optimizer' | 'tensor' | 'symbolic' | 'tensor-like';

/**
 * `tf.layers.*` factories that create no weights (test/semantics/weightless-trainable.test.ts: `.weights.length` after build).
 * Aliases exported by tfjs 4.22 are included.
 */
export const WEIGHTLESS_LAYERS: ReadonlySet<string> = new Set(
  (
    'dropout spatialDropout1d gaussianNoise gaussianDropout alphaDropout activation flatten reshape permute repeatVector ' +
    'maxPooling1d maxPooling2d maxPooling3d maxPool1d maxPool2d averagePooling1d averagePooling2d averagePooling3d ' +
    'avgPool1d avgPool2d avgPool3d avgPooling1d avgPooling2d avgPooling3d globalMaxPooling1d globalMaxPooling2d ' +
    'globalMaxPool1d globalMaxPool2d globalAveragePooling1d globalAveragePooling2d zeroPadding2d cropping2D upSampling2d ' +
    'reLU leakyReLU softmax elu thresholdedReLU masking rescaling resizing centerCrop add multiply concatenate average ' +
    'maximum minimum dot inputLayer'
  ).split(' '),
);

/** What running a mode-dependent layer in inference mode does (for messages). */
export type ModeEffect = 'dropout' | 'noise' | 'batchNorm';

/**
 * THE table of layers whose output depends on `kwargs.training` whatever their options: the
 * `tf.layers.<factory>` name, the class name (as `new tf.layers.X`-style code and the type checker
 * name it), and what inference mode does. Proved by test/semantics/api-tables.test.ts
 * ("output with {training: true} differs from the default (inference) call").
 */
export const MODE_DEPENDENT_LAYER_TABLE: readonly { readonly factory: string; readonly className: string; readonly effect: ModeEffect }[] = [
  { factory: 'dropout', className: 'Dropout', effect: 'dropout' },
  { factory: 'spatialDropout1d', className: 'SpatialDropout1D', effect: 'dropout' },
  { factory: 'gaussianNoise', className: 'GaussianNoise', effect: 'noise' },
  { factory: 'gaussianDropout', className: 'GaussianDropout', effect: 'dropout' },
  { factory: 'alphaDropout', className: 'AlphaDropout', effect: 'dropout' },
  { factory: 'batchNormalization', className: 'BatchNormalization', effect: 'batchNorm' },
];

/** `tf.layers.*` factories of MODE_DEPENDENT_LAYER_TABLE. */
export const MODE_DEPENDENT_LAYERS: ReadonlySet<string> = new Set(MODE_DEPENDENT_LAYER_TABLE.map((l) => l.factory));

/** Class name → effect, from MODE_DEPENDENT_LAYER_TABLE (for the type checker's class names). */
export const MODE_DEPENDENT_CLASSES: ReadonlyMap<string, ModeEffect> = new Map(MODE_DEPENDENT_LAYER_TABLE.map((l) => [l.className, l.effect]));

/**
 * The dropout family: `trainable` never stops them dropping; only `{training: false}` does (every
 * weightless layer of MODE_DEPENDENT_LAYER_TABLE; test/semantics/api-tables.test.ts).
 */
export const DROPOUT_FAMILY: ReadonlySet<string> = new Set(
  MODE_DEPENDENT_LAYER_TABLE.filter((l) => l.factory !== 'batchNormalization').map((l) => l.factory),
);

/**
 * Model methods that always run in inference mode (no kwargs reach the layers) and return tensors:
 * the predict-style methods (test/semantics/training-flag.test.ts).
 */
export const INFERENCE_METHODS: ReadonlySet<string> = new Set(['predict', 'predictOnBatch', 'execute']);

/** Recurrent layers that become mode-dependent when given `dropout` / `recurrentDropout` > 0. */
export const RECURRENT_LAYERS: ReadonlySet<string> = new Set([
  'lstm',
  'gru',
  'simpleRNN',
  'convLstm2d',
  'lstmCell',
  'gruCell',
  'simpleRNNCell',
  'convLstm2dCell',
]);

/** Wrapper layers whose mode depends on the wrapped layer (`{layer: ...}`). */
export const WRAPPER_LAYERS: ReadonlySet<string> = new Set(['bidirectional', 'timeDistributed']);

/** Methods on a LayersModel that train it (the only entry points that pass `training: true`; test/semantics/training-flag.test.ts). */
export const TRAINING_METHODS: ReadonlySet<string> = new Set(['fit', 'fitDataset', 'trainOnBatch']);

/**
 * Where each training API takes its var list: `minimize(f, returnCost, varList)`, `variableGrads(f, varList)`,
 * `optimizer.computeGradients(f, varList)` (test/semantics/var-list-when-frozen.test.ts, "where each training
 * API takes its var list").
 */
export const VAR_LIST_POSITION: Readonly<Record<string, number>> = { minimize: 2, computeGradients: 1, variableGrads: 1 };

/** `tf.<name>(f)` functions that record gradients of `f` (a gradient context). */
export const GRADIENT_FUNCTIONS: ReadonlySet<string> = new Set(['variableGrads', 'grad', 'grads', 'valueAndGrad', 'valueAndGrads']);

/** Optimizer methods that take a loss function (a gradient context). */
export const OPTIMIZER_GRADIENT_METHODS: ReadonlySet<string> = new Set(['minimize', 'computeGradients']);

// ------------------------------------------------------------------ tensor memory (test/semantics/memory.test.ts)

/** `tf.<name>(…, f)` functions that run `f` inside an engine scope, disposing what it makes and does not return. */
export const SCOPE_FUNCTIONS: ReadonlyMap<string, 'first' | 'last'> = new Map([
  ['tidy', 'last'],
  ['customGrad', 'first'],
]);

/**
 * `tf.data.Dataset` methods that run their function inside `tf.tidy` for each element (`ds.map(f)`,
 * `ds.filter(f)`): intermediates made there are disposed, the returned tensors belong to the pipeline
 * (test/semantics/memory.test.ts, "tf.data"). `mapAsync` and `forEachAsync` do not.
 */
export const DATASET_TIDY_METHODS: ReadonlySet<string> = new Set(['map', 'filter']);
/** `tf.data.<name>(…)` factories that make a Dataset. */
export const DATASET_FACTORIES: ReadonlySet<string> = new Set(['csv', 'generator', 'array', 'zip', 'func', 'webcam', 'microphone']);
/** Dataset methods that return a Dataset (`ds.shuffle(n).batch(32)`). */
export const DATASET_METHODS: ReadonlySet<string> = new Set(['map', 'mapAsync', 'filter', 'batch', 'shuffle', 'prefetch', 'take', 'skip', 'repeat', 'concatenate']);

/** Tensor methods that read a tensor synchronously into plain JS values (not tensors). */
export const TENSOR_SYNC_READS: ReadonlySet<string> = new Set(['dataSync', 'arraySync', 'bufferSync']);

/** Tensor methods that read a tensor asynchronously: they return a Promise of plain JS values. */
export const TENSOR_ASYNC_READS: ReadonlySet<string> = new Set(['data', 'array', 'buffer', 'bytes']);

/** Array (and tf.data) methods that call their callback once per element, synchronously or not. */
export const PER_ELEMENT_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'forEachAsync',
]);

/** Of those, the array methods that run the callback before returning (so a scope around the call covers it). */
export const SYNC_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
]);

/** How often a callback runs, by how it is registered. */
export type RepeatFrequency = 'frame' | 'batch' | 'epoch' | 'interval' | 'event' | 'iteration';

/**
 * Scheduling functions whose callback runs per frame or per tick: the browser's (global or `window.` /
 * `video.`), and three.js's `renderer.setAnimationLoop(cb)` (WebGLRenderer and WebGPURenderer call it on
 * every animation frame until `setAnimationLoop(null)`).
 */
export const REPEATING_SCHEDULERS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([
  ['requestAnimationFrame', 'frame'],
  ['requestVideoFrameCallback', 'frame'],
  ['setAnimationLoop', 'frame'],
  ['setInterval', 'interval'],
  // AngularJS's injected `$interval(fn, delay)` service
  ['$interval', 'interval'],
]);

/**
 * Hooks of render-loop libraries whose callback runs on every rendered frame: react-three-fiber's
 * `useFrame((state, delta) => …)`. Only when imported from the library's module.
 */
export const FRAME_HOOKS: ReadonlySet<string> = new Set(['useFrame']);
export const FRAME_HOOK_MODULES: ReadonlySet<string> = new Set(['@react-three/fiber']);

/**
 * Deno's registrations (methods of the global `Deno`): `Deno.serve(handler)` runs the handler for every
 * request, `Deno.cron(name, schedule, handler)` on every tick of its schedule.
 */
export const DENO_REGISTRATIONS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([
  ['serve', 'event'],
  ['cron', 'interval'],
]);

/** Node's server modules: `http.createServer(handler)` (and `https`, `http2`) runs the handler for every request. */
export const NODE_SERVER_MODULES: ReadonlySet<string> = new Set(['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2']);

/**
 * Route registrations of HTTP frameworks (Express, Fastify, Hono, Koa routers): `app.post('/predict', handler)`
 * runs the handler for every request. Counted only with a path literal first (`'/…'`), so `map.get(key)`
 * and HTTP clients (`axios.post(url, body)`, which take no handler) never match.
 */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'route']);

/**
 * Serverless and edge entry points, run once per invocation or request in a warm instance: an exported
 * `handler` (AWS Lambda, Netlify, Vercel/Next.js API routes), the `fetch` / `queue` (per request or message)
 * and `scheduled` (per tick) members of a module's default export (Cloudflare Workers), and the `fetch` of
 * `Bun.serve({ fetch })`.
 */
export const EXPORTED_HANDLERS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([['handler', 'event']]);

/**
 * Route modules of file-routed frameworks, whose exported HTTP-method functions run once per request:
 * Next.js App Router `route.ts` (`export async function POST(request) { … }`) and SvelteKit `+server.ts`
 * (`export const POST: RequestHandler = async ({ request }) => …`, also `fallback`).
 */
export const ROUTE_MODULE_FILE = /(?:^|[\\/])(?:route|\+server)\.[cm]?[jt]s$/;
export const ROUTE_MODULE_HANDLERS: ReadonlySet<string> = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'fallback']);

/**
 * Job and schedule libraries that run a callback again and again, by the module they are imported from:
 * node-cron's `cron.schedule(expr, fn)` and cron's `new CronJob(expr, fn)` on every tick, BullMQ's
 * `new Worker(queue, processor)` for every job. `argument` is where the callback is passed.
 */
export const JOB_REGISTRATIONS: readonly { readonly module: string; readonly name: string; readonly isNew: boolean; readonly argument: number; readonly frequency: RepeatFrequency }[] = [
  { module: 'node-cron', name: 'schedule', isNew: false, argument: 1, frequency: 'interval' },
  { module: 'cron', name: 'CronJob', isNew: true, argument: 1, frequency: 'interval' },
  { module: 'bullmq', name: 'Worker', isNew: true, argument: 1, frequency: 'event' },
];

/**
 * Reactive effects, by the module they are imported from: the function runs again every time a value it
 * read changes, like a listener. @preact/signals' `effect(fn)`, MobX's `autorun(fn)` and `reaction(expr,
 * effect)`, Vue's `watchEffect(fn)` and `watch(source, cb)`, Solid's `createEffect(fn)`.
 */
export const REACTIVE_EFFECTS: readonly { readonly module: string; readonly name: string; readonly isNew: boolean; readonly argument: number; readonly frequency: RepeatFrequency }[] = [
  ...['@preact/signals', '@preact/signals-core', '@preact/signals-react'].map((module) => ({ module, name: 'effect', isNew: false, argument: 0, frequency: 'event' as const })),
  { module: 'mobx', name: 'autorun', isNew: false, argument: 0, frequency: 'event' },
  { module: 'mobx', name: 'reaction', isNew: false, argument: 0, frequency: 'event' },
  { module: 'mobx', name: 'reaction', isNew: false, argument: 1, frequency: 'event' },
  ...['vue', '@vue/runtime-core', '@vue/reactivity'].flatMap((module) => [
    { module, name: 'watchEffect', isNew: false, argument: 0, frequency: 'event' as const },
    { module, name: 'watch', isNew: false, argument: 1, frequency: 'event' as const },
  ]),
  { module: 'solid-js', name: 'createEffect', isNew: false, argument: 0, frequency: 'event' },
];

/** Every module of JOB_REGISTRATIONS and REACTIVE_EFFECTS (a file naming none of them pays nothing). */
export const JOB_MODULES: ReadonlySet<string> = new Set([...JOB_REGISTRATIONS, ...REACTIVE_EFFECTS].map((j) => j.module));

/**
 * Phaser 3 (imported from `phaser`): a `Phaser.Scene` subclass's `update(time, delta)` runs on every frame,
 * and a timer event `this.time.addEvent({ loop: true, callback })` (or with `repeat`) on every tick.
 */
export const PHASER_MODULE = 'phaser';
export const PHASER_SCENE_CLASS = 'Scene';
export const PHASER_FRAME_METHODS: ReadonlySet<string> = new Set(['update']);

/**
 * GraphQL resolver maps (Apollo Server, GraphQL Yoga, graphql-tools): the functions under a root type,
 * `{ Query: { recommend: async (_, args, ctx) => … }, Mutation: { … } }`, run once per request that selects
 * the field.
 */
export const GRAPHQL_ROOT_TYPES: ReadonlySet<string> = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * p5.js sketch functions that p5 calls again and again: `draw` on every frame, the input and window
 * events on every event. Global mode: top-level `function draw() {…}` in a script that also declares
 * `function setup()`; instance mode: `p.draw = () => {…}` on the sketch object of `new p5((p) => …)`.
 */
export const P5_CALLBACKS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([
  ['draw', 'frame'],
  ...[
    'mousePressed', 'mouseReleased', 'mouseClicked', 'doubleClicked', 'mouseMoved', 'mouseDragged', 'mouseWheel',
    'keyPressed', 'keyReleased', 'keyTyped', 'touchStarted', 'touchMoved', 'touchEnded', 'windowResized',
    'deviceMoved', 'deviceTurned', 'deviceShaken',
  ].map((name): [string, RepeatFrequency] => [name, 'event']),
]);

/**
 * Svelte 5's `$effect(fn)` / `$effect.pre(fn)` (runes, in `.svelte.js` / `.svelte.ts` modules and components):
 * fn runs again every time a state it read changes, like a listener.
 */
export const EFFECT_RUNES: ReadonlySet<string> = new Set(['$effect', '$effect.pre']);
export const WORKER_HANDLERS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([
  ['fetch', 'event'],
  ['queue', 'event'],
  ['scheduled', 'interval'],
]);

/** Schedulers whose callback runs once, unless the callback schedules itself again (a recursive loop). */
export const ONE_SHOT_SCHEDULERS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([['setTimeout', 'interval']]);

/**
 * Methods that register an event listener (its callback runs per event): DOM `addEventListener`, Node's
 * EventEmitter `on` / `addListener` / `prependListener` (not `once`), Electron's `ipcMain.handle(channel,
 * listener)`, which runs the listener for every `ipcRenderer.invoke` of the channel, and an Observable's
 * `subscribe(next)` (RxJS and look-alikes), which runs it for every emission, and AngularJS's `$scope.$on` /
 * `$scope.$watch` (per event, per change of the watched value).
 */
export const LISTENER_METHODS: ReadonlySet<string> = new Set([
  'addEventListener', 'on', 'addListener', 'prependListener', 'handle', 'subscribe',
  // AngularJS scopes: `$scope.$on(event, fn)` per event, `$scope.$watch(expr, fn)` per change
  '$on', '$watch', '$watchCollection', '$watchGroup',
]);

/**
 * JSX event props: a function given to `onClick={…}`, `onPointerMove={…}` (React, Preact, Solid) or Solid's
 * `on:click={…}` is called by the framework once per event, like a DOM `addEventListener` listener. Other
 * props taking functions (`render={…}`, `ref={…}`) are not events.
 */
export const JSX_EVENT_PROP = /^on[A-Z]/;
/**
 * On a component of the app's own (`<Canvas onPointerMove={…}>`, `<Loader onReady={…}>`), an `on…` prop is
 * whatever the component makes of it: only the names of user-interaction DOM events count as called per
 * event (components forward them to an element); lifecycle callbacks such as `onReady`, `onLoad`, `onInit`
 * or `onComplete` may run once.
 */
export const JSX_INTERACTION_EVENT_PROP =
  /^on(?:Click|DoubleClick|ContextMenu|(?:Mouse|Pointer)(?:Down|Up|Move|Enter|Leave|Over|Out|Cancel)|Touch(?:Start|Move|End|Cancel)|Key(?:Down|Up|Press)|Change|Input|Submit|Wheel|Scroll|Drag(?:Start|End|Enter|Leave|Over)?|Drop|Focus|Blur|Select|TimeUpdate|Seeked|Play)(?:Capture)?$/;
export const JSX_EVENT_NAMESPACE = 'on';

/**
 * Method decorators with which a framework calls the method once per event, like an `addEventListener`
 * listener: Angular's `@HostListener('window:resize')` and Stencil's `@Listen('scroll')`, and the route
 * decorators of NestJS and routing-controllers (`@Post('/:id/predict')`: per request). Only when the
 * decorator is imported from the framework's module.
 */
export const LISTENER_DECORATORS: ReadonlySet<string> = new Set(['HostListener', 'Listen', 'Get', 'Post', 'Put', 'Patch', 'Delete', 'Head', 'Options', 'All']);
export const LISTENER_DECORATOR_MODULES: ReadonlySet<string> = new Set(['@angular/core', '@stencil/core', '@nestjs/common', 'routing-controllers']);

/** React hooks that return their first argument as the function to call (`useCallback(fn, deps)`). */
export const CALLBACK_HOOKS: ReadonlySet<string> = new Set(['useCallback']);

/**
 * Redux Toolkit (`@reduxjs/toolkit`, and `@reduxjs/toolkit/react`, which re-exports all of it). Its store runs
 * these functions once per `dispatch`, like a route handler per request: the payload creator of
 * `createAsyncThunk(type, payloadCreator)` (argument 1, also through `createAsyncThunk.withTypes<…>()`), and
 * the case reducers of `createSlice({ reducers: { … } })`, each a function or a `{ reducer, prepare }` pair.
 * Only bindings imported or required from these modules count: a user's own `createAsyncThunk` is not it.
 */
export const REDUX_TOOLKIT_MODULES: ReadonlySet<string> = new Set(['@reduxjs/toolkit', '@reduxjs/toolkit/react']);
export const REDUX_DISPATCH_CALLBACKS: ReadonlyMap<string, number> = new Map([['createAsyncThunk', 1]]);
export const REDUX_SLICE_FACTORIES: ReadonlyMap<string, string> = new Map([['createSlice', 'reducers']]);
export const REDUX_REDUCER_PARTS: ReadonlySet<string> = new Set(['reducer', 'prepare']);

/** DOM observers: `new MutationObserver(callback)` runs the callback for every batch of changes it observes. */
export const OBSERVER_CLASSES: ReadonlySet<string> = new Set(['MutationObserver', 'ResizeObserver', 'IntersectionObserver', 'PerformanceObserver', 'ReportingObserver']);

/** `model.fit` / `fitDataset` callback hooks (tfjs CustomCallbackArgs) that run per batch or per epoch. */
export const FIT_CALLBACK_HOOKS: ReadonlyMap<string, RepeatFrequency> = new Map<string, RepeatFrequency>([
  ['onBatchBegin', 'batch'],
  ['onBatchEnd', 'batch'],
  ['onYield', 'batch'],
  ['onEpochBegin', 'epoch'],
  ['onEpochEnd', 'epoch'],
]);
/** `tf.<name>(...)` functions that return an array of Tensors (`const [a, b] = tf.split(x, 2)`). */
export const TENSOR_LIST_OPS: ReadonlySet<string> = new Set(['split', 'unstack', 'meshgrid']);

/**
 * `tf.<name>(...)` functions that return an object some of whose properties are tensors:
 * `const { value, grads } = tf.variableGrads(f)`, `const { mean, variance } = tf.moments(x)`
 * (test/semantics/api-tables.test.ts checks each against real tfjs). `tf.valueAndGrad(f)` and
 * `tf.valueAndGrads(f)` return a function whose result has these parts (TENSOR_PART_FUNCTIONS).
 */
export const TENSOR_PART_OPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['variableGrads', ['value']],
  ['moments', ['mean', 'variance']],
  ['topk', ['values', 'indices']],
  ['unique', ['values', 'indices']],
]);
export const TENSOR_PART_FUNCTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['valueAndGrad', ['value', 'grad']],
  ['valueAndGrads', ['value']],
]);

/**
 * Methods of models and layers that return an array of tensors: `getWeights()` returns the weight
 * variables themselves, not copies (test/semantics/discarded-tensor.test.ts), so they are never new tensors.
 */
export const TENSOR_LIST_METHODS: ReadonlySet<string> = new Set(['getWeights']);

/** Array methods whose callback's first parameter is an element of the array (`nets.forEach((net) => …)`). */
export const ELEMENT_CALLBACKS: ReadonlySet<string> = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'flatMap', 'findLast']);
