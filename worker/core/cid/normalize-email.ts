// E-mail addresses: trimmed, NFKC, lower-cased, and of a plausible shape.
import { toAsciiDigits } from "./digits";

const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function normalizeEmail(raw: string): string | null {
  const email = toAsciiDigits(raw.normalize("NFKC")).trim().toLowerCase();
  return email.length <= 254 && EMAIL_SHAPE.test(email) ? email : null;
}
