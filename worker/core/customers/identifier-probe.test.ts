import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { addMember, ApiClient, signUp } from "../../../test/support/client";
import { IDENTIFIER_PROBE_BUDGET } from "./identifier-probe";
import { maskMobile, maskNationalCode } from "./mask";

const LIMIT = IDENTIFIER_PROBE_BUDGET.limit;
const lookup = (client: ApiClient, identifier: string) => client.get(`/api/customers/lookup?identifier=${encodeURIComponent(identifier)}`);
const probeAudits = async (workspaceId: string) =>
  (
    await env.DB.prepare("select actor_user_id, actor_api_key_id, customer_id, details from audit_log where workspace_id = ? and action = 'customer.identifier_probed' order by id")
      .bind(workspaceId)
      .all<{ actor_user_id: string; actor_api_key_id: string | null; customer_id: string | null; details: string }>()
  ).results;

/** Every mobile the mask 0912*****67 could hide, in order, as an attacker would try them. */
const candidatesOf = (masked: string) => Array.from({ length: 100_000 }, (_, n) => `${masked.slice(0, 4)}${String(n).padStart(5, "0")}${masked.slice(-2)}`);

describe("identifier probes by staff who see personal data masked", () => {
  it("shows few digits: 0912*****67 for a mobile, 00*******9 for a national code", () => {
    expect(maskMobile("+989121234567")).toBe("0912*****67");
    expect(maskNationalCode("0013542419")).toBe("00*******9");
  });

  it("cuts a viewer's guessing of a masked mobile by lookup off after 30 tries, and audits the lookup that found the customer", async () => {
    const { owner, workspaceId } = await signUp();
    const customer = await owner.post("/api/customers", { firstName: "Sara", mobile: "09120001267" });
    const viewer = await addMember(workspaceId, "viewer");
    const masked = (await viewer.get(`/api/customers/${customer.body.id}`)).body.mobile as string;
    expect(masked).toBe("0912*****67");

    // The attack as found: up to 1,000 lookups of candidates; the right one is the 13th.
    const answers: number[] = [];
    let refusal: Awaited<ReturnType<typeof lookup>> | undefined;
    for (const candidate of candidatesOf(masked).slice(0, 1000)) {
      const response = await lookup(viewer, candidate);
      if (response.status === 429) {
        refusal = response;
        break;
      }
      answers.push(response.status);
    }
    expect(answers).toHaveLength(LIMIT);
    expect(answers.filter((status) => status === 200)).toHaveLength(1);
    expect(refusal!.headers.get("content-type")).toContain("application/problem+json");
    expect(refusal!.body.code).toBe("identifier_probes_limited");
    const retryAfter = Number(refusal!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);

    // The refusal holds for the right answer too, and in Persian it says so.
    const persian = await lookup(viewer.withLanguage("fa"), "09120001267");
    expect(persian.status).toBe(429);
    expect(persian.body.detail).toContain("دیگر دوباره تلاش کنید");

    const audits = await probeAudits(workspaceId);
    expect(audits).toEqual([expect.objectContaining({ actor_user_id: viewer.identity.userId, customer_id: customer.body.id })]);
    expect(JSON.parse(audits[0]!.details)).toEqual({ via: "lookup" });
  });

  it("keeps one budget per user: a colleague still looks customers up", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/customers", { mobile: "09120002222" });
    const first = await addMember(workspaceId, "viewer");
    const second = await addMember(workspaceId, "viewer");
    for (let i = 0; i < LIMIT; i++) await lookup(first, "09120002222");
    expect((await lookup(first, "09120002222")).status).toBe(429);
    expect((await lookup(second, "09120002222")).status).toBe(200);
  });

  it("counts an API key without the PII scope on a budget of its own", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/customers", { mobile: "09120003333" });
    const created = await owner.post("/api/api-keys", { name: "Phone desk", scopes: ["customers:read"] });
    expect(created.status).toBe(201);
    const key = new ApiClient({ authorization: `Bearer ${created.body.key}` });
    expect((await lookup(key, "09120003333")).status).toBe(200);
    for (let i = 1; i < LIMIT; i++) await lookup(key, "09120003333");
    expect((await lookup(key, "09120003333")).status).toBe(429);
    expect(await probeAudits(workspaceId)).toContainEqual(expect.objectContaining({ actor_api_key_id: created.body.id }));
  });

  it("counts a search of the list by a full identifier, not by a name or a customer code", async () => {
    const { owner, workspaceId } = await signUp();
    const customer = await owner.post("/api/customers", { firstName: "Sara", mobile: "09120004444", nationalCode: "0013542419" });
    const viewer = await addMember(workspaceId, "viewer");
    for (let i = 0; i < LIMIT + 5; i++) {
      expect((await viewer.get("/api/customers?q=Sara")).status).toBe(200);
      expect((await viewer.get(`/api/customers?q=${customer.body.code}`)).status).toBe(200);
    }
    const found = await viewer.get("/api/customers?q=0013542419");
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([customer.body.id]);
    for (let i = 1; i < LIMIT; i++) expect((await viewer.get(`/api/customers?q=09120004${String(i).padStart(3, "0")}`)).status).toBe(200);
    const refused = await viewer.get("/api/customers?q=09120004444");
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe("identifier_probes_limited");
    // Search and lookup draw on the same budget.
    expect((await lookup(viewer, "09120004444")).status).toBe(429);
    expect((await probeAudits(workspaceId)).map((row) => JSON.parse(row.details))).toEqual([{ via: "search" }]);
  });

  it("counts a create refused because another customer has the mobile, and then refuses every create with a mobile alike", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/customers", { mobile: "09120005555" });
    const agent = await addMember(workspaceId, "agent");
    for (let i = 0; i < LIMIT; i++) expect((await agent.post("/api/customers", { mobile: "09120005555" })).status).toBe(409);
    // Past the budget the answer no longer depends on whether the mobile is taken.
    const taken = await agent.post("/api/customers", { mobile: "09120005555" });
    const free = await agent.post("/api/customers", { mobile: "09120009999" });
    expect([taken.status, free.status]).toEqual([429, 429]);
    expect(taken.body.code).toBe("identifier_probes_limited");
    // A create without personal identifiers is not a probe.
    await env.DB.prepare("update workspaces set cid_kind = 'issued' where id = ?").bind(workspaceId).run();
    expect((await agent.post("/api/customers", { firstName: "Walk-in" })).status).toBe(201);
  });

  it("lets creates that conflict on nothing go on, however many", async () => {
    const { workspaceId } = await signUp();
    const agent = await addMember(workspaceId, "agent");
    for (let i = 0; i < LIMIT + 2; i++) expect((await agent.post("/api/customers", { mobile: `0912100${String(i).padStart(4, "0")}` })).status).toBe(201);
  });

  it("neither counts nor audits lookups by staff who may see personal data", async () => {
    const { owner, workspaceId } = await signUp();
    await owner.post("/api/customers", { mobile: "09120006666" });
    for (let i = 0; i < LIMIT + 5; i++) expect((await lookup(owner, "09120006666")).status).toBe(200);
    expect(await probeAudits(workspaceId)).toEqual([]);
  });
});
