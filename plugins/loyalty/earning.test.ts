// Earning: points on paid orders (rounded down, multiplied by tier), once per order however often
// the event comes, nothing for another currency, and the welcome and first-order bonuses.
import { describe, expect, it } from "vitest";
import { purchasePoints } from "./earning";
import { balanceOf, clubBed, ledgerOf, newCustomer, paidOrder } from "./loyalty.test-support";

const NO_BONUSES = { signupBonus: 0, firstOrderBonus: 0, birthdayBonus: 0 };

describe("points for purchases", () => {
  it("rounds down once per order, after the tier multiplier", () => {
    expect(purchasePoints(1_249_999, 100_000, 1)).toBe(12);
    expect(purchasePoints(1_250_000, 100_000, 1.25)).toBe(15); // 15.625
    expect(purchasePoints(99_999, 100_000, 1.5)).toBe(1); // 1.499…
    expect(purchasePoints(0, 100_000, 2)).toBe(0);
    expect(purchasePoints(9_000_000_000_000_000, 1, 1.01)).toBe(9_090_000_000_000_000);
  });

  it("earns once for the same order.paid delivered three times, and for three events of one order", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await newCustomer(bed);
    const orderId = await paidOrder(bed, customerId, 1_250_000);
    await bed.drain();
    await bed.drain();
    await bed.drain(); // the same events delivered three times in all
    // The same order announced as paid by two more events (a shop's retry, paid → cancelled → paid).
    await bed.emit("order.paid", { customerId, orderId, total: 1_250_000, currency: "IRT" });
    await bed.emit("order.paid", { customerId, orderId, total: 1_250_000, currency: "IRT" });
    await bed.drain();
    const entries = await ledgerOf(bed, customerId);
    expect(entries).toEqual([expect.objectContaining({ kind: "earn", rule: "purchase", points: 12, amount: 1_250_000, sourceKind: "order", sourceId: orderId })]);
    expect(await balanceOf(bed, customerId)).toBe(12);
    const summary = await bed.owner.get("/api/plugins/loyalty/summary");
    expect(summary.body).toMatchObject({ members: 1, earned: 12, outstanding: 12, liability: 12_000, currency: "IRT" });
  });

  it("earns nothing for an order in another currency than the workspace's", async () => {
    const bed = await clubBed(NO_BONUSES);
    const customerId = await newCustomer(bed);
    const order = await bed.owner.post("/api/orders", { customerId, total: 5_000_00, currency: "USD", status: "paid" });
    expect(order.status, order.text).toBe(201);
    await bed.drain();
    expect(await ledgerOf(bed, customerId)).toEqual([]);
  });

  it("welcomes a new customer with the signup bonus and gives the first-order bonus once", async () => {
    const bed = await clubBed({ signupBonus: 50, firstOrderBonus: 100, amountPerPoint: 10_000 });
    const customerId = await newCustomer(bed);
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(50);
    await paidOrder(bed, customerId, 100_000);
    await bed.drain();
    await paidOrder(bed, customerId, 100_000);
    await bed.drain();
    await bed.drain();
    const rules = (await ledgerOf(bed, customerId)).map((entry) => `${entry.rule} ${entry.points}`);
    expect(rules.sort()).toEqual(["first_order 100", "purchase 10", "purchase 10", "signup 50"]);
    expect(await balanceOf(bed, customerId)).toBe(170);
  });
});
