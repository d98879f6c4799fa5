import * as migration_20261123_095524_initial from './20261123_095524_initial.js'

export const migrations = [
  {
    up: migration_20261123_095524_initial.up,
    down: migration_20261123_095524_initial.down,
    name: '20261123_095524_initial'
  },
];
