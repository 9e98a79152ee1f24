/** Signing with a throwaway certificate from the openssl CLI, verified by openssl cms. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadProfileSigner, signProfile } from '../../../src/formats/sign-node.ts'
import { mobileconfigRoutes } from '../../../src/routes/mobileconfig.ts'
import { settings } from './fixture.ts'

let dir = ''
const path = (name: string) => join(dir, name)
const openssl = (...args: string[]) =>
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] })

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mailsetup-sign-'))
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=mailsetup test profile signer',
    '-keyout',
    path('key.pem'),
    '-out',
    path('cert.pem'),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The content of a DER signedData, after openssl checked the signature (not the chain). */
const verify = (der: Uint8Array): string => {
  writeFileSync(path('signed.der'), der)
  return openssl(
    'cms',
    '-verify',
    '-noverify',
    '-inform',
    'DER',
    '-in',
    path('signed.der'),
  ).toString('utf8')
}

describe('signProfile', () => {
  it('produces signedData that openssl verifies, with the profile as content', () => {
    const xml =
      '<?xml version="1.0"?><plist version="1.0"><dict><key>a</key><string>ü &amp; ok</string></dict></plist>'
    const der = signProfile(
      xml,
      readFileSync(path('cert.pem'), 'utf8'),
      readFileSync(path('key.pem'), 'utf8'),
    )
    expect(verify(der)).toBe(xml)
  })

  it('fails on a PEM without a certificate', () => {
    expect(() => signProfile('<x/>', 'nothing', readFileSync(path('key.pem'), 'utf8'))).toThrow(
      /no certificate/,
    )
  })

  it('signs what GET /mobileconfig serves when the route is given the signer', async () => {
    const sign = await loadProfileSigner({ certPath: path('cert.pem'), keyPath: path('key.pem') })
    const app = new Hono().route('/', mobileconfigRoutes({ settings, sign }))
    const res = await app.request('/mobileconfig?emailaddress=ann@qq.com')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/x-apple-aspen-config')
    const content = verify(new Uint8Array(await res.arrayBuffer()))
    expect(content).toContain('<string>com.apple.mail.managed</string>')
    expect(content).toContain('<string>imap.qq.com</string>')
  })
})
