import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { interactions } from "../data/schema";
import { bothStillLive } from "./merge-customers";

async function create(client: ApiClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post("/api/customers", body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body.id;
}

async function addInteraction(workspaceId: string, customerId: string, summary: string) {
  const id = newId("int");
  await env.DB.prepare("insert into interactions (id, workspace_id, customer_id, type, summary, occurred_at, created_at) values (?, ?, ?, 'call', ?, ?, ?)")
    .bind(id, workspaceId, customerId, summary, Date.now(), Date.now())
    .run();
  return id;
}

async function addTask(workspaceId: string, customerId: string, title: string) {
  const id = newId("tsk");
  await env.DB.prepare("insert into tasks (id, workspace_id, customer_id, title, created_at, updated_at) values (?, ?, ?, ?, ?, ?)")
    .bind(id, workspaceId, customerId, title, Date.now(), Date.now())
    .run();
  return id;
}

const column = async (sql: string, ...params: unknown[]) =>
  (await env.DB.prepare(sql).bind(...params).all<Record<string, unknown>>()).results.map((row) => Object.values(row)[0]);

/** Everything a merge may touch, to compare before and after a failed one. */
async function snapshot(workspaceId: string) {
  const tables = ["customers", "customer_identifiers", "customer_tags", "customer_name_words", "interactions", "tasks", "events", "audit_log"];
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = (await env.DB.prepare(`select * from ${table} where workspace_id = ? order by 1, 2, 3`).bind(workspaceId).all()).results;
  }
  return rows;
}

