import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";

interface Identifier {
  id: string;
  kind: string;
  value: string;
}

async function createOne(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post("/api/customers", body);
  expect(response.status, response.text).toBe(201);
  return response.body as { id: string; code: string; identifiers: Identifier[] };
}

const identifierOf = (customer: { identifiers: Identifier[] }, kind: string) => customer.identifiers.find((i) => i.kind === kind)!;
const eventCount = async () => (await env.DB.prepare("select count(*) as n from events where name = 'customer.updated'").first<{ n: number }>())!.n;

describe("a customer's further identifiers", () => {
  it("adds a second mobile typed in Persian digits; either number finds the customer", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const response = await owner.post(`/api/customers/${customer.id}/identifiers?reveal=pii`, { kind: "mobile", value: "۰۹۳۵ ۱۱۱ ۲۲۳۳" });
    expect(response.status).toBe(201);
    expect(response.body.identifiers.filter((i: Identifier) => i.kind === "mobile").map((i: Identifier) => i.value).sort()).toEqual([
      "+989121234567",
      "+989351112233",
    ]);
    // The profile's mobile and the CID stay the first number.
    expect(response.body).toMatchObject({ mobile: "+989121234567", cid: "+989121234567" });
    for (const form of ["09351112233", "+989351112233", "09121234567"]) {
      expect((await owner.get(`/api/customers/lookup?identifier=${encodeURIComponent(form)}`)).body.id, form).toBe(customer.id);
    }
    const events = await env.DB.prepare("select payload from events where name = 'customer.updated' and workspace_id = ?")
      .bind(owner.identity.workspaceId)
      .all<{ payload: string }>();
    expect(events.results.map((e) => JSON.parse(e.payload))).toEqual([{ customerId: customer.id, changed: ["identifiers"] }]);
  });

  it("adds a shop's customer id once; adding it again changes nothing", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const first = await owner.post(`/api/customers/${customer.id}/identifiers`, { kind: "external", value: " woo:shop1:42 " });
    expect(first.status).toBe(201);
    expect(first.body.identifiers).toContainEqual(expect.objectContaining({ kind: "external", value: "woo:shop1:42" }));
    const events = await eventCount();
    const again = await owner.post(`/api/customers/${customer.id}/identifiers`, { kind: "external", value: "woo:shop1:42" });
    expect(again.status).toBe(200);
    expect(again.body.identifiers).toHaveLength(3);
    expect(await eventCount()).toBe(events);
  });

  it("gives the profile field its first identifier of a kind", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const response = await owner.post(`/api/customers/${customer.id}/identifiers?reveal=pii`, { kind: "national_code", value: "۰۰۱۳۵۴۲۴۱۹" });
    expect(response.body.nationalCode).toBe("0013542419");
  });

  it("refuses an identifier another customer has, whatever its form, with 409", async () => {
    const { owner } = await signUp();
    await createOne(owner, { mobile: "09121234567", email: "sara@example.com" });
    const other = await createOne(owner, { mobile: "09351112233" });
    for (const body of [
      { kind: "mobile", value: "+98 912 123 4567" },
      { kind: "email", value: "SARA@example.com" },
    ]) {
      const response = await owner.post(`/api/customers/${other.id}/identifiers`, body);
      expect(response.status, body.value).toBe(409);
      expect(response.body.errors).toEqual([expect.objectContaining({ path: "body.value", code: "identifier_taken" })]);
    }
    expect((await owner.get(`/api/customers/${other.id}`)).body.identifiers).toHaveLength(2);
  });

  it("removes a second identifier, after which it finds no one", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const added = await owner.post(`/api/customers/${customer.id}/identifiers`, { kind: "mobile", value: "09351112233" });
    const second = added.body.identifiers.find((i: Identifier) => i.kind === "mobile" && i.value.endsWith("33"));
    const response = await owner.delete(`/api/customers/${customer.id}/identifiers/${second.id}`);
    expect(response.status).toBe(200);
    expect(response.body.identifiers.map((i: Identifier) => i.kind).sort()).toEqual(["issued", "mobile"]);
    expect((await owner.get("/api/customers/lookup?identifier=09351112233")).status).toBe(404);
    expect((await owner.get("/api/customers/lookup?identifier=09121234567")).body.id).toBe(customer.id);
  });

  it("never removes the CID's identifier or the issued code", async () => {
    const { owner } = await signUp();
    const customer = await createOne(owner, { mobile: "09121234567" });
    const cid = await owner.delete(`/api/customers/${customer.id}/identifiers/${identifierOf(customer, "mobile").id}`);
    expect(cid.status).toBe(400);
    expect(cid.body.errors).toEqual([expect.objectContaining({ path: "path.identifierId", code: "cid_identifier_protected" })]);
    const code = await owner.withLanguage("fa").delete(`/api/customers/${customer.id}/identifiers/${identifierOf(customer, "issued").id}`);
    expect(code.status).toBe(400);
    expect(code.body.errors[0]).toMatchObject({ path: "path.identifierId", code: "issued_code_protected", message: "کد مشتری که سامانه صادر کرده قابل حذف نیست." });
    expect((await owner.get(`/api/customers/lookup?identifier=${customer.code}`)).body.id).toBe(customer.id);
  });

  it("answers 404 for an identifier of another customer", async () => {
    const { owner } = await signUp();
    const one = await createOne(owner, { mobile: "09121234567", email: "one@example.com" });
    const other = await createOne(owner, { mobile: "09351112233" });
    const response = await owner.delete(`/api/customers/${other.id}/identifiers/${identifierOf(one, "email").id}`);
    expect(response.status).toBe(404);
    expect((await owner.get("/api/customers/lookup?identifier=one@example.com")).body.id).toBe(one.id);
  });

  it("moves the CID with the identifier of the workspace's CID kind (e-mail)", async () => {
    const { owner, workspaceId } = await signUp();
    await env.DB.prepare("update workspaces set cid_kind = 'email' where id = ?").bind(workspaceId).run();
    const customer = await createOne(owner, { email: "first@example.com", mobile: "09121234567" });
    expect((await owner.get(`/api/customers/${customer.id}?reveal=pii`)).body.cid).toBe("first@example.com");
    // The mobile is an ordinary identifier here: it may go.
    const removed = await owner.delete(`/api/customers/${customer.id}/identifiers/${identifierOf(customer, "mobile").id}`);
    expect(removed.status).toBe(200);
    const replaced = await owner.patch(`/api/customers/${customer.id}?reveal=pii`, { email: "Second@Example.com" });
    expect(replaced.body).toMatchObject({ cid: "second@example.com", email: "second@example.com", mobile: null });
    expect((await owner.patch(`/api/customers/${customer.id}`, { email: null })).body.errors[0].code).toBe("cid_identifier_protected");
  });
});
