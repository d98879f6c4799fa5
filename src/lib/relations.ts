/** The id of a relationship value, whether Payload returned it populated (an object) or as an id. */
export function idOf(value: null | undefined): undefined
export function idOf(value: unknown): number | string
export function idOf(value: unknown): number | string | undefined {
  return typeof value === 'object' && value !== null ? (value as { id: number | string }).id : ((value ?? undefined) as number | string | undefined)
}
