/**
 * The workerd side of test-runtime.ts: the adapters src/worker.ts wires, over the test's D1
 * database (binding DB, migrated by test/workerd/setup.ts from migrations/).
 */
import { connect } from 'cloudflare:sockets'
import { env } from 'cloudflare:workers'
import { type D1Like, createD1ReportStore } from '../../src/diagnose/store-d1.ts'
import { createFetchHttpGet } from '../../src/discovery/http-fetch.ts'
import { createWorkersConnect } from '../../src/probes/socket-workers.ts'
import type { TestRuntime } from './test-runtime.ts'

const db = () => (env as { DB: D1Like }).DB

export const workerdRuntime: TestRuntime = {
  name: 'workerd',
  connect: () => createWorkersConnect({ connect }),
  httpGet: (guard, options) => createFetchHttpGet({ guard, timeoutMs: options.timeoutMs }),
  reports: () => {
    // One D1 database per test file: a fresh store starts from empty tables, as :memory: does.
    const emptied = db().batch([
      db().prepare('DELETE FROM reports'),
      db().prepare('DELETE FROM verified_settings'),
    ])
    const store = createD1ReportStore(db())
    const after =
      <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        await emptied
        return method(...args)
      }
    return {
      save: after(store.save),
      get: after(store.get),
      saveLogin: after(store.saveLogin),
      delete: after(store.delete),
      purgeExpired: after(store.purgeExpired),
      saveVerified: after(store.saveVerified),
      getVerified: after(store.getVerified),
      close: store.close,
    }
  },
}
