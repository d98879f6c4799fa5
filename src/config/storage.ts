// Where uploaded media live: an S3-compatible bucket when S3_BUCKET is set (AWS S3, or any
// compatible service through S3_ENDPOINT, e.g. MinIO or a Swedish cloud provider's), so that
// several app servers share them; otherwise the local disk (media/), for one server.
import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'

type Env = Record<string, string | undefined>

export function chooseStorage(env: Env = process.env, mediaSlug = 'media'): Plugin[] {
  if (!env.S3_BUCKET) return []
  return [
    s3Storage({
      // Files are still served through Payload (/api/media/file/…): its access rule and the media
      // collection's response headers (nosniff, sandbox) apply.
      collections: { [mediaSlug]: true },
      bucket: env.S3_BUCKET,
      config: {
        region: env.S3_REGION ?? 'eu-north-1',
        ...(env.S3_ENDPOINT && { endpoint: env.S3_ENDPOINT, forcePathStyle: env.S3_FORCE_PATH_STYLE !== 'false' }),
        ...(env.S3_ACCESS_KEY_ID && { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '' } }),
      },
    }),
  ]
}

/** What the start log says about it: never a key. */
export const describeStorage = (env: Env = process.env) => (env.S3_BUCKET ? `S3 (${env.S3_BUCKET})` : 'lokal disk / local disk (media/)')
