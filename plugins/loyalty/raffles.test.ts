// Raffles: winners drawn among members of a segment with a minimum balance, from a random seed
// stored with the sorted entrants, so the same draw can be run again by anyone; winners are told.
import { describe, expect, it } from "vitest";
import { countRows } from "../../worker/plugin-api/testing";
import { drawWinners, entrantsDigest, sortedEntrants } from "./raffle-draw";
import { clubBed, newCustomer, type Bed } from "./loyalty.test-support";

async function memberWith(bed: Bed, points: number, city: string): Promise<string> {
  const id = await newCustomer(bed, { city, consent: { sms: "granted" } });
  if (points > 0) expect((await bed.owner.post(`/api/plugins/loyalty/members/${id}/adjust`, { points, reason: "seed" })).status).toBe(201);
  return id;
}

const seedOf = async (i: number) => [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`seed-${i}`)))].map((b) => b.toString(16).padStart(2, "0")).join("");

describe("the draw", () => {
  it("is a function of its seed and entrants alone, and fair across seeds", async () => {
    const entrants = sortedEntrants(["cus_d", "cus_b", "cus_a", "cus_c", "cus_b"]);
    expect(entrants).toEqual(["cus_a", "cus_b", "cus_c", "cus_d"]);
    const seed = await seedOf(1);
    expect(await drawWinners(seed, entrants, 2)).toEqual(await drawWinners(seed, [...entrants], 2));
    expect(await drawWinners(seed, entrants, 10)).toHaveLength(4);
    const wins = new Map<string, number>();
    for (let i = 0; i < 800; i++) {
      const [winner] = await drawWinners(await seedOf(i), entrants, 1);
      wins.set(winner!, (wins.get(winner!) ?? 0) + 1);
    }
    // 200 expected each; these seeds are fixed, so this never flakes.
    for (const id of entrants) expect(wins.get(id)).toBeGreaterThan(150);
  });
});

describe("raffles", () => {
  it("draws among a segment's members with the minimum balance, stores its inputs, reproduces, and notifies", async () => {
    const bed = await clubBed({ signupBonus: 0 });
    const tehran = await Promise.all([0, 50, 100, 150, 200].map((points) => memberWith(bed, points, "Tehran")));
    await memberWith(bed, 500, "Shiraz");
    const segment = await bed.owner.post("/api/segments", { name: "Tehran", filter: { cities: ["Tehran"] } });
    expect(segment.status).toBe(201);

    const raffle = await bed.owner.post("/api/plugins/loyalty/raffles", { name: "Nowruz", winners: 2, minBalance: 100, segmentId: segment.body.id });
    expect(raffle.status, raffle.text).toBe(201);
    const eligible = sortedEntrants(tehran.slice(2));
    expect(raffle.body).toMatchObject({ entrantsCount: 3, segmentName: "Tehran", winnersWanted: 2, algorithm: "fisher-yates/hmac-sha256/v1" });
    expect(raffle.body.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(raffle.body.entrantsDigest).toBe(await entrantsDigest(eligible));
    const winners = raffle.body.winners.map((winner: { customerId: string }) => winner.customerId);
    expect(winners).toHaveLength(2);
    for (const winner of winners) expect(eligible).toContain(winner);

    // Anyone with the stored seed and entrants gets the same winners.
    const check = await bed.owner.get(`/api/plugins/loyalty/raffles/${raffle.body.id}/verify`);
    expect(check.body).toMatchObject({ digestMatches: true, winnersMatch: true, entrants: eligible });
    expect(await drawWinners(raffle.body.seed, check.body.entrants, 2)).toEqual(winners);

    expect(await countRows("messages", "workspace_id = ? and sent_by_plugin = 'loyalty' and status != 'skipped'", bed.workspaceId)).toBe(2);
    expect(await countRows("events", "workspace_id = ? and name = 'loyalty.raffle_drawn'", bed.workspaceId)).toBe(1);
    expect((await bed.owner.get("/api/plugins/loyalty/raffles")).body.items).toHaveLength(1);

    const unknown = await bed.owner.post("/api/plugins/loyalty/raffles", { name: "Nobody", winners: 1, segmentId: "seg_missing" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].path).toBe("body.segmentId");
  });
});
