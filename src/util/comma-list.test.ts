import { describe, expect, it } from 'vitest'
import { splitCommaList } from './comma-list.ts'

describe('splitCommaList', () => {
  it('trims entries and drops empty ones', () => {
    expect(splitCommaList(' a, b ,,c ,')).toEqual(['a', 'b', 'c'])
  })
  it('an empty or missing value is no entries', () => {
    expect(splitCommaList('')).toEqual([])
    expect(splitCommaList(' , ')).toEqual([])
    expect(splitCommaList(undefined)).toEqual([])
  })
  it('keeps what is inside an entry, spaces included', () => {
    expect(splitCommaList('IP Address:192.0.2.1, DNS:a.example')).toEqual([
      'IP Address:192.0.2.1',
      'DNS:a.example',
    ])
  })
})
