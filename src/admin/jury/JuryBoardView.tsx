import type { AdminViewServerProps } from 'payload'
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, ROUND_LABELS, roundOf, YEAR_STATUS_LABELS } from '../../domain/lifecycle.js'
import type { Lang } from '../../domain/text.js'
import { formatStockholm } from '../../domain/time.js'
import { type Board, BoardError, juryBoard } from '../../jury/board.js'
import { parseDocumentId } from '../../lib/ids.js'
import { adminLang, ehkContext } from '../context.js'
import { AnnounceButton } from './AnnounceButton.js'
import { DecisionForm } from './DecisionForm.js'
import { FinalistsForm } from './FinalistsForm.js'
import { JuryPage, segmentsOf } from './Page.js'
import { RoundTable } from './RoundTable.js'
import { ScoreDots } from './ScoreDots.js'
import { juryTexts } from './texts.js'
import { NumHead } from './NumHead.js'

const number = (n: number, lang: Lang) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 })

/**
 * The jury board of a year (/admin/jury/:year?round=screening|final), read with the viewer's own
 * access: the ranking with each juror's scores as dots, the jury's progress and conflicts, the
 * rounds; staff select the finalists and record the decision here.
 */
export async function JuryBoardView(props: AdminViewServerProps) {
  const { req } = props.initPageResult
  const lang = adminLang(req.i18n)
  const t = juryTexts(lang)
  const segments = segmentsOf(props)
  const round = roundOf(props.searchParams?.round)
  const yearId = parseDocumentId(req.payload, segments[1])
  let board: Board | undefined
  let problem = ''
  if (req.user) {
    try {
      if (yearId === undefined) throw new BoardError(404, t.notFound)
      board = await juryBoard(req, ehkContext(req.payload), yearId, round)
    } catch (error) {
      if (!(error instanceof BoardError)) throw error
      problem = error.message
    }
  }
  return (
    <JuryPage props={props} path={`/jury/${segments[1] ?? ''}`}>
      {board ? <BoardContent board={board} lang={lang} /> : <p role="alert">{problem}</p>}
      <p>
        <a href="/admin/jury">{t.backToWork}</a>
      </p>
    </JuryPage>
  )
}

