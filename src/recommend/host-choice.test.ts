/**
 * The choice among a provider's alternative hosts (Tencent Exmail's imap.exmail.qq.com for
 * mainland China, hwimap.exmail.qq.com elsewhere): by the user's region, by the time zone's, by
 * the measured stability when no region is known, with one alternative failing, with ties, and
 * with no measurement; and what the reasons say in en and zh-CN.
 */
import { describe, expect, it } from 'vitest'
import type { HostStability } from '../discovery/stability.ts'
import type { CandidateServer } from '../discovery/types.ts'
import type { HandshakeAttempt } from '../probes/handshakes.ts'
import { seriesOf } from '../probes/handshakes.ts'
import {
  type ChoiceContext,
  chooseHost,
  type HostChoice,
  choiceDraft,
  choiceDrafts,
  choicesDrafts,
  clearlySteadier,
  measuredDraft,
} from './host-choice.ts'
import { rankUsable } from './rank.ts'
import { recommend } from './recommend.ts'
import { say } from './texts.ts'

const source = { type: 'provider-db', url: 'tencent-exmail', trusted: true } as const
const imap = (host: string, region: 'cn' | 'intl'): CandidateServer => ({
  protocol: 'imap',
  host,
  port: 993,
  security: 'tls',
  username: 'li@acme.example',
  source,
  region,
  verified: true,
  status: 'ok',
  code: null,
})
const CN = imap('imap.exmail.qq.com', 'cn')
const INTL = imap('hwimap.exmail.qq.com', 'intl')
const BOTH = [CN, INTL]

const ok = (ms: number): HandshakeAttempt => ({ ok: true, ms, connectMs: 1, tlsMs: 1, code: null })
const lost: HandshakeAttempt = {
  ok: false,
  ms: null,
  connectMs: null,
  tlsMs: null,
  code: 'TCP_TIMEOUT',
}
const measured = (c: CandidateServer, attempts: HandshakeAttempt[]): HostStability => ({
  ...seriesOf(c.host, c.port, '192.0.2.1', attempts),
  protocol: c.protocol,
  ...(c.region ? { region: c.region } : {}),
})

const choose = (context: ChoiceContext, list = BOTH) =>
  chooseHost(rankUsable(list, undefined, context.region), list, context)

/** The mainland host slow and the overseas one fast, as a service outside China sees them. */
const FAR_CN = [measured(CN, [ok(210), ok(230), ok(260)]), measured(INTL, [ok(35), ok(38), ok(41)])]

describe('chooseHost: region × measurements', () => {
  it.each([
    ['cn', 'answer', 'imap.exmail.qq.com', 'region'],
    ['intl', 'answer', 'hwimap.exmail.qq.com', 'region'],
    ['cn', 'time-zone', 'imap.exmail.qq.com', 'time-zone'],
    ['intl', 'time-zone', 'hwimap.exmail.qq.com', 'time-zone'],
  ] as const)(
    'region %s (%s), no measurement: %s because %s',
    (region, regionFrom, host, because) => {
      const { chosen, choice } = choose({ region, regionFrom })
      expect(chosen?.host).toBe(host)
      expect(choice).toMatchObject({ host, because })
      expect(choice?.alternative?.host).toBe(host === CN.host ? INTL.host : CN.host)
    },
  )

  it('a region outweighs the measurement: from mainland China the slow-looking mainland host stays', () => {
    const { choice } = choose({ region: 'cn', regionFrom: 'answer', stability: FAR_CN })
    expect(choice).toMatchObject({ host: CN.host, because: 'region' })
    expect(choice?.alternative).toMatchObject({ host: INTL.host, region: 'intl' })
  })

  it('without a region, the clearly steadier host, naming the other', () => {
    const { chosen, choice } = choose({ stability: FAR_CN })
    expect(chosen?.host).toBe(INTL.host)
    expect(choice).toMatchObject({ because: 'steadier', alternative: { host: CN.host } })
  })

  it('without a region, fewer failed handshakes win before the median', () => {
    const stability = [
      measured(CN, [ok(30), lost, ok(32)]),
      measured(INTL, [ok(90), ok(95), ok(99)]),
    ]
    expect(choose({ stability }).choice).toMatchObject({ host: INTL.host, because: 'steadier' })
  })

  it('a tie keeps the provider’s order: medians within 50 ms (or 25 %) change nothing', () => {
    const stability = [
      measured(CN, [ok(80), ok(85), ok(90)]),
      measured(INTL, [ok(40), ok(45), ok(50)]),
    ]
    expect(choose({ stability }).choice).toMatchObject({
      host: CN.host,
      because: 'provider-default',
    })
    expect(clearlySteadier(stability[1] as HostStability, stability[0] as HostStability)).toBe(
      false,
    )
  })

  it('no region and no measurement: the provider’s first host, naming the other', () => {
    const { chosen, choice } = choose({})
    expect(chosen?.host).toBe(CN.host)
    expect(choice).toMatchObject({ because: 'provider-default', alternative: { host: INTL.host } })
  })
})

