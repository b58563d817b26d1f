// Tiers at their boundaries: up the moment the threshold is reached (not a point before), down
// only after the grace period below it, with an event and a timeline note each time; the tier is a
// segment filter.
import { afterEach, describe, expect, it, vi } from "vitest";
import { countRows } from "../../worker/plugin-api/testing";
import { clubBed, memberOf, newCustomer, paidOrder, type Bed } from "./loyalty.test-support";
import { reviewDecision, tierFor } from "./tiers";
import { loyaltySettings } from "./settings";

const DAY = 86_400_000;
const LADDER = [
  { key: "bronze", name: { en: "Bronze", fa: "برنزی" }, threshold: 0, multiplier: 1 },
  { key: "silver", name: { en: "Silver", fa: "نقره‌ای" }, threshold: 100, multiplier: 1.5, benefits: [{ en: "Free delivery", fa: "ارسال رایگان" }] },
  { key: "gold", name: { en: "Gold", fa: "طلایی" }, threshold: 300, multiplier: 2 },
];
const RULES = { signupBonus: 0, firstOrderBonus: 0, amountPerPoint: 1_000, tiers: LADDER, tierWindowDays: 2, tierGraceDays: 3 };
// 09:00 in Tehran on 1 March 2026.
const START = Date.parse("2026-03-01T05:30:00Z");
const localTime = (day: number, hh: number, mm: number) => START + day * DAY + ((hh - 9) * 60 + mm) * 60_000;

afterEach(() => void vi.useRealTimers());

async function tick(bed: Bed, instant: number) {
  vi.setSystemTime(instant);
  await bed.tick(new Date(instant));
}

describe("tiers", () => {
  it("places a value on the ladder, thresholds inclusive", () => {
    const settings = loyaltySettings.parse({ tiers: LADDER });
    expect([0, 99, 100, 299, 300, 10_000].map((value) => tierFor(settings.tiers, value).key)).toEqual(["bronze", "bronze", "silver", "silver", "gold", "gold"]);
    // Below the tier: the grace starts; after it, down to where the value is.
    const member = { customerId: "c", tier: "gold", belowTierSince: null };
    expect(reviewDecision({ ...settings, tierGraceDays: 3 }, member, 150, 0)).toEqual({ move: null, belowTierSince: 0 });
    expect(reviewDecision({ ...settings, tierGraceDays: 3 }, { ...member, belowTierSince: 0 }, 150, 3 * DAY - 1).move).toBeNull();
    expect(reviewDecision({ ...settings, tierGraceDays: 3 }, { ...member, belowTierSince: 0 }, 150, 3 * DAY).move).toMatchObject({ from: "gold", to: "silver" });
    expect(reviewDecision({ ...settings, tierGraceDays: 3 }, { ...member, belowTierSince: 0 }, 300, 3 * DAY)).toEqual({ move: null, belowTierSince: null });
  });

  it("moves up at the threshold at once, and down after the grace period", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
    const bed = await clubBed(RULES);
    const key = await bed.owner.post("/api/api-keys", { name: "Tests", scopes: ["loyalty:read", "customers:read", "orders:write", "segments:manage"] });
    const api = bed.client({ authorization: `Bearer ${key.body.key}` });
    const customerId = await newCustomer(bed);
    await paidOrder(bed, customerId, 99_000);
    await bed.drain();
    expect((await memberOf(bed, customerId)).tier.key).toBe("bronze");
    expect((await memberOf(bed, customerId)).nextTier).toMatchObject({ tier: { key: "silver" }, remaining: 1 });

    await paidOrder(bed, customerId, 1_000); // exactly 100 points in the window
    await bed.drain();
    await bed.drain();
    const silver = await memberOf(bed, customerId);
    expect(silver).toMatchObject({ tier: { key: "silver", benefits: [{ en: "Free delivery" }] }, value: 100, nextTier: { tier: { key: "gold" }, remaining: 200 } });
    expect(await countRows("events", "workspace_id = ? and name = 'loyalty.tier_changed'", bed.workspaceId)).toBe(1);
    const timeline = await bed.owner.get(`/api/customers/${customerId}/timeline`);
    expect(timeline.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "interaction", type: "note", summary: "Loyalty tier raised from Bronze to Silver.", createdBy: "plugin:loyalty" })]));
    // The silver multiplier applies from now on: 10,000 earns 15.
    await paidOrder(bed, customerId, 10_000);
    await bed.drain();
    expect((await memberOf(bed, customerId)).balance).toBe(115);

    const segment = await api.post("/api/segments/preview", { filter: { loyaltyTiers: ["silver", "gold"] } });
    expect(segment.status, segment.text).toBe(200);
    expect(segment.body.total).toBe(1);

    // The window (2 days) passes: from day 3 the member is below silver; the grace (3 days) ends on day 6.
    await tick(bed, localTime(3, 0, 31));
    expect((await api.get(`/api/plugins/loyalty/members/${customerId}`)).body).toMatchObject({ tier: { key: "silver" }, value: 0 });
    expect((await api.get(`/api/plugins/loyalty/members/${customerId}`)).body.belowTierSince).not.toBeNull();
    await tick(bed, localTime(5, 0, 31));
    expect((await api.get(`/api/plugins/loyalty/members/${customerId}`)).body.tier.key).toBe("silver");
    await tick(bed, localTime(6, 0, 31));
    const after = (await api.get(`/api/plugins/loyalty/members/${customerId}`)).body;
    expect(after).toMatchObject({ tier: { key: "bronze" }, belowTierSince: null, balance: 115 });
    const changes = await api.get(`/api/customers/${customerId}/timeline`);
    expect(changes.body.items.filter((item: { type?: string }) => item.type === "note").map((item: { summary: string }) => item.summary)).toEqual([
      "Loyalty tier lowered from Silver to Bronze.",
      "Loyalty tier raised from Bronze to Silver.",
    ]);
    expect((await api.post("/api/segments/preview", { filter: { loyaltyTiers: ["silver"] } })).body.total).toBe(0);
  });

  it("keeps the tier for a member who climbs back within the grace period", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(START);
    const bed = await clubBed(RULES);
    const key = await bed.owner.post("/api/api-keys", { name: "Tests", scopes: ["loyalty:read", "orders:write"] });
    const api = bed.client({ authorization: `Bearer ${key.body.key}` });
    const customerId = await newCustomer(bed);
    await paidOrder(bed, customerId, 100_000);
    await bed.drain();
    await tick(bed, localTime(3, 0, 31)); // below: grace starts
    vi.setSystemTime(localTime(4, 12, 0));
    expect((await api.post("/api/orders", { customerId, total: 70_000, status: "paid" })).status).toBe(201); // 70 × 1.5 = 105 points: back over 100
    await bed.drain();
    await tick(bed, localTime(5, 0, 31));
    await tick(bed, localTime(6, 0, 31));
    expect((await api.get(`/api/plugins/loyalty/members/${customerId}`)).body).toMatchObject({ tier: { key: "silver" }, belowTierSince: null, value: 105 });
  });

  it("refuses a ladder that does not climb, naming the tier", async () => {
    const bed = await clubBed();
    const bad = await bed.owner.patch("/api/plugins/loyalty", { settings: { tiers: [LADDER[0], { ...LADDER[1], threshold: 0 }, { ...LADDER[2], key: "bronze" }] } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string; code: string }) => `${error.path} ${error.code}`)).toEqual([
      "body.settings.tiers.1.threshold tier_thresholds_ascending",
      "body.settings.tiers.2.key duplicate_tier_key",
    ]);
  });
});
