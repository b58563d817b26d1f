import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";

// A word of Latin letters in lower or camel case, as an API field, kind or status is spelt
// ("mobile", "nationalCode", "paid", "string"). Acronyms such as CID or JSON are not names.
const LATIN_NAME = /\b[a-z][A-Za-z_]{2,}\b/g;

const persianTexts = (body: { detail: string; errors?: Array<{ message: string }> }) => [body.detail, ...(body.errors ?? []).map((error) => error.message)];

describe("field, kind and status names in Persian messages", () => {
  it("names the missing CID kind in Persian", async () => {
    const { owner } = await signUp();
    const response = await owner.withLanguage("fa").post("/api/customers", { firstName: "سارا" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "body.mobile", code: "cid_required", message: "شناسهٔ مشتری این کسب‌وکار (موبایل) الزامی است." }]);
    const english = await owner.post("/api/customers", { firstName: "Sara" });
    expect(english.body.errors[0].message).toBe("The workspace's customer identifier (mobile) is required.");
  });

  it("names a national-code CID in Persian, not as national_code or nationalCode", async () => {
    const { owner } = await signUp();
    expect((await owner.patch("/api/settings", { cidKind: "national_code" })).status).toBe(200);
    const response = await owner.withLanguage("fa").post("/api/customers", { firstName: "سارا", mobile: "09121234567" });
    expect(response.body.errors[0]).toMatchObject({ path: "body.nationalCode", code: "cid_required" });
    expect(response.body.errors[0].message).toContain("کد ملی");
    expect(response.body.errors[0].message.match(LATIN_NAME)).toBeNull();
  });

  it("shows no API identifier in the Persian text of common errors", async () => {
    const { owner } = await signUp();
    const fa = owner.withLanguage("fa");
    const customerId = (await owner.post("/api/customers", { mobile: "09121112233" })).body.id;
    const order = (await owner.post("/api/orders", { customerId, total: 1_000_000, status: "pending" })).body;
    await owner.patch(`/api/orders/${order.id}`, { status: "cancelled" });
    const csv = "name\nSara\n";
    const responses = {
      "missing CID": await fa.post("/api/customers", { firstName: "سارا" }),
      "wrong types": await fa.post("/api/customers", { mobile: 9121234567, firstName: 5, tags: "vip" }),
      "order transition": await fa.patch(`/api/orders/${order.id}`, { status: "paid" }),
      "order without customer": await fa.post("/api/orders", { total: 1000 }),
      "import mapping": await fa.post("/api/import/customers", { csv, mapping: { name: "firstName" } }),
    };
    const leaks: string[] = [];
    for (const [label, response] of Object.entries(responses)) {
      expect(response.status, label).toBe(400);
      for (const text of persianTexts(response.body)) {
        const latin = text.match(LATIN_NAME);
        if (latin) leaks.push(`${label}: ${text}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(persianTexts(responses["order transition"].body)).toContain("سفارشی که در وضعیت لغوشده است نمی‌تواند به پرداخت‌شده تغییر کند.");
  });
});
