// The panel on a customer's page: the flows they are in (or were), where they stand, and what each
// step did to them (sent, deferred, skipped with the reason, tagged, …), and the campaigns that
// reached them with what became of each message. Three indexed reads by customer.
import { and, desc, eq, inArray } from "drizzle-orm";
import { uiText as both, type PluginContext, type UiBlock } from "../../worker/plugin-api";
import { outcomeText } from "./flow-outcomes";
import {
  automationCampaignRecipients as recipients,
  automationCampaigns as campaigns,
  automationEnrollments as enrollments,
  automationFlows as flows,
  automationStepReceipts as receipts,
} from "./schema";

const ENROLLMENT_STATUS = {
  active: both("Running", "در حال اجرا"),
  waiting: both("Waiting", "در انتظار"),
  completed: both("Completed", "تمام‌شده"),
  exited: both("Left", "خارج‌شده"),
} as const;

const RECIPIENT_STATUS = {
  sent: both("Sent", "ارسال‌شده"),
  deferred: both("Deferred", "به تعویق افتاده"),
  skipped: both("Skipped", "ردشده"),
  failed: both("Failed", "ناموفق"),
  delivered: both("Delivered", "تحویل‌شده"),
} as const;

export async function customerPanel(ctx: PluginContext<unknown>, customerId: string): Promise<UiBlock[]> {
  const [inFlows, inCampaigns] = await Promise.all([
    ctx.db
      .select({ id: enrollments.id, round: enrollments.round, status: enrollments.status, step: enrollments.step, enteredAt: enrollments.enteredAt, name: flows.name })
      .from(enrollments)
      .innerJoin(flows, and(eq(flows.workspaceId, enrollments.workspaceId), eq(flows.id, enrollments.flowId)))
      .where(and(eq(enrollments.workspaceId, ctx.workspaceId), eq(enrollments.customerId, customerId)))
      .orderBy(desc(enrollments.enteredAt))
      .limit(20),
    ctx.db
      .select({ name: campaigns.name, status: recipients.status, reason: recipients.reason, at: recipients.createdAt, clickedAt: recipients.clickedAt })
      .from(recipients)
      .innerJoin(campaigns, and(eq(campaigns.workspaceId, recipients.workspaceId), eq(campaigns.id, recipients.campaignId)))
      .where(and(eq(recipients.workspaceId, ctx.workspaceId), eq(recipients.customerId, customerId)))
      .orderBy(desc(recipients.createdAt))
      .limit(20),
  ]);
  const steps = inFlows.length
    ? await ctx.db
        .select({ enrollmentId: receipts.enrollmentId, round: receipts.round, step: receipts.step, outcome: receipts.outcome, at: receipts.createdAt })
        .from(receipts)
        .where(and(eq(receipts.workspaceId, ctx.workspaceId), inArray(receipts.enrollmentId, inFlows.map((row) => row.id))))
        .orderBy(desc(receipts.createdAt))
        .limit(50)
    : [];
  const flowName = new Map(inFlows.map((row) => [row.id, row.name]));
  return [
    {
      type: "table",
      title: both("Flows", "جریان‌ها"),
      columns: [
        { key: "flow", label: both("Flow", "جریان") },
        { key: "status", label: both("Status", "وضعیت"), format: "badge" },
        { key: "step", label: both("Next step", "گام بعد"), format: "number" },
        { key: "entered", label: both("Entered", "ورود"), format: "datetime" },
      ],
      rows: inFlows.map((row) => ({ flow: row.name, status: ENROLLMENT_STATUS[row.status], step: row.step + 1, entered: row.enteredAt })),
      empty: both("Not in any flow.", "در هیچ جریانی نیست."),
    },
    {
      type: "table",
      title: both("What the flows did", "آنچه جریان‌ها انجام دادند"),
      columns: [
        { key: "flow", label: both("Flow", "جریان") },
        { key: "step", label: both("Step", "گام"), format: "number" },
        { key: "outcome", label: both("Outcome", "نتیجه") },
        { key: "at", label: both("When", "زمان"), format: "datetime" },
      ],
      rows: steps.map((row) => ({ flow: flowName.get(row.enrollmentId) ?? "", step: row.step + 1, outcome: outcomeText(row.outcome), at: row.at })),
      empty: both("Nothing yet.", "هنوز چیزی نیست."),
    },
    {
      type: "table",
      title: both("Campaigns", "کمپین‌ها"),
      columns: [
        { key: "campaign", label: both("Campaign", "کمپین") },
        { key: "status", label: both("Message", "پیام"), format: "badge" },
        { key: "reason", label: both("Reason", "دلیل") },
        { key: "at", label: both("When", "زمان"), format: "datetime" },
        { key: "clicked", label: both("Clicked", "کلیک"), format: "datetime" },
      ],
      rows: inCampaigns.map((row) => ({ campaign: row.name, status: RECIPIENT_STATUS[row.status], reason: row.reason, at: row.at, clicked: row.clickedAt })),
      empty: both("No campaign has reached them.", "هیچ کمپینی به این مشتری نرسیده است."),
    },
  ];
}
