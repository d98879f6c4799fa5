import { transform } from 'lightningcss'
import { defineConfig, type Plugin } from 'vite'
import { loadedWith } from '../scripts/chunks.mjs'

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

/**
 * A widget's chunk imports others (the runtime, code it shares with another widget), which a
 * browser finds only once the chunk has arrived: one round trip after another. So the loader
 * starts them all at once, as Vite's preloading does in an app (which it leaves out in library
 * mode): what every widget imports as soon as the loader runs, the rest with its widget:
 * `import("./w.js")` becomes `(import("./dep.js"),…,import("./w.js"))`.
 */
const loadDependenciesTogether = (): Plugin => ({
  name: 'ehk-load-dependencies-together',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk')
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
    // A dependency that fails fails its widget's import too, which the loader handles: no second report.
    const load = (file: string) => `import("./${file}").catch(()=>0)`
    for (const entry of chunks.filter((chunk) => chunk.isEntry)) {
      // Each widget's chunk → the chunks it imports, directly or not.
      const imports = new Map(entry.dynamicImports.map((file) => [file, [...loadedWith(byName, file)].filter((imported) => imported !== file)]))
      const all = [...imports.values()]
      const everyones = all[0]?.filter((file) => all.every((dependencies) => dependencies.includes(file))) ?? []
      entry.code = `${everyones.map(load).join(';')};${entry.code.replace(/import\((["'`])\.\/([\w.-]+\.js)\1\)/g, (call, _quote, file: string) => {
        const own = (imports.get(file) ?? []).filter((dependency) => !everyones.includes(dependency)).map(load)
        return own.length ? `(${[...own, call].join(',')})` : call
      })}`
    }
  },
})

// Minified ES modules served by the CMS: ehk.js, the loader (the one script tag, revalidated), and,
// named by their content so that they can be cached for a year, the runtime (Lit and what every
// widget shares: one request and one compression window) and a chunk per widget.
export default defineConfig({
  plugins: [minifyCssTemplates(), collapseTemplateIndentation(), loadDependenciesTogether()],
  publicDir: false,
  build: {
    lib: { entry: 'widgets/index.ts', formats: ['es'] },
    outDir: 'public/widgets',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      output: {
        minify: true,
        comments: false,
        entryFileNames: 'ehk.js',
        chunkFileNames: 'ehk-[name]-[hash].js',
        codeSplitting: {
          groups: [
            {
              name: 'runtime',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]|widgets[\\/]shared[\\/](api|define|element|i18n|styles|templates)\.ts$|src[\\/]domain[\\/](lifecycle|time)\.ts$/,
            },
          ],
        },
      },
    },
  },
})
