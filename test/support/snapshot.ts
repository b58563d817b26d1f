// A fingerprint of every table in the database, to prove a refused request wrote nothing. One D1
// batch reads every table, so a test can take one before and after each of many requests.
import { env } from "cloudflare:test";

let tableNames: Promise<string[]> | undefined;

/** The tables, listed once per file (migrations ran before the file started). */
function tables(): Promise<string[]> {
  tableNames ??= env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations' order by name",
  )
    .all<{ name: string }>()
    .then((result) => result.results.map((row) => row.name));
  return tableNames;
}

export async function databaseFingerprint(): Promise<Record<string, string>> {
  const names = await tables();
  const results = await env.DB.batch(names.map((name) => env.DB.prepare(`select * from "${name}"`)));
  return Object.fromEntries(names.map((name, i) => [name, JSON.stringify(results[i]!.results)]));
}
