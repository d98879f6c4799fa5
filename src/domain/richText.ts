// The public shape of rich text: a small tree of blocks and inline runs that a client renders as
// text nodes. No HTML travels, so nothing can be injected; only http(s) links survive.

export type PublicInline = { text: string; bold?: true; italic?: true } | { link: string; children: PublicInline[] }
export type PublicBlock =
  | { type: 'paragraph' | 'quote'; children: PublicInline[] }
  | { type: 'heading'; level: 2 | 3 | 4; children: PublicInline[] }
  | { type: 'list'; ordered: boolean; items: PublicInline[][] }

type LexicalNode = { type?: string; text?: string; format?: number | string; tag?: string; listType?: string; url?: string; fields?: { url?: string }; children?: LexicalNode[] }

const BOLD = 1
const ITALIC = 2

function inlines(nodes: LexicalNode[] = []): PublicInline[] {
  const out: PublicInline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format : 0
      out.push({ text: node.text, ...(format & BOLD ? { bold: true as const } : {}), ...(format & ITALIC ? { italic: true as const } : {}) })
    } else if (node.type === 'linebreak') {
      out.push({ text: '\n' })
    } else if (node.type === 'link' || node.type === 'autolink') {
      const url = node.fields?.url ?? node.url ?? ''
      const children = inlines(node.children)
      if (/^https?:\/\//i.test(url)) out.push({ link: url, children })
      else out.push(...children)
    } else if (node.children) {
      out.push(...inlines(node.children))
    }
  }
  return out
}

/** Lexical's JSON (as Payload stores it) to public blocks; unknown nodes keep only their text. */
export function toPublicRichText(value: unknown): PublicBlock[] {
  const root = (value as { root?: LexicalNode } | null)?.root
  const blocks: PublicBlock[] = []
  for (const node of root?.children ?? []) {
    if (node.type === 'heading') {
      const level = Math.min(4, Math.max(2, Number(node.tag?.slice(1)) || 2)) as 2 | 3 | 4
      blocks.push({ type: 'heading', level, children: inlines(node.children) })
    } else if (node.type === 'list') {
      blocks.push({ type: 'list', ordered: node.listType === 'number', items: (node.children ?? []).map((item) => inlines(item.children)) })
    } else if (node.type === 'quote') {
      blocks.push({ type: 'quote', children: inlines(node.children) })
    } else {
      const children = inlines(node.children)
      if (children.length > 0) blocks.push({ type: 'paragraph', children })
    }
  }
  return blocks
}
