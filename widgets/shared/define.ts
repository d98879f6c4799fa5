/** Defines a widget once: the bundle may be loaded twice on a page (two script tags, two versions). */
export function define(tag: string, widget: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, widget)
}
