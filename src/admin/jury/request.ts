// The jury views' writes, from the browser to the CMS's own API with the login cookie.

export interface Outcome {
  ok: boolean
  body: Record<string, unknown>
  /** The first message of a refusal, and one per field where the API gives them. */
  message: string
  errors: Record<string, string>
}

type PayloadError = { message?: string; data?: { errors?: Array<{ path?: string; message?: string }> } }

export async function send(url: string, method: 'POST' | 'PATCH', body: unknown, failed: string): Promise<Outcome> {
  try {
    const response = await fetch(url, { method, credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>
    if (response.ok) return { ok: true, body: answer, message: '', errors: {} }
    // Our endpoints answer { message, errors: { path: message } }; Payload's own { errors: [{ message, data: { errors } }] }.
    const own = answer.errors && !Array.isArray(answer.errors) ? (answer.errors as Record<string, string>) : {}
    const payloadErrors = Array.isArray(answer.errors) ? (answer.errors as PayloadError[]) : []
    const fields = payloadErrors.flatMap((e) => e.data?.errors ?? [])
    const errors = { ...own, ...Object.fromEntries(fields.filter((f) => f.path && f.message).map((f) => [f.path!, f.message!])) }
    const message = (typeof answer.message === 'string' && answer.message) || fields[0]?.message || payloadErrors[0]?.message || failed
    return { ok: false, body: answer, message, errors }
  } catch {
    return { ok: false, body: {}, message: failed, errors: {} }
  }
}
