/**
 * @module
 * The service's own metrics, declared once: requests by route and status, probes by protocol
 * and code, probe, request and diagnosis latency, probe sockets open and reserved, rate-limit
 * refusals by budget, reports stored. Callers report plain facts; names and labels live here.
 */
import type { MetricRegistry } from './registry.ts'

/** Seconds. A probe's deadline is 8 s by default; a verified discovery for a client 10 s. */
const REQUEST_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
const PROBE_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16]
const DIAGNOSIS_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30]

export interface ServiceMetrics {
  /** A request answered: `route` is the pattern it matched (never the raw path). */
  request(route: string, method: string, status: number, seconds: number): void
  /** A probe result, whoever asked for it. */
  probe(protocol: string, code: string | null, status: string, seconds: number): void
  /** A discovery run (a diagnosis, a lookup, a client endpoint's verified run). */
  diagnosis(probed: boolean, seconds: number): void
  /** A request turned away because a client's budget ran out. */
  refused(budget: string): void
  reportStored(): void
  socketOpened(): void
  socketClosed(): void
}

/**
 * @example
 * const metrics = createServiceMetrics(registry, { reservedSockets: () => budget.inUse() })
 * metrics.probe('imap', null, 'ok', 0.084)
 */
export const createServiceMetrics = (
  registry: MetricRegistry,
  read: { reservedSockets: () => number },
): ServiceMetrics => {
  const requests = registry.counter({
    name: 'mailsetup_http_requests_total',
    help: 'HTTP requests answered, by matched route, method and status.',
    labels: ['route', 'method', 'status'],
  })
  const requestSeconds = registry.histogram({
    name: 'mailsetup_http_request_duration_seconds',
    help: 'Time to answer a request (to the first byte of a stream), by matched route.',
    labels: ['route'],
    buckets: REQUEST_BUCKETS,
  })
  const probes = registry.counter({
    name: 'mailsetup_probes_total',
    help: 'Probe results, by protocol, code (none when all is well) and status.',
    labels: ['protocol', 'code', 'status'],
  })
  const probeSeconds = registry.histogram({
    name: 'mailsetup_probe_duration_seconds',
    help: 'Time one probe took, DNS to the end of the dialogue, by protocol.',
    labels: ['protocol'],
    buckets: PROBE_BUCKETS,
  })
  const diagnosisSeconds = registry.histogram({
    name: 'mailsetup_diagnosis_duration_seconds',
    help: 'Time one discovery took (sources, and the probes when probed).',
    labels: ['probed'],
    buckets: DIAGNOSIS_BUCKETS,
  })
  const refusals = registry.counter({
    name: 'mailsetup_rate_limit_refusals_total',
    help: 'Requests refused with 429 RATE_LIMITED, by the budget that ran out.',
    labels: ['budget'],
  })
  const stored = registry.counter({
    name: 'mailsetup_reports_stored_total',
    help: 'Diagnosis reports saved to the report store.',
  })
  let open = 0
  registry.gauge({
    name: 'mailsetup_probe_sockets_open',
    help: 'Probe sockets connected and not yet closed.',
    read: () => open,
  })
  registry.gauge({
    name: 'mailsetup_probe_sockets_reserved',
    help: 'Probe sockets reserved from the service-wide cap (MAILSETUP_MAX_PROBE_SOCKETS).',
    read: read.reservedSockets,
  })
  return {
    request(route, method, status, seconds) {
      requests.inc({ route, method, status })
      requestSeconds.observe({ route }, seconds)
    },
    probe(protocol, code, status, seconds) {
      probes.inc({ protocol, code: code ?? 'none', status })
      probeSeconds.observe({ protocol }, seconds)
    },
    diagnosis: (probed, seconds) => diagnosisSeconds.observe({ probed: String(probed) }, seconds),
    refused: (budget) => refusals.inc({ budget }),
    reportStored: () => stored.inc(),
    socketOpened: () => void open++,
    socketClosed: () => void open--,
  }
}
