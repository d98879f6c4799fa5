// Only in the int-mongo project: what in production rests on MongoDB's unique indexes. The stand-in
// lists indexes but does not enforce them, so this asserts that each index exists with the right
// keys and is unique (built before the app serves: ensureIndexes); that it holds is MongoDB's to prove.
import type { Payload } from 'payload'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startPayload, type TestPayload } from '../helpers/payload.js'

let t: TestPayload
let payload: Payload
beforeAll(async () => {
  t = await startPayload()
  payload = t.payload
})
afterAll(() => t?.destroy())

/** The indexes of a collection as MongoDB lists them: keys and whether each is unique. */
async function indexesOf(slug: string): Promise<Array<{ key: Record<string, number>; unique: boolean }>> {
  const model = (payload.db as unknown as { collections: Record<string, { collection: { listIndexes(): { toArray(): Promise<Array<{ key: Record<string, number>; unique?: boolean }>> } } }> })
    .collections[slug]!
  return (await model.collection.listIndexes().toArray()).map(({ key, unique }) => ({ key, unique: unique === true }))
}

it('has a unique index for each rule that rests on one', async () => {
  // One counted application per municipality and year (its place), one use of an idempotency key.
  expect(await indexesOf('applications')).toEqual(
    expect.arrayContaining([
      { key: { place: 1 }, unique: true },
      { key: { idempotencyKey: 1 }, unique: true },
      { key: { reference: 1 }, unique: true },
    ]),
  )
  // One review per juror, application and round.
  expect(await indexesOf('reviews')).toEqual(expect.arrayContaining([{ key: { juror: 1, application: 1, round: 1 }, unique: true }]))
  // The announcement's bookkeeping happens once: its claim in the history.
  expect(await indexesOf('history')).toEqual(expect.arrayContaining([{ key: { once: 1 }, unique: true }]))
  expect(await indexesOf('award-years')).toEqual(expect.arrayContaining([{ key: { year: 1 }, unique: true }]))
})
