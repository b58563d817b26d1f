// Staff management: invitations, role and status changes, password resets and signing a user
// out everywhere. Every change is audited in the batch that makes it.
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { actorOf } from "../auth/auth.middleware";
import { revokeUserSessions } from "../auth/sessions";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now, toIso } from "../data/clock";
import { toPage, cursorId } from "../data/cursor";
import { openDirectory } from "../data/database";
import { invitations, sessions, users } from "../data/schema";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { findRole } from "../roles/roles.repository";
import { staffMailer } from "../messaging/staff-email";
import { actorRoleKey, assertMayAssign, assertMayManage, grantorOf } from "../roles/role-policy";
import { getWorkspaceSettings } from "../workspaces/workspace-settings";
import { expirePendingInvitations, invitationLink, newInvitation, passwordStamp, voidLinksSentBy } from "./invitations.repository";
import { mayReceiveResetLink, resetMail } from "./reset-delivery";
import { findEmailHolder } from "./email-holder";
import { findStaff, listColleagues, listStaff, otherActiveOwners, presentStaff } from "./users.repository";
import { inviteUserRoute, listColleaguesRoute, listUsersRoute, resetPasswordRoute, revokeSessionsRoute, updateUserRoute } from "./users.routes";

/** The staff member the path names, and the actor's right to touch them. */
async function managedStaff(c: Context, userId: string) {
  const actor = actorOf(c);
  const scope = c.get("scope");
  const directory = openDirectory(c.env);
  const target = await findStaff(directory, scope.workspaceId, userId);
  if (!target) throw notFound();
  const grantor = grantorOf(actor, await actorRoleKey(directory, actor));
  assertMayManage(grantor, target.role);
  return { actor, grantor, scope, directory, target };
}

type Statement = BatchItem<"sqlite">;

