// A fingerprint of every table in the database, to prove a refused request wrote nothing.
import { env } from "cloudflare:test";

export async function databaseFingerprint(): Promise<Record<string, string>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations' order by name",
  ).all<{ name: string }>();
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`select * from "${name}"`).all();
    fingerprint[name] = JSON.stringify(rows.results);
  }
  return fingerprint;
}
