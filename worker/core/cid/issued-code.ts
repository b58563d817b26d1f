// The readable customer code the system issues: C-00042. Typed as "c42" or "C-۰۰۰۴۲" it still resolves.
import { stripSeparators, toAsciiDigits } from "./digits";

export const formatIssuedCode = (sequence: number): string => `C-${String(sequence).padStart(5, "0")}`;

export function normalizeIssuedCode(raw: string): string | null {
  const match = /^C(\d{1,12})$/i.exec(stripSeparators(toAsciiDigits(raw.normalize("NFKC"))));
  return match ? formatIssuedCode(Number(match[1])) : null;
}
