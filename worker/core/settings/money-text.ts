// An amount as people read it, shared by the web UI and the Worker (plugins' texts to customers),
// so both write the same thing: toman and rial by name, ISO currencies by Intl, Persian digits in fa.
import { minorUnitExponent } from "./currency";

const CURRENCY_WORDS: Record<string, { en: string; fa: string }> = {
  IRT: { en: "toman", fa: "تومان" },
  IRR: { en: "rial", fa: "ریال" },
};

const numberIn = (language: "fa" | "en", value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-US", options).format(value);

/** `minor` in the currency's minor units: "۱۲٬۵۰۰ تومان", "12,500 toman", "$199.65". */
export function moneyText(language: "fa" | "en", minor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const amount = minor / 10 ** exponent;
  const word = CURRENCY_WORDS[currency];
  if (word) return `${numberIn(language, amount, { maximumFractionDigits: exponent })} ${word[language]}`;
  try {
    return new Intl.NumberFormat(language === "fa" ? "fa-IR" : "en-US", { style: "currency", currency }).format(amount);
  } catch {
    return `${numberIn(language, amount)} ${currency}`;
  }
}
