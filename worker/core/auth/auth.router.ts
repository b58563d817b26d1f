// Sign up, log in, log out, me, and changing one's own password.
import { and, eq, ne } from "drizzle-orm";
import { normalizeMobile } from "../cid/normalize-mobile";
import { maskMobile } from "../customers/mask";
import { now } from "../data/clock";
import { openDirectory } from "../data/database";
import { roles, sessions, users } from "../data/schema";
import { forbidden, invalidField, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { findReleasedAccount } from "../users/email-holder";
import { createWorkspace } from "../workspaces/create-workspace";
import { actorOf } from "./auth.middleware";
import { changePasswordRoute, loginRoute, logoutRoute, meRoute, signupRoute, updateMeRoute } from "./auth.routes";
import { budgetAddress, spend, tooManyAttempts } from "../rate-limit/rate-limit";
import { SIGNUP_BUDGET } from "./signup-throttle";
import { countLoginAttempt, forgetLoginFailures } from "./login-throttle";
import { describeActor } from "./me";
import { rolePermissions } from "./resolve-actor";
import { hashPassword, verifyPassword } from "./password";
import { clearSessionCookie, createSession, revokeOtherSessions, revokeSession, sessionOrigin, setSessionCookie } from "./sessions";
import { auditEntry, auditOrigin } from "../audit/audit";

/** The mobile as stored: canonical, or null to remove it; a value that is no mobile is refused at its field. */
function ownMobile(raw: string | null): string | null {
  if (raw === null || raw === "") return null;
  const mobile = normalizeMobile(raw);
  if (!mobile) throw invalidField("body.mobile", "invalid_mobile");
  return mobile;
}

export const authRouter = createRouter()
  .openapi(signupRoute, async (c) => {
    const body = c.req.valid("json");
    const directory = openDirectory(c.env);
    const address = budgetAddress(c);
    if (address) {
      const verdict = await spend(directory, SIGNUP_BUDGET, address, now());
      if (!verdict.allowed) throw tooManyAttempts("signup_limited", verdict);
    }
    const existing = await directory.select({ id: users.id }).from(users).where(eq(users.email, body.email)).get();
    if (existing) throw new Problem(409, "email_taken", { errors: [{ path: "body.email", code: "email_taken" }] });
    const created = await createWorkspace(directory, {
      name: body.workspaceName,
      locale: body.locale,
      owner: { email: body.email, name: body.name, passwordHash: await hashPassword(body.password) },
    }).catch((error: unknown) => {
      // Two sign-ups racing for one e-mail: the unique index decides.
      if (String(error).includes("UNIQUE")) throw new Problem(409, "email_taken", { errors: [{ path: "body.email", code: "email_taken" }] });
      throw error;
    });
    const session = await createSession(directory, { id: created.ownerId, workspaceId: created.workspaceId }, sessionOrigin(c));
    setSessionCookie(c, session.token, session.expiresAt);
    const ownerRole = await directory.select({ permissions: roles.permissions, roleKey: roles.key }).from(roles).where(eq(roles.id, created.roleIds.owner)).get();
    const me = await describeActor(directory, { userId: created.ownerId, apiKeyId: null, permissions: rolePermissions(ownerRole ?? { permissions: [], roleKey: "owner" }) });
    return c.json(me, 201);
  })
  .openapi(loginRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const directory = openDirectory(c.env);
    const origin = sessionOrigin(c);
    const attempt = { email, ip: budgetAddress(c) };
    // Counted before the password is checked, so parallel guesses cannot outrun the count; an
    // attempt during a wait is refused without checking the password at all.
    const time = now();
    const verdict = await countLoginAttempt(directory, attempt, time);
    if (!verdict.allowed) throw tooManyAttempts("login_locked", verdict);
    const row = await directory
      .select({ user: users, permissions: roles.permissions, roleKey: roles.key })
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .where(eq(users.email, email))
      .get();
    const valid = await verifyPassword(password, row?.user.passwordHash ?? null);
    if (!row || !valid || row.user.status !== "active") {
      // The right password of a sign-up whose address an invitation took: say what happened.
      const released = await findReleasedAccount(directory, email);
      if (released && (await verifyPassword(password, released.passwordHash))) throw new Problem(409, "email_released");
      throw new Problem(401, "invalid_credentials");
    }
    await forgetLoginFailures(directory, attempt);
    const session = await createSession(directory, row.user, origin);
    setSessionCookie(c, session.token, session.expiresAt);
    const me = await describeActor(directory, { userId: row.user.id, apiKeyId: null, permissions: rolePermissions(row) });
    return c.json(me, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const actor = actorOf(c);
    if (actor.sessionId) await revokeSession(openDirectory(c.env), actor.sessionId);
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => c.json(await describeActor(openDirectory(c.env), actorOf(c)), 200))
  .openapi(updateMeRoute, async (c) => {
    const body = c.req.valid("json");
    const actor = actorOf(c);
    const directory = openDirectory(c.env);
    const mobile = body.mobile === undefined ? undefined : ownMobile(body.mobile);
    // A mobile is a way to sign in: like the password, a key in a script may not set it.
    if (mobile !== undefined && !actor.sessionId) throw forbidden();
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.locale !== undefined ? { locale: body.locale } : {}),
      ...(mobile !== undefined ? { mobile } : {}),
    };
    if (mobile) {
      // A code sent to a mobile must reach one person only.
      const holder = await directory.select({ id: users.id }).from(users).where(and(eq(users.mobile, mobile), ne(users.id, actor.userId))).get();
      if (holder) throw new Problem(409, "mobile_taken", { errors: [{ path: "body.mobile", code: "mobile_taken" }] });
    }
    const before = mobile !== undefined ? await directory.select({ mobile: users.mobile }).from(users).where(eq(users.id, actor.userId)).get() : undefined;
    const update = directory.update(users).set(changes).where(eq(users.id, actor.userId));
    // Name and language are one's own preference: no audit row. A mobile can sign in (by SMS code), so its change is audited.
    if (before && before.mobile !== mobile) {
      await directory.batch([
        update,
        auditEntry(c.get("scope"), auditOrigin(c), {
          action: "user.mobile_changed",
          entityType: "user",
          entityId: actor.userId,
          details: { before: before.mobile && maskMobile(before.mobile), after: mobile && maskMobile(mobile) },
        }),
      ]);
    } else if (Object.keys(changes).length) await update;
    return c.json(await describeActor(directory, actor), 200);
  })
  .openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid("json");
    const actor = actorOf(c);
    // A key in a script must not be able to take the account over.
    if (!actor.sessionId) throw forbidden();
    const directory = openDirectory(c.env);
    const user = await directory.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId)).get();
    if (!user) throw new Problem(401, "unauthenticated");
    // Guessing the current password from a stolen session is guessing a password: the sign-in budget applies.
    const attempt = { email: user.email, ip: budgetAddress(c) };
    const verdict = await countLoginAttempt(directory, attempt, now());
    if (!verdict.allowed) throw tooManyAttempts("login_locked", verdict);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) throw invalidField("body.currentPassword", "wrong_current_password");
    await forgetLoginFailures(directory, attempt);
    if (newPassword === currentPassword) throw invalidField("body.newPassword", "password_unchanged");
    const scope = c.get("scope");
    const [, signedOut] = await directory.batch([
      directory.update(users).set({ passwordHash: await hashPassword(newPassword), updatedAt: now() }).where(eq(users.id, actor.userId)),
      revokeOtherSessions(directory, actor.userId, actor.sessionId).returning({ id: sessions.id }),
      auditEntry(scope, auditOrigin(c), { action: "user.password_changed", entityType: "user", entityId: actor.userId }),
    ]);
    return c.json({ signedOutSessions: signedOut.length }, 200);
  });
