/**
 * npm start: the production start. Runs the compiled server (dist/node.js, bundled from
 * src/node.ts by esbuild with its packages, better-sqlite3 aside) after rebuilding what is
 * missing or stale: the server when one of its inputs changed since dist/ was built, the web assets
 * (public/build/, scripts/build-web.ts) when one of theirs did. Each build records its inputs
 * (esbuild's metafile) in inputs.json beside its output, so a start with nothing changed only
 * stats those files. Plain JavaScript: the start must not need a TypeScript loader.
 *
 *   npm start              # build what is stale, then serve
 *   npm run build          # build what is stale, then exit
 */
import { spawnSync } from 'node:child_process'
import cluster from 'node:cluster'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import process from 'node:process'
import { URL, fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const SERVER_OUT = 'dist/node.js'
const PRIMARY_OUT = 'dist/cluster-primary.js'
const SERVER_INPUTS = 'dist/inputs.json'
const WEB_INPUTS = 'public/build/inputs.json'

const mtime = (file) => {
  try {
    return statSync(`${root}${file}`).mtimeMs
  } catch {
    return Infinity // a missing input (or output) makes the build stale
  }
}

/** Stale when the record is missing or any input it names changed after the build. */
const stale = (record, extra) => {
  let built
  try {
    built = JSON.parse(readFileSync(`${root}${record}`, 'utf8'))
  } catch {
    return true
  }
  return [...built.inputs, ...extra].some((file) => mtime(file) > built.builtAt)
}

const buildServer = async () => {
  const esbuild = await import('esbuild')
  const builtAt = Date.now()
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/node.ts', 'src/cluster-primary.ts'],
    outdir: 'dist',
    // Modules that node.ts imports only when used (yaml, node-forge, the login libraries,
    // prom-client, plist) stay in chunks, loaded on first use.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // The packages too: resolving, reading and lexing some 300 files of node_modules one by one
    // was most of a start (docs/benchmarks.md, bench:start). better-sqlite3 loads a native
    // addon from its own directory, so it stays outside.
    external: ['better-sqlite3'],
    // Bundled CommonJS packages call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __mailsetupRequire } from 'node:module'; const require = __mailsetupRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    minifyWhitespace: true,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs)
  writeFileSync(`${root}${SERVER_INPUTS}`, JSON.stringify({ builtAt, inputs }))
}

const buildWeb = () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (run.status !== 0) process.exit(run.status ?? 1)
}

// A cluster worker (MAILSETUP_WORKERS) runs this script again: the primary has built already.
if (cluster.isPrimary) {
  if (stale(WEB_INPUTS, ['scripts/build-web.ts', 'package-lock.json'])) buildWeb()
  // The bundle holds the packages, whose files npm extracts with a fixed old mtime: npm's own
  // record of node_modules (rewritten by every install and ci) says when they changed.
  const installed = ['package-lock.json', 'node_modules/.package-lock.json']
  if (stale(SERVER_INPUTS, ['scripts/start.mjs', ...installed])) await buildServer()
}
/**
 * MAILSETUP_WORKERS when it asks for a cluster (2 to 64, as src/config.ts allows); else 1, and
 * the server itself reads the variable (and names it when it is invalid).
 */
const clusterSize = () => {
  const value = process.env.MAILSETUP_WORKERS?.trim() ?? ''
  const workers = /^\d{1,2}$/.test(value) ? Number(value) : 1
  return workers >= 2 && workers <= 64 ? workers : 1
}

const load = (file) => import(pathToFileURL(`${root}${file}`).href)
if (!process.argv.includes('--build')) {
  const workers = cluster.isPrimary ? clusterSize() : 1
  // The primary only forks: without the app's modules it starts at once and stays small.
  if (workers > 1) (await load(PRIMARY_OUT)).runPrimary(workers)
  else await load(SERVER_OUT)
}
