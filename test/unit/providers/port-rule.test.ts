import { describe, expect, it } from 'vitest'
import { parseMailcore2 } from '../../../scripts/providers/mailcore2.ts'
import {
  applyPortRule,
  obeysPortRule,
  ruledServer,
  type PortException,
} from '../../../scripts/providers/port-rule.ts'
import type { SourceRecord } from '../../../scripts/providers/types.ts'
import { loadBuiltInProviders } from '../../../src/providers/index.ts'
import { PROTOCOLS } from '../../../src/model/domain.ts'

const server = (port: number, security: 'tls' | 'starttls' | 'none') => ({
  host: 'mail.example.com',
  port,
  security,
})

describe('the port/security rule', () => {
  it('makes 993, 995 and 465 implicit TLS, whatever the source said', () => {
    for (const port of [993, 995, 465]) {
      expect(ruledServer(server(port, 'starttls'))?.security).toBe('tls')
      expect(ruledServer(server(port, 'none'))?.security).toBe('tls')
      expect(ruledServer(server(port, 'tls'))?.security).toBe('tls')
    }
  })

  it('never lets 143, 110, 587 or 25 be implicit TLS, and keeps STARTTLS or plaintext there', () => {
    for (const port of [143, 110, 587, 25]) {
      expect(ruledServer(server(port, 'tls'))?.security).toBe('starttls')
      expect(ruledServer(server(port, 'starttls'))?.security).toBe('starttls')
      expect(ruledServer(server(port, 'none'))?.security).toBe('none')
    }
  })

  it('drops a server on a port that is not a mail port the service probes (rediffmail 586)', () => {
    expect(ruledServer(server(586, 'tls'))).toBeNull()
    expect(ruledServer(server(443, 'tls'))).toBeNull()
  })

  it('keeps a listed exception as the source gave it', () => {
    const exceptions: PortException[] = [
      { host: 'mail.example.com', port: 587, security: 'tls', source: 'https://example.com/help' },
    ]
    expect(ruledServer(server(587, 'tls'), exceptions)?.security).toBe('tls')
    expect(obeysPortRule(server(587, 'tls'), exceptions)).toBe(true)
    expect(obeysPortRule(server(587, 'tls'))).toBe(false)
  })

  it('applies to records and reports each change with its record', () => {
    const rec: SourceRecord = {
      source: 'mailcore2',
      ref: 'mailcore2#juno',
      id: 'juno',
      data: {
        servers: {
          smtp: [{ ...server(465, 'starttls'), source: 'mailcore2' }],
          pop3: [{ ...server(1110, 'none'), source: 'mailcore2' }],
        },
      },
    }
    const { records, fixes } = applyPortRule([rec])
    expect(records[0]?.data.servers?.smtp?.[0]?.security).toBe('tls')
    expect(records[0]?.data.servers?.pop3).toEqual([])
    expect(fixes.map((f) => f.ref)).toEqual(['mailcore2#juno', 'mailcore2#juno'])
    expect(fixes[0]?.what).toMatch(/465 starttls → tls/)
    expect(fixes[1]?.what).toMatch(/1110 none dropped/)
  })

  it('MailCore2 importer reads the `tls` flag as implicit TLS (Apple SMTP 465)', () => {
    const json = JSON.stringify({
      apple: {
        'domain-match': ['apple\\.com'],
        servers: { smtp: [{ port: 465, tls: true, hostname: 'phonehome.apple.com' }] },
      },
    })
    const smtp = parseMailcore2(json, 'mailcore2').records[0]?.data.servers?.smtp
    expect(smtp).toEqual([expect.objectContaining({ port: 465, security: 'tls' })])
  })

  it('holds for every server of the built-in data', () => {
    const broken = loadBuiltInProviders().flatMap((p) =>
      PROTOCOLS.flatMap((protocol) =>
        p.servers[protocol]
          .filter((s) => !obeysPortRule(s))
          .map((s) => `${p.id} ${protocol} ${s.host}:${s.port} ${s.security}`),
      ),
    )
    expect(broken).toEqual([])
  })
})
