/**
 * `npm run fuzz [-- --runs N --seed S]`: the long schema-driven fuzz pass (10,000 requests by
 * default) against the in-process test app with every outbound path closed and msw refusing
 * any HTTP. Prints the answers by status, then every 5xx or schema violation; exits 1 if any.
 */
import { setupServer } from 'msw/node'
import { FUZZ_SEED, runFuzz } from '../test/fuzz/run-fuzz.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  return Number.isFinite(value) && value > 0 ? value : fallback
}

const server = setupServer()
server.listen({ onUnhandledRequest: 'error' })
const runs = arg('runs', 10_000)
const seed = arg('seed', FUZZ_SEED)
const summary = await runFuzz({ runs, seed })
server.close()

console.log(
  `fuzz: ${summary.requests} requests (${summary.valid} valid by the document) in ${summary.ms} ms, seed ${seed}, ${summary.connects} sockets opened`,
)
console.log('by status:')
for (const [status, count] of Object.entries(summary.byStatus).sort())
  console.log(`  ${status}  ${count}`)
const fives = summary.violations.filter((v) => v.status >= 500).length
console.log(`5xx: ${fives}, violations: ${summary.violations.length}`)
for (const v of summary.violations.slice(0, 50))
  console.log(
    `  ${v.status} ${v.request.method} ${v.request.url} ${JSON.stringify(v.request.headers)} ${v.request.body ?? ''}\n    ${v.problem}`,
  )
if (summary.violations.length > 50) console.log(`  … and ${summary.violations.length - 50} more`)
process.exit(summary.violations.length > 0 || summary.connects > 0 ? 1 : 0)
