import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { CERT_DIR_VARIABLE, writeTestCa } from './test/workerd/test-ca.ts'

// The workerd project's test CA must be in NODE_EXTRA_CA_CERTS when miniflare's module loads
// (it reads the variable once, then), and only then: Node processes the tests start must not
// inherit a file that is deleted with the temporary folder.
const certDir = writeTestCa()
process.env[CERT_DIR_VARIABLE] = certDir
const previousCa = process.env.NODE_EXTRA_CA_CERTS
process.env.NODE_EXTRA_CA_CERTS = `${certDir}/ca.pem`
const { cloudflareTest, readD1Migrations } = await import('@cloudflare/vitest-pool-workers')
if (previousCa === undefined) delete process.env.NODE_EXTRA_CA_CERTS
else process.env.NODE_EXTRA_CA_CERTS = previousCa

/**
 * The route suites that need no real sockets of their own: they run under Node (`unit`) and
 * inside workerd (`workerd`), each with its runtime's adapters (test/fake/test-runtime.ts).
 * Listed one by one: a suite that starts a server (limits.test.ts, probe-route.test.ts) cannot
 * run inside workerd, which has no listening sockets.
 */
const BOTH_RUNTIMES = [
  'test/unit/routes/format-routes.test.ts',
  'test/unit/routes/guides-region.test.ts',
  'test/unit/routes/guides-routes.test.ts',
  'test/unit/routes/providers-routes.test.ts',
  'test/unit/routes/public-url.test.ts',
  'test/unit/routes/web-routes.test.ts',
  'test/unit/reports/reports-routes.test.ts',
  'test/unit/reports/client-settings.test.ts',
  'test/unit/diagnose-route.test.ts',
  'src/security/cors.test.ts',
  'src/security/rate-limit.test.ts',
  'src/security/costs.test.ts',
  'test/unit/workers/http-fetch.test.ts',
  'src/util/server-text.test.ts',
]

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            miniflare: {
              compatibilityDate: '2026-04-26',
              compatibilityFlags: ['nodejs_compat'],
              d1Databases: ['DB'],
              ratelimits: { RATE_LIMITER: { simple: { limit: 3, period: 60 } } },
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(
                  fileURLToPath(new URL('./migrations', import.meta.url)),
                ),
              },
            },
          })),
        ],
        test: {
          name: 'workerd',
          include: [...BOTH_RUNTIMES, 'test/workerd/**/*.test.ts'],
          globalSetup: ['test/workerd/global-setup.ts'],
          setupFiles: ['test/workerd/setup.ts'],
          // One module graph for every file: importing the app into a fresh isolate per file
          // cost about 3 s each.
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'live',
          include: ['test/live/**/*.test.ts'],
          // One lab for the live and browser projects (its addresses are fixed).
          globalSetup: ['test/lab/shared-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/lab/shared-global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
