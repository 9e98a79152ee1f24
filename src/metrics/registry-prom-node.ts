/**
 * @module
 * The MetricRegistry on prom-client, with Node's process metrics (CPU, memory, event-loop lag,
 * open descriptors) beside the service's own.
 */
import client from 'prom-client'
import type { MetricRegistry } from './registry.ts'

/**
 * @example
 * const registry = createPromRegistry()
 * await registry.render() // '# HELP mailsetup_probes_total …'
 */
export const createPromRegistry = (options: { processMetrics?: boolean } = {}): MetricRegistry => {
  const register = new client.Registry()
  if (options.processMetrics !== false) client.collectDefaultMetrics({ register })
  return {
    counter(spec) {
      const counter = new client.Counter({
        name: spec.name,
        help: spec.help,
        labelNames: spec.labels ?? [],
        registers: [register],
      })
      return { inc: (labels = {}, value = 1) => counter.inc(labels, value) }
    },
    histogram(spec) {
      const histogram = new client.Histogram({
        name: spec.name,
        help: spec.help,
        labelNames: spec.labels ?? [],
        buckets: [...spec.buckets],
        registers: [register],
      })
      return { observe: (labels, value) => histogram.observe(labels, value) }
    },
    gauge(spec) {
      new client.Gauge({
        name: spec.name,
        help: spec.help,
        registers: [register],
        collect() {
          this.set(spec.read())
        },
      })
    },
    render: () => register.metrics(),
    contentType: register.contentType,
  }
}