describe('chooseHost: one alternative failing', () => {
  it('the region’s host completes no handshake: the other one, naming the lost host', () => {
    const stability = [measured(CN, [ok(40), ok(42), ok(44)]), measured(INTL, [lost, lost, lost])]
    const { chosen, choice } = choose({ region: 'intl', regionFrom: 'answer', stability })
    expect(chosen?.host).toBe(CN.host)
    expect(choice).toMatchObject({ because: 'unreachable', alternative: { host: INTL.host } })
  })

  it('the region’s host failed its probe: the other one, saying why', () => {
    const failed = {
      ...INTL,
      verified: false,
      status: 'error' as const,
      code: 'TCP_REFUSED' as const,
    }
    const list = [CN, failed]
    const { chosen, choice } = choose({ region: 'intl', regionFrom: 'answer' }, list)
    expect(chosen?.host).toBe(CN.host)
    expect(choice).toMatchObject({ because: 'unreachable', alternative: { host: INTL.host } })
  })

  it('the other host failing changes nothing but is still named as the alternative', () => {
    const stability = [measured(CN, [lost, lost, lost]), measured(INTL, [ok(40), ok(41), ok(42)])]
    expect(choose({ region: 'intl', regionFrom: 'answer', stability }).choice).toMatchObject({
      host: INTL.host,
      because: 'region',
      alternative: { host: CN.host },
    })
  })

  it('every host failing every handshake: the region decides as if nothing was measured', () => {
    const stability = [measured(CN, [lost, lost, lost]), measured(INTL, [lost, lost, lost])]
    expect(choose({ region: 'cn', regionFrom: 'answer', stability }).choice?.because).toBe('region')
  })

  it('a provider without alternatives: no choice at all', () => {
    const plain = { ...CN, region: undefined }
    expect(choose({ region: 'intl' }, [plain])).toEqual({ chosen: plain, choice: null })
  })
})

