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

// Minified ES modules served by the CMS: the entry /widgets/ehk.js (the one script tag), and a chunk
// per widget plus the shared ones (Lit, the API client), named by their content so that they can be
// cached for a year.
export default defineConfig({
  plugins: [minifyCssTemplates(), collapseTemplateIndentation()],
  publicDir: false,
  build: {
    lib: { entry: 'widgets/index.ts', formats: ['es'], fileName: () => 'ehk.js' },
    outDir: 'public/widgets',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: { output: { minify: true, chunkFileNames: 'ehk-[name]-[hash].js' } },
  },
})
