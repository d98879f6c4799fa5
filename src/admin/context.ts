import type { Payload } from 'payload'
import type { EhkContext } from '../defaults.js'
import type { Lang } from '../domain/text.js'

/** The plugin's resolved options, as the admin's server components find them. */
export const ehkContext = (payload: Payload): EhkContext => payload.config.custom.eHalsokommun as EhkContext

/** The admin's language: Swedish unless the person chose English. */
export const adminLang = (i18n: { language?: string } | undefined): Lang => (i18n?.language === 'en' ? 'en' : 'sv')
