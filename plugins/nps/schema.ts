// The NPS plugin's tables. Every row carries workspace_id, every index starts with it. A send is
// one survey asked of one customer (its token is the key of the answer page); a response belongs
// to exactly one send; rollups keep per-day counts so results read days, not responses.
// After a change here: `npm run plugin:migration nps`.
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../../worker/plugin-api";

export type Text = { en: string; fa: string };
export type BandTexts = { detractor: Text; passive: Text; promoter: Text };

export const SURVEY_TRIGGERS = ["manual", "after_order"] as const;
export const SEND_STATUSES = ["queued", "sent", "deferred", "skipped", "failed"] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];
export const BANDS = ["detractor", "passive", "promoter"] as const;
export type Band = (typeof BANDS)[number];

export const npsSurveys = sqliteTable(
  "nps_surveys",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    question: json<Text>("question").notNull(),
    followUps: json<BandTexts>("follow_ups").notNull(),
    thankYou: json<Text>("thank_you").notNull(),
    reviewUrl: text("review_url"),
    // What a promoter is invited with to refer a friend; null: the default words.
    referralInvite: json<Text>("referral_invite"),
    trigger: text("trigger", { enum: SURVEY_TRIGGERS }).notNull(),
    delayDays: integer("delay_days").notNull().default(3),
    reminderDays: integer("reminder_days"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("nps_surveys_workspace_idx").on(t.workspaceId, t.id), index("nps_surveys_trigger_idx").on(t.workspaceId, t.trigger, t.active)],
);

/** One survey asked of one customer: queued until `dueAt`, then sent (or skipped with a reason). */
export const npsSends = sqliteTable(
  "nps_sends",
  {
    id: id(),
    workspaceId: workspaceId(),
    surveyId: text("survey_id").notNull(),
    customerId: text("customer_id").notNull(),
    // The secret in the answer link; single-purpose (answers this send only).
    token: text("token").notNull(),
    // The paid order that asked for it (once per order), or the campaign that did.
    orderId: text("order_id"),
    campaignId: text("campaign_id"),
    status: text("status", { enum: SEND_STATUSES }).notNull(),
    skipReason: text("skip_reason"),
    messageId: text("message_id"),
    dueAt: integer("due_at").notNull(),
    sentAt: integer("sent_at"),
    deliveredAt: integer("delivered_at"),
    remindedAt: integer("reminded_at"),
    respondedAt: integer("responded_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("nps_sends_token_unique").on(t.workspaceId, t.token),
    uniqueIndex("nps_sends_order_unique").on(t.workspaceId, t.surveyId, t.orderId),
    uniqueIndex("nps_sends_campaign_unique").on(t.workspaceId, t.campaignId, t.customerId),
    index("nps_sends_due_idx").on(t.workspaceId, t.status, t.dueAt),
    index("nps_sends_customer_idx").on(t.workspaceId, t.customerId, t.sentAt),
    index("nps_sends_message_idx").on(t.workspaceId, t.messageId),
    index("nps_sends_survey_idx").on(t.workspaceId, t.surveyId, t.id),
  ],
);

/** A send now / at a local time to a saved segment (or everyone with consent), walked in chunks. */
export const npsCampaigns = sqliteTable(
  "nps_campaigns",
  {
    id: id(),
    workspaceId: workspaceId(),
    surveyId: text("survey_id").notNull(),
    segmentId: text("segment_id"),
    notBefore: integer("not_before").notNull(),
    // The last customer id handled: the next chunk starts after it.
    cursor: text("cursor"),
    status: text("status", { enum: ["running", "done"] }).notNull(),
    // Progress, moved on by each chunk together with the cursor (so a chunk counts once): the
    // audience when the campaign was made, the recipients walked, and what became of them.
    audience: integer("audience").notNull().default(0),
    queued: integer("queued").notNull().default(0),
    sent: integer("sent").notNull().default(0),
    deferred: integer("deferred").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    skipReasons: json<Record<string, number>>("skip_reasons").notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("nps_campaigns_status_idx").on(t.workspaceId, t.status, t.id)],
);

export const npsResponses = sqliteTable(
  "nps_responses",
  {
    id: id(),
    workspaceId: workspaceId(),
    sendId: text("send_id").notNull(),
    surveyId: text("survey_id").notNull(),
    customerId: text("customer_id").notNull(),
    score: integer("score").notNull(),
    band: text("band", { enum: BANDS }).notNull(),
    // How it was given: a tap on the page or an e-mail link, or an SMS reply.
    via: text("via", { enum: ["link", "sms"] }).notNull(),
    comment: text("comment"),
    // The customer agreed on the page to have their comment quoted; when.
    testimonialConsentAt: integer("testimonial_consent_at"),
    // The local day the answer counts for (its first answer), and until when it may change.
    day: text("day").notNull(),
    answeredAt: integer("answered_at").notNull(),
    closesAt: integer("closes_at").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("nps_responses_send_unique").on(t.workspaceId, t.sendId),
    index("nps_responses_survey_idx").on(t.workspaceId, t.surveyId, t.answeredAt),
    index("nps_responses_customer_idx").on(t.workspaceId, t.customerId, t.answeredAt),
    index("nps_responses_band_idx").on(t.workspaceId, t.band, t.answeredAt),
  ],
);

/** Per survey and local day: sends delivered, and answers per score (c0 … c10). */
export const npsRollups = sqliteTable(
  "nps_rollups",
  {
    workspaceId: workspaceId(),
    surveyId: text("survey_id").notNull(),
    day: text("day").notNull(),
    sent: integer("sent").notNull().default(0),
    delivered: integer("delivered").notNull().default(0),
    c0: integer("c0").notNull().default(0),
    c1: integer("c1").notNull().default(0),
    c2: integer("c2").notNull().default(0),
    c3: integer("c3").notNull().default(0),
    c4: integer("c4").notNull().default(0),
    c5: integer("c5").notNull().default(0),
    c6: integer("c6").notNull().default(0),
    c7: integer("c7").notNull().default(0),
    c8: integer("c8").notNull().default(0),
    c9: integer("c9").notNull().default(0),
    c10: integer("c10").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.surveyId, t.day] })],
);

/** Per customer: when last asked (the throttle) and the last answer (segment fields npsScore, npsBand, npsAnsweredAt). */
export const npsCustomers = sqliteTable(
  "nps_customers",
  {
    workspaceId: workspaceId(),
    customerId: text("customer_id").notNull(),
    lastAskedAt: integer("last_asked_at"),
    lastScore: integer("last_score"),
    lastBand: text("last_band", { enum: BANDS }),
    lastAnsweredAt: integer("last_answered_at"),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] }), index("nps_customers_band_idx").on(t.workspaceId, t.lastBand)],
);

/** The detractor follow-up task opened for a response: at most one (the unique index). */
export const npsFollowUps = sqliteTable(
  "nps_follow_ups",
  {
    workspaceId: workspaceId(),
    responseId: text("response_id").notNull(),
    taskId: text("task_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.responseId] })],
);
