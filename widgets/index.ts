// The one script tag partner sites add (/widgets/ehk.js). It defines no widget itself: each
// widget's code is loaded the first time its tag is on the page, so that a page with only a
// countdown loads only the countdown (and Lit, which the widgets share). Like Shoelace's autoloader.
// What every widget needs is in this file, not in a chunk of its own: a page loads two files (this
// and its widget's) instead of three, and Lit compresses with the loader.
// (Named exports, so that the bundler keeps here what has no side effects of its own.)
export { request } from './shared/api.js'
export { define } from './shared/define.js'
export { EhkElement } from './shared/element.js'
export { base } from './shared/styles.js'
export { status } from './shared/templates.js'
export { applicationWindow } from '../src/domain/lifecycle.js'
export { formatStockholm, timeLeft } from '../src/domain/time.js'
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

function discover(root: Element | Document) {
  const found = root instanceof Element && root.matches(selector) ? [root] : []
  for (const element of [...found, ...root.querySelectorAll(selector)]) {
    const tag = element.localName
    if (loading.has(tag)) continue
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
