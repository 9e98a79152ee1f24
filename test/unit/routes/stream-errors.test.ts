/**
 * Issue 14: a stream never just stops. When the run fails after some events, the SSE answer ends
 * with an `error` event carrying the code, and the failure goes to the structured logger with
 * the request id, never to console.error.
 */
import { Hono } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { DiscoveryService } from '../../../src/discovery/pipeline.ts'
import { createLogger } from '../../../src/logger.ts'
import type { AppEnv } from '../../../src/routes/app-env.ts'
import { diagnoseRoutes } from '../../../src/routes/diagnose.ts'
import { RateLimitError, createCostMeter } from '../../../src/security/costs.ts'
import { createSocketBudget } from '../../../src/security/socket-budget.ts'
import { createNodeContextStore } from '../../../src/util/context-store-node.ts'

/** A discovery that reports one source, then fails with `error`. */
const failingWith = (error: Error): DiscoveryService => ({
  discover: async (_email, options) => {
    options?.onEvent?.({
      type: 'source',
      source: { type: 'mx', name: 'example.com', status: 'none', servers: 0 },
    })
    throw error
  },
})

const build = (failing = failingWith(new TypeError('boom at line 1'))) => {
  const logs: string[] = []
  const app = new Hono<AppEnv>()
  app.use(async (c, next) => {
    c.set('reqId', 'req-42')
    c.set(
      'log',
      createLogger({ level: 'debug', write: (l) => logs.push(l) }).child({ reqId: 'req-42' }),
    )
    await next()
  })
  app.route(
    '/api/v1/diagnose',
    diagnoseRoutes({
      discovery: failing,
      budget: createSocketBudget(64),
      costs: createCostMeter({ store: createNodeContextStore() }),
    }),
  )
  return { app, logs }
}

/** The events of an SSE body, in order. */
const events = (text: string) =>
  text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown,
    }))

afterEach(() => vi.restoreAllMocks())

describe('SSE when the run fails', () => {
  it('ends with an error event carrying the code, logged as JSON with the request id', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { app, logs } = build()
    const res = await app.request('/api/v1/diagnose', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ email: 'ann@example.com' }),
    })
    expect(res.status).toBe(200)
    const received = events(await res.text())
    expect(received.map((e) => e.event)).toEqual(['source', 'error'])
    expect(received[1]?.data).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.' },
    })
    expect(JSON.stringify(received)).not.toContain('boom')
    const failed = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'stream failed')
    expect(failed).toMatchObject({
      level: 'error',
      reqId: 'req-42',
      err: { name: 'TypeError', message: 'boom at line 1' },
    })
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('carries the error’s own API code: a budget spent mid-run is RATE_LIMITED, not INTERNAL', async () => {
    const { app, logs } = build(failingWith(new RateLimitError('lookups', 30, 600)))
    const res = await app.request('/api/v1/diagnose', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ email: 'ann@example.com', probe: false }),
    })
    const received = events(await res.text())
    expect(received.map((e) => e.event)).toEqual(['source', 'error'])
    expect(received[1]?.data).toMatchObject({ error: { code: 'RATE_LIMITED' } })
    expect(logs.join('\n')).not.toContain('stream failed')
  })
})
