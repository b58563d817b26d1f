import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";
import { databaseFingerprint } from "../../../test/support/snapshot";

async function createCustomers(owner: ApiClient, people: Array<Record<string, string>>) {
  const ids: string[] = [];
  for (const person of people) {
    const response = await owner.post("/api/customers", person);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    ids.push(response.body.id);
  }
  return ids;
}

const cidOf = async (owner: ApiClient, id: string) => (await owner.get(`/api/customers/${id}?reveal=pii`)).body.cid;

describe("changing the CID kind", () => {
  it("refuses while customers lack the identifier, listing them, then re-keys everyone once they have it", async () => {
    const { owner } = await signUp();
    const [sara, reza, nima] = await createCustomers(owner, [
      { firstName: "Sara", mobile: "09120000001", email: "Sara@Example.com" },
      { firstName: "Reza", mobile: "09120000002" },
      { firstName: "Nima", mobile: "09120000003" },
    ]);
    const before = await databaseFingerprint();

    const refused = await owner.patch("/api/settings", { cidKind: "email", lapsedDays: 60 });
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.body).toMatchObject({
      code: "cid_change_blocked",
      errors: [expect.objectContaining({ path: "body.cidKind", code: "cid_change_blocked" })],
      lacking: {
        total: 2,
        customers: [
          { id: reza, code: "C-00002", displayName: "Reza" },
          { id: nima, code: "C-00003", displayName: "Nima" },
        ],
      },
    });
    // Nothing changed, not even the lapsed window sent along with it.
    expect(await databaseFingerprint()).toEqual(before);
    expect((await owner.get("/api/settings")).body).toMatchObject({ cidKind: "mobile", lapsedDays: 180 });

    expect((await owner.patch(`/api/customers/${reza}`, { email: "reza@example.com" })).status).toBe(200);
    const stillOne = await owner.withLanguage("fa").patch("/api/settings", { cidKind: "email" });
    expect(stillOne.status).toBe(409);
    expect(stillOne.body.detail).toBe("برخی از مشتریان هنوز شناسه‌ای از این نوع ندارند.");
    expect(stillOne.body.lacking).toEqual({ total: 1, customers: [{ id: nima, code: "C-00003", displayName: "Nima" }] });

    expect((await owner.patch(`/api/customers/${nima}`, { email: "nima@example.com" })).status).toBe(200);
    const allowed = await owner.patch("/api/settings", { cidKind: "email" });
    expect(allowed.status).toBe(200);
    expect(allowed.body.cidKind).toBe("email");
    expect([await cidOf(owner, sara!), await cidOf(owner, reza!), await cidOf(owner, nima!)]).toEqual([
      "sara@example.com",
      "reza@example.com",
      "nima@example.com",
    ]);
    // From now on a new customer needs an e-mail, not a mobile.
    const noEmail = await owner.post("/api/customers", { mobile: "09120000004" });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.errors[0]).toMatchObject({ path: "body.email", code: "cid_required" });
  });

  it("names at most 50 customers but counts them all", async () => {
    const { owner } = await signUp();
    await createCustomers(
      owner,
      Array.from({ length: 53 }, (_, i) => ({ mobile: `0912${String(i).padStart(7, "0")}` })),
    );
    const refused = await owner.patch("/api/settings", { cidKind: "national_code" });
    expect(refused.status).toBe(409);
    expect(refused.body.lacking.total).toBe(53);
    expect(refused.body.lacking.customers).toHaveLength(50);
    expect(refused.body.lacking.customers[0]).toMatchObject({ code: "C-00001", displayName: "C-00001" });
  });

  it("always allows issued codes, and back again, re-keying every customer and auditing the change", async () => {
    const { owner, workspaceId } = await signUp();
    const [first, second] = await createCustomers(owner, [
      { firstName: "A", mobile: "09121111111" },
      { firstName: "B", mobile: "09122222222" },
    ]);
    const issued = await owner.patch("/api/settings", { cidKind: "issued" });
    expect(issued.status).toBe(200);
    expect([await cidOf(owner, first!), await cidOf(owner, second!)]).toEqual(["C-00001", "C-00002"]);
    // A customer created now gets its code as its CID without a mobile.
    const walkIn = await owner.post("/api/customers", { firstName: "Walk-in" });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body.cid).toBe("C-00003");

    // The walk-in has no mobile, so going back is refused until it has one.
    expect((await owner.patch("/api/settings", { cidKind: "mobile" })).body.lacking.total).toBe(1);
    await owner.patch(`/api/customers/${walkIn.body.id}`, { mobile: "09123333333" });
    expect((await owner.patch("/api/settings", { cidKind: "mobile" })).status).toBe(200);
    expect(await cidOf(owner, first!)).toBe("+989121111111");
    expect(await cidOf(owner, second!)).toBe("+989122222222");

    const audit = await env.DB.prepare("select details from audit_log where workspace_id = ? and action = 'settings.updated' order by id")
      .bind(workspaceId)
      .all<{ details: string }>();
    expect(audit.results.map((row) => JSON.parse(row.details))).toEqual([
      { before: { cidKind: "mobile" }, after: { cidKind: "issued" } },
      { before: { cidKind: "issued" }, after: { cidKind: "mobile" } },
    ]);
  });

  it("re-keys customers whose new CID is another customer's old one", async () => {
    const { owner } = await signUp();
    // Reza's username is, character for character, Sara's national code.
    const [reza, sara] = await createCustomers(owner, [
      { firstName: "Reza", mobile: "09120000001", nationalCode: "0084575948", username: "0013542419" },
      { firstName: "Sara", mobile: "09120000002", nationalCode: "0013542419", username: "sara" },
    ]);
    expect((await owner.patch("/api/settings", { cidKind: "national_code" })).status).toBe(200);
    expect(await cidOf(owner, sara!)).toBe("0013542419");
    const swapped = await owner.patch("/api/settings", { cidKind: "username" });
    expect(swapped.status).toBe(200);
    expect([await cidOf(owner, reza!), await cidOf(owner, sara!)]).toEqual(["0013542419", "sara"]);
  });
});
