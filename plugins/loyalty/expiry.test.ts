// Expiry on a controlled clock: points expire `expiryDays` after they were earned, oldest first, by
// the daily run; members are warned once, the day before, by SMS, and only with consent.
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { balanceOf, clubBed, ledgerOf, newCustomer, type Bed } from "./loyalty.test-support";

const DAY = 86_400_000;
// 09:00 in Tehran (UTC+03:30) on 1 March 2026.
const START = Date.parse("2026-03-01T05:30:00Z");
const at = (days: number, hours = 0) => START + days * DAY + hours * 3_600_000;

function clockAt(instant: number) {
  vi.setSystemTime(instant);
}

/** The cron as Cloudflare would run it at that instant, with the clock there too. */
async function tick(bed: Bed, instant: number) {
  clockAt(instant);
  await bed.tick(new Date(instant));
}

const adjust = (bed: Bed, customerId: string, points: number) => bed.owner.post(`/api/plugins/loyalty/members/${customerId}/adjust`, { points, reason: "test" });

const warnings = (bed: Bed, customerId: string) =>
  env.DB.prepare("select body, status, skip_reason from messages where workspace_id = ? and customer_id = ? and sent_by_plugin = 'loyalty' order by created_at")
    .bind(bed.workspaceId, customerId)
    .all<{ body: string; status: string; skip_reason: string | null }>()
    .then((result) => result.results);

afterEach(() => void vi.useRealTimers());

describe("expiry", () => {
  it("expires points oldest first after the configured days, once, and warns the day before", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    clockAt(at(0));
    const bed = await clubBed({ signupBonus: 0, expiryDays: 3, expiryWarningDays: 1 });
    const customerId = await newCustomer(bed, { consent: { sms: "granted" } });
    const silent = await newCustomer(bed, { consent: { sms: "withdrawn" } });
    expect((await adjust(bed, customerId, 100)).status).toBe(201); // expires on day 3
    expect((await adjust(bed, silent, 40)).status).toBe(201);
    clockAt(at(1));
    expect((await adjust(bed, customerId, -30)).status).toBe(201); // spends the oldest points first
    expect((await adjust(bed, customerId, 50)).status).toBe(201); // expires on day 4

    // Day 2, 10:00 local: 70 of the first 100 expire tomorrow.
    await tick(bed, at(2, 1) + 60_000);
    await tick(bed, at(2, 2));
    const sent = await warnings(bed, customerId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatch(/\b70 of your loyalty points expire/);
    expect(await warnings(bed, silent)).toEqual([expect.objectContaining({ status: "skipped" })]);
    expect(await balanceOf(bed, customerId)).toBe(120);

    // Day 3 passes; the run after midnight (00:15 local on day 4) expires what is left of the first credit.
    await tick(bed, at(3, 15) + 16 * 60_000);
    expect(await balanceOf(bed, customerId)).toBe(50);
    expect(await balanceOf(bed, silent)).toBe(0);
    // The next day's run expires the second credit; a further run finds nothing more.
    await tick(bed, at(4, 15) + 16 * 60_000);
    await tick(bed, at(5, 15) + 16 * 60_000);
    expect(await balanceOf(bed, customerId)).toBe(0);
    const expiries = (await ledgerOf(bed, customerId)).filter((entry) => entry.kind === "expire").map((entry) => entry.points);
    expect(expiries).toEqual([-50, -70]);
    expect((await bed.owner.get("/api/plugins/loyalty/summary")).body).toMatchObject({ expired: 160, outstanding: 0 });
  });

  it("keeps points forever when expiry is off", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    clockAt(at(0));
    const bed = await clubBed({ signupBonus: 0, expiryDays: 0 });
    const customerId = await newCustomer(bed);
    await adjust(bed, customerId, 100);
    await tick(bed, at(3, 15) + 16 * 60_000);
    expect((await ledgerOf(bed, customerId))[0]).toMatchObject({ expiresAt: null });
    expect(await balanceOf(bed, customerId)).toBe(100);
  });
});
