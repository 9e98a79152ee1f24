/**
 * Lower layers never import higher ones (test/support/layers.ts has the stack), checked over the
 * real import graph of src/, and over small graphs that show the check bites.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { layerOf, layerViolations, readImportGraph } from '../support/layers.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('import direction', () => {
  it('no module of src/ imports a layer above its own', () => {
    const graph = readImportGraph(root)
    expect(graph.size).toBeGreaterThan(100)
    expect(graph.get('src/routes/probe.ts')).toContain('src/openapi/requests.ts')
    expect(layerViolations(graph)).toEqual([])
  })

  it('names a file its top folder under src/', () => {
    expect(layerOf('src/probes/imap.ts')).toBe('probes')
    expect(layerOf('src/guides/clients/outlook.ts')).toBe('guides')
    expect(layerOf('src/app.ts')).toBe('app.ts')
    expect(layerOf('web/lib/api.ts')).toBeNull()
  })

  it('the check bites: upward, outside src/, and a folder with no layer', () => {
    const graph = new Map([
      ['src/dns/resolver.ts', ['src/probes/probe-error.ts', 'src/errors/table.ts']],
      ['src/security/cors.ts', ['src/routes/api-error.ts']],
      ['src/routes/probe.ts', ['src/openapi/requests.ts', 'src/probes/matrix.ts']],
      ['src/guides/render.ts', ['src/formats/settings.ts']],
      ['src/model/domain.ts', ['web/lib/types.ts']],
      ['src/storage/sqlite.ts', ['src/errors/table.ts']],
      ['test/fake/anything.ts', ['src/node.ts']],
    ])
    expect(layerViolations(graph)).toEqual([
      'src/dns/resolver.ts → src/probes/probe-error.ts: dns sits below probes',
      'src/security/cors.ts → src/routes/api-error.ts: security sits below routes',
      'src/model/domain.ts → web/lib/types.ts: src/ imports nothing outside src/',
      'src/storage/sqlite.ts: storage has no layer (add it to LAYERS in test/support/layers.ts)',
    ])
  })
})
