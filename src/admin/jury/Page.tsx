import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation.js'
import type { AdminViewServerProps } from 'payload'
import type { ReactNode } from 'react'
import './jury.css'

/**
 * The admin's frame (navigation, header) around a jury view, for logged-in people only: anyone else
 * is sent to the login and back.
 */
export function JuryPage({ props, path, children }: { props: AdminViewServerProps; path: string; children: ReactNode }) {
  const { initPageResult, params, searchParams } = props
  const { req, visibleEntities, permissions, locale } = initPageResult
  if (!req.user) redirect(`/admin/login?redirect=${encodeURIComponent(`/admin${path}`)}`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter className="ehk-jury">{children}</Gutter>
    </DefaultTemplate>
  )
}

/** The path segments after /admin, e.g. ['jury', '3']. */
export const segmentsOf = (props: AdminViewServerProps): string[] => {
  const segments = props.params?.segments
  return Array.isArray(segments) ? segments : typeof segments === 'string' ? [segments] : []
}
