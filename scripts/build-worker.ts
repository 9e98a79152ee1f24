/**
 * `npm run build:worker`: bundles the Workers entry offline with wrangler (deploy --dry-run, no
 * account needed) into dist/worker/, then prints the bundle's size raw and gzipped. Fails when
 * the gzipped bundle (the provider database included) passes Cloudflare's 1 MiB limit for free
 * accounts (https://developers.cloudflare.com/workers/platform/limits/#worker-size).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

const OUT = 'dist/worker'
const LIMIT_GZIP_BYTES = 1024 * 1024

rmSync(OUT, { recursive: true, force: true })
execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', OUT], {
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
})

const files = readdirSync(OUT, { recursive: true })
  .map(String)
  .filter((name) => /\.(m?js|wasm)$/.test(name) && statSync(join(OUT, name)).isFile())
let raw = 0
let gzip = 0
for (const name of files) {
  const bytes = readFileSync(join(OUT, name))
  raw += bytes.length
  gzip += gzipSync(bytes, { level: 9 }).length
}
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log(`worker bundle (${files.join(', ')}): ${kib(raw)}, ${kib(gzip)} gzipped`)
if (gzip > LIMIT_GZIP_BYTES) {
  console.error(`the gzipped bundle is over ${kib(LIMIT_GZIP_BYTES)}`)
  process.exit(1)
}
