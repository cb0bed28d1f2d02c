import { startPostgres } from "/work/wt-import/test/support/postgres.ts";
import pg from "pg";
const p = await startPostgres();
console.log(p.url);
const c = new pg.Client({ connectionString: p.url }); await c.connect();
console.log((await c.query("select version()")).rows[0]);
await c.end(); await p.stop(); console.log("stopped");