describe("merging customers", () => {
  it("moves identifiers, interactions, tasks, tags and name words, and fills the survivor's empty fields", async () => {
    const { owner, workspaceId } = await signUp();
    const survivor = await create(owner, { firstName: "Sara", mobile: "09121234567", tags: ["vip", "tehran"], consent: { sms: "granted" } });
    const merged = await create(owner, {
      lastName: "Ahmadi",
      mobile: "09351234567",
      email: "sara@example.com",
      city: "Tehran",
      birthday: "1990-03-21",
      tags: ["vip", "newsletter"],
      attributes: { source: "instagram" },
    });
    const interaction = await addInteraction(workspaceId, merged, "asked about prices");
    const task = await addTask(workspaceId, merged, "call back");
    // The merged customer withdrew SMS consent after the survivor granted it: the later decision wins.
    await env.DB.prepare("update customers set consent_sms = 'withdrawn', consent_sms_at = ? where id = ?").bind(Date.now() + 1000, merged).run();

    const response = await owner.post("/api/customers/merge?reveal=pii", { survivorId: survivor, mergedId: merged });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: survivor,
      firstName: "Sara",
      lastName: "Ahmadi",
      displayName: "Sara Ahmadi",
      mobile: "+989121234567",
      email: "sara@example.com",
      city: "Tehran",
      birthday: "1990-03-21",
      tags: ["vip", "tehran", "newsletter"],
      attributes: { source: "instagram" },
      consent: { sms: { status: "withdrawn" } },
    });
    expect(response.body.identifiers.map((i: { value: string }) => i.value).sort()).toEqual(
      ["+989121234567", "+989351234567", "C-00001", "C-00002", "sara@example.com"].sort(),
    );
    expect(await column("select customer_id from interactions where id = ?", interaction)).toEqual([survivor]);
    expect(await column("select customer_id from tasks where id = ?", task)).toEqual([survivor]);
    expect(await column("select tag from customer_tags where customer_id = ? order by tag", survivor)).toEqual(["newsletter", "tehran", "vip"]);
    expect(await column("select count(*) from customer_tags where customer_id = ?", merged)).toEqual([0]);
    expect(await column("select word from customer_name_words where customer_id = ? order by word", survivor)).toEqual(["ahmadi", "sara", "saraahmadi"]);
    expect(await column("select count(*) from customer_name_words where customer_id = ?", merged)).toEqual([0]);
    expect(await column("select merged_into || '|' || coalesce(cid, 'null') from customers where id = ?", merged)).toEqual([`${survivor}|null`]);
  });

  it("finds the survivor by any identifier of the merged customer, and reads the merged id as 404", async () => {
    const { owner } = await signUp();
    const survivor = await create(owner, { firstName: "Reza", mobile: "09121111111" });
    const merged = await create(owner, { firstName: "Reza", mobile: "09122222222", nationalCode: "0013542419" });
    const response = await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged });
    expect(response.status).toBe(200);
    // Without an explicit reveal the survivor comes back masked, even to the owner.
    expect(response.body).toMatchObject({ piiMasked: true, nationalCode: "00*******9" });
    for (const identifier of ["0912 222 2222", "0013542419", "C-00002"]) {
      const found = await owner.get(`/api/customers/lookup?identifier=${encodeURIComponent(identifier)}`);
      expect(found.status, identifier).toBe(200);
      expect(found.body.id, identifier).toBe(survivor);
    }
    expect((await owner.get(`/api/customers/${merged}`)).status).toBe(404);
    const list = await owner.get("/api/customers");
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([survivor]);
  });

  it("audits the merge and writes customer.merged with both ids", async () => {
    const { owner, workspaceId } = await signUp();
    const survivor = await create(owner, { mobile: "09121111111" });
    const merged = await create(owner, { mobile: "09122222222" });
    await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged });
    const audit = await env.DB.prepare("select actor_user_id, customer_id, details from audit_log where workspace_id = ? and action = 'customer.merged'")
      .bind(workspaceId)
      .all<{ actor_user_id: string; customer_id: string; details: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]).toMatchObject({ actor_user_id: owner.identity.userId, customer_id: survivor });
    expect(JSON.parse(audit.results[0]!.details)).toMatchObject({ survivorId: survivor, mergedId: merged, mergedCode: "C-00002" });
    const events = await column("select payload from events where workspace_id = ? and name = 'customer.merged'", workspaceId);
    expect(events.map((payload) => JSON.parse(String(payload)))).toEqual([{ survivorId: survivor, mergedId: merged }]);
  });

  it("leaves both customers untouched when a statement of the merge fails midway", async () => {
    const { owner, workspaceId } = await signUp();
    const survivor = await create(owner, { firstName: "Sara", mobile: "09121111111", tags: ["vip"] });
    const merged = await create(owner, { lastName: "Ahmadi", mobile: "09122222222", tags: ["vip", "new"] });
    await addInteraction(workspaceId, merged, "called");
    await addTask(workspaceId, merged, "follow up");
    const before = await snapshot(workspaceId);
    // Provoke a failure late in the batch (after identifiers, interactions and tags have moved):
    // the event row is refused, as a conflicting write would be.
    await env.DB.prepare(
      "create trigger refuse_merge_event before insert on events when new.name = 'customer.merged' begin select raise(abort, 'provoked'); end",
    ).run();
    try {
      const response = await owner.post("/api/customers/merge", { survivorId: survivor, mergedId: merged });
      expect(response.status).toBe(500);
    } finally {
      await env.DB.prepare("drop trigger refuse_merge_event").run();
    }
    expect(await snapshot(workspaceId)).toEqual(before);
  });

  it("rolls the whole batch back when one of the two stopped being live before it ran", async () => {
    const { owner, workspaceId } = await signUp();
    const survivor = await create(owner, { mobile: "09121111111" });
    const merged = await create(owner, { mobile: "09122222222" });
    const interaction = await addInteraction(workspaceId, merged, "called");
    // What a concurrent merge would have done between our read and our write.
    await env.DB.prepare("update customers set merged_into = ? where id = ?").bind(survivor, merged).run();
    const scope = openWorkspace(env, workspaceId);
    const moveInteraction = scope.db.update(interactions).set({ customerId: survivor }).where(eq(interactions.id, interaction));
    await expect(scope.db.batch([bothStillLive(scope, { survivorId: survivor, mergedId: merged }), moveInteraction])).rejects.toThrow();
    expect(await column("select customer_id from interactions where id = ?", interaction)).toEqual([merged]);
    await env.DB.prepare("update customers set merged_into = null where id = ?").bind(merged).run();
    await scope.db.batch([bothStillLive(scope, { survivorId: survivor, mergedId: merged }), moveInteraction]);
    expect(await column("select customer_id from interactions where id = ?", interaction)).toEqual([survivor]);
  });

  it("refuses to merge a customer into itself", async () => {
    const { owner } = await signUp();
    const customer = await create(owner, { mobile: "09121111111" });
    const response = await owner.withLanguage("fa").post("/api/customers/merge", { survivorId: customer, mergedId: customer });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("merge_same_customer");
    expect(response.body.errors[0]).toMatchObject({ path: "body.mergedId", code: "merge_same_customer", message: "یک مشتری را نمی‌توان با خودش ادغام کرد." });
  });

  it("is a 404 across workspaces, and changes nothing in either", async () => {
    const a = await signUp();
    const b = await signUp();
    const mine = await create(a.owner, { mobile: "09121111111" });
    const theirs = await create(b.owner, { mobile: "09122222222" });
    const before = [await snapshot(a.workspaceId), await snapshot(b.workspaceId)];
    expect((await a.owner.post("/api/customers/merge", { survivorId: mine, mergedId: theirs })).status).toBe(404);
    expect((await a.owner.post("/api/customers/merge", { survivorId: theirs, mergedId: mine })).status).toBe(404);
    expect([await snapshot(a.workspaceId), await snapshot(b.workspaceId)]).toEqual(before);
  });

  it("is a 404 for a customer already merged away", async () => {
    const { owner } = await signUp();
    const first = await create(owner, { mobile: "09121111111" });
    const second = await create(owner, { mobile: "09122222222" });
    const third = await create(owner, { mobile: "09123333333" });
    expect((await owner.post("/api/customers/merge", { survivorId: first, mergedId: second })).status).toBe(200);
    expect((await owner.post("/api/customers/merge", { survivorId: third, mergedId: second })).status).toBe(404);
    expect((await owner.post("/api/customers/merge", { survivorId: second, mergedId: third })).status).toBe(404);
  });

  it("needs customers:merge, and rejects unknown fields", async () => {
    const { owner, workspaceId } = await signUp();
    const first = await create(owner, { mobile: "09121111111" });
    const second = await create(owner, { mobile: "09122222222" });
    const agent = await addMember(workspaceId, "agent");
    expect((await agent.post("/api/customers/merge", { survivorId: first, mergedId: second })).status).toBe(403);
    const extra = await owner.post("/api/customers/merge", { survivorId: first, mergedId: second, force: true });
    expect(extra.status).toBe(400);
  });
});
