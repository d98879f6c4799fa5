// The public shape of rich text: a small tree of blocks and inline runs that a client renders as
// text nodes. No HTML travels, so nothing can be injected; only http(s) links survive.

export type PublicInline = { text: string; bold?: true; italic?: true } | { link: string; children: PublicInline[] }
export type PublicBlock =
  { type: 'paragraph' | 'quote'; children: PublicInline[] } | { type: 'heading'; level: 2 | 3 | 4; children: PublicInline[] } | { type: 'list'; ordered: boolean; items: PublicInline[][] }

type LexicalNode = { type?: string; text?: string; format?: number | string; tag?: string; listType?: string; url?: string; fields?: { url?: string }; children?: LexicalNode[] }

const BOLD = 1
const ITALIC = 2

/** Browsers ignore these around a URL and tabs and line breaks within it, so "java\tscript:" is "javascript:". */
// eslint-disable-next-line no-control-regex -- the control characters browsers skip are the point
const IGNORED_IN_URLS = /[\u0000-\u0020\u007f-\u009f]/g
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * Whether a link may be stored: web, e-mail and phone links, and relative ones. Never javascript:,
 * data:, vbscript: or any other scheme, which Payload's own API would serve to whoever renders it.
 */
export function isSafeLinkUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(IGNORED_IN_URLS, ''))
  return !scheme || SAFE_SCHEMES.has(scheme[1]!.toLowerCase())
}

/** Whether a link makes sense on any site that shows it: an absolute web address. */
export const isWebUrl = (url: unknown): url is string => typeof url === 'string' && /^https?:\/\/[^\s]/i.test(url)

const linkUrl = (node: LexicalNode) => node.fields?.url ?? node.url ?? ''

/** The links in a Lexical document that isSafeLinkUrl refuses. */
export function unsafeLinks(value: unknown): string[] {
  const found: string[] = []
  const visit = (node: LexicalNode | undefined) => {
    if (!node || typeof node !== 'object') return
    if ((node.type === 'link' || node.type === 'autolink') && !isSafeLinkUrl(linkUrl(node))) found.push(String(linkUrl(node)))
    if (Array.isArray(node.children)) node.children.forEach(visit)
  }
  visit((value as { root?: LexicalNode } | null)?.root)
  return found
}

function inlines(nodes: LexicalNode[] = []): PublicInline[] {
  const out: PublicInline[] = []
  for (const node of nodes) {
    if (node.type === 'text' && typeof node.text === 'string') {
      const format = typeof node.format === 'number' ? node.format : 0
      out.push({ text: node.text, ...(format & BOLD ? { bold: true as const } : {}), ...(format & ITALIC ? { italic: true as const } : {}) })
    } else if (node.type === 'linebreak') {
      out.push({ text: '\n' })
    } else if (node.type === 'link' || node.type === 'autolink') {
      const url = linkUrl(node)
      const children = inlines(node.children)
      if (isWebUrl(url)) out.push({ link: url, children })
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
