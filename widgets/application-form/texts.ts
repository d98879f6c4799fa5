// The application form's texts in Swedish; the English ones are in texts.en.ts.
import { plural, translations } from '../shared/i18n.js'

const sv = {
  municipality: 'Kommun',
  chooseMunicipality: 'Välj kommun',
  contact: 'Kontaktperson',
  name: 'Namn',
  role: 'Roll (valfritt)',
  email: 'E-post',
  phone: 'Telefon (valfritt)',
  questions: 'Frågor att utgå från:',
  count: (n: number, limit: number) => `${n.toLocaleString('sv-SE')} av ${limit.toLocaleString('sv-SE')} tecken`,
  remaining: (n: number) => (n >= 0 ? `Du har ${n.toLocaleString('sv-SE')} tecken kvar.` : `Du har ${(-n).toLocaleString('sv-SE')} tecken för mycket.`),
  submit: 'Skicka ansökan',
  save: 'Spara ändringarna',
  sending: 'Skickar …',
  draftKept: 'Svaren sparas i webbläsaren tills ansökan är skickad, kontaktuppgifterna bara medan fliken är öppen.',
  problems: 'Ansökan behöver rättas',
  network: 'Servern svarar inte. Texten är sparad i webbläsaren; försök igen.',
  rateLimited: (s: number) => `För många försök. Vänta ${plural(Math.ceil(s / 60), 'minut', 'minuter')} och försök igen.`,
  receivedTitle: 'Nästan klart: bekräfta ansökan',
  received: (email: string, until: string) =>
    `Ansökan är mottagen men räknas först när den är bekräftad. Vi har skickat en länk till ${email}. Öppna den senast ${until}; därefter kan ni också ändra ansökan via den.`,
  saved: 'Ändringarna är sparade.',
  reference: 'Referensnummer',
  withdraw: 'Återkalla ansökan',
  withdrawAsk: 'Vill ni återkalla ansökan? Den bedöms då inte, och det går inte att ångra här.',
  withdrawYes: 'Ja, återkalla',
  withdrawNo: 'Nej, behåll den',
  withdrawn: 'Ansökan är återkallad.',
  readOnly: 'Ansökan kan inte längre ändras.',
  lostLink: 'Har ni redan ansökt och tappat länken?',
  lostLinkHelp: 'Ange kommunen och kontaktpersonens e-postadress, så skickar vi länken dit igen.',
  sendLink: 'Skicka länken',
  questionsTitle: 'Juryns kompletterande frågor',
  questionsIntro: 'Ni är finalist. Juryn vill veta mer: svara på frågorna nedan. Ni kan ändra svaren fram till svarsdatumet.',
  answerBy: (when: string) => `Svara senast ${when}.`,
  answerCount: (n: number, limit: number) => `${n.toLocaleString('sv-SE')} av ${limit.toLocaleString('sv-SE')} tecken`,
  answered: (when: string) => `Besvarad ${when}.`,
  closedQuestion: 'Tiden för att svara har gått ut.',
  noAnswer: 'Inget svar lämnades.',
  saveAnswers: 'Skicka svaren',
  answersSaved: 'Svaren är sparade och juryn kan läsa dem.',
}

export type FormTexts = typeof sv

export const formTexts = translations<FormTexts>(sv, () => import('./texts.en.js'))
