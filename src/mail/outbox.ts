// Every e-mail the app sends, Payload's own included, goes through the jobs queue: the request that
// sends it never waits for (or learns anything from) the mail server, and a mail server that is
// down is retried with backoff, also across restarts. The queued message is encrypted with the
// app's secret, because it may carry a private link.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import type { EmailAdapter, Payload, SendEmailOptions, TaskConfig } from 'payload'
import { type Clock, systemClock } from '../domain/time.js'

export const MAIL_TASK = 'ehk-send-mail'
export const MAIL_QUEUE = 'ehk-mail'

/** The parts of a message that are kept; nothing else (such as a request object) is queued. */
type Message = Pick<SendEmailOptions, 'from' | 'to' | 'cc' | 'bcc' | 'replyTo' | 'subject' | 'text' | 'html'>
const KEPT: ReadonlyArray<keyof Message> = ['from', 'to', 'cc', 'bcc', 'replyTo', 'subject', 'text', 'html']

/** The adapter that actually delivers, per Payload instance (the outbox wraps it). */
const transports = new WeakMap<Payload, ReturnType<EmailAdapter>>()

/** The name of the adapter that actually delivers (behind the outbox), e.g. "nodemailer" or "file". */
export const deliveringAdapter = (payload: Payload): string => String(transports.get(payload)?.name ?? payload.email?.name ?? 'console')

const keyOf = (payload: Payload) => createHash('sha256').update(`ehk-mail:${payload.secret}`).digest()

export function seal(payload: Payload, message: Message): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyOf(payload), iv)
  const data = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.')
}

export function unseal(payload: Payload, sealed: string): Message {
  const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  const decipher = createDecipheriv('aes-256-gcm', keyOf(payload), iv!)
  decipher.setAuthTag(tag!)
  return JSON.parse(Buffer.concat([decipher.update(data!), decipher.final()]).toString('utf8')) as Message
}

/** Sends this process has started and not yet finished, per Payload instance. */
const sending = new WeakMap<Payload, Set<Promise<unknown>>>()

function track(payload: Payload, send: Promise<unknown>) {
  const pending = sending.get(payload) ?? new Set()
  sending.set(payload, pending)
  pending.add(send)
  void send.finally(() => pending.delete(send))
}

/**
 * Resolves when this process has nothing left to send: every send it started has ended (delivered,
 * or failed and left to the queue's retries), and the mail queue has no message due by the
 * plugin's clock (Payload's own runner, payload.jobs.run). For a graceful stop, and for tests
 * that check what was sent without waiting for quiet.
 */
export async function drainOutbox(payload: Payload): Promise<void> {
  for (;;) {
    const pending = sending.get(payload)
    if (pending?.size) {
      await Promise.allSettled([...pending])
      continue
    }
    const { noJobsRemaining } = await payload.jobs.run({ queue: MAIL_QUEUE, limit: 100, silent: true })
    if (noJobsRemaining && !sending.get(payload)?.size) return
  }
}

/** When the queue's own runner may pick a message up if the immediate attempt never happened (a crash). */
const FALLBACK_DELAY_MS = 30_000

/**
 * Wraps an e-mail adapter: `sendEmail` queues the message and starts sending it at once without
 * waiting; the task below delivers it through the wrapped adapter. `now` is the clock the jobs
 * queue runs by (the plugin's).
 */
export async function outbox(inner: EmailAdapter | Promise<EmailAdapter>, now: Clock = systemClock): Promise<EmailAdapter> {
  const deliver = await inner
  return ({ payload }) => {
    const transport = deliver({ payload })
    transports.set(payload, transport)
    return {
      name: `outbox (${transport.name})`,
      defaultFromAddress: transport.defaultFromAddress,
      defaultFromName: transport.defaultFromName,
      sendEmail: async (options) => {
        const message = Object.fromEntries(KEPT.filter((key) => options[key] !== undefined).map((key) => [key, options[key]])) as Message
        // The queue's runner leaves it alone for a while: this request's own attempt comes first,
        // so that one message is never sent by two runners at once.
        const job = await payload.jobs.queue({
          task: MAIL_TASK,
          queue: MAIL_QUEUE,
          input: { sealed: seal(payload, message) },
          waitUntil: new Date(now().getTime() + FALLBACK_DELAY_MS),
        })
        track(
          payload,
          payload.jobs.runByID({ id: job.id, silent: true }).catch((err: unknown) => payload.logger.error({ err, msg: 'ehk: e-mail job failed to start' })),
        )
        return { queued: job.id }
      },
    }
  }
}

export const sendMailTask: TaskConfig = {
  slug: MAIL_TASK,
  label: 'Skicka e-post / send e-mail',
  inputSchema: [{ name: 'sealed', type: 'text', required: true }],
  // About 8 hours in all: 1, 2, 4 … 128 minutes.
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 60_000 } },
  handler: async ({ input, req }) => {
    const transport = transports.get(req.payload)
    if (!transport) throw new Error('ehk: the e-mail outbox has no adapter')
    await transport.sendEmail(unseal(req.payload, (input as { sealed: string }).sealed))
    return { output: {} }
  },
}
