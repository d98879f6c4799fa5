import { afterEach, describe, expect, it, vi } from 'vitest'
import { compatibilityOptions } from '@payloadcms/db-mongodb'
import { chooseDatabase, databaseCompat, mongoSettings } from '../../src/config/database.js'

describe('database from DATABASE_URI', () => {
  afterEach(() => vi.restoreAllMocks())

  it('selects MongoDB for mongodb:// and mongodb+srv:// without connecting', () => {
    for (const uri of ['mongodb://user:secret@db.example.org:27017/ehk', 'mongodb+srv://user:secret@cluster.example.net/ehk']) {
      const choice = chooseDatabase(uri)
      expect(choice.kind).toBe('mongodb')
      expect(choice.adapter.name).toBe('mongoose')
      expect(choice.description).not.toContain('secret')
    }
  })

  it('selects the embedded SQLite file under ./data when nothing is set', () => {
    const choice = chooseDatabase(undefined)
    expect(choice.kind).toBe('sqlite')
    expect(choice.adapter.name).toBe('sqlite')
    expect(choice.description).toBe('SQLite (file:data/ehalsokommun.db)')
  })

  it('selects SQLite for a file path or URL, and for anything that is not MongoDB', () => {
    expect(chooseDatabase('file:/tmp/ehk-test/x.db').description).toBe('SQLite (file:/tmp/ehk-test/x.db)')
    expect(chooseDatabase('/tmp/ehk-test/y.db').description).toBe('SQLite (file:/tmp/ehk-test/y.db)')
    expect(chooseDatabase('postgres://localhost/ehk').kind).toBe('sqlite')
    expect(chooseDatabase('mongodb.example.org').kind).toBe('sqlite')
  })
})

describe('the MongoDB adapter’s one configuration', () => {
  it('builds indexes before serving and reads joins without aggregation, in production as in the tests', () => {
    expect(mongoSettings()).toEqual({ ensureIndexes: true, useJoinAggregations: false })
  })

  it('applies Payload’s options for DocumentDB, Cosmos DB and Firestore from DATABASE_COMPAT, and refuses anything else', () => {
    expect(databaseCompat(undefined)).toBeUndefined()
    expect(databaseCompat('')).toBeUndefined()
    for (const compat of ['documentdb', 'cosmosdb', 'firestore'] as const) {
      expect(databaseCompat(compat)).toBe(compat)
      expect(mongoSettings(compat)).toEqual(Object.assign({ ensureIndexes: true, useJoinAggregations: false }, compatibilityOptions[compat]))
    }
    // Firestore cannot build indexes: its own option wins.
    expect(mongoSettings('firestore').ensureIndexes).toBe(false)
    expect(() => databaseCompat('cosmos')).toThrow('DATABASE_COMPAT="cosmos" känns inte igen / is not known: cosmosdb, documentdb, firestore.')
    expect(chooseDatabase('mongodb://db.example.org/ehk', {}, 'cosmosdb').description).toBe('MongoDB (mongodb://db.example.org/ehk, cosmosdb)')
  })
})
