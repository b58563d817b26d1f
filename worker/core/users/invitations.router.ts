// Completing an invitation (a new user joins) or a reset (a user sets a new password): the link
// is marked used in the batch that makes the change, then the user is signed in.
import { and, eq } from "drizzle-orm";
import { describeActor } from "../auth/me";
import { rolePermissions } from "../auth/resolve-actor";
import { hashPassword } from "../auth/password";
import { createSession, sessionOrigin, setSessionCookie } from "../auth/sessions";
import { auditEntry, auditOrigin } from "../audit/audit";
import { now } from "../data/clock";
import { openDirectory, openWorkspace } from "../data/database";
import { newId } from "../data/ids";
import { users } from "../data/schema";
import { invalidField, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { findRole } from "../roles/roles.repository";
import { findInvitationByToken, markInvitationUsed } from "./invitations.repository";
import { acceptInvitationRoute } from "./invitations.routes";
import { findEmailHolder, releaseEmailStatements } from "./email-holder";
import { findStaff } from "./users.repository";

const unknownLink = () => new Problem(400, "invitation_invalid");
const spentLink = () => new Problem(410, "invitation_invalid");
const emailTaken = () => new Problem(409, "email_taken");

export const invitationsRouter = createRouter().openapi(acceptInvitationRoute, async (c) => {
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
    userId = staff.user.id;
    const passwordHash = await hashPassword(body.password);
    await directory.batch([
      directory
        .update(users)
        .set({ passwordHash, updatedAt: time })
        .where(and(eq(users.workspaceId, invitation.workspaceId), eq(users.id, userId))),
      markInvitationUsed(directory, invitation.id, time),
      auditEntry(scope, { ...auditOrigin(c), actorUserId: userId, actorApiKeyId: null }, {
        action: "user.password_set",
        entityType: "user",
        entityId: userId,
        details: { invitationId: invitation.id },
      }),
    ]);
  }

  const session = await createSession(directory, { id: userId, workspaceId: invitation.workspaceId }, sessionOrigin(c));
  setSessionCookie(c, session.token, session.expiresAt);
  const staff = await findStaff(directory, invitation.workspaceId, userId);
  const me = await describeActor(directory, { userId, apiKeyId: null, permissions: rolePermissions({ permissions: staff!.role.permissions, roleKey: staff!.role.key }) });
  return c.json(me, 200);
});
