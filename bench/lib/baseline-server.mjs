// The floor the user list is measured against: the list's first page, the same SQL the
// app's query runs, through plain `pg` in a bare node:http server with no framework, no
// authentication and no validation. Started by bench/users-list.ts with DATABASE_URL and PORT.
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const firstPage = {
  name: "first-page",
  text: `SELECT id, email, name, role, status, email_verified_at, last_login_at, created_at, updated_at,
           deleted_at, locked_until, failed_sign_ins, has_password, version
         FROM users WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 51`,
};

createServer(async (request, response) => {
  const { rows } = await pool.query(firstPage);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ data: rows.slice(0, 50), nextCursor: null }));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
