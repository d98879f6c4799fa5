import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import path from 'node:path'
import type { EmailAdapter } from 'payload'
import { fileMailAdapter } from '../mail/local.js'

type Env = Record<string, string | undefined>

/** Where e-mails go without SMTP: one text file per message. */
export const MAIL_DIR = path.join('data', 'mail')

/**
 * SMTP when SMTP_HOST is set; otherwise every e-mail is written whole to a file in data/mail/
 * (development, demos), so that its links can be followed. The plugin queues both (see src/mail/outbox.ts).
 */
export function chooseEmail(env: Env = process.env): EmailAdapter | Promise<EmailAdapter> {
  if (!env.SMTP_HOST) return fileMailAdapter(MAIL_DIR)
  const port = Number(env.SMTP_PORT ?? 587)
  return nodemailerAdapter({
    defaultFromAddress: env.EMAIL_FROM ?? 'no-reply@example.org',
    defaultFromName: env.EMAIL_FROM_NAME ?? 'Sveriges eHälsokommun',
    skipVerify: env.SMTP_SKIP_VERIFY === 'true',
    transportOptions: {
      host: env.SMTP_HOST,
      port,
      secure: env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465,
      auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
    },
  })
}
