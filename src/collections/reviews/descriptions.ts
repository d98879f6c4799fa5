import type { Descriptions } from '../../admin/describe.js'

/** Help texts under the review's fields in the admin. */
export const DESCRIPTIONS: Descriptions = {
  application: { sv: 'Ansökan som bedöms.', en: 'The application assessed.' },
  round: { sv: 'Urvalet (alla ansökningar) eller finalomgången (finalisterna).', en: 'Screening (every application) or the final round (the finalists).' },
  scores: { sv: 'En poäng per kriterium.', en: 'One score per criterion.' },
  'scores.criterion': { sv: 'Kriteriet som poängen gäller.', en: 'The criterion scored.' },
  'scores.score': { sv: '1 (svagt) till 5 (framstående).', en: '1 (weak) to 5 (outstanding).' },
  'scores.comment': { sv: 'Varför, för juryns samtal; syns aldrig för sökande.', en: "Why, for the jury's discussion; never shown to applicants." },
  recommendation: { sv: 'Din samlade rekommendation för omgången.', en: 'Your overall recommendation for the round.' },
  comment: { sv: 'Övergripande kommentar till juryn.', en: 'Overall comment to the jury.' },
  submittedAt: { sv: 'När bedömningen lämnades in; därefter är den låst.', en: 'When the review was submitted; it is locked from then on.' },
  history: { sv: 'Allt som har ändrats i bedömningen, av vem och när.', en: 'Everything changed in the review, by whom and when.' },
}
