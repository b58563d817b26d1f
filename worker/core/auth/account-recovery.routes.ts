// The self-service account contract: what the sign-in page may offer, "forgot password" by
// e-mail, and sign-in by a one-time code sent by SMS. All public; each answers the same whether
// or not an account exists.
import { z } from "@hono/zod-openapi";
import { problemResponses, ProblemSchema, tooManyRequestsResponse } from "../http/problem.schema";
import { jsonBody, jsonResponse, publicRoute } from "../http/route";
import { EmailSchema, MeSchema } from "./auth.routes";

export const signInOptionsRoute = publicRoute({
  method: "get",
  path: "/api/auth/options",
  tags: ["Auth"],
  summary: "What the sign-in page may offer on this deployment",
  description:
    "`passwordRecovery` is `email` when a workspace here can send e-mail to its staff (an e-mail provider is set), otherwise `ask_owner`. " +
    "`smsSignIn` is true when a workspace here allows sign-in by SMS code. Nothing about any one person.",
  responses: {
    200: jsonResponse(
      "The options.",
      z.object({ passwordRecovery: z.enum(["email", "ask_owner"]), smsSignIn: z.boolean() }).openapi("SignInOptions"),
    ),
  },
});

const Accepted = z
  .object({ accepted: z.literal(true) })
  .openapi("AccountRequestAccepted", { description: "The same answer whether or not an account matched." });

export const requestPasswordRecoveryRoute = publicRoute({
  method: "post",
  path: "/api/auth/password-recovery",
  tags: ["Auth"],
  summary: "Forgot password: e-mail a link to set a new one",
  description:
    "Always 202, whether or not the address belongs to someone. When it does and the person's workspace can send e-mail, a link is mailed that works once, for 30 minutes, " +
    "completed with POST /api/auth/accept-invite; asking again ends the earlier link, and so does any change of password. " +
    "An e-mail address may ask 5 times an hour, a network address 20 times (429 with Retry-After).",
  request: { body: jsonBody(z.object({ email: EmailSchema }).strict()) },
  responses: { 202: jsonResponse("Accepted.", Accepted), 400: problemResponses[400], ...tooManyRequestsResponse },
});

const MobileInput = z.string().trim().min(3).max(40).openapi({ example: "09121234567" });

export const requestSignInCodeRoute = publicRoute({
  method: "post",
  path: "/api/auth/sms-code",
  tags: ["Auth"],
  summary: "Sign-in by SMS: send a one-time code to a staff member's mobile",
  description:
    "Always 202 for a valid mobile, whether or not it belongs to someone. When it belongs to an active staff member whose workspace allows sign-in by SMS code, " +
    "a 6-digit code is sent that works once, for 5 minutes and 5 tries; asking again ends the earlier code. " +
    "A mobile may ask once a minute and 5 times an hour, a network address 20 times an hour (429 with Retry-After).",
  request: { body: jsonBody(z.object({ mobile: MobileInput }).strict()) },
  responses: { 202: jsonResponse("Accepted.", Accepted), 400: problemResponses[400], ...tooManyRequestsResponse },
});

export const verifySignInCodeRoute = publicRoute({
  method: "post",
  path: "/api/auth/sms-code/verify",
  tags: ["Auth"],
  summary: "Sign-in by SMS: sign in with the code",
  description:
    "A wrong code is a 400 at `body.code` (`sign_in_code_wrong`); after 5 tries the code is spent and the next is refused with 429 (`sign_in_code_attempts`); " +
    "an expired, used or replaced code, or none, is a 410 (`sign_in_code_expired`).",
  request: { body: jsonBody(z.object({ mobile: MobileInput, code: z.string().trim().min(1).max(20).openapi({ example: "123456" }) }).strict()) },
  responses: {
    200: { description: "Signed in; the session cookie is set.", content: { "application/json": { schema: MeSchema } } },
    400: problemResponses[400],
    410: { description: "The code expired, was used or replaced.", content: { "application/problem+json": { schema: ProblemSchema } } },
    ...tooManyRequestsResponse,
  },
});