export const usersRouter = createRouter()
  .openapi(listColleaguesRoute, async (c) => c.json({ items: await listColleagues(openDirectory(c.env), c.get("scope").workspaceId) }, 200))
  .openapi(listUsersRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listStaff(openDirectory(c.env), c.get("scope").workspaceId, cursorId(cursor), limit);
    return c.json(toPage(rows, limit, (row) => [row.user.id], presentStaff), 200);
  })
  .openapi(inviteUserRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    const role = await findRole(directory, scope.workspaceId, body.roleId);
    if (!role) throw invalidField("body.roleId", "unknown_role");
    assertMayAssign(grantorOf(actor, await actorRoleKey(directory, actor)), role, "body.roleId");
    // The e-mail is the login name across the whole service; an unconfirmed, unused sign-up
    // holding it gives it up when the invitation is accepted.
    const holder = await findEmailHolder(c.env, directory, body.email, scope.workspaceId);
    if (holder && !holder.releasable) {
      throw new Problem(409, "email_taken", { errors: [{ path: "body.email", code: "email_taken" }] });
    }
    const time = now();
    const { row, token } = await newInvitation(
      { workspaceId: scope.workspaceId, kind: "invite", email: body.email, name: body.name ?? null, roleId: role.id, userId: null, createdBy: actor.userId },
      time,
    );
    await directory.batch([
      expirePendingInvitations(directory, scope.workspaceId, { email: body.email }, time),
      directory.insert(invitations).values(row),
      auditEntry(scope, auditOrigin(c), {
        action: "user.invited",
        entityType: "invitation",
        entityId: row.id,
        details: { email: row.email, roleId: role.id, roleKey: role.key },
      }),
    ]);
    return c.json(
      { invitation: { id: row.id, email: row.email, roleId: role.id }, link: invitationLink(c, "invite", token), expiresAt: toIso(row.expiresAt)! },
      201,
    );
  })
  .openapi(updateUserRoute, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const { grantor, scope, directory, target } = await managedStaff(c, id);
    const newRole = body.roleId === undefined || body.roleId === target.role.id ? null : await findRole(directory, scope.workspaceId, body.roleId);
    if (body.roleId !== undefined && body.roleId !== target.role.id && !newRole) throw invalidField("body.roleId", "unknown_role");
    if (newRole) assertMayAssign(grantor, newRole, "body.roleId");
    const status = body.status ?? target.user.status;
    const disabling = status === "disabled" && target.user.status === "active";
    // A demoted user loses a permission (an owner loses the owner role's reach).
    const demoting = newRole ? target.role.key === "owner" || target.role.permissions.some((permission) => !newRole.permissions.includes(permission)) : false;

    const losesOwnership = target.role.key === "owner" && target.user.status === "active" && ((newRole && newRole.key !== "owner") || status !== "active");
    if (losesOwnership && (await otherActiveOwners(directory, scope.workspaceId, target.role.id, id)) === 0) {
      throw new Problem(409, "last_owner");
    }

    const time = now();
    const origin = auditOrigin(c);
    const statements: Statement[] = [
      directory
        .update(users)
        .set({ roleId: newRole?.id ?? target.role.id, status, updatedAt: time })
        .where(and(eq(users.workspaceId, scope.workspaceId), eq(users.id, id))),
    ];
    if (newRole) {
      statements.push(
        auditEntry(scope, origin, {
          action: "user.role_changed",
          entityType: "user",
          entityId: id,
          details: { before: { roleId: target.role.id, roleKey: target.role.key }, after: { roleId: newRole.id, roleKey: newRole.key } },
        }),
      );
    }
    if (status !== target.user.status) {
      // A disabled user is signed out at once; re-enabling does not bring old sessions back.
      if (disabling) statements.push(revokeUserSessions(directory, id));
      statements.push(
        auditEntry(scope, origin, { action: "user.status_changed", entityType: "user", entityId: id, details: { before: target.user.status, after: status } }),
      );
    }
    // Links they sent were sent with powers they no longer have: their invitations and resets end,
    // and so does a reset link of their own once they are disabled.
    if (disabling || demoting) statements.push(voidLinksSentBy(directory, scope.workspaceId, id, time));
    if (disabling) statements.push(expirePendingInvitations(directory, scope.workspaceId, { userId: id }, time));
    await directory.batch(statements as [Statement, ...Statement[]]);
    const updated = await findStaff(directory, scope.workspaceId, id);
    return c.json(presentStaff(updated!), 200);
  })
  .openapi(resetPasswordRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { actor, grantor, scope, directory, target } = await managedStaff(c, id);
    const linkToCaller = mayReceiveResetLink(grantor, actor.userId, id);
    const mailer = await staffMailer(c.env, scope);
    // Refused before anything changes: nobody would get the link.
    if (!mailer && !linkToCaller) throw new Problem(409, "reset_needs_email");
    const time = now();
    const { row, token } = await newInvitation(
      // The password is cleared in the same batch: the link is good for that state only.
      { workspaceId: scope.workspaceId, kind: "reset", email: target.user.email, name: null, roleId: null, userId: id, createdBy: actor.userId, passwordStamp: await passwordStamp(null) },
      time,
    );
    await directory.batch([
      revokeUserSessions(directory, id),
      directory.update(users).set({ passwordHash: null, updatedAt: time }).where(and(eq(users.workspaceId, scope.workspaceId), eq(users.id, id))),
      expirePendingInvitations(directory, scope.workspaceId, { userId: id }, time),
      directory.insert(invitations).values(row),
      auditEntry(scope, auditOrigin(c), {
        action: "user.password_reset",
        entityType: "user",
        entityId: id,
        details: { invitationId: row.id, delivery: mailer ? "email" : "link" },
      }),
    ]);
    const link = invitationLink(c, "reset", token);
    const expiresAt = toIso(row.expiresAt)!;
    if (mailer) {
      const locale = target.user.locale ?? (await getWorkspaceSettings(c.env, scope.workspaceId)).locale;
      if (await mailer({ ...resetMail({ id: row.id, email: target.user.email, locale, link }), userId: id })) return c.json({ delivery: "email" as const, expiresAt }, 200);
      if (!linkToCaller) throw new Problem(502, "reset_email_failed");
    }
    return c.json({ delivery: "link" as const, link, expiresAt }, 200);
  })
  .openapi(revokeSessionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { scope, directory } = await managedStaff(c, id);
    const [revoked] = await directory.batch([
      revokeUserSessions(directory, id).returning({ id: sessions.id }),
      auditEntry(scope, auditOrigin(c), { action: "user.sessions_revoked", entityType: "user", entityId: id }),
    ]);
    return c.json({ revokedSessions: revoked.length }, 200);
  });
