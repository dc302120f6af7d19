/**
 * PostgreSQL grants for the role the server runs as (not the owner of the tables): read and write everywhere except
 * the history tables, which it may only read and append to; knex's migration tables only as far as seeing that
 * nothing is pending. `scripts/db-grant.ts` runs these as the owner.
 */
export function grantStatements(r: string, dbName: string): string[] {
  return [
    `GRANT CONNECT ON DATABASE "${dbName}" TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON case_events, audit_log FROM ${r}`,
    // The registered signing key: the server may register the first one, never swap it (retiring one is the owner's).
    `REVOKE UPDATE, DELETE, TRUNCATE ON commission_keys FROM ${r}`,
    `REVOKE INSERT, UPDATE, DELETE ON knex_migrations FROM ${r}`,
    `REVOKE INSERT, DELETE ON knex_migrations_lock FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
  ];
}
