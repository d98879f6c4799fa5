import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`applications\` ADD \`edit_token_hash\` text;`)
  await db.run(sql`ALTER TABLE \`applications\` ADD \`idempotency_key\` text;`)
  await db.run(sql`CREATE INDEX \`applications_edit_token_hash_idx\` ON \`applications\` (\`edit_token_hash\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`applications_idempotency_key_idx\` ON \`applications\` (\`idempotency_key\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`applications_edit_token_hash_idx\`;`)
  await db.run(sql`DROP INDEX \`applications_idempotency_key_idx\`;`)
  await db.run(sql`ALTER TABLE \`applications\` DROP COLUMN \`edit_token_hash\`;`)
  await db.run(sql`ALTER TABLE \`applications\` DROP COLUMN \`idempotency_key\`;`)
}
