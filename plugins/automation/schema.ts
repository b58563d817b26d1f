// The automation plugin's tables. Every row carries workspace_id, every index starts with it.
// A campaign keeps its own progress (status, the keyset cursor of the last customer handled), so
// sending resumes after a crash; a recipient row per (campaign, customer) makes "at most once"
// a UNIQUE index; a conversion row per order makes "each order attributed once" another.
// After a change here: `npm run plugin:migration automation`.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, json, updatedAt, workspaceId } from "../../worker/plugin-api";
import type { FlowDefinition } from "./flow-definition";

export const CAMPAIGN_STATUSES = ["draft", "scheduled", "sending", "paused", "cancelled", "done"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** What became of a recipient: the send's result, then the delivery report and the click. */
export const RECIPIENT_STATUSES = ["sent", "deferred", "skipped", "failed", "delivered"] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export type LocalizedText = { en: string; fa: string };

export const automationCampaigns = sqliteTable(
  "automation_campaigns",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    // The audience: a saved segment, or an ad-hoc filter (the segment filter language).
    segmentId: text("segment_id"),
    filter: json<Record<string, unknown>>("filter"),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    // What is sent: a saved template of the workspace by name, or the text in both languages.
    template: text("template"),
    body: json<LocalizedText>("body"),
    subject: json<LocalizedText>("subject"),
    link: text("link"),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull(),
    // Not before this instant (epoch ms): "send at a local time" resolved in the workspace's zone.
    sendAt: integer("send_at"),
    // The last customer id handled (customers are walked in id order), and how many chunks ran.
    cursor: text("cursor"),
    chunks: integer("chunks").notNull().default(0),
    // The audience when sending started.
    targeted: integer("targeted"),
    // When a chunk last moved the campaign on: a campaign sending but silent for long is resumed.
    progressAt: integer("progress_at"),
    createdByUserId: text("created_by_user_id"),
    startedAt: integer("started_at"),
    finishedAt: integer("finished_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("automation_campaigns_workspace_idx").on(t.workspaceId, t.id),
    // The minute schedule: campaigns due to start, and sending campaigns that went silent.
    index("automation_campaigns_status_idx").on(t.workspaceId, t.status, t.sendAt),
  ],
);

export const automationCampaignRecipients = sqliteTable(
  "automation_campaign_recipients",
  {
    workspaceId: workspaceId(),
    campaignId: text("campaign_id").notNull(),
    customerId: text("customer_id").notNull(),
    messageId: text("message_id"),
    status: text("status", { enum: RECIPIENT_STATUSES }).notNull(),
    // Why it was skipped or failed (core's skip reason, or the provider's error).
    reason: text("reason"),
    clickedAt: integer("clicked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("automation_recipients_unique").on(t.workspaceId, t.campaignId, t.customerId),
    index("automation_recipients_message_idx").on(t.workspaceId, t.messageId),
    // Attribution: a customer's latest campaign message before an order.
    index("automation_recipients_customer_idx").on(t.workspaceId, t.customerId, t.createdAt),
  ],
);

export const automationConversions = sqliteTable(
  "automation_conversions",
  {
    id: id(),
    workspaceId: workspaceId(),
    orderId: text("order_id").notNull(),
    customerId: text("customer_id").notNull(),
    // What the order is credited to (last touch): a campaign, or a flow version.
    campaignId: text("campaign_id"),
    flowId: text("flow_id"),
    amount: integer("amount").notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("automation_conversions_order_unique").on(t.workspaceId, t.orderId),
    index("automation_conversions_campaign_idx").on(t.workspaceId, t.campaignId),
    index("automation_conversions_flow_idx").on(t.workspaceId, t.flowId),
  ],
);

export const FLOW_STATUSES = ["draft", "active", "paused"] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/** A flow: its editable draft, and which published version new customers enter. */
export const automationFlows = sqliteTable(
  "automation_flows",
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text("name").notNull(),
    status: text("status", { enum: FLOW_STATUSES }).notNull(),
    draft: json<FlowDefinition>("draft").notNull(),
    // The published version new enrollments take (null until first published).
    version: integer("version"),
    // What starts it, copied from the published version so an event finds its flows by index.
    triggerKey: text("trigger_key"),
    // A recurring flow's next occurrence, a segment flow's next scan (epoch ms).
    nextRunAt: integer("next_run_at"),
    // The segment whose first scan is done: its members then were there already, not newly in it.
    segmentBaseline: text("segment_baseline"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("automation_flows_workspace_idx").on(t.workspaceId, t.id), index("automation_flows_trigger_idx").on(t.workspaceId, t.triggerKey, t.status)],
);

/** A published version: frozen, the steps its enrollments run to the end. */
export const automationFlowVersions = sqliteTable(
  "automation_flow_versions",
  {
    workspaceId: workspaceId(),
    flowId: text("flow_id").notNull(),
    version: integer("version").notNull(),
    definition: json<FlowDefinition>("definition").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("automation_flow_versions_unique").on(t.workspaceId, t.flowId, t.version)],
);

export const ENROLLMENT_STATUSES = ["active", "waiting", "completed", "exited"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** One customer in one version of a flow: the next step, and when a wait ends. */
export const automationEnrollments = sqliteTable(
  "automation_enrollments",
  {
    id: id(),
    workspaceId: workspaceId(),
    flowId: text("flow_id").notNull(),
    version: integer("version").notNull(),
    customerId: text("customer_id").notNull(),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull(),
    // Re-entry starts a new round on the same row; receipts are per round.
    round: integer("round").notNull().default(0),
    step: integer("step").notNull().default(0),
    wakeAt: integer("wake_at"),
    // The split arm taken, for the per-arm report.
    arm: text("arm"),
    // Tries of the current step so far (an outgoing webhook retried with back-off).
    attempts: integer("attempts").notNull().default(0),
    exitReason: text("exit_reason"),
    enteredAt: integer("entered_at").notNull(),
    convertedAt: integer("converted_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("automation_enrollments_unique").on(t.workspaceId, t.flowId, t.version, t.customerId),
    index("automation_enrollments_customer_idx").on(t.workspaceId, t.customerId, t.status),
    // The wake-up tick: due waits only, in due order (partial: finished enrollments are not in it).
    index("automation_enrollments_wake_idx").on(t.workspaceId, t.wakeAt).where(sql`status = 'waiting'`),
    index("automation_enrollments_flow_idx").on(t.workspaceId, t.flowId, t.status),
  ],
);

/** Each step of an enrollment's round runs once: its receipt is written with its effect. */
export const automationStepReceipts = sqliteTable(
  "automation_step_receipts",
  {
    workspaceId: workspaceId(),
    enrollmentId: text("enrollment_id").notNull(),
    round: integer("round").notNull(),
    step: integer("step").notNull(),
    flowId: text("flow_id").notNull(),
    // What happened: sent, deferred, skipped:<reason>, failed, waited, branched, split:<arm>, coupon_issued, points_awarded, exited.
    outcome: text("outcome").notNull(),
    messageId: text("message_id"),
    // What the step made for the steps after it: a coupon step's code (the sends' {coupon}).
    detail: text("detail"),
    // A send's message as the provider reported it (delivered, failed), and its first click.
    delivery: text("delivery", { enum: ["delivered", "failed"] }),
    clickedAt: integer("clicked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("automation_step_receipts_unique").on(t.workspaceId, t.enrollmentId, t.round, t.step),
    index("automation_step_receipts_flow_idx").on(t.workspaceId, t.flowId, t.step),
    index("automation_step_receipts_message_idx").on(t.workspaceId, t.messageId),
    // The per-flow daily send limit counts the flow's sends since local midnight.
    index("automation_step_receipts_day_idx").on(t.workspaceId, t.flowId, t.createdAt),
  ],
);

/** Who is in a segment-entry flow's segment, as its scans last saw: a customer not in it before is newly in it. */
export const automationSegmentMembers = sqliteTable(
  "automation_segment_members",
  {
    workspaceId: workspaceId(),
    flowId: text("flow_id").notNull(),
    segmentId: text("segment_id").notNull(),
    customerId: text("customer_id").notNull(),
    enteredAt: integer("entered_at").notNull(),
  },
  (t) => [uniqueIndex("automation_segment_members_unique").on(t.workspaceId, t.flowId, t.segmentId, t.customerId)],
);

/** The workspace's secret that signs the flows' outgoing webhooks (sealed at rest). */
export const automationSigningKeys = sqliteTable("automation_signing_keys", {
  workspaceId: text("workspace_id").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: createdAt(),
});
