// Handlers of the self-service account routes. Every request is counted against its budgets
// before anything is looked up, and answers the same whether or not an account matched; the
// message itself goes out after the answer (waitUntil), so its time reveals nothing either.
import { and, eq, ne } from "drizzle-orm";
import type { Context } from "hono";
import { toAsciiDigits } from "../cid/digits";
import { normalizeMobile } from "../cid/normalize-mobile";
import { now } from "../data/clock";
import { openDirectory, openWorkspace, workspaceDatabases } from "../data/database";
import { invitations, messagingProviders, roles, users, workspaces } from "../data/schema";
import { invalidField, Problem } from "../http/problem";
import { createRouter } from "../http/router";
import { devOutboxOpen } from "../messaging/dev-outbox";
import { staffSender } from "../messaging/staff-email";
import { budgetAddress, spend, spendAll, tooManyAttempts } from "../rate-limit/rate-limit";
import { expirePendingInvitations, invitationLink, newInvitation, passwordStamp } from "../users/invitations.repository";
import { recoveryMail } from "../users/reset-delivery";
import {
  RECOVERY_ADDRESS_BUDGET,
  RECOVERY_EMAIL_BUDGET,
  SMS_CODE_ADDRESS_BUDGET,
  SMS_CODE_GAP_BUDGET,
  SMS_CODE_MOBILE_BUDGET,
} from "./account-throttle";
import { requestPasswordRecoveryRoute, requestSignInCodeRoute, signInOptionsRoute, verifySignInCodeRoute } from "./account-recovery.routes";
import { describeActor } from "./me";
import { rolePermissions } from "./resolve-actor";
import { createSession, sessionOrigin, setSessionCookie } from "./sessions";
import { checkSignInCode, issueSignInCode, SIGN_IN_CODE_TTL_MS, smsSignInUser } from "./sign-in-codes";

/** Whether any workspace here has an e-mail provider that reaches staff. */
async function someWorkspaceMails(env: Env, requestUrl: string): Promise<boolean> {
  if (devOutboxOpen(env, requestUrl)) return true;
  for (const db of workspaceDatabases(env)) {
    const row = await db
      .select({ workspaceId: messagingProviders.workspaceId })
      .from(messagingProviders)
      .where(and(eq(messagingProviders.channel, "email"), ne(messagingProviders.kind, "outbox")))
      .limit(1)
      .get();
    if (row) return true;
  }
  return false;
}

/** Runs after the answer is sent; a failure is logged without the message (it holds a key). */
function afterAnswer(c: Context, work: () => Promise<unknown>, what: string) {
  c.executionCtx.waitUntil(
    work().catch((error: unknown) => {
      console.error(`${what} could not be sent: ${error instanceof Error ? error.name : "error"}`);
    }),
  );
}

const accepted = { accepted: true as const };

