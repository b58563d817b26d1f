// The public answer page: a tap records the score, a revisit within the window shows the answer
// with the follow-up form, and unknown, forged or expired links get a polite page (never an error
// in JSON a customer would see).
import type { Context } from "hono";
import { createPluginRouter, publicContext, workspaceProfile, type PublicContext } from "../../worker/plugin-api";
import { answerCommentRoute, answerPageRoute, answerScoreRoute } from "./answer-page.routes";
import { askPage, answeredPage, closedPage, thanksPage, unknownPage } from "./answer-page";
import { addComment, linkOpen, recordAnswer, responseOfSend, sendByToken, type ResponseRow } from "./answers";
import type { NpsEvents } from "./events";
import { answerPath } from "./links";
import type { NpsSettings } from "./settings";
import { findSurvey, type SurveyRow } from "./surveys";

type Ctx = PublicContext<NpsSettings, NpsEvents>;

function headers(c: Context) {
  c.header("cache-control", "no-store");
  c.header("referrer-policy", "no-referrer");
}

/** A promoter's loyalty referral code (when the club is on), for the invitation to refer a friend. */
const referralCodeOf = (ctx: Ctx, response: ResponseRow) => (response.band === "promoter" ? ctx.customerFact("referralCode", response.customerId) : Promise.resolve(null));

async function answered(c: Context, ctx: Ctx, shop: string, token: string, survey: SurveyRow, response: ResponseRow) {
  const referralCode = await referralCodeOf(ctx, response);
  return c.html(
    answeredPage(
      ctx.locale,
      shop,
      { question: survey.question, score: response.score, band: response.band, followUp: survey.followUps[response.band], comment: response.comment, reviewUrl: survey.reviewUrl, referralInvite: survey.referralInvite, referralCode, commentAction: `${answerPath(ctx.workspaceId, token)}/comment` },
      (score) => answerPath(ctx.workspaceId, token, score),
    ),
    200,
  );
}

/** The send and its survey behind a token of this workspace, or null (the polite page). */
async function lookUp(ctx: Ctx, token: string) {
  const send = await sendByToken(ctx, token);
  const survey = send ? await findSurvey(ctx, send.surveyId) : undefined;
  return send && survey ? { send, survey } : null;
}

export const answerPageRouter = createPluginRouter()
  .openapi(answerPageRoute, async (c) => {
    const ctx = publicContext<NpsSettings, NpsEvents>(c);
    const { token } = c.req.valid("param");
    headers(c);
    const shop = (await workspaceProfile(ctx)).name;
    const found = await lookUp(ctx, token);
    if (!found) return c.html(unknownPage(ctx.locale, shop), 404);
    const response = await responseOfSend(ctx, found.send.id);
    if (response) return ctx.now() < response.closesAt ? answered(c, ctx, shop, token, found.survey, response) : c.html(closedPage(ctx.locale, shop), 410);
    if (!linkOpen(ctx, found.send)) return c.html(closedPage(ctx.locale, shop), 410);
    return c.html(askPage(ctx.locale, shop, found.survey.question, (score) => answerPath(ctx.workspaceId, token, score)), 200);
  })
  .openapi(answerScoreRoute, async (c) => {
    const ctx = publicContext<NpsSettings, NpsEvents>(c);
    const { token, score } = c.req.valid("param");
    headers(c);
    const shop = (await workspaceProfile(ctx)).name;
    const found = await lookUp(ctx, token);
    if (!found) return c.html(unknownPage(ctx.locale, shop), 404);
    const outcome = await recordAnswer(ctx, found.send, score, "link");
    if (outcome.kind === "expired" || outcome.kind === "closed") return c.html(closedPage(ctx.locale, shop), 410);
    return answered(c, ctx, shop, token, found.survey, outcome.response);
  })
  .openapi(answerCommentRoute, async (c) => {
    const ctx = publicContext<NpsSettings, NpsEvents>(c);
    const { token } = c.req.valid("param");
    const form = c.req.valid("form");
    headers(c);
    const shop = (await workspaceProfile(ctx)).name;
    const found = await lookUp(ctx, token);
    if (!found) return c.html(unknownPage(ctx.locale, shop), 404);
    const response = await responseOfSend(ctx, found.send.id);
    if (!response) return c.html(askPage(ctx.locale, shop, found.survey.question, (score) => answerPath(ctx.workspaceId, token, score)), 200);
    const comment = form.comment?.trim() || null;
    if (!(await addComment(ctx, response, comment, form.consent === "yes"))) return c.html(closedPage(ctx.locale, shop), 410);
    return c.html(thanksPage(ctx.locale, shop, found.survey, response.band === "promoter" ? { referralCode: await referralCodeOf(ctx, response) } : null), 200);
  });
