/**
 * The workerd project's test CA: made when vitest.config.ts loads, before miniflare reads
 * NODE_EXTRA_CA_CERTS (once, when its module loads), and a leaf for `fake.test` and 127.0.0.1
 * signed by it for the fake mail servers of global-setup.ts. workerd trusts a CA from
 * NODE_EXTRA_CA_CERTS but not a self-signed leaf, hence the two.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import forge from 'node-forge'
import type { TestCert } from '../fake/test-cert.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** Where the files are, for global-setup.ts (it runs in the same process, another module graph). */
export const CERT_DIR_VARIABLE = 'MAILSETUP_WORKERD_CERT_DIR'
const CA_NAME = 'mailsetup workerd test CA'

const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: forge.pki.publicKeyFromPem(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
  }
}

const signed = (
  subject: string,
  publicKey: forge.pki.PublicKey,
  extensions: object[],
  issuerKey: string,
) => {
  const cert = forge.pki.createCertificate()
  cert.publicKey = publicKey
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + 30 * DAY_MS)
  cert.setSubject([{ name: 'commonName', value: subject }])
  cert.setIssuer([{ name: 'commonName', value: CA_NAME }])
  cert.setExtensions(extensions)
  cert.sign(forge.pki.privateKeyFromPem(issuerKey), forge.md.sha256.create())
  return forge.pki.certificateToPem(cert)
}

/** Writes ca.pem (after any CAs already in NODE_EXTRA_CA_CERTS), leaf.pem and leaf.key; returns the folder. */
export const writeTestCa = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'mailsetup-workerd-'))
  const ca = keyPair()
  const caPem = signed(
    CA_NAME,
    ca.publicKey,
    [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true },
    ],
    ca.pem,
  )
  const leaf = keyPair()
  const leafPem = signed(
    'fake.test',
    leaf.publicKey,
    [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'fake.test' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
    ca.pem,
  )
  const existing = process.env.NODE_EXTRA_CA_CERTS
  const extra = existing ? readFileSync(existing, 'utf8') : ''
  writeFileSync(join(dir, 'ca.pem'), `${extra}\n${caPem}`)
  writeFileSync(join(dir, 'leaf.pem'), leafPem)
  writeFileSync(join(dir, 'leaf.key'), leaf.pem)
  return dir
}

/** The leaf written by writeTestCa, for the fake servers. */
export const readTestLeaf = (dir: string): TestCert => ({
  cert: readFileSync(join(dir, 'leaf.pem'), 'utf8'),
  key: readFileSync(join(dir, 'leaf.key'), 'utf8'),
})
