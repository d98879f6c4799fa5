import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { $, $$, control, expectAccessible, expectFocusNotObscured, expectLoadingErrorRetry, mount, textOf, until } from '../test/helpers.js'

describe('<ehk-jury>', () => {
  it('presents the current year’s jury and its organisers and partners, photos and logos from the CMS', async () => {
    const jury = mount('ehk-jury')
    await until(() => jury.state === 'ready', 'the jury')
    await jury.updateComplete
    expect($$(jury, '[part="juror"]').map(textOf)).toEqual(['Anna Andersson Förbundsdirektör, Vitalis', 'Bo Berg Professor'])
    expect($$(jury, '[part="partner"]').map(textOf)).toEqual(['Vitalis Arrangör', 'Testpartner Samarbetspartner'])
    expect($$(jury, '[role="heading"]').map((h) => [textOf(h), h.getAttribute('aria-level')])).toEqual([
      ['Jury', '2'],
      ['Arrangörer och samarbetspartner', '2'],
    ])
    // The photo is decorative (the name is beside it), loaded from the CMS's public address (the test CMS says https://cms.test).
    const photo = $<HTMLImageElement>(jury, '[part="photo"]')!
    expect(photo.alt).toBe('')
    expect(photo.src).toMatch(/^https:\/\/cms\.test\/api\/media\/file\/anna(-\d+)?\.png$/)
    expect($<HTMLImageElement>(jury, '[part="logo"]')!.src).toMatch(/^https:\/\/cms\.test\/api\/media\/file\/vitalis(-\d+)?\.png$/)
    expect($<HTMLAnchorElement>(jury, '[part="partner"] a')!.href).toBe('https://vitalis.example/')
    // A partner without a website is a name, not a link.
    expect($$(jury, '[part="partner"] a')).toHaveLength(1)
    await expectAccessible(jury)
  })

  it('reaches each partner’s website with the keyboard, the focus never hidden', async () => {
    const jury = mount('ehk-jury', { 'heading-level': '3' })
    await until(() => jury.state === 'ready', 'the jury')
    await jury.updateComplete
    await userEvent.keyboard('{Tab}')
    expect(textOf(jury.shadowRoot!.activeElement!)).toBe('Vitalis')
    expectFocusNotObscured(jury)
    // The check sees a partner page's fixed banner drawn over the focused link.
    const link = jury.shadowRoot!.activeElement!.getBoundingClientRect()
    const banner = Object.assign(document.createElement('div'), { style: `position:fixed;inset:${link.top - 5}px 0 auto 0;height:${link.height + 10}px;background:#fff` })
    document.body.append(banner)
    expect(() => expectFocusNotObscured(jury)).toThrow(/is not covered/)
    banner.remove()
    await userEvent.keyboard('{Tab}')
    expect(jury.shadowRoot!.activeElement).toBeNull()
  })

  it('speaks English with lang="en", and says so when a year has neither jury nor partners', async () => {
    const jury = mount('ehk-jury', { lang: 'en' })
    await until(() => jury.state === 'ready', 'the jury')
    await jury.updateComplete
    expect($$(jury, '[role="heading"]').map(textOf)).toEqual(['Jury', 'Organisers and partners'])
    expect(textOf($(jury, '[part="partner"]')!)).toBe('Vitalis Organiser')
    jury.setAttribute('year', '2024')
    await until(() => jury.state === 'ready' && textOf(jury) === 'The jury has not been presented yet.', 'the empty year')
    await expectAccessible(jury)
  })

  it('shows the loading state, then an error with retry when the API fails, then recovers', async () => {
    await control('fail', { status: 500, body: { status: 500, message: 'Något gick fel hos oss. Försök igen.' } })
    const jury = mount('ehk-jury')
    await expectLoadingErrorRetry(jury, () => $(jury, '[part="juror"]'))
  })
})
