import { describe, expect, it } from 'vitest'
import { OUTLOOK_RESPONSE_SCHEMA, parseAutodiscoverRequest } from './autodiscover-request.ts'

const outlookRequest = (email: string) =>
  `<?xml version="1.0" encoding="utf-8"?>
<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
  <Request>
    <EMailAddress>${email}</EMailAddress>
    <AcceptableResponseSchema>${OUTLOOK_RESPONSE_SCHEMA}</AcceptableResponseSchema>
  </Request>
</Autodiscover>`

describe('parseAutodiscoverRequest', () => {
  it("reads Outlook's request, decoding escapes", async () => {
    expect(
      await parseAutodiscoverRequest(outlookRequest('o&apos;brien&amp;co@corp.example')),
    ).toEqual({
      ok: true,
      email: "o'brien&co@corp.example",
      schema: OUTLOOK_RESPONSE_SCHEMA,
    })
  })

  it('reads a prefixed namespace too', async () => {
    const xml =
      '<a:Autodiscover xmlns:a="x"><a:Request><a:EMailAddress>ann@qq.com</a:EMailAddress></a:Request></a:Autodiscover>'
    expect(await parseAutodiscoverRequest(xml)).toEqual({
      ok: true,
      email: 'ann@qq.com',
      schema: null,
    })
  })

  it('refuses DTDs and entities before parsing', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${outlookRequest('&x;')}`
    expect(await parseAutodiscoverRequest(xxe)).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('reports malformed XML and a missing address', async () => {
    expect(await parseAutodiscoverRequest('<Autodiscover><Request>')).toEqual({
      ok: false,
      reason: 'malformed',
    })
    expect(await parseAutodiscoverRequest('<Autodiscover><Request/></Autodiscover>')).toEqual({
      ok: false,
      reason: 'no-address',
    })
  })
})
