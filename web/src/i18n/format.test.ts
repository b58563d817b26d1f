// Times as staff read them.
import { describe, expect, it } from "vitest";
import { makeFormatter } from "./format";

describe("times", () => {
  it("are 24-hour with Persian digits in Persian, in the workspace's zone", () => {
    const text = makeFormatter("fa", "Asia/Tehran", "IRT").dateTime(Date.parse("2025-03-21T11:00:00Z"));
    expect(text).toContain("۱۴:۳۰");
    expect(text).not.toMatch(/ب\.ظ|ق\.ظ/);
    expect(makeFormatter("en", "Asia/Tehran", "IRT").dateTime(Date.parse("2025-03-21T11:00:00Z"))).toContain("14:30");
  });
});
