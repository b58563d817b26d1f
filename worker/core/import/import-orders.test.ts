// Order import through recordOrder: customers found by any identifier form, orders keyed by the
// import source and external id (the same file twice: one order each), dry run, bad rows.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signUp, type ApiClient } from "../../../test/support/client";
import { count } from "./import.test-support";

let owner: ApiClient;
let workspaceId: string;
let sara: string;

const MAPPING = { "شماره سفارش": "externalId", "موبایل مشتری": "customer", "مبلغ": "total", "تاریخ": "placedAt", "وضعیت": "status", "کانال": "channel" };

const file =
  "\uFEFFشماره سفارش;موبایل مشتری;مبلغ;تاریخ;وضعیت;کانال\r\n" +
  "1001;۰۹۱۲ ۱۲۳ ۴۵۶۷;\"۱٬۲۵۰٬۰۰۰\";۱۴۰۳/۰۱/۱۵;پرداخت شده;instagram\r\n" +
  "1002;+989121234567;450000;2024-04-10 18:30;pending;\r\n" +
  "1003;sara@example.com;abc;1403/01/20;paid;\r\n" +
  "1004;09350000000;100000;1403/01/20;paid;\r\n";

beforeAll(async () => {
  ({ owner, workspaceId } = await signUp());
  sara = (await owner.post("/api/customers", { firstName: "Sara", mobile: "09121234567", email: "sara@example.com" })).body.id;
});

describe("order import", () => {
  it("judges the rows in a dry run and writes nothing", async () => {
    const response = await owner.post("/api/import/orders", { csv: file, mapping: MAPPING, dryRun: true, source: "old-shop" });
    expect(response.status).toBe(200);
    expect(response.body.totals).toEqual({ accepted: 2, merged: 0, unchanged: 0, rejected: 2 });
    const rejected = response.body.rows.items.filter((r: { outcome: string }) => r.outcome === "rejected");
    expect(rejected).toEqual([
      { row: 3, outcome: "rejected", recordId: null, errors: [{ path: "total", column: "مبلغ", code: "invalid_amount", message: expect.any(String) }] },
      { row: 4, outcome: "rejected", recordId: null, errors: [{ path: "customer", column: "موبایل مشتری", code: "import_customer_not_found", message: expect.any(String) }] },
    ]);
    expect(await count("orders", workspaceId)).toBe(0);
  });

  it("records the orders once, however often the file is imported", async () => {
    const first = await owner.post("/api/import/orders", { csv: file, mapping: MAPPING, source: "old-shop" });
    expect(first.body.totals).toEqual({ accepted: 2, merged: 0, unchanged: 0, rejected: 2 });
    expect(await count("orders", workspaceId)).toBe(2);
    const events = await count("events", workspaceId);
    const again = await owner.post("/api/import/orders", { csv: file, mapping: MAPPING, source: "old-shop" });
    expect(again.body.totals).toEqual({ accepted: 0, merged: 0, unchanged: 2, rejected: 2 });
    expect(await count("orders", workspaceId)).toBe(2);
    expect(await count("events", workspaceId)).toBe(events);
    const dry = await owner.post("/api/import/orders", { csv: file, mapping: MAPPING, source: "old-shop", dryRun: true });
    expect(dry.body.totals).toEqual({ accepted: 0, merged: 0, unchanged: 2, rejected: 2 });

    const stored = await env.DB.prepare("select external_id, customer_id, total, status, channel, placed_at, connection_id, source from orders where workspace_id = ? order by external_id").bind(workspaceId).all();
    expect(stored.results).toEqual([
      // 15 Farvardin 1403, midnight in Tehran (+03:30).
      { external_id: "1001", customer_id: sara, total: 1250000, status: "paid", channel: "instagram", placed_at: Date.parse("2024-04-03T00:00:00+03:30"), connection_id: "import:old-shop", source: "import" },
      { external_id: "1002", customer_id: sara, total: 450000, status: "pending", channel: null, placed_at: Date.parse("2024-04-10T18:30:00+03:30"), connection_id: "import:old-shop", source: "import" },
    ]);
    const customer = await owner.get(`/api/customers/${sara}`);
    expect(customer.body.stats.orderCount).toBe(1);
  });

  it("keeps orders of another source apart", async () => {
    const other = await owner.post("/api/import/orders", { csv: file, mapping: MAPPING, source: "another-shop" });
    expect(other.body.totals.accepted).toBe(2);
    expect(await count("orders", workspaceId)).toBe(4);
  });

  it("answers 400 when the order mapping lacks a required field", async () => {
    const response = await owner.post("/api/import/orders", { csv: file, mapping: { "شماره سفارش": "externalId", "مبلغ": "total" } });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { params?: unknown; path: string }) => e.path)).toEqual(["body.mapping", "body.mapping"]);
  });
});
