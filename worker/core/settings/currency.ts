// Currencies a workspace may keep its books in, and the minor unit each amount is stored in.
// Money is always an integer count of minor units: 12.50 USD is stored as 1250 (exponent 2).
//
// Exponents follow ISO 4217, with one deliberate exception: IRR (ISO says 2) and IRT, the toman
// (10 rials; not an ISO code, but what Iranian shops price in), both use 0, because neither has
// a subunit in use and every price is a whole number.
//   0: IRR, IRT, BIF, CLP, DJF, GNF, ISK, JPY, KMF, KRW, PYG, RWF, UGX, UYI, VND, VUV, XAF, XOF, XPF
//   3: BHD, IQD, JOD, KWD, LYD, OMR, TND
//   4: CLF, UYW
//   2: every other code.

const EXPONENTS: Record<string, number> = {
  ...Object.fromEntries(
    ["IRR", "IRT", "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"].map((c) => [c, 0]),
  ),
  ...Object.fromEntries(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"].map((c) => [c, 3])),
  CLF: 4,
  UYW: 4,
};

let isoCodes: ReadonlySet<string> | undefined;

/** Codes in current use, as the runtime's ICU data knows them (about 160). */
function currentIsoCodes(): ReadonlySet<string> {
  isoCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return isoCodes;
}

/** IRR, IRT or a current ISO 4217 code (upper case). */
export function isSupportedCurrency(code: string): boolean {
  return code === "IRT" || (/^[A-Z]{3}$/.test(code) && currentIsoCodes().has(code));
}

/** How many decimal places one minor unit is worth: 0 for IRR/IRT and JPY, 2 for USD, 3 for KWD. */
export function minorUnitExponent(code: string): number {
  return EXPONENTS[code] ?? 2;
}
