import { describe, expect, it } from 'vitest'
import { onFirstUse } from './on-first-use.ts'

describe('onFirstUse', () => {
  it('loads nothing until called, then once for every caller', async () => {
    let loads = 0
    const load = onFirstUse(async () => ({ value: ++loads }))
    expect(loads).toBe(0)
    const [a, b] = await Promise.all([load(), load()])
    expect(await load()).toBe(a)
    expect(b).toBe(a)
    expect(loads).toBe(1)
  })

  it('tries again after a failed load', async () => {
    let calls = 0
    const load = onFirstUse(async () => {
      calls += 1
      if (calls === 1) throw new Error('not yet')
      return 'ready'
    })
    await expect(load()).rejects.toThrow('not yet')
    expect(await load()).toBe('ready')
    expect(calls).toBe(2)
  })
})
