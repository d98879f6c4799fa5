import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-winners-min-height, 12em);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  article {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .title {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1.25em;
    font-weight: 700;
    color: var(--_accent);
  }
  .year {
    display: block;
    font-size: 0.8em;
    font-weight: 400;
    color: var(--ehk-color-text, inherit);
  }
  blockquote {
    margin: 0 0 0 var(--_space);
    font-style: italic;
  }
  a {
    color: var(--_accent);
  }
  .finalists {
    margin-block-end: var(--_space);
  }
`
