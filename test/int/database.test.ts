import { afterEach, describe, expect, it, vi } from 'vitest'
import { chooseDatabase } from '../../src/config/database.js'

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
