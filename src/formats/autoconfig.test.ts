import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { parseAutoconfigXml } from '../discovery/autoconfig-xml.ts'
import { renderAutoconfig } from './autoconfig.ts'
import { emptySettings } from '../diagnose/account-settings.ts'

describe('renderAutoconfig', () => {
  it('is null for a domain without servers', () => {
    expect(renderAutoconfig(emptySettings('ann@unknown.example', 'unknown.example'))).toBeNull()
  })

  it('writes a file our own autoconfig reader reads back, odd usernames escaped', () => {
    const base = emptySettings('ann@corp.example', 'corp.example')
    const server = {
      host: 'mail.corp.example',
      port: 993,
      security: 'tls' as const,
      username: 'corp\\a"n<n>&\'',
      source: { type: 'overlay' as const, trusted: true },
      verified: false,
    }
    const xml = renderAutoconfig({
      ...base,
      displayName: 'A & B <Mail>',
      incoming: [{ ...server, protocol: 'imap' }],
      outgoing: [{ ...server, protocol: 'smtp', port: 587, security: 'starttls', username: 'ann' }],
    })
    expect(XMLValidator.validate(xml ?? '')).toBe(true)
    const doc = parseAutoconfigXml(xml ?? '')
    expect(doc.displayName).toBe('A & B <Mail>')
    expect(doc.servers).toEqual([
      {
        protocol: 'imap',
        host: 'mail.corp.example',
        port: 993,
        security: 'tls',
        username: server.username,
        auth: ['password-cleartext'],
      },
      {
        protocol: 'smtp',
        host: 'mail.corp.example',
        port: 587,
        security: 'starttls',
        username: '%EMAILLOCALPART%',
        auth: ['password-cleartext'],
      },
    ])
  })
})
