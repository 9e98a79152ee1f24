/**
 * Postfix refuses (silently, exit 1) to start with `-c DIR` unless the default
 * /etc/postfix/main.cf lists DIR in alternate_config_directories. These helpers add and
 * remove the lab's directory there, dropping entries of lab directories that are gone.
 */
import { existsSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { LAB_PREFIX } from './layout.ts'

export const SYSTEM_MAIN_CF = '/etc/postfix/main.cf'
const PARAM = 'alternate_config_directories'
const CREATED_HEADER = '# created by the mailsetup test lab (only for alternate_config_directories)'

interface Parsed {
  lines: string[]
  values: string[]
}

/** Splits main.cf into the lines without our parameter and that parameter's values. */
function parse(text: string): Parsed {
  const lines: string[] = []
  const values: string[] = []
  let inParam = false
  for (const line of text.split('\n')) {
    if (inParam && /^[ \t]+\S/.test(line)) {
      values.push(
        ...line
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean),
      )
      continue
    }
    inParam = false
    const m = new RegExp(`^${PARAM}\\s*=(.*)$`).exec(line)
    if (m) {
      inParam = true
      values.push(
        ...(m[1] ?? '')
          .trim()
          .split(/[\s,]+/)
          .filter(Boolean),
      )
      continue
    }
    lines.push(line)
  }
  return { lines, values }
}

const isStaleLabDir = (v: string): boolean => v.includes(`/${LAB_PREFIX}`) && !existsSync(v)

async function update(change: (values: string[]) => string[]): Promise<void> {
  const exists = existsSync(SYSTEM_MAIN_CF)
  const text = exists ? await readFile(SYSTEM_MAIN_CF, 'utf8') : `${CREATED_HEADER}\n`
  const { lines, values } = parse(text)
  const next = [...new Set(change(values.filter((v) => !isStaleLabDir(v))))]
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  if (next.length > 0) lines.push(`${PARAM} = ${next.join(', ')}`)
  const out = `${lines.join('\n')}\n`
  if (out === text) return
  if (!exists && next.length === 0) return
  const tmp = `${SYSTEM_MAIN_CF}.mailsetup-lab.tmp`
  await writeFile(tmp, out, { mode: 0o644 })
  await rename(tmp, SYSTEM_MAIN_CF)
}

export async function allowConfigDir(dir: string): Promise<void> {
  await update((values) => [...values, dir])
}

/** Removes `dir` (and entries of lab dirs that no longer exist); pass '' just to tidy. */
export async function disallowConfigDir(dir: string): Promise<void> {
  await update((values) => values.filter((v) => v !== dir))
}
