// The last digits of a mobile as staff type them on the phone ("۴۵۶۷", "34-567"), reversed the
// way the identifier index stores a mobile's tail (customer_identifiers.tail_key).
import { stripSeparators, toAsciiDigits } from "./digits";

/** Fewer digits would match a crowd; more than ten is a whole number (found as an identifier). */
const TAIL = /^\d{4,10}$/;

/** The reversed tail to look up, or null when the query is not 4–10 digits. */
export function mobileTailOf(query: string): string | null {
  const digits = stripSeparators(toAsciiDigits(query.normalize("NFKC").trim()));
  return TAIL.test(digits) ? [...digits].reverse().join("") : null;
}
