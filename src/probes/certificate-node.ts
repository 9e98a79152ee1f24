/**
 * @module
 * Turns Node's peer certificate object into the runtime-neutral CertificateInfo.
 */
import type { DetailedPeerCertificate } from 'node:tls'
import type { CertificateInfo } from './socket.ts'
import { splitCommaList } from '../util/comma-list.ts'

const first = (value: string | string[] | undefined): string =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '')

const toIso = (value: string): string => {
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

/** `DNS:a.example, IP Address:192.0.2.1` → ['a.example', '192.0.2.1'] */
export const parseAltNames = (subjectaltname: string | undefined): string[] =>
  splitCommaList(subjectaltname)
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry)?.[1]?.trim() ?? '')
    .filter((name) => name.length > 0)

export const describeCertificate = (peer: DetailedPeerCertificate): CertificateInfo => {
  const subject = first(peer.subject?.CN) || first(peer.subject?.O)
  const issuer = first(peer.issuer?.CN) || first(peer.issuer?.O)
  const issuerCert = peer.issuerCertificate
  const selfSigned =
    issuerCert === peer ||
    (issuerCert?.fingerprint256 === peer.fingerprint256 && Boolean(peer.fingerprint256))
  return {
    subject,
    names: parseAltNames(peer.subjectaltname),
    issuer,
    validFrom: toIso(peer.valid_from),
    validTo: toIso(peer.valid_to),
    fingerprint256: peer.fingerprint256,
    selfSigned,
  }
}
