// Shared by the widget tests (they run in Chromium): mount a widget against the real API, wait for
// it, read what a person sees, and check it with axe-core.
import axe from 'axe-core'
import { afterEach, expect, inject, vi } from 'vitest'
import { OPEN_NOW } from '../../test/browser/constants.js'
// The widgets themselves, as an npm-style import defines them (the loader in index.ts is tested on its own).
import '../application-form/application-form.js'
import '../countdown/countdown.js'
import '../criteria/criteria.js'
import '../jury/jury.js'
import '../timeline/timeline.js'
import '../winners/winners.js'
import { forgetSharedAnswers } from '../shared/api.js'
import type { EhkElement } from '../shared/element.js'

export const api = inject('api')

// The test page is a Swedish partner's page: widgets without `lang` follow the page's language.
document.documentElement.lang = 'sv'

/**
 * Calls one of the API test server's control paths (see test/browser/globalSetup.ts). Each changes
 * what the server says (its clock, its data), so the page's shared answers are forgotten too.
 */
export async function control(path: string, body: unknown = {}): Promise<any> {
  forgetSharedAnswers()
  const response = await fetch(`${api}/__test/${path}`, { method: 'POST', body: JSON.stringify(body) })
  return response.json()
}

export async function applications(municipality: string): Promise<Array<{ reference: string; status: string; partner: number; answers: string[]; contact: Record<string, string> }>> {
  return (await (await fetch(`${api}/__test/applications?municipality=${municipality}`)).json()).docs
}

/** The e-mails the API has sent so far. */
export async function mails(): Promise<Array<{ to: string; subject: string; text: string }>> {
  return (await (await fetch(`${api}/__test/mails`)).json()).mails
}

export function mount<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  element.setAttribute('api', api)
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
  document.body.append(element)
  return element
}

/** Waits in real time (also under fake timers) until `check` returns something truthy, and returns it. */
export const until = <T>(check: () => T, what = 'the condition', timeout = 8000) =>
  vi.waitUntil(check, { timeout, interval: 20 }).catch(() => {
    throw new Error(`Timed out waiting for ${what}`)
  })

/** The text a person sees in the widget, spaces collapsed. */
export const textOf = (element: Element) => (element.shadowRoot ?? element).textContent!.replace(/\s+/g, ' ').trim()
export const $ = <E extends Element = HTMLElement>(element: Element, selector: string) => element.shadowRoot!.querySelector<E>(selector)
export const $$ = <E extends Element = HTMLElement>(element: Element, selector: string) => [...element.shadowRoot!.querySelectorAll<E>(selector)]

/** No WCAG 2.2 A/AA violations (our bar; EN 301 549 asks 2.1) in the widget's current state, shadow DOM included. */
export async function expectAccessible(element: Element) {
  const results = await axe.run(element, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])
}

/**
 * WCAG 2.4.11 (focus not obscured, minimum): after the browser moved focus, the focused element is
 * at least partly in the viewport, and what is visible of it is not covered by anything drawn over it.
 */
export function expectFocusNotObscured(widget: Element) {
  const focused = widget.shadowRoot!.activeElement as HTMLElement
  expect(focused, 'an element in the widget has focus').toBeTruthy()
  const box = focused.getBoundingClientRect()
  const visible = { left: Math.max(box.left, 0), right: Math.min(box.right, innerWidth), top: Math.max(box.top, 0), bottom: Math.min(box.bottom, innerHeight) }
  expect(visible.right > visible.left && visible.bottom > visible.top, `${focused.outerHTML} is in the viewport`).toBe(true)
  const top = widget.shadowRoot!.elementFromPoint((visible.left + visible.right) / 2, (visible.top + visible.bottom) / 2)
  expect(top === focused || focused.contains(top), `${focused.outerHTML} is not covered`).toBe(true)
}

/**
 * The load states every widget shares, for one whose first request fails: "Laddar …" at once, then
 * the error with a retry button, both accessible; the retry loads it (`ready` says when).
 */
export async function expectLoadingErrorRetry(widget: EhkElement, ready: () => unknown) {
  await widget.updateComplete
  expect(textOf(widget)).toBe('Laddar …')
  await expectAccessible(widget)
  await until(() => widget.state === 'error', 'the error')
  await widget.updateComplete
  expect(textOf(widget)).toBe('Uppgifterna kunde inte hämtas. Försök igen')
  await expectAccessible(widget)
  $(widget, 'button')!.click()
  await until(ready, 'the content after retry')
}

afterEach(async () => {
  document.body.replaceChildren()
  forgetSharedAnswers()
  localStorage.clear()
  sessionStorage.clear()
  location.hash = ''
  await control('reset')
  await control('clock', { at: OPEN_NOW })
})
