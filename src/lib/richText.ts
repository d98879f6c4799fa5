// Minimal Lexical documents from plain paragraphs, for seeds and tests. The editor itself is Payload's.

type LexicalText = { type: 'text'; text: string; format: number; style: string; mode: 'normal'; detail: number; version: 1 }

export function lexicalFromParagraphs(paragraphs: string[]) {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '' as const,
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        textStyle: '',
        children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 } satisfies LexicalText],
      })),
    },
  }
}
