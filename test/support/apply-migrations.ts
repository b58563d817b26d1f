// Runs before each test file. Files share one workerd (and its database) per test worker, so that
// each file need not start a runtime and load the Worker's modules again (vitest.config.ts,
// `isolate: false`): the database gets the real migrations (once; applying them again is a
// no-op), then every table is emptied, so each file starts from an empty database as it would in
// a runtime of its own. Mocks and fake timers a file leaves behind are undone after it.
import { applyD1Migrations, env } from "cloudflare:test";
import { afterAll, vi } from "vitest";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

const { results: tables } = await env.DB.prepare(
  "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'",
).all<{ name: string }>();
// Foreign keys are checked at the end of the batch, when every table is empty; triggers may write
// rows while others are emptied (a workspace's due row), so the batch empties everything twice.
const emptyAll = [env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...tables.map(({ name }) => env.DB.prepare(`delete from "${name}"`))];
await env.DB.batch([...emptyAll, ...emptyAll.slice(1)]);

afterAll(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});
