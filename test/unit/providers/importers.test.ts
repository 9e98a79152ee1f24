import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseDeltaChat } from '../../../scripts/providers/deltachat.ts'
import { finalizeDraft } from '../../../scripts/providers/finalize.ts'
import { parseIspdb } from '../../../scripts/providers/ispdb.ts'
import { parseMailcore2 } from '../../../scripts/providers/mailcore2.ts'
import { mergeRecords } from '../../../scripts/providers/merge.ts'
import { parseOverlayPatches } from '../../../scripts/providers/overlay-patches.ts'
import { renderReport } from '../../../scripts/providers/report.ts'
import { parseResearch } from '../../../scripts/providers/research.ts'

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/providers', name), 'utf8')

describe('ISPDB importer', () => {
  const { records, fixes, skipped } = parseIspdb(
    fixture('acme.example.xml'),
    'ispdb/acme.example.xml',
  )
  const data = records[0]?.data

  it('reads domains, servers, security, usernames and auth', () => {
    expect(records).toHaveLength(1)
    expect(data?.domains).toEqual(['acme.example', 'ACME-Mail.example'])
    expect(data?.servers?.imap?.[0]).toMatchObject({
      host: 'imap.acme.example',
      port: 993,
      security: 'tls',
      auth: ['password', 'oauth2'],
    })
    expect(data?.servers?.pop3?.[0]).toMatchObject({
      host: 'pop.%EMAILDOMAIN%',
      security: 'none',
      username: '%EMAILLOCALPART%',
    })
    expect(data?.servers?.smtp?.[0]).toMatchObject({
      security: 'starttls',
      username: '%EMAILADDRESS%',
    })
    expect(data?.enable).toEqual({
      steps: { en: 'Enable IMAP in the settings', 'zh-CN': '请在设置中开启IMAP' },
      url: 'https://acme.example/settings',
    })
  })

  it('fixes %EMAILADDRESS typos and skips non-mail protocols', () => {
    expect(fixes.map((f) => f.what)).toEqual([
      'ews username "%EMAILADDRESS" → "%EMAILADDRESS%"',
      'smtp username "%EMAILADDRESS" → "%EMAILADDRESS%"',
    ])
    expect(skipped[0]?.what).toMatch(/ews/)
  })
})

describe('Delta Chat importer', () => {
  it('reads indented front matter, status and the app-password credential; leaves its app-specific hints out', () => {
    const { records, fixes } = parseDeltaChat(fixture('acme.md'), 'deltachat/acme.md', 'acme')
    const data = records[0]?.data
    expect(data).toMatchObject({
      status: 'preparation',
      credential: 'app-password',
      lastChecked: '2024-11',
      domains: ['acme.example', 'acme.test'],
    })
    expect(data?.servers?.imap?.[0]).toMatchObject({
      host: 'mail.acme.example',
      username: '%EMAILLOCALPART%',
      security: 'tls',
    })
    expect(data?.hints ?? []).toEqual([])
    expect(fixes.map((f) => f.what)).toEqual([
      'app-specific hint not imported: "You need to create an app-specific password first."',
    ])
  })

  it('skips the sample file', () => {
    expect(
      parseDeltaChat('---\nname: x\n---', 'deltachat/example.com.md', 'example.com').records,
    ).toEqual([])
  })
})

describe('MailCore2 importer', () => {
  const { records, fixes, skipped } = parseMailcore2(
    fixture('mailcore2.json'),
    'mailcore2/providers.json',
  )

  it('keeps literal domain and MX patterns, expands {domain}, drops templates', () => {
    expect(records.map((r) => r.id)).toEqual(['acme'])
    const data = records[0]?.data
    expect(data?.domains).toEqual(['acme.example'])
    expect(data?.mx).toEqual(['mx.acme.example'])
    expect(data?.servers?.pop3?.[0]?.host).toBe('pop.%EMAILDOMAIN%')
    expect(data?.servers?.smtp?.[0]?.security).toBe('none')
    expect(skipped.map((s) => s.what).join('\n')).toMatch(/acme\\\.\.\*/)
  })

  it('drops the qq entry that points at the Exmail hosts', () => {
    expect(fixes[0]?.ref).toBe('mailcore2/providers.json#qq')
    expect(fixes[0]?.what).toMatch(/exmail/)
  })
})

