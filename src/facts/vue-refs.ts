/**
 * Vue refs, the holder of a model or tensor in a Vue app (`const model = shallowRef(null)`, then
 * `model.value = await tf.loadLayersModel(url)`): `.value` holds the argument of the call and every value
 * the file assigns to it. Read only when the function is imported from one of `VUE_MODULES`.
 */

/** Modules that export `ref` and `shallowRef`. */
export const VUE_MODULES: ReadonlySet<string> = new Set(['vue', '@vue/reactivity', '@vue/runtime-core', '@vue/composition-api']);

/** `ref(x)`, `shallowRef(x)`: `.value` is `x` until the code assigns another value. */
export const VUE_REF_FUNCTIONS: ReadonlySet<string> = new Set(['ref', 'shallowRef']);
