import pg from "pg";

/** The installation attributes the benchmark filters and sorts the users list on. */
export const benchAttributes = { filterKey: "department", filterValue: "Sales", sortKey: "cost" } as const;

/**
 * Defines `department` (text, one of five departments, so a filter keeps a fifth of the
 * users) and `cost` (a number, missing for one user in ten, so the sort's empty segment
 * is exercised) and gives every user values, in two statements, then analyzes the table
 * as autovacuum would have done by the time anyone lists it.
 */
export async function seedAttributes(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; key: string }>(
      `INSERT INTO attribute_definitions (id, key, label, type, options, updated_at)
       VALUES (gen_random_uuid(), 'department', 'Department', 'text', '{}', now()), (gen_random_uuid(), 'cost', 'Cost', 'number', '{}', now())
       RETURNING id::text, key`,
    );
    const id = (key: string) => rows.find((row) => row.key === key)!.id;
    await client.query(
      `INSERT INTO attribute_values (definition_id, user_id, text_value, updated_at)
       SELECT $1::uuid, id, (ARRAY['Sales', 'Support', 'Engineering', 'Finance', 'Operations'])[1 + floor(random() * 5)::int], now() FROM users`,
      [id("department")],
    );
    await client.query(
      `INSERT INTO attribute_values (definition_id, user_id, number_value, updated_at)
       SELECT $1::uuid, id, round((random() * 100000)::numeric, 2)::float8, now() FROM users WHERE random() < 0.9`,
      [id("cost")],
    );
    await client.query("ANALYZE attribute_values");
  } finally {
    await client.end();
  }
}
