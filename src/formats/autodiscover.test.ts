import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { renderAutodiscover, renderAutodiscoverError } from './autodiscover.ts'
import { emptySettings } from '../diagnose/account-settings.ts'

describe('renderAutodiscover', () => {
  it('is null for a domain without servers', () => {
    expect(renderAutodiscover(emptySettings('ann@unknown.example', 'unknown.example'))).toBeNull()
  })

  it('escapes every character of the address', () => {
    const email = `a"b<c>&'d@corp.example`
    const xml = renderAutodiscover({
      ...emptySettings(email, 'corp.example'),
      incoming: [
        {
          protocol: 'imap',
          host: 'imap.corp.example',
          port: 143,
          security: 'starttls',
          username: email,
          source: { type: 'overlay', trusted: true },
          verified: false,
        },
      ],
    })
    expect(XMLValidator.validate(xml ?? '')).toBe(true)
    const tree = new XMLParser({ processEntities: true }).parse(xml ?? '') as {
      Autodiscover: { Response: { Account: { Protocol: Record<string, unknown> } } }
    }
    expect(tree.Autodiscover.Response.Account.Protocol).toMatchObject({
      LoginName: email,
      SSL: 'on',
      Encryption: 'TLS',
      SPA: 'off',
      AuthRequired: 'on',
      DomainRequired: 'off',
    })
  })
})

describe('renderAutodiscoverError', () => {
  it('writes the format error document', () => {
    const xml = renderAutodiscoverError(600, {
      time: new Date('2024-05-01T16:56:32.616Z'),
      id: 1054084152,
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<Error Time="16:56:32.6160000" Id="1054084152">')
    expect(xml).toContain('<ErrorCode>600</ErrorCode>')
    expect(xml).toContain('<Message>Invalid Request</Message>')
  })
})
