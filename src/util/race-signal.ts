/**
 * @module
 * Racing a promise against an AbortSignal, for calls that take no signal of their own.
 */

/**
 * Resolves or rejects with `promise`, or rejects with the signal's reason when it aborts first
 * (calling `onAbort` then: one listener on the signal does both).
 */
export const raceSignal = <T>(
  promise: Promise<T>,
  signal: AbortSignal,
  onAbort?: () => void,
): Promise<T> => {
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.()
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', abort, { once: true })
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort)
        resolve(value)
      },
      (err: unknown) => {
        signal.removeEventListener('abort', abort)
        reject(err instanceof Error ? err : new Error(String(err)))
      },
    )
  })
}
