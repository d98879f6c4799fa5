import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { sv } from '@payloadcms/translations/languages/sv'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { apiOptionsFromEnv } from './src/config/api.js'
import { chooseDatabase, databaseCompat } from './src/config/database.js'
import { readDeployment } from './src/config/deployment.js'
import { chooseEmail } from './src/config/email.js'
import { payloadSecret } from './src/config/secret.js'
import { chooseStorage, describeStorage } from './src/config/storage.js'
import { eHalsokommun } from './src/index.js'
import { migrations } from './src/migrations/index.js'
import { seedIfEmpty } from './src/seed/index.js'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const deployment = readDeployment(process.env)
// `next build` compiles without a deployment's secrets; every start (server.mjs, the payload CLI) checks them.
if (deployment.problems.length > 0 && process.env.NEXT_PHASE !== 'phase-production-build') throw new Error(deployment.problems.join('\n'))
const database = chooseDatabase(process.env.DATABASE_URI, { migrationDir: path.resolve(dirname, 'src/migrations'), migrations }, databaseCompat(process.env.DATABASE_COMPAT))

export default buildConfig({
  secret: payloadSecret(),
  // Links in e-mails (reset password, the applicant's private links) are built from it, and only
  // pages of this origin may send the login cookie (CSRF).
  serverURL: deployment.serverURL,
  csrf: [deployment.serverURL],
  db: database.adapter,
  editor: lexicalEditor(),
  email: chooseEmail(),
  sharp,
  i18n: { supportedLanguages: { sv, en }, fallbackLanguage: 'sv' },
  admin: {
    user: 'users',
    avatar: 'default',
    dateFormat: 'd MMMM yyyy HH:mm',
    meta: { titleSuffix: ' – Sveriges eHälsokommun' },
    timezones: { defaultTimezone: 'Europe/Stockholm', supportedTimezones: [{ label: 'Stockholm', value: 'Europe/Stockholm' }] },
    importMap: { baseDir: path.resolve(dirname, 'src') },
    // The S3 storage adds this client component whenever S3_BUCKET is set at run time: it must be in
    // the import map that the build made without it.
    dependencies: { s3ClientUploadHandler: { path: '@payloadcms/storage-s3/client#S3ClientUploadHandler', type: 'component' } },
  },
  typescript: { outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  plugins: [eHalsokommun({ api: apiOptionsFromEnv(), secureCookies: deployment.secureCookies }), ...chooseStorage()],
  onInit: async (payload) => {
    payload.logger.info(`Databas / database: ${database.description}; media: ${describeStorage()}; läge / mode: ${deployment.mode}`)
    if (deployment.seedDemo) await seedIfEmpty(payload, { demoPassword: process.env.EHK_DEMO_PASSWORD })
  },
})
