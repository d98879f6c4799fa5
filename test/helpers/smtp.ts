// A real SMTP server on loopback that keeps every message it receives, parsed.
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface Mailbox {
  messages: ParsedMail[]
  /** Payload's e-mail adapter, sending to this server. */
  adapter: ReturnType<typeof nodemailerAdapter>
  /** Resolves when at least `count` messages have arrived. */
  waitFor: (count: number) => Promise<ParsedMail[]>
  close: () => Promise<void>
}

export async function startSmtp(): Promise<Mailbox> {
  const messages: ParsedMail[] = []
  const waiting: Array<() => void> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail)
          waiting.splice(0).forEach((wake) => wake())
          done()
        })
        .catch(done)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  const waitFor = async (count: number) => {
    while (messages.length < count) await new Promise<void>((wake) => waiting.push(wake))
    return messages
  }
  return {
    messages,
    adapter: nodemailerAdapter({
      defaultFromAddress: 'no-reply@example.org',
      defaultFromName: 'Sveriges eHälsokommun',
      transportOptions: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    }),
    waitFor,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
