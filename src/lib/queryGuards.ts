// What a client writes into a query of Payload's own REST and GraphQL APIs: refused with 400 or 404
// before the database sees it, or turned into 400 when the database refuses it, the same on every
// database, instead of a 500 or an answer to a different question.
import { type AfterErrorHook, APIError, type CollectionBeforeOperationHook, type FlattenedField, NotFound, type Where } from 'payload'
import { parseDocumentId } from './ids.js'

const INVALID_QUERY = 'Ogiltigt värde i frågan / invalid value in the query (where, limit, page, sort).'

/**
 * A query the database cannot run because of what the client wrote in it (a date that is no date,
 * `limit=3.7`, an id list with a word in it) is the client's error: 400, not 500. The log still has it.
 */
export const badQueryIsClientError: AfterErrorHook = ({ error }) => {
  const causes = [error, (error as { cause?: unknown }).cause].map((e) => `${(e as Error)?.name ?? ''}: ${(e as Error)?.message ?? ''}`).join(' | ')
  const badValue = /Only finite numbers|cannot be passed as argument|datatype mismatch|CastError|BSONError|Cast to \w+ failed|input must be a 24 character hex/i.test(causes)
  if (!badValue || !/Failed query|CastError|BSON/i.test(causes)) return
  return { response: { errors: [{ message: INVALID_QUERY }] }, status: 400 }
}

type ValueCheck = (value: unknown) => boolean
/**
 * For the field types whose query values the databases read differently: whether a value is
 * impossible. An empty value is left to Payload (the admin's filters send one while being filled in).
 */
const IMPOSSIBLE: Partial<Record<FlattenedField['type'], ValueCheck>> = {
  date: (value) => ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') && Number.isNaN(new Date(value).getTime()),
  number: (value) => typeof value === 'string' && value.trim() !== '' && !Number.isFinite(Number(value)),
}

/** The dotted paths of a collection's date and number fields, as a query names them, with their check. */
const typedPaths = (fields: FlattenedField[], prefix = ''): Array<[string, ValueCheck]> =>
  fields.flatMap((field): Array<[string, ValueCheck]> => {
    const check = IMPOSSIBLE[field.type]
    if (check) return [[`${prefix}${field.name}`, check]]
    return 'flattenedFields' in field && Array.isArray(field.flattenedFields) ? typedPaths(field.flattenedFields, `${prefix}${field.name}.`) : []
  })
const typedPathsOf = new WeakMap<object, Map<string, ValueCheck>>()

/** Whether a query compares a date or number field with something of another kind (`exists` takes a boolean). */
function comparesWithImpossibleValue(where: Where, paths: Map<string, ValueCheck>): boolean {
  return Object.entries(where).some(([key, condition]) => {
    if (key === 'and' || key === 'or') return Array.isArray(condition) && condition.some((part) => comparesWithImpossibleValue(part as Where, paths))
    const impossible = paths.get(key)
    if (!impossible || !condition || typeof condition !== 'object') return false
    return Object.entries(condition).some(
      ([operator, value]) => operator !== 'exists' && (typeof value === 'string' && /^(in|not_in|all)$/.test(operator) ? value.split(',') : [value].flat()).some(impossible),
    )
  })
}

/**
 * A query that compares a date with something that is no date, or a number with a word, is the
 * client's error on every database: 400. Left to the databases, SQLite refuses the one and answers the
 * other, and MongoDB's adapter refuses the other and quietly drops the one (answering with more than
 * was asked for).
 */
export const impossibleValueIsClientError: CollectionBeforeOperationHook = ({ args, collection }) => {
  const where = (args as { where?: Where }).where
  if (!where) return args
  let paths = typedPathsOf.get(collection)
  if (!paths) typedPathsOf.set(collection, (paths = new Map(typedPaths(collection.flattenedFields))))
  if (comparesWithImpossibleValue(where, paths)) throw new APIError(INVALID_QUERY, 400, undefined, true)
  return args
}

/**
 * A document id that cannot exist in this database (a word where ids are numbers, say) is simply
 * not found: 404, instead of a query the database refuses with a 500.
 */
export const impossibleIdIsNotFound: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id !== undefined && parseDocumentId(req.payload, id) === undefined) throw new NotFound(req.t)
  return args
}
