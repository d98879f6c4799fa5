// E-mail without a mail server (development, demos, tests): written whole, so that a newcomer can
// follow every link in it.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { EmailAdapter, SendEmailOptions } from 'payload'

const FROM = { address: 'no-reply@example.org', name: 'Sveriges eHälsokommun' }

const list = (value: SendEmailOptions['to']) =>
  (Array.isArray(value) ? value : [value])
    .filter(Boolean)
    .map((v) => (typeof v === 'string' ? v : v!.address))
    .join(', ')

/** The whole message as text: recipients, subject and body with its links. */
export function describeMail(message: SendEmailOptions, from = FROM): string {
  const sender = typeof message.from === 'string' ? message.from : message.from ? message.from.address : `${from.name} <${from.address}>`
  return [`Från / From: ${sender}`, `Till / To: ${list(message.to)}`, `Ämne / Subject: ${message.subject ?? ''}`, '', String(message.text ?? message.html ?? '')].join('\n')
}

/** Writes every message to the log. */
export const logMailAdapter: EmailAdapter = ({ payload }) => ({
  name: 'log',
  defaultFromAddress: FROM.address,
  defaultFromName: FROM.name,
  sendEmail: async (message) => {
    payload.logger.info(`E-post (skickas inte) / e-mail (not sent):\n${describeMail(message)}`)
  },
})

/** Writes every message to a text file in `dir` (one per message) and says where in the log. */
export function fileMailAdapter(dir: string): EmailAdapter {
  return ({ payload }) => ({
    name: 'file',
    defaultFromAddress: FROM.address,
    defaultFromName: FROM.name,
    sendEmail: async (message) => {
      mkdirSync(dir, { recursive: true })
      const slug = String(message.subject ?? 'mail')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\w]+/g, '-')
        .slice(0, 60)
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${slug}.txt`)
      writeFileSync(file, describeMail(message), { mode: 0o600 })
      payload.logger.info(`E-post sparad / e-mail saved: ${file} (till / to: ${list(message.to)}, ${message.subject ?? ''})`)
    },
  })
}
