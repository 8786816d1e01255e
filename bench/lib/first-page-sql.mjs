// The SQL both baselines run (bench/lib/baseline-server.mjs in plain node:http, bench/next-floor
// in a bare Next.js app): the list's first page as the app's query returns it, and the
// search `q=smith`, each a named (prepared) statement on a pool of 10 connections.
import pg from "pg";

const columns = `id, email, name, role, status, email_verified_at, last_login_at, created_at, updated_at,
  deleted_at, locked_until, failed_sign_ins, has_password, version`;

export const firstPage = {
  name: "first-page",
  text: `SELECT ${columns} FROM users WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 51`,
};

export const search = {
  name: "search",
  text: `SELECT ${columns} FROM users
         WHERE deleted_at IS NULL AND (email LIKE $1 OR name ILIKE $1)
         ORDER BY created_at DESC, id DESC LIMIT 51`,
  values: ["%smith%"],
};

export const createPool = () => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

/** The page's JSON, shaped as the list's answer. */
export async function pageBody(pool, query) {
  const { rows } = await pool.query(query);
  return { data: rows.slice(0, 50), nextCursor: null };
}
