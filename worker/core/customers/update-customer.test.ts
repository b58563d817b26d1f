import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient } from "../../../test/support/client";

async function createOne(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/customers", body);
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; code: string; updatedAt: string; identifiers: Array<{ id: string; kind: string; value: string }> };
}

async function updatedEvents(customerId: string): Promise<string[][]> {
  const { results } = await env.DB.prepare("select payload from events where name = 'customer.updated' order by rowid").all<{ payload: string }>();
  return results.map((row) => JSON.parse(row.payload)).filter((p) => p.customerId === customerId).map((p) => p.changed);
}

const nameWordsOf = async (customerId: string) =>
  (await env.DB.prepare("select word from customer_name_words where customer_id = ? order by word").bind(customerId).all<{ word: string }>()).results.map((r) => r.word);

describe("PATCH /api/customers/{id}", () => {
  it("changes only what is sent, clears what is null, and announces the changed fields", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { firstName: "Sara", mobile: "09121234567", city: "Tehran", birthday: "1990-03-21", gender: "female" });
    const response = await owner.patch(`/api/customers/${customer.id}`, { city: "Isfahan", birthday: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ firstName: "Sara", city: "Isfahan", birthday: null, gender: "female", mobile: "0912*****67" });
    expect(await updatedEvents(customer.id)).toEqual([["birthday", "city"]]);
  });

  it("refreshes the display name and the name search when a name changes", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { firstName: "علی", lastName: "رضایی", mobile: "09121234567" });
    const response = await owner.patch(`/api/customers/${customer.id}`, { lastName: "كريمي" });
    expect(response.body.displayName).toBe("علی كريمي");
    expect(await nameWordsOf(customer.id)).toEqual(["علی", "علیکریمی", "کریمی"].sort());
    expect((await owner.get(`/api/customers?q=${encodeURIComponent("رضا")}`)).body.items).toEqual([]);
    expect((await owner.get(`/api/customers?q=${encodeURIComponent("کریم")}`)).body.items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    expect(await updatedEvents(customer.id)).toEqual([["lastName", "displayName"]]);
  });

  it("shows an organization by its name once the kind changes", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { firstName: "Reza", mobile: "09121234567" });
    const response = await owner.patch(`/api/customers/${customer.id}`, { kind: "organization", organizationName: "Golrang Trading" });
    expect(response.body).toMatchObject({ kind: "organization", displayName: "Golrang Trading" });
    expect(await nameWordsOf(customer.id)).toEqual(["golrang", "golrangtrading", "trading"]);
  });

  it("replaces the mobile typed in any form, and the CID follows it", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const response = await owner.patch(`/api/customers/${customer.id}?reveal=pii`, { mobile: "۰۹۳۵ ۱۱۱ ۲۲۳۳" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ mobile: "+989351112233", cid: "+989351112233" });
    expect(response.body.identifiers.map((i: { kind: string }) => i.kind).sort()).toEqual(["issued", "mobile"]);
    expect((await owner.get("/api/customers/lookup?identifier=09121234567")).status).toBe(404);
    expect((await owner.get("/api/customers/lookup?identifier=09351112233")).body.id).toBe(customer.id);
    expect(await updatedEvents(customer.id)).toEqual([["mobile", "cid"]]);
  });

  it("adds an e-mail, then replaces it, keeping the CID", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    await owner.patch(`/api/customers/${customer.id}`, { email: "Old@Example.com" });
    const response = await owner.patch(`/api/customers/${customer.id}?reveal=pii`, { email: " New@Example.com " });
    expect(response.body).toMatchObject({ email: "new@example.com", cid: "+989121234567" });
    expect((await owner.get("/api/customers/lookup?identifier=old@example.com")).status).toBe(404);
    expect(await updatedEvents(customer.id)).toEqual([["email"], ["email"]]);
  });

  it("refuses a mobile another customer has, in another form, with 409 on the field", async () => {
    const { owner } = await signUp();
    await createOne(owner, { mobile: "09121234567" });
    const other = await createOne(owner, { mobile: "09351112233", firstName: "Other" });
    const response = await owner.patch(`/api/customers/${other.id}`, { mobile: "+98 912 123 4567", firstName: "Changed" });
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "body.mobile", code: "identifier_taken" })]);
    expect((await owner.get(`/api/customers/${other.id}`)).body.firstName).toBe("Other");
  });

  it("refuses to clear the identifier that is the workspace's CID, but clears another kind", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567", email: "sara@example.com" });
    const refused = await owner.withLanguage("fa").patch(`/api/customers/${customer.id}`, { mobile: null });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: "body.mobile", code: "cid_identifier_protected" })]);
    expect(refused.body.errors[0].message).toContain("CID");
    const cleared = await owner.patch(`/api/customers/${customer.id}`, { email: null });
    expect(cleared.body).toMatchObject({ email: null, mobile: "0912*****67" });
    expect((await owner.get("/api/customers/lookup?identifier=sara@example.com")).status).toBe(404);
  });

  it("records when consent was given and withdrawn", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const before = Date.now();
    const granted = await owner.patch(`/api/customers/${customer.id}`, { consent: { sms: "granted" } });
    expect(granted.body.consent).toEqual({ sms: { status: "granted", at: expect.any(String) }, email: { status: "unknown", at: null } });
    expect(Date.parse(granted.body.consent.sms.at)).toBeGreaterThanOrEqual(before);
    const withdrawn = await owner.patch(`/api/customers/${customer.id}`, { consent: { sms: "withdrawn" } });
    expect(withdrawn.body.consent.sms.status).toBe("withdrawn");
    expect(Date.parse(withdrawn.body.consent.sms.at)).toBeGreaterThanOrEqual(Date.parse(granted.body.consent.sms.at));
    expect(await updatedEvents(customer.id)).toEqual([["consent.sms"], ["consent.sms"]]);
  });

  it("replaces the tag set and keeps the tag index in step", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567", tags: ["vip", "b2b"] });
    const response = await owner.patch(`/api/customers/${customer.id}`, { tags: ["new", "vip", "new"] });
    expect(response.body.tags).toEqual(["new", "vip"]);
    const rows = await env.DB.prepare("select tag from customer_tags where customer_id = ? order by tag").bind(customer.id).all<{ tag: string }>();
    expect(rows.results.map((r) => r.tag)).toEqual(["new", "vip"]);
    expect((await owner.get("/api/customers?tag=b2b")).body.items).toEqual([]);
    expect((await owner.get("/api/customers?tag=new")).body.items.map((c: { id: string }) => c.id)).toEqual([customer.id]);
    expect((await owner.patch(`/api/customers/${customer.id}`, { tags: null })).body.tags).toEqual([]);
  });

  it("replaces custom attributes as a whole", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567", attributes: { size: "M", vip: true } });
    const response = await owner.patch(`/api/customers/${customer.id}`, { attributes: { size: "L" } });
    expect(response.body.attributes).toEqual({ size: "L" });
  });

  it("assigns an owner only from the workspace's staff", async () => {
    const { owner, workspaceId } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const agent = await addMember(workspaceId, "agent");
    const outsider = await signUp();
    for (const ownerUserId of ["usr_nobody", outsider.owner.identity.userId]) {
      const refused = await owner.patch(`/api/customers/${customer.id}`, { ownerUserId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]).toMatchObject({ path: "body.ownerUserId", code: "unknown_user" });
    }
    expect((await owner.patch(`/api/customers/${customer.id}`, { ownerUserId: agent.identity.userId })).body.ownerUserId).toBe(agent.identity.userId);
    expect((await owner.patch(`/api/customers/${customer.id}`, { ownerUserId: null })).body.ownerUserId).toBeNull();
  });

  it("writes nothing when nothing differs", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { firstName: "Sara", mobile: "09121234567", tags: ["vip"] });
    const response = await owner.patch(`/api/customers/${customer.id}`, { firstName: "Sara", mobile: "0912 123 4567", tags: ["vip"] });
    expect(response.status).toBe(200);
    expect(response.body.updatedAt).toBe(customer.updatedAt);
    expect(await updatedEvents(customer.id)).toEqual([]);
  });

  it("lets an agent edit, and finds no customer of another workspace", async () => {
    const { owner, workspaceId } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const agent = await addMember(workspaceId, "agent");
    expect((await agent.patch(`/api/customers/${customer.id}`, { city: "Shiraz" })).body.city).toBe("Shiraz");
    expect((await agent.patch(`/api/customers/${customer.id}?reveal=pii`, { city: "Tabriz" })).status).toBe(403);
    const stranger = await signUp();
    expect((await stranger.owner.patch(`/api/customers/${customer.id}`, { city: "Yazd" })).status).toBe(404);
    expect((await owner.get(`/api/customers/${customer.id}`)).body.city).toBe("Shiraz");
  });
});
