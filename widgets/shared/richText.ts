// Rich text from the API, rendered as text nodes: no HTML from the server is ever parsed.
import { html, type TemplateResult } from 'lit'
import { isWebUrl, type PublicBlock, type PublicInline } from '../../src/domain/richText.js'

/** Structured rich text from the API, rendered as text nodes: no HTML from the server is parsed. */
export function richText(blocks: PublicBlock[], headingLevel: number): TemplateResult[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return html`<p role="heading" aria-level=${headingLevel + block.level - 1}><strong>${inline(block.children)}</strong></p>`
      case 'list': {
        const items = block.items.map((item) => html`<li>${inline(item)}</li>`)
        return block.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`
      }
      case 'quote':
        return html`<blockquote>${inline(block.children)}</blockquote>`
      default:
        return html`<p>${inline(block.children)}</p>`
    }
  })
}

function inline(runs: PublicInline[]): unknown[] {
  return runs.map((run) => {
    if ('link' in run) return isWebUrl(run.link) ? html`<a href=${run.link}>${inline(run.children)}</a>` : inline(run.children)
    const text = run.bold ? html`<strong>${run.text}</strong>` : run.text
    return run.italic ? html`<em>${text}</em>` : text
  })
}
