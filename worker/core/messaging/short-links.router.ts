// /s/{code}: a short link's redirect for whoever got it in a message (no account, no session).
// Each visit counts; the first visit of a message's link emits `message.clicked`, once. An unknown
// or expired code gets a small page saying so in the visitor's language, and nothing else.
import { z } from "@hono/zod-openapi";
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { eventEntry } from "../events/outbox";
import { publicRoute } from "../http/route";
import { createRouter } from "../http/router";
import { messagesByIds } from "./messages.repository";
import { findShortLink, recordClick } from "./short-links.repository";

const CodeParam = z.object({ code: z.string().max(64).openapi({ param: { name: "code", in: "path" }, example: "Ab3dE6gH" }) });

export const shortLinkRoute = publicRoute({
  method: "get",
  path: "/s/{code}",
  tags: ["Messaging"],
  summary: "Follow a short link sent in a message",
  request: { params: CodeParam },
  responses: {
    302: { description: "To the link's address." },
    404: { description: "No such link, or it has expired: a short page saying so.", content: { "text/html": { schema: z.string() } } },
  },
});

const GONE = {
  fa: { title: "پیوند پیدا نشد", text: "این پیوند وجود ندارد یا مهلتش به پایان رسیده است. اگر آن را در پیامکی گرفته‌اید، با فروشگاه تماس بگیرید." },
  en: { title: "Link not found", text: "This link does not exist or has expired. If it came in a message, please contact the shop." },
};

function gonePage(locale: "fa" | "en"): string {
  const { title, text } = GONE[locale];
  const dir = locale === "fa" ? "rtl" : "ltr";
  return `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;line-height:1.7;color:#222}</style></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

export const shortLinksRouter = createRouter().openapi(shortLinkRoute, async (c) => {
  const { code } = c.req.valid("param");
  const time = now();
  // The code is the only key a visitor has; its row names the workspace. (Read through the
  // directory's database, where workspace data lives today; sharded data will need a code index there.)
  const link = await findShortLink(openDirectory(c.env), code);
  if (!link || (link.expiresAt !== null && link.expiresAt <= time)) {
    return c.html(gonePage(c.get("locale")), 404, { "cache-control": "no-store" }) as never;
  }
  const scope = openWorkspace(c.env, link.workspaceId);
  const { first } = await recordClick(scope, code, time);
  if (first && link.messageId) {
    const [message] = await messagesByIds(scope, [link.messageId]);
    if (message) {
      c.set("scope", scope);
      await scope.db.batch([eventEntry(scope, "message.clicked", { messageId: message.id, customerId: message.customerId, code, url: link.url }, null)]);
    }
  }
  return c.redirect(link.url, 302);
});
