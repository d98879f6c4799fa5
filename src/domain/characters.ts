// One definition of "a character" for the whole product: the widget's live counter and the server's
// check call these same functions, so a text the counter accepts is never refused by the server.

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('sv', { granularity: 'grapheme' })
    : undefined

/** CRLF and lone CR become LF, then Unicode NFC: the form in which answers are counted and stored. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC')
}

/** User-perceived characters (grapheme clusters) after normalisation: "å", "é" and "👩‍⚕️" count as one each. */
export function countCharacters(text: string): number {
  const normalized = normalizeText(text)
  // Browsers without Intl.Segmenter count code points: never fewer than graphemes, so a text such a
  // browser accepts is still accepted by the server.
  if (!graphemes) return Array.from(normalized).length
  let count = 0
  for (const _ of graphemes.segment(normalized)) count++
  return count
}

export function totalCharacters(texts: Iterable<string>): number {
  let total = 0
  for (const text of texts) total += countCharacters(text)
  return total
}
