/**
 * @module
 * `npm run providers:build`: imports the four data sources in ../shared/data, the fact snapshots
 * of data/sources and the curated overlay, merges them, validates the result and writes src/providers/data.generated.json.
 * Prints the conflict report and saves it as docs/providers-conflicts.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDeltaChat } from './providers/deltachat.ts'
import { dropEmpty, finalizeDraft } from './providers/finalize.ts'
import { parseIspdb } from './providers/ispdb.ts'
import { parseMailcore2 } from './providers/mailcore2.ts'
import { mergeRecords } from './providers/merge.ts'
import { parseOverlayPatches } from './providers/overlay-patches.ts'
import { applyPortRule, PORT_EXCEPTIONS } from './providers/port-rule.ts'
import { domainsBySource, renderReport, summarize } from './providers/report.ts'
import { parseResearch } from './providers/research.ts'
import { markWeakOnly, parseSnapshot } from './providers/snapshot.ts'
import { SOURCE_RANK, type Imported, type SourceName } from './providers/types.ts'
import { SHARED_DATA } from '../test/support/shared-data.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DATA = SHARED_DATA
const OVERLAY = join(ROOT, 'data/providers-overlay.yaml')
/** Curated entries too, one file per family (Chinese providers, hosting, regional giants…). */
const CURATED = join(ROOT, 'data/providers')
/** Facts taken from other public provider lists, with their commit and licence. */
const SNAPSHOTS = join(ROOT, 'data/sources')
const OUT = join(ROOT, 'src/providers/data.generated.json')
const REPORT = join(ROOT, 'docs/providers-conflicts.md')

const read = (path: string) => readFileSync(path, 'utf8')
const files = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()

/** Reads every source and returns the merged, validated providers and the report text. */
export const buildProviders = () => {
  const imported: Imported[] = [
    parseOverlayPatches(read(OVERLAY), relative(ROOT, OVERLAY)),
    ...files(CURATED, '.yaml').map((f) =>
      parseOverlayPatches(read(join(CURATED, f)), relative(ROOT, join(CURATED, f))),
    ),
    parseResearch(read(join(DATA, 'providers-research.json')), 'providers-research.json'),
    ...files(join(DATA, 'ispdb'), '.xml').map((f) =>
      parseIspdb(read(join(DATA, 'ispdb', f)), `ispdb/${f}`),
    ),
    ...files(join(DATA, 'deltachat-provider-db/_providers'), '.md').map((f) =>
      parseDeltaChat(
        read(join(DATA, 'deltachat-provider-db/_providers', f)),
        `deltachat/${f}`,
        f.slice(0, -3),
      ),
    ),
    parseMailcore2(
      read(join(DATA, 'mailcore2-providers/providers.json')),
      'mailcore2/providers.json',
    ),
    ...files(SNAPSHOTS, '.json').map((f) =>
      parseSnapshot(read(join(SNAPSHOTS, f)), relative(ROOT, join(SNAPSHOTS, f))),
    ),
  ]
  const ruled = applyPortRule(imported.flatMap((i) => i.records))
  const records = ruled.records
  const { drafts, conflicts } = mergeRecords(records)
  markWeakOnly(drafts)
  const { kept: providers, dropped } = dropEmpty(
    drafts.map(finalizeDraft).sort((a, b) => a.id.localeCompare(b.id)),
  )
  const bySource = domainsBySource(drafts, providers)
  const counts = Object.fromEntries(
    Object.keys(SOURCE_RANK).map((s) => [s, records.filter((r) => r.source === s).length]),
  ) as Record<SourceName, number>
  const report = renderReport({
    providers,
    conflicts,
    fixes: [...imported.flatMap((i) => i.fixes), ...ruled.fixes],
    skipped: [...imported.flatMap((i) => i.skipped), ...dropped],
    counts,
    exceptions: PORT_EXCEPTIONS,
    domainsBySource: bySource,
  })
  return { providers, report, summary: summarize(providers, bySource) }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { providers, report, summary } = buildProviders()
  const json = JSON.stringify({ providers })
  writeFileSync(OUT, json + '\n')
  writeFileSync(REPORT, report)
  console.log(report)
  console.log(summary)
  console.log(
    `wrote ${relative(ROOT, OUT)} (${providers.length} providers, ${Math.round(json.length / 1024)} KB)`,
  )
}
