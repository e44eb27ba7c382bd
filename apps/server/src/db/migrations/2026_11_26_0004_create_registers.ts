import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

/**
 * Paths are compared as ranges (`path >= prefix and path < prefix-upper`), which only works on byte order:
 * SQLite's default; on PostgreSQL the column must use the C collation or '/' sorts by locale rules.
 */
export function bytewise(db: Kysely<unknown>) {
  const pg = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  return (c: ColumnDefinitionBuilder) => (pg ? c.modifyEnd(sql`collate "C"`) : c);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const c = bytewise(db);
  await db.schema
    .createTable('households')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('dwelling_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('householder_id', 'varchar(64)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('moved_in_on', 'varchar(10)')
    .addColumn('moved_out_on', 'varchar(10)')
    .addColumn('note', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('households_dwelling_idx').on('households').column('dwelling_id').execute();
  await db.schema.createIndex('households_path_idx').on('households').column('place_path').execute();
  await db.schema.createIndex('households_community_idx').on('households').columns(['community_id', 'status']).execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('relation', 'varchar(24)')
    /** The dwelling's path while in a household, the community's otherwise: scope filters use it. */
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('gender', 'varchar(8)')
    .addColumn('birth_date', 'varchar(10)')
    .addColumn('id_number_cipher', 'varchar(200)')
    .addColumn('id_number_index', 'varchar(64)')
    .addColumn('phone_cipher', 'varchar(200)')
    .addColumn('phone_index', 'varchar(64)')
    /** The last four digits, shown in every mask anyway, so "search by the end of the number" needs no decryption. */
    .addColumn('phone_tail', 'varchar(4)')
    .addColumn('ethnicity', 'varchar(20)')
    .addColumn('residency_status', 'varchar(24)', (col) => col.notNull())
    .addColumn('registered_address', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('moved_in_on', 'varchar(10)')
    .addColumn('moved_out_on', 'varchar(10)')
    .addColumn('deceased_on', 'varchar(10)')
    .addColumn('user_id', 'varchar(64)', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('note', 'varchar(500)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('residents_community_name_idx').on('residents').columns(['community_id', 'name']).execute();
  await db.schema.createIndex('residents_path_idx').on('residents').columns(['place_path', 'name']).execute();
  await db.schema.createIndex('residents_household_idx').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_id_number_idx').on('residents').columns(['community_id', 'id_number_index']).unique().execute();
  await db.schema.createIndex('residents_phone_idx').on('residents').column('phone_index').execute();
  await db.schema.createIndex('residents_phone_tail_idx').on('residents').columns(['community_id', 'phone_tail']).execute();
  await db.schema.createIndex('residents_user_idx').on('residents').column('user_id').execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('resident_id', 'varchar(64)', (col) => col.notNull().references('residents.id'))
    /** What the basis covers: `tag:<tag>`, `minor` (a child under 14), `publication`. */
    .addColumn('purpose', 'varchar(64)', (col) => col.notNull())
    .addColumn('basis', 'varchar(24)', (col) => col.notNull())
    .addColumn('detail', 'varchar(500)', (col) => col.notNull())
    .addColumn('recorded_by', 'varchar(64)')
    .addColumn('recorded_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('withdrawn_at', 'varchar(32)')
    .addColumn('withdrawn_by', 'varchar(64)')
    .execute();
  await db.schema.createIndex('consents_resident_idx').on('consents').columns(['resident_id', 'purpose']).execute();

  await db.schema
    .createTable('resident_tags')
    .addColumn('resident_id', 'varchar(64)', (col) => col.notNull().references('residents.id'))
    .addColumn('tag', 'varchar(32)', (col) => col.notNull())
    .addColumn('consent_id', 'varchar(64)', (col) => col.references('consents.id'))
    .addColumn('created_by', 'varchar(64)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addPrimaryKeyConstraint('resident_tags_pk', ['resident_id', 'tag'])
    .execute();
  await db.schema.createIndex('resident_tags_tag_idx').on('resident_tags').columns(['tag', 'resident_id']).execute();

  await db.schema
    .createTable('residence_history')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('household_id', 'varchar(64)', (col) => col.references('households.id'))
    .addColumn('event', 'varchar(32)', (col) => col.notNull())
    .addColumn('from_place_id', 'varchar(64)')
    .addColumn('to_place_id', 'varchar(64)')
    .addColumn('from_household_id', 'varchar(64)')
    .addColumn('to_household_id', 'varchar(64)')
    .addColumn('on_date', 'varchar(10)')
    .addColumn('note', 'varchar(500)')
    .addColumn('actor_user_id', 'varchar(64)')
    .addColumn('at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('residence_history_resident_idx').on('residence_history').columns(['resident_id', 'at']).execute();
  await db.schema.createIndex('residence_history_household_idx').on('residence_history').columns(['household_id', 'at']).execute();

  await db.schema
    .createTable('correction_requests')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('resident_id', 'varchar(64)', (col) => col.notNull().references('residents.id'))
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('place_path', 'varchar(1000)', (col) => c(col.notNull()))
    .addColumn('requested_by', 'varchar(64)', (col) => col.notNull())
    .addColumn('field', 'varchar(32)', (col) => col.notNull())
    .addColumn('message', 'varchar(1000)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('response', 'varchar(1000)')
    .addColumn('handled_by', 'varchar(64)')
    .addColumn('handled_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('correction_requests_resident_idx').on('correction_requests').column('resident_id').execute();
  await db.schema.createIndex('correction_requests_status_idx').on('correction_requests').columns(['community_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['correction_requests', 'residence_history', 'resident_tags', 'consents', 'residents', 'households']) {
    await db.schema.dropTable(t).execute();
  }
}
