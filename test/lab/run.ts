/** Running the lab's external commands (no shell). */
import { execFile, spawn } from 'node:child_process'
import { open, readFile } from 'node:fs/promises'
import { promisify } from 'node:util'

const execFileP = promisify(execFile)

export interface RunResult {
  stdout: string
  stderr: string
}

interface ExecError extends Error {
  code?: number | string
  stdout?: string
  stderr?: string
}

/** Runs a command to completion; throws an Error naming the command and its output. */
export async function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<RunResult> {
  try {
    const { stdout, stderr } = await execFileP(cmd, args, {
      env: opts.env ?? process.env,
      timeout: opts.timeoutMs ?? 120_000,
      maxBuffer: 16 * 1024 * 1024,
      encoding: 'utf8',
    })
    return { stdout, stderr }
  } catch (err) {
    const e = err as ExecError
    const out = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim()
    throw new Error(
      `\`${cmd} ${args.join(' ')}\` failed (${String(e.code ?? e.message)})${out ? `:\n${out}` : ''}`,
      { cause: err },
    )
  }
}

/** Like run() but never throws; for best-effort cleanup steps. */
export async function tryRun(cmd: string, args: string[]): Promise<boolean> {
  try {
    await run(cmd, args, { timeoutMs: 30_000 })
    return true
  } catch {
    return false
  }
}

/**
 * Runs a command that daemonises (its parent exits, a child keeps running). Output goes to
 * `outFile`, not to pipes: a daemon that keeps an inherited pipe open would make us wait for
 * ever, and closing our end could kill it with SIGPIPE later.
 */
export async function startDaemon(
  cmd: string,
  args: string[],
  outFile: string,
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<void> {
  const fh = await open(outFile, 'a')
  try {
    const code = await new Promise<number | string>((resolve, reject) => {
      const child = spawn(cmd, args, {
        env: opts.env ?? process.env,
        stdio: ['ignore', fh.fd, fh.fd],
        detached: true,
      })
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(
          new Error(
            `\`${cmd} ${args.join(' ')}\` did not return within ${opts.timeoutMs ?? 60_000} ms`,
          ),
        )
      }, opts.timeoutMs ?? 60_000)
      child.once('error', (err) => {
        clearTimeout(timer)
        reject(err)
      })
      child.once('exit', (c, sig) => {
        clearTimeout(timer)
        resolve(c ?? sig ?? 'unknown')
      })
    })
    if (code !== 0) {
      const out = (await readFile(outFile, 'utf8').catch(() => '')).trim()
      throw new Error(
        `\`${cmd} ${args.join(' ')}\` exited with ${String(code)}${out ? `:\n${tail(out)}` : ''}`,
      )
    }
  } finally {
    await fh.close()
  }
}

/** The last `lines` lines of a text. */
export function tail(text: string, lines = 20): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

/** The last lines of a file, or a note that it cannot be read. */
export async function tailFile(file: string, lines = 20): Promise<string> {
  try {
    return tail(await readFile(file, 'utf8'), lines)
  } catch (err) {
    return `(cannot read ${file}: ${(err as Error).message})`
  }
}
