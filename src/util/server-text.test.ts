/**
 * A server's reply text read as UTF-8, else GBK: pure, and run in Node and in workerd (the probe
 * engine's line buffer decodes every line with it on both runtimes).
 */
import { describe, expect, it } from 'vitest'
import { takeLine } from '../probes/line-buffer.ts'
import { decodeServerBytes, fromByteContainer } from './server-text.ts'

const hex = (text: string) => Uint8Array.from(text.match(/../g) ?? [], (byte) => parseInt(byte, 16))
const gbk = hex('c7ebcab9d3c3cadac8a8c2ebb5c7c2bc') // 请使用授权码登录
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('server text', () => {
  it('decodes GBK bytes, keeps UTF-8, and recovers GBK from a latin1 byte container', () => {
    expect(decodeServerBytes(gbk)).toBe('请使用授权码登录')
    expect(decodeServerBytes(utf8('授权码 ok'))).toBe('授权码 ok')
    const container = String.fromCharCode(...gbk)
    expect(fromByteContainer(`535 Error: ${container}`)).toBe('535 Error: 请使用授权码登录')
    expect(fromByteContainer('535 Error: 请使用授权码登录')).toBe('535 Error: 请使用授权码登录')
    expect(fromByteContainer('NO café')).toBe('NO café')
  })

  it('the probe engine reads a GBK line as GBK (a POP3 -ERR from a Chinese server)', () => {
    const bytes = new Uint8Array([...utf8('-ERR '), ...gbk, ...utf8('\r\n+OK')])
    const taken = takeLine(bytes, 8192)
    expect(taken?.line).toBe('-ERR 请使用授权码登录')
    expect(takeLine(utf8('* OK 授权码\r\n'), 8192)?.line).toBe('* OK 授权码')
  })
})
