// A message's text from a template or a body: placeholders ({firstName}, {points}, {link} …)
// filled in the customer's language, numbers with Persian digits in fa. The placeholder list is
// closed, so a misspelt one is refused when a template is saved rather than sent as "{poinst}".

/** Every placeholder a text may use; core fills the first three, the sender gives the others. */
export const PLACEHOLDERS = ["firstName", "lastName", "shopName", "points", "coupon", "link", "code", "orderNumber", "amount", "date"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a text uses that are not on the list (or on a shorter one, for a sender that fills fewer). */
export function unknownPlaceholders(text: string, list: readonly string[] = PLACEHOLDERS): string[] {
  const known = new Set<string>(list);
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].filter((name) => !known.has(name));
}

const numberIn = (locale: "fa" | "en", value: number) => new Intl.NumberFormat(locale === "fa" ? "fa-IR" : "en-US", { useGrouping: false }).format(value);

/**
 * The text with its placeholders filled; numbers are written in the locale's digits, strings
 * as given (a coupon code or a link stays as typed). Returns the names no value was given for.
 */
export function fillPlaceholders(text: string, values: Record<string, string | number | null | undefined>, locale: "fa" | "en"): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined || value === null) {
      missing.add(name);
      return whole;
    }
    return typeof value === "number" ? numberIn(locale, value) : value;
  });
  return { text: filled, missing: [...missing] };
}

/** One text, or the one in the wanted language (the other when that one is empty). */
export function inLanguage(text: string | { fa: string; en: string }, locale: "fa" | "en"): string {
  if (typeof text === "string") return text;
  return text[locale] || text[locale === "fa" ? "en" : "fa"];
}

/** The customer's language: their `locale` attribute when it names one, else the workspace's. */
export function customerLocale(attributes: Record<string, unknown>, workspaceLocale: "fa" | "en"): "fa" | "en" {
  const chosen = attributes.locale ?? attributes.language;
  return chosen === "fa" || chosen === "en" ? chosen : workspaceLocale;
}
