import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the juror's fields in the admin. */
export const DESCRIPTIONS: Descriptions = {
  name: { sv: 'För- och efternamn, som det visas offentligt.', en: 'First and last name, as shown publicly.' },
  title: { sv: 'Befattning, visas offentligt.', en: 'Position, shown publicly.' },
  organisation: { sv: 'Organisationen juryledamoten företräder.', en: 'The organisation the juror represents.' },
  photo: { sv: 'Porträtt som <ehk-jury> visar; valfritt.', en: 'Portrait shown by <ehk-jury>; optional.' },
  bio: { sv: 'Några meningar om juryledamoten, visas offentligt.', en: 'A few sentences about the juror, shown publicly.' },
  years: { sv: 'De år juryledamoten bedömer. Offentlig först när året är publicerat.', en: 'The years the juror assesses. Public only once the year is published.' },
  'ties.municipality': { sv: 'Kommunen juryledamoten har en koppling till; räknas som jäv.', en: 'The municipality the juror is tied to; counts as a conflict of interest.' },
  'ties.kind': { sv: 'Vilken sorts koppling.', en: 'What kind of tie.' },
  history: { sv: 'Allt som har ändrats i profilen, av vem och när.', en: 'Everything changed in the profile, by whom and when.' },
}
