/**
 * D1 applies the files of migrations/ (wrangler d1 migrations apply); the SQLite store applies
 * MIGRATIONS. Both must be the same steps with the same SQL.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../../src/diagnose/migrations.ts'

const dir = new URL('../../../migrations/', import.meta.url)
const normal = (sql: string) =>
  sql
    .replace(/^--.*$/gm, '')
    .replace(/\s+/g, ' ')
    .trim()

describe('D1 migrations', () => {
  it('migrations/ holds one file per step of migrations.ts, numbered alike, with its SQL', () => {
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.sql'))
      .sort()
    expect(files.map((name) => Number(name.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version))
    for (const [index, name] of files.entries()) {
      expect(normal(readFileSync(new URL(name, dir), 'utf8'))).toBe(
        normal(MIGRATIONS[index]?.sql ?? ''),
      )
    }
  })
})
