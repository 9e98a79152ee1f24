/** The DoH resolver under Node, against a local DoH server (the workerd run shares the cases). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDohResolver } from '../../../src/dns/resolver-doh.ts'
import { type DohServer, TEST_ZONE, startDohServer } from '../../fake/doh-server.ts'
import { dohResolverCases } from './resolver-doh-cases.ts'

let doh: DohServer
beforeAll(async () => {
  doh = await startDohServer(TEST_ZONE)
})
afterAll(() => doh.close())

describe('DoH resolver (node)', () => {
  dohResolverCases(() => doh.url)

  it('asks with accept: application/dns-json, the name and the type', async () => {
    await createDohResolver({ url: doh.url }).mx('example.org')
    expect(doh.queries.at(-1)).toEqual({
      name: 'example.org',
      type: 'MX',
      accept: 'application/dns-json',
    })
  })
})
