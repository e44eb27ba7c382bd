import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('kind', 'varchar(32)', (col) => col.notNull())
    /** Party organisations only: committee / general_branch / branch / group. */
    .addColumn('party_level', 'varchar(16)')
    .addColumn('parent_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    /** Where it works: an estate for a property company or owners' committee; the community otherwise. */
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    .addColumn('credit_code', 'varchar(18)')
    .addColumn('contact_name', 'varchar(100)')
    .addColumn('contact_phone_cipher', 'varchar(200)')
    .addColumn('address', 'varchar(200)')
    .addColumn('term_start_on', 'varchar(10)')
    .addColumn('term_end_on', 'varchar(10)')
    /** Stationed units whose party organisation reports to the community (双报到). */
    .addColumn('dual_reporting_on', 'varchar(10)')
    .addColumn('note', 'varchar(500)')
    .addColumn('retired_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('organisations_name_idx').on('organisations').columns(['community_id', 'name']).unique().execute();
  await db.schema.createIndex('organisations_kind_idx').on('organisations').columns(['community_id', 'kind']).execute();
  await db.schema.createIndex('organisations_parent_idx').on('organisations').column('parent_id').execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    /** Null for a post held at a place rather than in an organisation (building leader, grid worker). */
    .addColumn('organisation_id', 'varchar(64)', (col) => col.references('organisations.id'))
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('user_id', 'varchar(64)', (col) => col.references('users.id'))
    /** Someone who is neither a resident nor an account here, e.g. a part-time member from a stationed unit. */
    .addColumn('person_name', 'varchar(100)', (col) => col.notNull())
    .addColumn('person_unit', 'varchar(100)')
    .addColumn('role', 'varchar(32)', (col) => col.notNull())
    .addColumn('place_id', 'varchar(64)', (col) => col.references('places.id'))
    /** The account role granted with this post, revoked when the post ends. */
    .addColumn('role_assignment_id', 'varchar(64)')
    .addColumn('start_on', 'varchar(10)')
    .addColumn('end_on', 'varchar(10)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('memberships_org_idx').on('memberships').column('organisation_id').execute();
  await db.schema.createIndex('memberships_resident_idx').on('memberships').column('resident_id').execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();
  await db.schema.createIndex('memberships_community_role_idx').on('memberships').columns(['community_id', 'role']).execute();

  await db.schema
    .createTable('party_members')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('community_id', 'varchar(64)', (col) => col.notNull().references('places.id'))
    .addColumn('party_org_id', 'varchar(64)', (col) => col.notNull().references('organisations.id'))
    .addColumn('resident_id', 'varchar(64)', (col) => col.references('residents.id'))
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('gender', 'varchar(8)')
    .addColumn('id_number_cipher', 'varchar(200)')
    .addColumn('id_number_index', 'varchar(64)')
    .addColumn('phone_cipher', 'varchar(200)')
    .addColumn('phone_index', 'varchar(64)')
    .addColumn('phone_tail', 'varchar(4)')
    .addColumn('joined_on', 'varchar(10)')
    .addColumn('category', 'varchar(16)', (col) => col.notNull())
    /** `local` members belong here; `employed` members work elsewhere and report to the community (双报到). */
    .addColumn('reporting', 'varchar(16)', (col) => col.notNull())
    .addColumn('employer', 'varchar(100)')
    .addColumn('reported_on', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (col) => col.notNull())
    .addColumn('created_at', 'varchar(32)', (col) => col.notNull())
    .addColumn('updated_at', 'varchar(32)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('party_members_id_number_idx').on('party_members').columns(['community_id', 'id_number_index']).unique().execute();
  await db.schema.createIndex('party_members_org_idx').on('party_members').columns(['party_org_id', 'name']).execute();
  await db.schema.createIndex('party_members_resident_idx').on('party_members').column('resident_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['party_members', 'memberships', 'organisations']) await db.schema.dropTable(t).execute();
}
