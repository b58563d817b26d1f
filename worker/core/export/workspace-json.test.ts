import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { newId } from "../data/ids";

async function create(client: ApiClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post("/api/customers", body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body.id;
}

async function addInteraction(workspaceId: string, customerId: string, summary: string, occurredAt = Date.now()) {
  const id = newId("int");
  await env.DB.prepare("insert into interactions (id, workspace_id, customer_id, type, summary, occurred_at, created_at) values (?, ?, ?, 'note', ?, ?, ?)")
    .bind(id, workspaceId, customerId, summary, occurredAt, Date.now())
    .run();
  return id;
}

async function exportOf(client: ApiClient) {
  const file = await client.get("/api/export/workspace.json");
  expect(file.status).toBe(200);
  return { file, document: file.body };
}

describe("exporting a whole workspace as JSON", () => {
  it("holds settings, roles, staff, customers with identifiers and tags, interactions, tasks, events and the audit log", async () => {
    const { owner, workspaceId, email } = await signUp({ workspaceName: "گلرنگ" });
    const customer = await create(owner, { firstName: "مریم", mobile: "09121234567", email: "maryam@example.com", tags: ["vip"] });
    const interaction = await addInteraction(workspaceId, customer, "تماس برای پیگیری سفارش");
    const task = newId("tsk");
    await env.DB.prepare("insert into tasks (id, workspace_id, customer_id, title, created_at, updated_at) values (?, ?, ?, 'call back', ?, ?)")
      .bind(task, workspaceId, customer, Date.now(), Date.now())
      .run();
    const { file, document } = await exportOf(owner);
    expect(file.headers.get("content-disposition")).toMatch(/^attachment; filename="workspace-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(document).toMatchObject({ format: "edge-crm.workspace", version: 1, piiMasked: false, omitted: [] });
    expect(document.workspace).toMatchObject({ id: workspaceId, name: "گلرنگ", cidKind: "mobile", timeZone: "Asia/Tehran" });
    expect(document.workspace.counters).toEqual([{ name: "customer_code", value: 1 }]);
    expect(document.roles.map((role: { key: string }) => role.key).sort()).toEqual(["admin", "agent", "manager", "owner", "viewer"]);
    expect(document.users).toEqual([expect.objectContaining({ email, name: "Owner" })]);
    expect(document.customers).toEqual([
      expect.objectContaining({ id: customer, code: "C-00001", cid: "+989121234567", firstName: "مریم", tags: ["vip"], mergedInto: null }),
    ]);
    expect(document.customers[0].identifiers.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort()).toEqual(
      ["email:maryam@example.com", "issued:C-00001", "mobile:+989121234567"].sort(),
    );
    expect(document.customers[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(document.interactions).toEqual([expect.objectContaining({ id: interaction, customerId: customer, summary: "تماس برای پیگیری سفارش" })]);
    expect(document.tasks).toEqual([expect.objectContaining({ id: task, customerId: customer, title: "call back" })]);
    expect(document.events.map((event: { name: string }) => event.name)).toContain("customer.created");
    expect(document.auditLog.map((entry: { action: string }) => entry.action)).toContain("export.workspace_json");
  });

  it("never contains a password hash, a token hash or a key hash", async () => {
    const { owner, workspaceId } = await signUp();
    await addMember(workspaceId, "agent");
    await env.DB.prepare("insert into api_keys (id, workspace_id, name, prefix, key_hash, scopes, created_by, created_at) values (?, ?, 'shop', 'crm_ab12', 'keyhash-must-not-leak', '[]', ?, ?)")
      .bind(newId("key"), workspaceId, owner.identity.userId, Date.now())
      .run();
    const { file, document } = await exportOf(owner);
    const secrets = await env.DB.prepare(
      "select password_hash as secret from users where workspace_id = ?1 and password_hash is not null union all select token_hash from sessions where workspace_id = ?1",
    )
      .bind(workspaceId)
      .all<{ secret: string }>();
    expect(secrets.results.length).toBeGreaterThanOrEqual(3);
    for (const { secret } of secrets.results) expect(file.text).not.toContain(secret);
    expect(file.text).not.toContain("keyhash-must-not-leak");
    expect(file.text).not.toMatch(/password_?hash|token_?hash|key_?hash/i);
    expect(document.apiKeys).toEqual([expect.objectContaining({ name: "shop", prefix: "crm_ab12" })]);
  });

  it("masks personal data, event payloads included, and leaves out the audit log for an exporter without those permissions", async () => {
    const { owner, workspaceId } = await signUp();
    await create(owner, { firstName: "Sara", mobile: "09121234567", email: "sara.ahmadi@example.com", address: "Tehran, Valiasr St. 12" });
    expect((await owner.post("/api/roles", { key: "exporter", name: "Exporter", permissions: ["customers:read", "customers:export"] })).status).toBe(201);
    const exporter = await addMember(workspaceId, "exporter");
    const { file, document } = await exportOf(exporter);
    expect(document).toMatchObject({ piiMasked: true, omitted: ["roles", "users", "apiKeys", "tasks", "auditLog"] });
    expect(document.auditLog).toBeUndefined();
    expect(document.customers[0]).toMatchObject({ cid: "0912*****67", firstName: "Sara" });
    expect(document.customers[0].address).not.toContain("Valiasr");
    expect(document.events.find((event: { name: string }) => event.name === "customer.created").payload.cid).toBe("0912*****67");
    expect(file.text).not.toContain("1234567");
    expect(file.text).not.toContain("sara.ahmadi");
  });

  it("gives each section only to an exporter holding what its own route needs", async () => {
    const { owner, workspaceId, email } = await signUp();
    const customer = await create(owner, { firstName: "Sara", mobile: "09121234567" });
    await addInteraction(workspaceId, customer, "asked about sizes");
    await owner.post("/api/api-keys", { name: "WooCommerce sync", scopes: ["customers:write"] });
    const manager = await addMember(workspaceId, "manager");
    // The API refuses a manager the staff list, the roles and the keys…
    for (const path of ["/api/users", "/api/roles", "/api/api-keys"]) expect((await manager.get(path)).status, path).toBe(403);
    // …and so does the export.
    const { file, document } = await exportOf(manager);
    expect(document.omitted).toEqual(["roles", "users", "apiKeys"]);
    for (const section of ["roles", "users", "apiKeys"]) expect(document, section).not.toHaveProperty(section);
    // The audit log (audit:read, which a manager holds) tells what happened, as GET /api/audit does.
    const outsideAuditLog = JSON.stringify({ ...document, auditLog: undefined });
    for (const secret of [email, "WooCommerce sync", "users:manage"]) expect(outsideAuditLog, secret).not.toContain(secret);
    expect(file.status).toBe(200);
    expect(document.customers).toHaveLength(1);
    expect(document.interactions).toEqual([expect.objectContaining({ summary: "asked about sizes" })]);
    expect(document.auditLog.length).toBeGreaterThan(0);
    const audit = await env.DB.prepare("select details from audit_log where actor_user_id = ? and action = 'export.workspace_json'").bind(manager.identity.userId).first<{ details: string }>();
    expect(JSON.parse(audit!.details)).toMatchObject({ omitted: ["roles", "users", "apiKeys"] });
  });

  it("is refused to an agent, and audited for whoever exports", async () => {
    const { owner, workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    expect((await agent.get("/api/export/workspace.json")).status).toBe(403);
    await exportOf(owner);
    const audit = await env.DB.prepare("select actor_user_id, entity_id from audit_log where workspace_id = ? and action = 'export.workspace_json'")
      .bind(workspaceId)
      .all();
    expect(audit.results).toEqual([{ actor_user_id: owner.identity.userId, entity_id: workspaceId }]);
  });

  it("never includes another workspace's data", async () => {
    const a = await signUp();
    const b = await signUp();
    await create(a.owner, { firstName: "Mine", mobile: "09121111111" });
    const theirs = await create(b.owner, { firstName: "Theirs", mobile: "09122222222" });
    await addInteraction(b.workspaceId, theirs, "their note");
    const { file, document } = await exportOf(a.owner);
    for (const foreign of [b.workspaceId, b.email, theirs, "Theirs", "09122222222", "their note", b.owner.identity.userId!]) {
      expect(file.text, foreign).not.toContain(foreign);
    }
    expect(document.customers).toHaveLength(1);
  });

  it("pages interactions by customer, time and id, with ties, without losing or repeating one", async () => {
    const { owner, workspaceId } = await signUp();
    const first = await create(owner, { mobile: "09121111111" });
    const second = await create(owner, { mobile: "09122222222" });
    const time = Date.now();
    const insert = env.DB.prepare("insert into interactions (id, workspace_id, customer_id, type, summary, occurred_at, created_at) values (?, ?, ?, 'note', 'n', ?, ?)");
    const ids: string[] = [];
    for (let start = 0; start < 1100; start += 100) {
      const batch = Array.from({ length: 100 }, (_, i) => {
        const id = newId("int");
        ids.push(id);
        // Many interactions share one time, so the keyset must break ties by id.
        return insert.bind(id, workspaceId, (start + i) % 2 ? first : second, time + ((start + i) % 3), time);
      });
      await env.DB.batch(batch);
    }
    const { document } = await exportOf(owner);
    const exported: string[] = document.interactions.map((interaction: { id: string }) => interaction.id);
    expect(exported).toHaveLength(ids.length);
    expect([...exported].sort()).toEqual([...ids].sort());
  });
});
