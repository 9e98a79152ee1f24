/**
 * Runs the schema-driven fuzzer against the test app: every outbound path is closed (a
 * resolver that knows no name, no address allowed past the guard, msw refusing any HTTP), so
 * nothing leaves the process; counts answers by status and collects every violation.
 */
import net from 'node:net'
import fc from 'fast-check'
import { createTestApp } from '../fake/test-app.ts'
import { type OpenApiDoc, type Violation, createFuzzer } from './openapi-fuzz.ts'

export const FUZZ_SEED = 20_141_114

export interface FuzzSummary {
  requests: number
  /** Requests the document calls valid (each of them must not be a 400). */
  valid: number
  byStatus: Record<string, number>
  violations: Violation[]
  /** Sockets the app tried to open (must be 0: nothing may leave the process). */
  connects: number
  ms: number
}

/**
 * @example
 * const summary = await runFuzz({ runs: 300 })
 * summary.violations // []
 */
export const runFuzz = async (options: { runs: number; seed?: number }): Promise<FuzzSummary> => {
  const { app } = createTestApp({
    allow: [],
    limits: { requests: 1e9, lookups: 1e9, probes: 1e9 },
    maxSockets: 1e6,
  })
  const doc = (await (await app.request('/openapi.json')).json()) as OpenApiDoc
  const fuzzer = createFuzzer(doc)
  const requests = fc.sample(fuzzer.anyRequest, {
    seed: options.seed ?? FUZZ_SEED,
    numRuns: options.runs,
  })
  const byStatus: Record<string, number> = {}
  const violations: Violation[] = []
  let connects = 0
  let valid = 0
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function countedConnect(this: net.Socket, ...args: unknown[]) {
    connects += 1
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args)
  } as typeof connect
  const started = performance.now()
  try {
    for (const req of requests) {
      const res = await app.request(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      })
      byStatus[res.status] = (byStatus[res.status] ?? 0) + 1
      if (req.valid) valid += 1
      for (const problem of await fuzzer.check(req, res)) {
        violations.push({
          request: { method: req.method, url: req.url, headers: req.headers, body: req.body },
          status: res.status,
          problem,
        })
      }
    }
  } finally {
    net.Socket.prototype.connect = connect
  }
  return {
    requests: requests.length,
    valid,
    byStatus,
    violations,
    connects,
    ms: Math.round(performance.now() - started),
  }
}
