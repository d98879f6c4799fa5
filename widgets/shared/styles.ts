import { css } from 'lit'

/**
 * Design tokens as custom properties with accessible defaults; every widget inherits the page's
 * font and text colour.
 */
export const base = css`
  :host {
    display: block;
    font: inherit;
    font-family: var(--ehk-font, inherit);
    color: var(--ehk-color-text, inherit);
    --_accent: var(--ehk-color-accent, #0b5c8a);
    --_on-accent: var(--ehk-color-on-accent, #fff);
    --_border: var(--ehk-color-border, #6b6b6b);
    --_error: var(--ehk-color-error, #b3261e);
    --_surface: var(--ehk-color-surface, transparent);
    --_radius: var(--ehk-radius, 0.375rem);
    --_space: var(--ehk-space, 1rem);
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    cursor: pointer;
    padding: calc(var(--_space) / 2) var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    opacity: 0.7;
    cursor: wait;
  }
  :focus-visible {
    outline: 3px solid var(--ehk-color-focus, #1a1a1a);
    outline-offset: 2px;
  }
`
