import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, anonymous, signUp } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { auditPageQuery, type AuditFilter } from "./audit.repository";

/** Writes an audit row as if it had happened at `at` (ids carry their time). */
async function seed(workspaceId: string, at: number, facts: { action: string; actor?: string; customerId?: string }) {
  await env.DB.prepare(
    "INSERT INTO audit_log (id, workspace_id, actor_user_id, action, customer_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
  )
    .bind(newId("aud", at), workspaceId, facts.actor ?? null, facts.action, facts.customerId ?? null, at)
    .run();
}

const actions = (body: { items: Array<{ action: string }> }) => body.items.map((item) => item.action);

describe("reading the audit log", () => {
  it("shows who did what, newest first, to holders of audit:read only", async () => {
    const { owner, workspaceId, me } = await signUp();
    await owner.post("/api/roles", { key: "auditor", name: "Auditor", permissions: ["audit:read"] });
    await owner.post("/api/api-keys", { name: "Sync", scopes: ["audit:read"] }, { "user-agent": "curl/8", "cf-connecting-ip": "198.51.100.7" });
    const log = await owner.get("/api/audit");
    expect(log.status).toBe(200);
    expect(actions(log.body)).toEqual(["api_key.created", "role.created"]);
    expect(log.body.items[0]).toMatchObject({
      actor: { userId: me.user.id, name: "Owner", email: me.user.email, apiKeyId: null },
      entityType: "api_key",
      ip: "198.51.100.7",
      userAgent: "curl/8",
      details: expect.objectContaining({ name: "Sync", scopes: ["audit:read"] }),
    });
    expect(Date.parse(log.body.items[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await (await addMember(workspaceId, "agent")).get("/api/audit")).status).toBe(403);
    expect((await (await addMember(workspaceId, "auditor")).get("/api/audit")).status).toBe(200);
    expect((await anonymous().get("/api/audit")).status).toBe(401);
  });

  it("filters by actor, action, customer and time", async () => {
    const { owner, workspaceId } = await signUp();
    const day = 24 * 60 * 60 * 1000;
    const t0 = Date.parse("2026-03-01T08:00:00Z");
    await seed(workspaceId, t0, { action: "customer.pii_revealed", actor: "usr_a", customerId: "cus_1" });
    await seed(workspaceId, t0 + day, { action: "customer.exported", actor: "usr_b" });
    await seed(workspaceId, t0 + 2 * day, { action: "customer.pii_revealed", actor: "usr_b", customerId: "cus_2" });
    await seed(workspaceId, t0 + 3 * day, { action: "customer.pii_revealed", actor: "usr_a", customerId: "cus_1" });

    const byActor = await owner.get("/api/audit?actor=usr_b");
    expect(byActor.body.items.map((i: { at: string }) => i.at)).toEqual([new Date(t0 + 2 * day).toISOString(), new Date(t0 + day).toISOString()]);
    expect(actions((await owner.get("/api/audit?action=customer.exported")).body)).toEqual(["customer.exported"]);
    const byCustomer = (await owner.get("/api/audit?customerId=cus_1")).body.items;
    expect(byCustomer.map((i: { customerId: string }) => i.customerId)).toEqual(["cus_1", "cus_1"]);
    const range = await owner.get(`/api/audit?from=${new Date(t0 + day).toISOString()}&to=${new Date(t0 + 2 * day).toISOString()}`);
    expect(range.body.items.map((i: { at: string }) => i.at)).toEqual([new Date(t0 + 2 * day).toISOString(), new Date(t0 + day).toISOString()]);
    const combined = await owner.get(`/api/audit?actor=usr_a&action=customer.pii_revealed&from=2026-03-02T00:00:00%2B03:30`);
    expect(combined.body.items.map((i: { at: string }) => i.at)).toEqual([new Date(t0 + 3 * day).toISOString()]);
  });

  it("pages by cursor without repeating or skipping an entry", async () => {
    const { owner, workspaceId } = await signUp();
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 5; i++) await seed(workspaceId, t0 + i * 1000, { action: `test.step_${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Array<{ action: string }>; nextCursor: string | null } } = await owner.get(
        `/api/audit?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
      );
      seen.push(...actions(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["test.step_4", "test.step_3", "test.step_2", "test.step_1", "test.step_0"]);
  });

  it("explains bad filters", async () => {
    const { owner } = await signUp();
    const range = await owner.get("/api/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z");
    expect(range.status).toBe(400);
    expect(range.body.errors[0]).toMatchObject({ path: "query.from", code: "invalid_range" });
    expect((await owner.get("/api/audit?from=yesterday")).body.errors[0].path).toBe("query.from");
    expect((await owner.get("/api/audit?cursor=!!!")).body.errors[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
    expect((await owner.get("/api/audit?limit=0")).body.errors[0].path).toBe("query.limit");
  });

  it("shows nothing of another workspace", async () => {
    const a = await signUp();
    const b = await signUp();
    await b.owner.post("/api/roles", { key: "secret-role", name: "Secret", permissions: [] });
    await seed(b.workspaceId, Date.now(), { action: "customer.exported", actor: b.me.user.id, customerId: "cus_b" });
    expect((await a.owner.get("/api/audit")).body.items).toEqual([]);
    expect((await a.owner.get(`/api/audit?actor=${b.me.user.id}`)).body.items).toEqual([]);
    expect((await a.owner.get("/api/audit?customerId=cus_b")).body.items).toEqual([]);
    expect(actions((await b.owner.get("/api/audit")).body)).toEqual(["customer.exported", "role.created"]);
  });

  it("reads each filter through an index, in id order, without sorting", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const plans: Array<[Omit<AuditFilter, "limit">, string]> = [
      [{}, "audit_workspace_idx"],
      [{ actorUserId: "usr_x" }, "audit_actor_idx"],
      [{ action: "role.updated" }, "audit_action_idx"],
      [{ customerId: "cus_x" }, "audit_customer_idx"],
      [{ from: Date.now() - 1000, to: Date.now(), before: newId("aud") }, "audit_workspace_idx"],
    ];
    for (const [filter, index] of plans) {
      const { sql, params } = auditPageQuery(scope, { ...filter, limit: 50 }).toSQL();
      const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      const details = plan.results.map((row) => row.detail).join(" | ");
      expect(details, JSON.stringify(filter)).toContain(index);
      expect(details).not.toContain("TEMP B-TREE");
    }
  });
});
