// The sign-in contract: sign up, log in, log out, who am I.
import { z } from "@hono/zod-openapi";
import { ProblemSchema, problemResponses, conflictResponse, tooManyRequestsResponse } from "../http/problem.schema";
import { guardedRoute, jsonBody, publicRoute } from "../http/route";
import { WEEK_STARTS } from "../workspaces/workspaces.schema";

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "invalid_email" }).max(254))
  .openapi({ example: "owner@example.com" });

export const PasswordSchema = z.string().min(10, { message: "weak_password" }).max(200).openapi({ example: "a long passphrase" });

export const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.enum(["fa", "en"]).nullable(),
      mobile: z.string().nullable().openapi({ description: "Your own mobile (+989121234567), for sign-in codes; null when none is set." }),
    }),
    role: z.object({ id: z.string(), key: z.string(), name: z.string() }),
    permissions: z.array(z.string()),
    workspace: z.object({
      id: z.string(),
      name: z.string(),
      locale: z.enum(["fa", "en"]),
      timeZone: z.string(),
      currency: z.string(),
      weekStart: z.enum(WEEK_STARTS),
      cidKind: z.string(),
    }),
    via: z.enum(["session", "api_key"]),
  })
  .openapi("Me");


export const signupRoute = publicRoute({
  method: "post",
  path: "/api/auth/signup",
  tags: ["Auth"],
  summary: "Create a workspace and its owner, and sign in",
  description: "An address may sign up 10 times an hour (429 with Retry-After after that).",
  request: {
    body: jsonBody(
      z.object({
        workspaceName: z.string().trim().min(1).max(120).openapi({ example: "Golrang Boutique" }),
        name: z.string().trim().min(1).max(120).openapi({ example: "Sara Ahmadi" }),
        email: EmailSchema,
        password: PasswordSchema,
        locale: z.enum(["fa", "en"]).default("fa"),
      }),
    ),
  },
  responses: {
    201: { description: "Signed in; the session cookie is set.", content: { "application/json": { schema: MeSchema } } },
    400: problemResponses[400],
    ...conflictResponse,
    ...tooManyRequestsResponse,
  },
});

export const loginRoute = publicRoute({
  method: "post",
  path: "/api/auth/login",
  tags: ["Auth"],
  summary: "Sign in with e-mail and password",
  description:
    "Attempts are counted before the password is checked. From the same address, an account's 5th failure makes the next try wait 30 seconds, " +
    "each further one twice as long, up to 15 minutes (429 with Retry-After, the password unchecked); an address gets 100 failures per 15 minutes. " +
    "Failures from one address never hold up the right password from another.",
  request: { body: jsonBody(z.object({ email: EmailSchema, password: z.string().min(1).max(200) })) },
  responses: {
    200: { description: "Signed in; the session cookie is set.", content: { "application/json": { schema: MeSchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    409: {
      description: "`email_released`: the right password of a sign-up whose unconfirmed address a colleague's invitation has taken; sign up again with another address.",
      content: { "application/problem+json": { schema: ProblemSchema } },
    },
    ...tooManyRequestsResponse,
  },
});

export const logoutRoute = guardedRoute("signed-in", {
  method: "post",
  path: "/api/auth/logout",
  tags: ["Auth"],
  summary: "Sign out (revokes this session)",
  responses: { 204: { description: "Signed out." }, 401: problemResponses[401] },
});

export const meRoute = guardedRoute("signed-in", {
  method: "get",
  path: "/api/auth/me",
  tags: ["Auth"],
  summary: "The signed-in user, role, permissions and workspace",
  responses: { 200: { description: "The caller.", content: { "application/json": { schema: MeSchema } } }, 401: problemResponses[401] },
});

export const updateMeRoute = guardedRoute("signed-in", {
  method: "patch",
  path: "/api/auth/me",
  tags: ["Auth"],
  summary: "Change your own name, language or mobile",
  description:
    "`locale` is the language the UI shows you; null falls back to the workspace's. `mobile` takes any common Iranian form (Persian digits too) and is stored as +989121234567; null removes it. " +
    "A mobile another staff member uses is a 409 (`mobile_taken`). The mobile is a way to sign in, so only a browser session may change it (an API key gets 403).",
  request: {
    body: jsonBody(
      z
        .object({
          name: z.string().trim().min(1).max(120).optional(),
          locale: z.enum(["fa", "en"]).nullable().optional(),
          mobile: z.string().trim().max(40).nullable().optional().openapi({ example: "09121234567" }),
        })
        .strict(),
    ),
  },
  responses: {
    200: { description: "The caller, changed.", content: { "application/json": { schema: MeSchema } } },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    ...conflictResponse,
  },
});

export const changePasswordRoute = guardedRoute("signed-in", {
  method: "post",
  path: "/api/auth/password",
  tags: ["Auth"],
  summary: "Change your own password",
  description:
    "Only from a signed-in browser session (an API key is refused with 403). The new password follows the sign-up rules. " +
    "Tries are counted like sign-in attempts for the account and address (429 with Retry-After). " +
    "On success every other session of the user ends; this one stays signed in.",
  request: {
    body: jsonBody(
      z
        .object({
          currentPassword: z.string().min(1).max(200),
          newPassword: PasswordSchema,
        })
        .strict(),
    ),
  },
  responses: {
    200: {
      description: "Changed; other sessions signed out.",
      content: { "application/json": { schema: z.object({ signedOutSessions: z.number().int() }).openapi("PasswordChanged") } },
    },
    400: problemResponses[400],
    401: problemResponses[401],
    403: problemResponses[403],
    ...tooManyRequestsResponse,
  },
});
