/** Runs in workerd before each test file: the D1 database gets the schema of migrations/. */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

const { DB, TEST_MIGRATIONS } = env as unknown as {
  DB: Parameters<typeof applyD1Migrations>[0]
  TEST_MIGRATIONS: Parameters<typeof applyD1Migrations>[1]
}
await applyD1Migrations(DB, TEST_MIGRATIONS)

// plist's browser build, which workerd resolves, parses with DOMParser; the format tests parse
// the profiles they get back with it. Only the tests parse plists (the service only builds them).
if (!('DOMParser' in globalThis)) {
  const { DOMParser } = await import('@xmldom/xmldom')
  Object.assign(globalThis, { DOMParser })
}
