import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the partner's fields in the admin. */
export const DESCRIPTIONS: Descriptions = {
  name: { sv: 'Organisationens namn som det ska stå.', en: "The organisation's name as it should read." },
  shortName: { sv: 'Förkortning, t.ex. "SKR".', en: 'Abbreviation, e.g. "SKR".' },
  role: { sv: 'Arrangör eller samarbetspartner; visas med namnet.', en: 'Organiser or partner; shown with the name.' },
  website: { sv: 'Webbplatsen som namnet länkar till; måste börja med https://.', en: 'The website the name links to; must start with https://.' },
  logo: { sv: 'Visas av <ehk-jury>; alternativtexten anges på bilden.', en: 'Shown by <ehk-jury>; the alternative text is set on the image.' },
  'allowedOrigins.origin': {
    sv: 'Ett ursprung, t.ex. https://www.exempel.se: schema och värd, utan sökväg.',
    en: 'One origin, e.g. https://www.example.se: scheme and host, no path.',
  },
}
