import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { finalizeDraft } from '../../../scripts/providers/finalize.ts'
import { mergeRecords } from '../../../scripts/providers/merge.ts'
import { parseOverlayPatches } from '../../../scripts/providers/overlay-patches.ts'
import { markWeakOnly, parseSnapshot } from '../../../scripts/providers/snapshot.ts'
import { describeSource } from '../../../src/providers/data-sources.ts'

const snapshot = (key: string, entries: unknown[]) =>
  JSON.stringify({
    source: {
      key,
      name: key === 'muttwizard' ? 'mutt-wizard domains.csv' : 'FairEmail providers.xml',
      repo: key === 'muttwizard' ? 'LukeSmithxyz/mutt-wizard' : 'M66B/FairEmail',
      commit: 'a'.repeat(40),
      path: key === 'muttwizard' ? 'share/domains.csv' : 'app/src/main/res/xml/providers.xml',
      licence: 'GPL-3.0',
      read: '2026-12-01',
      note: 'facts only',
    },
    fixes: ['a fix'],
    omitted: ['a row'],
    entries,
  })

describe('fact snapshot importer (data/sources)', () => {
  const { records, fixes, skipped } = parseSnapshot(
    snapshot('muttwizard', [
      {
        name: 'Acme',
        domains: ['acme.example'],
        imap: ['imap.acme.example:993', 'imap.acme.example:143'],
        smtp: ['smtp.acme.example:587/none'],
        username: 'local',
      },
    ]),
    'data/sources/test.json',
  )
  const data = records[0]?.data

  it('reads hosts and ports, taking the security from the port when the source gives none', () => {
    expect(data?.servers?.imap).toMatchObject([
      { host: 'imap.acme.example', port: 993, security: 'tls', username: '%EMAILLOCALPART%' },
      { host: 'imap.acme.example', port: 143, security: 'starttls' },
    ])
    expect(data?.servers?.smtp?.[0]).toMatchObject({ port: 587, security: 'none' })
  })

  it('cites the project at its commit with the licence, and reports its fixes and left-out rows', () => {
    expect(data?.sources).toEqual([
      `mutt-wizard LukeSmithxyz/mutt-wizard@${'a'.repeat(40)} share/domains.csv entry 'Acme' (GPL-3.0; facts only, file not copied)`,
    ])
    expect(describeSource(data?.sources?.[0] ?? '')).toEqual({
      name: 'mutt-wizard domains.csv',
      url: `https://github.com/LukeSmithxyz/mutt-wizard/blob/${'a'.repeat(40)}/share/domains.csv`,
      licence: 'GPL-3.0 (facts only; nothing copied)',
      detail: "entry 'Acme'",
    })
    expect(data?.lastChecked).toBe('2026-12')
    expect(fixes).toEqual([{ ref: 'data/sources/test.json', what: 'a fix' }])
    expect(skipped).toEqual([{ ref: 'data/sources/test.json', what: 'left out: a row' }])
  })

  it('cites an ISPDB file outside the snapshot at its own commit, saying why it is outside', () => {
    const text = JSON.stringify({
      source: {
        key: 'ispdbextra',
        name: 'Thunderbird ISPDB files outside the snapshot',
        repo: 'thunderbird/autoconfig',
        commit: 'c'.repeat(40),
        path: 'ispdb/',
        licence: 'MPL-2.0',
        read: '2026-12-01',
        note: 'facts only',
      },
      entries: [
        {
          name: 'Acme Mail',
          commit: 'b'.repeat(40),
          path: 'ispdb/acme.example.xml',
          detail: 'thunderbird/autoconfig#1, closed: Acme serves it itself',
          domains: ['acme.example'],
          mx: ['mx.acme-hosting.example'],
          imap: ['imap.acme.example:993/tls'],
        },
      ],
    })
    const rec = parseSnapshot(text, 'data/sources/ispdb-extra.json').records[0]
    expect(rec?.source).toBe('ispdbextra')
    expect(rec?.data.mx).toEqual(['mx.acme-hosting.example'])
    const ref = rec?.data.sources?.[0] ?? ''
    expect(ref).toBe(
      `ISPDB-extra thunderbird/autoconfig@${'b'.repeat(40)} ispdb/acme.example.xml (thunderbird/autoconfig#1, closed: Acme serves it itself; MPL-2.0; facts only, file not copied)`,
    )
    expect(describeSource(ref)).toEqual({
      name: 'Thunderbird autoconfig repository, a file outside ISPDB',
      url: `https://github.com/thunderbird/autoconfig/blob/${'b'.repeat(40)}/ispdb/acme.example.xml`,
      licence: 'MPL-2.0 (facts only; nothing copied)',
      detail: 'thunderbird/autoconfig#1, closed: Acme serves it itself',
    })
  })

  it('refuses a server that is not host:port[/security]', () => {
    expect(() =>
      parseSnapshot(snapshot('fairemail', [{ name: 'x', imap: ['imap.x:993/ssl'] }]), 'f'),
    ).toThrow()
  })

  it('never overrides a curated entry: its domains join it and a disagreement is a conflict', () => {
    const curated = parseOverlayPatches(
      [
        '- id: acme',
        '  name: { en: Acme }',
        '  domains: [acme.example]',
        '  confidence: high',
        '  servers:',
        '    imap: [{ host: mail.acme.example, port: 993, security: tls }]',
      ].join('\n'),
      'data/providers/test.yaml',
    )
    const fair = parseSnapshot(
      snapshot('fairemail', [
        {
          name: 'Acme',
          domains: ['acme.example', 'acme-alias.example'],
          imap: ['imap.acme.example:993/tls'],
        },
      ]),
      'data/sources/fairemail.json',
    )
    const { drafts, conflicts } = mergeRecords([...fair.records, ...curated.records])
    markWeakOnly(drafts)
    expect(drafts).toHaveLength(1)
    const p = finalizeDraft(drafts[0]!)
    expect(p.domains).toEqual(['acme.example', 'acme-alias.example'])
    expect(p.servers.imap.map((s) => s.host)).toEqual(['mail.acme.example'])
    expect(p.confidence).toBe('high')
    expect(conflicts).toEqual([
      expect.objectContaining({
        provider: 'acme',
        field: 'servers.imap',
        kept: expect.objectContaining({ ref: 'data/providers/test.yaml#acme' }),
        dropped: expect.objectContaining({ ref: 'data/sources/fairemail.json#Acme' }),
      }),
    ])
  })

  it('marks low an entry only a weak snapshot names (mutt-wizard), not one another source backs', () => {
    const { drafts } = mergeRecords(records)
    markWeakOnly(drafts)
    expect(finalizeDraft(drafts[0]!).confidence).toBe('low')
  })

  it('parses every committed snapshot', () => {
    const dir = join(import.meta.dirname, '../../../data/sources')
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const { records: list } = parseSnapshot(readFileSync(join(dir, f), 'utf8'), f)
      expect(list.length, f).toBeGreaterThan(0)
    }
  })
})

