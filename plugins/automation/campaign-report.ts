// A campaign's report from its recipient rows, their customers' consent and the conversions: three
// aggregate queries.
import { and, eq, inArray, sql } from "drizzle-orm";
import { customersTable, type PluginContext } from "../../worker/plugin-api";
import type { CampaignView } from "./campaign-schemas";
import { automationCampaignRecipients as recipients, automationCampaigns as campaigns, automationConversions as conversions } from "./schema";

type Campaign = typeof campaigns.$inferSelect;

export async function campaignReport(ctx: PluginContext<unknown>, campaign: Campaign): Promise<CampaignView["report"]> {
  const mine = and(eq(recipients.workspaceId, ctx.workspaceId), eq(recipients.campaignId, campaign.id));
  const consent = campaign.channel === "sms" ? { state: customersTable.consentSms, at: customersTable.consentSmsAt } : { state: customersTable.consentEmail, at: customersTable.consentEmailAt };
  const [counts, [won], [optedOut]] = await Promise.all([
    ctx.db
      .select({ status: recipients.status, reason: recipients.reason, n: sql<number>`count(*)`, clicked: sql<number>`count(${recipients.clickedAt})` })
      .from(recipients)
      .where(mine)
      .groupBy(recipients.status, sql`case when ${recipients.status} = 'skipped' then ${recipients.reason} end`),
    ctx.db
      .select({ n: sql<number>`count(*)`, revenue: sql<number>`coalesce(sum(${conversions.amount}), 0)` })
      .from(conversions)
      .where(and(eq(conversions.workspaceId, ctx.workspaceId), eq(conversions.campaignId, campaign.id))),
    // Withdrawn after the message was recorded (an opt-out reply, or by hand): each recipient once.
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(recipients)
      .innerJoin(customersTable, and(eq(customersTable.workspaceId, recipients.workspaceId), eq(customersTable.id, recipients.customerId)))
      .where(and(mine, inArray(recipients.status, ["sent", "delivered", "deferred"]), eq(consent.state, "withdrawn"), sql`${consent.at} >= ${recipients.createdAt}`)),
  ]);
  const report: CampaignView["report"] = {
    targeted: campaign.targeted ?? 0,
    sent: 0,
    deferred: 0,
    skipped: { no_consent: 0, no_address: 0, capped: 0, daily_limit: 0 },
    delivered: 0,
    failed: 0,
    clicked: 0,
    optedOut: Number(optedOut?.n ?? 0),
    conversions: Number(won?.n ?? 0),
    revenue: Number(won?.revenue ?? 0),
  };
  for (const row of counts) {
    const n = Number(row.n);
    report.clicked += Number(row.clicked);
    if (row.status === "skipped") {
      const reason = row.reason as keyof typeof report.skipped;
      if (reason in report.skipped) report.skipped[reason] += n;
    } else if (row.status === "delivered") {
      report.delivered += n;
      report.sent += n; // a delivered message was sent first
    } else report[row.status] += n;
  }
  return report;
}

export async function presentCampaign(ctx: PluginContext<unknown>, campaign: Campaign): Promise<CampaignView> {
  return {
    id: campaign.id,
    name: campaign.name,
    segmentId: campaign.segmentId,
    filter: campaign.filter,
    channel: campaign.channel,
    template: campaign.template,
    body: campaign.body,
    status: campaign.status,
    sendAt: campaign.sendAt,
    startedAt: campaign.startedAt,
    finishedAt: campaign.finishedAt,
    createdAt: campaign.createdAt,
    report: await campaignReport(ctx, campaign),
  };
}
