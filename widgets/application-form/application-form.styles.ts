import { css } from 'lit'

export const styles = css`
  :host {
    min-height: var(--ehk-form-min-height, 30em);
    max-width: var(--ehk-form-max-width, 48em);
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  legend,
  label {
    font-weight: 700;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  input,
  select,
  textarea {
    font: inherit;
    background: var(--ehk-color-field, #fff);
    color: var(--ehk-color-field-text, #1a1a1a);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.4em 0.5em;
    max-width: 100%;
    box-sizing: border-box;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
  }
  .consent {
    display: flex;
    gap: 0.5em;
    align-items: start;
    font-weight: 400;
  }
  ul {
    margin: 0;
  }
  .summary a {
    display: inline-block;
    min-height: 24px;
  }
  .summary,
  .receipt,
  .notice,
  .ask {
    padding: var(--_space);
    border: 3px solid var(--_error);
    border-radius: var(--_radius);
  }
  .receipt,
  .notice,
  .ask {
    border-color: var(--_accent);
  }
  .ask {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    align-items: center;
  }
  .ask p {
    flex-basis: 100%;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  .lost {
    margin-top: var(--_space);
  }
  .lost summary {
    cursor: pointer;
    color: var(--_accent);
    text-decoration: underline;
    padding-block: 0.25em;
  }
  .lost form {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-top: calc(var(--_space) / 2);
  }
  p {
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    color: var(--_error);
    font-weight: 700;
  }
`
