// A real SMTP server on loopback that keeps every message it receives, parsed.
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { type ParsedMail, simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { drainOutbox } from '../../src/mail/outbox.js'

export interface Mailbox {
  messages: ParsedMail[]
  /** The app's settings for sending here, for an app started as a process of its own. */
  env: Record<string, string>
  /** Payload's e-mail adapter, sending to this server. */
  adapter: ReturnType<typeof nodemailerAdapter>
  /** Resolves when at least `count` messages have arrived. */
  waitFor: (count: number) => Promise<ParsedMail[]>
  /** The first message (after `since`) to this address whose subject matches; fails after `timeoutMs`. */
  next: (to: string, subject: RegExp, options?: { since?: number; timeoutMs?: number }) => Promise<ParsedMail>
  /**
   * Messages to this address that arrived after `since`, once the given app instances (those
   * sending here, in this process) have nothing left to send: no waiting for quiet.
   */
  settled: (to: string, since: number, senders: Payload | Payload[]) => Promise<ParsedMail[]>
  /** Refuse every message from now on (a mail server that is down), or accept them again. */
  refuse: (refusing: boolean) => void
  close: () => Promise<void>
}

export const recipients = (mail: ParsedMail): string =>
  [mail.to]
    .flat()
    .map((to) => (to && 'text' in to ? to.text : ''))
    .join(', ')

export async function startSmtp(): Promise<Mailbox> {
  const messages: ParsedMail[] = []
  const waiting: Array<() => void> = []
  let refusing = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      if (refusing) {
        stream.resume()
        stream.on('end', () => done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 451 })))
        return
      }
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
  const arrival = (timeoutMs: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      waiting.push(() => (clearTimeout(timer), resolve()))
    })
  const waitFor = async (count: number) => {
    while (messages.length < count) await arrival(60_000)
    return messages
  }
  const next: Mailbox['next'] = async (to, subject, { since = 0, timeoutMs = 15_000 } = {}) => {
    const until = Date.now() + timeoutMs
    for (;;) {
      const found = messages.slice(since).find((m) => recipients(m).includes(to) && subject.test(m.subject ?? ''))
      if (found) return found
      if (Date.now() > until)
        throw new Error(
          `No e-mail to ${to} matching ${subject} within ${timeoutMs} ms (got: ${messages
            .slice(since)
            .map((m) => `${recipients(m)}: ${m.subject}`)
            .join('; ')})`,
        )
      await arrival(until - Date.now())
    }
  }
  const settled: Mailbox['settled'] = async (to, since, senders) => {
    await Promise.all([senders].flat().map(drainOutbox))
    return messages.slice(since).filter((m) => recipients(m).includes(to))
  }
  return {
    messages,
    env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', SMTP_SKIP_VERIFY: 'true' },
    adapter: nodemailerAdapter({
      defaultFromAddress: 'no-reply@example.org',
      defaultFromName: 'Sveriges eHälsokommun',
      transportOptions: { host: '127.0.0.1', port, secure: false, ignoreTLS: true },
    }),
    waitFor,
    next,
    settled,
    refuse: (value) => {
      refusing = value
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
