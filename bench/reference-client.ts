/**
 * The minimal reference client of issue 15's P2: only the slowest dialogues a diagnosis report
 * needs, in parallel, with plain node:net and node:tls (no library, no DNS, no probe engine):
 * IMAPS greeting + CAPABILITY, and SMTP submission greeting + EHLO + STARTTLS + EHLO. Certificates
 * are verified against the given CA with the host name, as the probes do.
 */
import net from 'node:net'
import tls from 'node:tls'

export interface ReferenceTarget {
  /** The address to connect to (the bench's proxy). */
  address: string
  /** The names for SNI and the certificate check. */
  imapHost: string
  smtpHost: string
  ca: string
}

/** Resolves with the first line (of the buffered data) that `done` accepts. */
const readUntil = (socket: net.Socket, done: (line: string) => boolean): Promise<void> =>
  new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1')
      let end: number
      while ((end = buffer.indexOf('\r\n')) !== -1) {
        const line = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (done(line)) {
          cleanup()
          resolve()
          return
        }
      }
    }
    const onError = (err: Error) => {
      cleanup()
      reject(err)
    }
    const onClose = () => onError(new Error('closed'))
    const cleanup = () => {
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('close', onClose)
    }
    socket.on('data', onData)
    socket.on('error', onError)
    socket.on('close', onClose)
  })

const secureConnect = (options: tls.ConnectionOptions): Promise<tls.TLSSocket> =>
  new Promise((resolve, reject) => {
    const socket = tls.connect(options, () => {
      socket.off('error', reject)
      resolve(socket)
    })
    socket.once('error', reject)
  })

const smtpDone = (line: string) => /^\d{3} /.test(line)

/** IMAP on 993: TLS, the greeting, CAPABILITY. */
const imaps = async (t: ReferenceTarget) => {
  const socket = await secureConnect({
    host: t.address,
    port: 993,
    servername: t.imapHost,
    ca: [t.ca],
  })
  try {
    await readUntil(socket, (line) => line.startsWith('* '))
    socket.write('a CAPABILITY\r\n')
    await readUntil(socket, (line) => line.startsWith('a '))
  } finally {
    socket.destroy()
  }
}

/** SMTP on 587: the greeting, EHLO, STARTTLS, TLS, EHLO. */
const submission = async (t: ReferenceTarget) => {
  const plain = net.connect({ host: t.address, port: 587 })
  let socket: net.Socket = plain
  try {
    await readUntil(plain, smtpDone)
    plain.write('EHLO reference.invalid\r\n')
    await readUntil(plain, smtpDone)
    plain.write('STARTTLS\r\n')
    await readUntil(plain, smtpDone)
    socket = await secureConnect({ socket: plain, servername: t.smtpHost, ca: [t.ca] })
    socket.write('EHLO reference.invalid\r\n')
    await readUntil(socket, smtpDone)
  } finally {
    socket.destroy()
    plain.destroy()
  }
}

/**
 * Wall time of both dialogues in parallel, in ms.
 * @example
 * const ms = await runReference({ address: '127.0.10.31', imapHost, smtpHost, ca })
 */
export const runReference = async (t: ReferenceTarget): Promise<number> => {
  const started = performance.now()
  await Promise.all([imaps(t), submission(t)])
  return performance.now() - started
}
