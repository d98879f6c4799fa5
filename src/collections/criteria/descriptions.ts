import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the criterion's fields in the admin. */
export const DESCRIPTIONS: Descriptions = {
  title: { sv: 'Kriteriets namn, t.ex. "Ledning och styrning".', en: 'The name of the criterion, e.g. "Leadership and governance".' },
  order: { sv: 'Plats i formuläret och i juryns bedömning: lägst först.', en: "Place in the form and in the jury's assessment: lowest first." },
  description: { sv: 'Vad kriteriet handlar om, för sökande och jury.', en: 'What the criterion is about, for applicants and jurors.' },
  guidingQuestions: {
    sv: 'Frågorna som sökande besvarar under kriteriet; juryn ser dem bredvid svaret.',
    en: 'The questions applicants answer under the criterion; jurors see them beside the answer.',
  },
  'guidingQuestions.question': { sv: 'En fråga, som en hel mening.', en: 'One question, as a whole sentence.' },
}
