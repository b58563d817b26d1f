// Orders in rial, toman and other currencies in a toman workspace: the workspace's revenue and
// customer totals count rial exactly ÷ 10 and leave dollars out, reported per currency.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signUp } from "../../../test/support/client";
import { bookedAmount } from "./booked-amount";

describe("booking an order in the workspace's currency", () => {
  it("converts rial and toman exactly, in integers, and nothing else", () => {
    expect(bookedAmount(12_500_000, "IRR", "IRT")).toBe(1_250_000);
    expect(bookedAmount(1_250_000, "IRT", "IRR")).toBe(12_500_000);
    expect(bookedAmount(9_007_199_254_740_990, "IRR", "IRT")).toBe(900_719_925_474_099);
    expect(bookedAmount(12_345, "IRR", "IRT")).toBe(1_235); // half a toman rounds up
    expect(bookedAmount(19_965, "USD", "IRT")).toBeNull();
    expect(bookedAmount(19_965, "USD", "USD")).toBe(19_965);
  });

  it("adds an IRR order to toman revenue ÷ 10 and keeps a USD order out, listed per currency", async () => {
    const { owner } = await signUp();
    expect((await owner.get("/api/settings")).body.currency).toBe("IRT");
    const customerId = (await owner.post("/api/customers", { mobile: "09121234567" })).body.id;
    const placedAt = new Date().toISOString();
    expect((await owner.post("/api/orders", { customerId, total: 450_000, currency: "IRT", placedAt })).status).toBe(201);
    expect((await owner.post("/api/orders", { customerId, total: 12_500_000, currency: "IRR", placedAt })).status).toBe(201);
    const usd = await owner.post("/api/orders", { customerId, total: 19_965, currency: "USD", placedAt });
    expect(usd.status).toBe(201);

    const overview = (await owner.get("/api/stats/overview")).body;
    expect(overview).toMatchObject({ currency: "IRT", orders: 2, revenue: 1_700_000, averageOrderValue: 850_000 });
    expect(overview.otherCurrencies).toEqual([{ currency: "USD", orders: 1, revenue: 19_965, refunds: 0 }]);
    const daily = (await owner.get("/api/stats/daily")).body.days;
    expect(daily.reduce((sum: number, day: { revenue: number }) => sum + day.revenue, 0)).toBe(1_700_000);

    const customer = (await owner.get(`/api/customers/${customerId}`)).body;
    expect(customer.stats).toMatchObject({ totalSpent: 1_700_000, orderCount: 2, averageOrderValue: 850_000 });
    // The order keeps what the shop charged, in its own currency.
    const stored = await env.DB.prepare("select currency, total, booked_net from orders where id = ?").bind(usd.body.id).first();
    expect(stored).toEqual({ currency: "USD", total: 19_965, booked_net: null });

    // A refund of the rial order leaves the toman revenue exactly; a refund of the dollar one stays in dollars.
    const rialOrder = (await owner.get("/api/orders")).body.items.find((order: { currency: string }) => order.currency === "IRR");
    expect((await owner.patch(`/api/orders/${rialOrder.id}`, { refundAmount: 2_500_000 })).status).toBe(200);
    expect((await owner.patch(`/api/orders/${usd.body.id}`, { refundAmount: 965 })).status).toBe(200);
    const after = (await owner.get("/api/stats/overview")).body;
    expect(after).toMatchObject({ revenue: 1_450_000, refunds: 250_000 });
    expect(after.otherCurrencies).toEqual([{ currency: "USD", orders: 1, revenue: 19_000, refunds: 965 }]);
  });
});
