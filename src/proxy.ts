import { type NextRequest, NextResponse } from 'next/server'
import { contentSecurityPolicy } from './config/headers.js'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin's pages:
 * - a Content-Security-Policy with a fresh nonce, which Next.js puts on its own inline scripts;
 * - Swedish unless the person has chosen English (Payload keeps that choice in its language cookie;
 *   without this, Payload would follow the browser's Accept-Language first).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID())
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development' })
  const headers = new Headers(request.headers)
  headers.set('x-nonce', nonce)
  headers.set('Content-Security-Policy', policy)
  const chooseSwedish = !request.cookies.has(LANGUAGE_COOKIE)
  if (chooseSwedish) headers.set('cookie', [request.headers.get('cookie'), `${LANGUAGE_COOKIE}=sv`].filter(Boolean).join('; '))
  const response = NextResponse.next({ request: { headers } })
  response.headers.set('Content-Security-Policy', policy)
  if (chooseSwedish) response.cookies.set(LANGUAGE_COOKIE, 'sv', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin', '/admin/:path*'] }
