// Marketing automation: one-off campaigns to a saved segment or a filter, sent in chunks on the
// jobs queue (each recipient at most once, paused at once, resumable), with an estimate before
// sending (audience, skips by reason, SMS parts and cost) and a report after (sent, deferred,
// skipped, delivered, failed, clicked, conversions by last touch); and flows: versioned lists of
// steps (waits in local time, branches, splits, sends, tags, attributes, tasks, loyalty coupons
// and points, webhooks, exit)
// started by events, birthdays, a segment or a schedule, each step run once per customer; a dry
// run shows a customer's path without doing anything. See README.md.
import { createPluginRouter, definePlugin } from "../../worker/plugin-api";
import { attributeOrder } from "./attribution";
import { ENTRY_JOB, runEntryJob, startDueEntries } from "./flow-entry";
import { enterBirthdays, enterOnEvent, runWakeJob, WAKE_JOB, wakeDueWaits } from "./flow-triggers";
import { flowsRouter } from "./flows.router";
import { markClicked, markDelivered, markFailed } from "./message-outcomes";
import { AUTOMATION_PERMISSIONS } from "./permissions";
import { uiRouter } from "./ui.router";
import { CHUNK_JOB, moveCampaignsOn, runCampaignChunk } from "./campaign-sending";
import { campaignsRouter } from "./campaigns.router";
import { automationPermissions } from "./permissions";
import { automationSettings } from "./settings";
import { FIELD_MESSAGES, PLUGIN_NAME } from "./texts";

export const automationPlugin = definePlugin({
  id: "automation",
  name: PLUGIN_NAME,
  description: {
    en: "Campaigns to a segment by SMS or e-mail, with the audience, skips and cost shown before sending and delivery, clicks and orders after.",
    fa: "کمپین پیامکی یا ایمیلی به یک بخش از مشتریان، با نمایش مخاطبان، موارد ردشده و هزینه پیش از ارسال و تحویل، کلیک و خرید پس از آن.",
  },
  version: "0.1.0",
  permissions: automationPermissions,
  settings: automationSettings,
  messages: FIELD_MESSAGES,
  routes: createPluginRouter().route("/", campaignsRouter).route("/", flowsRouter).route("/", uiRouter),
  on: {
    "customer.created": enterOnEvent,
    "customer.stage_changed": enterOnEvent,
    "order.created": enterOnEvent,
    "order.refunded": enterOnEvent,
    "interaction.logged": enterOnEvent,
    "message.received": enterOnEvent,
    "message.delivered": markDelivered,
    "message.failed": markFailed,
    "message.clicked": markClicked,
    "order.paid": async (event, ctx) => {
      await attributeOrder(event, ctx);
      await enterOnEvent(event, ctx);
    },
  },
  schedules: [
    // Campaigns whose local time has come, and sending ones whose chain of chunks was lost.
    { id: "campaigns", timing: { every: "minute" }, run: moveCampaignsOn },
    // Flow waits that are due.
    { id: "flow-waits", timing: { every: "minute" }, run: wakeDueWaits },
    // Recurring flows whose occurrence has come, and segment flows due a scan for newcomers.
    { id: "flow-entries", timing: { every: "minute" }, run: startDueEntries },
    // Birthdays of the local day enter birthday flows (and wait for the flow's time of day).
    { id: "flow-birthdays", timing: { every: "day", at: "00:05" }, run: enterBirthdays },
  ],
  ui: {
    page: { title: PLUGIN_NAME, source: "/ui/page", icon: "send", permission: AUTOMATION_PERMISSIONS.read },
    customerPanel: { title: { en: "Flows and campaigns", fa: "جریان‌ها و کمپین‌ها" }, source: "/ui/customer/{customerId}", order: 40, permission: AUTOMATION_PERMISSIONS.read },
    // The customers list's selection goes to this page's composer (`?list=`), not core's.
    bulkSend: { label: { en: "Send as a campaign", fa: "ارسال به‌صورت کمپین" }, permission: AUTOMATION_PERMISSIONS.manage },
  },
  jobs: {
    [CHUNK_JOB]: runCampaignChunk,
    [WAKE_JOB]: runWakeJob,
    [ENTRY_JOB]: runEntryJob,
  },
});

/**
 * Other plugins' events that start flows, by name only (this plugin never imports another): the
 * registry adds them to `on` where the plugin that declares them is compiled in.
 */
export const automationOtherPluginHooks = { "nps.detractor": enterOnEvent, "loyalty.tier_changed": enterOnEvent };
