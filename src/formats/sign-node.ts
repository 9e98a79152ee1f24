/**
 * @module
 * Signs a configuration profile as CMS/PKCS#7 signedData (DER), so that iOS and macOS show
 * it as verified. Node-only (reads the PEM files); the route takes the resulting function as a
 * dependency, so createApp never imports this module.
 */
import { readFile } from 'node:fs/promises'
import forge from 'node-forge'

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** The OIDs of signedData with the usual authenticated attributes (RFC 5652 §11). */
const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
} as const

/**
 * Signs `xml` (RSA keys only: node-forge signs no EC) with the first certificate in `certPem` (any further ones, the intermediates, are
 * embedded too) and its private key. Returns the DER bytes of the signedData, content attached.
 *
 * @example
 * const der = signProfile(xml, await readFile('profile.crt', 'utf8'), await readFile('profile.key', 'utf8'))
 * // openssl cms -verify -noverify -inform DER -in profile.mobileconfig
 */
export const signProfile = (xml: string, certPem: string, keyPem: string): Uint8Array => {
  const certs = (certPem.match(PEM_CERT) ?? []).map((pem) => forge.pki.certificateFromPem(pem))
  const signer = certs[0]
  if (!signer) throw new TypeError('no certificate in the certificate PEM')
  const key = forge.pki.privateKeyFromPem(keyPem)

  const p7 = forge.pkcs7.createSignedData()
  p7.content = forge.util.createBuffer(forge.util.encodeUtf8(xml))
  for (const cert of certs) p7.addCertificate(cert)
  p7.addSigner({
    key,
    certificate: signer,
    digestAlgorithm: OID.sha256,
    authenticatedAttributes: [
      { type: OID.contentType, value: OID.data },
      { type: OID.messageDigest },
      { type: OID.signingTime },
    ],
  })
  p7.sign()
  const der = forge.asn1.toDer(p7.toAsn1()).getBytes()
  return Uint8Array.from(der, (ch) => ch.charCodeAt(0))
}

/**
 * A signer over the PEM files named by MAILSETUP_PROFILE_CERT and MAILSETUP_PROFILE_KEY, read
 * once (an unreadable or invalid file fails here, at start, not on the first request).
 *
 * @example
 * const sign = await loadProfileSigner({ certPath: env.MAILSETUP_PROFILE_CERT, keyPath: env.MAILSETUP_PROFILE_KEY })
 * mobileconfigRoutes({ settings, sign })
 */
export const loadProfileSigner = async (paths: {
  certPath: string
  keyPath: string
}): Promise<(xml: string) => Uint8Array> => {
  const [certPem, keyPem] = await Promise.all([
    readFile(paths.certPath, 'utf8'),
    readFile(paths.keyPath, 'utf8'),
  ])
  signProfile('<plist/>', certPem, keyPem) // fail early on a bad pair
  return function signWithConfiguredCert(xml) {
    return signProfile(xml, certPem, keyPem)
  }
}
