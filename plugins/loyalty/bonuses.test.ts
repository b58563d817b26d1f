// Bonuses for events: the birthday bonus by the daily run (once a year; 29 February on the 28th
// in other years), and the survey bonus through the hook point an NPS plugin plugs into.
import { z } from "@hono/zod-openapi";
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { definePlugin } from "../../worker/plugin-api";
import { createPluginTestbed } from "../../worker/plugin-api/testing";
import { birthdaysOn } from "./birthdays";
import { rewardSurveyResponse } from "./bonuses";
import { loyaltyPlugin } from "./index";
import { balanceOf, clubBed, newCustomer, type Bed } from "./loyalty.test-support";

afterEach(() => void vi.useRealTimers());

const birthdayEntries = (bed: Bed, customerId: string) =>
  env.DB.prepare("select points, dedupe_key from loyalty_ledger where workspace_id = ? and customer_id = ? and rule = 'birthday' order by created_at")
    .bind(bed.workspaceId, customerId)
    .all<{ points: number; dedupe_key: string }>()
    .then((result) => result.results.map((row) => row.dedupe_key.split(":").at(-1)));

/** The cron at 00:46 on a local (Tehran) date, the clock there too. */
async function tickOn(bed: Bed, date: string) {
  const instant = Date.parse(`${date}T00:46:00+03:30`);
  vi.setSystemTime(instant);
  await bed.tick(new Date(instant));
}

describe("birthday bonus", () => {
  it("celebrates 29 February on the 28th in other years", () => {
    expect(birthdaysOn("2027-02-28")).toEqual(["02-28", "02-29"]);
    expect(birthdaysOn("2028-02-28")).toEqual(["02-28"]);
    expect(birthdaysOn("2028-02-29")).toEqual(["02-29"]);
  });

  it("gives members their bonus on their birthday, once a year", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.parse("2026-03-01T08:00:00Z"));
    const bed = await clubBed({ signupBonus: 0, birthdayBonus: 100 });
    const march = await newCustomer(bed, { birthday: "1990-03-05" });
    const leap = await newCustomer(bed, { birthday: "2000-02-29" });
    await bed.drain(); // both join the club
    await tickOn(bed, "2026-03-04");
    expect(await birthdayEntries(bed, march)).toEqual([]);
    await tickOn(bed, "2026-03-05");
    await tickOn(bed, "2026-03-06");
    expect(await birthdayEntries(bed, march)).toEqual(["2026"]);
    await tickOn(bed, "2027-02-28");
    await tickOn(bed, "2027-03-05");
    expect(await birthdayEntries(bed, march)).toEqual(["2026", "2027"]);
    expect(await birthdayEntries(bed, leap)).toEqual(["2027"]);
  });
});

describe("survey bonus", () => {
  it("rewards a survey response once, through the hook point for an NPS plugin", async () => {
    // Until an NPS plugin exists, a stand-in declares its event, and the club hooks it as README.md says.
    const nps = definePlugin({
      id: "nps",
      name: { en: "NPS", fa: "NPS" },
      description: { en: "Surveys.", fa: "نظرسنجی." },
      version: "0.0.1",
      settings: z.object({}),
      events: { "nps.responded": z.object({ customerId: z.string(), responseId: z.string(), score: z.number().int() }) },
    });
    const club = definePlugin({ ...loyaltyPlugin, on: { ...loyaltyPlugin.on, "nps.responded": rewardSurveyResponse } } as typeof loyaltyPlugin);
    const bed = await createPluginTestbed({ plugins: [nps, club], settings: { loyalty: { signupBonus: 0, npsResponseBonus: 20 } } });
    const customerId = await newCustomer(bed);
    await bed.emit("nps.responded", { customerId, responseId: "rsp_1", score: 9 });
    await bed.emit("nps.responded", { customerId, responseId: "rsp_1", score: 9 });
    await bed.emit("nps.responded", { customerId, responseId: "rsp_2", score: 3 });
    await bed.drain();
    await bed.drain();
    expect(await balanceOf(bed, customerId)).toBe(40);
  });
});
