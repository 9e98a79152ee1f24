/**
 * The Node entry with a database it cannot use: it stops at once with a message naming
 * MAILSETUP_DATABASE (and the file), instead of serving without reports or crashing later.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'mailsetup-start-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const start = async (database: string) => {
  try {
    await run(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: { ...process.env, MAILSETUP_DATABASE: database, PORT: '0', LOG_LEVEL: 'silent' },
      timeout: 30_000,
    })
    return { code: 0, stderr: '' }
  } catch (err) {
    const failure = err as { code?: number; stderr?: string }
    return { code: failure.code, stderr: failure.stderr ?? '' }
  }
}

describe('node.ts with a bad MAILSETUP_DATABASE', () => {
  it('a corrupt file stops the process naming the variable and the file', async () => {
    const path = join(dir, 'corrupt.sqlite')
    writeFileSync(path, 'not sqlite at all, '.repeat(500))
    const { code, stderr } = await start(path)
    expect(code).toBe(1)
    expect(stderr).toContain('Invalid configuration: MAILSETUP_DATABASE')
    expect(stderr).toContain(path)
    expect(stderr).toMatch(/not a database/)
  }, 40_000)

  it('a path whose folder cannot be created stops the process naming the variable', async () => {
    const blocker = join(dir, 'a-file')
    writeFileSync(blocker, '')
    const { code, stderr } = await start(join(blocker, 'sub', 'db.sqlite'))
    expect(code).toBe(1)
    expect(stderr).toContain('Invalid configuration: MAILSETUP_DATABASE')
  }, 40_000)

  it('a directory in place of the file stops the process naming the variable', async () => {
    const path = join(dir, 'is-a-dir')
    mkdirSync(path)
    const { code, stderr } = await start(path)
    expect(code).toBe(1)
    expect(stderr).toContain('Invalid configuration: MAILSETUP_DATABASE')
  }, 40_000)
})
