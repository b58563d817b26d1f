// Short links (/s/{code}): a URL behind a random code of one workspace, optionally tied to the
// message it was sent in (then its first click is that message's `message.clicked`).
import { and, eq, sql } from "drizzle-orm";
import type { Database, WorkspaceScope } from "../data/database";
import { shortLinks } from "../data/schema";

export type ShortLinkRow = typeof shortLinks.$inferSelect;

/** 48 random bits as 8 URL-safe characters: unguessable, and short enough to leave an SMS its room. */
export function newShortCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_");
}

/** The public address of a code: APP_URL when set (it must be, for links sent to customers). */
export function shortLinkUrl(env: Env, code: string): string {
  return `${(env.APP_URL ?? "").replace(/\/+$/, "")}/s/${code}`;
}

export function insertShortLink(scope: WorkspaceScope, link: Omit<typeof shortLinks.$inferInsert, "workspaceId" | "clicks" | "firstClickedAt">) {
  return scope.db.insert(shortLinks).values({ ...link, workspaceId: scope.workspaceId });
}

/** The link behind a code, whichever workspace it belongs to (the code is the only key a visitor has). */
export async function findShortLink(db: Database, code: string): Promise<ShortLinkRow | null> {
  return (await db.select().from(shortLinks).where(eq(shortLinks.code, code)).get()) ?? null;
}

/**
 * Counts a click; answers whether it was the link's first (one `message.clicked` per message).
 * The condition on first_clicked_at makes two simultaneous first clicks count as one first.
 */
export async function recordClick(scope: WorkspaceScope, code: string, at: number): Promise<{ first: boolean }> {
  const [first] = await scope.db.batch([
    scope.db
      .update(shortLinks)
      .set({ firstClickedAt: at })
      .where(and(eq(shortLinks.workspaceId, scope.workspaceId), eq(shortLinks.code, code), sql`${shortLinks.firstClickedAt} is null`))
      .returning({ code: shortLinks.code }),
    scope.db
      .update(shortLinks)
      .set({ clicks: sql`${shortLinks.clicks} + 1` })
      .where(and(eq(shortLinks.workspaceId, scope.workspaceId), eq(shortLinks.code, code))),
  ]);
  return { first: first.length > 0 };
}
