import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`title\` text;`)
  // The reviews written before titles: "Juror – Municipality (Round)", as the titleReview hook writes them.
  await db.run(sql`UPDATE \`reviews\` SET \`title\` =
    COALESCE((SELECT \`name\` FROM \`jurors\` WHERE \`jurors\`.\`id\` = \`reviews\`.\`juror_id\`), '–') || ' – ' ||
    COALESCE((SELECT \`municipality_name\` FROM \`applications\` WHERE \`applications\`.\`id\` = \`reviews\`.\`application_id\`), '–') || ' (' ||
    CASE \`round\` WHEN 'final' THEN 'Final' ELSE 'Gallring' END || ')';`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`title\`;`)
}
