// Framework-free rules shared by the CMS and the widgets. No imports from Payload, Lit or Node here.
export * from './application.js'
export * from './characters.js'
export * from './lifecycle.js'
export * from './municipalities.js'
export * from './text.js'
export * from './time.js'
export * from './richText.js'
