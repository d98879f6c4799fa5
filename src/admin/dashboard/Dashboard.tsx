import { createLocalReq, type Payload, type TypedUser } from 'payload'
import { dashboardFor, type StaffDashboard } from '../../dashboard/data.js'
import { ROUND_LABELS, YEAR_STATUS_LABELS } from '../../domain/lifecycle.js'
import type { Lang } from '../../domain/text.js'
import { formatStockholm, timeLeft } from '../../domain/time.js'
import type { Health } from '../../api/health.js'
import { adminLang, ehkContext } from '../context.js'
import { type DashboardTexts, dashboardTexts } from './texts.js'
import '../jury/jury.css'
import { NumHead } from '../jury/NumHead.js'

/**
 * The admin's start page, above Payload's collection cards: what the person needs to know and do
 * now (see src/dashboard/data.ts), read with their own access.
 */
export async function Dashboard({ payload, user, i18n }: { payload: Payload; user?: TypedUser | null; i18n?: { language?: string } }) {
  if (!user) return null
  const lang = adminLang(i18n)
  const t = dashboardTexts(lang)
  const req = await createLocalReq({ user }, payload)
  const data = await dashboardFor(req, ehkContext(payload))
  return (
    <div className="ehk-jury ehk-dashboard">
      {data.staff ? <StaffView data={data.staff} lang={lang} t={t} now={ehkContext(payload).now()} /> : null}
      {data.work ? (
        <section aria-labelledby="ehk-work">
          <h2 id="ehk-work">{t.yourWork}</h2>
          {data.work.length === 0 ? (
            <p>{t.noWork}</p>
          ) : (
            <ul>
              {data.work.map((w) => (
                <li key={String(w.year.id)}>
                  <strong>{w.year.title}</strong>: {t.waiting(w.progress.left, ROUND_LABELS[w.round.round][lang])}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a className="ehk-button" href="/admin/jury">
              {t.openWork}
            </a>
          </p>
        </section>
      ) : null}
      {data.health ? <HealthView health={data.health} t={t} /> : null}
    </div>
  )
}

function StaffView({ data, lang, t, now }: { data: StaffDashboard; lang: Lang; t: DashboardTexts; now: Date }) {
  if (!data.year) return <p>{t.noYear}</p>
  const { year, applications, rounds, actions } = data
  const left = year.next ? timeLeft(year.next.at, now) : undefined
  return (
    <>
      <section aria-labelledby="ehk-overview">
        <h2 id="ehk-overview">
          {t.overview}: {year.title}
        </h2>
        <p>
          {t.status}: <strong>{YEAR_STATUS_LABELS[year.status][lang]}</strong>
          {year.next && left ? (
            <>
              . {t.next}: {year.next.label[lang]}, {formatStockholm(year.next.at, lang)} ({t.left(left.days, left.hours)}).
            </>
          ) : null}
        </p>
        <h3>{t.todo}</h3>
        {actions.length === 0 ? (
          <p>{t.nothingToDo}</p>
        ) : (
          <ul className="ehk-actions" role="list">
            {actions.map((a) => (
              <li key={a.href}>
                <a className="ehk-button" href={a.href}>
                  {a.label[lang]}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ehk-applications">
        <h2 id="ehk-applications">{t.applications}</h2>
        <dl className="ehk-figures">
          <div>
            <dt>{t.confirmed}</dt>
            <dd>{applications.confirmed}</dd>
          </div>
          <div>
            <dt>{t.unconfirmed}</dt>
            <dd>{applications.unconfirmed}</dd>
          </div>
          <div>
            <dt>{t.competing}</dt>
            <dd>{applications.competing}</dd>
          </div>
        </dl>
        {applications.confirmed === 0 ? null : (
          <>
            <WeekChart weeks={applications.perWeek} t={t} />
            <div className="ehk-columns">
              <Tally caption={t.byCounty} head={t.county} rows={applications.byCounty.map((c) => [c.county, c.count])} t={t} />
              <Tally caption={t.byPartner} head={t.site} rows={applications.byPartner.map((p) => [p.partner[lang], p.count])} t={t} />
            </div>
          </>
        )}
      </section>
      {rounds.length > 0 ? (
        <section aria-labelledby="ehk-jury-progress">
          <h2 id="ehk-jury-progress">{t.jury}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.round}</th>
                <th scope="col">{t.state}</th>
                <NumHead>{t.reviews}</NumHead>
                <NumHead>{t.jurorsDone}</NumHead>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.state.round}>
                  <th scope="row">{ROUND_LABELS[r.state.round][lang]}</th>
                  <td>{t.windows[r.state.window]}</td>
                  <td className="ehk-num">
                    {r.submitted} / {r.assigned}
                  </td>
                  <td className="ehk-num">
                    {r.jurorsDone} / {r.jurors}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  )
}

/** Bars per week; the numbers are in the image's text alternative. */
function WeekChart({ weeks, t }: { weeks: StaffDashboard['applications']['perWeek']; t: DashboardTexts }) {
  const max = Math.max(...weeks.map((w) => w.count))
  const bar = 14
  const height = 48
  return (
    <figure className="ehk-chart">
      <figcaption>{t.perWeek}</figcaption>
      <svg width={weeks.length * (bar + 4)} height={height} viewBox={`0 0 ${weeks.length * (bar + 4)} ${height}`} role="img" aria-label={t.chart(weeks.map((w) => t.week(w.week, w.count)).join('; '))}>
        {weeks.map((w, i) => {
          const h = Math.max(2, Math.round((w.count / max) * (height - 2)))
          return <rect key={w.week} x={i * (bar + 4)} y={height - h} width={bar} height={h} fill="currentColor" fillOpacity={0.75} />
        })}
      </svg>
    </figure>
  )
}

function Tally({ caption, head, rows, t }: { caption: string; head: string; rows: Array<[string, number]>; t: DashboardTexts }) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <NumHead>{t.count}</NumHead>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="ehk-num">{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function HealthView({ health, t }: { health: Health; t: DashboardTexts }) {
  return (
    <section aria-labelledby="ehk-health">
      <h2 id="ehk-health">{t.health}</h2>
      <dl className="ehk-figures">
        <div>
          <dt>{t.database}</dt>
          <dd>{health.database ? t.ok : t.down}</dd>
        </div>
        <div>
          <dt>{t.email}</dt>
          <dd>
            {health.email.configured ? t.emailConfigured : t.emailNotConfigured}
            {health.email.failed > 0 ? `; ${t.failedMail(health.email.failed)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t.jobs}</dt>
          <dd>{health.jobs.autoRun ? t.jobsRunning(health.jobs.overdue, health.jobs.failed) : t.jobsNotRunning}</dd>
        </div>
      </dl>
    </section>
  )
}
