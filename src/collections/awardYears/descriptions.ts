import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the award year's fields in the admin. */
export const DESCRIPTIONS: Descriptions = {
  year: { sv: 'Året som utmärkelsen delas ut, t.ex. 2027. Ett år per utmärkelse.', en: 'The year the award is given, e.g. 2027. One per award.' },
  status: {
    sv: 'Var året står: utkast (syns inte), öppen, stängd, finalister, vinnare beslutad, tillkännagiven. Ett steg i taget; tillkännagivandet är slutgiltigt.',
    en: 'Where the year stands: draft (not shown), open, closed, finalists, winner decided, announced. One step at a time; the announcement is final.',
  },
  title: { sv: 'Namnet som visas i widgetar och e-post, t.ex. "Sveriges eHälsokommun 2027".', en: 'The name shown in the widgets and e-mails, e.g. "Sveriges eHälsokommun 2027".' },
  opensAt: {
    sv: 'När formuläret börjar ta emot ansökningar (svensk tid). Tomt: så snart året är öppet.',
    en: 'When the form starts taking applications (Swedish time). Empty: as soon as the year is open.',
  },
  finalistsAt: { sv: 'När finalisterna utses: juryns första omgång pågår fram till dess.', en: "When the finalists are selected: the jury's first round runs until then." },
  ceremonyAt: { sv: 'Prisutdelningen, som den visas för allmänheten.', en: 'The award ceremony, as shown to the public.' },
  timeline: { sv: 'Hålltiderna som widgeten <ehk-timeline> visar, i tidsordning.', en: 'The timeline the <ehk-timeline> widget shows, in order.' },
  'timeline.startsOn': { sv: 'Första dagen.', en: 'The first day.' },
  'timeline.endsOn': { sv: 'Sista dagen, om det pågår mer än en dag.', en: 'The last day, if it lasts more than one day.' },
  'timeline.description': { sv: 'Vad som händer, kort: "Ansökan öppnar".', en: 'What happens, briefly: "Applications open".' },
  characterLimit: {
    sv: 'Högsta antal tecken i alla svar tillsammans, räknade som läsaren ser dem (en emoji är ett tecken).',
    en: 'The most characters in all answers together, counted as a reader sees them (an emoji is one character).',
  },
  assessmentFocus: { sv: 'Vad juryn särskilt ser till i år ("inriktning"); visas av <ehk-criteria>.', en: 'What the jury looks for in particular this year; shown by <ehk-criteria>.' },
  partners: { sv: 'Arrangörer och samarbetspartner som visas med året, i den här ordningen.', en: 'Organisers and partners shown with the year, in this order.' },
  contact: { sv: 'Vem sökande kan fråga. Visas offentligt.', en: 'Whom applicants can ask. Shown publicly.' },
  'contact.title': { sv: 'Namn eller funktion, t.ex. "Vitalis kansli".', en: 'Name or role, e.g. "Vitalis office".' },
  'contact.email': { sv: 'Får också personalens aviseringar om året.', en: "Also receives the staff's notices about the year." },
  'contact.phone': { sv: 'Valfritt.', en: 'Optional.' },
  juryMotivation: { sv: 'Juryns motivering; offentlig först när vinnaren tillkännages.', en: "The jury's motivation; public only once the winner is announced." },
  successFactors: { sv: 'Vinnarens framgångsfaktorer; offentliga först vid tillkännagivandet.', en: "The winner's success factors; public only at the announcement." },
  'successFactors.text': { sv: 'En framgångsfaktor, en mening.', en: 'One success factor, one sentence.' },
  history: { sv: 'Allt som har ändrats i året, av vem och när.', en: 'Everything changed in the year, by whom and when.' },
}
