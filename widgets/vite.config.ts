import { transform } from 'lightningcss'
import { defineConfig, type Plugin } from 'vite'

/** The css`` templates of the widgets, minified (they are plain CSS without interpolations). */
const minifyCssTemplates = (): Plugin => ({
  name: 'ehk-minify-css-templates',
  transform(code, id) {
    if (!id.includes('/widgets/') || !code.includes('css`')) return null
    return code.replace(/css`([^`$]*)`/g, (_, source: string) => `css\`${transform({ filename: id, code: Buffer.from(source), minify: true }).code.toString()}\``)
  },
})

/**
 * After minification the only line breaks left are inside template literals: the indentation of
 * the html`` templates, which means nothing to HTML.
 */
const collapseTemplateIndentation = (): Plugin => ({
  name: 'ehk-collapse-template-indentation',
  renderChunk: (code) => ({ code: code.replace(/\n\s+/g, ' '), map: null }),
})

// Minified ES modules served by the CMS, named by their content so that they can be cached for a
// year: the runtime (the loader, Lit and what every widget shares, in one file: one request and one
// compression window), and a chunk per widget. /widgets/ehk.js, the one script tag, only imports the
// runtime (scripts/build-widgets.mjs writes it).
export default defineConfig({
  plugins: [minifyCssTemplates(), collapseTemplateIndentation()],
  publicDir: false,
  build: {
    lib: { entry: 'widgets/index.ts', formats: ['es'] },
    outDir: 'public/widgets',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // The shared code may live in the runtime (the entry), which then exports it to the widgets' chunks.
      preserveEntrySignatures: 'allow-extension',
      output: { minify: true, comments: false, entryFileNames: 'ehk-runtime-[hash].js', chunkFileNames: 'ehk-[name]-[hash].js' },
    },
  },
})
