/**
 * React refs, the usual holder of a tfjs model or tensor in a React app (`modelRef.current`): the types
 * and hooks whose `current` holds the value of their type argument. Read only when they are imported
 * from one of `REACT_MODULES` (a same-named user type proves nothing).
 */

/** Modules that export the ref types and hooks below. */
export const REACT_MODULES: ReadonlySet<string> = new Set(['react', 'preact/compat', 'preact/hooks']);

/** `MutableRefObject<T>`, `RefObject<T>`: `.current` is a `T` (`RefObject`'s is `T | null`). */
export const REF_TYPES: ReadonlySet<string> = new Set(['MutableRefObject', 'RefObject']);

/** `useRef<T>(…)`, `createRef<T>()`: a ref whose `.current` is a `T`. */
export const REF_HOOKS: ReadonlySet<string> = new Set(['useRef', 'createRef']);
