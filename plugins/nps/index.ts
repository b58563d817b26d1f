// NPS surveys: ask customers "how likely are you to recommend us?" (0–10) by SMS or e-mail, after
// paid orders or by hand, throttled; answers by a one-tap link or an SMS reply; the score overall,
// over time and by segment; every detractor followed up by a task. See README.md for the rules
// and PLUGINS.md for the contract this is written against.
import { createPluginRouter, definePlugin } from "../../worker/plugin-api";
import { askSurveyAction } from "./actions";
import { answerPageRouter } from "./answer-page.router";
import { anythingDue, ASK_JOB, runAskChunk } from "./ask";
import { carryOnCampaigns, CHUNK_JOB, runCampaignChunk } from "./campaign-chunks";
import { countDelivery } from "./deliveries";
import { npsEvents } from "./events";
import { openDetractorTask } from "./follow-ups";
import { queueOnPaidOrder } from "./orders";
import { NPS_PERMISSIONS, npsPermissions } from "./permissions";
import { scoreReply } from "./replies";
import { npsAnsweredAtField, npsBandField, npsScoreField } from "./segment-fields";
import { npsSettings } from "./settings";
import { surveysRouter } from "./surveys.router";
import { PLUGIN_NAME } from "./texts";
import { uiRouter } from "./ui.router";

export { npsSettings };

export const npsPlugin = definePlugin({
  id: "nps",
  name: PLUGIN_NAME,
  description: {
    en: "Net Promoter Score surveys by SMS and e-mail: one-tap answers or SMS replies, the score over time and by segment, and a follow-up task for every unhappy customer.",
    fa: "نظرسنجی رضایت (NPS) با پیامک و ایمیل: پاسخ با یک لمس یا پیامک، امتیاز در طول زمان و بر پایهٔ گروه مشتریان، و کار پیگیری برای هر مشتری ناراضی.",
  },
  version: "1.0.0",
  permissions: npsPermissions,
  settings: npsSettings,
  events: npsEvents,
  segmentFields: [npsScoreField, npsBandField, npsAnsweredAtField],
  // The automation's post-purchase survey step asks through this (never this plugin's tables).
  actions: { "ask-survey": askSurveyAction },
  routes: createPluginRouter().route("/", surveysRouter).route("/", uiRouter),
  // The answer page: /p/nps/{workspaceId}/a/{token} (and /{score} for a one-tap answer).
  publicRoutes: answerPageRouter,
  on: {
    "order.paid": queueOnPaidOrder,
    "nps.detractor": openDetractorTask,
    "message.received": scoreReply,
    "message.delivered": countDelivery,
  },
  schedules: [
    {
      // One query or two when there is nothing to do; the sending itself runs in jobs, a chunk each.
      id: "ask",
      timing: { every: "hour" },
      run: async (ctx) => {
        await carryOnCampaigns(ctx);
        if (await anythingDue(ctx)) await ctx.enqueue(ASK_JOB, {});
      },
    },
  ],
  jobs: {
    // A send to a segment or everyone, a chunk of customers at a time.
    [CHUNK_JOB]: runCampaignChunk,
    // What is due (after-order sends) and reminders, a chunk at a time.
    [ASK_JOB]: runAskChunk,
  },
  ui: {
    customerPanel: { title: PLUGIN_NAME, source: "/ui/customers/{customerId}", order: 20, permission: NPS_PERMISSIONS.read },
    page: { title: PLUGIN_NAME, source: "/ui/page", icon: "chart", permission: NPS_PERMISSIONS.read },
    dashboardCard: { title: PLUGIN_NAME, source: "/ui/card", order: 20, permission: NPS_PERMISSIONS.read },
  },
});
