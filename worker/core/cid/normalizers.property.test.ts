// Properties of the normalizers over generated input: a normalized value normalizes to itself,
// and every way of typing one mobile number lands on one canonical value.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IDENTIFIER_KINDS } from "../customers/customers.schema";
import { normalizeNationalCode } from "./national-code";
import { normalizeIdentifier } from "./normalize-identifier";
import { normalizeMobile } from "./normalize-mobile";

const RUNS = { numRuns: 500 };
const SCRIPTS = ["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"];
const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((d) => d.join(""));

/** Writes ASCII digits in a random script per digit, with random separators between characters. */
const typedLike = (text: string) =>
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: text.length, maxLength: text.length }),
      fc.array(fc.constantFrom("", "", "", " ", "-", "\u00a0", "–", "  "), { minLength: text.length, maxLength: text.length }),
      fc.constantFrom("", " ", "\t"),
    )
    .map(([scripts, separators, pad]) => {
      const typed = [...text].map((ch, i) => (/\d/.test(ch) ? SCRIPTS[scripts[i] ?? 0]!.charAt(Number(ch)) : ch) + (separators[i] ?? ""));
      return pad + typed.join("") + pad;
    });

const MOBILE_PREFIXES = ["0", "", "+98", "0098", "98"];
const subscriber = digits(9).map((rest) => `9${rest}`);
/** One accepted form of a subscriber number: a random prefix, digit scripts and separators. */
const mobileForm = (number: string) => fc.constantFrom(...MOBILE_PREFIXES).chain((prefix) => typedLike(prefix + number));

/** The check digit computed independently of the code under test. */
function checkDigit(nine: string): number {
  const sum = [...nine].reduce((total, d, i) => total + Number(d) * (10 - i), 0) % 11;
  return sum < 2 ? sum : 11 - sum;
}
const validNationalCode = digits(9)
  .map((nine) => `${nine}${checkDigit(nine)}`)
  .filter((code) => !/^(\d)\1{9}$/.test(code) && code.slice(3, 9) !== "000000");

const CHARACTERS = [..."aZ09._-@ İıßΣςＧｏ１ﬁ٤۴يكیکرضا\u200c\u0301\u00a0+()"];
/** Plausible inputs per kind, mixed with arbitrary text, so both acceptance and refusal are exercised. */
const inputFor: Record<(typeof IDENTIFIER_KINDS)[number], fc.Arbitrary<string>> = {
  mobile: subscriber.chain(mobileForm),
  email: fc.emailAddress().chain((email) => fc.tuple(fc.constantFrom("", " "), fc.boolean()).map(([pad, upper]) => pad + (upper ? email.toUpperCase() : email) + pad)),
  // As typed, or with the one or two leading zeros a spreadsheet drops.
  national_code: validNationalCode.chain((code) => fc.oneof(typedLike(code), typedLike(code.replace(/^0{1,2}/, "")))),
  username: fc.string({ unit: fc.constantFrom(...CHARACTERS), minLength: 1, maxLength: 20 }),
  issued: fc.integer({ min: 1, max: 999_999 }).chain((n) => fc.constantFrom("C", "c", "C-").chain((prefix) => typedLike(`${prefix}${n}`))),
  external: fc.string({ maxLength: 30 }),
};

describe("normalizing is idempotent", () => {
  for (const kind of IDENTIFIER_KINDS) {
    it(`for ${kind}: a normalized value normalizes to itself`, () => {
      fc.assert(
        fc.property(fc.oneof(inputFor[kind], fc.string({ unit: "binary", maxLength: 40 })), (raw) => {
          const once = normalizeIdentifier(kind, raw);
          if (once !== null) expect(normalizeIdentifier(kind, once)).toBe(once);
        }),
        RUNS,
      );
    });
  }

  it("accepts the plausible inputs it is fed (so the property above is not vacuous)", () => {
    for (const kind of ["mobile", "email", "national_code", "issued"] as const) {
      const accepted = fc.sample(inputFor[kind], 200).filter((raw) => normalizeIdentifier(kind, raw) !== null);
      expect(accepted.length, kind).toBe(200);
    }
  });
});

describe("mobile numbers", () => {
  it("map every accepted form of one number to the same canonical value", () => {
    fc.assert(
      fc.property(
        subscriber.chain((number) => fc.tuple(fc.constant(number), mobileForm(number), mobileForm(number))),
        ([number, one, other]) => {
          expect(normalizeMobile(one)).toBe(`+98${number}`);
          expect(normalizeMobile(other)).toBe(normalizeMobile(one));
        },
      ),
      RUNS,
    );
  });

  it("refuse landlines however they are typed", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 8 }), digits(9)).chain(([area, rest]) => typedLike(`0${area}${rest}`)),
        (landline) => {
          expect(normalizeMobile(landline)).toBeNull();
        },
      ),
      RUNS,
    );
  });
});

describe("national codes", () => {
  it("accept a code with its check digit and refuse every other last digit", () => {
    fc.assert(
      fc.property(validNationalCode, (code) => {
        expect(normalizeNationalCode(code)).toBe(code);
        for (let wrong = 0; wrong <= 9; wrong++) {
          if (wrong === Number(code[9])) continue;
          expect(normalizeNationalCode(code.slice(0, 9) + wrong)).toBeNull();
        }
      }),
      RUNS,
    );
  });
});
