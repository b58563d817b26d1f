import { z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { definePlugin } from "../../plugin-api";
import { coreEvents } from "./event-catalog";
import { EVENTS_END, EVENTS_START, eventGroups, eventSection, payloadFields, renderEventSection, renderEventTable, withEventSection } from "./event-table";

describe("the event table", () => {
  it("renders payload fields as short types, optional and described fields included", () => {
    const schema = z.object({
      id: z.string(),
      note: z.string().nullable(),
      count: z.number().int().optional(),
      kind: z.enum(["a", "b"]),
      tags: z.array(z.string()),
      either: z.array(z.union([z.string(), z.number()])),
      meta: z.record(z.string(), z.boolean()),
      at: z.iso.datetime().describe("When it happened."),
      inner: z.object({ x: z.number() }),
    });
    expect(payloadFields(schema)).toEqual([
      "`id: string`",
      "`note: string | null`",
      "`count?: integer`",
      '`kind: "a" | "b"`',
      "`tags: string[]`",
      "`either: (string | number)[]`",
      "`meta: Record<string, boolean>`",
      "`at: string (date-time)` When it happened.",
      "`inner: { x: number }`",
    ]);
  });

  it("lists core events, then each plugin's own, with pipes escaped and before hooks marked", () => {
    const plugin = definePlugin({
      id: "gifts",
      name: { en: "Gifts", fa: "هدیه‌ها" },
      description: { en: "Gifts.", fa: "هدیه‌ها." },
      version: "1.0.0",
      settings: z.object({}),
      events: { "gifts.sent": z.object({ giftId: z.string(), to: z.string().nullable() }) },
    });
    const groups = eventGroups([plugin, { ...plugin, id: "quiet", events: undefined }]);
    expect(groups.map((group) => group.source)).toEqual(["core", "gifts"]);
    const table = renderEventTable(groups).split("\n");
    expect(table).toHaveLength(2 + Object.keys(coreEvents).length + 1);
    expect(table).toContain("| `customer.created` | core | yes | `customerId: string`<br>`cid: string \\| null`<br>`code: string` |");
    expect(table.at(-1)).toBe("| `gifts.sent` | plugin `gifts` | no | `giftId: string`<br>`to: string \\| null` |");
  });

  it("replaces only the marked section, and reads back what it wrote", () => {
    const doc = `# Title\n\nBefore.\n\n${EVENTS_START}\nold table\n${EVENTS_END}\n\nAfter.\n`;
    const section = renderEventSection(eventGroups([]));
    const next = withEventSection(doc, section);
    expect(next.startsWith("# Title\n\nBefore.\n\n")).toBe(true);
    expect(next.endsWith(`${EVENTS_END}\n\nAfter.\n`)).toBe(true);
    expect(eventSection(next)).toBe(section);
    expect(withEventSection(next, section)).toBe(next);
    expect(eventSection("no markers")).toBeNull();
    expect(() => withEventSection("no markers", section)).toThrow(/events:start/);
  });
});
