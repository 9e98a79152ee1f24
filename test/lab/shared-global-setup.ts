/**
 * vitest globalSetup that shares ONE lab between every project that lists it (`live` and
 * `browser`). vitest runs all projects' global setups in the main process at the start of a
 * run, each project through its own module runner, so two plain `global-setup.ts` entries
 * would start two labs on the same fixed addresses. The lab is kept on globalThis (shared by
 * the runners), started by the first project, stopped after the last project's teardown.
 */
import type { TestProject } from 'vitest/node'
import { type Lab, labInfo, startLab } from './lab.ts'

interface Shared {
  lab: Promise<Lab>
  users: number
}

const KEY = Symbol.for('mailsetup.test.lab')
const store = globalThis as typeof globalThis & { [KEY]?: Shared }

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (store[KEY] ??= { lab: startLab(), users: 0 })
  shared.users += 1
  const lab = await shared.lab
  project.provide('lab', labInfo(lab))
  return async () => {
    shared.users -= 1
    if (shared.users > 0) return
    delete store[KEY]
    await lab.stop()
  }
}
