import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";
import { connect, sendWoo } from "../webhooks-in/fixtures/deliver";
import { wooOrder } from "../webhooks-in/fixtures/woocommerce";

const full = {
  firstName: "علی",
  lastName: "رضایی",
  mobile: "09121234567",
  email: "ali@example.com",
  nationalCode: "0013542419",
  birthday: "1990-03-21",
  gender: "male",
  province: "Tehran",
  city: "Tehran",
  address: "Valiasr St. 12",
  tags: ["vip"],
  consent: { sms: "granted" },
  attributes: { size: "L" },
};

const rowsOf = async (table: string, customerId: string) =>
  (await env.DB.prepare(`select count(*) as n from ${table} where customer_id = ?`).bind(customerId).first<{ n: number }>())!.n;

describe("DELETE /api/customers/{id}", () => {
  it("erases the person and leaves an anonymous tombstone that keeps order totals", async () => {
    const { owner } = await signUp();
    const created = await owner.post("/api/customers", full);
    const id = created.body.id as string;
    // Totals as orders would have left them.
    await env.DB.prepare("update customers set order_count = 3, total_spent = 4500000 where id = ?").bind(id).run();

    const response = await owner.delete(`/api/customers/${id}`);
    expect(response.status).toBe(204);
    expect(response.text).toBe("");

    const row = await env.DB.prepare("select * from customers where id = ?").bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({
      cid: null,
      first_name: null,
      last_name: null,
      display_name: "",
      name_key: "",
      birthday: null,
      gender: null,
      province: null,
      city: null,
      address: null,
      tags: "[]",
      attributes: "{}",
      consent_sms: "unknown",
      consent_sms_at: null,
      order_count: 3,
      total_spent: 4500000,
      code: created.body.code,
    });
    expect(row!.erased_at).toEqual(expect.any(Number));
    for (const table of ["customer_identifiers", "customer_tags", "customer_name_words"]) expect(await rowsOf(table, id), table).toBe(0);
  });

  it("is not found afterwards: by id, by any identifier, in lists and searches", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", full)).body.id as string;
    const kept = (await owner.post("/api/customers", { firstName: "علی", lastName: "کریمی", mobile: "09351112233", tags: ["vip"] })).body.id;
    expect((await owner.delete(`/api/customers/${id}`)).status).toBe(204);

    expect((await owner.get(`/api/customers/${id}`)).status).toBe(404);
    for (const identifier of ["09121234567", "ali@example.com", "0013542419", "C-00001"]) {
      expect((await owner.get(`/api/customers/lookup?identifier=${identifier}`)).status, identifier).toBe(404);
    }
    for (const query of ["", "?q=%D8%B9%D9%84%DB%8C", "?tag=vip", "?city=Tehran", "?q=09121234567"]) {
      const ids = (await owner.get(`/api/customers${query}`)).body.items.map((c: { id: string }) => c.id);
      expect(ids, query).not.toContain(id);
    }
    expect((await owner.get("/api/customers?tag=vip")).body.items.map((c: { id: string }) => c.id)).toEqual([kept]);
    expect((await owner.patch(`/api/customers/${id}`, { city: "Qom" })).status).toBe(404);
    expect((await owner.post(`/api/customers/${id}/identifiers`, { kind: "external", value: "x" })).status).toBe(404);
    expect((await owner.delete(`/api/customers/${id}`)).status).toBe(404);
  });

  it("frees the person's identifiers, so they can come back as a new customer", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", full)).body.id;
    await owner.delete(`/api/customers/${id}`);
    const again = await owner.post("/api/customers", { mobile: "0912 123 4567" });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(id);
  });

  it("is audited and announced, with no personal data in either", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", full)).body.id;
    await owner.delete(`/api/customers/${id}`);
    const audit = await env.DB.prepare("select action, entity_id, customer_id, actor_user_id, details from audit_log where action = 'customer.deleted' and entity_id = ?").bind(id).all();
    expect(audit.results).toEqual([{ action: "customer.deleted", entity_id: id, customer_id: id, actor_user_id: owner.identity.userId, details: null }]);
    const events = await env.DB.prepare("select payload, actor_user_id from events where name = 'customer.deleted' and workspace_id = ?")
      .bind(owner.identity.workspaceId)
      .all<{ payload: string }>();
    expect(events.results.map((e) => ({ ...e, payload: JSON.parse(e.payload) }))).toEqual([{ payload: { customerId: id }, actor_user_id: owner.identity.userId }]);
  });

  it("needs customers:delete: an agent is refused and nothing is erased", async () => {
    const { owner, workspaceId } = await signUp();
    const id = (await owner.post("/api/customers", full)).body.id;
    const agent = await addMember(workspaceId, "agent");
    const response = await agent.delete(`/api/customers/${id}`);
    expect(response.status).toBe(403);
    expect((await owner.get(`/api/customers/${id}`)).body.displayName).toBe("علی رضایی");
    const manager = await addMember(workspaceId, "manager");
    expect((await manager.delete(`/api/customers/${id}`)).status).toBe(204);
  });

  it("cannot erase a customer of another workspace", async () => {
    const { owner } = await signUp();
    const id = (await owner.post("/api/customers", full)).body.id;
    const stranger = await signUp();
    expect((await stranger.owner.delete(`/api/customers/${id}`)).status).toBe(404);
    expect((await owner.get(`/api/customers/${id}`)).status).toBe(200);
  });

  it("leaves none of the person's identifiers or names in events, shop deliveries, texts or workspace.json; others keep theirs", async () => {
    const { owner, workspaceId } = await signUp();
    const woo = await connect(owner, "woocommerce", "wc-secret-erasure-123456");
    // Sara's order as the shop sends it (phone ۰۹۱۲ ۳۴۵ ۶۷۸۹, Sara.Mohammadi@Example.com), and Reza's.
    expect((await sendWoo(woo.id, woo.secret, "order.created", wooOrder())).status).toBe(202);
    const reza = wooOrder({ id: 4751, number: "4751", customer_id: 32, billing: { first_name: "رضا", last_name: "کاظمی", email: "reza@example.com", phone: "09351112233", country: "IR" }, shipping: { first_name: "رضا", last_name: "کاظمی", city: "قم", country: "IR" } });
    expect((await sendWoo(woo.id, woo.secret, "order.created", reza)).status).toBe(202);
    await expect.poll(async () => (await owner.get("/api/customers/lookup?identifier=09123456789")).status, { timeout: 10_000 }).toBe(200);
    const saraId = (await owner.get("/api/customers/lookup?identifier=09123456789")).body.id as string;
    await expect.poll(async () => (await owner.get("/api/customers/lookup?identifier=09351112233")).status, { timeout: 10_000 }).toBe(200);
    await owner.patch(`/api/customers/${saraId}`, { nationalCode: "0013542419" });
    await owner.post(`/api/customers/${saraId}/interactions`, { type: "call", direction: "inbound", summary: "سارا محمدی از 09123456789 زنگ زد" });
    await owner.post("/api/tasks", { title: "Call سارا back", notes: "Mail to sara.mohammadi@example.com, national code 0013542419", customerId: saraId });
    // A delivery linked to nobody (received before deliveries were linked to customers) naming her.
    await env.DB.prepare(
      "insert into webhook_deliveries (id, workspace_id, connection_id, platform, topic, delivery_id, headers, body, status, received_at, updated_at) values ('whd_legacy', ?, ?, 'woocommerce', 'order.created', 'legacy-1', '{}', ?, 'rejected', 1, 1)",
    )
      .bind(workspaceId, woo.id, JSON.stringify({ billing: { phone: "+98 912 345 6789", email: "SARA.MOHAMMADI@example.com" } }))
      .run();

    expect((await owner.delete(`/api/customers/${saraId}`)).status).toBe(204);

    const exported = await owner.get("/api/export/workspace.json");
    expect(exported.status).toBe(200);
    const bodies = (await env.DB.prepare("select body from webhook_deliveries where workspace_id = ?").bind(workspaceId).all<{ body: string }>()).results.map((row) => row.body);
    const texts = (await env.DB.prepare("select summary as text from interactions where workspace_id = ? union all select title || ' ' || coalesce(notes, '') from tasks where workspace_id = ?").bind(workspaceId, workspaceId).all<{ text: string }>()).results.map((row) => row.text);
    for (const [where, text] of [["workspace.json", exported.text], ["delivery bodies", bodies.join("\n")], ["interactions and tasks", texts.join("\n")]] as const) {
      const folded = text.toLowerCase();
      for (const trace of ["9123456789", "۹۱۲", "345 6789", "sara.mohammadi@example.com", "0013542419", "سارا", "محمدی"]) expect(folded, `${where}: ${trace}`).not.toContain(trace);
    }
    // The events stay (valid JSON), with the CID erased; the tasks and interactions keep their other words.
    const created = (await env.DB.prepare("select payload from events where workspace_id = ? and name = 'customer.created' and customer_id = ?").bind(workspaceId, saraId).first<{ payload: string }>())!;
    expect(JSON.parse(created.payload)).toMatchObject({ customerId: saraId, cid: "[erased]" });
    expect(texts).toContain("[erased] از [erased] زنگ زد");
    // Reza keeps everything.
    expect(exported.text).toContain("+989351112233");
    expect(bodies.filter((body) => body.includes("09351112233"))).toHaveLength(1);
    expect((await owner.get("/api/customers/lookup?identifier=09351112233")).body.displayName).toBe("رضا کاظمی");
  });

  it("erases the records merged into the customer as well: their tombstones and events", async () => {
    const { owner, workspaceId } = await signUp();
    const survivor = (await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567" })).body.id as string;
    const merged = (await owner.post("/api/customers", { firstName: "Sara", lastName: "Mohammadi", mobile: "09129876543", email: "sara.m@example.com" })).body.id as string;
    expect((await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged })).status).toBe(200);
    expect((await owner.delete(`/api/customers/${survivor}`)).status).toBe(204);

    const tombstone = await env.DB.prepare("select first_name, last_name, display_name, erased_at from customers where id = ?").bind(merged).first<Record<string, unknown>>();
    expect(tombstone).toMatchObject({ first_name: null, last_name: null, display_name: "", erased_at: expect.any(Number) });
    const exported = (await owner.get("/api/export/workspace.json")).text;
    for (const trace of ["9129876543", "9121234567", "sara.m@example.com", "Mohammadi"]) expect(exported, trace).not.toContain(trace);
    const payloads = await env.DB.prepare("select payload from events where workspace_id = ? and customer_id = ?").bind(workspaceId, merged).all<{ payload: string }>();
    expect(payloads.results.map((row) => JSON.parse(row.payload).cid).filter((cid) => cid !== undefined)).toEqual(["[erased]"]);
  });
});
