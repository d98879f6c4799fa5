import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`history\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`at\` text NOT NULL,
  	\`at_tz\` text DEFAULT 'Europe/Stockholm' NOT NULL,
  	\`action\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`actor_id\` integer,
  	\`actor_label\` text,
  	\`reason\` text,
  	\`details\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`history_at_idx\` ON \`history\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`history_action_idx\` ON \`history\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`history_actor_idx\` ON \`history\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`history_updated_at_idx\` ON \`history\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`history_created_at_idx\` ON \`history\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`history_rels\` (
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
  await db.run(sql`CREATE INDEX \`history_rels_order_idx\` ON \`history_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_parent_idx\` ON \`history_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_path_idx\` ON \`history_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_applications_id_idx\` ON \`history_rels\` (\`applications_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_award_years_id_idx\` ON \`history_rels\` (\`award_years_id\`);`)
  await db.run(sql`CREATE INDEX \`history_rels_reviews_id_idx\` ON \`history_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_applications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`award_year_id\` integer NOT NULL,
  	\`municipality\` text NOT NULL,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`withdrawal_reason\` text,
  	\`competing\` integer DEFAULT false,
  	\`municipality_name\` text,
  	\`reference\` text,
  	\`submitted_at\` text,
  	\`submittedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`confirmed_at\` text,
  	\`confirmedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`confirm_expires_at\` text,
  	\`confirmexpiresat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`withdrawn_at\` text,
  	\`withdrawnat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`partner_id\` integer,
  	\`personal_data_erased_at\` text,
  	\`personaldataerasedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`contact_name\` text,
  	\`contact_role\` text,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`consent\` integer DEFAULT false NOT NULL,
  	\`consent_version\` text,
  	\`consented_at\` text,
  	\`consentedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`edit_token_hash\` text,
  	\`confirm_token_hash\` text,
  	\`idempotency_key\` text,
  	\`request_hash\` text,
  	\`link_sent_at\` text,
  	\`linksentat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`place\` text,
  	\`score_summary_reviews\` numeric,
  	\`score_summary_average\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`award_year_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  // Only the columns the table had; the new ones are filled in below.
  await db.run(sql`INSERT INTO \`__new_applications\`("id", "award_year_id", "municipality", "status", "municipality_name", "reference", "submitted_at", "submittedat_tz", "partner_id", "contact_name", "contact_role", "contact_email", "contact_phone", "consent", "edit_token_hash", "idempotency_key", "score_summary_reviews", "score_summary_average", "updated_at", "created_at") SELECT "id", "award_year_id", "municipality", "status", "municipality_name", "reference", "submitted_at", "submittedat_tz", "partner_id", "contact_name", "contact_role", "contact_email", "contact_phone", "consent", "edit_token_hash", "idempotency_key", "score_summary_reviews", "score_summary_average", "updated_at", "created_at" FROM \`applications\`;`)
  await db.run(sql`DROP TABLE \`applications\`;`)
  await db.run(sql`ALTER TABLE \`__new_applications\` RENAME TO \`applications\`;`)
  // Applications from before confirmation existed counted as confirmed; each (one per municipality
  // and year, as the old unique index kept them) holds its municipality's place.
  await db.run(sql`UPDATE \`applications\` SET
    \`confirmed_at\` = \`submitted_at\`,
    \`consent_version\` = 'before-2026-11-24',
    \`consented_at\` = \`submitted_at\`,
    \`place\` = CASE WHEN \`status\` IN ('submitted', 'finalist', 'not-selected', 'winner') THEN \`award_year_id\` || ':' || \`municipality\` ELSE 'free:' || \`id\` END;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`applications_award_year_idx\` ON \`applications\` (\`award_year_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_status_idx\` ON \`applications\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`applications_competing_idx\` ON \`applications\` (\`competing\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_reference_idx\` ON \`applications\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`applications_partner_idx\` ON \`applications\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_edit_token_hash_idx\` ON \`applications\` (\`edit_token_hash\`);`)
  await db.run(sql`CREATE INDEX \`applications_confirm_token_hash_idx\` ON \`applications\` (\`confirm_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_idempotency_key_idx\` ON \`applications\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_place_idx\` ON \`applications\` (\`place\`);`)
  await db.run(sql`CREATE INDEX \`applications_updated_at_idx\` ON \`applications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`applications_created_at_idx\` ON \`applications\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`awardYear_municipality_idx\` ON \`applications\` (\`award_year_id\`,\`municipality\`);`)
  await db.run(sql`ALTER TABLE \`award_years\` ADD \`retention_months\` numeric DEFAULT 24 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`conflict_lift_reason\` text;`)
  await db.run(sql`ALTER TABLE \`reviews\` ADD \`reopen_reason\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`history\`;`)
  await db.run(sql`DROP TABLE \`history_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_applications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`award_year_id\` integer NOT NULL,
  	\`municipality\` text NOT NULL,
  	\`status\` text DEFAULT 'submitted' NOT NULL,
  	\`municipality_name\` text,
  	\`reference\` text,
  	\`submitted_at\` text,
  	\`submittedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`partner_id\` integer,
  	\`contact_name\` text NOT NULL,
  	\`contact_role\` text,
  	\`contact_email\` text NOT NULL,
  	\`contact_phone\` text,
  	\`consent\` integer DEFAULT false NOT NULL,
  	\`edit_token_hash\` text,
  	\`idempotency_key\` text,
  	\`score_summary_reviews\` numeric,
  	\`score_summary_average\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`award_year_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_applications\`("id", "award_year_id", "municipality", "status", "municipality_name", "reference", "submitted_at", "submittedat_tz", "partner_id", "contact_name", "contact_role", "contact_email", "contact_phone", "consent", "edit_token_hash", "idempotency_key", "score_summary_reviews", "score_summary_average", "updated_at", "created_at") SELECT "id", "award_year_id", "municipality", "status", "municipality_name", "reference", "submitted_at", "submittedat_tz", "partner_id", "contact_name", "contact_role", "contact_email", "contact_phone", "consent", "edit_token_hash", "idempotency_key", "score_summary_reviews", "score_summary_average", "updated_at", "created_at" FROM \`applications\`;`)
  await db.run(sql`DROP TABLE \`applications\`;`)
  await db.run(sql`ALTER TABLE \`__new_applications\` RENAME TO \`applications\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`applications_award_year_idx\` ON \`applications\` (\`award_year_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_status_idx\` ON \`applications\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_reference_idx\` ON \`applications\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`applications_partner_idx\` ON \`applications\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_edit_token_hash_idx\` ON \`applications\` (\`edit_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_idempotency_key_idx\` ON \`applications\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`applications_updated_at_idx\` ON \`applications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`applications_created_at_idx\` ON \`applications\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`awardYear_municipality_idx\` ON \`applications\` (\`award_year_id\`,\`municipality\`);`)
  await db.run(sql`ALTER TABLE \`award_years\` DROP COLUMN \`retention_months\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`conflict_lift_reason\`;`)
  await db.run(sql`ALTER TABLE \`reviews\` DROP COLUMN \`reopen_reason\`;`)
}
