// The custom elements manifest of the widgets (public/widgets/custom-elements.json), for editors'
// tooling. Lit's internal reactive state is declared in `static properties` with `state: true`;
// the analyzer would list it as attributes and fields, so only the public ones are kept.
const PUBLIC_ATTRIBUTES = new Set(['api', 'year', 'lang', 'limit', 'heading-level', 'preview'])
/** Reactive state and helpers for rendering (marked @internal in the source). */
const INTERNAL_FIELDS = new Set(['data', 'draft', 'errors', 'problem', 'sending', 'receipt', 'announcement', 'now', 'winners', 'state', 'language', 't'])

export default {
  globs: ['widgets/**/*.ts'],
  exclude: ['widgets/**/*.test.ts', 'widgets/test/**', 'widgets/vite.config.ts'],
  outdir: 'public/widgets',
  litelement: true,
  plugins: [
    {
      name: 'ehk-public-attributes-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.attributes) continue
            declaration.attributes = declaration.attributes.filter((a) => PUBLIC_ATTRIBUTES.has(a.name))
            declaration.members = declaration.members?.filter((m) => !INTERNAL_FIELDS.has(m.name))
          }
        }
      },
    },
  ],
}
