import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-jury-min-height, 12em);
  }
  ul {
    list-style: none;
    margin: 0 0 var(--_space);
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: var(--_space);
  }
  li {
    display: flex;
    gap: calc(var(--_space) / 2);
    align-items: flex-start;
  }
  img {
    flex: none;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  .photo {
    width: 4.5em;
    height: 4.5em;
  }
  .logo {
    width: 6em;
    height: 3em;
    object-fit: contain;
  }
  p {
    margin: 0;
  }
  .name {
    font-weight: 700;
  }
  a {
    color: var(--_accent);
  }
`
