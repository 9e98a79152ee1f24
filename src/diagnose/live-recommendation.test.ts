import { describe, expect, it } from 'vitest'
import type { CandidateServer } from '../discovery/types.ts'
import type { ProbeResult } from '../probes/result.ts'
import { unreachedResult } from '../probes/result.ts'
import { ProbeError } from '../errors/probe-error.ts'
import { createLiveRecommendation } from './live-recommendation.ts'

const candidate = (
  protocol: 'imap' | 'smtp',
  port: number,
  security: 'tls' | 'starttls',
): CandidateServer => ({
  protocol,
  host: 'mail.example.com',
  port,
  security,
  username: 'a@example.com',
  source: { type: 'srv', trusted: true },
  verified: false,
})

const ok = (c: CandidateServer): ProbeResult => ({
  ...unreachedResult(
    { host: c.host, port: c.port, protocol: c.protocol, security: c.security },
    new ProbeError('PROBE_FAILED'),
    1,
  ),
  status: 'ok',
  code: null,
  problems: [],
})

describe('live recommendation', () => {
  const imaps = candidate('imap', 993, 'tls')
  const imap = candidate('imap', 143, 'starttls')
  const submission = candidate('smtp', 587, 'starttls')

  it('recommends from the candidates at once, then follows the probe results, and is silent when nothing changes', () => {
    const live = createLiveRecommendation({ email: 'a@example.com', lang: 'en', probed: true })
    expect(
      live.update({
        type: 'source',
        source: { type: 'srv', name: 'x', status: 'found', servers: 3 },
      }),
    ).toBeNull()
    const first = live.update({
      type: 'candidates',
      provider: null,
      candidates: [imaps, imap, submission],
    })
    expect(first?.recommended.incoming).toMatchObject({ port: 993, verified: false })
    // 993 is filtered: its result (a timeout) moves the recommendation to 143 before the deadline.
    const filtered = unreachedResult(
      { host: imaps.host, port: 993, protocol: 'imap', security: 'tls' },
      new ProbeError('TCP_TIMEOUT'),
      null,
    )
    const afterOk = live.update({ type: 'probe', probe: ok(imap) })
    expect(afterOk?.recommended.incoming).toMatchObject({ port: 143, verified: true })
    expect(live.update({ type: 'probe', probe: filtered })).toBeNull()
    const withSmtp = live.update({ type: 'probe', probe: ok(submission) })
    expect(withSmtp?.recommended.outgoing).toMatchObject({ port: 587, verified: true })
  })

  it('keeps a probe result that arrives before its candidate list', () => {
    const live = createLiveRecommendation({ email: 'a@example.com', lang: 'zh-CN', probed: true })
    expect(live.update({ type: 'probe', probe: ok(imaps) })).toBeNull()
    const view = live.update({
      type: 'candidates',
      provider: null,
      candidates: [imaps, submission],
    })
    expect(view?.recommended.incoming).toMatchObject({ port: 993, verified: true })
  })
})