describe('the reasons, in both languages', () => {
  it('steadier: the figures, the alternative and that the service measures from its own location', () => {
    const { choice } = choose({ stability: FAR_CN })
    if (!choice) throw new Error('no choice')
    const en = say(choiceDraft(choice, FAR_CN), 'en').text
    expect(en).toContain('hwimap.exmail.qq.com (IMAP, port 993) connected more steadily')
    expect(en).toContain('median 38 ms (spread 6 ms, 3 of 3 answered)')
    expect(en).toContain('median 230 ms (spread 50 ms, 3 of 3 answered)')
    expect(en).toContain('from its own location, not yours')
    expect(en).toContain(
      'if you read your mail in mainland China, or if this connection is slow, use imap.exmail.qq.com',
    )
    const zh = say(choiceDraft(choice, FAR_CN), 'zh-CN').text
    expect(zh).toContain('中位数 38 毫秒（波动 6 毫秒，3 次中 3 次成功）')
    expect(zh).toContain('而不是你的位置')
  })

  it('time zone: says the region came from the browser’s time zone and how to change it', () => {
    const { choice } = choose({ region: 'intl', regionFrom: 'time-zone' })
    if (!choice) throw new Error('no choice')
    expect(say(choiceDraft(choice, []), 'en').text).toMatch(
      /^Your browser’s time zone suggests you read your mail outside mainland China, so this service recommends hwimap\.exmail\.qq\.com \(IMAP, port 993\) \(if not, answer “Where do you read your mail\?”\)\. The provider has imap\.exmail\.qq\.com for the same mailbox in mainland China/,
    )
    expect(say(choiceDraft(choice, []), 'zh-CN').text).toContain('根据浏览器的时区')
  })

  it('unreachable: names the host that did not answer and that it may answer the user', () => {
    const stability = [measured(CN, [ok(40), ok(42), ok(44)]), measured(INTL, [lost, lost, lost])]
    const { choice } = choose({ region: 'intl', regionFrom: 'answer', stability })
    if (!choice) throw new Error('no choice')
    const en = say(choiceDraft(choice, stability), 'en').text
    expect(en).toMatch(
      /^hwimap\.exmail\.qq\.com, the provider’s host for mail read outside mainland China, did not answer/,
    )
    expect(en).toContain(
      'if hwimap.exmail.qq.com works where you read your mail, you can use it instead',
    )
  })

  it('an alternative that answered no handshake: a second reason says so before anyone switches to it', () => {
    const stability = [measured(CN, [lost, lost, lost]), measured(INTL, [ok(40), ok(41), ok(42)])]
    const { choice } = choose({ region: 'intl', regionFrom: 'answer', stability })
    if (!choice) throw new Error('no choice')
    const drafts = choiceDrafts(choice, stability)
    expect(drafts.map((d) => d.code)).toEqual(['SERVER_REGION', 'SERVER_ALTERNATIVE_SILENT'])
    const silent = drafts[1]
    if (!silent) throw new Error('no second reason')
    expect(say(silent, 'en').text).toBe(
      'Before switching to imap.exmail.qq.com (the host for mail read in mainland China), note that none of this service’s 3 handshakes with it completed. This service checks from its own location, not yours, so it may still work where you read your mail: test the connection after switching.',
    )
    expect(say(silent, 'zh-CN').text).toContain('改用 imap.exmail.qq.com')
    expect(say(silent, 'zh-CN').text).toContain('本服务与它的 3 次握手均未完成')
  })

  it('no second reason when the alternative answered, was not measured, or is the unreachable one itself', () => {
    const answered = [measured(CN, [lost, ok(50), lost]), measured(INTL, [ok(40), ok(41), ok(42)])]
    const region = choose({ region: 'intl', regionFrom: 'answer', stability: answered }).choice
    if (!region) throw new Error('no choice')
    expect(choiceDrafts(region, answered).map((d) => d.code)).toEqual(['SERVER_REGION'])
    expect(choiceDrafts(region, undefined).map((d) => d.code)).toEqual(['SERVER_REGION'])
    const down = [measured(CN, [ok(40), ok(42), ok(44)]), measured(INTL, [lost, lost, lost])]
    const unreachable = choose({ region: 'intl', regionFrom: 'answer', stability: down }).choice
    if (!unreachable) throw new Error('no choice')
    expect(choiceDrafts(unreachable, down).map((d) => d.code)).toEqual([
      'SERVER_ALTERNATIVE_UNREACHABLE',
    ])
  })

  it('incoming and outgoing chosen for one region are said in one sentence; other pairs each in their own', () => {
    const host = (
      protocol: 'imap' | 'smtp',
      name: string,
      region: 'cn' | 'intl',
      port: number,
    ) => ({
      protocol,
      host: name,
      port,
      region,
    })
    const pair = (because: HostChoice['because']): HostChoice[] => [
      {
        ...host('imap', 'hwimap.exmail.qq.com', 'intl', 993),
        because,
        alternative: host('imap', 'imap.exmail.qq.com', 'cn', 993),
      },
      {
        ...host('smtp', 'hwsmtp.exmail.qq.com', 'intl', 465),
        because,
        alternative: host('smtp', 'smtp.exmail.qq.com', 'cn', 465),
      },
    ]
    const one = choicesDrafts(pair('time-zone'), undefined)
    expect(one.map((d) => d.code)).toEqual(['SERVER_REGION_TIMEZONE'])
    expect(say(one[0] ?? { code: 'VERIFIED' }, 'en').text).toBe(
      'Your browser’s time zone suggests you read your mail outside mainland China, so this service recommends hwimap.exmail.qq.com (IMAP, port 993) and hwsmtp.exmail.qq.com (SMTP, port 465) (if not, answer “Where do you read your mail?”). The provider has imap.exmail.qq.com and smtp.exmail.qq.com for the same mailbox in mainland China: switch if you read mail there, or if this connection is slow or drops.',
    )
    // A measured choice keeps its own figures: never merged.
    expect(choicesDrafts(pair('steadier'), FAR_CN).map((d) => d.code)).toEqual([
      'SERVER_STEADIER',
      'SERVER_STEADIER',
    ])
    // Different reasons: one sentence each.
    const [imapChoice, smtpChoice] = pair('region')
    if (!imapChoice || !smtpChoice) throw new Error('no pair')
    const mixed = [imapChoice, { ...smtpChoice, because: 'unreachable' as const }]
    expect(choicesDrafts(mixed, undefined).map((d) => d.code)).toEqual([
      'SERVER_REGION',
      'SERVER_ALTERNATIVE_UNREACHABLE',
    ])
    // An alternative that answered no handshake is still said, after the shared sentence.
    const silentCn = [measured(CN, [lost, lost, lost])]
    expect(choicesDrafts(pair('region'), silentCn).map((d) => d.code)).toEqual([
      'SERVER_REGION',
      'SERVER_ALTERNATIVE_SILENT',
    ])
  })

  it('the measurement note lists every measured host of the protocol, failed ones included', () => {
    const stability = [measured(CN, [ok(40), lost, ok(44)]), measured(INTL, [lost, lost, lost])]
    const draft = measuredDraft('imap', stability)
    if (!draft) throw new Error('no note')
    expect(say(draft, 'en').text).toBe(
      'Connect times of the IMAP hosts, measured from this service’s own location, not yours (three TCP + TLS handshakes each; spread = slowest − fastest): imap.exmail.qq.com median 42 ms (spread 4 ms, 2 of 3 answered); hwimap.exmail.qq.com no handshake completed (0 of 3).',
    )
    expect(measuredDraft('smtp', stability)).toBeNull()
  })
})

