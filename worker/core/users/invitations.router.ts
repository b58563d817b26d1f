// Completing an invitation (a new user joins) or a reset (a user sets a new password): the link
// is marked used in the batch that makes the change, then the user is signed in. A link is only
// as good as its sender: one sent by someone since disabled, or who could no longer give that
// role or manage that person, no longer works. Also the pending invitations, listed and revoked.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../data/database";
import { actorOf } from "../auth/auth.middleware";
import { toPage, cursorId } from "../data/cursor";
import { describeActor } from "../auth/me";
import { rolePermissions } from "../auth/resolve-actor";
import { hashPassword } from "../auth/password";
import { createSession, revokeUserSessions, sessionOrigin, setSessionCookie } from "../auth/sessions";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { invitations, users } from "../data/schema";
import { invalidField, notFound, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { findRole } from "../roles/roles.repository";
import { actorRoleKey, assertMayManage, grantorOf, mayGrantRole, type Grantor, type RoleFacts } from "../roles/role-policy";
import {
  expirePendingInvitations,
  findInvitationByToken,
  findPendingInvitation,
  listPendingInvitations,
  markInvitationUsed,
  passwordStamp,
  presentInvitation,
  revokeInvitation,
  type InvitationRow,
} from "./invitations.repository";
import { acceptInvitationRoute, listInvitationsRoute, revokeInvitationRoute } from "./invitations.routes";
import { findEmailHolder, releaseEmailStatements } from "./email-holder";
import { findStaff } from "./users.repository";

const unknownLink = () => new Problem(400, "invitation_invalid");
const spentLink = () => new Problem(410, "invitation_invalid");
const emailTaken = () => new Problem(409, "email_taken");

/** The password is still the one read (null included), so two completions cannot both write. */
const staffPasswordIs = (hash: string | null) => (hash === null ? isNull(users.passwordHash) : eq(users.passwordHash, hash));

/** The sender of a link as they are now: active, with the permissions their role gives today. */
async function senderOf(directory: Database, invitation: InvitationRow): Promise<Grantor | null> {
  const sender = invitation.createdBy ? await findStaff(directory, invitation.workspaceId, invitation.createdBy) : undefined;
  if (!sender || sender.user.status !== "active") return null;
  return { permissions: rolePermissions({ permissions: sender.role.permissions, roleKey: sender.role.key }), roleKey: sender.role.key };
}

/** The sender could still give this role (an invitation) or still manage this person (a reset). */
async function senderStillEntitled(directory: Database, invitation: InvitationRow, role: RoleFacts): Promise<boolean> {
  const sender = await senderOf(directory, invitation);
  return sender !== null && mayGrantRole(sender, role);
}

export const invitationsRouter = createRouter()
  .openapi(listInvitationsRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const rows = await listPendingInvitations(openDirectory(c.env), c.get("scope").workspaceId, cursorId(cursor), limit, now());
    return c.json(toPage(rows, limit, (row) => [row.invitation.id], presentInvitation), 200);
  })
  .openapi(revokeInvitationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const actor = actorOf(c);
    const scope = c.get("scope");
    const directory = openDirectory(c.env);
    const time = now();
    const found = await findPendingInvitation(directory, scope.workspaceId, id, time);
    if (!found) throw notFound();
    // Like managing a colleague of that role: an HR helper does not cancel the owner's co-owner.
    if (found.role) assertMayManage(grantorOf(actor, await actorRoleKey(directory, actor)), found.role);
    await directory.batch([
      revokeInvitation(directory, scope.workspaceId, id, time),
      auditEntry(scope, auditOrigin(c), {
        action: "user.invitation_revoked",
        entityType: "invitation",
        entityId: id,
        details: { email: found.invitation.email, roleId: found.role?.id ?? null, roleKey: found.role?.key ?? null },
      }),
    ]);
    return c.body(null, 204);
  })
  .openapi(acceptInvitationRoute, async (c) => {
    const body = c.req.valid("json");
    const directory = openDirectory(c.env);
    const invitation = await findInvitationByToken(directory, body.token);
    if (!invitation) throw unknownLink();
    const time = now();
    if (invitation.usedAt !== null || invitation.expiresAt <= time) throw spentLink();
    const scope = openWorkspace(c.env, invitation.workspaceId);
    let userId: string;

    if (invitation.kind === "invite") {
      const role = invitation.roleId ? await findRole(directory, invitation.workspaceId, invitation.roleId) : undefined;
      if (!role) throw spentLink();
      if (!(await senderStillEntitled(directory, invitation, role))) throw spentLink();
      const name = body.name ?? invitation.name;
      if (!name) throw invalidField("body.name", "name_required");
      // Someone may have signed up with this e-mail: an unconfirmed, unused sign-up gives it up.
      const holder = await findEmailHolder(c.env, directory, invitation.email, invitation.workspaceId);
      if (holder && !holder.releasable) throw emailTaken();
      userId = newId("usr");
      const passwordHash = await hashPassword(body.password);
      await directory
        .batch([
          markInvitationUsed(directory, invitation.id, time),
          // The address is freed before it is given, so the unique index never sees it twice.
          ...(holder ? releaseEmailStatements(directory, holder, invitation.email, time) : []),
          directory.insert(users).values({
            id: userId,
            workspaceId: invitation.workspaceId,
            email: invitation.email,
            name,
            passwordHash,
            roleId: role.id,
            // The invited person reached the address the invitation was made for.
            emailVerifiedAt: time,
            createdAt: time,
            updatedAt: time,
          }),
          auditEntry(scope, { ...auditOrigin(c), actorUserId: userId, actorApiKeyId: null }, {
            action: "user.joined",
            entityType: "user",
            entityId: userId,
            details: { invitationId: invitation.id, roleId: role.id, roleKey: role.key, ...(holder ? { releasedFromUserId: holder.id } : {}) },
          }),
          ...(holder
            ? [
                auditEntry(openWorkspace(c.env, holder.workspaceId), { ...auditOrigin(c), actorUserId: null, actorApiKeyId: null }, {
                  action: "user.email_released",
                  entityType: "user",
                  entityId: holder.id,
                  details: { reason: "unconfirmed_address_invited_elsewhere" },
                }),
              ]
            : []),
        ])
        .catch((error: unknown) => {
          // The same link accepted twice at once: the e-mail's unique index lets only one through.
          if (String(error).includes("UNIQUE")) throw spentLink();
          throw error;
        });
    } else {
      const staff = invitation.userId ? await findStaff(directory, invitation.workspaceId, invitation.userId) : undefined;
      if (!staff || staff.user.status !== "active") throw spentLink();
      // The password changed since the link was made (by any route): the link is void.
      if (invitation.passwordStamp !== null && invitation.passwordStamp !== (await passwordStamp(staff.user.passwordHash))) throw spentLink();
      // An admin's reset is only as good as its sender; a recovery link the person asked for has none.
      if (invitation.kind === "reset" && !(await senderStillEntitled(directory, invitation, staff.role))) throw spentLink();
      userId = staff.user.id;
      const passwordHash = await hashPassword(body.password);
      const [, claimed] = await directory.batch([
        directory
          .update(users)
          .set({ passwordHash, updatedAt: time })
          .where(and(eq(users.workspaceId, invitation.workspaceId), eq(users.id, userId), staffPasswordIs(staff.user.passwordHash))),
        markInvitationUsed(directory, invitation.id, time).returning({ id: invitations.id }),
        // Whoever held a session may be whoever learned the old password: all of them end.
        revokeUserSessions(directory, userId),
        expirePendingInvitations(directory, invitation.workspaceId, { userId }, time),
        auditEntry(scope, { ...auditOrigin(c), actorUserId: userId, actorApiKeyId: null }, {
          action: invitation.kind === "recovery" ? "user.password_recovered" : "user.password_set",
          entityType: "user",
          entityId: userId,
          details: { invitationId: invitation.id },
        }),
      ]);
      // The same link completed twice at once: only the first one's batch claimed it.
      if (claimed.length === 0) throw spentLink();
    }

    const session = await createSession(directory, { id: userId, workspaceId: invitation.workspaceId }, sessionOrigin(c));
    setSessionCookie(c, session.token, session.expiresAt);
    const staff = await findStaff(directory, invitation.workspaceId, userId);
    const me = await describeActor(directory, { userId, apiKeyId: null, permissions: rolePermissions({ permissions: staff!.role.permissions, roleKey: staff!.role.key }) });
    return c.json(me, 200);
  });
