import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-timeline-min-height, 8em);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 2px solid var(--_border);
  }
  li {
    position: relative;
    padding: 0 0 var(--_space) var(--_space);
  }
  li::before {
    content: '';
    position: absolute;
    inset-inline-start: -7px;
    top: 0.4em;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--ehk-color-surface, #fff);
    border: 2px solid var(--_border);
  }
  .dates {
    display: block;
    font-weight: 700;
  }
  .past::before {
    background: var(--_border);
  }
  [aria-current] {
    color: var(--_accent);
  }
  [aria-current]::before {
    background: var(--_accent);
    border-color: var(--_accent);
  }
`
