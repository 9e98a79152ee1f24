/** Workers vars and secrets go through the Node schema, and the Node-only variables are refused. */
import { describe, expect, it } from 'vitest'
import { ConfigError, loadWorkerConfig } from '../../../src/config.ts'

const variableOf = (env: Record<string, unknown>) => {
  try {
    loadWorkerConfig(env)
    return null
  } catch (err) {
    return err instanceof ConfigError ? err.variable : String(err)
  }
}

describe('loadWorkerConfig', () => {
  it('reads the string vars with the same checks and defaults, skipping bindings', () => {
    const config = loadWorkerConfig({
      DB: { prepare: () => null },
      MAILSETUP_PUBLIC_URL: 'https://setup.example.com',
      MAILSETUP_PROBE_TIMEOUT_MS: '5000',
      MAILSETUP_WIDGET_ORIGINS: 'https://help.example.com',
    })
    expect(config.MAILSETUP_PROBE_TIMEOUT_MS).toBe(5_000)
    expect(config.MAILSETUP_WIDGET_ORIGINS).toEqual(['https://help.example.com'])
    expect(config.MAILSETUP_DOH_URL).toBe('https://cloudflare-dns.com/dns-query')
  })

  it('names a bad value, as on Node', () => {
    const base = { MAILSETUP_PUBLIC_URL: 'https://setup.example.com' }
    expect(variableOf({ ...base, MAILSETUP_PROBE_TIMEOUT_MS: 'soon' })).toBe(
      'MAILSETUP_PROBE_TIMEOUT_MS',
    )
    expect(variableOf({ ...base, MAILSETUP_DOH_URL: 'dns.example' })).toBe('MAILSETUP_DOH_URL')
  })

  it('needs MAILSETUP_PUBLIC_URL: a worker has no HOST:PORT to default it from', () => {
    expect(variableOf({})).toBe('MAILSETUP_PUBLIC_URL')
  })

  it('refuses the variables Workers cannot honour instead of ignoring them', () => {
    for (const name of [
      'MAILSETUP_DNS_SERVERS',
      'MAILSETUP_EXTRA_CA',
      'MAILSETUP_PROVIDERS_FILE',
      'MAILSETUP_DATABASE',
      'MAILSETUP_TRUST_PROXY',
    ]) {
      expect(variableOf({ [name]: 'x' })).toBe(name)
    }
  })
})
