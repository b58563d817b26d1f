// One-use links: an invitation to join (kind invite) or to set a new password (kind reset).
// The link carries a random token; the database keeps only its hash.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Context } from "hono";
import { randomToken, sha256Hex } from "../auth/tokens";
import type { Database } from "../data/database";
import { newId } from "../data/ids";
import { toIso } from "../data/clock";
import { invitations, roles, users } from "../data/schema";

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A reset link is a key to someone's account, so it lives a day. */
export const RESET_TTL_MS = 24 * 60 * 60 * 1000;
/** A link the person asked for themselves ("forgot password") is used at once or not at all. */
export const RECOVERY_TTL_MS = 30 * 60 * 1000;

const TTL_MS: Record<InvitationRow["kind"], number> = { invite: INVITE_TTL_MS, reset: RESET_TTL_MS, recovery: RECOVERY_TTL_MS };

/**
 * What a reset or recovery link remembers of the password it replaces. Any change of password,
 * by whatever route, changes the stamp, so a link made before it no longer works.
 */
export const passwordStamp = (passwordHash: string | null) => sha256Hex(`password:${passwordHash ?? ""}`);

export type InvitationRow = typeof invitations.$inferSelect;
type NewInvitation = Pick<InvitationRow, "workspaceId" | "kind" | "email" | "name" | "roleId" | "userId" | "createdBy"> & { passwordStamp?: string | null };

export async function newInvitation(input: NewInvitation, time: number): Promise<{ row: InvitationRow; token: string }> {
  const token = randomToken(32);
  const row: InvitationRow = {
    ...input,
    id: newId("inv"),
    tokenHash: await sha256Hex(token),
    createdAt: time,
    expiresAt: time + TTL_MS[input.kind],
    usedAt: null,
    passwordStamp: input.passwordStamp ?? null,
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

const pending = (time: number) => and(isNull(invitations.usedAt), gt(invitations.expiresAt, time));

/** Ends every link still pending that this user sent (invitations, resets of others). */
export function voidLinksSentBy(directory: Database, workspaceId: string, userId: string, time: number) {
  return directory
    .update(invitations)
    .set({ expiresAt: time })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.createdBy, userId), pending(time)));
}

const inviter = alias(users, "inviter");

/** One page of invitations not yet accepted, revoked or expired, oldest first, by the (workspace_id, id) index. */
export function listPendingInvitations(directory: Database, workspaceId: string, after: string | null, limit: number, time: number) {
  return directory
    .select({ invitation: invitations, role: { id: roles.id, key: roles.key, name: roles.name }, inviter: { id: inviter.id, name: inviter.name } })
    .from(invitations)
    .leftJoin(roles, and(eq(roles.workspaceId, invitations.workspaceId), eq(roles.id, invitations.roleId)))
    .leftJoin(inviter, and(eq(inviter.workspaceId, invitations.workspaceId), eq(inviter.id, invitations.createdBy)))
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.kind, "invite"), pending(time), after ? gt(invitations.id, after) : undefined))
    .orderBy(asc(invitations.id))
    .limit(limit + 1)
    .all();
}

export type PendingInvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

/** A pending invitation of this workspace, or undefined (another workspace's id finds nothing). */
export function findPendingInvitation(directory: Database, workspaceId: string, invitationId: string, time: number) {
  return directory
    .select({ invitation: invitations, role: roles })
    .from(invitations)
    .leftJoin(roles, and(eq(roles.workspaceId, invitations.workspaceId), eq(roles.id, invitations.roleId)))
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId), eq(invitations.kind, "invite"), pending(time)))
    .get();
}

/** Ends one invitation now; run in the batch that audits it. */
export function revokeInvitation(directory: Database, workspaceId: string, invitationId: string, time: number) {
  return directory
    .update(invitations)
    .set({ expiresAt: time })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, invitationId), pending(time)));
}

export function presentInvitation({ invitation, role, inviter }: PendingInvitationRow) {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    role: role ? { id: role.id, key: role.key, name: role.name } : null,
    invitedBy: inviter ? { id: inviter.id, name: inviter.name } : null,
    createdAt: toIso(invitation.createdAt)!,
    expiresAt: toIso(invitation.expiresAt)!,
  };
}
