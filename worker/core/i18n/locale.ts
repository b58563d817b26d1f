// The request's language: the first of fa/en named in Accept-Language, else the fallback.
export const LOCALES = ["fa", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export function pickLocale(acceptLanguage: string | undefined, fallback: Locale = "en"): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    if (entry.lang === "fa" || entry.lang === "en") return entry.lang;
  }
  return fallback;
}
