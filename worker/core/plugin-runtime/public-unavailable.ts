// What a visitor's browser sees at a plugin's public page where there is none (the plugin is off
// in that workspace, or the workspace is unknown): a polite HTML page, 404, not a JSON problem,
// since the visitor is a customer who followed a link (a program gets the problem). In their language when the browser names fa or en,
// else in both.
import { html } from "hono/html";
import { pickLocale, type Locale } from "../i18n/locale";

const TEXT: Record<Locale, { title: string; body: string }> = {
  fa: { title: "این صفحه در دسترس نیست", body: "پیوندی که باز کردید دیگر کار نمی‌کند. با این حال از شما سپاسگزاریم." },
  en: { title: "This page is not available", body: "The link you opened no longer works. Thank you all the same." },
};

/** fa or en when Accept-Language names one of them; null when it names neither. */
function namedLocale(acceptLanguage: string | undefined): Locale | null {
  const asFa = pickLocale(acceptLanguage, "fa");
  return asFa === pickLocale(acceptLanguage, "en") ? asFa : null;
}

const section = (locale: Locale) =>
  html`<section lang="${locale}" dir="${locale === "fa" ? "rtl" : "ltr"}"><h1>${TEXT[locale].title}</h1><p>${TEXT[locale].body}</p></section>`;

export async function unavailablePublicPage(acceptLanguage: string | undefined): Promise<Response> {
  const known = namedLocale(acceptLanguage);
  const locales: Locale[] = known ? [known] : ["fa", "en"];
  const lang = locales[0]!;
  const body = await html`<!doctype html>
<html lang="${lang}" dir="${lang === "fa" ? "rtl" : "ltr"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${locales.map((locale) => TEXT[locale].title).join(" · ")}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0 auto;padding:1.5rem 1rem;max-width:34rem;color:#1a1a1a;background:#fff}h1{font-size:1.25rem}</style></head>
<body><main>${locales.map(section)}</main></body></html>`;
  return new Response(String(body), { status: 404, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
