// Staff members. A user belongs to one workspace; the e-mail is the global login name.
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, updatedAt, workspaceId } from "../data/columns";

export const TASK_DIGEST_CHANNELS = ["off", "email", "sms"] as const;
export type TaskDigestChannel = (typeof TASK_DIGEST_CHANNELS)[number];

export const users = sqliteTable(
  "users",
  {
    id: id(),
    workspaceId: workspaceId(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // Null until the invitee sets one, and after an admin reset.
    passwordHash: text("password_hash"),
    roleId: text("role_id").notNull(),
    status: text("status", { enum: ["active", "disabled"] }).notNull().default("active"),
    // The user's own language choice; null follows the workspace.
    locale: text("locale", { enum: ["fa", "en"] }),
    // When the person proved the address is theirs (by accepting an invitation sent to it); null
    // for a sign-up, whose address nobody has confirmed.
    emailVerifiedAt: integer("email_verified_at"),
    // The address an unconfirmed, unused sign-up held until an invitation to it was accepted (its
    // `email` is then a placeholder), so its next sign-in can be told to use another address.
    releasedEmail: text("released_email"),
    // The staff member's own mobile, canonical E.164 (+989121234567), for sign-in codes and
    // digests; null when none was given.
    mobile: text("mobile"),
    // The daily summary of my tasks due today and overdue: off, or by which channel.
    taskDigest: text("task_digest", { enum: TASK_DIGEST_CHANNELS }).notNull().default("off"),
    // The workspace-local day ("2026-12-07") the last digest was claimed for: one a day, however
    // many times the cron looks.
    taskDigestDay: text("task_digest_day"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_task_digest_idx").on(t.workspaceId, t.taskDigest, t.taskDigestDay),
    index("users_workspace_idx").on(t.workspaceId, t.id),
    index("users_released_email_idx").on(t.releasedEmail),
    // Sign-in by SMS code finds the user by mobile.
    index("users_mobile_idx").on(t.mobile),
  ],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    workspaceId: workspaceId(),
    // invite: a new user sets a password; reset: an admin had an existing user set a new one;
    // recovery: the user asked for a link themselves (forgot password).
    kind: text("kind", { enum: ["invite", "reset", "recovery"] }).notNull(),
    email: text("email").notNull(),
    name: text("name"),
    roleId: text("role_id"),
    userId: text("user_id"),
    tokenHash: text("token_hash").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
    // For reset and recovery links: a hash of the password hash when the link was made. Any
    // change of password, by whatever route, makes it differ, so earlier links stop working.
    passwordStamp: text("password_stamp"),
  },
  (t) => [
    uniqueIndex("invitations_token_unique").on(t.tokenHash),
    index("invitations_workspace_idx").on(t.workspaceId, t.id),
  ],
);
