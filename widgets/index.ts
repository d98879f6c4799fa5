// The one script tag partner sites add (/widgets/ehk.js): the loader. It defines no widget itself:
// each widget's code is loaded the first time its tag is on the page, so that a page with only a
// countdown loads only the countdown (and the runtime, Lit and what every widget shares). Like
// Shoelace's autoloader. The build has each widget's import load the chunks it imports at the same
// time as the widget's own (widgets/vite.config.ts), so a widget's code is one round trip away.
const widgets: Record<string, () => Promise<unknown>> = {
  'ehk-countdown': () => import('./countdown/countdown.js'),
  'ehk-winners': () => import('./winners/winners.js'),
  'ehk-application-form': () => import('./application-form/application-form.js'),
  'ehk-timeline': () => import('./timeline/timeline.js'),
  'ehk-criteria': () => import('./criteria/criteria.js'),
  'ehk-jury': () => import('./jury/jury.js'),
}
const selector = Object.keys(widgets).join(',')
const loading = new Set<string>()

/**
 * A page's first use of Intl costs tens of milliseconds (it loads its data): the widgets need it for
 * their dates and character counts, so it is loaded while their code is on its way.
 */
const prepareIntl = () => new Intl.DateTimeFormat('sv').format()

/** Loads the code of each widget in `root` (itself included) that is not loaded yet. */
function discover(root: Element | Document) {
  for (const { localName: tag } of [root as Element, ...root.querySelectorAll(selector)]) {
    if (!(tag in widgets) || loading.has(tag)) continue
    if (loading.size === 0) setTimeout(prepareIntl)
    loading.add(tag)
    widgets[tag]!().catch(() => loading.delete(tag))
  }
}

discover(document)
new MutationObserver((changes) => {
  for (const change of changes) for (const node of change.addedNodes) if (node instanceof Element) discover(node)
}).observe(document.documentElement, { childList: true, subtree: true })

export type { EhkApplicationForm } from './application-form/application-form.js'
export type { EhkCountdown } from './countdown/countdown.js'
export type { EhkCriteria } from './criteria/criteria.js'
export type { EhkJury } from './jury/jury.js'
export type { EhkTimeline } from './timeline/timeline.js'
export type { EhkWinners } from './winners/winners.js'
