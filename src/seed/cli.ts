// `npm run seed`: loads the demo content into the configured database (idempotent).
import config from '@payload-config'
import { getPayload } from 'payload'
import { logAccounts, seedDemoContent } from './index.js'

const payload = await getPayload({ config })
const result = await seedDemoContent(payload, { demoPassword: process.env.EHK_DEMO_PASSWORD })
payload.logger.info(`Demoinnehåll: ${result.created} nya dokument / demo content: ${result.created} new documents.`)
logAccounts(payload, result.accounts)
process.exit(0)
