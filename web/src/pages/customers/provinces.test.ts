// The province and city choice on the customer form.
import { describe, expect, it } from "vitest";
import { CITIES, cityName, citiesOf, isListedCity } from "./cities";
import { PROVINCES, provinceName, provinceOptions } from "./provinces";

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

describe("the city choice", () => {
  it("offers each of the 31 provinces its capital first and its larger cities, named once each in Persian and English", () => {
    const capitals: Record<string, string> = { تهران: "Tehran", "خراسان رضوی": "Mashhad", فارس: "Shiraz", البرز: "Karaj", گیلان: "Rasht", "کهگیلویه و بویراحمد": "Yasuj" };
    for (const province of PROVINCES) {
      const cities = citiesOf(province.fa);
      expect(cities.length, province.en).toBeGreaterThan(0);
      expect(new Set(cities.map((city) => city.fa)).size, province.en).toBe(cities.length);
      for (const city of cities) expect(city.en, city.fa).toMatch(/^[A-Z][A-Za-z' -]+$/);
      if (capitals[province.fa]) expect(cities[0]!.en).toBe(capitals[province.fa]);
    }
    expect(Object.keys(CITIES).sort()).toEqual(PROVINCES.map((province) => province.fa).sort());
  });

  it("shows a listed city in the reader's language and any other city as it was typed", () => {
    expect(cityName("رشت", "گیلان", "en")).toBe("Rasht");
    expect(cityName("رشت", null, "en")).toBe("Rasht");
    expect(cityName("رشت", "گیلان", "fa")).toBe("رشت");
    expect(cityName("روستای بالا", "گیلان", "en")).toBe("روستای بالا");
    expect(isListedCity("گیلان", "رشت")).toBe(true);
    expect(isListedCity("فارس", "رشت")).toBe(false);
    expect(provinceName("گیلان", "en")).toBe("Gilan");
    expect(provinceName("Tehran Province", "fa")).toBe("Tehran Province");
  });
});