function BoardContent({ board, lang }: { board: Board; lang: Lang }) {
  const t = juryTexts(lang)
  const { year, round, rows } = board
  const roundName = ROUND_LABELS[round][lang].toLowerCase()
  const cut = round === 'screening' ? year.requiredFinalists : 1
  const when = (at: string | null) => (at ? formatStockholm(at, lang) : '–')
  const status = (s: string) => APPLICATION_STATUS_LABELS[s as ApplicationStatus]?.[lang] ?? s
  return (
    <>
      <h1>{t.boardTitle(year.title)}</h1>
      <p>
        {YEAR_STATUS_LABELS[year.status][lang]}. {t.closes}: {when(round === 'screening' ? year.finalistsAt : year.juryDecisionAt)}.
      </p>
      {board.viewer === 'juror' ? <p>{t.boardJurorNote}</p> : null}
      <nav aria-label={t.round} className="ehk-actions">
        {(['screening', 'final'] as const).map((r) => (
          <a key={r} href={`/admin/jury/${year.id}?round=${r}`} aria-current={r === round ? 'page' : undefined}>
            {ROUND_LABELS[r][lang]}
          </a>
        ))}
        {board.viewer === 'staff'
          ? (['screening', 'final'] as const).map((r) => (
              <a key={`csv-${r}`} href={`/api/award-years/${year.id}/export.csv?round=${r}`} download>
                {t.exportRound(ROUND_LABELS[r][lang])}
              </a>
            ))
          : null}
      </nav>

      <RoundTable states={board.rounds} lang={lang} />

      <h2>{t.ranking}</h2>
      {rows.length === 0 ? (
        <p>{t.noRanking}</p>
      ) : (
        <div className="ehk-scroll" tabIndex={0} role="region" aria-label={t.ranking}>
          <table>
            <caption>{t.rankingCaption(roundName, cut)}</caption>
            <thead>
              <tr>
                <NumHead>{t.rank}</NumHead>
                <th scope="col">{t.municipality}</th>
                <th scope="col">{t.jurorScores}</th>
                <NumHead>{t.mean}</NumHead>
                <NumHead>{t.median}</NumHead>
                <NumHead>{t.range}</NumHead>
                <NumHead>{t.normalized}</NumHead>
                <NumHead>{t.rankNormalized}</NumHead>
                <NumHead>{t.reviews}</NumHead>
                {board.criteria.map((c) => (
                  <NumHead key={c.id}>{c.title}</NumHead>
                ))}
                <th scope="col">{t.recommendations}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.flags}</th>
                <th scope="col">{t.print}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={String(row.application)} className={row.rank <= cut && (rows[i + 1]?.rank ?? Infinity) > cut ? 'ehk-cut' : undefined}>
                  <td className="ehk-num">{row.rank}</td>
                  <th scope="row">
                    {row.municipalityName}
                    <span className="ehk-sub">{row.county}</span>
                  </th>
                  <td>
                    <ScoreDots scores={row.jurorScores.map((j) => j.score)} lang={lang} />
                  </td>
                  <td className="ehk-num">{number(row.overall.mean, lang)}</td>
                  <td className="ehk-num">{number(row.overall.median, lang)}</td>
                  <td className="ehk-num">
                    {number(row.overall.min, lang)}–{number(row.overall.max, lang)}
                  </td>
                  <td className="ehk-num">{number(row.normalized, lang)}</td>
                  <td className="ehk-num">{row.rankNormalized}</td>
                  <td className="ehk-num">{row.reviews}</td>
                  {board.criteria.map((c) => {
                    const criterion = row.perCriterion.find((p) => String(p.criterion) === String(c.id))
                    return (
                      <td key={c.id} className="ehk-num">
                        {criterion ? number(criterion.mean, lang) : '–'}
                      </td>
                    )
                  })}
                  <td className="ehk-num">
                    {row.recommendations.advance} / {row.recommendations.consider} / {row.recommendations.decline}
                  </td>
                  <td>{status(row.status)}</td>
                  <td>
                    {row.flags.disagreesAtCut ? <span className="ehk-flag">{t.flagCut}</span> : null}
                    {row.flags.fewReviews ? <span className="ehk-flag">{t.flagFew}</span> : null}
                    {row.flags.spread ? <span className="ehk-flag">{t.flagSpread}</span> : null}
                  </td>
                  <td>
                    <a href={`/admin/jury/utskrift/${row.application}`} aria-label={t.printOf(row.municipalityName)}>
                      {t.print}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {board.unranked.length > 0 ? (
        <>
          <h2>{t.unranked}</h2>
          <ul>
            {board.unranked.map((a) => (
              <li key={String(a.application)}>
                {a.municipalityName} ({a.county}), {status(a.status)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t.jurors}</h2>
      <table>
        <caption>{t.jurors}</caption>
        <thead>
          <tr>
            <th scope="col">{t.juror}</th>
            <NumHead>{t.assigned}</NumHead>
            <NumHead>{t.submittedCount}</NumHead>
            <NumHead>{t.drafts}</NumHead>
            <NumHead>{t.left}</NumHead>
            {board.viewer === 'staff' ? <th scope="col">{t.conflicts}</th> : null}
          </tr>
        </thead>
        <tbody>
          {board.jurors.map((j) => (
            <tr key={String(j.juror)}>
              <th scope="row">{j.name}</th>
              <td className="ehk-num">{j.assigned}</td>
              <td className="ehk-num">{j.submitted}</td>
              <td className="ehk-num">{j.drafts}</td>
              <td className="ehk-num">{j.left}</td>
              {board.viewer === 'staff' ? <td>{j.conflicts.map((c) => `${c.municipalityName} (${c.kind === 'declared' ? t.declaredConflict : t.tieConflict})`).join(', ') || '–'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>

      {board.actions.selectFinalists ? (
        <FinalistsForm
          yearId={year.id}
          required={year.requiredFinalists}
          candidates={[
            ...rows.map((r) => ({ id: r.application, label: `${r.rank}. ${r.municipalityName} (${number(r.overall.mean, lang)})` })),
            ...board.unranked.map((a) => ({ id: a.application, label: `– ${a.municipalityName}` })),
          ]}
          lang={lang}
        />
      ) : null}
      {board.actions.decide ? (
        <DecisionForm
          yearId={year.id}
          finalists={[...rows.map((r) => ({ id: r.application, label: r.municipalityName })), ...board.unranked.map((a) => ({ id: a.application, label: a.municipalityName }))]}
          lang={lang}
        />
      ) : null}
      {board.actions.announce ? <AnnounceButton yearId={year.id} lang={lang} /> : null}
    </>
  )
}
