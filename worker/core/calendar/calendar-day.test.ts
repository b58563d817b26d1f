// Every date input refuses a day the calendar does not have (30 February, 29 February outside a
// leap year, 30 Esfand outside a Jalali leap year) with 400 not_a_real_date, and stores nothing.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { csvOf } from "../import/import.test-support";
import { isCalendarDay } from "./calendar-day";

const birthdayOf = async (customerId: string) =>
  (await env.DB.prepare("select birthday from customers where id = ?").bind(customerId).first<{ birthday: string | null }>())?.birthday;

describe("a real calendar day", () => {
  it("knows which days exist", () => {
    expect(["2024-02-29", "2023-02-28", "2000-02-29", "2025-12-31"].map(isCalendarDay)).toEqual([true, true, true, true]);
    expect(["2023-02-29", "2023-02-30", "1900-02-29", "2025-04-31", "2025-13-01", "2025-1-01"].map(isCalendarDay)).toEqual([false, false, false, false, false, false]);
  });

  it("refuses an impossible birthday on create, with nothing stored, and says so in both languages", async () => {
    const { owner, workspaceId } = await signUp();
    const persian = await owner.withLanguage("fa").post("/api/customers", { mobile: "09121234567", birthday: "2023-02-30" });
    expect(persian.status).toBe(400);
    expect(persian.body.errors).toEqual([{ path: "body.birthday", code: "not_a_real_date", message: expect.stringContaining("چنین روزی در تقویم وجود ندارد") }]);
    const english = await owner.post("/api/customers", { mobile: "09121234567", birthday: "2023-02-29" });
    expect(english.status).toBe(400);
    expect(english.body.errors[0]).toMatchObject({ path: "body.birthday", code: "not_a_real_date", message: expect.stringContaining("no such day") });
    const customers = await env.DB.prepare("select count(*) as n from customers where workspace_id = ?").bind(workspaceId).first<{ n: number }>();
    expect(customers!.n).toBe(0);
    const leap = await owner.post("/api/customers", { mobile: "09121234567", birthday: "2024-02-29" });
    expect(leap.status).toBe(201);
    expect(leap.body.birthday).toBe("2024-02-29");
  });

  it("refuses an impossible birthday on PATCH and keeps the one stored", async () => {
    const { owner } = await signUp();
    const customer = (await owner.post("/api/customers", { mobile: "09121234567", birthday: "1990-03-21" })).body;
    for (const birthday of ["2023-02-29", "2023-02-30", "2023-04-31"]) {
      const response = await owner.patch(`/api/customers/${customer.id}`, { birthday });
      expect(response.status, birthday).toBe(400);
      expect(response.body.errors[0]).toMatchObject({ path: "body.birthday", code: "not_a_real_date" });
    }
    expect(await birthdayOf(customer.id)).toBe("1990-03-21");
    const malformed = await owner.patch(`/api/customers/${customer.id}`, { birthday: "21/03/1990" });
    expect(malformed.body.errors[0]).toMatchObject({ path: "body.birthday", code: "invalid_date" });
    expect((await owner.patch(`/api/customers/${customer.id}`, { birthday: "2024-02-29" })).status).toBe(200);
    expect(await birthdayOf(customer.id)).toBe("2024-02-29");
  });

  it("refuses impossible days in order times, report periods and a plugin's dates", async () => {
    const { owner } = await signUp();
    const customerId = (await owner.post("/api/customers", { mobile: "09121234567" })).body.id;
    const order = await owner.post("/api/orders", { customerId, total: 1000, placedAt: "2023-02-30T10:00:00+03:30" });
    expect(order.body.errors?.[0]).toMatchObject({ path: "body.placedAt", code: "not_a_real_date" });
    const task = await owner.post("/api/tasks", { title: "Call", dueAt: "2023-02-29T10:00:00+03:30" });
    expect(task.body.errors?.[0]).toMatchObject({ path: "body.dueAt", code: "not_a_real_date" });
    const audit = await owner.get(`/api/audit?from=${encodeURIComponent("2023-04-31T00:00:00Z")}`);
    expect(audit.body.errors?.[0]).toMatchObject({ path: "query.from", code: "not_a_real_date" });
    const orders = await owner.get("/api/orders?from=2023-02-29");
    expect(orders.body.errors?.[0]).toMatchObject({ path: "query.from", code: "not_a_real_date" });
    const overview = await owner.get("/api/stats/overview?from=2023-02-30&to=2023-03-10");
    expect(overview.body.errors?.[0]).toMatchObject({ path: "query.from", code: "not_a_real_date" });
    await owner.patch("/api/plugins/loyalty", { enabled: true });
    const reward = await owner.post("/api/plugins/loyalty/rewards", { name: "Mug", cost: 100, availableUntil: "2026-02-29" });
    expect(reward.status).toBe(400);
    expect(reward.body.errors?.[0]).toMatchObject({ path: "body.availableUntil", code: "not_a_real_date" });
  });

  it("refuses impossible Gregorian and Jalali birthdays in an imported file and imports the real ones", async () => {
    const { owner, workspaceId } = await signUp();
    const csv = csvOf([
      ["mobile", "birthday"],
      ["09121110001", "2023-02-30"],
      ["09121110002", "1404/12/30"], // 1404 is not a Jalali leap year
      ["09121110003", "1403/12/30"], // 1403 is: 2025-03-20
      ["09121110004", "2024-02-29"],
    ]);
    const response = await owner.post("/api/import/customers", { csv, mapping: { mobile: "mobile", birthday: "birthday" } });
    expect(response.body.totals).toMatchObject({ accepted: 2, rejected: 2 });
    const rejected = await owner.get(`/api/import/jobs/${response.body.id}?outcome=rejected`);
    expect(rejected.body.rows.items.map((row: { row: number; errors: Array<{ code: string }> }) => [row.row, row.errors.map((e) => e.code)])).toEqual([
      [1, ["not_a_real_date"]],
      [2, ["not_a_real_date"]],
    ]);
    const stored = await env.DB.prepare("select birthday from customers where workspace_id = ? order by birthday").bind(workspaceId).all<{ birthday: string }>();
    expect(stored.results.map((row) => row.birthday)).toEqual(["2024-02-29", "2025-03-20"]);
  });
});
