// One definition of "a character" for the whole product: the widget's live counter and the server's
// check call these same functions, so a text the counter accepts is never refused by the server.
//
// Counting takes time in proportion to the text, whatever it holds: Intl.Segmenter's own cost grows
// with the square of the string it is given (Node 20: 40 000 characters take over a second), so it
// only ever sees short pieces (see countIn).

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('sv', { granularity: 'grapheme' }) : undefined

/**
 * The longest character (in UTF-16 code units) a text may hold. Every emoji sequence in use fits
 * (a family with four skin tones is 19 units, a subdivision flag 14); a letter buried under dozens
 * of combining marks does not.
 */
export const MAX_CHARACTER_UNITS = 32

/**
 * The most UTF-16 code units a text may take per character of its limit: a text of 12 000 family
 * emoji (11 units each) fits; only pathological texts reach it. A text beyond it is too long by its
 * size alone, refused before anything is normalised or counted; the bound also sizes the server's
 * body caps (maxJsonBytes).
 */
export const MAX_UNITS_PER_CHARACTER = 12

/**
 * CRLF and lone CR become LF, control characters other than tab and line break are dropped (nobody
 * types them, and databases may cut a text at NUL), then Unicode NFC: the form in which text is
 * counted and stored.
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .normalize('NFC')
  )
}

/**
 * Code units of a normalised text between two of which a character always ends (Unicode's grapheme
 * rules break between any two of them): tab and line feed (the only control characters left), and
 * Latin-1 and Latin Extended but U+00A8–U+00AF (among them © and ®, which may start an emoji
 * sequence). None of them extends, joins, prefixes or pairs with its neighbour. Other text is
 * counted by Intl.Segmenter, a short piece at a time.
 */
const breaksBetween = (unit: number) => unit < 0x250 && (unit | 7) !== 0xaf

/** Intl.Segmenter is given at most this many code units at a time. */
const PIECE_UNITS = 256

/** What counting found: the characters counted, and whether it stopped at a character longer than MAX_CHARACTER_UNITS. */
interface Tally {
  characters: number
  overlong: boolean
}

/**
 * Counts the characters of text[from, to), a stretch that starts and ends where a character ends,
 * adding to `tally` and stopping once it holds more than `stopAbove` or an overlong character. The
 * stretch is segmented a piece at a time; a piece's last character may be cut by the piece's end,
 * so it is left to the next piece (every earlier boundary depends only on what comes before it and
 * the code point after it, so it is exact). A piece never ends inside a surrogate pair.
 */
function countIn(text: string, from: number, to: number, tally: Tally, stopAbove: number): void {
  for (let start = from; start < to;) {
    let end = Math.min(to, start + PIECE_UNITS)
    if (end < to && text.charCodeAt(end - 1) >> 10 === 0x36) end-- // a high surrogate (U+D800–U+DBFF)
    let next = to
    for (const { segment, index } of graphemes!.segment(text.slice(start, end))) {
      // Longer than any character allowed (a piece that is all one character, cut by its end, too).
      if (segment.length > MAX_CHARACTER_UNITS) {
        tally.overlong = true
        return
      }
      if (end < to && start + index + segment.length === end) {
        next = start + index
        break
      }
      if (++tally.characters > stopAbove) return
    }
    start = next
  }
}

/**
 * Counts user-perceived characters (grapheme clusters) in an already normalised text, in time
 * proportional to its length: between two code units where a character always ends
 * (breaksBetween) it counts without segmenting; Intl.Segmenter counts the stretches between, a
 * short piece at a time. Stops once more than `stopAbove` characters are counted.
 */
function tally(normalized: string, stopAbove = Infinity): Tally {
  // Browsers without Intl.Segmenter count code points: never fewer than graphemes, so a text such a
  // browser accepts is still accepted by the server.
  if (!graphemes) return { characters: [...normalized].length, overlong: false }
  const result: Tally = { characters: 0, overlong: false }
  // What is not yet counted, from a place where a character ends: one code unit alone is one
  // character; longer stretches are gathered (across such places) into pieces for Intl.Segmenter.
  let stretch = 0
  for (let i = 1; i <= normalized.length; i++) {
    if (i < normalized.length && !(breaksBetween(normalized.charCodeAt(i - 1)) && breaksBetween(normalized.charCodeAt(i)))) continue
    if (i - stretch === 1) result.characters++
    else if (i - stretch >= PIECE_UNITS / 2 || i === normalized.length) countIn(normalized, stretch, i, result, stopAbove)
    else continue
    if (result.overlong || result.characters > stopAbove) return result
    stretch = i
  }
  return result
}

/** User-perceived characters (grapheme clusters) after normalisation: "å", "é" and "👩‍⚕️" count as one each. */
export function countCharacters(text: string): number {
  return tally(normalizeText(text)).characters
}

export function totalCharacters(texts: Iterable<string>): number {
  let total = 0
  for (const text of texts) total += countCharacters(text)
  return total
}

/** Whether texts take more code units than their character limit allows (MAX_UNITS_PER_CHARACTER per character): too large, whatever they count. */
export const tooLarge = (texts: readonly string[], limit: number) => texts.reduce((units, text) => units + text.length, 0) > limit * MAX_UNITS_PER_CHARACTER

/**
 * Why texts break their character limit, if they do: too large (tooLarge, decided before any work),
 * more characters than the limit, or a character longer than MAX_CHARACTER_UNITS.
 */
export type LengthProblem = 'too-large' | 'too-long' | 'overlong-character'

export interface Length {
  /** Characters counted: exact up to twice the limit, where counting stops (a text that long is refused whatever its exact length). */
  characters: number
  exact: boolean
  problem?: LengthProblem
  /** With an overlong character: the index of the text that holds it. */
  overlongAt?: number
}

/**
 * Texts (the answers of one application, or one text alone) against a character limit, each counted
 * once and no further than needed: refused for their size before any work (tooLarge), else counted
 * after normalisation until twice the limit is passed or a character longer than
 * MAX_CHARACTER_UNITS is found.
 */
export function measureLength(texts: readonly string[], limit: number): Length {
  if (tooLarge(texts, limit)) return { characters: 0, exact: false, problem: 'too-large' }
  let characters = 0
  for (const [i, text] of texts.entries()) {
    const counted = tally(normalizeText(text), 2 * limit - characters)
    characters += counted.characters
    if (counted.overlong) return { characters, exact: false, problem: 'overlong-character', overlongAt: i }
    if (characters > 2 * limit) return { characters, exact: false, problem: 'too-long' }
  }
  return { characters, exact: true, ...(characters > limit && { problem: 'too-long' as const }) }
}

/**
 * The most bytes a JSON body can take for `characters` characters of text: each UTF-16 unit is at
 * most 6 bytes in JSON (`\uXXXX`), whether the client escapes it or sends UTF-8 (3 bytes).
 */
export function maxJsonBytes(characters: number): number {
  return characters * MAX_UNITS_PER_CHARACTER * 6
}