describe('recommend() with the measurement', () => {
  it('records the choice per direction and puts the reasons and the measurement in the report’s words', () => {
    const smtpCn = { ...CN, protocol: 'smtp' as const, host: 'smtp.exmail.qq.com', port: 465 }
    const smtpIntl = { ...INTL, protocol: 'smtp' as const, host: 'hwsmtp.exmail.qq.com', port: 465 }
    const stability = [
      ...FAR_CN,
      measured(smtpCn, [ok(220), ok(240), ok(250)]),
      measured(smtpIntl, [ok(30), ok(31), ok(33)]),
    ]
    const r = recommend({
      email: 'li@acme.example',
      candidates: [CN, INTL, smtpCn, smtpIntl],
      provider: null,
      lang: 'en',
      probed: true,
      stability,
    })
    expect(r.recommended.incoming?.host).toBe(INTL.host)
    expect(r.recommended.outgoing?.host).toBe('hwsmtp.exmail.qq.com')
    expect(r.hostChoice.map((c) => [c.protocol, c.host, c.because])).toEqual([
      ['imap', 'hwimap.exmail.qq.com', 'steadier'],
      ['smtp', 'hwsmtp.exmail.qq.com', 'steadier'],
    ])
    const codes = r.reasons.map((n) => n.code)
    expect(codes.filter((c) => c === 'SERVER_STEADIER')).toHaveLength(2)
    expect(codes.filter((c) => c === 'SERVER_MEASURED')).toHaveLength(2)
  })
})
