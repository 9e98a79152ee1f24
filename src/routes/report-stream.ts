/**
 * @module
 * Answers with a report: JSON, or with `Accept: text/event-stream` the events the run emits as
 * they happen (`source`, `probe`, `recommendation`), then the final `report` event.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'

export type Emit = (event: string, data: unknown) => void

export const wantsEventStream = (c: Context): boolean => c.req.header('accept')?.includes('text/event-stream') ?? false

/** `run` gets an `emit` only when the client asked for a stream. */
export const respondWithReport = async <T>(c: Context, run: (emit?: Emit) => Promise<T>): Promise<Response> => {
  if (!wantsEventStream(c)) return c.json(await run())
  return streamSSE(c, async (stream) => {
    const pending: Promise<void>[] = []
    const report = await run((event, data) => {
      pending.push(stream.writeSSE({ event, data: JSON.stringify(data) }))
    })
    await Promise.all(pending)
    await stream.writeSSE({ event: 'report', data: JSON.stringify(report) })
  })
}
