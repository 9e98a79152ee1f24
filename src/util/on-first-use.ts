/**
 * @module
 * A module imported when it is first needed, not at start: what a start imports stays in memory
 * for the whole life of the process (docs/benchmarks.md, bench:start).
 */

/**
 * A memoised loader: the first call starts `load`, every later call gets the same promise; a
 * failed load is tried again on the next call.
 *
 * @example
 * const loadParser = onFirstUse(() => import('fast-xml-parser'))
 * const { XMLParser } = await loadParser()
 */
export const onFirstUse = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined
  return () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined
      throw err
    }))
}
