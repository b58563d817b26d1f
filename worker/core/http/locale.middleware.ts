// Picks the response language from Accept-Language (fa or en; English when unsaid).
import type { MiddlewareHandler } from "hono";
import { pickLocale } from "../i18n/locale";

export function requestLocale(): MiddlewareHandler {
  return async function requestLocale(c, next) {
    c.set("locale", pickLocale(c.req.header("accept-language")));
    await next();
  };
}
