// The province choice on the customer form.
import { describe, expect, it } from "vitest";
import { PROVINCES, provinceOptions } from "./provinces";

describe("the province choice", () => {
  it("offers Iran's 31 provinces once each, by name in the reader's language", () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((province) => province.fa)).size).toBe(31);
    const english = provinceOptions("en", "", "—");
    expect(english).toHaveLength(32);
    expect(english).toContainEqual({ value: "خراسان رضوی", label: "Razavi Khorasan" });
  });

  it("keeps a province typed before the list existed, so saving the form never loses it", () => {
    expect(provinceOptions("fa", "Tehran Province", "—").at(-1)).toEqual({ value: "Tehran Province", label: "Tehran Province" });
    expect(provinceOptions("fa", "تهران", "—")).toHaveLength(32);
  });
});
