// The absolute limit the user list is measured against: the list's first page (and its
// search), the same SQL the app's query runs, through plain `pg` in a bare node:http
// server with no framework, no authentication and no validation. Started by
// bench/users-list.ts with DATABASE_URL and PORT.
import { createServer } from "node:http";
import { createPool, firstPage, pageBody, search } from "./first-page-sql.mjs";

const pool = createPool();

createServer(async (request, response) => {
  const body = await pageBody(pool, request.url === "/search" ? search : firstPage);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
