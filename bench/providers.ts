/**
 * @module
 * `npm run bench:providers`: database load time and lookups per second.
 * Run in a fresh process so the load time includes reading the generated JSON module.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

const t0 = performance.now()
const { createProviderIndex, loadBuiltInProviders } = await import('../src/providers/index.ts')
const { GeneratedSchema, builtInData } = await import('../src/providers/built-in.ts')
const tImport = performance.now()
// What the JSON import costs in plain Node (the tsx import above also transpiles TypeScript).
const jsonPath = new URL('../src/providers/data.generated.json', import.meta.url)
const tj = performance.now()
JSON.parse(readFileSync(jsonPath, 'utf8'))
const jsonMs = performance.now() - tj
const t1 = performance.now()
const providers = loadBuiltInProviders()
const t2 = performance.now()
const index = createProviderIndex(providers)
const t3 = performance.now()
// What start-up no longer pays: validating the built-in data again (the build and a test do it).
const tv = performance.now()
GeneratedSchema.parse(builtInData)
const validateMs = performance.now() - tv

const domains = providers.flatMap((p) => p.domains)
const mxHosts = [
  'mxbiz1.qq.com',
  'mx1.qiye.aliyun.com',
  'alt1.aspmx.l.google.com',
  'mx.unknown.example',
]

const rate = (label: string, fn: (i: number) => unknown, ms = 500) => {
  let n = 0
  const start = performance.now()
  while (performance.now() - start < ms) {
    for (let i = 0; i < 1000; i++) fn(n + i)
    n += 1000
  }
  const perSecond = Math.round(n / ((performance.now() - start) / 1000))
  console.log(`${label.padEnd(28)} ${perSecond.toLocaleString('en')} /s`)
}

console.log(`providers: ${providers.length}, domains: ${domains.length}`)
console.log(`import modules (tsx, cold) ${(tImport - t0).toFixed(1)} ms`)
console.log(`read + parse JSON           ${jsonMs.toFixed(1)} ms`)
console.log(`load built-in list           ${(t2 - t1).toFixed(1)} ms`)
console.log(`build index                 ${(t3 - t2).toFixed(1)} ms`)
console.log(`load total (JSON+list+index) ${(jsonMs + t3 - t1).toFixed(1)} ms`)
console.log(`(zod re-validation, skipped at start: ${validateMs.toFixed(1)} ms)`)
rate('byDomain (hit)', (i) => index.byDomain(domains[i % domains.length] ?? ''))
rate('byDomain (miss)', (i) => index.byDomain(`nobody${i % 100}.example`))
rate('byMx', (i) => index.byMx(mxHosts[i % mxHosts.length] ?? ''))
rate('search', (i) => index.search(['163', 'gmail', '网易', 'zoho'][i % 4] ?? '', 10), 300)
