import { randomBytes } from "node:crypto";
import pg from "pg";

const firstNames = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Dennis",
  "Barbara",
  "Ken",
  "Frances",
  "Edsger",
  "Radia",
  "Donald",
  "Hedy",
  "Tim",
  "Katherine",
  "John",
  "Sophie",
  "Guido",
  "Anita",
  "James",
  "Mary",
  "Niklaus",
  "Shafi",
  "Bjarne",
  "Joan",
  "Leslie",
  "Karen",
  "Robert",
  "Adele",
  "Yukihiro",
];
const lastNames = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Ritchie",
  "Liskov",
  "Thompson",
  "Allen",
  "Dijkstra",
  "Perlman",
  "Knuth",
  "Lamarr",
  "Berners-Lee",
  "Johnson",
  "McCarthy",
  "Wilson",
  "van Rossum",
  "Borg",
  "Gosling",
  "Kenneth",
  "Wirth",
  "Goldwasser",
  "Stroustrup",
  "Clarke",
  "Lamport",
  "Jones",
  "Smith",
  "Goldberg",
  "Matsumoto",
];
const domains = ["example.com", "example.org", "example.net", "mail.example.test", "corp.example.test"];

/** A time-ordered UUID (version 7), like the ids the app itself makes. */
function uuidV7(milliseconds: number): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(milliseconds, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const pick = <T>(list: readonly T[], index: number) => list[index % list.length]!;
const threeYearsMs = 3 * 365 * 24 * 3600 * 1000;

function userRow(index: number, now: number) {
  // Every pairing of first and last name, so that neither predicts the other: a search
  // for a last name finds users spread over every sort order, as in real data.
  const first = pick(firstNames, index * 7 + 3);
  const last = pick(lastNames, Math.floor(index / firstNames.length) * 13 + 5);
  const createdAt = now - Math.floor(Math.random() * threeYearsMs);
  const lastLogin = Math.random() < 0.8 ? createdAt + Math.floor(Math.random() * (now - createdAt)) : null;
  return [
    uuidV7(createdAt),
    `${first}.${last}.${index}@${pick(domains, index)}`.toLowerCase().replace(/\s+/g, ""),
    index % 10 === 0 ? null : `${first} ${last}`,
    index % 100 === 0 ? "admin" : "user",
    index % 20 === 0 ? "disabled" : "active",
    new Date(createdAt).toISOString(),
    lastLogin === null ? null : new Date(lastLogin).toISOString(),
  ];
}

/**
 * Fills the users table with `count` realistic users, quickly: batches of several
 * thousand rows per INSERT … SELECT unnest(…), one round trip each. Seeded users have no
 * password, so they can be listed and managed but nobody can sign in as one: seeding a
 * real database opens no door.
 *
 * Above bulkFrom users the table's secondary indexes are dropped for the load and built
 * again after it, in the same transaction: building an index over a million rows at once
 * takes a fraction of updating it a million times (the trigram indexes most of all). The
 * table is locked meanwhile, which suits a seed and nothing else.
 */
export async function seedUsers(databaseUrl: string, count: number, batchSize = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const secondaryIndexes = count >= bulkFrom ? await dropSecondaryIndexes(client) : [];
    const now = Date.now();
    for (let start = 0; start < count; start += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, count - start) }, (_, offset) => userRow(start + offset, now));
      const columns = rows[0]!.map((_, column) => rows.map((row) => row[column]));
      await client.query(
        `INSERT INTO users (id, email, name, role, status, created_at, last_login_at, updated_at)
         SELECT id, email, name, role::"GlobalRole", status::"UserStatus", created_at, last_login_at, now()
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
           AS seeded(id, email, name, role, status, created_at, last_login_at)
         ON CONFLICT (email) DO NOTHING`,
        columns,
      );
    }
    if (secondaryIndexes.length > 0) await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const definition of secondaryIndexes) await client.query(definition);
    await client.query("COMMIT");
    // Statistics for the planner, and the visibility map that lets the list's indexes
    // answer without the table: otherwise autovacuum does both later, under whatever load
    // comes first (a benchmark measured it as a third of its throughput).
    await client.query("VACUUM (ANALYZE) users");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

const bulkFrom = 50_000;

/** Drops the users table's indexes other than its key and unique ones (which the insert needs); returns how to build them again. */
async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i WHERE i.indrelid = 'users'::regclass AND NOT i.indisunique AND NOT i.indisprimary`,
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows.map((row) => row.definition);
}
