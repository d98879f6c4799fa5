import { css } from 'lit'

/** A list of cards (winners, criteria): one `article` per item, its title in the accent colour. */
export const cards = css`
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
  a {
    color: var(--_accent);
  }
`
