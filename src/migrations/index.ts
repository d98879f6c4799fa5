import * as migration_20261123_095524_initial from './20261123_095524_initial';
import * as migration_20261123_102447_api_fields from './20261123_102447_api_fields';
import * as migration_20261124_213725_trust_at_the_public_door from './20261124_213725_trust_at_the_public_door';
import * as migration_20261124_221258_jury_year from './20261124_221258_jury_year';
import * as migration_20261125_002533_review_titles from './20261125_002533_review_titles';
import * as migration_20261125_010502_application_counties from './20261125_010502_application_counties';

export const migrations = [
  {
    up: migration_20261123_095524_initial.up,
    down: migration_20261123_095524_initial.down,
    name: '20261123_095524_initial',
  },
  {
    up: migration_20261123_102447_api_fields.up,
    down: migration_20261123_102447_api_fields.down,
    name: '20261123_102447_api_fields',
  },
  {
    up: migration_20261124_213725_trust_at_the_public_door.up,
    down: migration_20261124_213725_trust_at_the_public_door.down,
    name: '20261124_213725_trust_at_the_public_door',
  },
  {
    up: migration_20261124_221258_jury_year.up,
    down: migration_20261124_221258_jury_year.down,
    name: '20261124_221258_jury_year',
  },
  {
    up: migration_20261125_002533_review_titles.up,
    down: migration_20261125_002533_review_titles.down,
    name: '20261125_002533_review_titles',
  },
  {
    up: migration_20261125_010502_application_counties.up,
    down: migration_20261125_010502_application_counties.down,
    name: '20261125_010502_application_counties'
  },
];
