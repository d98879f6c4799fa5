import type { CollectionConfig } from 'payload'
import { canReviewApplication } from '../../access/canReviewApplication.js'
import { nobody } from '../../access/nobody.js'
import { ownUnsubmittedReviews } from '../../access/ownUnsubmittedReviews.js'
import { readableReviews } from '../../access/readableReviews.js'
import { isStaffField } from '../../access/isStaff.js'
import { updatableReviews } from '../../access/updatableReviews.js'
import type { EhkContext } from '../../defaults.js'
import { instantField, historyField } from '../../lib/fields.js'
import { REVIEW_SCORE } from '../../domain/ranking.js'
import { checkReviewRules } from './hooks/checkReviewRules.js'
import { summariseScores } from './hooks/summariseScores.js'
import { titleReview } from './hooks/titleReview.js'
import { refuseSecondReview, withdrawRacingReview } from './hooks/oneReviewPerRound.js'
import { recordReviewHistory } from './hooks/recordReviewHistory.js'
import { reviewEndpoints } from '../../jury/endpoints.js'
import { describe } from '../../admin/describe.js'
import { DESCRIPTIONS } from './descriptions.js'

/** A juror's assessment of one application in one round: a score and comment per criterion. */
export function reviews(ctx: EhkContext): CollectionConfig {
  const { slugs } = ctx
  return {
    slug: slugs.reviews,
    labels: { singular: { sv: 'Bedömning', en: 'Review' }, plural: { sv: 'Bedömningar', en: 'Reviews' } },
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'round', 'recommendation', 'submitted'], group: { sv: 'Juryarbete', en: 'Jury work' } },
    access: { read: readableReviews(ctx), create: canReviewApplication(ctx), update: updatableReviews(ctx), delete: ownUnsubmittedReviews(ctx) },
    indexes: [{ fields: ['juror', 'application', 'round'], unique: true }],
    endpoints: reviewEndpoints(ctx),
    hooks: {
      beforeChange: [checkReviewRules(ctx), refuseSecondReview(ctx), titleReview(ctx)],
      afterChange: [withdrawRacingReview(ctx), summariseScores(ctx), recordReviewHistory(ctx)],
      afterDelete: [summariseScores(ctx)],
    },
    fields: describe(
      [
        {
          name: 'title',
          type: 'text',
          label: { sv: 'Bedömning', en: 'Review' },
          // Written by the server (titleReview) from the juror, the application and the round.
          access: { create: nobody, update: nobody },
          admin: { hidden: true },
        },
        {
          type: 'row',
          fields: [
            { name: 'application', type: 'relationship', relationTo: slugs.applications, required: true, index: true, label: { sv: 'Ansökan', en: 'Application' }, access: { update: nobody } },
            {
              name: 'juror',
              type: 'relationship',
              relationTo: slugs.jurors,
              required: true,
              label: { sv: 'Jurymedlem', en: 'Juror' },
              access: { update: nobody },
              admin: { description: { sv: 'Fylls i automatiskt för jurymedlemmar.', en: 'Filled in automatically for jurors.' } },
            },
            {
              name: 'round',
              type: 'select',
              required: true,
              defaultValue: 'screening',
              label: { sv: 'Omgång', en: 'Round' },
              options: [
                { value: 'screening', label: { sv: 'Gallring', en: 'Screening' } },
                { value: 'final', label: { sv: 'Final', en: 'Final' } },
              ],
              access: { update: nobody },
            },
          ],
        },
        {
          name: 'conflictOfInterest',
          type: 'checkbox',
          label: { sv: 'Jag har en intressekonflikt (jäv) och avstår', en: 'I have a conflict of interest and abstain' },
          admin: {
            description: {
              sv: 'Ansökan döljs då för dig. Ett anmält jäv kan bara hävas av personal.',
              en: 'The application is then hidden from you. A declared conflict can only be lifted by staff.',
            },
          },
        },
        {
          name: 'conflictLiftReason',
          type: 'textarea',
          label: { sv: 'Skäl till att jävet hävs', en: 'Reason for lifting the conflict' },
          access: { read: isStaffField, create: () => false, update: isStaffField },
          admin: { description: { sv: 'Krävs för att häva ett jäv.', en: 'Required to lift a conflict.' } },
        },
        {
          name: 'conflictNote',
          type: 'textarea',
          label: { sv: 'Skäl till jävet', en: 'Reason for the conflict' },
          admin: { condition: (_, sibling) => Boolean(sibling?.conflictOfInterest), description: { sv: 'Krävs när du anmäler jäv.', en: 'Required when you declare a conflict.' } },
        },
        {
          name: 'scores',
          type: 'array',
          label: { sv: 'Poäng per område', en: 'Score per area' },
          labels: { singular: { sv: 'Poäng', en: 'Score' }, plural: { sv: 'Poäng', en: 'Scores' } },
          admin: { condition: (_, sibling) => !sibling?.conflictOfInterest },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'criterion', type: 'relationship', relationTo: slugs.criteria, required: true, label: { sv: 'Område', en: 'Area' } },
                { name: 'score', type: 'number', required: true, ...REVIEW_SCORE, label: { sv: 'Poäng (1–5)', en: 'Score (1–5)' } },
              ],
            },
            { name: 'comment', type: 'textarea', label: { sv: 'Kommentar', en: 'Comment' } },
          ],
        },
        {
          name: 'recommendation',
          type: 'select',
          label: { sv: 'Rekommendation', en: 'Recommendation' },
          admin: { condition: (_, sibling) => !sibling?.conflictOfInterest },
          options: [
            { value: 'advance', label: { sv: 'Gå vidare', en: 'Advance' } },
            { value: 'consider', label: { sv: 'Tveksam', en: 'Undecided' } },
            { value: 'decline', label: { sv: 'Gå inte vidare', en: 'Do not advance' } },
          ],
        },
        { name: 'comment', type: 'textarea', label: { sv: 'Sammanfattande kommentar', en: 'Overall comment' } },
        {
          type: 'row',
          fields: [
            {
              name: 'submitted',
              type: 'checkbox',
              label: { sv: 'Skicka in bedömningen', en: 'Submit the review' },
              admin: {
                description: {
                  sv: 'Först då ser du andras bedömningar. En inskickad bedömning är slutgiltig; personal kan öppna den igen.',
                  en: "Only then do you see other jurors' reviews. A submitted review is final; staff can reopen it.",
                },
              },
            },
            instantField('submittedAt', { label: { sv: 'Inskickad', en: 'Submitted' }, access: { create: nobody, update: nobody }, admin: { readOnly: true } }),
          ],
        },
        {
          name: 'reopenReason',
          type: 'textarea',
          label: { sv: 'Skäl till att bedömningen öppnas igen', en: 'Reason for reopening the review' },
          access: { read: isStaffField, create: () => false, update: isStaffField },
          admin: { description: { sv: 'Krävs för att öppna en inskickad bedömning.', en: 'Required to reopen a submitted review.' } },
        },
        historyField(slugs.history),
      ],
      DESCRIPTIONS,
    ),
  }
}
