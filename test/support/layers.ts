/**
 * The layers of src/, lowest first, and a checker that finds imports pointing upward. A file's
 * layer is its top folder under src/ (or its name, for the files at the top). A module may
 * import its own layer and the ones below; never one above, never web/, test/ or scripts/.
 * README.md "Development" describes the same stack.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'
import ts from 'typescript'

export const LAYERS: readonly (readonly string[])[] = [
  ['errors', 'model'],
  // logger.ts: any layer may be handed a logger; it imports nothing of ours. metrics/: the
  // metric registry's interface and the service's metrics, for any layer to count through.
  ['util', 'logger.ts', 'metrics'],
  ['dns'],
  ['security'],
  ['probes', 'providers'],
  ['discovery'],
  ['recommend'],
  ['diagnose'],
  // login/: the login test (issue 11), over probes, security, discovery, recommend and diagnose.
  ['login'],
  ['formats', 'guides'],
  ['openapi'],
  ['routes'],
  ['app.ts'],
  // config.ts reads the environment: only an entry point may, then hands values down.
  // cluster-primary.ts: the entry npm start runs as the cluster's primary (it imports nothing).
  ['node.ts', 'worker.ts', 'config.ts', 'cluster-primary.ts'],
]

const RANK = new Map(LAYERS.flatMap((names, rank) => names.map((name) => [name, rank] as const)))

/** `src/probes/imap.ts` → `probes`; `src/app.ts` → `app.ts`; outside src/ → null. */
export const layerOf = (file: string): string | null => {
  const parts = normalize(file).split('/')
  if (parts[0] !== 'src' || parts.length < 2) return null
  return parts[1] ?? null
}

/** File → the repository paths it imports (relative specifiers only, resolved). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>

/** Every import in `graph` that breaks the stack, as `from → to: why`. */
export const layerViolations = (graph: ImportGraph): string[] => {
  const problems: string[] = []
  for (const [from, targets] of graph) {
    const layer = layerOf(from)
    if (layer === null) continue
    const rank = RANK.get(layer)
    if (rank === undefined) {
      problems.push(`${from}: ${layer} has no layer (add it to LAYERS in test/support/layers.ts)`)
      continue
    }
    for (const to of targets) {
      const target = layerOf(to)
      if (target === null) {
        problems.push(`${from} → ${to}: src/ imports nothing outside src/`)
        continue
      }
      const targetRank = RANK.get(target)
      if (targetRank !== undefined && targetRank > rank) {
        problems.push(`${from} → ${to}: ${layer} sits below ${target}`)
      }
    }
  }
  return problems
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : []
  })

/** The import graph of src/ (tests beside the code left out: they may reach for fakes). */
export const readImportGraph = (root: string): ImportGraph => {
  const graph = new Map<string, string[]>()
  for (const path of sourceFiles(join(root, 'src'))) {
    const file = relative(root, path)
    const { importedFiles } = ts.preProcessFile(readFileSync(path, 'utf8'), true, true)
    graph.set(
      file,
      importedFiles
        .map((ref) => ref.fileName)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => normalize(join(dirname(file), spec))),
    )
  }
  return graph
}
