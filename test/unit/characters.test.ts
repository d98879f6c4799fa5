// Counting characters in time proportional to the text, with exactly the answer of one
// Intl.Segmenter pass over the whole text (which itself takes time growing with the square of the
// text on Node 20): the same count for any mix of the characters that make grapheme rules hard, and
// a cost that doubles, not quadruples, when a hostile text doubles.
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { countCharacters, MAX_UNITS_PER_CHARACTER, measureLength, normalizeText } from '../../src/domain/characters.js'
import { propertyRuns } from '../helpers/properties.js'

const segmenter = new Intl.Segmenter('sv', { granularity: 'grapheme' })
/** The rule itself: one segmentation of the whole normalised text (fine for short texts). */
const direct = (text: string) => [...segmenter.segment(normalizeText(text))].length

/** Pieces that grapheme rules join, prefix, pair or break around, and plain ones between. */
const PIECES = [
  'a',
  'å',
  'e\u0301', // decomposed é
  '\u0301',
  '\u200d', // zero-width joiner
  '👩',
  '⚕️',
  '👍🏽',
  '🇸',
  '🇪',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '1\ufe0f\u20e3', // keycap
  '©',
  '中',
  'ก',
  'ำ', // Thai SARA AM: a spacing mark
  'क्',
  'ष', // Devanagari conjunct
  '\u0600', // Arabic number sign: a prefix
  'ᄀ',
  'ᅡ',
  'ᆨ', // Hangul jamo
  '\ud83d', // a lone surrogate
  ' ',
  '–',
  '"',
]

describe('counting characters', () => {
  it('counts exactly what one segmentation of the whole text counts, across the pieces it segments separately', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 900 }), (pieces) => {
        const text = pieces.join('')
        expect(countCharacters(text)).toBe(direct(text))
      }),
      propertyRuns(300),
    )
    // Long stretches with nothing to break between, cut into pieces at every offset.
    for (const unit of ['👨‍👩‍👧‍👦', '🇸🇪', 'e\u0301', 'क्ष', 'ก\u0e33']) {
      for (const lead of ['', 'x', 'xx', '\ud83d']) {
        const text = lead + unit.repeat(300)
        expect(countCharacters(text), `${lead}${unit}`).toBe(direct(text))
      }
    }
  })

  it('agrees with the limit at the limit and one over it, for every kind of character', () => {
    for (const character of ['x', 'å', 'e\u0301', '👨‍👩‍👧‍👦', '👍🏽', '🇸🇪', '\r\n']) {
      expect(measureLength([character.repeat(1000)], 1000), character).toEqual({ characters: 1000, exact: true })
      expect(measureLength([character.repeat(1001)], 1000), character).toEqual({ characters: 1001, exact: true, problem: 'too-long' })
      expect(measureLength([character.repeat(500), character.repeat(501)], 1000), character).toMatchObject({ characters: 1001, problem: 'too-long' })
    }
  })

  it('refuses a text by its size before counting, and stops counting past twice the limit', () => {
    expect(measureLength(['x'.repeat(200 * MAX_UNITS_PER_CHARACTER + 1)], 200)).toEqual({ characters: 0, exact: false, problem: 'too-large' })
    expect(measureLength(['x'.repeat(100 * MAX_UNITS_PER_CHARACTER), 'y'.repeat(100 * MAX_UNITS_PER_CHARACTER + 1)], 200)).toMatchObject({ problem: 'too-large' })
    expect(measureLength(['x'.repeat(200 * MAX_UNITS_PER_CHARACTER)], 200)).toEqual({ characters: 401, exact: false, problem: 'too-long' })
    // Long characters pass the size bound as long as they average no more than it allows.
    expect(measureLength(['👨‍👩‍👧‍👦'.repeat(200)], 200)).toEqual({ characters: 200, exact: true })
    expect(measureLength(['👍🏽'.repeat(500)], 200)).toEqual({ characters: 401, exact: false, problem: 'too-long' })
  })

  it('takes time in proportion to the text, whatever it holds: Intl.Segmenter only ever gets short pieces, once', () => {
    const kinds: Record<string, string> = {
      ascii: 'x',
      latin: 'å',
      cjk: '中',
      emoji: '😀',
      family: '👨‍👩‍👧‍👦',
      combining: `a${'\u0301'.repeat(20)}`,
      flags: '🇸🇪',
      mixed: 'å😀中e\u0301 ',
    }
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment')
    try {
      for (const [kind, unit] of Object.entries(kinds)) {
        const text = unit.repeat(Math.ceil(160_000 / unit.length))
        segment.mockClear()
        countCharacters(text)
        const pieces = segment.mock.calls.map(([piece]) => String(piece).length)
        // Quadratic cost comes from long strings (one segmentation of 40 000 units took over a second
        // here): none longer than a few hundred units, and each unit given about once (a piece's last
        // character again with the next piece). The time itself is measured over HTTP in
        // test/e2e/hostile.test.ts.
        expect(Math.max(0, ...pieces), kind).toBeLessThanOrEqual(256)
        expect(
          pieces.reduce((sum, n) => sum + n, 0),
          kind,
        ).toBeLessThanOrEqual(1.15 * text.length)
      }
    } finally {
      segment.mockRestore()
    }
  })
})
