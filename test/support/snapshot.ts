// A fingerprint of every table in the database, to prove a refused request wrote nothing. One D1
// batch reads every table, so a test can take one before and after each of many requests.
import { env } from "cloudflare:test";

// Request counters (the rate limiter's budgets) count every request, refused or not; they are
// nobody's data, so a refused request "writing nothing" leaves them out.
const BOOKKEEPING = new Set(["rate_limits"]);
// Columns any request may refresh, refused or not: a session's last-seen time is written every few
// minutes of use, which a long test on a slow machine crosses.
const REFRESHED_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at"] };

const withoutRefreshed = (table: string, rows: Record<string, unknown>[]) => {
  const columns = REFRESHED_COLUMNS[table];
  if (!columns) return rows;
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !columns.includes(column))));
};

let tableNames: Promise<string[]> | undefined;

/** The tables, listed once per file (migrations ran before the file started). */
function tables(): Promise<string[]> {
  tableNames ??= env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations' order by name",
  )
    .all<{ name: string }>()
    .then((result) => result.results.map((row) => row.name).filter((name) => !BOOKKEEPING.has(name)));
  return tableNames;
}

export async function databaseFingerprint(): Promise<Record<string, string>> {
  // A request's events reach the queue after its response (in the background): wait for that, so
  // the hand-off of an earlier, accepted request never reads as a write by the refused one.
  await eventsHandedOff();
  const names = await tables();
  const results = await env.DB.batch(names.map((name) => env.DB.prepare(`select * from "${name}"`)));
  return Object.fromEntries(names.map((name, i) => [name, JSON.stringify(withoutRefreshed(name, results[i]!.results as Record<string, unknown>[]))]));
}

/** Waits until the events written so far have been handed to the queue (a request's background work). */
export async function eventsHandedOff(): Promise<void> {
  for (let round = 0; round < 600; round++) {
    const row = await env.DB.prepare("select count(*) as n from events where dispatched_at is null").first<{ n: number }>();
    if (!row?.n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
