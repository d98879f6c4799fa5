// The custom elements manifest of the widgets (public/widgets/custom-elements.json), for editors'
// tooling. Lit's internal reactive state is declared in `static properties` with `state: true`;
// the analyzer would list it as attributes, so only the public ones are kept.
const PUBLIC_ATTRIBUTES = new Set(['api', 'year', 'lang', 'limit', 'heading-level'])

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
            const kept = new Set(declaration.attributes.map((a) => a.fieldName ?? a.name))
            declaration.members = declaration.members?.filter((m) => m.kind !== 'field' || m.privacy || kept.has(m.name) || m.static)
          }
        }
      },
    },
  ],
}
