/**
 * The runtime-specific parts of the test app, picked by where the test runs: Node's adapters
 * (node:net, node:http, better-sqlite3) under the `unit` project, the Workers adapters
 * (cloudflare:sockets, fetch, D1) under the `workerd` project. The route suites import this and
 * run unchanged in both: one suite, two runtimes (h3's way).
 */
import type { Connect } from '../../src/probes/socket.ts'
import type { HttpGet } from '../../src/discovery/http.ts'
import type { ReportStore } from '../../src/diagnose/store.ts'
import type { TargetGuard } from '../../src/security/target-guard.ts'

export interface TestRuntime {
  name: 'node' | 'workerd'
  /** The probe socket adapter; `ca` is honoured on Node only (workerd trusts NODE_EXTRA_CA_CERTS). */
  connect(options?: { ca?: string[] }): Connect
  httpGet(
    guard: Pick<TargetGuard, 'resolve'>,
    options: { ca?: string[]; timeoutMs: number },
  ): HttpGet
  /** A report store with nothing in it. */
  reports(): ReportStore
}

/** True inside workerd (its navigator.userAgent); Node 20 has no navigator at all. */
export const inWorkerd =
  (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ===
  'Cloudflare-Workers'

export const testRuntime: TestRuntime = inWorkerd
  ? (await import('./test-runtime-workerd.ts')).workerdRuntime
  : (await import('./test-runtime-node.ts')).nodeRuntime
