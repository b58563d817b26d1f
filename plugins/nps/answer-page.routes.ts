// The contract of the public answer page: /p/nps/{workspaceId}/a/{token} shows the question, each
// of the eleven score links records its score in one tap, and the follow-up comment is a form.
import { z } from "@hono/zod-openapi";
import { pluginPublicRoute, problemResponses } from "../../worker/plugin-api";

const tags = ["NPS surveys"];
const TokenParam = z.object({ token: z.string().min(1).max(64).openapi({ param: { name: "token", in: "path" }, example: "9f2c…" }) });
const page = { description: "A small page in the visitor's language.", content: { "text/html": { schema: z.string() } } };
const pages = { 200: page, 404: { description: "A polite page: the link is unknown or forged.", content: { "text/html": { schema: z.string() } } }, 410: { description: "A polite page: the link expired or the answer closed.", content: { "text/html": { schema: z.string() } } }, 400: problemResponses[400], 429: { description: "Too many requests." } };

export const answerPageRoute = pluginPublicRoute({ method: "get", path: "/a/{token}", tags, summary: "The survey's question and its 0–10 scale (no account; the link's token is the key)", request: { params: TokenParam }, responses: pages });

export const answerScoreRoute = pluginPublicRoute({
  method: "get",
  path: "/a/{token}/{score}",
  tags,
  summary: "Records a score in one tap (a link of the page or of the e-mail); within the answer window another tap changes it",
  request: { params: TokenParam.extend({ score: z.coerce.number().int().min(0).max(10).openapi({ param: { name: "score", in: "path" }, example: 9 }) }) },
  responses: pages,
});

export const CommentForm = z.object({
  comment: z.string().max(2000).optional(),
  consent: z.enum(["yes"]).optional().openapi({ description: "A promoter agrees to have the comment quoted." }),
});

export const answerCommentRoute = pluginPublicRoute({
  method: "post",
  path: "/a/{token}/comment",
  tags,
  summary: "The follow-up comment of an answer (a plain form), while the answer is open",
  request: { params: TokenParam, body: { content: { "application/x-www-form-urlencoded": { schema: CommentForm } }, required: true } },
  responses: pages,
});
