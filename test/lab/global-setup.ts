/** vitest globalSetup for the `live` project: starts the lab, provides its info, stops it. */
import type { TestProject } from 'vitest/node'
import { labInfo, startLab } from './lab.ts'

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const lab = await startLab()
  project.provide('lab', labInfo(lab))
  return async () => {
    await lab.stop()
  }
}
