/**
 * @module
 * POST /api/v1/probe: one probe, or the whole matrix for a host when only the host is given.
 * JSON by default; with `Accept: text/event-stream`, an SSE `probe` event per result as it
 * completes, then a `result` event with the whole answer.
 */
import { Hono } from 'hono'
import { z } from 'zod'
import { MATRIX, type MatrixDeps, runMatrix } from '../probes/matrix.ts'
import { runProbe } from '../probes/probe.ts'
import { ProbeError } from '../probes/probe-error.ts'
import { type ProbeResult, unreachedResult } from '../probes/result.ts'
import type { PinnedTarget } from '../security/target-guard.ts'
import type { SocketBudget } from '../security/socket-budget.ts'
import { apiError, busy, invalidInput } from './api-error.ts'
import { readJson } from './read-json.ts'
import { respondWithReport } from './report-stream.ts'
import type { AppEnv } from './app-env.ts'

export const ProbeRequest = z
  .object({
    host: z.string().trim().min(1, 'host is empty').max(253, 'host is longer than 253 characters'),
    port: z.number().int().min(1).max(65535).optional(),
    protocol: z.enum(['imap', 'pop3', 'smtp']).optional(),
    security: z.enum(['tls', 'starttls', 'none']).optional(),
  })
  .strict()

export interface ProbeRouteDeps {
  probe: MatrixDeps
  budget: SocketBudget
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
        400,
        'INVALID_INPUT',
        'protocol is required for a non-standard port',
        'protocol',
      )
    const single = req.port !== undefined

    // The guard answers first, so that a refused target is a 403 before anything is sent.
    let pinned: PinnedTarget | null = null
    let dnsError: ProbeError | null = null
    try {
      if (single) guard.checkPort(req.port ?? 0)
      pinned = await guard.resolve(req.host, c.req.raw.signal)
    } catch (err) {
      if (!(err instanceof ProbeError)) throw err
      if (err.code === 'TARGET_BLOCKED')
        return apiError(
          c,
          403,
          'TARGET_BLOCKED',
          `Refused: ${err.detail ?? 'not a public mail server'}`,
        )
      dnsError = err
    }
    if (!single && targets.length === 0) {
      return apiError(
        c,
        400,
        'INVALID_INPUT',
        'no probe matches the protocol and security asked for',
        'security',
      )
    }

    const release = deps.budget.tryAcquire(targets.length)
    if (!release) return busy(c)

    const run = async (onResult?: (result: ProbeResult) => void) => {
      try {
        if (dnsError || !pinned) {
          const error = dnsError ?? new ProbeError('PROBE_FAILED')
          const probes = targets.map((t) => unreachedResult({ host: req.host, ...t }, error, null))
          probes.forEach((probe) => onResult?.(probe))
          return single
            ? probes[0]
            : { host: req.host, address: null, probes, timings: { dns: null, total: 0 } }
        }
        if (single) {
          const [target] = targets
          if (!target) throw new Error('unreachable: a single probe has one target')
          const result = await deps.probe.limiter.run(pinned.address, () =>
            runProbe({ host: pinned.host, ...target }, deps.probe, {
              pinned,
              signal: c.req.raw.signal,
            }),
          )
          onResult?.(result)
          return result
        }
        return await runMatrix(req.host, deps.probe, {
          pinned,
          entries: targets,
          signal: c.req.raw.signal,
          onResult,
        })
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
