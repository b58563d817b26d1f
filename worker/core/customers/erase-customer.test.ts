import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../../../test/support/client";

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
});
