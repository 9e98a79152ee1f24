/**
 * @module
 * Deterministic identifiers for an Apple configuration profile: the same address and servers
 * give the same PayloadIdentifier and PayloadUUIDs, so reinstalling replaces the profile.
 * Web Crypto (`crypto.subtle`, global in Node 20 and Workers) keeps node:crypto out of the app.
 */
import type { CandidateServer } from '../discovery/types.ts'

/** The namespace of this service's name-based UUIDs (RFC 9562 §5.5, version 5). */
export const PROFILE_UUID_NAMESPACE = '5f0e6a52-3c4d-4b8e-9a51-7c2f1d9e8b34'

const uuidBytes = (uuid: string): Uint8Array => {
  const hex = uuid.replaceAll('-', '')
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16))
}

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')

const sha1 = async (bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await crypto.subtle.digest('SHA-1', bytes))

/**
 * A version-5 UUID: SHA-1 of the namespace and the UTF-8 name, version and variant bits set.
 *
 * @example
 * await uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com') // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 */
export const uuidV5 = async (namespace: string, name: string): Promise<string> => {
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(16 + nameBytes.length)
  input.set(uuidBytes(namespace), 0)
  input.set(nameBytes, 16)
  const digest = (await sha1(input)).slice(0, 16)
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80
  const h = hex(digest)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export interface ProfileIds {
  /** Reverse-DNS identifier of the profile; depends on the address only, so a profile with new servers replaces the old one. */
  profileIdentifier: string
  profileUuid: string
  mailIdentifier: string
  mailUuid: string
}

const serverKey = (s: CandidateServer) =>
  `${s.protocol}:${s.host}:${s.port}:${s.security}:${s.username}`

/**
 * Identifiers for the profile of `email` offering these servers.
 *
 * @example
 * await profileIds('ann@qq.com', [imap], [smtp], 'email.mailsetup')
 * // { profileIdentifier: 'email.mailsetup.profile.3f1c…', profileUuid: '…', mailIdentifier: '….mail', mailUuid: '…' }
 */
export const profileIds = async (
  email: string,
  incoming: CandidateServer,
  outgoing: CandidateServer,
  prefix = 'email.mailsetup',
): Promise<ProfileIds> => {
  const address = email.toLowerCase()
  const addressHash = hex(await sha1(new TextEncoder().encode(address))).slice(0, 20)
  const name = [address, serverKey(incoming), serverKey(outgoing)].join('\n')
  const profileIdentifier = `${prefix}.profile.${addressHash}`
  return {
    profileIdentifier,
    profileUuid: (await uuidV5(PROFILE_UUID_NAMESPACE, `profile\n${name}`)).toUpperCase(),
    mailIdentifier: `${profileIdentifier}.mail`,
    mailUuid: (await uuidV5(PROFILE_UUID_NAMESPACE, `mail\n${name}`)).toUpperCase(),
  }
}
