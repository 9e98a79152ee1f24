/**
 * The workerd project's servers, in Node (tests inside workerd cannot listen): a local DoH
 * server and scripted fake mail servers with the test CA's leaf (implicit TLS and STARTTLS), one
 * with an untrusted self-signed certificate, and a port where nothing listens. Tests read where
 * they are with inject().
 */
import net from 'node:net'
import type { TestProject } from 'vitest/node'
import { TEST_ZONE, startDohServer } from '../fake/doh-server.ts'
import { startMailServer } from '../fake/mail-server.ts'
import { CERT_DIR_VARIABLE, readTestLeaf } from './test-ca.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    dohUrl: string
    mailPorts: { imaps: number; smtp: number; untrusted: number; closed: number }
  }
}

const closedPort = async () => {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

export default async function setup(project: TestProject) {
  const dir = process.env[CERT_DIR_VARIABLE]
  if (!dir) throw new Error(`${CERT_DIR_VARIABLE} is not set: vitest.config.ts makes the test CA`)
  const cert = readTestLeaf(dir)
  const doh = await startDohServer({
    ...TEST_ZONE,
    // Names for the probes: the certificate names fake.test, not other.test.
    'fake.test': { records: { A: [['127.0.0.1', 60]] } },
    'other.test': { records: { A: [['127.0.0.1', 60]] } },
  })
  const imaps = await startMailServer('imap', { implicitTls: true, cert })
  const smtp = await startMailServer('smtp', { cert })
  const untrusted = await startMailServer('imap', { implicitTls: true })
  project.provide('dohUrl', doh.url)
  project.provide('mailPorts', {
    imaps: imaps.port,
    smtp: smtp.port,
    untrusted: untrusted.port,
    closed: await closedPort(),
  })
  return async () => {
    await Promise.all([doh.close(), imaps.close(), smtp.close(), untrusted.close()])
  }
}
