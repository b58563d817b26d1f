// Iranian national codes (کد ملی): 10 digits whose last is a check digit. Spreadsheets drop
// leading zeros, so 8 and 9 digit inputs are padded before the check.
import { verifyIranianNationalId } from "@persian-tools/persian-tools";
import { stripSeparators, toAsciiDigits } from "./digits";

export function normalizeNationalCode(raw: string): string | null {
  const digits = stripSeparators(toAsciiDigits(raw.normalize("NFKC")));
  if (!/^\d{8,10}$/.test(digits)) return null;
  const code = digits.padStart(10, "0");
  // All-same-digit codes pass the checksum but are never issued.
  if (/^(\d)\1{9}$/.test(code)) return null;
  // The check digit decides, as the design says; the library's list of city prefixes is off
  // because a real code with a prefix missing from that list would lock its owner out.
  return verifyIranianNationalId(code, { checkPrefix: false }) ? code : null;
}
