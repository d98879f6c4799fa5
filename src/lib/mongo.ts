import type { PayloadRequest } from 'payload'

/** What the app uses of the MongoDB driver, through Payload's mongoose adapter. */
export interface MongoSide {
  name: 'mongoose'
  /** The mongoose connection (a driver database: `collection(name)`). */
  connection: { collection(name: string): { insertOne(doc: object, options?: object): Promise<unknown> } }
  /** The driver sessions of Payload's open transactions, by transaction id. */
  sessions?: Record<string, unknown>
}

/** The adapter's MongoDB side when the app runs on MongoDB, else undefined (SQLite). */
export function mongoOf(db: unknown): MongoSide | undefined {
  const adapter = db as Partial<MongoSide> | undefined
  return adapter?.name === 'mongoose' && adapter.connection ? (adapter as MongoSide) : undefined
}

/** The driver session of the transaction a request runs in, if any (Payload's getSession, which it does not export). */
export async function sessionOf(mongo: MongoSide, req: PayloadRequest): Promise<unknown> {
  const transaction = req.transactionID ? await req.transactionID : undefined
  return transaction ? mongo.sessions?.[String(transaction)] : undefined
}
