import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-criteria-min-height, 12em);
  }
  .focus {
    margin-block-end: var(--_space);
  }
`
