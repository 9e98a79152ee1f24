/**
 * Builds the web page and the widget into public/build/ with esbuild: app.js + app.css (the
 * page at /), widget.js (served at /widget.js, its CSS inlined for its shadow root) and api.js
 * (the API page, /api.html).
 * Prints each file's gzipped size and fails when the widget exceeds its budget.
 *
 *   npm run build:web            # once
 *   npm run build:web -- --watch # rebuild on change
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

/** The issue's limit for the embeddable widget. */
export const WIDGET_MAX_GZIP_BYTES = 40 * 1024

const root = fileURLToPath(new URL('..', import.meta.url))
const outdir = `${root}public/build`
const watch = process.argv.includes('--watch')

const common: esbuild.BuildOptions = {
  bundle: true,
  minify: !watch,
  sourcemap: watch ? 'inline' : false,
  target: ['es2022', 'chrome109', 'firefox115', 'safari16'],
  format: 'iife',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
}

const builds: esbuild.BuildOptions[] = [
  { ...common, entryPoints: { app: 'web/app/main.ts' }, outdir },
  { ...common, entryPoints: { app: 'web/app/app.css' }, outdir, loader: { '.css': 'css' } },
  { ...common, entryPoints: { widget: 'web/widget/main.ts' }, outdir, loader: { '.css': 'text' } },
  { ...common, entryPoints: { api: 'web/api/main.ts' }, outdir },
]

const gzipSize = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const report = async (): Promise<boolean> => {
  let ok = true
  for (const name of ['app.js', 'app.css', 'widget.js', 'api.js']) {
    const file = `${outdir}/${name}`
    const raw = (await readFile(file)).length
    const gz = await gzipSize(file)
    const over = name === 'widget.js' && gz > WIDGET_MAX_GZIP_BYTES
    if (over) ok = false
    console.log(
      `public/build/${name.padEnd(10)} ${kb(raw).padStart(9)}  gzip ${kb(gz).padStart(8)}${over ? `  over the ${kb(WIDGET_MAX_GZIP_BYTES)} budget` : ''}`,
    )
  }
  return ok
}

const main = async () => {
  if (watch) {
    await mkdir(outdir, { recursive: true })
    for (const options of builds) await (await esbuild.context(options)).watch()
    console.log('watching web/ …')
    return
  }
  const builtAt = Date.now()
  await rm(outdir, { recursive: true, force: true })
  const results = await Promise.all(
    builds.map((options) => esbuild.build({ ...options, metafile: true })),
  )
  if (!(await report())) {
    console.error(`widget.js is larger than ${kb(WIDGET_MAX_GZIP_BYTES)} gzipped`)
    process.exit(1)
  }
  // What the build read, for npm start to rebuild only when one of them changed (scripts/start.mjs).
  const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile?.inputs ?? {})))]
  await writeFile(`${outdir}/inputs.json`, JSON.stringify({ builtAt, inputs }))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
