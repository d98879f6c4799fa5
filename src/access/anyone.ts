import type { Access } from 'payload'

/** Public reading of what is meant to be public anyway (criteria, logos and photos). */
export const anyone: Access = () => true
