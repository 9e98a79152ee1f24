/**
 * The README's error sections against the one error table: the generated list is current, and
 * the prose names only codes the table has, with the statuses the table gives them.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ErrorEntry } from '../../src/errors/entry.ts'
import { ERRORS } from '../../src/errors/table.ts'
import {
  END,
  START,
  checkReadmeCodes,
  renderErrorTable,
  withErrorTable,
} from '../../scripts/readme-errors.ts'

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')

describe('README error codes', () => {
  it('lists every code of the table, as npm run readme:errors writes it', () => {
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length)
    expect(block).toBe(renderErrorTable())
    for (const code of Object.keys(ERRORS)) expect(block).toContain(`| \`${code}\` |`)
  })

  it('names in its prose only codes of the table, with their HTTP status', () => {
    expect(checkReadmeCodes(readme)).toEqual([])
  })

  it('the checks bite: an unknown code, a wrong status, a changed message', () => {
    const prose = [
      'Errors are JSON: a 404 `INVALID_INPUT`, or `TARGET_BLOCKED`.',
      '',
      '## Having an issue?',
      '',
      '- **`TCP_TIMEOUT_NOW`**: nothing answered.',
      '',
      '## Development',
    ].join('\n')
    expect(checkReadmeCodes(prose)).toEqual([
      'TCP_TIMEOUT_NOW is not in the error table',
      'INVALID_INPUT is 400 in the table, the README says 404',
    ])
    const changed: Record<string, ErrorEntry> = {
      ...ERRORS,
      TCP_REFUSED: { ...ERRORS.TCP_REFUSED, message: { en: 'changed', 'zh-CN': '改' } },
    }
    expect(withErrorTable(readme, renderErrorTable(changed))).not.toBe(readme)
    expect(withErrorTable(readme)).toBe(readme)
  })
})
