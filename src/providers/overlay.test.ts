import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadOverlayFile } from './overlay-file-node.ts'
import { ProvidersFileError } from './overlay.ts'

const fixtures = join(import.meta.dirname, '../../test/fixtures/providers')
const tmp = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'providers-')), name)
  writeFileSync(path, text)
  return path
}

describe('loadOverlayFile', () => {
  it('reads JSON ({ providers: [...] }) and normalises domains', () => {
    const [corp] = loadOverlayFile(join(fixtures, 'overlay-good.json'))
    expect(corp?.domains).toEqual(['corp.example'])
    expect(corp?.servers.smtp[0]).toMatchObject({
      username: '%EMAILLOCALPART%',
      auth: ['password'],
    })
    expect(corp?.status).toBe('ok')
  })

  it('reads YAML and marks plaintext-only entries insecure whatever the file says', () => {
    const [plain] = loadOverlayFile(join(fixtures, 'overlay-good.yaml'))
    expect(plain?.insecure).toBe(true)
  })

  it('names the file, the entry (index and id) and the field path', () => {
    const path = join(fixtures, 'overlay-bad.yaml')
    expect(() => loadOverlayFile(path)).toThrow(
      `providers file ${path}: entry 2 (acme): servers.imap.0.port: expected number, received string`,
    )
  })

  it('throws a ProvidersFileError with a stable code', () => {
    const path = tmp('p.json', '[{"id": "x", "name": {"en": "X"}, "domains": ["not a domain"]}]')
    let error: unknown
    try {
      loadOverlayFile(path)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ProvidersFileError)
    expect(error).toMatchObject({ code: 'PROVIDERS_FILE_INVALID' })
    expect(String(error)).toContain('entry 0 (x): domains.0: expected a domain name')
  })

  it('reports syntax errors, duplicates, a wrong top level and unknown extensions', () => {
    expect(() => loadOverlayFile(tmp('a.json', '{'))).toThrow(/providers file .*a\.json: /)
    expect(() => loadOverlayFile(tmp('b.yaml', 'providers: 3'))).toThrow(
      /expected a list of providers/,
    )
    const dup = '- { id: a, name: { en: A } }\n- { id: a, name: { en: B } }\n'
    expect(() => loadOverlayFile(tmp('c.yml', dup))).toThrow(/entry 1 \(a\): id: duplicate id/)
    expect(() => loadOverlayFile(tmp('d.toml', ''))).toThrow(/unknown extension/)
    expect(() => loadOverlayFile('/nonexistent/providers.yaml')).toThrow(/cannot read/)
  })
})
