// Next.js calls register() once when the server starts: initialise Payload then (migrations, the
// first-start seed and its demo logins on the console, and the jobs queue's runner) instead of on
// the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config, cron: true })
}
