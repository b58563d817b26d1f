// Handler of the local development outbox of account messages.
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { normalizeMobile } from "../cid/normalize-mobile";
import { toIso } from "../data/clock";
import { openDirectory } from "../data/database";
import { staffMessages } from "../data/schema";
import { notFound } from "../http/problem";
import { createRouter } from "../http/router";
import { devOutboxOpen } from "./dev-outbox";
import { devStaffOutboxRoute } from "./dev-outbox.routes";

export const devOutboxRouter = createRouter().openapi(devStaffOutboxRoute, async (c) => {
  if (!devOutboxOpen(c.env, c.req.url)) throw notFound();
  const { to } = c.req.valid("query");
  const recipient = to.includes("@") ? to.toLowerCase() : (normalizeMobile(to) ?? to);
  const rows = await openDirectory(c.env)
    .select()
    .from(staffMessages)
    .where(and(eq(staffMessages.recipient, recipient), isNotNull(staffMessages.body)))
    .orderBy(desc(staffMessages.createdAt), desc(staffMessages.id))
    .limit(10)
    .all();
  return c.json({ items: rows.map((row) => ({ channel: row.channel, subject: row.subject, body: row.body ?? "", createdAt: toIso(row.createdAt)! })) }, 200);
});
