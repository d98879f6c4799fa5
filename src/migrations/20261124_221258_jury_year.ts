import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`jurors_ties\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`municipality\` text NOT NULL,
  	\`kind\` text DEFAULT 'employer' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`jurors\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`jurors_ties_order_idx\` ON \`jurors_ties\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`jurors_ties_parent_id_idx\` ON \`jurors_ties\` (\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`finalist_count\` numeric DEFAULT 5 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`jury_decision_at\` text;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`jurydecisionat_tz\` text DEFAULT 'Europe/Stockholm';`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`reminder_days\` numeric DEFAULT 3 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`publish_finalists\` integer;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`screening_reopened_until\` text;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`screeningreopeneduntil_tz\` text DEFAULT 'Europe/Stockholm';`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`final_reopened_until\` text;`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`finalreopeneduntil_tz\` text DEFAULT 'Europe/Stockholm';`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` ADD \`answer_by\` text DEFAULT '2000-01-01T00:00:00.000Z' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` ADD \`answerby_tz\` text DEFAULT 'Europe/Stockholm' NOT NULL;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` ADD \`answer_limit\` numeric DEFAULT 2000 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` ADD \`asked_at\` text;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` ADD \`askedat_tz\` text DEFAULT 'Europe/Stockholm';`)
  await db.run(sql`ALTER TABLE \`applications\` ADD \`shortlisted_at\` text;`)
  await db.run(sql`ALTER TABLE \`applications\` ADD \`shortlistedat_tz\` text DEFAULT 'Europe/Stockholm';`)
  await db.run(sql`ALTER TABLE \`history\` ADD \`once\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`history_once_idx\` ON \`history\` (\`once\`);`)
  await db.run(sql`ALTER TABLE \`history_rels\` ADD \`jurors_id\` integer REFERENCES jurors(id);`)
  await db.run(sql`CREATE INDEX \`history_rels_jurors_id_idx\` ON \`history_rels\` (\`jurors_id\`);`)
  // Finalists of years past the selection are in the final round from the finalists date (or their submission).
  await db.run(sql`UPDATE \`applications\` SET \`shortlisted_at\` = COALESCE((SELECT \`finalists_at\` FROM \`award_years\` WHERE \`award_years\`.\`id\` = \`applications\`.\`award_year_id\`), \`submitted_at\`) WHERE \`status\` IN ('finalist', 'winner') AND \`award_year_id\` IN (SELECT \`id\` FROM \`award_years\` WHERE \`status\` IN ('finalists', 'decided', 'announced'));`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`jurors_ties\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_history_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`applications_id\` integer,
  	\`award_years_id\` integer,
  	\`reviews_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`history\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`applications_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`award_years_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviews_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_history_rels\`("id", "order", "parent_id", "path", "applications_id", "award_years_id", "reviews_id") SELECT "id", "order", "parent_id", "path", "applications_id", "award_years_id", "reviews_id" FROM \`history_rels\`;`)
  await db.run(sql`DROP TABLE \`history_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_history_rels\` RENAME TO \`history_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`history_rels_order_idx\` ON \`history_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_parent_idx\` ON \`history_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_path_idx\` ON \`history_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_applications_id_idx\` ON \`history_rels\` (\`applications_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_award_years_id_idx\` ON \`history_rels\` (\`award_years_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_reviews_id_idx\` ON \`history_rels\` (\`reviews_id\`);`)
  await db.run(sql`DROP INDEX \`history_once_idx\`;`)
  await db.run(sql`ALTER TABLE \`history\` DROP COLUMN \`once\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`finalist_count\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`jury_decision_at\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`jurydecisionat_tz\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`reminder_days\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`publish_finalists\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`screening_reopened_until\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`screeningreopeneduntil_tz\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`final_reopened_until\`;`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`finalreopeneduntil_tz\`;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` DROP COLUMN \`answer_by\`;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` DROP COLUMN \`answerby_tz\`;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` DROP COLUMN \`answer_limit\`;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` DROP COLUMN \`asked_at\`;`)
  await db.run(sql`ALTER TABLE \`applications_supplementary_questions\` DROP COLUMN \`askedat_tz\`;`)
  await db.run(sql`ALTER TABLE \`applications\` DROP COLUMN \`shortlisted_at\`;`)
  await db.run(sql`ALTER TABLE \`applications\` DROP COLUMN \`shortlistedat_tz\`;`)
}
