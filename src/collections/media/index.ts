import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone.js'
import { isStaff } from '../../access/isStaff.js'
import type { EhkContext } from '../../defaults.js'

/** Raster images and PDFs only: SVG can carry scripts and would be served from the CMS's own origin. */
export const MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/avif', 'application/pdf']
export const MEDIA_MAX_BYTES = 5 * 1024 * 1024

/**
 * An upload is served as what it is and nothing more: never sniffed into another type, never able
 * to run script even if opened directly (sandbox), and a PDF is downloaded rather than shown.
 */
export function withUploadHeaders(headers: Headers): Headers {
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Content-Security-Policy', "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
  if (headers.get('Content-Type')?.startsWith('application/pdf')) headers.set('Content-Disposition', 'attachment')
  return headers
}

/** Logos, juror photos and documents; public, because they illustrate public content. */
export function media(ctx: EhkContext): CollectionConfig {
  return {
    slug: ctx.slugs.media,
    labels: { singular: { sv: 'Mediafil', en: 'Media file' }, plural: { sv: 'Media', en: 'Media' } },
    admin: { group: { sv: 'Utmärkelsen', en: 'Award' } },
    access: { read: anyone, create: isStaff, update: isStaff, delete: isStaff },
    upload: {
      mimeTypes: MEDIA_TYPES,
      imageSizes: [{ name: 'thumbnail', width: 320, height: 320, position: 'centre' }],
      adminThumbnail: 'thumbnail',
      modifyResponseHeaders: ({ headers }) => withUploadHeaders(headers),
    },
    fields: [
      {
        name: 'alt',
        type: 'text',
        required: true,
        label: { sv: 'Alternativtext', en: 'Alternative text' },
        admin: { description: { sv: 'Vad bilden visar, för den som inte ser den.', en: 'What the image shows, for those who cannot see it.' } },
      },
    ],
  }
}
