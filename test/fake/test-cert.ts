/**
 * Throwaway certificates for fake TLS servers, made at test time in-process: the key by
 * node:crypto, the X.509 certificate by node-forge. No openssl, no lab CA.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import forge from 'node-forge'

export interface TestCert {
  key: string
  cert: string
}

const DAY_MS = 24 * 60 * 60 * 1000

export interface CertOptions {
  /** Validity from now (default 365 days). */
  days?: number
  /** IP addresses the certificate names besides `name`. */
  ips?: string[]
}

/** A self-signed certificate for `name` (its CN and DNS name), made in about 50 ms. */
export const makeSelfSignedCert = (name: string, options: CertOptions = {}): TestCert => {
  const days = options.days ?? 365
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  )
  // A leading 01 keeps the DER integer positive.
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`
  cert.validity.notBefore = new Date(Date.now() - 60_000)
  cert.validity.notAfter = new Date(Date.now() + days * DAY_MS)
  const subject = [{ name: 'commonName', value: name }]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [{ type: 2, value: name }, ...(options.ips ?? []).map((ip) => ({ type: 7, ip }))],
    },
  ])
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create())
  return { key, cert: forge.pki.certificateToPem(cert) }
}

let shared: TestCert | null = null
/**
 * The fake mail server's certificate, made once per test file: CN fake.test, naming fake.test
 * and 127.0.0.1, so a probe that trusts it (`ca`) sees a valid chain and a matching name.
 */
export const sharedTestCert = (): TestCert =>
  (shared ??= makeSelfSignedCert('fake.test', { ips: ['127.0.0.1'] }))
