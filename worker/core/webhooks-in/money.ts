// Shop amounts ("125000.00", 12.5, "۱۲۵۰۰۰") to integer minor units of the order's currency,
// exactly: decimal strings are split into digits, never multiplied as floats. Currencies are
// normalized first: IRT (toman) and IRR (rial) have no minor unit; the Persian WooCommerce plugins'
// IRHT / IRHR (thousand toman / thousand rial) become IRT / IRR with amounts times 1000.
import { toAsciiDigits } from "../cid/digits";
import { isSupportedCurrency, minorUnitExponent } from "../settings/currency";

export interface ShopCurrency {
  /** What the order is stored in: IRT, IRR or an ISO 4217 code. */
  code: string;
  /** Powers of ten every amount is multiplied by on the way in (3 for IRHT / IRHR). */
  scale: number;
}

const THOUSANDS: Record<string, string> = { IRHT: "IRT", IRHR: "IRR" };

/** The stored currency for a shop's code, or null when it is not one the CRM keeps books in. */
export function shopCurrency(raw: string): ShopCurrency | null {
  const upper = raw.trim().toUpperCase();
  if (THOUSANDS[upper]) return { code: THOUSANDS[upper], scale: 3 };
  return isSupportedCurrency(upper) ? { code: upper, scale: 0 } : null;
}

/**
 * An amount in the currency's major unit to minor units, rounding half away from zero only past
 * the currency's precision (a toman shop set to two decimals sends "1250.50"). Null for anything
 * that is not a plain decimal number, or too large to be exact.
 */
export function toMinorUnits(amount: string | number, currency: ShopCurrency): number | null {
  const text = toAsciiDigits(typeof amount === "number" ? numberText(amount) : amount)
    .trim()
    .replace(/[,\u066c\u060c]/g, "")
    .replace(/\u066b/g, ".");
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === "" && (match[3] ?? "") === "")) return null;
  const [, sign, whole = "", fraction = ""] = match;
  const places = minorUnitExponent(currency.code) + currency.scale;
  const kept = (fraction + "0".repeat(places)).slice(0, places);
  let units = BigInt((whole || "0") + kept);
  const next = fraction.charCodeAt(places) - 48;
  if (next >= 5 && next <= 9) units += 1n;
  const value = Number(sign === "-" ? -units : units);
  return Number.isSafeInteger(value) ? value : null;
}

/** A JSON number as the decimal it was written as (no exponent form). */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return "x";
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, "") : text;
}