export const accountRecoveryRouter = createRouter()
  .openapi(signInOptionsRoute, async (c) => {
    const directory = openDirectory(c.env);
    const [mails, sms] = await Promise.all([
      someWorkspaceMails(c.env, c.req.url),
      directory.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.smsSignIn, true)).limit(1).get(),
    ]);
    return c.json({ passwordRecovery: mails ? ("email" as const) : ("ask_owner" as const), smsSignIn: Boolean(sms) }, 200);
  })
  .openapi(requestPasswordRecoveryRoute, async (c) => {
    const { email } = c.req.valid("json");
    const directory = openDirectory(c.env);
    const time = now();
    const verdict = await spendAll(directory, [[RECOVERY_EMAIL_BUDGET, email], [RECOVERY_ADDRESS_BUDGET, budgetAddress(c)]], time);
    if (!verdict.allowed) throw tooManyAttempts("password_recovery_limited", verdict);
    const user = await directory
      .select({ id: users.id, workspaceId: users.workspaceId, passwordHash: users.passwordHash, locale: users.locale, workspaceLocale: workspaces.locale })
      .from(users)
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(and(eq(users.email, email), eq(users.status, "active")))
      .get();
    if (!user) return c.json(accepted, 202);
    const scope = openWorkspace(c.env, user.workspaceId);
    const send = await staffSender(c.env, scope, "email", devOutboxOpen(c.env, c.req.url));
    // Nothing can reach the person: no link is made (the page told them to ask the owner).
    if (!send) return c.json(accepted, 202);
    const { row, token } = await newInvitation(
      { workspaceId: user.workspaceId, kind: "recovery", email, name: null, roleId: null, userId: user.id, createdBy: null, passwordStamp: await passwordStamp(user.passwordHash) },
      time,
    );
    // The link is not audited until it is used; the mail is recorded in staff_messages, without its text.
    await directory.batch([expirePendingInvitations(directory, user.workspaceId, { userId: user.id }, time), directory.insert(invitations).values(row)]);
    const mail = recoveryMail({ id: row.id, email, locale: user.locale ?? user.workspaceLocale, link: invitationLink(c, "reset", token) });
    afterAnswer(c, () => send({ userId: user.id, purpose: "password_recovery", to: email, subject: mail.subject, body: mail.body }), "a password-recovery mail");
    return c.json(accepted, 202);
  })
  .openapi(requestSignInCodeRoute, async (c) => {
    const mobile = normalizeMobile(c.req.valid("json").mobile);
    if (!mobile) throw invalidField("body.mobile", "invalid_mobile");
    const directory = openDirectory(c.env);
    const time = now();
    // A resend within the minute is refused before it can use up the hour's budgets.
    const gap = await spend(directory, SMS_CODE_GAP_BUDGET, mobile, time);
    if (!gap.allowed) throw tooManyAttempts("sign_in_code_limited", gap);
    const verdict = await spendAll(directory, [[SMS_CODE_MOBILE_BUDGET, mobile], [SMS_CODE_ADDRESS_BUDGET, budgetAddress(c)]], time);
    if (!verdict.allowed) throw tooManyAttempts("sign_in_code_limited", verdict);
    const user = await smsSignInUser(directory, mobile);
    const send = user && (await staffSender(c.env, openWorkspace(c.env, user.workspaceId), "sms", devOutboxOpen(c.env, c.req.url)));
    const { code, statements } = await issueSignInCode(directory, mobile, send ? user : null, time);
    await directory.batch(statements);
    if (user && send) {
      const minutes = SIGN_IN_CODE_TTL_MS / 60_000;
      const body = (user.locale ?? user.workspaceLocale) === "fa" ? `کد ورود شما: ${code}\nتا ${minutes} دقیقه معتبر است. آن را به کسی ندهید.` : `Your sign-in code: ${code}\nValid for ${minutes} minutes. Do not share it.`;
      afterAnswer(c, () => send({ userId: user.id, purpose: "sign_in_code", to: mobile, subject: null, body }), "a sign-in code");
    }
    return c.json(accepted, 202);
  })
  .openapi(verifySignInCodeRoute, async (c) => {
    const input = c.req.valid("json");
    const mobile = normalizeMobile(input.mobile);
    if (!mobile) throw invalidField("body.mobile", "invalid_mobile");
    const code = toAsciiDigits(input.code).replace(/\s/g, "");
    if (!/^\d{6}$/.test(code)) throw invalidField("body.code", "sign_in_code_wrong");
    const directory = openDirectory(c.env);
    const check = await checkSignInCode(directory, mobile, code, now());
    if (check.outcome !== "right") {
      if (check.outcome === "spent") throw new Problem(429, "sign_in_code_attempts");
      if (check.outcome === "wrong") throw invalidField("body.code", "sign_in_code_wrong");
      throw new Problem(410, "sign_in_code_expired");
    }
    // The person and the workspace's choice as they are now, not as they were when the code went out.
    const row = await directory
      .select({ user: users, permissions: roles.permissions, roleKey: roles.key })
      .from(users)
      .innerJoin(roles, eq(roles.id, users.roleId))
      .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
      .where(and(eq(users.id, check.userId), eq(users.mobile, mobile), eq(users.status, "active"), eq(workspaces.smsSignIn, true)))
      .get();
    if (!row) throw new Problem(410, "sign_in_code_expired");
    const session = await createSession(directory, row.user, sessionOrigin(c));
    setSessionCookie(c, session.token, session.expiresAt);
    return c.json(await describeActor(directory, { userId: row.user.id, apiKeyId: null, permissions: rolePermissions(row) }), 200);
  });
