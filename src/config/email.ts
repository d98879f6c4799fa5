import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import type { EmailAdapter } from 'payload'

type Env = Record<string, string | undefined>

/**
 * SMTP when SMTP_HOST is set; otherwise undefined, and Payload writes every e-mail to the log
 * instead of sending it (development, tests, demos).
 */
export function chooseEmail(env: Env = process.env): Promise<EmailAdapter> | undefined {
  if (!env.SMTP_HOST) return undefined
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
