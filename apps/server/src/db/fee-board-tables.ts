/** Tables of migration 0021 (issue 6). PLACEHOLDER: the owning helper declares each table here. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeeBoardTables {}
