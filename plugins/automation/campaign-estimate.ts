// What a campaign would do if sent now, before it is sent: how many customers it matches, how many
// core would skip and why (no consent, no address, over the frequency cap), whether quiet hours
// would hold it back, and for SMS the parts × recipients and the cost (core's preview). One
// aggregate query for the counts. The cap is estimated from this plugin's own marketing sends in
// the cap's windows (core applies the real cap, over every sender, at send time).
import { sql, type SQL } from "drizzle-orm";
import { customersTable, hasAddress, type PluginContext } from "../../worker/plugin-api";
import type { CampaignContent } from "./campaign-schemas";
import { automationCampaignRecipients as recipients } from "./schema";

const DAY_MS = 86_400_000;

interface Counts {
  audience: number;
  noConsent: number;
  noAddress: number;
  capped: number;
}

async function countAudience(ctx: PluginContext<unknown>, condition: SQL, channel: "sms" | "email", caps: { perDay: number; perWeek: number }): Promise<Counts> {
  const consent = channel === "sms" ? customersTable.consentSms : customersTable.consentEmail;
  const now = ctx.now();
  const sentSince = (since: number) =>
    sql`(select count(*) from ${recipients} where ${recipients.workspaceId} = ${customersTable.workspaceId} and ${recipients.customerId} = ${customersTable.id} and ${recipients.createdAt} > ${since} and ${recipients.status} in ('sent', 'deferred', 'delivered'))`;
  const reachable = sql`${consent} = 'granted' and ${hasAddress(channel)}`;
  const [row] = await ctx.db
    .select({
      audience: sql<number>`count(*)`,
      noConsent: sql<number>`coalesce(sum(${consent} <> 'granted'), 0)`,
      noAddress: sql<number>`coalesce(sum(${consent} = 'granted' and not ${hasAddress(channel)}), 0)`,
      capped: sql<number>`coalesce(sum(${reachable} and (${sentSince(now - DAY_MS)} >= ${caps.perDay} or ${sentSince(now - 7 * DAY_MS)} >= ${caps.perWeek})), 0)`,
    })
    .from(customersTable)
    .where(condition);
  return { audience: Number(row?.audience ?? 0), noConsent: Number(row?.noConsent ?? 0), noAddress: Number(row?.noAddress ?? 0), capped: Number(row?.capped ?? 0) };
}

/** Minutes since local midnight of an instant in a time zone. */
function localMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(at));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return value("hour") * 60 + value("minute");
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** When marketing sent at `at` may go out under quiet hours: `at` itself inside the window, else the window's next start. */
export function quietHoursRelease(at: number, quietHours: { start: string; end: string }, timeZone: string): number {
  const minute = localMinutes(at, timeZone);
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  if (minute >= start && minute < end) return at;
  const wait = (minute < start ? start - minute : 24 * 60 - minute + start) * 60_000;
  return at - (at % 60_000) + wait;
}

export async function estimateCampaign(ctx: PluginContext<unknown>, condition: SQL, content: Pick<CampaignContent, "channel" | "template" | "body">, at = ctx.now()) {
  const policy = await ctx.messaging.policy();
  const counts = await countAudience(ctx, condition, content.channel, policy.caps);
  const reachable = Math.max(0, counts.audience - counts.noConsent - counts.noAddress - counts.capped);
  const dailyLimit = policy.dailyLimit === null ? 0 : Math.max(0, reachable - policy.dailyLimit);
  const release = quietHoursRelease(at, policy.quietHours, policy.timeZone);
  let sms = null;
  if (content.channel === "sms") {
    // Each customer reads their language: the estimate takes the costlier of the two texts.
    const previews = await Promise.all(
      (["fa", "en"] as const).map((locale) =>
        ctx.messaging.preview({ channel: "sms", ...(content.template ? { template: content.template } : { body: content.body![locale] }), locale, recipients: reachable - dailyLimit }),
      ),
    );
    const preview = previews[0]!.parts >= previews[1]!.parts ? previews[0]! : previews[1]!;
    sms = { encoding: preview.encoding, characters: preview.characters, parts: preview.parts, recipients: preview.recipients, totalParts: preview.parts * preview.recipients, totalCost: preview.totalCost };
  }
  return {
    audience: counts.audience,
    reachable: reachable - dailyLimit,
    skipped: { no_consent: counts.noConsent, no_address: counts.noAddress, capped: counts.capped, daily_limit: dailyLimit },
    deferredUntil: release > at ? release : null,
    sms,
  };
}
