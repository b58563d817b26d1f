// Bad input on every customer write route: a 400 problem+json naming the field, and not one row
// written anywhere (every table's row count and the customer itself unchanged).
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";

let owner: ApiClient;
let customer: { id: string; identifiers: Array<{ id: string; kind: string }> };

async function tableCounts(): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name != 'd1_migrations'",
  ).all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of tables.results) counts[name] = (await env.DB.prepare(`select count(*) as n from "${name}"`).first<{ n: number }>())!.n;
  return counts;
}

beforeAll(async () => {
  owner = (await signUp()).owner;
  customer = (await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", email: "sara@example.com", tags: ["vip"] })).body;
});

type BadRequest = [label: string, method: string, path: () => string, body: unknown, fieldPath: string];

const at = (suffix = "") => () => `/api/customers/${customer.id}${suffix}`;
const identifierPath = (kind: string) => () => `/api/customers/${customer.id}/identifiers/${customer.identifiers.find((i) => i.kind === kind)!.id}`;

const BAD: BadRequest[] = [
  ["PATCH with nothing to change", "PATCH", at(), {}, "body"],
  ["PATCH with an unknown field", "PATCH", at(), { firstName: "S", favouriteColour: "red" }, "body"],
  ["PATCH clearing the kind", "PATCH", at(), { kind: null }, "body.kind"],
  ["PATCH with a landline for a mobile", "PATCH", at(), { mobile: "021 1234 5678" }, "body.mobile"],
  ["PATCH with an all-same-digit national code", "PATCH", at(), { nationalCode: "1111111111" }, "body.nationalCode"],
  ["PATCH with a national code whose check digit is wrong", "PATCH", at(), { nationalCode: "0013542418" }, "body.nationalCode"],
  ["PATCH with a malformed e-mail", "PATCH", at(), { email: "sara@" }, "body.email"],
  ["PATCH with a number for an e-mail", "PATCH", at(), { email: 5 }, "body.email"],
  ["PATCH with an impossible birthday", "PATCH", at(), { birthday: "1990-13-45" }, "body.birthday"],
  ["PATCH with an empty first name", "PATCH", at(), { firstName: "  " }, "body.firstName"],
  ["PATCH with tags as a string", "PATCH", at(), { tags: "vip" }, "body.tags"],
  ["PATCH with an unknown consent state", "PATCH", at(), { consent: { sms: "maybe" } }, "body.consent.sms"],
  ["PATCH with an unknown consent channel", "PATCH", at(), { consent: { fax: "granted" } }, "body.consent"],
  ["PATCH clearing the CID's mobile", "PATCH", at(), { firstName: "Changed", mobile: null }, "body.mobile"],
  ["PATCH with an owner who is not staff", "PATCH", at(), { firstName: "Changed", ownerUserId: "usr_nobody" }, "body.ownerUserId"],
  ["PATCH with broken JSON", "PATCH", at(), "{\"firstName\": ", "body"],
  ["POST identifier without a value", "POST", at("/identifiers"), { kind: "mobile" }, "body.value"],
  ["POST identifier of the issued kind", "POST", at("/identifiers"), { kind: "issued", value: "C-00009" }, "body.kind"],
  ["POST identifier with an invalid mobile", "POST", at("/identifiers"), { kind: "mobile", value: "0912123" }, "body.value"],
  ["POST identifier with an invalid national code", "POST", at("/identifiers"), { kind: "national_code", value: "0000000000" }, "body.value"],
  ["POST identifier with an unknown field", "POST", at("/identifiers"), { kind: "external", value: "woo:1", note: "x" }, "body"],
  ["DELETE the CID's identifier", "DELETE", identifierPath("mobile"), undefined, "path.identifierId"],
  ["DELETE the issued code", "DELETE", identifierPath("issued"), undefined, "path.identifierId"],
  ["DELETE a customer by an over-long id", "DELETE", () => `/api/customers/${"x".repeat(65)}`, undefined, "path.id"],
];

describe("bad input on the customer write routes", () => {
  it("is refused with a 400 problem naming the field, and nothing is written", async () => {
    const before = await tableCounts();
    expect(before).toMatchObject({ customers: 1, customer_identifiers: 3, customer_tags: 1, events: 1 });
    const profile = (await owner.get(`/api/customers/${customer.id}`)).body;
    for (const [label, method, path, body, fieldPath] of BAD) {
      const response = await owner.request(method, path(), body);
      expect(response.status, label).toBe(400);
      expect(response.headers.get("content-type"), label).toContain("application/problem+json");
      expect(response.body.code, label).toBe("validation_failed");
      expect(response.body.errors.map((e: { path: string }) => e.path), label).toContain(fieldPath);
    }
    expect(await tableCounts()).toEqual(before);
    expect((await owner.get(`/api/customers/${customer.id}`)).body).toEqual(profile);
  });

  it("answers in Persian when asked", async () => {
    const response = await owner.withLanguage("fa").patch(`/api/customers/${customer.id}`, { mobile: "12345" });
    expect(response.body.errors[0].message).toContain("موبایل");
  });
});