describe('research importer', () => {
  const { records } = parseResearch(fixture('research.json'), 'research.json')
  const data = records[0]?.data

  it('maps credential, confidence, placeholders and MX wildcards', () => {
    expect(data).toMatchObject({
      credential: 'authorization-code',
      confidence: 'high',
      mx: ['mx.acme.example'],
    })
    expect(data?.name).toEqual({ en: 'Acme Mail', 'zh-CN': 'Acme 邮箱' })
    expect(data?.servers?.imap?.[0]?.host).toBe('imap.%EMAILDOMAIN%')
    expect(data?.servers?.smtp?.[0]?.confidence).toBe('low')
  })

  it('records a host with unknown port as unverified instead of guessing', () => {
    expect(data?.servers?.pop3).toBeUndefined()
    expect(data?.unverified).toEqual([
      { protocol: 'pop3', host: 'pop.acme.example', note: 'port unknown' },
    ])
    expect(data?.notes).toContain('Internal note.')
  })
})

describe('merge, precedence and conflict report', () => {
  const overlay = parseOverlayPatches(
    '- id: acme\n  status: broken\n  servers:\n    smtp: [{ host: smtp.acme.example, port: 465, security: tls }]\n',
    'overlay.yaml',
  )
  const inputs = [
    parseMailcore2(fixture('mailcore2.json'), 'mailcore2'),
    parseDeltaChat(fixture('acme.md'), 'deltachat/acme.md', 'acme'),
    parseIspdb(fixture('acme.example.xml'), 'ispdb/acme.example.xml'),
    parseResearch(fixture('research.json'), 'research.json'),
    overlay,
  ]
  const { drafts, conflicts } = mergeRecords(inputs.flatMap((i) => i.records))
  const providers = drafts.map(finalizeDraft)
  const acme = providers.find((p) => p.id === 'acme')

  it('merges every source into one provider by shared domains', () => {
    expect(providers.map((p) => p.id)).toEqual(['acme'])
    expect(acme?.domains).toEqual(['acme.example', 'acme-mail.example', 'acme.test'])
  })

  it('lets the overlay win, then research, then ISPDB, Delta Chat and MailCore2', () => {
    expect(acme?.status).toBe('broken')
    expect(acme?.servers.smtp).toEqual([expect.objectContaining({ port: 465, source: 'overlay' })])
    expect(acme?.servers.imap[0]?.source).toBe('research')
    expect(acme?.servers.pop3[0]?.source).toBe('ispdb')
    expect(acme?.credential).toBe('authorization-code')
  })

  it('reports who disagreed on what and which value won', () => {
    const smtp = conflicts.filter((c) => c.field === 'servers.smtp')
    expect(smtp.map((c) => c.dropped.ref)).toEqual([
      'ispdb/acme.example.xml',
      'deltachat/acme.md',
      'mailcore2#acme',
    ])
    expect(smtp[0]?.reason).toMatch(/overlay outranks ispdb/)
    const status = conflicts.find((c) => c.field === 'status')
    expect(status).toMatchObject({
      kept: { value: 'broken' },
      dropped: { value: 'preparation', ref: 'deltachat/acme.md' },
    })
    const report = renderReport({
      providers,
      conflicts,
      fixes: inputs.flatMap((i) => i.fixes),
      skipped: inputs.flatMap((i) => i.skipped),
      counts: {
        overlay: 1,
        research: 1,
        ispdb: 1,
        deltachat: 1,
        ispdbextra: 0,
        fairemail: 0,
        mailcore2: 1,
        muttwizard: 0,
        k9: 0,
        nylas: 0,
      },
    })
    expect(report).toContain('| acme | servers.smtp |')
    expect(report).toContain('entry dropped')
  })

  it('adds bilingual hints for special credentials and plaintext-only servers', () => {
    expect(acme?.hints.some((h) => h.kind === 'credential' && h.text['zh-CN'] && h.text.en)).toBe(
      true,
    )
  })
})
