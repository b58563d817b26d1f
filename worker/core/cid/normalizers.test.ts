// What each identifier normalizer accepts, what it turns it into, and what it refuses.
import { describe, expect, it } from "vitest";
import { stripSeparators, toAsciiDigits } from "./digits";
import { formatIssuedCode, normalizeIssuedCode } from "./issued-code";
import { normalizeNationalCode } from "./national-code";
import { normalizeEmail } from "./normalize-email";
import { identifierCandidates, normalizeIdentifier } from "./normalize-identifier";
import { localMobile, normalizeMobile } from "./normalize-mobile";
import { normalizeUsername } from "./normalize-username";

describe("digits", () => {
  it.each([
    ["۰۱۲۳۴۵۶۷۸۹", "0123456789"], // Persian (U+06F0–06F9)
    ["٠١٢٣٤٥٦٧٨٩", "0123456789"], // Arabic-Indic (U+0660–0669)
    ["۰٩1۲٣4", "091234"], // mixed scripts in one string
    ["abc", "abc"],
  ])("%s becomes %s", (raw, ascii) => {
    expect(toAsciiDigits(raw)).toBe(ascii);
  });

  it("strips the separators people type inside numbers", () => {
    expect(stripSeparators("0912 123-4567\u00a0(8).9/\u200c")).toBe("0912123456789");
  });
});

describe("mobile numbers", () => {
  const canonical = "+989121234567";
  it.each([
    "09121234567",
    "9121234567",
    "+989121234567",
    "00989121234567",
    "989121234567",
    "0912 123 4567",
    "0912-123-4567",
    "+98 912 123 45 67",
    "(0912) 123-4567",
    "۰۹۱۲۱۲۳۴۵۶۷",
    "۰۹۱۲ ۱۲۳ ۴۵۶۷",
    "+۹۸۹۱۲۱۲۳۴۵۶۷",
    "٠٠٩٨٩١٢١٢٣٤٥٦٧",
    "٩١٢١٢٣٤٥٦٧",
    " 09121234567 ",
    "０９１２１２３４５６７", // full-width digits, NFKC
  ])("%s is +989121234567", (raw) => {
    expect(normalizeMobile(raw)).toBe(canonical);
  });

  it.each([
    ["a Tehran landline", "02112345678"],
    ["a landline without the zero", "2112345678"],
    ["a landline with +98", "+982112345678"],
    ["one digit short", "0912123456"],
    ["one digit long", "091212345678"],
    ["too long after +98", "+9891212345678"],
    ["letters inside", "0912abc4567"],
    ["a letter O for a zero", "O9121234567"],
    ["another country", "+14155550123"],
    ["empty", ""],
    ["only separators", " - "],
  ])("refuses %s (%s)", (_, raw) => {
    expect(normalizeMobile(raw)).toBeNull();
  });

  it("reads back the way Iranians write it", () => {
    expect(localMobile(canonical)).toBe("09121234567");
  });
});

describe("national codes", () => {
  it.each([
    ["0013542419", "0013542419"],
    ["۰۰۱۳۵۴۲۴۱۹", "0013542419"],
    ["001-354241-9", "0013542419"],
    ["13542419", "0013542419"], // 8 digits: a spreadsheet dropped two zeros
    ["076320146", "0076320146"], // 9 digits: one zero dropped
    ["1234567891", "1234567891"],
    ["4302134569", "4302134569"], // checked by its check digit, whatever the city prefix
  ])("%s is %s", (raw, code) => {
    expect(normalizeNationalCode(raw)).toBe(code);
  });

  it.each([
    ["a wrong check digit", "0013542418"],
    ["another wrong check digit", "1234567890"],
    ["all ones", "1111111111"],
    ["all zeros", "0000000000"],
    ["all sevens", "7777777777"],
    ["seven digits", "1354241"],
    ["eleven digits", "00135424190"],
    ["a letter", "001354241x"],
    ["a padded 8-digit code whose check digit is wrong", "13542418"],
    ["a zero serial number (checksum right)", "0010000003"],
  ])("refuses %s (%s)", (_, raw) => {
    expect(normalizeNationalCode(raw)).toBeNull();
  });
});

describe("e-mail addresses", () => {
  it.each([
    ["Sara.Ahmadi@Example.COM", "sara.ahmadi@example.com"],
    ["  sara@example.com\t", "sara@example.com"],
    ["SARA+shop@mail.example.ir", "sara+shop@mail.example.ir"],
  ])("%s is %s", (raw, email) => {
    expect(normalizeEmail(raw)).toBe(email);
  });

  it.each(["sara", "sara@", "@example.com", "sara@example", "sa ra@example.com", "sara@@example.com", `${"a".repeat(250)}@example.com`])(
    "refuses %s",
    (raw) => {
      expect(normalizeEmail(raw)).toBeNull();
    },
  );
});

describe("usernames", () => {
  it.each([
    ["Golrang.Shop", "golrang.shop"],
    ["@golrang_shop", "golrang_shop"],
    ["ＧｏｌｒａｎｇＳｈｏｐ", "golrangshop"], // full-width letters, NFKC
    ["ﬁne-user", "fine-user"], // the "fi" ligature, NFKC
    ["رضا۱۳۷۰", "رضا1370"],
  ])("%s is %s", (raw, username) => {
    expect(normalizeUsername(raw)).toBe(username);
  });

  it.each(["a", "two words", "semi;colon", "x".repeat(65), "@"])("refuses %s", (raw) => {
    expect(normalizeUsername(raw)).toBeNull();
  });
});

describe("issued customer codes", () => {
  it("formats a sequence as a readable code", () => {
    expect([formatIssuedCode(1), formatIssuedCode(42), formatIssuedCode(123456)]).toEqual(["C-00001", "C-00042", "C-123456"]);
  });

  it.each([
    ["C-00042", "C-00042"],
    ["c42", "C-00042"],
    ["C 0042", "C-00042"],
    ["C-۰۰۰۴۲", "C-00042"],
    ["c-٤٢", "C-00042"],
  ])("%s is %s", (raw, code) => {
    expect(normalizeIssuedCode(raw)).toBe(code);
  });

  it.each(["42", "X-00042", "C-", "C-42a", "CC42"])("refuses %s", (raw) => {
    expect(normalizeIssuedCode(raw)).toBeNull();
  });
});

describe("shop-side (external) ids and lookup candidates", () => {
  it("keeps an external id as it is, trimmed", () => {
    expect(normalizeIdentifier("external", "  woo:shop1:42 ")).toBe("woo:shop1:42");
    expect(normalizeIdentifier("external", "   ")).toBeNull();
  });

  it("tries every kind a typed identifier could be", () => {
    expect(identifierCandidates("۰۹۱۲ ۱۲۳ ۴۵۶۷")).toEqual([{ kind: "mobile", value: "+989121234567" }]);
    expect(identifierCandidates("09121234567")).toEqual([
      { kind: "mobile", value: "+989121234567" },
      { kind: "username", value: "09121234567" },
    ]);
    expect(identifierCandidates("Sara@Example.com")).toEqual([{ kind: "email", value: "sara@example.com" }]);
    expect(identifierCandidates("c42")).toContainEqual({ kind: "issued", value: "C-00042" });
    expect(identifierCandidates("0013542419")).toContainEqual({ kind: "national_code", value: "0013542419" });
    expect(identifierCandidates("!!")).toEqual([]);
  });
});
