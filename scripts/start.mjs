/**
 * npm start: the production start. Runs the compiled server (dist/node.js, bundled from
 * src/node.ts by esbuild, node_modules left external) after rebuilding what is missing or
 * stale: the server when one of its inputs changed since dist/ was built, the web assets
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
    entryPoints: ['src/node.ts'],
    outdir: 'dist',
    // Modules that node.ts imports only when configured (yaml, node-forge) stay in chunks.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
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
  if (stale(SERVER_INPUTS, ['scripts/start.mjs', 'package-lock.json'])) await buildServer()
}
if (!process.argv.includes('--build')) await import(pathToFileURL(`${root}${SERVER_OUT}`).href)
