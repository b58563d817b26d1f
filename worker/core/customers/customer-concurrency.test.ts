// Simultaneous writes of one identifier: exactly one wins, every other gets a 409 problem,
// never a 500, and the workspace never holds two customers for one person.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

const FORMS = [
  "09121234567",
  "9121234567",
  "+989121234567",
  "00989121234567",
  "989121234567",
  "0912 123 4567",
  "0912-123-4567",
  "+98 912 123 45 67",
  "۰۹۱۲۱۲۳۴۵۶۷",
  "٠٩١٢١٢٣٤٥٦٧",
  "۰۰۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
  "(0912) 123 4567",
];

const customersIn = async (workspaceId: string) =>
  (await env.DB.prepare("select count(*) as n from customers where workspace_id = ?").bind(workspaceId).first<{ n: number }>())!.n;

describe("concurrent writes of the same identifier", () => {
  it(`create ${FORMS.length} customers at once with one mobile in different forms: one 201, the rest 409`, async () => {
    const { owner, workspaceId } = await signUp();
    const responses = await Promise.all(FORMS.map((mobile, i) => owner.post("/api/customers", { firstName: `Try ${i}`, mobile })));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(FORMS.length - 1);
    for (const refused of responses.filter((r) => r.status === 409)) {
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(refused.body).toMatchObject({ status: 409, code: "identifier_taken" });
      expect(refused.body.errors[0]).toMatchObject({ path: "body.mobile", code: "identifier_taken" });
    }
    expect(await customersIn(workspaceId)).toBe(1);
    const identifiers = await env.DB.prepare("select count(*) as n from customer_identifiers where workspace_id = ? and kind = 'mobile'").bind(workspaceId).first<{ n: number }>();
    expect(identifiers!.n).toBe(1);
  });

  it("turn a clash that only the write discovers into a 409 too", async () => {
    // A row holding the CID without an identifier row passes the pre-check; the unique index
    // catches it inside the batch, which must still read as "taken", and write nothing.
    const { owner, workspaceId } = await signUp();
    await env.DB.prepare(
      "insert into customers (id, workspace_id, cid, code, display_name, name_key, tags, attributes, created_at, updated_at) values ('cus_x', ?, '+989121234567', 'X-1', '', '', '[]', '{}', 0, 0)",
    )
      .bind(workspaceId)
      .run();
    const response = await owner.post("/api/customers", { mobile: "09121234567" });
    expect(response.status).toBe(409);
    expect(response.body.errors[0]).toMatchObject({ path: "body.mobile", code: "identifier_taken" });
    expect(await customersIn(workspaceId)).toBe(1);
  });

  it("let only one of two customers take the same new mobile at once", async () => {
    const { owner, workspaceId } = await signUp();
    const a = (await owner.post("/api/customers", { mobile: "09121111111" })).body.id;
    const b = (await owner.post("/api/customers", { mobile: "09122222222" })).body.id;
    const responses = await Promise.all([
      owner.patch(`/api/customers/${a}`, { mobile: "09351112233" }),
      owner.patch(`/api/customers/${b}`, { mobile: "۰۹۳۵ ۱۱۱ ۲۲۳۳" }),
      owner.post(`/api/customers/${a}/identifiers`, { kind: "mobile", value: "+989351112233" }),
      owner.post(`/api/customers/${b}/identifiers`, { kind: "mobile", value: "00989351112233" }),
    ]);
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const owners = await env.DB.prepare("select customer_id from customer_identifiers where workspace_id = ? and value = '+989351112233'").bind(workspaceId).all();
    expect(owners.results).toHaveLength(1);
    expect(statuses.filter((s) => s === 409).length).toBeGreaterThanOrEqual(2);
    expect(await customersIn(workspaceId)).toBe(2);
  });
});
