import { type NextRequest, NextResponse } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin speaks Swedish unless the person has chosen English (Payload keeps that choice in its
 * language cookie). Without this, Payload would follow the browser's Accept-Language first.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, 'sv')
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, 'sv', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin/:path*'] }
