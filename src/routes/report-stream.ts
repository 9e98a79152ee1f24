/**
 * @module
 * Runs a diagnosis and answers with its report: JSON, or with `Accept: text/event-stream` an SSE
 * `source` event per source result and a `probe` event per probe result as they arrive, then
 * the final `report` event.
 */
import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { DiscoveryEvent } from '../discovery/pipeline.ts'

export const wantsEventStream = (c: Context): boolean => c.req.header('accept')?.includes('text/event-stream') ?? false

export const respondWithReport = async <T>(
  c: Context,
  run: (onEvent?: (event: DiscoveryEvent) => void) => Promise<T>,
): Promise<Response> => {
  if (!wantsEventStream(c)) return c.json(await run())
  return streamSSE(c, async (stream) => {
    const pending: Promise<void>[] = []
    const report = await run((event) => {
      const data = JSON.stringify(event.type === 'source' ? event.source : event.probe)
      pending.push(stream.writeSSE({ event: event.type, data }))
    })
    await Promise.all(pending)
    await stream.writeSSE({ event: 'report', data: JSON.stringify(report) })
  })
}