describe('what the build lets users read', () => {
  const entry = (extra: Record<string, unknown>) =>
    parseOverlayPatches(
      JSON.stringify([{ id: 'acme', name: { en: 'Acme' }, domains: ['acme.example'], ...extra }]),
      'data/providers/test.yaml',
    ).records

  it('moves a host note that names another app to the maintainers’ notes', () => {
    const { drafts } = mergeRecords(
      entry({
        servers: {
          smtp: [
            {
              host: 'smtp.acme.example',
              port: 587,
              security: 'starttls',
              note: 'FairEmail uses it',
            },
            { host: 'smtp2.acme.example', port: 465, security: 'tls', note: 'EU' },
          ],
        },
      }),
    )
    const p = finalizeDraft(drafts[0]!)
    expect(p.servers.smtp.map((s) => s.note)).toEqual([undefined, 'EU'])
    expect(p.notes).toEqual(['FairEmail uses it'])
  })

  it('refuses a hint that names another app, and an account ID without a credential hint', () => {
    const hint = entry({
      hints: [{ kind: 'quirk', text: { en: 'To log in with Delta Chat, …', 'zh-CN': '……' } }],
    })
    expect(() => finalizeDraft(mergeRecords(hint).drafts[0]!)).toThrow(/names another app/)
    const id = entry({
      servers: { imap: [{ host: 'imap.acme.example', port: 993, security: 'tls' }] },
      accountId: { label: { en: 'your Acme ID', 'zh-CN': '你的 Acme ID' } },
    })
    expect(() => finalizeDraft(mergeRecords(id).drafts[0]!)).toThrow(/credential hint/)
  })

  it('reads a per-domain host template from a snapshot (K-9 lists imap.<domain>)', () => {
    const { records } = parseSnapshot(
      snapshot('fairemail', [
        { name: 'Family', domains: ['a.example'], imap: ['imap.%EMAILDOMAIN%:993/tls'] },
      ]),
      'f',
    )
    expect(records[0]?.data.servers?.imap?.[0]?.host).toBe('imap.%EMAILDOMAIN%')
  })
})
