/** The Node side of test-runtime.ts. */
import { openSqliteReportStore } from '../../src/diagnose/store-sqlite-node.ts'
import { createNodeHttpGet } from '../../src/discovery/http-node.ts'
import { createNodeConnect } from '../../src/probes/socket-node.ts'
import type { TestRuntime } from './test-runtime.ts'

export const nodeRuntime: TestRuntime = {
  name: 'node',
  connect: (options = {}) => createNodeConnect({ ca: options.ca }),
  httpGet: (guard, options) => createNodeHttpGet({ guard, ...options }),
  reports: () => openSqliteReportStore(':memory:'),
}
