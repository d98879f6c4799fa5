// The texts the widgets share, and the shape of every widget's own: Swedish first, English second,
// typed so that a text missing in one language does not build. Each widget keeps its own texts
// beside it, so that a page loads only the texts of the widgets it shows, and only in its language.
// The rules' own messages (validation) come from the shared domain module, in both languages.
export type Lang = 'sv' | 'en'

/** A widget's texts in both languages, the English ones typed by the Swedish. */
export type Texts<T> = { sv: T; en: T }

/**
 * A widget's own texts: Swedish in the bundle (the default language), English fetched only by a
 * page that asks for it (lang="en") before the widget shows anything.
 */
export interface Translations<T> {
  load(lang: Lang): Promise<unknown>
  get(lang: Lang): T
}

export function translations<T>(sv: T, loadEn: () => Promise<{ en: T }>): Translations<T> {
  let en: T | undefined
  return {
    load: async (lang) => lang === 'en' && (en ??= (await loadEn()).en),
    get: (lang) => (lang === 'en' && en) || sv,
  }
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Loading and its failure, shown by every widget. */
export const common: Texts<{ loading: string; loadFailed: string; retry: string }> = {
  sv: {
    loading: 'Laddar …',
    loadFailed: 'Uppgifterna kunde inte hämtas.',
    retry: 'Försök igen',
  },
  en: {
    loading: 'Loading …',
    loadFailed: 'The information could not be loaded.',
    retry: 'Try again',
  },
}
