// The club's settings as the settings form receives them (GET /api/plugins): every rule, tier
// field included, is named in Persian and English, and every choice has a label in both.
import { describe, expect, it } from "vitest";
import { clubBed } from "./loyalty.test-support";

type Schema = { properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; "x-title"?: { en: string; fa: string }; "x-labels"?: Record<string, { en: string; fa: string }> };

/** Every field below `schema` that the form shows, with its dotted path. */
function fields(schema: Schema, prefix = ""): Array<[string, Schema]> {
  const found: Array<[string, Schema]> = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    found.push([path, property], ...fields(property, path));
    if (property.items) found.push(...fields(property.items, `${path}[]`));
  }
  return found;
}

describe("loyalty settings in the settings form", () => {
  it("publishes each setting's Persian name and the choices' labels", async () => {
    const bed = await clubBed();
    const list = await bed.owner.get("/api/plugins");
    expect(list.status).toBe(200);
    const schema: Schema = list.body.items.find((plugin: { id: string }) => plugin.id === "loyalty").settingsSchema;

    expect(schema.properties!.amountPerPoint!["x-title"]).toEqual({ en: "Purchase amount for one point", fa: "مبلغ خرید برای هر امتیاز" });
    expect(schema.properties!.expiryWarningChannel!["x-labels"]).toEqual({ sms: { en: "SMS", fa: "پیامک" }, email: { en: "Email", fa: "ایمیل" } });
    expect(schema.properties!.tiers!.items!.properties!.threshold!["x-title"]!.fa).toBe("حد لازم برای رسیدن");

    // No field falls back to a name made from its key, nor a choice to its raw value.
    const unnamed = fields(schema).filter(([path, field]) => !/(^|\.)(en|fa)$/.test(path) && !(field["x-title"]?.en && field["x-title"]?.fa));
    expect(unnamed.map(([path]) => path)).toEqual([]);
    const unlabelled = fields(schema).flatMap(([path, field]) => (field.enum ?? []).filter((value) => !(field["x-labels"]?.[String(value)]?.fa && field["x-labels"]?.[String(value)]?.en)).map((value) => `${path}=${value}`));
    expect(unlabelled).toEqual([]);
  });
});
