// One definition of "a character" for the whole product: the widget's live counter and the server's
// check call these same functions, so a text the counter accepts is never refused by the server.

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('sv', { granularity: 'grapheme' }) : undefined

/**
 * The longest character (in UTF-16 code units) a text may hold. Every emoji sequence in use fits
 * (a family with four skin tones is 19 units, a subdivision flag 14); a letter buried under dozens
 * of combining marks does not. The bound lets the server size its body cap from the character
 * limit, so that a text the counter admits always fits through it.
 */
export const MAX_CHARACTER_UNITS = 32

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

function* segments(normalized: string): Iterable<string> {
  // Browsers without Intl.Segmenter count code points: never fewer than graphemes, so a text such a
  // browser accepts is still accepted by the server.
  if (graphemes) for (const { segment } of graphemes.segment(normalized)) yield segment
  else yield* normalized
}

/** User-perceived characters (grapheme clusters) after normalisation: "å", "é" and "👩‍⚕️" count as one each. */
export function countCharacters(text: string): number {
  let count = 0
  for (const _ of segments(normalizeText(text))) count++
  return count
}

export function totalCharacters(texts: Iterable<string>): number {
  let total = 0
  for (const text of texts) total += countCharacters(text)
  return total
}

/** Whether a text holds a character longer than MAX_CHARACTER_UNITS (see there). */
export function hasOverlongCharacter(text: string): boolean {
  if (text.length <= MAX_CHARACTER_UNITS) return false
  for (const segment of segments(normalizeText(text))) if (segment.length > MAX_CHARACTER_UNITS) return true
  return false
}

/**
 * The most bytes a JSON body can take for `characters` characters of text: each UTF-16 unit is at
 * most 6 bytes in JSON (`\uXXXX`), whether the client escapes it or sends UTF-8 (3 bytes).
 */
export function maxJsonBytes(characters: number): number {
  return characters * MAX_CHARACTER_UNITS * 6
}
