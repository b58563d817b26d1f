import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, signUp, type ApiClient, type ApiResponse } from "../../../test/support/client";
import { openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { identifiersAfter, nameGroupsQuery } from "./duplicates.repository";

interface Candidate {
  reason: string;
  customers: Array<{ id: string; displayName: string; mobile: string | null }>;
  identifierKinds: string[] | null;
  sameCity: boolean;
  sameBirthday: boolean;
}

async function create(client: ApiClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post("/api/customers", body);
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${response.text}`);
  return response.body.id;
}

/** Every candidate, following nextCursor to the end. */
async function allCandidates(client: ApiClient, limit = 20): Promise<Candidate[]> {
  const found: Candidate[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const response: ApiResponse = await client.get(`/api/customers/duplicates?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status).toBe(200);
    found.push(...response.body.items);
    cursor = response.body.nextCursor;
    if (!cursor) return found;
  }
  throw new Error("duplicates never ended");
}

const pairOf = (candidate: Candidate) => candidate.customers.map((customer) => customer.id);

describe("finding duplicate customers", () => {
  it("pairs a username that is another customer's mobile once read as a mobile", async () => {
    const { owner } = await signUp();
    const sara = await create(owner, { firstName: "Sara", mobile: "09121234567" });
    const other = await create(owner, { firstName: "S.", mobile: "09350000001", username: "0912-123-4567" });
    const candidates = await allCandidates(owner);
    expect(candidates).toEqual([expect.objectContaining({ reason: "same_identifier", identifierKinds: ["mobile", "username"] })]);
    expect(pairOf(candidates[0]!)).toEqual([sara, other]);
  });

  it("pairs a username that is another customer's national code, and a shop id that is an e-mail", async () => {
    const { owner, workspaceId } = await signUp();
    const withCode = await create(owner, { mobile: "09120000001", nationalCode: "0013542419" });
    const withUsername = await create(owner, { mobile: "09120000002", username: "0013542419" });
    const withEmail = await create(owner, { mobile: "09120000003", email: "reza@example.com" });
    const shopCustomer = await create(owner, { mobile: "09120000004" });
    await env.DB.prepare("insert into customer_identifiers (id, workspace_id, customer_id, kind, value, created_at) values (?, ?, ?, 'external', ?, ?)")
      .bind(newId("cid"), workspaceId, shopCustomer, " Reza@Example.com ", Date.now())
      .run();
    const candidates = await allCandidates(owner);
    expect(candidates.map((c) => [c.reason, c.identifierKinds, pairOf(c)])).toEqual(
      expect.arrayContaining([
        ["same_identifier", ["national_code", "username"], [withCode, withUsername]],
        ["same_identifier", ["email", "external"], [withEmail, shopCustomer]],
      ]),
    );
    expect(candidates).toHaveLength(2);
  });

  it("pairs the same folded name in the same city, and names differing only by spaces or ZWNJ with the same birthday", async () => {
    const { owner } = await signUp();
    const ali = await create(owner, { firstName: "علی", lastName: "رضایی", city: "تهران", mobile: "09120000011" });
    const aliArabic = await create(owner, { firstName: "علي", lastName: "رضايي", city: "تهران", mobile: "09120000012" });
    const alireza = await create(owner, { firstName: "علیرضا", lastName: "محمدی", birthday: "1990-03-21", mobile: "09120000013" });
    const aliZwnj = await create(owner, { firstName: "علی‌رضا", lastName: "محمدی", birthday: "1990-03-21", city: "شیراز", mobile: "09120000014" });
    const candidates = await allCandidates(owner);
    expect(candidates.map((c) => [c.reason, pairOf(c), c.sameCity, c.sameBirthday])).toEqual(
      expect.arrayContaining([
        ["similar_name", [ali, aliArabic], true, false],
        ["similar_name", [alireza, aliZwnj], false, true],
      ]),
    );
    expect(candidates).toHaveLength(2);
  });

  it("does not pair different people: same name elsewhere, or same city under another name", async () => {
    const { owner } = await signUp();
    await create(owner, { firstName: "محمد", lastName: "کریمی", city: "تبریز", birthday: "1980-01-01", mobile: "09120000021" });
    await create(owner, { firstName: "محمد", lastName: "کریمی", city: "مشهد", birthday: "1985-05-05", mobile: "09120000022" });
    await create(owner, { firstName: "مریم", lastName: "کریمی", city: "تبریز", mobile: "09120000023" });
    await create(owner, { firstName: "Sara", mobile: "09120000024", username: "sara.k" });
    expect(await allCandidates(owner)).toEqual([]);
  });

  it("pages through every pair exactly once, even when one large group spans pages", async () => {
    const { owner } = await signUp();
    for (let i = 0; i < 4; i++) await create(owner, { firstName: "Reza", lastName: "Ahmadi", city: "Karaj", mobile: `0912000003${i}` });
    await create(owner, { firstName: "A", mobile: "09120000040" });
    await create(owner, { firstName: "B", mobile: "09120000041", username: "09120000040" });
    const first = await owner.get("/api/customers/duplicates?limit=4");
    expect(first.body.items).toHaveLength(4);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const everything = await allCandidates(owner, 4);
    const keys = everything.map((c) => `${c.reason}:${pairOf(c).join("+")}`);
    expect(new Set(keys).size).toBe(7); // 1 identifier pair + C(4,2) name pairs
    expect(keys).toHaveLength(7);
    const oneByOne = await allCandidates(owner, 1);
    expect(oneByOne.map((c) => `${c.reason}:${pairOf(c).join("+")}`)).toEqual(keys);
  });

  it("masks the candidates for an agent and reveals them, audited, for the owner", async () => {
    const { owner, workspaceId } = await signUp();
    await create(owner, { firstName: "Sara", mobile: "09121234567" });
    await create(owner, { firstName: "S.", mobile: "09350000001", username: "09121234567" });
    const agent = await addMember(workspaceId, "agent");
    const masked = await agent.get("/api/customers/duplicates");
    expect(masked.body.items[0].customers.map((c: { mobile: string }) => c.mobile)).toEqual(["0912*****67", "0935*****01"]);
    expect((await agent.get("/api/customers/duplicates?reveal=pii")).status).toBe(403);
    const revealed = await owner.get("/api/customers/duplicates?reveal=pii");
    expect(revealed.body.items[0].customers.map((c: { mobile: string }) => c.mobile)).toEqual(["+989121234567", "+989350000001"]);
    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'customers.pii_bulk_read'").bind(workspaceId).all<{ details: string }>();
    expect(audit.results.map((row) => JSON.parse(row.details).count)).toEqual([2]);
  });

  it("never pairs across workspaces", async () => {
    const a = await signUp();
    const b = await signUp();
    await create(a.owner, { firstName: "Neda", lastName: "Hosseini", city: "Rasht", mobile: "09121111111" });
    await create(b.owner, { firstName: "Neda", lastName: "Hosseini", city: "Rasht", mobile: "09122222222", username: "09121111111" });
    expect(await allCandidates(a.owner)).toEqual([]);
    expect(await allCandidates(b.owner)).toEqual([]);
  });

  it("drops a pair once the two are merged", async () => {
    const { owner } = await signUp();
    const first = await create(owner, { firstName: "Neda", city: "Rasht", mobile: "09121111111" });
    const second = await create(owner, { firstName: "Neda", city: "Rasht", mobile: "09122222222" });
    expect(await allCandidates(owner)).toHaveLength(1);
    expect((await owner.post("/api/customers/merge", { survivorId: first, mergedId: second })).status).toBe(200);
    expect(await allCandidates(owner)).toEqual([]);
  });

  it("refuses a cursor it did not issue", async () => {
    const { owner } = await signUp();
    const response = await owner.get("/api/customers/duplicates?cursor=bm90LWEtY3Vyc29y");
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ path: "query.cursor", code: "invalid_cursor" });
  });

  it("walks indexes, never the whole table", async () => {
    const scope = openWorkspace(env, "ws_plan");
    const queries = [identifiersAfter(scope, ["username", "external"], { kind: "username", value: "x" }, 100), nameGroupsQuery(scope, "x", 20)];
    for (const query of queries) {
      const { sql, params } = query.toSQL();
      const plan = await env.DB.prepare(`explain query plan ${sql}`).bind(...params).all<{ detail: string }>();
      const steps = plan.results.map((row) => row.detail);
      expect(steps.some((step) => /USING (COVERING )?INDEX/.test(step)), steps.join("; ")).toBe(true);
      expect(steps.filter((step) => /^SCAN (customers|customer_identifiers)\b/.test(step))).toEqual([]);
    }
  });
});
