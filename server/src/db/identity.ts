import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from './client.ts';

const identities = new WeakMap<Db, Promise<string>>();

/**
 * The identity of the database behind `db`, as `<cluster system identifier>:<database oid>`
 * (the oid alone where the role may not read pg_control_system()). It is stable for the
 * database's life and differs for a new cluster or a recreated database, so clients can key
 * what they remember about a server (the import journal) by it. Asked once per handle.
 */
export function databaseIdentity(db: Db): Promise<string> {
  let id = identities.get(db);
  if (!id) {
    id = (async () => {
      const oid = rowsOf<{ oid: number }>(await db.execute(sql`select oid::int as oid from pg_database where datname = current_database()`))[0]?.oid;
      let cluster = '';
      try {
        cluster = rowsOf<{ id: string }>(await db.execute(sql`select system_identifier::text as id from pg_control_system()`))[0]?.id ?? '';
      } catch {
        // not granted to this role: the oid has to do
      }
      return `${cluster}:${oid}`;
    })();
    id.catch(() => identities.delete(db));
    identities.set(db, id);
  }
  return id;
}
