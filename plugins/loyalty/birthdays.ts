// The birthday bonus: on the member's birthday (the workspace's local date; 29 February is
// celebrated on the 28th in other years), once a year, by a daily run.
import { and, eq, isNull, sql } from "drizzle-orm";
import { customersTable, localDay, workspaceProfile, type PluginContext } from "../../worker/plugin-api";
import { commitPerMember } from "./batches";
import { planCredits } from "./credits";
import { findMember } from "./members";
import { loyaltyMembers } from "./schema";
import type { LoyaltySettings } from "./settings";

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The birthdays (MM-DD) celebrated on a local day. */
export function birthdaysOn(day: string): string[] {
  const [year, monthDay] = [Number(day.slice(0, 4)), day.slice(5)];
  return monthDay === "02-28" && !isLeap(year) ? ["02-28", "02-29"] : [monthDay];
}

export async function giveBirthdayBonuses(ctx: PluginContext<LoyaltySettings>): Promise<{ members: number }> {
  const bonus = ctx.settings.birthdayBonus;
  if (bonus === 0) return { members: 0 };
  const today = localDay(ctx.now(), ctx.timeZone);
  const days = birthdaysOn(today);
  const rows = await ctx.db
    .select({ customerId: loyaltyMembers.customerId })
    .from(loyaltyMembers)
    .innerJoin(customersTable, and(eq(customersTable.workspaceId, loyaltyMembers.workspaceId), eq(customersTable.id, loyaltyMembers.customerId)))
    .where(
      and(
        eq(loyaltyMembers.workspaceId, ctx.workspaceId),
        isNull(loyaltyMembers.erasedAt),
        isNull(customersTable.erasedAt),
        isNull(customersTable.mergedInto),
        sql`substr(${customersTable.birthday}, 6, 5) in (${sql.join(days.map((d) => sql`${d}`), sql`, `)})`,
      ),
    );
  const { locale } = await workspaceProfile(ctx);
  const year = today.slice(0, 4);
  const report = await commitPerMember(ctx, rows, (row) => row.customerId, async ({ customerId }) => {
    const member = await findMember(ctx, customerId);
    if (!member) return [];
    const plan = await planCredits(
      ctx,
      member,
      [{ customerId, kind: "earn", rule: "birthday", points: bonus, sourceKind: "event", sourceId: `birthday:${today}`, dedupeKey: `birthday:${customerId}:${year}` }],
      locale,
    );
    return plan.statements;
  });
  return { members: report.written };
}
