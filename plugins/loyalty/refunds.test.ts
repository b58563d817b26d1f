// Refunds take back points in proportion to what was refunded, once however often the events
// come; points already spent are recorded as a shortfall, never collected: the balance stays at
// zero or above.
import { describe, expect, it } from "vitest";
import { reversalTarget } from "./refunds";
import { balanceOf, clubBed, ledgerOf, newCustomer, paidOrder } from "./loyalty.test-support";

const RULES = { signupBonus: 0, firstOrderBonus: 0, amountPerPoint: 10_000 };

describe("refunds", () => {
  it("computes the points to take back in all, rounded down", () => {
    expect(reversalTarget(100, 1_000_000, 333_333, false)).toBe(33);
    expect(reversalTarget(100, 1_000_000, 1_000_000, false)).toBe(100);
    expect(reversalTarget(7, 1_000_000, 1, true)).toBe(7);
    expect(reversalTarget(100, 1_000_000, 0, false)).toBe(0);
  });

  it("reverses partial refunds proportionally and once", async () => {
    const bed = await clubBed(RULES);
    const customerId = await newCustomer(bed);
    const orderId = await paidOrder(bed, customerId, 1_000_000);
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(100);
    expect((await bed.owner.patch(`/api/orders/${orderId}`, { refundAmount: 250_000 })).status).toBe(200);
    await bed.drain();
    expect((await bed.owner.patch(`/api/orders/${orderId}`, { refundAmount: 250_000 })).status).toBe(200);
    await bed.drain();
    await bed.drain();
    // A late copy of the first refund's event changes nothing.
    await bed.emit("order.refunded", { customerId, orderId, refundedTotal: 250_000, total: 1_000_000, currency: "IRT", full: false });
    await bed.drain();
    const reversals = (await ledgerOf(bed, customerId)).filter((entry) => entry.kind === "reverse");
    expect(reversals.map((entry) => [entry.points, entry.amount, entry.shortfall])).toEqual([
      [-25, -250_000, 0],
      [-25, -250_000, 0],
    ]);
    expect(await balanceOf(bed, customerId)).toBe(50);
  });

  it("after a partial redemption, takes back only what is left and records the rest (balance never negative)", async () => {
    const bed = await clubBed(RULES);
    const customerId = await newCustomer(bed);
    const orderId = await paidOrder(bed, customerId, 1_000_000);
    await bed.drain();
    const reward = await bed.owner.post("/api/plugins/loyalty/rewards", { name: "Tote bag", cost: 80 });
    expect((await bed.owner.post(`/api/plugins/loyalty/members/${customerId}/redeem`, { rewardId: reward.body.id })).status).toBe(201);
    expect(await balanceOf(bed, customerId)).toBe(20);

    // 30% refunded: 30 points are owed back; 20 are there, 10 were spent.
    expect((await bed.owner.patch(`/api/orders/${orderId}`, { refundAmount: 300_000 })).status).toBe(200);
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(0);
    // The rest refunded: 70 more owed, nothing left to take.
    expect((await bed.owner.patch(`/api/orders/${orderId}`, { status: "refunded" })).status).toBe(200);
    await bed.drain();
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(0);
    const reversals = (await ledgerOf(bed, customerId)).filter((entry) => entry.kind === "reverse");
    expect(reversals.map((entry) => [entry.points, entry.shortfall])).toEqual([
      [0, 70],
      [-20, 10],
    ]);
    // Points earned afterwards are the member's to keep: the shortfall is not collected from them.
    await paidOrder(bed, customerId, 100_000);
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(10);
    const summary = (await bed.owner.get("/api/plugins/loyalty/summary")).body;
    expect(summary).toMatchObject({ earned: 110, redeemed: 80, reversed: 20, outstanding: 10 });
  });
});
