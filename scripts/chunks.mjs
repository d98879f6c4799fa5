// The widgets' build as a browser loads it, for the build's loader plugin (widgets/vite.config.ts)
// and its size check (scripts/build-widgets.mjs).

/**
 * A chunk and every chunk it imports, directly or not: what a browser loads with it.
 * @param {ReadonlyMap<string, { imports: readonly string[] }>} chunks the build's chunks by file name
 * @param {string} file
 * @param {Set<string>} [seen] files already counted (the result is added to it)
 * @returns {Set<string>}
 */
export function loadedWith(chunks, file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  for (const imported of chunks.get(file)?.imports ?? []) loadedWith(chunks, imported, seen)
  return seen
}
