import { describe, expect, it } from "vitest";
import { shopCurrency, toMinorUnits } from "./money";

const irt = shopCurrency("IRT")!;
const usd = shopCurrency("usd")!;

describe("shop amounts to minor units", () => {
  it("keeps toman and rial whole and other currencies in cents, exactly", () => {
    expect(toMinorUnits("1250000.00", irt)).toBe(1250000);
    expect(toMinorUnits("19.99", usd)).toBe(1999);
    expect(toMinorUnits("0.29", usd)).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    expect(toMinorUnits(1.15, usd)).toBe(115); // 1.15 * 100 is 114.99999999999999
    expect(toMinorUnits("4.35", usd)).toBe(435);
    expect(toMinorUnits("-10.00", usd)).toBe(-1000);
    expect(toMinorUnits(".5", usd)).toBe(50);
  });

  it("reads Persian digits and separators", () => {
    expect(toMinorUnits("۱۲۵٬۰۰۰", irt)).toBe(125000);
    expect(toMinorUnits("1,250,000", irt)).toBe(1250000);
  });

  it("rounds only past the currency's precision, half away from zero", () => {
    expect(toMinorUnits("1250.50", irt)).toBe(1251);
    expect(toMinorUnits("1250.49", irt)).toBe(1250);
    expect(toMinorUnits("10.005", usd)).toBe(1001);
  });

  it("turns thousand-toman and thousand-rial into toman and rial", () => {
    expect(shopCurrency("IRHT")).toEqual({ code: "IRT", scale: 3 });
    expect(toMinorUnits("125.5", shopCurrency("IRHT")!)).toBe(125500);
    expect(shopCurrency("IRHR")).toEqual({ code: "IRR", scale: 3 });
  });

  it("refuses what is not an amount or a currency", () => {
    for (const bad of ["", "abc", "1.2.3", "1e5", "--1", "."]) expect(toMinorUnits(bad, usd), bad).toBeNull();
    expect(toMinorUnits("99999999999999999999", irt)).toBeNull();
    expect(shopCurrency("XYZ")).toBeNull();
    expect(shopCurrency("toman")).toBeNull();
  });
});
