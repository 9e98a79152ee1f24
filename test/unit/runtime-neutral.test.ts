/**
 * createApp imports no runtime module: its whole import graph bundles for a platform without
 * Node's built-ins (as Cloudflare Workers will need), while the Node entry does not.
 */
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const bundleNeutral = (entry: string, external: string[] = []) =>
  build({
    entryPoints: [entry],
    external,
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    mainFields: ['module', 'main'],
    logLevel: 'silent',
  }).then(
    () => [] as string[],
    (err: { errors?: Array<{ text: string }> }) => (err.errors ?? []).map((e) => e.text),
  )

describe('runtime isolation', () => {
  it('src/app.ts and everything it imports use no Node built-in module', async () => {
    expect(await bundleNeutral('src/app.ts')).toEqual([])
  })

  it('src/worker.ts uses none but what Workers provide (cloudflare:sockets; AsyncLocalStorage under nodejs_compat)', async () => {
    expect(
      await bundleNeutral('src/worker.ts', ['cloudflare:sockets', 'node:async_hooks']),
    ).toEqual([])
  })

  it('the check bites: the Node entry does use them', async () => {
    const errors = await bundleNeutral('src/node.ts')
    expect(errors.some((text) => text.includes('node:'))).toBe(true)
  })
})
