/**
 * @module
 * The discovery and the report store as the app uses them, timed and counted for the metrics.
 */
import type { DiscoveryService } from '../discovery/pipeline.ts'
import type { ServiceMetrics } from '../metrics/service-metrics.ts'
import type { ReportStore } from './store.ts'

/** Every discovery run, timed (probed or not). */
export const observedDiscovery = (
  inner: DiscoveryService,
  metrics: Pick<ServiceMetrics, 'diagnosis'>,
): DiscoveryService => ({
  async discover(address, options) {
    const started = performance.now()
    try {
      return await inner.discover(address, options)
    } finally {
      metrics.diagnosis(options?.probe !== false, (performance.now() - started) / 1000)
    }
  },
})

/** The store, counting each report saved. */
export const observedStore = (
  inner: ReportStore,
  metrics: Pick<ServiceMetrics, 'reportStored'>,
): ReportStore => ({
  save: async (entry) => {
    await inner.save(entry)
    metrics.reportStored()
  },
  get: (id, now) => inner.get(id, now),
  delete: (id) => inner.delete(id),
  purgeExpired: (now) => inner.purgeExpired(now),
  saveVerified: (entry) => inner.saveVerified(entry),
  getVerified: (domain, now) => inner.getVerified(domain, now),
  saveLogin: (...args) => inner.saveLogin(...args),
  close: () => inner.close(),
})
