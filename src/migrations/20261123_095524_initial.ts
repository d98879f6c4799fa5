import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'juror' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE TABLE \`award_years_timeline\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`starts_on\` text NOT NULL,
  	\`startson_tz\` text DEFAULT 'Europe/Stockholm' NOT NULL,
  	\`ends_on\` text,
  	\`endson_tz\` text DEFAULT 'Europe/Stockholm',
  	\`description\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`award_years_timeline_order_idx\` ON \`award_years_timeline\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`award_years_timeline_parent_id_idx\` ON \`award_years_timeline\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`award_years_success_factors\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`award_years_success_factors_order_idx\` ON \`award_years_success_factors\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`award_years_success_factors_parent_id_idx\` ON \`award_years_success_factors\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`award_years\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`title\` text NOT NULL,
  	\`opens_at\` text,
  	\`opensat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`deadline\` text,
  	\`deadline_tz\` text DEFAULT 'Europe/Stockholm',
  	\`finalists_at\` text,
  	\`finalistsat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`ceremony_at\` text,
  	\`ceremonyat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`announcement_at\` text,
  	\`announcementat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`character_limit\` numeric DEFAULT 12000 NOT NULL,
  	\`assessment_focus\` text,
  	\`contact_title\` text,
  	\`contact_email\` text,
  	\`contact_phone\` text,
  	\`winner_id\` integer,
  	\`jury_motivation\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`winner_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`award_years_year_idx\` ON \`award_years\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`award_years_status_idx\` ON \`award_years\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`award_years_winner_idx\` ON \`award_years\` (\`winner_id\`);`)
  await db.run(sql`CREATE INDEX \`award_years_updated_at_idx\` ON \`award_years\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`award_years_created_at_idx\` ON \`award_years\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`award_years_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`criteria_id\` integer,
  	\`partners_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`criteria_id\`) REFERENCES \`criteria\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`award_years_rels_order_idx\` ON \`award_years_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`award_years_rels_parent_idx\` ON \`award_years_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`award_years_rels_path_idx\` ON \`award_years_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`award_years_rels_criteria_id_idx\` ON \`award_years_rels\` (\`criteria_id\`);`)
  await db.run(sql`CREATE INDEX \`award_years_rels_partners_id_idx\` ON \`award_years_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE TABLE \`criteria_guiding_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`criteria\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`criteria_guiding_questions_order_idx\` ON \`criteria_guiding_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`criteria_guiding_questions_parent_id_idx\` ON \`criteria_guiding_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`criteria\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`order\` numeric DEFAULT 0 NOT NULL,
  	\`description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`criteria_title_idx\` ON \`criteria\` (\`title\`);`)
  await db.run(sql`CREATE INDEX \`criteria_updated_at_idx\` ON \`criteria\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`criteria_created_at_idx\` ON \`criteria\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`applications_answers\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`criterion_id\` integer NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`criterion_id\`) REFERENCES \`criteria\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`applications_answers_order_idx\` ON \`applications_answers\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`applications_answers_parent_id_idx\` ON \`applications_answers\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_answers_criterion_idx\` ON \`applications_answers\` (\`criterion_id\`);`)
  await db.run(sql`CREATE TABLE \`applications_supplementary_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question\` text NOT NULL,
  	\`answer\` text,
  	\`answered_at\` text,
  	\`answeredat_tz\` text DEFAULT 'Europe/Stockholm',
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`applications_supplementary_questions_order_idx\` ON \`applications_supplementary_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`applications_supplementary_questions_parent_id_idx\` ON \`applications_supplementary_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`applications\` (
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
  	\`score_summary_reviews\` numeric,
  	\`score_summary_average\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`award_year_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`partner_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`applications_award_year_idx\` ON \`applications\` (\`award_year_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_status_idx\` ON \`applications\` (\`status\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_reference_idx\` ON \`applications\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`applications_partner_idx\` ON \`applications\` (\`partner_id\`);`)
  await db.run(sql`CREATE INDEX \`applications_updated_at_idx\` ON \`applications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`applications_created_at_idx\` ON \`applications\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`awardYear_municipality_idx\` ON \`applications\` (\`award_year_id\`,\`municipality\`);`)
  await db.run(sql`CREATE TABLE \`jurors\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`title\` text,
  	\`organisation_id\` integer,
  	\`photo_id\` integer,
  	\`bio\` text,
  	\`user_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`organisation_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`jurors_organisation_idx\` ON \`jurors\` (\`organisation_id\`);`)
  await db.run(sql`CREATE INDEX \`jurors_photo_idx\` ON \`jurors\` (\`photo_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`jurors_user_idx\` ON \`jurors\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`jurors_updated_at_idx\` ON \`jurors\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`jurors_created_at_idx\` ON \`jurors\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`jurors_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`award_years_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`jurors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`award_years_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`jurors_rels_order_idx\` ON \`jurors_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`jurors_rels_parent_idx\` ON \`jurors_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`jurors_rels_path_idx\` ON \`jurors_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`jurors_rels_award_years_id_idx\` ON \`jurors_rels\` (\`award_years_id\`);`)
  await db.run(sql`CREATE TABLE \`partners_allowed_origins\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`origin\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`partners_allowed_origins_order_idx\` ON \`partners_allowed_origins\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`partners_allowed_origins_parent_id_idx\` ON \`partners_allowed_origins\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`partners\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text,
  	\`role\` text DEFAULT 'partner' NOT NULL,
  	\`website\` text,
  	\`logo_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`partners_name_idx\` ON \`partners\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`partners_logo_idx\` ON \`partners\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`partners_updated_at_idx\` ON \`partners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`partners_created_at_idx\` ON \`partners\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reviews_scores\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`criterion_id\` integer,
  	\`score\` numeric,
  	\`comment\` text,
  	FOREIGN KEY (\`criterion_id\`) REFERENCES \`criteria\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_scores_order_idx\` ON \`reviews_scores\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`reviews_scores_parent_id_idx\` ON \`reviews_scores\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_scores_criterion_idx\` ON \`reviews_scores\` (\`criterion_id\`);`)
  await db.run(sql`CREATE TABLE \`reviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`application_id\` integer NOT NULL,
  	\`juror_id\` integer NOT NULL,
  	\`round\` text DEFAULT 'screening' NOT NULL,
  	\`conflict_of_interest\` integer,
  	\`conflict_note\` text,
  	\`recommendation\` text,
  	\`comment\` text,
  	\`submitted\` integer,
  	\`submitted_at\` text,
  	\`submittedat_tz\` text DEFAULT 'Europe/Stockholm',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`application_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`juror_id\`) REFERENCES \`jurors\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reviews_application_idx\` ON \`reviews\` (\`application_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_juror_idx\` ON \`reviews\` (\`juror_id\`);`)
  await db.run(sql`CREATE INDEX \`reviews_updated_at_idx\` ON \`reviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reviews_created_at_idx\` ON \`reviews\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`juror_application_round_idx\` ON \`reviews\` (\`juror_id\`,\`application_id\`,\`round\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`media_id\` integer,
  	\`award_years_id\` integer,
  	\`criteria_id\` integer,
  	\`applications_id\` integer,
  	\`jurors_id\` integer,
  	\`partners_id\` integer,
  	\`reviews_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`award_years_id\`) REFERENCES \`award_years\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`criteria_id\`) REFERENCES \`criteria\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`applications_id\`) REFERENCES \`applications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`jurors_id\`) REFERENCES \`jurors\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reviews_id\`) REFERENCES \`reviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_award_years_id_idx\` ON \`payload_locked_documents_rels\` (\`award_years_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_criteria_id_idx\` ON \`payload_locked_documents_rels\` (\`criteria_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_applications_id_idx\` ON \`payload_locked_documents_rels\` (\`applications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_jurors_id_idx\` ON \`payload_locked_documents_rels\` (\`jurors_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reviews_id_idx\` ON \`payload_locked_documents_rels\` (\`reviews_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`award_years_timeline\`;`)
  await db.run(sql`DROP TABLE \`award_years_success_factors\`;`)
  await db.run(sql`DROP TABLE \`award_years\`;`)
  await db.run(sql`DROP TABLE \`award_years_rels\`;`)
  await db.run(sql`DROP TABLE \`criteria_guiding_questions\`;`)
  await db.run(sql`DROP TABLE \`criteria\`;`)
  await db.run(sql`DROP TABLE \`applications_answers\`;`)
  await db.run(sql`DROP TABLE \`applications_supplementary_questions\`;`)
  await db.run(sql`DROP TABLE \`applications\`;`)
  await db.run(sql`DROP TABLE \`jurors\`;`)
  await db.run(sql`DROP TABLE \`jurors_rels\`;`)
  await db.run(sql`DROP TABLE \`partners_allowed_origins\`;`)
  await db.run(sql`DROP TABLE \`partners\`;`)
  await db.run(sql`DROP TABLE \`reviews_scores\`;`)
  await db.run(sql`DROP TABLE \`reviews\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
