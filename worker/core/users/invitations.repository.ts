// One-use links: an invitation to join (kind invite) or to set a new password (kind reset).
// The link carries a random token; the database keeps only its hash.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { randomToken, sha256Hex } from "../auth/tokens";
import type { Database } from "../data/database";
import { newId } from "../data/ids";
import { invitations } from "../data/schema";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A reset link is a key to someone's account, so it lives a day. */
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;

export type InvitationRow = typeof invitations.$inferSelect;
type NewInvitation = Pick<InvitationRow, "workspaceId" | "kind" | "email" | "name" | "roleId" | "userId" | "createdBy">;

export async function newInvitation(input: NewInvitation, time: number): Promise<{ row: InvitationRow; token: string }> {
  const token = randomToken(32);
  const row: InvitationRow = {
    ...input,
    id: newId("inv"),
    tokenHash: await sha256Hex(token),
    createdAt: time,
    expiresAt: time + (input.kind === "invite" ? INVITE_TTL_MS : RESET_TTL_MS),
    usedAt: null,
  };
  return { row, token };
}

/** The page that completes the link: the app's public URL, else the origin the admin used. */
export function invitationLink(c: Context, kind: InvitationRow["kind"], token: string): string {
  const base = (c.env.APP_URL || new URL(c.req.url).origin).replace(/\/+$/, "");
  return `${base}/${kind === "invite" ? "invite" : "reset"}/${token}`;
}

/** Ends earlier links still pending for the same person, so only the newest one works. */
export function expirePendingInvitations(directory: Database, workspaceId: string, match: { email: string } | { userId: string }, time: number) {
  const who = "email" in match ? eq(invitations.email, match.email) : eq(invitations.userId, match.userId);
  return directory
    .update(invitations)
    .set({ expiresAt: time })
    .where(and(eq(invitations.workspaceId, workspaceId), who, isNull(invitations.usedAt), gt(invitations.expiresAt, time)));
}

export async function findInvitationByToken(directory: Database, token: string) {
  return directory
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, await sha256Hex(token)))
    .get();
}

/** Marks the link used; run in the batch that completes it. */
export function markInvitationUsed(directory: Database, invitationId: string, time: number) {
  return directory
    .update(invitations)
    .set({ usedAt: time })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.usedAt)));
}
