// The whole form with the keyboard alone: Tab, Shift+Tab, typing, Space and Enter.
import { expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { $, applications, expectAccessible, expectFocusNotObscured, mount, textOf, until } from '../test/helpers.js'
import type { EhkApplicationForm } from './application-form.js'

const active = (form: EhkApplicationForm) => form.shadowRoot!.activeElement as HTMLElement | null
const tab = () => userEvent.keyboard('{Tab}')

it('is completed and sent with the keyboard alone, in a logical order, never reaching the honeypot', async () => {
  const form = mount('ehk-application-form')
  await until(() => form.state === 'ready', 'the form')
  await form.updateComplete
  const visited: string[] = []
  const step = async () => {
    await tab()
    visited.push(active(form)?.id || active(form)?.getAttribute('name') || active(form)?.tagName || 'outside')
    if (active(form)) expectFocusNotObscured(form)
  }

  await step()
  await userEvent.keyboard('Kiruna')
  await step()
  await userEvent.keyboard('Kim Tangent')
  await step() // role: optional
  await step()
  await userEvent.keyboard('kim@kiruna.example')
  await step() // phone: optional
  for (let i = 0; i < 4; i++) {
    await step()
    await userEvent.keyboard(`Svar nummer ${i + 1} om vårt arbete.`)
  }
  await step()
  await userEvent.keyboard('[Space]')
  // Back one field and forward again.
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}')
  expect(active(form)!.id).toBe('answer-3')
  await step()
  await step()
  expect(visited).toEqual(['municipality', 'contact-name', 'contact-role', 'contact-email', 'contact-phone', 'answer-0', 'answer-1', 'answer-2', 'answer-3', 'consent', 'consent', 'BUTTON'])
  expect($<HTMLSelectElement>(form, '#municipality')!.value).toBe('2584')
  expect($<HTMLInputElement>(form, '#consent')!.checked).toBe(true)
  await userEvent.keyboard('{Enter}')
  await until(() => $(form, '.receipt'), 'the receipt')
  expect(textOf($(form, '.receipt')!)).toMatch(/Referensnummer: EHK-2027-2584-\w{4}/)
  expect(active(form)).toBe($(form, '.receipt'))
  await expectAccessible(form)
  const [stored] = await applications('2584')
  expect(stored!.answers).toEqual(['Svar nummer 1 om vårt arbete.', 'Svar nummer 2 om vårt arbete.', 'Svar nummer 3 om vårt arbete.', 'Svar nummer 4 om vårt arbete.'])
})
