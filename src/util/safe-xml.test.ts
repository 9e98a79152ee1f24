import { describe, expect, it } from 'vitest'
import { createSafeXmlParser, decodeXmlText, forbiddenDeclaration } from './safe-xml.ts'

describe('createSafeXmlParser', () => {
  const parse = createSafeXmlParser()

  it.each([
    ['<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', 'DOCTYPE'],
    ['<a><! ENTITY lol "lol"></a>', 'ENTITY'],
    ['\uFEFF<!doctype a><a/>', 'doctype'],
  ])('refuses a declaration before parsing: %s', async (xml, declaration) => {
    expect(await parse(xml)).toEqual({ ok: false, reason: 'forbidden', detail: declaration })
  })

  it('says why a document is malformed', async () => {
    const parsed = await parse('<a><b></a>')
    expect(parsed.ok).toBe(false)
    expect(parsed.ok === false && parsed.reason).toBe('malformed')
    expect(parsed.ok === false && parsed.detail).toMatch(/line 1/)
  })

  it('expands no entity: escapes stay for decodeXmlText', async () => {
    expect(await parse('<a>x &amp; y</a>')).toEqual({ ok: true, tree: { a: 'x &amp; y' } })
  })

  it('drops attributes and keeps prefixes unless asked', async () => {
    expect(await parse('<ns:a t="1"><b>2</b></ns:a>')).toEqual({
      ok: true,
      tree: { 'ns:a': { b: '2' } },
    })
    const withBoth = createSafeXmlParser({ attributes: true, removeNSPrefix: true })
    expect(await withBoth('<ns:a t="1"><b>2</b></ns:a>')).toEqual({
      ok: true,
      tree: { a: { '@_t': '1', b: '2' } },
    })
  })

  it('reads the named elements as arrays even when they occur once', async () => {
    const withArrays = createSafeXmlParser({ arrays: ['b'] })
    expect(await withArrays('<a><b>1</b><c>2</c></a>')).toEqual({
      ok: true,
      tree: { a: { b: ['1'], c: '2' } },
    })
  })
})

describe('forbiddenDeclaration', () => {
  it('finds none in plain markup', () => {
    expect(forbiddenDeclaration('<a>DOCTYPE is a word here</a>')).toBeNull()
  })
})

describe('decodeXmlText', () => {
  it('decodes the five escapes and numeric references, leaves others alone', () => {
    expect(decodeXmlText('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&nbsp;&#0;')).toBe(
      `<>&"'AB&nbsp;&#0;`,
    )
  })
})
