/** The byte tail the IMAP and POP3 login attempts keep beside their UTF-8 libraries. */
import { describe, expect, it } from 'vitest'
import { createByteTail } from './byte-tail.ts'

describe('the byte tail beside a UTF-8 library', () => {
  it('finds the last line that matches, decoded as GBK where it is not UTF-8, and keeps only its bound', () => {
    const tail = createByteTail(64)
    tail.add(Buffer.from('+OK ready\r\n-ERR first\r\n'))
    tail.add(Buffer.concat([Buffer.from('-ERR '), Buffer.from('c7ebcab9d3c3', 'hex')]))
    // The line is not complete yet.
    expect(tail.lastLine(/^-ERR/)).toBe('-ERR first')
    tail.add(Buffer.from('\r\n'))
    expect(tail.lastLine(/^-ERR/)).toBe('-ERR 请使用')
    tail.add(Buffer.from(`${'x'.repeat(80)}\r\n`))
    expect(tail.lastLine(/^-ERR/)).toBeNull()
  })
})
