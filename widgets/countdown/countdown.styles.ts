import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-countdown-min-height, 4.5em);
  }
  .box {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  p {
    margin: 0;
  }
  .open {
    font-size: var(--ehk-countdown-size, 1.5em);
    font-weight: 700;
    line-height: 1.25;
    color: var(--_accent);
  }
`
