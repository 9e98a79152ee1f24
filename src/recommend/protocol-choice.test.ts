import { describe, expect, it } from 'vitest'
import { probed, server } from '../../test/fake/candidates.ts'
import { chooseProtocol, preferredProtocol } from './protocol-choice.ts'
import type { Needs } from '../model/domain.ts'

const imap = server('imap', 'imap.example.com')
const pop3 = server('pop3', 'pop.example.com')
const codes = (c: ReturnType<typeof chooseProtocol>) => ({
  protocol: c.protocol,
  reasons: c.reasons.map((r) => r.code),
  warnings: c.warnings.map((w) => w.code),
})

describe('preferredProtocol', () => {
  it.each<[Needs | undefined, string]>([
    [undefined, 'default'],
    [{}, 'default'],
    [{ devices: 'one' }, 'default'],
    [{ devices: 'one', offline: true }, 'pop3'],
    [{ devices: 'one', serverQuotaSmall: true }, 'pop3'],
    [{ devices: 'one', offline: true, keepOnServer: true }, 'imap'],
    [{ devices: 'several', offline: true }, 'imap'],
    [{ offline: true }, 'default'],
    [{ keepOnServer: true }, 'imap'],
  ])('%j → %s', (needs, expected) => {
    expect(preferredProtocol(needs)).toBe(expected)
  })
})

// Needs × what the server offers → protocol and reason codes.
describe('chooseProtocol table', () => {
  type Row = [string, Needs | undefined, boolean, boolean, ReturnType<typeof codes>]
  const rows: Row[] = [
    [
      'no needs, both',
      undefined,
      true,
      true,
      { protocol: 'imap', reasons: ['IMAP_DEFAULT'], warnings: [] },
    ],
    [
      'no needs, POP3 only',
      undefined,
      false,
      true,
      { protocol: 'pop3', reasons: ['POP3_ONLY'], warnings: [] },
    ],
    [
      'no needs, IMAP only',
      undefined,
      true,
      false,
      { protocol: 'imap', reasons: ['IMAP_DEFAULT'], warnings: [] },
    ],
    [
      'nothing offered',
      { devices: 'several' },
      false,
      false,
      { protocol: null, reasons: [], warnings: [] },
    ],
    [
      'several devices, both',
      { devices: 'several' },
      true,
      true,
      { protocol: 'imap', reasons: ['IMAP_SEVERAL_DEVICES'], warnings: [] },
    ],
    [
      'several devices, POP3 only',
      { devices: 'several' },
      false,
      true,
      { protocol: 'pop3', reasons: ['POP3_ONLY_KEEP_COPY'], warnings: ['POP3_NO_SYNC'] },
    ],
    [
      'keep on server, POP3 only',
      { keepOnServer: true },
      false,
      true,
      { protocol: 'pop3', reasons: ['POP3_ONLY_KEEP_COPY'], warnings: [] },
    ],
    [
      'one device offline, both',
      { devices: 'one', offline: true },
      true,
      true,
      { protocol: 'pop3', reasons: ['POP3_OFFLINE', 'IMAP_ALSO_WORKS'], warnings: [] },
    ],
    [
      'one device small quota, both',
      { devices: 'one', serverQuotaSmall: true },
      true,
      true,
      { protocol: 'pop3', reasons: ['POP3_SERVER_QUOTA', 'IMAP_ALSO_WORKS'], warnings: [] },
    ],
    [
      'one device offline and small quota, POP3 only',
      { devices: 'one', offline: true, serverQuotaSmall: true },
      false,
      true,
      { protocol: 'pop3', reasons: ['POP3_OFFLINE', 'POP3_SERVER_QUOTA'], warnings: [] },
    ],
    [
      'one device offline, IMAP only',
      { devices: 'one', offline: true },
      true,
      false,
      { protocol: 'imap', reasons: ['IMAP_ONLY_OFFERED', 'IMAP_OFFLINE_COPIES'], warnings: [] },
    ],
    [
      'several devices and offline, both',
      { devices: 'several', offline: true },
      true,
      true,
      { protocol: 'imap', reasons: ['IMAP_SEVERAL_DEVICES'], warnings: [] },
    ],
    [
      'offline but devices unknown, both',
      { offline: true, serverQuotaSmall: true },
      true,
      true,
      {
        protocol: 'imap',
        reasons: ['IMAP_DEFAULT', 'IMAP_OFFLINE_COPIES', 'IMAP_QUOTA_NOTE'],
        warnings: [],
      },
    ],
    [
      'several devices and keep on server, both',
      { devices: 'several', keepOnServer: true },
      true,
      true,
      { protocol: 'imap', reasons: ['IMAP_SEVERAL_DEVICES', 'IMAP_KEEP_ON_SERVER'], warnings: [] },
    ],
  ]
  it.each(rows)('%s', (_name, needs, hasImap, hasPop3, expected) => {
    expect(codes(chooseProtocol(needs, hasImap ? imap : null, hasPop3 ? pop3 : null))).toEqual(
      expected,
    )
  })
})

describe('chooseProtocol and certificates', () => {
  it('a protocol whose server has a bad certificate gives way to one without', () => {
    const badImap = probed(imap, 'TLS_CERT_EXPIRED')
    const choice = chooseProtocol({ devices: 'several' }, badImap, probed(pop3))
    expect(codes(choice)).toEqual({
      protocol: 'pop3',
      reasons: ['CERT_AVOIDED', 'POP3_ONLY_KEEP_COPY'],
      warnings: ['POP3_NO_SYNC'],
    })
    expect(choice.reasons[0]?.params?.protocol).toBe('IMAP')
  })

  it('keeps the preferred protocol when the other has a bad certificate too', () => {
    const choice = chooseProtocol(
      undefined,
      probed(imap, 'TLS_CERT_EXPIRED'),
      probed(pop3, 'TLS_CERT_NAME'),
    )
    expect(choice.protocol).toBe('imap')
  })

  it('one device offline, POP3 with a bad certificate: IMAP, and no "IMAP only" claim', () => {
    const choice = chooseProtocol(
      { devices: 'one', offline: true },
      imap,
      probed(pop3, 'TLS_CERT_UNTRUSTED'),
    )
    expect(codes(choice)).toEqual({
      protocol: 'imap',
      reasons: ['CERT_AVOIDED', 'IMAP_OFFLINE_COPIES'],
      warnings: [],
    })
  })

  it('does not say IMAP also works when IMAP has a bad certificate', () => {
    const choice = chooseProtocol(
      { devices: 'one', offline: true },
      probed(imap, 'TLS_CERT_NAME'),
      pop3,
    )
    expect(codes(choice).reasons).toEqual(['POP3_OFFLINE'])
  })
})
