// The customer page's words for a customer's standing.
import { describe, expect, it } from "vitest";
import { customerSince, readRfm } from "./customer-summary";

describe("the RFM segment in words", () => {
  it("names every cell of the recency × frequency grid", () => {
    const grid = [5, 4, 3, 2, 1].map((r) => [5, 4, 3, 2, 1].map((f) => readRfm(`R${r}F${f}M3`)!.segment));
    expect(grid).toEqual([
      ["champions", "champions", "promising", "promising", "promising"],
      ["loyal", "loyal", "promising", "promising", "promising"],
      ["loyal", "loyal", "needs_attention", "needs_attention", "needs_attention"],
      ["at_risk", "at_risk", "hibernating", "hibernating", "hibernating"],
      ["at_risk", "at_risk", "lost", "lost", "lost"],
    ]);
  });

  it("says how recently they bought and keeps the scores it is based on", () => {
    expect(readRfm("R4F5M2")).toEqual({ segment: "loyal", recency: "recent", scores: { r: 4, f: 5, m: 2 } });
    expect(readRfm("R3F1M1")!.recency).toBe("a_while");
    expect(readRfm("R1F1M1")!.recency).toBe("long_ago");
    expect(readRfm(null)).toBeNull();
    expect(readRfm("R6F1M1")).toBeNull();
  });
});

describe("customer since", () => {
  it("is the first order when it came before the record (an imported buyer), else the record's creation", () => {
    expect(customerSince("2025-06-01T10:00:00Z", "2023-02-01T09:00:00Z")).toBe("2023-02-01T09:00:00Z");
    expect(customerSince("2025-06-01T10:00:00Z", "2025-07-01T09:00:00Z")).toBe("2025-06-01T10:00:00Z");
    expect(customerSince("2025-06-01T10:00:00Z", null)).toBe("2025-06-01T10:00:00Z");
  });
});
