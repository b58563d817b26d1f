import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { drizzle } from "drizzle-orm/d1";
import { eq } from "drizzle-orm";
import worker from "../../index";
import { emptyUsage, meteredD1 } from "./d1-meter";
import * as schema from "./schema";

const ROWS = 40;

beforeAll(async () => {
  await env.DB.exec("create table if not exists meter_probe (id integer primary key, word text not null, other text not null)");
  await env.DB.exec("create table if not exists meter_pair (id integer primary key, word text not null)");
  const inserts = Array.from({ length: ROWS }, (_, i) => env.DB.prepare("insert into meter_probe (id, word, other) values (?, ?, ?)").bind(i + 1, `w${i}`, `o${i}`));
  await env.DB.batch([...inserts, env.DB.prepare("insert into meter_pair (id, word) values (1, 'pair')")]);
});

describe("meteredD1", () => {
  it("counts rows read by a full scan and by a primary-key probe", async () => {
    const usage = emptyUsage();
    const db = meteredD1(env.DB, usage);
    await db.prepare("select count(*) from meter_probe where other like 'o%'").all();
    const afterScan = usage.rowsRead;
    await db.prepare("select word from meter_probe where id = ?").bind(7).first();
    expect(afterScan).toBeGreaterThanOrEqual(ROWS);
    expect(usage.rowsRead - afterScan).toBe(1);
    expect(usage).toMatchObject({ calls: 2, statements: 2, unmetered: 0 });
  });

  it("counts a batch as one call of several statements, and the rows it writes", async () => {
    const usage = emptyUsage();
    const db = meteredD1(env.DB, usage);
    await db.batch([db.prepare("update meter_probe set other = other where id <= 3"), db.prepare("select * from meter_probe where id = 1")]);
    expect(usage).toMatchObject({ calls: 1, statements: 2, rowsWritten: 3 });
  });

  it("meters raw() and keeps columns that share a name", async () => {
    const usage = emptyUsage();
    const db = meteredD1(env.DB, usage);
    const rows = await db.prepare("select p.id, q.id, p.word from meter_probe p join meter_pair q on q.id = p.id").raw();
    expect(rows).toEqual([[1, 1, "w0"]]);
    const withNames = await db.prepare("select id from meter_pair").raw({ columnNames: true });
    expect(withNames).toEqual([["id"], [1]]);
    expect(usage.unmetered).toBe(0);
    expect(usage.calls).toBe(2);
    expect(usage.rowsRead).toBeGreaterThan(0);
  });

  it("answers drizzle exactly as the binding does", async () => {
    const plain = drizzle(env.DB, { schema });
    const metered = drizzle(meteredD1(env.DB, emptyUsage()), { schema });
    const query = (db: typeof plain) => db.select().from(schema.workspaces).where(eq(schema.workspaces.id, "none")).all();
    expect(await query(metered)).toEqual(await query(plain));
  });
});

describe("the Worker with D1_METER", () => {
  afterEach(() => vi.restoreAllMocks());

  async function health(variables: Record<string, string>) {
    const ctx = createExecutionContext();
    const response = await worker.fetch(new Request("https://crm.test/healthz"), { ...env, ...variables } as Env, ctx);
    // The log line waits for the body to be read, as a streamed export's reads count too.
    await response.text();
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("reports each response's D1 calls and rows, and logs the invocation's total", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const response = await health({ D1_METER: "on" });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("x-d1-calls"))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get("x-d1-rows-read")).not.toBeNull();
    expect(response.headers.get("server-timing")).toContain("d1;dur=");
    const line = log.mock.calls.map((call) => String(call[0])).find((text) => text.startsWith("d1-meter "));
    expect(JSON.parse(line!.slice("d1-meter ".length))).toMatchObject({ kind: "fetch", path: "/healthz", status: 200 });
  });

  it("adds nothing when it is off", async () => {
    const response = await health({});
    expect(response.headers.get("x-d1-calls")).toBeNull();
    expect(response.headers.get("server-timing")).toBeNull();
  });
});
