export { eHalsokommun } from './plugin.js'
export { type CollectionOverride, defaultSlugs, type EhkPluginOptions, type Slugs } from './defaults.js'
export { seedDemoContent } from './seed/index.js'
