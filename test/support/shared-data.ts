/**
 * Where the workspace's shared data (the ISPDB copy and the other imported sources) lives: the
 * first `shared/data` beside the repository or beside one of its parents, so the tests find it
 * from /work/main and from a worktree under /work/wt/ alike. MAILSETUP_SHARED_DATA overrides it.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const findSharedData = (): string => {
  const override = process.env.MAILSETUP_SHARED_DATA
  if (override) return override
  const repo = fileURLToPath(new URL('../../', import.meta.url))
  for (let dir = dirname(repo); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return join(dirname(repo), 'shared', 'data')
  }
}

export const SHARED_DATA = findSharedData()
