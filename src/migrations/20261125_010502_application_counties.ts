import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`applications\` ADD \`county\` text;`)
  await db.run(sql`CREATE INDEX \`applications_county_idx\` ON \`applications\` (\`county\`);`)
  // The applications from before: a municipality's county is given by the first two digits of its code.
  await db.run(sql`UPDATE \`applications\` SET \`county\` = CASE substr(\`municipality\`, 1, 2)
    WHEN '01' THEN 'Stockholms län'
    WHEN '03' THEN 'Uppsala län'
    WHEN '04' THEN 'Södermanlands län'
    WHEN '05' THEN 'Östergötlands län'
    WHEN '06' THEN 'Jönköpings län'
    WHEN '07' THEN 'Kronobergs län'
    WHEN '08' THEN 'Kalmar län'
    WHEN '09' THEN 'Gotlands län'
    WHEN '10' THEN 'Blekinge län'
    WHEN '12' THEN 'Skåne län'
    WHEN '13' THEN 'Hallands län'
    WHEN '14' THEN 'Västra Götalands län'
    WHEN '17' THEN 'Värmlands län'
    WHEN '18' THEN 'Örebro län'
    WHEN '19' THEN 'Västmanlands län'
    WHEN '20' THEN 'Dalarnas län'
    WHEN '21' THEN 'Gävleborgs län'
    WHEN '22' THEN 'Västernorrlands län'
    WHEN '23' THEN 'Jämtlands län'
    WHEN '24' THEN 'Västerbottens län'
    WHEN '25' THEN 'Norrbottens län'
  END;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`applications_county_idx\`;`)
  await db.run(sql`ALTER TABLE \`applications\` DROP COLUMN \`county\`;`)
}
