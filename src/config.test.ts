import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({})
    expect(config.PORT).toBe(8787)
    expect(config.HOST).toBe('127.0.0.1')
    expect(config.MAILSETUP_PROBE_PORTS).toEqual([25, 110, 143, 465, 587, 993, 995])
    expect(config.MAILSETUP_DNS_SERVERS).toEqual([])
    expect(config.MAILSETUP_ALLOW_TARGETS).toEqual([])
    expect(config.MAILSETUP_PROBE_TIMEOUT_MS).toBe(8_000)
    expect(config.LOG_LEVEL).toBe('info')
    expect(config.MAILSETUP_DATABASE).toBe('var/mailsetup.sqlite')
    expect(config.MAILSETUP_REPORT_TTL_DAYS).toBe(30)
    expect(config.MAILSETUP_VERIFIED_TTL_HOURS).toBe(24)
  })

  it('reads the report store variables', () => {
    const config = loadConfig({
      MAILSETUP_DATABASE: ':memory:',
      MAILSETUP_REPORT_TTL_DAYS: '7',
      MAILSETUP_VERIFIED_TTL_HOURS: '2',
    })
    expect(config).toMatchObject({
      MAILSETUP_DATABASE: ':memory:',
      MAILSETUP_REPORT_TTL_DAYS: 7,
      MAILSETUP_VERIFIED_TTL_HOURS: 2,
    })
  })

  it('reads the limits by cost, with no ceiling below what a number holds', () => {
    expect(loadConfig({})).toMatchObject({
      MAILSETUP_RATE_LIMIT: 120,
      MAILSETUP_LOOKUP_LIMIT: 600,
      MAILSETUP_REQUEST_LIMIT: 6_000,
    })
    const config = loadConfig({
      MAILSETUP_RATE_LIMIT: '250000',
      MAILSETUP_LOOKUP_LIMIT: '1000000',
      MAILSETUP_REQUEST_LIMIT: '50000000',
    })
    expect(config).toMatchObject({
      MAILSETUP_RATE_LIMIT: 250_000,
      MAILSETUP_LOOKUP_LIMIT: 1_000_000,
      MAILSETUP_REQUEST_LIMIT: 50_000_000,
    })
  })

  it('reads the login failure limit: 5 per 15 minutes by default, a count, or a count per window', () => {
    const minutes = (n: number) => n * 60_000
    expect(loadConfig({}).MAILSETUP_LOGIN_FAILURE_LIMIT).toEqual({ max: 5, windowMs: minutes(15) })
    expect(
      loadConfig({ MAILSETUP_LOGIN_FAILURE_LIMIT: '3' }).MAILSETUP_LOGIN_FAILURE_LIMIT,
    ).toEqual({
      max: 3,
      windowMs: minutes(15),
    })
    expect(
      loadConfig({ MAILSETUP_LOGIN_FAILURE_LIMIT: '10/1h' }).MAILSETUP_LOGIN_FAILURE_LIMIT,
    ).toEqual({ max: 10, windowMs: minutes(60) })
  })

  it('reads the metrics switches: off by default, a token of at least 16 characters', () => {
    expect(loadConfig({})).toMatchObject({ MAILSETUP_METRICS: false })
    expect(loadConfig({}).MAILSETUP_METRICS_TOKEN).toBeUndefined()
    expect(loadConfig({ MAILSETUP_METRICS: '1' }).MAILSETUP_METRICS).toBe(true)
    const token = 'a-scrape-token-of-some-length'
    expect(loadConfig({ MAILSETUP_METRICS_TOKEN: token }).MAILSETUP_METRICS_TOKEN).toBe(token)
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      MAILSETUP_DNS_SERVERS: '127.0.10.53:53, 1.1.1.1, [2001:db8::1]:5353',
      MAILSETUP_ALLOW_TARGETS: '127.0.10.0/24,fd00::/8',
      MAILSETUP_PROBE_PORTS: '993,587',
      MAILSETUP_PROBE_TIMEOUT_MS: '4000',
      LOG_LEVEL: 'warn',
    })
    expect(config.PORT).toBe(9000)
    expect(config.MAILSETUP_DNS_SERVERS).toEqual([
      '127.0.10.53:53',
      '1.1.1.1',
      '[2001:db8::1]:5353',
    ])
    expect(config.MAILSETUP_ALLOW_TARGETS).toHaveLength(2)
    expect(config.MAILSETUP_PROBE_PORTS).toEqual([993, 587])
    expect(config.MAILSETUP_PROBE_TIMEOUT_MS).toBe(4000)
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['MAILSETUP_DNS_SERVERS', 'dns.google'],
    ['MAILSETUP_DNS_SERVERS', '1.1.1.1:99999'],
    ['MAILSETUP_ALLOW_TARGETS', '10.0.0.0/99'],
    ['MAILSETUP_ALLOW_TARGETS', 'intranet'],
    ['MAILSETUP_PROBE_PORTS', '993,imap'],
    ['MAILSETUP_PROBE_TIMEOUT_MS', '10'],
    ['LOG_LEVEL', 'loud'],
    ['MAILSETUP_REPORT_TTL_DAYS', '0'],
    ['MAILSETUP_VERIFIED_TTL_HOURS', 'a day'],
    ['MAILSETUP_DATABASE', '   '],
    ['MAILSETUP_RATE_LIMIT', '0'],
    ['MAILSETUP_LOOKUP_LIMIT', '1.5'],
    ['MAILSETUP_REQUEST_LIMIT', 'lots'],
    ['MAILSETUP_LOGIN_FAILURE_LIMIT', '0'],
    ['MAILSETUP_LOGIN_FAILURE_LIMIT', 'five'],
    ['MAILSETUP_LOGIN_FAILURE_LIMIT', '5/15d'],
    ['MAILSETUP_METRICS', 'yes'],
    ['MAILSETUP_METRICS_TOKEN', 'short'],
    ['MAILSETUP_METRICS_TOKEN', 'a token with spaces in it'],
  ])('a bad %s (%j) stops with a message naming it', (name, value) => {
    const attempt = () => loadConfig({ [name]: value })
    expect(attempt).toThrow(ConfigError)
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${name}: `))
  })

  it('reads MAILSETUP_PUBLIC_URL as an origin, and defaults it from HOST and PORT', () => {
    expect(loadConfig({}).MAILSETUP_PUBLIC_URL).toBe('http://127.0.0.1:8787')
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '80' }).MAILSETUP_PUBLIC_URL).toBe(
      'http://localhost:80',
    )
    expect(loadConfig({ HOST: '::1' }).MAILSETUP_PUBLIC_URL).toBe('http://[::1]:8787')
    expect(
      loadConfig({ MAILSETUP_PUBLIC_URL: 'https://Setup.Example.com/' }).MAILSETUP_PUBLIC_URL,
    ).toBe('https://setup.example.com')
    for (const bad of ['setup.example.com', 'https://setup.example.com/path', 'ftp://x.example']) {
      expect(() => loadConfig({ MAILSETUP_PUBLIC_URL: bad })).toThrow(
        new ConfigError(
          'MAILSETUP_PUBLIC_URL',
          'expected an http(s) origin, e.g. https://setup.example.com',
        ),
      )
    }
  })
})
