/**
 * The fake mail server's default dialogues: what a plain, well-behaved server answers to each
 * command the probe sends, before and after TLS. Tests override single lines of these.
 */
import type { MailProtocol, MailScript } from './mail-server.ts'

type Defaults = Required<Pick<MailScript, 'greeting' | 'plain' | 'secure' | 'unknown'>>

const imapLogout = { reply: '* BYE Logging out\n{tag} OK LOGOUT completed', then: 'close' } as const

const imap: Defaults = {
  greeting: '* OK fake IMAP ready',
  plain: {
    CAPABILITY: '* CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED\n{tag} OK CAPABILITY completed',
    STARTTLS: { reply: '{tag} OK Begin TLS negotiation now', then: 'starttls' },
    LOGOUT: imapLogout,
  },
  secure: {
    CAPABILITY: '* CAPABILITY IMAP4rev1 AUTH=PLAIN AUTH=LOGIN\n{tag} OK CAPABILITY completed',
    STARTTLS: '{tag} BAD TLS is already active',
    LOGOUT: imapLogout,
  },
  unknown: '{tag} BAD unknown command',
}

const pop3Quit = { reply: '+OK bye', then: 'close' } as const

const pop3: Defaults = {
  greeting: '+OK fake POP3 ready',
  plain: {
    CAPA: '+OK Capability list follows\nTOP\nUSER\nSTLS\nUIDL\n.',
    STLS: { reply: '+OK Begin TLS negotiation', then: 'starttls' },
    QUIT: pop3Quit,
  },
  secure: {
    CAPA: '+OK Capability list follows\nTOP\nUSER\nSASL PLAIN LOGIN\nUIDL\n.',
    STLS: '-ERR TLS is already active',
    QUIT: pop3Quit,
  },
  unknown: '-ERR unknown command',
}

const smtpQuit = { reply: '221 2.0.0 Bye', then: 'close' } as const

const smtp: Defaults = {
  greeting: '220 fake.test ESMTP ready',
  plain: {
    EHLO: '250-fake.test\n250-PIPELINING\n250-STARTTLS\n250 8BITMIME',
    HELO: '250 fake.test',
    STARTTLS: { reply: '220 2.0.0 Ready to start TLS', then: 'starttls' },
    QUIT: smtpQuit,
  },
  secure: {
    EHLO: '250-fake.test\n250-PIPELINING\n250-AUTH PLAIN LOGIN\n250 8BITMIME',
    HELO: '250 fake.test',
    STARTTLS: '503 5.5.1 TLS is already active',
    QUIT: smtpQuit,
  },
  unknown: '502 5.5.2 Error: command not recognized',
}

export const MAIL_DEFAULTS: Record<MailProtocol, Defaults> = { imap, pop3, smtp }
