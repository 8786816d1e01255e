import { createPool } from "../../lib/first-page-sql.mjs";

// One pool for the process, as the app's adapter keeps one.
export const pool = createPool();
