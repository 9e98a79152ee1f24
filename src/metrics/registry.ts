/**
 * @module
 * The metric registry as a small interface: counters, histograms and gauges with named labels,
 * and the Prometheus text exposition. Any layer may be handed one (the probes count their results
 * through it without importing routes); the Node adapter (registry-prom-node.ts) is prom-client,
 * and `noMetrics` counts nothing.
 */

export type LabelValues<L extends string> = Partial<Record<L, string | number>>

export interface Counter<L extends string = string> {
  inc(labels?: LabelValues<L>, value?: number): void
}

export interface Histogram<L extends string = string> {
  observe(labels: LabelValues<L>, value: number): void
}

export interface MetricSpec<L extends string> {
  /** snake_case, with its unit (`_seconds`, `_total` for counters). */
  name: string
  help: string
  labels?: readonly L[]
}

export interface MetricRegistry {
  counter<L extends string>(spec: MetricSpec<L>): Counter<L>
  histogram<L extends string>(spec: MetricSpec<L> & { buckets: readonly number[] }): Histogram<L>
  /** A gauge read when the metrics are scraped. */
  gauge(spec: MetricSpec<never> & { read: () => number }): void
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>
  /** Its Content-Type. */
  readonly contentType: string
}

/** A registry that counts nothing (no metrics configured). */
export const noMetrics: MetricRegistry = {
  counter: () => ({ inc: () => undefined }),
  histogram: () => ({ observe: () => undefined }),
  gauge: () => undefined,
  render: async () => '',
  contentType: 'text/plain; version=0.0.4; charset=utf-8',
}
