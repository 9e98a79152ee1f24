/**
 * @module
 * Answers with a report: JSON, or with `Accept: text/event-stream` the events the run emits as
 * they happen (`source`, `probe`, `recommendation`), then the final event (`report`, or the
 * probe route's `result`).
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'

export type Emit = (event: string, data: unknown) => void

/** True when the client asked for `text/event-stream`. */
export const wantsEventStream = (c: Context): boolean =>
  c.req.header('accept')?.includes('text/event-stream') ?? false

/**
 * `run` gets an `emit` only when the client asked for a stream; its answer is the last event,
 * named `finalEvent`.
 */
export const respondWithReport = async <T>(
  c: Context,
  run: (emit?: Emit) => Promise<T>,
  finalEvent = 'report',
): Promise<Response> => {
  if (!wantsEventStream(c)) return c.json(await run())
  return streamSSE(c, async (stream) => {
    const pending: Promise<void>[] = []
    const report = await run((event, data) => {
      pending.push(stream.writeSSE({ event, data: JSON.stringify(data) }))
    })
    await Promise.all(pending)
    await stream.writeSSE({ event: finalEvent, data: JSON.stringify(report) })
  })
}
