/**
 * The Node entry's logs: JSON lines on stdout through pino's asynchronous destination. Started as
 * a real process, it logs that it listens, logs each request with its id, and on SIGTERM writes
 * out what is buffered before it exits.
 */
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

type Line = Record<string, unknown>

describe('node.ts logging', () => {
  it('logs JSON lines (listening, each request) and flushes them on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: { ...process.env, PORT: '0', MAILSETUP_DATABASE: ':memory:', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line in ${stdout}`)), 30_000)
        child.stdout.on('data', () => {
          const listening = stdout
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as Line)
            .find((line) => line.msg === 'listening')
          if (listening) {
            clearTimeout(timer)
            resolve(String(listening.url))
          }
        })
      })
      const res = await fetch(`${url}/api/v1/providers/qq.com?secret=query-value`, {
        headers: { 'x-request-id': 'node-log-test', authorization: 'Bearer header-value' },
      })
      expect(res.status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Line)
    expect(lines.find((line) => line.reqId === 'node-log-test')).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      path: '/api/v1/providers/qq.com',
      status: 200,
    })
    expect(stdout).not.toContain('query-value')
    expect(stdout).not.toContain('header-value')
  }, 60_000)
})
