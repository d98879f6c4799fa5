// One definition of "a character" for the whole product: the widget's live counter and the server's
// check call these same functions, so a text the counter accepts is never refused by the server.

const graphemes =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('sv', { granularity: 'grapheme' })
    : undefined

/**
 * CRLF and lone CR become LF, control characters other than tab and line break are dropped (nobody
 * types them, and databases may cut a text at NUL), then Unicode NFC: the form in which text is
 * counted and stored.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .normalize('NFC')
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
