// SMS parts at each boundary, from 3GPP TS 23.038: GSM-7 holds 160 characters in one message and
// 153 per part of a long one (extension characters take two); UCS-2 holds 70 and 67, counted in
// UTF-16 units (an emoji takes two). Then the preview route: the same count, and its cost.
import { describe, expect, it } from "vitest";
import { customerWith } from "./messaging.test-support";
import { smsParts } from "./sms-parts";

const latin = (n: number) => "a".repeat(n);
const persian = (n: number) => "س".repeat(n);

describe("counting SMS parts", () => {
  it.each([
    ["empty", "", { encoding: "gsm7", characters: 0, parts: 0, charactersLeft: 160 }],
    ["Latin, 160: one part", latin(160), { encoding: "gsm7", characters: 160, parts: 1, charactersLeft: 0 }],
    ["Latin, 161: two parts of 153", latin(161), { encoding: "gsm7", characters: 161, parts: 2, charactersLeft: 145 }],
    ["Latin, 306: two full parts", latin(306), { encoding: "gsm7", characters: 306, parts: 2, charactersLeft: 0 }],
    ["Latin, 307: three parts", latin(307), { encoding: "gsm7", characters: 307, parts: 3, charactersLeft: 152 }],
    ["GSM accents stay GSM-7, the euro counts 2", "Café Ñoño: 5€ òù", { encoding: "gsm7", characters: 17, parts: 1, charactersLeft: 143 }],
    ["an accent outside GSM-7 (ú) makes it UCS-2", "Café Ñandú", { encoding: "ucs2", characters: 10, parts: 1, charactersLeft: 60 }],
    ["extension characters count 2: 80 euros fill one message", "€".repeat(80), { encoding: "gsm7", characters: 160, parts: 1, charactersLeft: 0 }],
    ["an escape pair never straddles two parts", latin(152) + "{" + latin(7), { encoding: "gsm7", characters: 161, parts: 2, charactersLeft: 144 }],
    ["Persian, 70: one part", persian(70), { encoding: "ucs2", characters: 70, parts: 1, charactersLeft: 0 }],
    ["Persian, 71: two parts of 67", persian(71), { encoding: "ucs2", characters: 71, parts: 2, charactersLeft: 63 }],
    ["Persian, 134: two full parts", persian(134), { encoding: "ucs2", characters: 134, parts: 2, charactersLeft: 0 }],
    ["Persian, 135: three parts", persian(135), { encoding: "ucs2", characters: 135, parts: 3, charactersLeft: 66 }],
    ["Persian digits make Latin text UCS-2", "Code ۴۸۲۱", { encoding: "ucs2", characters: 9, parts: 1, charactersLeft: 61 }],
    ["a ZWNJ makes the text UCS-2", latin(69) + "\u200c", { encoding: "ucs2", characters: 70, parts: 1, charactersLeft: 0 }],
    ["mixed: one Persian letter in 160 Latin ones", latin(159) + "س", { encoding: "ucs2", characters: 160, parts: 3, charactersLeft: 41 }],
    ["an emoji is two UTF-16 units: 35 fill one message", "🎉".repeat(35), { encoding: "ucs2", characters: 70, parts: 1, charactersLeft: 0 }],
    ["36 emoji: two parts, none split (33 fill the first's 67 units to 66)", "🎉".repeat(36), { encoding: "ucs2", characters: 72, parts: 2, charactersLeft: 61 }],
    ["a surrogate pair moves whole to the next part", persian(66) + "🎉" + persian(5), { encoding: "ucs2", characters: 73, parts: 2, charactersLeft: 60 }],
  ] as const)("%s", (_, text, expected) => {
    expect(smsParts(text)).toEqual(expected);
  });
});

describe("POST /api/messaging/preview", () => {
  it("counts a Persian text's parts and prices them with the provider's price per part, for one and for many", async () => {
    const { owner } = await customerWith({ sms: "granted" });
    const noPrice = await owner.post("/api/messaging/preview", { channel: "sms", body: persian(71) });
    expect(noPrice.status).toBe(200);
    expect(noPrice.body).toMatchObject({ encoding: "ucs2", characters: 71, parts: 2, charactersLeft: 63, cost: null, totalCost: null, recipients: 1 });
    expect((await owner.patch("/api/settings", { messaging: { smsPricePerPart: { outbox: 1200 } } })).status).toBe(200);
    const priced = await owner.post("/api/messaging/preview", { channel: "sms", body: persian(71), recipients: 500 });
    expect(priced.body).toMatchObject({ parts: 2, cost: { amount: 2400, currency: "IRT" }, recipients: 500, totalCost: { amount: 1_200_000, currency: "IRT" } });
  });
});
