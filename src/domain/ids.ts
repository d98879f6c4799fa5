/**
 * Two document ids in the order they were made: SQLite's whole numbers by value, MongoDB's ObjectIds
 * (24 hex digits, time first) as text. A numeric text comparison would read the digit runs inside an
 * ObjectId as numbers and mix that order up.
 */
export function compareIds(a: number | string, b: number | string): number {
  const [x, y] = [String(a), String(b)]
  const byLength = /^\d+$/.test(x) && /^\d+$/.test(y) ? x.length - y.length : 0
  return byLength || (x < y ? -1 : x > y ? 1 : 0)
}
