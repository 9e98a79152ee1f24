import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseAutoconfigXml } from './autoconfig-xml.ts'
import { DiscoveryError } from './discovery-error.ts'
import { SHARED_DATA } from '../../test/support/shared-data.ts'

/** The Thunderbird ISPDB copy in the workspace's shared data. */
const ISPDB = `${SHARED_DATA}/ispdb`
const ispdb = (file: string) => readFileSync(`${ISPDB}/${file}`, 'utf8')

const codeOf = async (xml: string): Promise<string | null> => {
  try {
    await parseAutoconfigXml(xml)
    return null
  } catch (err) {
    expect(err).toBeInstanceOf(DiscoveryError)
    return (err as DiscoveryError).code
  }
}

const wrap = (servers: string) => `<?xml version="1.0"?>
<clientConfig version="1.1"><emailProvider id="example.com"><domain>example.com</domain>${servers}</emailProvider></clientConfig>`

const imap = (
  inner = '<hostname>imap.example.com</hostname><port>993</port><socketType>SSL</socketType>',
) =>
  `<incomingServer type="imap">${inner}<username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>`

describe('parseAutoconfigXml on ISPDB files', () => {
  it('reads 163.com', async () => {
    expect(await parseAutoconfigXml(ispdb('163.com.xml'))).toEqual({
      domains: ['163.com'],
      displayName: '163.com',
      servers: [
        {
          protocol: 'imap',
          host: 'imap.163.com',
          port: 993,
          security: 'tls',
          username: '%EMAILADDRESS%',
          auth: ['password-cleartext'],
        },
        {
          protocol: 'smtp',
          host: 'smtp.163.com',
          port: 465,
          security: 'tls',
          username: '%EMAILADDRESS%',
          auth: ['password-cleartext'],
        },
      ],
    })
  })

  it('reads 1und1.de: several servers per protocol, STARTTLS, and an escaped display name', async () => {
    const doc = await parseAutoconfigXml(ispdb('1und1.de.xml'))
    expect(doc.displayName).toBe('1&1')
    expect(doc.domains).toContain('kundenserver.de')
    expect(doc.servers.map((s) => `${s.protocol}:${s.port}:${s.security}`)).toEqual([
      'imap:993:tls',
      'imap:143:starttls',
      'pop3:995:tls',
      'pop3:110:starttls',
      'smtp:465:tls',
      'smtp:587:starttls',
    ])
  })

  it('keeps IMAP, POP3 and SMTP from office365.com and skips ews, owa, graph and exchange', async () => {
    const doc = await parseAutoconfigXml(ispdb('office365.com.xml'))
    expect(doc.servers.map((s) => s.protocol)).toEqual(['imap', 'pop3', 'smtp'])
    expect(doc.servers[0]?.auth).toEqual(['OAuth2'])
  })

  it('parses every ISPDB file to at least one server', async () => {
    const files = readdirSync(ISPDB).filter((f) => f.endsWith('.xml'))
    expect(files.length).toBeGreaterThan(100)
    for (const file of files) {
      expect((await parseAutoconfigXml(ispdb(file))).servers.length, file).toBeGreaterThan(0)
    }
  })
})

describe('parseAutoconfigXml on bad and hostile XML', () => {
  it('maps plain to none and keeps a %EMAILDOMAIN% host as written', async () => {
    const doc = await parseAutoconfigXml(
      wrap(
        imap(
          '<hostname>mail.%EMAILDOMAIN%</hostname><port>143</port><socketType>plain</socketType>',
        ),
      ),
    )
    expect(doc.servers[0]).toMatchObject({ host: 'mail.%EMAILDOMAIN%', security: 'none' })
  })

  it('skips a server with a bad port, no host or an unknown socketType, and keeps the rest', async () => {
    const doc = await parseAutoconfigXml(
      wrap(
        imap('<hostname>a.example.com</hostname><port>99999</port><socketType>SSL</socketType>') +
          imap('<port>993</port><socketType>SSL</socketType>') +
          imap('<hostname>c.example.com</hostname><port>0x3e1</port><socketType>SSL</socketType>') +
          imap(
            '<hostname>d.example.com</hostname><port>993</port><socketType>TLS1.3</socketType>',
          ) +
          imap('<hostname>bad host/x</hostname><port>993</port><socketType>SSL</socketType>') +
          imap(),
      ),
    )
    expect(doc.servers.map((s) => s.host)).toEqual(['imap.example.com'])
  })

  it('is XML_INVALID with no usable server, no clientConfig, or broken XML', async () => {
    expect(
      await codeOf(
        wrap(imap('<hostname>a.example.com</hostname><port>x</port><socketType>SSL</socketType>')),
      ),
    ).toBe('XML_INVALID')
    expect(await codeOf(wrap(''))).toBe('XML_INVALID')
    expect(await codeOf('<html><body>Welcome to nginx!</body></html>')).toBe('XML_INVALID')
    expect(await codeOf('<clientConfig><emailProvider>')).toBe('XML_INVALID')
    expect(await codeOf('')).toBe('XML_INVALID')
    expect(await codeOf('x'.repeat(600 * 1024))).toBe('XML_INVALID')
  })

  it('refuses an XXE attempt (external entity) as XML_FORBIDDEN', async () => {
    const xxe = `<?xml version="1.0"?>
<!DOCTYPE clientConfig [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<clientConfig><emailProvider><displayName>&xxe;</displayName>${imap()}</emailProvider></clientConfig>`
    expect(await codeOf(xxe)).toBe('XML_FORBIDDEN')
    expect(await codeOf(`\uFEFF${xxe}`)).toBe('XML_FORBIDDEN')
    expect(await codeOf(xxe.replace('DOCTYPE', 'doctype'))).toBe('XML_FORBIDDEN')
  })

  it('refuses a billion-laughs document and a bare DTD as XML_FORBIDDEN', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<clientConfig><emailProvider><displayName>&lol2;</displayName>${imap()}</emailProvider></clientConfig>`
    expect(await codeOf(laughs)).toBe('XML_FORBIDDEN')
    expect(
      await codeOf(`<!DOCTYPE clientConfig SYSTEM "http://169.254.169.254/x.dtd">${wrap(imap())}`),
    ).toBe('XML_FORBIDDEN')
    expect(
      await codeOf(wrap(imap()).replace('<clientConfig', '<!ENTITY x "y"><clientConfig')),
    ).toBe('XML_FORBIDDEN')
  })

  it('never expands an entity reference without a DTD: it stays literal text', async () => {
    const doc = await parseAutoconfigXml(
      wrap(imap()).replace(
        '<domain>example.com</domain>',
        '<displayName>&xxe;&#65;&amp;</displayName>',
      ),
    )
    expect(doc.displayName).toBe('&xxe;A&')
    const hostRef = wrap(
      imap('<hostname>&xxe;</hostname><port>993</port><socketType>SSL</socketType>'),
    )
    expect(await codeOf(hostRef)).toBe('XML_INVALID')
  })

  it('does not crash on absurd nesting', async () => {
    const deep = `<clientConfig>${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}</clientConfig>`
    expect(await codeOf(deep)).toBe('XML_INVALID')
  })
})
