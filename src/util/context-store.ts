/**
 * @module
 * A value that follows one piece of work through its awaits (the request a DNS query or a probe
 * socket is billed to), as a small interface: the Node adapter (context-store-node.ts) is
 * AsyncLocalStorage; code that only reads it never imports a runtime module.
 */

export interface ContextStore<T> {
  /** Runs `fn` with `value` as the current value, for `fn` and everything it starts. */
  run<R>(value: T, fn: () => R): R
  /** The value of the innermost `run` this call descends from; undefined outside any. */
  get(): T | undefined
}
