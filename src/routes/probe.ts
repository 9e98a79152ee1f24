/**
 * @module
 * POST /api/v1/probe: one probe, or the whole matrix for a host when only the host is given.
 * JSON by default; with `Accept: text/event-stream`, an SSE `probe` event per result as it
 * completes, then a `result` event with the whole answer.
 */
import { Hono } from 'hono'
import type * as z from 'zod'
import type { Context } from 'hono'
import { lookupHost, probeHost } from '../probes/host-probes.ts'
import { MATRIX, type MatrixDeps, runMatrix } from '../probes/matrix.ts'
import { isProbeError } from '../errors/probe-error.ts'
import type { ProbeResult } from '../probes/result.ts'
import type { CostMeter } from '../security/costs.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import { apiError, busy, invalidInput } from './api-error.ts'
import { readJson } from './read-json.ts'
import { respondWithReport } from './report-stream.ts'
import type { AppEnv } from './app-env.ts'
import { ProbeRequest } from '../openapi/requests.ts'

export interface ProbeRouteDeps {
  probe: MatrixDeps
  budget: SocketBudget
  costs: CostMeter
}

const IMPLICIT_TLS_PORTS = new Set([993, 995, 465])

/** The probes a request asks for: one when a port is given, else the matrix (filtered). */
const plan = (req: z.infer<typeof ProbeRequest>) => {
  if (req.port === undefined) {
    return MATRIX.filter(
      (entry) =>
        (!req.protocol || entry.protocol === req.protocol) &&
        (!req.security || entry.security === req.security),
    )
  }
  const protocol = req.protocol ?? MATRIX.find((entry) => entry.port === req.port)?.protocol
  if (!protocol) return null
  const security = req.security ?? (IMPLICIT_TLS_PORTS.has(req.port) ? 'tls' : 'starttls')
  return [{ protocol, port: req.port, security }] as const
}

const refused = (c: Context<AppEnv>, detail: string | undefined) =>
  apiError(c, 'TARGET_BLOCKED', `Refused: ${detail ?? 'not a public mail server'}`)

export const probeRoutes = (deps: ProbeRouteDeps) => {
  const app = new Hono<AppEnv>()
  const { guard } = deps.probe

  app.post('/', async (c) => {
    const body = await readJson(c)
    if (!body.ok) return body.response
    const parsed = ProbeRequest.safeParse(body.value)
    if (!parsed.success) return invalidInput(c, parsed.error)
    const req = parsed.data
    const targets = plan(req)
    if (!targets)
      return apiError(
        c,
        'INVALID_INPUT',
        'protocol is required for a non-standard port',
        'protocol',
      )
    const single = req.port !== undefined

    // The guard answers first, so that a refused target is a 403 before anything is sent.
    try {
      if (single) guard.checkPort(req.port ?? 0)
    } catch (err) {
      if (isProbeError(err)) return refused(c, err.detail)
      throw err
    }
    const lookup = await lookupHost(guard, req.host, c.req.raw.signal)
    if (lookup.failure?.code === 'TARGET_BLOCKED') return refused(c, lookup.failure.detail)
    if (!single && targets.length === 0) {
      return apiError(
        c,
        'INVALID_INPUT',
        'no probe matches the protocol and security asked for',
        'security',
      )
    }

    // Each socket costs one of the client's probe budget, billed as it opens.
    deps.costs.need('probes', targets.length)
    const release = deps.budget.tryAcquire(targets.length)
    if (!release) return busy(c)

    const run = async (onResult?: (result: ProbeResult) => void) => {
      try {
        const signal = c.req.raw.signal
        if (!single)
          return await runMatrix(req.host, deps.probe, {
            lookup,
            entries: targets,
            signal,
            onResult,
          })
        const host = lookup.pinned?.host ?? req.host
        const [result] = await probeHost(host, targets, deps.probe, { lookup, signal, onResult })
        if (!result) throw new Error('unreachable: a single probe has one target')
        return result
      } finally {
        release()
      }
    }

    return respondWithReport(
      c,
      (emit) => run(emit && ((result) => emit('probe', result))),
      'result',
    )
  })

  return app
}
