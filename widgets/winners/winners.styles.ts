import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-winners-min-height, 12em);
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
  .finalists {
    margin-block-end: var(--_space);
  }
`
