// The one script tag (/widgets/ehk.js): each widget's code is loaded when its tag first appears,
// and a page that loads the bundle twice does not break. (This file imports no widget itself.)
import { expect, inject, it, vi } from 'vitest'

const api = inject('api')
const defined = (tag: string) => customElements.get(tag) !== undefined

it('loads a widget’s code only once its tag is on the page, and defines it', async () => {
  await import('./index.js')
  expect(['ehk-countdown', 'ehk-winners', 'ehk-application-form', 'ehk-timeline', 'ehk-criteria', 'ehk-jury'].filter(defined)).toEqual([])
  const winners = document.createElement('ehk-winners')
  winners.setAttribute('api', api)
  document.body.append(winners)
  await vi.waitUntil(() => defined('ehk-winners'), { timeout: 5000 })
  expect(['ehk-countdown', 'ehk-application-form', 'ehk-timeline', 'ehk-criteria', 'ehk-jury'].filter(defined)).toEqual([])
  // Deep in the page, added later: found as well.
  const section = document.createElement('section')
  section.innerHTML = `<div><ehk-countdown api="${api}"></ehk-countdown></div>`
  document.body.append(section)
  await vi.waitUntil(() => defined('ehk-countdown'), { timeout: 5000 })
  expect(defined('ehk-application-form')).toBe(false)
})

it('does not throw when the bundle, or a widget, is loaded a second time', async () => {
  await expect(import(/* @vite-ignore */ `./index.js?second=${Date.now()}`)).resolves.toBeDefined()
  await expect(import(/* @vite-ignore */ `./countdown/countdown.js?second=${Date.now()}`)).resolves.toBeDefined()
  expect(defined('ehk-countdown')).toBe(true)
})
