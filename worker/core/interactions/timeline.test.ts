import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { TIMELINE_SOURCES, timelineKeysQuery } from "./timeline";

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

async function readAll(client: ApiClient, customerId: string, limit: number) {
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const response: { status: number; body: { items: Array<{ kind: string; summary?: string; title?: string }>; nextCursor: string | null } } = await client.get(
      `/api/customers/${customerId}/timeline?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(response.status).toBe(200);
    pages.push(response.body.items.map((entry) => `${entry.kind}:${entry.summary ?? entry.title}`));
    cursor = response.body.nextCursor;
  } while (cursor);
  return pages;
}

describe("the customer timeline", () => {
  it("merges interactions and tasks in time order and pages through them without gaps or repeats", async () => {
    const { owner } = await signUp();
    const customer = await owner.post("/api/customers", { firstName: "Reza", mobile: "09351112233" });
    const id = customer.body.id;
    const log = (summary: string, hours: number) =>
      owner.post(`/api/customers/${id}/interactions`, { type: "call", direction: "outbound", summary, occurredAt: hoursAgo(hours) });
    await log("first call", 50);
    await log("second call", 30);
    // Same minute as "second call": the id breaks the tie, so paging stays exact.
    await log("third call", 30);
    await log("latest call", 1);
    // A follow-up due tomorrow leads the timeline; one due yesterday sits between the calls.
    await owner.post("/api/tasks", { title: "call back", customerId: id, dueAt: hoursAgo(-24) });
    await owner.post("/api/tasks", { title: "send catalogue", customerId: id, dueAt: hoursAgo(20) });
    // Another customer's entries never show.
    const other = await owner.post("/api/customers", { firstName: "Other", mobile: "09351112234" });
    await owner.post(`/api/customers/${other.body.id}/interactions`, { type: "note", summary: "someone else" });

    const pages = await readAll(owner, id, 2);
    expect(pages).toEqual([
      ["task:call back", "interaction:latest call"],
      ["task:send catalogue", "interaction:third call"],
      ["interaction:second call", "interaction:first call"],
    ]);
    const [top] = (await owner.get(`/api/customers/${id}/timeline?limit=1`)).body.items;
    expect(top).toMatchObject({ kind: "task", title: "call back", status: "open", overdue: false, customerId: id });
    expect(top.at).toBe(top.dueAt);
  });

  it("places an undated task at its creation time", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", { mobile: "09351112233" })).body.id;
    await owner.post(`/api/customers/${id}/interactions`, { type: "note", summary: "older note", occurredAt: hoursAgo(2) });
    const task = await owner.post("/api/tasks", { title: "undated", customerId: id });
    const items = (await owner.get(`/api/customers/${id}/timeline`)).body.items;
    expect(items.map((entry: { kind: string }) => entry.kind)).toEqual(["task", "interaction"]);
    expect(items[0].at).toBe(task.body.createdAt);
  });

  it("shows tasks only to callers who may read tasks", async () => {
    const { owner, workspaceId } = await signUp();
    const id = (await owner.post("/api/customers", { mobile: "09351112233" })).body.id;
    await owner.post(`/api/customers/${id}/interactions`, { type: "note", summary: "a note" });
    await owner.post("/api/tasks", { title: "a task", customerId: id });
    const role = await owner.post("/api/roles", { key: "reader", name: "Reader", permissions: ["customers:read"] });
    expect(role.status).toBe(201);
    const reader = await addMember(workspaceId, "reader");
    const items = (await reader.get(`/api/customers/${id}/timeline`)).body.items;
    expect(items.map((entry: { kind: string }) => entry.kind)).toEqual(["interaction"]);
  });

  it("refuses a forged cursor with 400", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", { mobile: "09351112233" })).body.id;
    const response = await owner.get(`/api/customers/${id}/timeline?cursor=bm9wZQ`);
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
  });

  it("reads each source through its index, newest first, without sorting the customer's history", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const planOf = async (before: { at: number; id: string } | null) => {
      const query = timelineKeysQuery(scope, TIMELINE_SOURCES, "cus_plan", before, 50);
      return (await scope.db.all<{ detail: string }>(sql`explain query plan ${query}`)).map((row) => row.detail);
    };
    const first = await planOf(null);
    // The branches arrive already ordered and are merged, so a page reads about `limit` rows.
    expect(first).toContain("MERGE (UNION ALL)");
    expect(first).toContainEqual(expect.stringMatching(/SEARCH interactions USING COVERING INDEX interactions_customer_time_idx/));
    // A virtual column is recomputed from the row, so tasks read their (few) page rows too.
    expect(first).toContainEqual(expect.stringMatching(/SEARCH tasks USING INDEX tasks_customer_idx/));
    expect(first.filter((detail) => /SCAN|TEMP B-TREE/.test(detail))).toEqual([]);
    // Later pages start inside the index at the cursor.
    const later = await planOf({ at: Date.now(), id: "int_x" });
    expect(later).toContainEqual(expect.stringContaining("interactions_customer_time_idx (workspace_id=? AND customer_id=? AND (occurred_at,id)<(?,?))"));
    expect(later).toContainEqual(expect.stringContaining("tasks_customer_idx (workspace_id=? AND customer_id=? AND (timeline_at,id)<(?,?))"));
    expect(later.filter((detail) => /SCAN|TEMP B-TREE/.test(detail))).toEqual([]);
  });
});
