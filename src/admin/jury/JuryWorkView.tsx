import type { AdminViewServerProps } from 'payload'
import { jurorProfile } from '../../access/jurorProfile.js'
import { isStaffRole, roleOf } from '../../access/roles.js'
import { ROUND_LABELS, YEAR_STATUS_LABELS, type YearStatus } from '../../domain/lifecycle.js'
import type { Lang } from '../../domain/text.js'
import { formatStockholm } from '../../domain/time.js'
import { type WorkYear, workList } from '../../jury/workList.js'
import { adminLang, ehkContext } from '../context.js'
import { ConflictButton } from './ConflictButton.js'
import { JuryPage } from './Page.js'
import { StartReviewButton } from './StartReviewButton.js'
import { juryTexts } from './texts.js'

/**
 * /admin/jury. A juror's work list: per year they sit on, the round under way, the applications
 * waiting for them (municipality and county only), their progress, and a conflict declaration that
 * never opens the application. Staff see the years with links to their jury boards.
 */
export async function JuryWorkView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const lang = adminLang(req.i18n)
  const t = juryTexts(lang)
  const ctx = ehkContext(req.payload)
  const staff = isStaffRole(roleOf(req))
  const profile = req.user && !staff ? await jurorProfile(req, ctx) : undefined
  const years = profile ? await workList(req, ctx, profile) : []
  const staffYears = staff
    ? (
        await req.payload.find({
          collection: ctx.slugs.awardYears,
          where: { status: { not_in: ['draft', 'open'] } },
          sort: '-year',
          depth: 0,
          pagination: false,
          select: { year: true, title: true, status: true },
          overrideAccess: false,
          user: req.user,
          req,
        })
      ).docs
    : []
  return (
    <JuryPage props={props} path="/jury">
      <h1>{staff ? t.staffWorkTitle : t.workTitle}</h1>
      <p>{staff ? t.staffWorkIntro : t.workIntro}</p>
      {staff ? (
        <table>
          <caption>{t.yearsTable}</caption>
          <thead>
            <tr>
              <th scope="col">{t.year}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.openBoard}</th>
            </tr>
          </thead>
          <tbody>
            {(staffYears as Array<{ id: number | string; title: string; status: YearStatus }>).map((y) => (
              <tr key={String(y.id)}>
                <th scope="row">{y.title}</th>
                <td>{YEAR_STATUS_LABELS[y.status][lang]}</td>
                <td>
                  <a href={`/admin/jury/${y.id}`}>{t.openBoard}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : years.length === 0 ? (
        <p>{t.noYears}</p>
      ) : (
        years.map((year) => <WorkYearSection key={String(year.year.id)} work={year} lang={lang} />)
      )}
    </JuryPage>
  )
}

function WorkYearSection({ work, lang }: { work: WorkYear; lang: Lang }) {
  const t = juryTexts(lang)
  const { round, progress } = work
  const roundName = ROUND_LABELS[round.round][lang]
  const open = round.window === 'open'
  const headingId = `year-${work.year.id}`
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{work.year.title}</h2>
      <p>
        {open ? (round.closesAt ? t.roundClosesAt(roundName, formatStockholm(round.closesAt, lang)) : t.roundOpenEnded(roundName)) : t.roundClosed(roundName)}{' '}
        {t.progress(progress.submitted, progress.assigned, progress.drafts, progress.conflicts)} <a href={`/admin/jury/${work.year.id}?round=${round.round}`}>{t.openBoard}</a>
      </p>
      {work.items.length === 0 ? (
        <p>{t.noApplications}</p>
      ) : (
        <table>
          <caption>{`${work.year.title}: ${roundName}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t.municipality}</th>
              <th scope="col">{t.county}</th>
              <th scope="col">{t.yourReview}</th>
              <th scope="col">{t.conflict}</th>
            </tr>
          </thead>
          <tbody>
            {work.items.map((item) => (
              <tr key={String(item.application)}>
                <th scope="row">{item.municipalityName}</th>
                <td>{item.county}</td>
                <td>
                  {item.review ? (
                    <>
                      {item.review.state === 'submitted' ? t.submitted : t.draft}{' '}
                      <a href={`/admin/collections/reviews/${item.review.id}`} aria-label={`${t.openReview}: ${item.municipalityName}`}>
                        {t.openReview}
                      </a>
                    </>
                  ) : open ? (
                    <StartReviewButton application={item.application} municipality={item.municipalityName} round={round.round} lang={lang} />
                  ) : (
                    t.notStarted
                  )}
                </td>
                <td>
                  {item.review?.state === 'submitted' ? (
                    '–'
                  ) : (
                    <ConflictButton application={item.application} municipality={item.municipalityName} round={round.round} review={item.review?.id ?? null} lang={lang} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
